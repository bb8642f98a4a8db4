//! `GET /w/api.php?action=wbgetentities`: several entities, with `props`, `languages` and
//! `languagefallback`; missing ids, redirects, the 50-id limit.

use crate::model::parse_qid;
use crate::render::{self, Langs, Props};
use crate::response::{api_error, json_response};
use crate::route::param;
use crate::{json, Replica, Response};

impl Replica {
    pub(crate) fn get_entities(&self, query: &str, served: &mut Vec<u32>) -> Response {
        let Some(ids_param) = param(query, "ids") else {
            return api_error(
                "param-missing",
                "Either provide the item \"ids\" or pairs of \"sites\" and \"titles\" for corresponding pages",
                &[],
            );
        };
        let mut ids: Vec<String> = Vec::new();
        for id in ids_param
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let id = id.to_string();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.len() > 50 {
            return api_error(
                "toomanyvalues",
                "Too many values supplied for parameter \"ids\". The limit is 50.",
                &[
                    ("parameter", "ids".into()),
                    ("limit", 50.into()),
                    ("lowlimit", 50.into()),
                    ("highlimit", 500.into()),
                ],
            );
        }
        // Wikibase's default props: everything, but sitelinks without URLs.
        let mut props = Props {
            sitelink_urls: false,
            ..Props::ALL
        };
        if let Some(p) = param(query, "props") {
            let list: Vec<&str> = p.split('|').collect();
            props = Props {
                info: list.contains(&"info"),
                labels: list.contains(&"labels"),
                descriptions: list.contains(&"descriptions"),
                aliases: list.contains(&"aliases"),
                claims: list.contains(&"claims"),
                sitelinks: list.contains(&"sitelinks") || list.contains(&"sitelinks/urls"),
                sitelink_urls: list.contains(&"sitelinks/urls"),
            };
        }
        let langs = Langs {
            only: param(query, "languages").map(|l| {
                l.split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            }),
            fallback: param(query, "languagefallback")
                .is_some_and(|v| !v.is_empty() && v != "0" && v != "false"),
        };
        // Validate every id first, as Wikibase does.
        let mut parsed = Vec::with_capacity(ids.len());
        for id in &ids {
            let upper = id.to_ascii_uppercase();
            match parse_qid(&upper) {
                Some(q) => parsed.push((upper, q)),
                None => {
                    return api_error(
                        "no-such-entity",
                        &format!("Could not find an entity with the ID \"{id}\"."),
                        &[("id", id.as_str().into())],
                    )
                }
            }
        }
        let mut out = String::with_capacity(4096 * parsed.len().max(1));
        out.push_str("{\"entities\":{");
        let mut sep = json::Sep::new();
        for (id, q) in parsed {
            sep.next(&mut out);
            json::key(&mut out, &id);
            match self.resolve(q) {
                None if crate::model::extra::resolve(q).is_some() => {
                    if let Some((e, from)) = crate::model::extra::resolve(q) {
                        let ctx = render::Ctx {
                            data: &self.data,
                            inst: self.opts.instance,
                            payload: self.opts.payload,
                            props,
                            langs: &langs,
                            pad_to: None,
                        };
                        render::extra_entity(&mut out, &ctx, e, from);
                        served.push(e.qid);
                    }
                }
                None => {
                    out.push('{');
                    json::kv(&mut out, "id", &id);
                    out.push_str(",\"missing\":\"\"}");
                }
                Some((idx, from)) => {
                    let ctx = render::Ctx {
                        data: &self.data,
                        inst: self.opts.instance,
                        payload: self.opts.payload,
                        props,
                        langs: &langs,
                        pad_to: self.pad_for(idx),
                    };
                    render::entity(&mut out, &ctx, idx, from);
                    if let Some(p) = self.data.person(idx) {
                        served.push(p.qid);
                    }
                }
            }
        }
        out.push_str("},\"success\":1}");
        json_response(200, out)
    }
}

//! `GET /w/api.php?action=wbsearchentities`: Wikidata's result objects over the prefix index
//! in `search.rs`, with `limit` and `continue`.

use std::fmt::Write as _;

use crate::model::mix2;
use crate::response::{api_error, json_response};
use crate::route::param;
use crate::search::SearchIndex;
use crate::{json, Replica, Response};

impl Replica {
    pub(crate) fn search_entities(&self, query: &str) -> Response {
        let Some(search) = param(query, "search") else {
            return api_error("missingparam", "The \"search\" parameter must be set.", &[]);
        };
        let Some(language) = param(query, "language") else {
            return api_error(
                "missingparam",
                "The \"language\" parameter must be set.",
                &[],
            );
        };
        let limit = match param(query, "limit").as_deref() {
            None => 7,
            Some("max") => 50,
            Some(l) => match l.parse::<usize>() {
                Ok(n) if (1..=50).contains(&n) => n,
                Ok(n) if n > 50 => 50,
                _ => {
                    return api_error(
                        "badinteger",
                        &format!("Invalid value \"{l}\" for integer parameter \"limit\"."),
                        &[],
                    )
                }
            },
        };
        let offset = param(query, "continue")
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or(0)
            .min(1000);
        let index = self.search.get_or_init(|| SearchIndex::build(&self.data));
        let hits = index.find(&self.data, &search, offset + limit + 1);
        let mut out = String::new();
        out.push_str("{\"searchinfo\":{");
        json::kv(&mut out, "search", &search);
        out.push_str("},\"search\":[");
        let mut sep = json::Sep::new();
        for hit in hits.iter().skip(offset).take(limit) {
            let Some(p) = self.data.person(hit.idx) else {
                continue;
            };
            sep.next(&mut out);
            let q = p.qid;
            let label = self.data.label(hit.idx);
            let h = mix2(q as u64, 0x696e666f);
            let inst = self.opts.instance;
            let host = inst.site.trim_start_matches("https:");
            let _ = write!(
                out,
                "{{\"id\":\"Q{q}\",\"title\":\"Q{q}\",\"pageid\":{},\"concepturi\":\"{}Q{q}\",\"repository\":\"wikidata\",\"url\":\"{host}/wiki/Q{q}\",\"display\":{{\"label\":{{",
                1_000_000 + (h % 120_000_000),
                inst.entity
            );
            json::kv(&mut out, "value", label);
            out.push_str(",\"language\":\"en\"}");
            let desc = self.data.title(p);
            if let Some(d) = desc {
                out.push_str(",\"description\":{");
                json::kv(&mut out, "value", d);
                out.push_str(",\"language\":\"en\"}");
            }
            out.push_str("},");
            json::kv(&mut out, "label", label);
            if let Some(d) = desc {
                out.push(',');
                json::kv(&mut out, "description", d);
            }
            out.push_str(",\"match\":{");
            match &hit.alias {
                Some(a) => {
                    json::kv(&mut out, "type", "alias");
                    out.push(',');
                    json::kv(&mut out, "language", "en");
                    out.push(',');
                    json::kv(&mut out, "text", a);
                    out.push_str("},\"aliases\":[");
                    json::string(&mut out, a);
                    out.push(']');
                }
                None => {
                    json::kv(&mut out, "type", "label");
                    out.push(',');
                    json::kv(&mut out, "language", "en");
                    out.push(',');
                    json::kv(&mut out, "text", label);
                    out.push('}');
                }
            }
            out.push('}');
        }
        out.push(']');
        if hits.len() > offset + limit {
            let _ = write!(out, ",\"search-continue\":{}", offset + limit);
        }
        let _ = language; // English labels serve every language, as Wikidata's fallback does.
        out.push_str(",\"success\":1}");
        json_response(200, out)
    }
}

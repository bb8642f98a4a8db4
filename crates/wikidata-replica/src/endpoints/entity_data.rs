//! `GET /wiki/Special:EntityData/{id}.json`: one entity, all props; redirects for lowercase
//! ids and missing `.json`.

use std::fmt::Write as _;

use crate::model::parse_qid;
use crate::render::{self, Langs, Props};
use crate::response::{html, json_response};
use crate::route::percent_decode;
use crate::{Replica, Response};

impl Replica {
    pub(crate) fn entity_data(&self, path: &str, ids: &mut Vec<u32>) -> Response {
        let rest = percent_decode(path.trim_start_matches("/wiki/Special:EntityData/"));
        let (id, ext) = match rest.rsplit_once('.') {
            Some((id, ext)) => (id.to_string(), Some(ext.to_string())),
            None => (rest.clone(), None),
        };
        let looks_like_id = id.len() > 1
            && id.starts_with(['Q', 'q'])
            && id.bytes().skip(1).all(|b| b.is_ascii_digit());
        if !looks_like_id {
            return html(400, "Bad Request", &format!("Invalid ID: {id}."));
        }
        let canonical = format!("Q{}", id.get(1..).unwrap_or(""));
        match ext.as_deref() {
            Some("json") if id.starts_with('Q') => {}
            Some("json") | None => {
                let status = if ext.is_none() { 303 } else { 301 };
                let mut r = html(status, "Redirect", "This entity data lives elsewhere.");
                r.headers.push((
                    "Location".into(),
                    format!("/wiki/Special:EntityData/{canonical}.json"),
                ));
                return r;
            }
            Some(other) => {
                return html(
                    400,
                    "Bad Request",
                    &format!("Unsupported format: {other} (this replica serves .json)."),
                )
            }
        }
        let Some(q) = parse_qid(&canonical) else {
            return html(400, "Bad Request", &format!("Invalid ID: {id}."));
        };
        let langs = Langs::default();
        let Some((idx, _from)) = self.resolve(q) else {
            if let Some((e, _from)) = crate::model::extra::resolve(q) {
                let ctx = render::Ctx {
                    data: &self.data,
                    inst: self.opts.instance,
                    payload: self.opts.payload,
                    props: Props::ALL,
                    langs: &langs,
                    pad_to: None,
                };
                let mut out = String::with_capacity(1024);
                let _ = write!(out, "{{\"entities\":{{\"Q{}\":", e.qid);
                render::extra_entity(&mut out, &ctx, e, None);
                out.push_str("}}");
                ids.push(e.qid);
                return json_response(200, out);
            }
            return html(
                404,
                "Not Found",
                &format!("No entity with ID {canonical} was found."),
            );
        };
        let ctx = render::Ctx {
            data: &self.data,
            inst: self.opts.instance,
            payload: self.opts.payload,
            props: Props::ALL,
            langs: &langs,
            pad_to: self.pad_for(idx),
        };
        let Some(p) = self.data.person(idx) else {
            return html(
                404,
                "Not Found",
                &format!("No entity with ID {canonical} was found."),
            );
        };
        let mut out = String::with_capacity(4096);
        let _ = write!(out, "{{\"entities\":{{\"Q{}\":", p.qid);
        render::entity(&mut out, &ctx, idx, None);
        out.push_str("}}");
        ids.push(p.qid);
        json_response(200, out)
    }
}

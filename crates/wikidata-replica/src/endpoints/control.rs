//! `/__replica/*`: people, quirks, stats and reset (no latency, no faults, not counted).

use std::fmt::Write as _;

use crate::model::{self, quirk};
use crate::response::{html, json_response};
use crate::{json, Replica, Response};

impl Replica {
    pub(crate) fn control(&self, path: &str, is_get: bool, is_post: bool) -> Response {
        match (path, is_get, is_post) {
            ("/__replica/people", true, _) => {
                let mut out = String::with_capacity(self.data.people.len() * 64);
                out.push('[');
                for (i, p) in self.data.people.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('{');
                    json::kv(&mut out, "gedcom_id", &p.gedcom_id);
                    let _ = write!(out, ",\"qid\":\"Q{}\",", p.qid);
                    json::kv(&mut out, "label", self.data.label(i as u32));
                    out.push('}');
                }
                out.push(']');
                json_response(200, out)
            }
            ("/__replica/quirks", true, _) => {
                let mut list = Vec::new();
                for (i, p) in self.data.people.iter().enumerate() {
                    if p.quirks == 0 {
                        continue;
                    }
                    let mut names = Vec::new();
                    for (bit, name) in [
                        (quirk::DEPRECATED_FATHER, "deprecated_father"),
                        (quirk::UNKNOWN_PARENT, "unknown_parent"),
                        (quirk::ONE_SIDED, "one_sided"),
                        (quirk::REDIRECTED, "redirected"),
                        (quirk::DELETED, "deleted"),
                        (quirk::DUPLICATE, "duplicate"),
                    ] {
                        if p.quirks & bit != 0 {
                            names.push(name);
                        }
                    }
                    let mut row = serde_json::json!({
                        "gedcom_id": &*p.gedcom_id,
                        "qid": format!("Q{}", p.qid),
                        "quirks": names,
                    });
                    if p.quirks & quirk::REDIRECTED != 0 {
                        row["redirect_from"] =
                            format!("Q{}", model::REDIRECT_QID_BASE + i as u32).into();
                    }
                    list.push(row);
                }
                json_response(200, serde_json::Value::from(list).to_string())
            }
            ("/__replica/stats", true, _) => json_response(200, self.stats().to_json().to_string()),
            ("/__replica/reset", _, true) => {
                self.stats().reset();
                json_response(200, "{\"reset\":true}".into())
            }
            ("/__replica/people" | "/__replica/quirks" | "/__replica/stats", false, _)
            | ("/__replica/reset", _, false) => {
                html(405, "Method Not Allowed", "Wrong method for this endpoint.")
            }
            _ => html(404, "Not Found", &format!("No control endpoint {path}.")),
        }
    }
}

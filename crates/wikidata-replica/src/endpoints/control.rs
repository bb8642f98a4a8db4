//! `/__replica/*`: people, quirks, stats and reset (no latency, no faults, not counted).

use std::fmt::Write as _;

use crate::model::{self, quirk};
use crate::response::{html, json_response};
use crate::{json, Replica, Response};

impl Replica {
    /// `/__replica/sources`: what `--sources mixed` chose (empty lists without it).
    fn sources_json(&self) -> serde_json::Value {
        let d = &self.data;
        let q = |i: u32| {
            d.person(i)
                .map(|p| format!("Q{}", p.qid))
                .unwrap_or_default()
        };
        let Some(info) = &d.sources else {
            return serde_json::json!({"mixed": false, "adoptive": [], "second_fathers": [], "impossible_dates": []});
        };
        let adoptive: Vec<_> = info
            .adoptive
            .iter()
            .map(|&(c, p, father)| {
                serde_json::json!({
                    "child": q(c), "parent": q(p),
                    "property": if father { "P22" } else { "P25" },
                    "kinship": if father { "Q61740757" } else { "Q61740758" },
                })
            })
            .collect();
        let second: Vec<_> = info
            .second_fathers
            .iter()
            .map(|&(c, f)| {
                let father = d.person(c).map_or(model::NONE, |p| p.father);
                serde_json::json!({"child": q(c), "father": q(father), "second_father": q(f)})
            })
            .collect();
        let dates: Vec<_> = info
            .impossible_dates
            .iter()
            .map(|&(c, p, what)| serde_json::json!({"child": q(c), "parent": q(p), "kind": what}))
            .collect();
        serde_json::json!({"mixed": true, "adoptive": adoptive, "second_fathers": second, "impossible_dates": dates})
    }

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
            ("/__replica/sources", true, _) => json_response(200, self.sources_json().to_string()),
            ("/__replica/stats", true, _) => json_response(200, self.stats().to_json().to_string()),
            ("/__replica/reset", _, true) => {
                self.stats().reset();
                json_response(200, "{\"reset\":true}".into())
            }
            (
                "/__replica/people" | "/__replica/quirks" | "/__replica/stats"
                | "/__replica/sources",
                false,
                _,
            )
            | ("/__replica/reset", _, false) => {
                html(405, "Method Not Allowed", "Wrong method for this endpoint.")
            }
            _ => html(404, "Not Found", &format!("No control endpoint {path}.")),
        }
    }
}

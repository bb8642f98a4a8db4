//! Sitelinks: Wikipedia pages (one at most for lean, ~90 for full), with `url` when asked for.

use std::fmt::Write as _;

use super::terms::FULL_LANGS;
use super::{Ctx, Payload};
use crate::json::{key, kv, Sep};
use crate::model::{mix2, Person};

/// Wikipedia-style page title and URL path for the English sitelink.
fn wiki_url(host: &str, title: &str) -> String {
    let path: String = title.replace(' ', "_");
    let mut enc = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"_-.,()'!:".contains(&b) {
            enc.push(char::from(b));
        } else {
            let _ = write!(enc, "%{b:02X}");
        }
    }
    format!("https://{host}/wiki/{enc}")
}

pub(super) fn sitelinks(out: &mut String, c: &Ctx, idx: u32, p: &Person) {
    out.push('{');
    let label = c.data.label(idx);
    let mut sep = Sep::new();
    let sites: Vec<(&str, &str)> = match c.payload {
        Payload::Lean => {
            if !label.is_empty() && mix2(p.qid as u64, 0x5349).is_multiple_of(2) {
                vec![("enwiki", "en")]
            } else {
                Vec::new()
            }
        }
        Payload::Full if !label.is_empty() => FULL_LANGS
            .iter()
            .filter(|l| !l.contains('-'))
            .map(|l| (*l, *l))
            .collect(),
        Payload::Full => Vec::new(),
    };
    for (site, lang) in sites {
        sep.next(out);
        let site = if site.ends_with("wiki") {
            site.to_string()
        } else {
            format!("{}wiki", site.replace('-', "_"))
        };
        key(out, &site);
        out.push('{');
        kv(out, "site", &site);
        out.push(',');
        kv(out, "title", label);
        out.push_str(",\"badges\":[]");
        if c.props.sitelink_urls {
            out.push(',');
            kv(
                out,
                "url",
                &wiki_url(&format!("{lang}.wikipedia.org"), label),
            );
        }
        out.push('}');
    }
    out.push('}');
}

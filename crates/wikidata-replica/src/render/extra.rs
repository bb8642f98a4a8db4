//! The extra items (`model/extra.rs`: fixtures, sources, qualifier values) in Wikidata's JSON:
//! the same keys and order as a person, with labels, an English description and one P31.

use std::fmt::Write as _;

use super::snak::datatype_of;
use super::statement::{statement, Refs};
use super::terms::term_map;
use super::Ctx;
use crate::json::kn;
use crate::model::extra::Extra;
use crate::model::mix2;

/// Seed of an extra item's P31 statement id.
pub fn p31_seed(q: u32) -> u64 {
    mix2(q as u64, 31_000)
}

/// Render an extra item; `redirected_from` is the id it was asked by, if a redirect.
pub fn extra_entity(out: &mut String, c: &Ctx, e: &Extra, redirected_from: Option<u32>) {
    let q = e.qid;
    out.push('{');
    if let Some(from) = redirected_from {
        let _ = write!(
            out,
            "\"redirects\":{{\"from\":\"Q{from}\",\"to\":\"Q{q}\"}},"
        );
    }
    if c.props.info {
        let h = mix2(q as u64, 0x696e666f);
        kn(out, "pageid", 1_000_000 + (h % 120_000_000));
        out.push_str(",\"ns\":0,");
        let _ = write!(out, "\"title\":\"Q{q}\",");
        kn(out, "lastrevid", 1_900_000_000 + (h % 400_000_000));
        let _ = write!(out, ",\"modified\":\"2024-03-0{}T12:00:00Z\",", 1 + h % 9);
    }
    let _ = write!(out, "\"type\":\"item\",\"id\":\"Q{q}\"");
    if c.props.labels {
        out.push_str(",\"labels\":");
        let terms: Vec<(&str, String)> =
            e.labels.iter().map(|(l, v)| (*l, v.to_string())).collect();
        term_map(out, c, &terms);
    }
    if c.props.descriptions {
        out.push_str(",\"descriptions\":");
        term_map(out, c, &[("en", e.description.to_string())]);
    }
    if c.props.aliases {
        out.push_str(",\"aliases\":{}");
    }
    if c.props.claims {
        out.push_str(",\"claims\":{");
        if let Some(class) = e.instance_of {
            let p31 = c.inst.instance_of;
            let _ = write!(out, "\"{p31}\":[");
            let dt = c.inst.datatype(p31).unwrap_or_else(|| datatype_of(p31));
            statement(
                out,
                q,
                (p31, dt),
                super::snak::Val::Item(class),
                "normal",
                &[],
                Refs::None,
                p31_seed(q),
            );
            out.push(']');
        }
        out.push('}');
    }
    if c.props.sitelinks {
        out.push_str(",\"sitelinks\":{}");
    }
    out.push('}');
}

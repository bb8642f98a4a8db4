//! Statements: main snak, qualifiers, statement id, rank and references (P143 for lean,
//! fuller ones for full payloads); the qualifiers that carry a date's modifier.

use std::fmt::Write as _;

use super::snak::{hex40, snak, snak_typed, Val};
use crate::json::{key, kv, string, Sep};
use crate::model::sources::Ref;
use crate::model::{mix2, Modifier, PDate};

/// A statement id like `Q42$1D7D0EA9-412F-8B5B-BA8D-405AB9ECF026`.
pub fn statement_guid(qid: u32, h: u64) -> String {
    let a = mix2(h, 11);
    let b = mix2(h, 12);
    format!(
        "Q{qid}${:08X}-{:04X}-{:04X}-{:04X}-{:012X}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    )
}

fn statement_id(out: &mut String, qid: u32, h: u64) {
    let _ = write!(out, "\"{}\"", statement_guid(qid, h));
}

pub(super) struct Qual<'a> {
    pub(super) prop: &'a str,
    pub(super) vals: Vec<Val<'a>>,
}

/// One reference: `P143` imported from English Wikipedia (lean) or a fuller one (full).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Refs<'a> {
    None,
    Wikipedia,
    Rich(u8),
    /// `--sources mixed`: exactly these (maybe none).
    Explicit(&'a [Ref]),
}

/// Wikidata's reference JSON: `{"hash":…,"snaks":{"P248":[…],…},"snaks-order":[…]}`.
fn reference(out: &mut String, r: &Ref) {
    out.push('{');
    key(out, "hash");
    hex40(out, r.seed());
    out.push_str(",\"snaks\":{");
    let mut sep = Sep::new();
    if let Some(src) = r.stated_in {
        sep.next(out);
        out.push_str("\"P248\":[");
        snak(out, "P248", Val::Item(src), None);
        out.push(']');
    }
    if let Some(url) = &r.url {
        sep.next(out);
        out.push_str("\"P854\":[");
        snak(out, "P854", Val::Str(url), None);
        out.push(']');
    }
    if let Some(d) = r.retrieved {
        sep.next(out);
        out.push_str("\"P813\":[");
        snak(out, "P813", Val::Time(d), None);
        out.push(']');
    }
    if let Some(w) = r.imported_from {
        sep.next(out);
        out.push_str("\"P143\":[");
        snak(out, "P143", Val::Item(w), None);
        out.push(']');
    }
    out.push_str("},\"snaks-order\":[");
    let mut sep = Sep::new();
    for p in r.props() {
        sep.next(out);
        string(out, p);
    }
    out.push_str("]}");
}

#[allow(clippy::too_many_arguments)]
pub(super) fn statement(
    out: &mut String,
    qid: u32,
    (prop, datatype): (&str, &str),
    v: Val,
    rank: &str,
    quals: &[Qual],
    refs: Refs,
    h: u64,
) {
    out.push_str("{\"mainsnak\":");
    snak_typed(out, prop, datatype, v, None);
    out.push_str(",\"type\":\"statement\"");
    if !quals.is_empty() {
        out.push_str(",\"qualifiers\":{");
        let mut sep = Sep::new();
        for (qi, q) in quals.iter().enumerate() {
            sep.next(out);
            key(out, q.prop);
            out.push('[');
            let mut s2 = Sep::new();
            for (vi, v) in q.vals.iter().enumerate() {
                s2.next(out);
                snak(out, q.prop, *v, Some(mix2(h, (qi * 31 + vi) as u64 + 100)));
            }
            out.push(']');
        }
        out.push_str("},\"qualifiers-order\":[");
        let mut sep = Sep::new();
        for q in quals {
            sep.next(out);
            string(out, q.prop);
        }
        out.push(']');
    }
    out.push(',');
    key(out, "id");
    statement_id(out, qid, h);
    out.push(',');
    kv(out, "rank", rank);
    match refs {
        Refs::None => {}
        Refs::Explicit(list) => {
            if !list.is_empty() {
                out.push_str(",\"references\":[");
                let mut sep = Sep::new();
                for r in list {
                    sep.next(out);
                    reference(out, r);
                }
                out.push(']');
            }
        }
        Refs::Wikipedia => {
            out.push_str(",\"references\":[{");
            key(out, "hash");
            hex40(out, 328);
            out.push_str(",\"snaks\":{\"P143\":[");
            snak(out, "P143", Val::Item(328), None);
            out.push_str("]},\"snaks-order\":[\"P143\"]}]");
        }
        Refs::Rich(n) => {
            out.push_str(",\"references\":[");
            for r in 0..n.max(1) {
                if r > 0 {
                    out.push(',');
                }
                let rh = mix2(h, 500 + r as u64);
                out.push('{');
                key(out, "hash");
                hex40(out, rh);
                out.push_str(",\"snaks\":{\"P248\":[");
                snak(out, "P248", Val::Item(36578 + (rh % 1000) as u32), None);
                out.push_str("],\"P854\":[");
                let url = format!(
                    "https://d-nb.info/gnd/{}/about/html?r={}",
                    118_000_000 + rh % 1_000_000,
                    r
                );
                snak(out, "P854", Val::Str(&url), None);
                out.push_str("],\"P813\":[");
                snak(
                    out,
                    "P813",
                    Val::Time(PDate {
                        year: 2013 + (rh % 10) as i16,
                        month: 1 + (rh % 12) as u8,
                        day: 1 + (rh % 28) as u8,
                        modifier: Modifier::Exact,
                        julian: false,
                        end_year: 0,
                    }),
                    None,
                );
                out.push_str("]},\"snaks-order\":[\"P248\",\"P854\",\"P813\"]}");
            }
            out.push(']');
        }
    }
    out.push('}');
}

pub(super) fn date_quals(d: &PDate) -> Vec<Qual<'static>> {
    match d.modifier {
        Modifier::About => vec![Qual {
            prop: "P1480",
            vals: vec![Val::Item(5727902)],
        }],
        Modifier::Estimated | Modifier::Calculated => vec![Qual {
            prop: "P1480",
            vals: vec![Val::Item(18122778)],
        }],
        Modifier::Before => vec![Qual {
            prop: "P1326",
            vals: vec![Val::Time(*d)],
        }],
        Modifier::After => vec![Qual {
            prop: "P1319",
            vals: vec![Val::Time(*d)],
        }],
        Modifier::Between => vec![
            Qual {
                prop: "P1319",
                vals: vec![Val::Time(*d)],
            },
            Qual {
                prop: "P1326",
                vals: vec![Val::Year(d.end_year)],
            },
        ],
        Modifier::Exact | Modifier::None => Vec::new(),
    }
}

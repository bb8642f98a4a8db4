//! Padding for `full` payloads and `--big-entity`: non-family statements with references
//! until the entity reaches its size.

use super::snak::{datatype_of, Val};
use super::statement::{statement, Refs};
use crate::json::{key, Sep};
use crate::model::mix2;

/// Non-family properties used to pad `full` entities.
const PAD_PROPS: &[&str] = &[
    "P735", "P734", "P27", "P106", "P1412", "P39", "P97", "P53", "P140", "P551", "P19", "P20",
    "P119", "P1038", "P3373", "P214", "P227", "P244", "P213", "P646", "P269", "P268", "P1006",
    "P7859", "P2163", "P3430", "P4823",
];

pub(super) fn pad_claims(out: &mut String, qid: u32, start: usize, target: usize, first: &mut Sep) {
    let mut g: u64 = 0;
    while out.len().saturating_sub(start) < target {
        let prop_owned;
        let prop: &str = match PAD_PROPS.get(g as usize) {
            Some(p) => p,
            None => {
                prop_owned = format!("P{}", 5000 + g);
                &prop_owned
            }
        };
        first.next(out);
        key(out, prop);
        out.push('[');
        let h = mix2(qid as u64, 0x7061_6400 + g);
        let count = 1 + h % 4;
        for k in 0..count {
            if k > 0 {
                out.push(',');
            }
            let sh = mix2(h, k);
            let v = if datatype_of(prop) == "external-id" {
                let s = format!("{}{:08}", prop.to_ascii_lowercase(), sh % 100_000_000);
                out_statement_str(out, qid, prop, &s, sh);
                continue;
            } else {
                Val::Item(1000 + (sh % 5_000_000) as u32)
            };
            statement(
                out,
                qid,
                (prop, datatype_of(prop)),
                v,
                "normal",
                &[],
                Refs::Rich(1 + (sh % 3) as u8),
                sh,
            );
        }
        out.push(']');
        g += 1;
    }
}

fn out_statement_str(out: &mut String, qid: u32, prop: &str, s: &str, h: u64) {
    statement(
        out,
        qid,
        (prop, datatype_of(prop)),
        Val::Str(s),
        "normal",
        &[],
        Refs::Rich(1 + (h % 2) as u8),
        h,
    );
}

//! Claims: the family statements (from `family.rs`) in Wikidata's JSON, plus the padding of
//! `full` payloads and big entities.

use super::family::family_claims;
use super::padding::pad_claims;
use super::snak::datatype_of;
use super::statement::{statement, Refs};
use super::{Ctx, Payload};
use crate::json::{key, Sep};
use crate::model::{mix2, Person};

pub(super) fn claims(out: &mut String, c: &Ctx, idx: u32, p: &Person) {
    let q = p.qid;
    let start = out.len();
    let full = c.payload == Payload::Full;
    let fam_refs = if full { Refs::Rich(2) } else { Refs::Wikipedia };
    out.push('{');
    let mut props = Sep::new();
    for claim in family_claims(c.data, c.inst, idx, p) {
        let dt = c
            .inst
            .datatype(claim.prop)
            .unwrap_or_else(|| datatype_of(claim.prop));
        props.next(out);
        key(out, claim.prop);
        out.push('[');
        for (n, s) in claim.stmts.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            let refs = match &s.refs {
                Some(list) => Refs::Explicit(list),
                None if s.referenced => fam_refs,
                None => Refs::None,
            };
            statement(
                out,
                q,
                (claim.prop, dt),
                s.value.as_val(),
                s.rank,
                &s.quals,
                refs,
                s.h,
            );
        }
        out.push(']');
    }

    let target = match (c.pad_to, full) {
        (Some(t), _) => Some(t),
        (None, true) => Some(50_000 + (mix2(q as u64, 0x66756c6c) % 450_000) as usize),
        (None, false) => None,
    };
    if let Some(t) = target {
        pad_claims(out, q, start, t, &mut props);
    }
    out.push('}');
}

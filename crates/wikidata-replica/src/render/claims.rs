//! Claims: the family statements (P31, P21, P22, P25, P26, P40), dates (P569, P570) and the
//! portrait (P18), with the quirks that change them.

use super::padding::pad_claims;
use super::snak::Val;
use super::statement::{date_quals, statement, Qual, Refs};
use super::{Ctx, Payload};
use crate::json::{key, Sep};
use crate::model::{mix2, quirk, Data, Person, Sex, NONE};

/// P18 file name for a person, if any.
pub fn image_of(data: &Data, idx: u32, p: &Person) -> Option<String> {
    if let Some(f) = data.images.get(&idx) {
        return Some(f.to_string());
    }
    mix2(p.qid as u64, 0x50_3138)
        .is_multiple_of(5)
        .then(|| format!("Replica portrait Q{}.svg", p.qid))
}

pub(super) fn claims(out: &mut String, c: &Ctx, idx: u32, p: &Person) {
    let d = c.data;
    let q = p.qid;
    let start = out.len();
    let full = c.payload == Payload::Full;
    let fam_refs = if full { Refs::Rich(2) } else { Refs::Wikipedia };
    let dup = p.quirks & quirk::DUPLICATE != 0;
    out.push('{');
    let mut props = Sep::new();
    let h = |prop: u64, n: u64| mix2(q as u64, prop * 1000 + n);

    // P31 instance of human.
    props.next(out);
    out.push_str("\"P31\":[");
    statement(
        out,
        q,
        "P31",
        Val::Item(5),
        "normal",
        &[],
        fam_refs,
        h(31, 0),
    );
    if dup {
        out.push(',');
        statement(
            out,
            q,
            "P31",
            Val::Item(5),
            "normal",
            &[],
            Refs::None,
            h(31, 1),
        );
    }
    out.push(']');

    if p.sex != Sex::Unknown {
        props.next(out);
        out.push_str("\"P21\":[");
        let v = if p.sex == Sex::Male { 6581097 } else { 6581072 };
        statement(
            out,
            q,
            "P21",
            Val::Item(v),
            "normal",
            &[],
            fam_refs,
            h(21, 0),
        );
        out.push(']');
    }

    for (prop, pnum, parent) in [("P22", 22u64, p.father), ("P25", 25, p.mother)] {
        let mut items: Vec<(Val, &str, Vec<Qual>)> = Vec::new();
        if parent != NONE {
            let Some(link) = d.link_qid(parent) else {
                continue;
            };
            let deprecated = pnum == 22 && p.quirks & quirk::DEPRECATED_FATHER != 0;
            let wrong = d
                .person(parent)
                .map(|f| f.father)
                .and_then(|gf| d.link_qid(gf));
            match (deprecated, wrong) {
                (true, Some(wrong)) => {
                    items.push((Val::Item(link), "preferred", Vec::new()));
                    items.push((
                        Val::Item(wrong),
                        "deprecated",
                        vec![Qual {
                            prop: "P2241",
                            vals: vec![Val::Item(41755623)],
                        }],
                    ));
                }
                _ => items.push((Val::Item(link), "normal", Vec::new())),
            }
            if dup {
                items.push((Val::Item(link), "normal", Vec::new()));
            }
        } else if p.quirks & quirk::UNKNOWN_PARENT != 0 {
            items.push((
                if pnum == 22 { Val::Some } else { Val::NoValue },
                "normal",
                Vec::new(),
            ));
        }
        if items.is_empty() {
            continue;
        }
        props.next(out);
        key(out, prop);
        out.push('[');
        for (n, (v, rank, quals)) in items.into_iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            statement(out, q, prop, v, rank, &quals, fam_refs, h(pnum, n as u64));
        }
        out.push(']');
    }

    if !p.spouses.is_empty() {
        props.next(out);
        out.push_str("\"P26\":[");
        let mut sep = Sep::new();
        for (n, &s) in p.spouses.iter().enumerate() {
            if let Some(link) = d.link_qid(s) {
                sep.next(out);
                statement(
                    out,
                    q,
                    "P26",
                    Val::Item(link),
                    "normal",
                    &[],
                    fam_refs,
                    h(26, n as u64),
                );
            }
        }
        out.push(']');
    }

    let kids: Vec<u32> = p
        .children
        .iter()
        .copied()
        .filter(|&c| {
            d.person(c)
                .is_some_and(|k| k.quirks & quirk::ONE_SIDED == 0)
        })
        .collect();
    if !kids.is_empty() {
        props.next(out);
        out.push_str("\"P40\":[");
        let mut sep = Sep::new();
        for (n, &k) in kids.iter().enumerate() {
            if let Some(link) = d.link_qid(k) {
                sep.next(out);
                statement(
                    out,
                    q,
                    "P40",
                    Val::Item(link),
                    "normal",
                    &[],
                    fam_refs,
                    h(40, n as u64),
                );
            }
        }
        out.push(']');
    }

    for (prop, pnum, date) in [("P569", 569u64, &p.birth), ("P570", 570, &p.death)] {
        if date.is_some() {
            props.next(out);
            key(out, prop);
            out.push('[');
            statement(
                out,
                q,
                prop,
                Val::Time(*date),
                "normal",
                &date_quals(date),
                fam_refs,
                h(pnum, 0),
            );
            out.push(']');
        }
    }

    if let Some(img) = image_of(d, idx, p) {
        props.next(out);
        out.push_str("\"P18\":[");
        statement(
            out,
            q,
            "P18",
            Val::Str(&img),
            "normal",
            &[],
            Refs::None,
            h(18, 0),
        );
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

//! The chips of the form: a person's words (label and years, or a search hit's description),
//! what a chip shows before its label is known, and which chips still need one.

use crate::question::Ask;
use std::collections::HashMap;
use wikikin_core::{Person, Qid, SearchHit};

/// A chip's words: label and years (or description).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChipInfo {
    pub label: String,
    pub detail: String,
    /// Why this person cannot be part of an answer ("Q99999999999 does not exist on
    /// Wikidata."), when that is known.
    pub problem: Option<String>,
}

impl ChipInfo {
    /// A loaded person: label (or Q-id) and life years.
    pub fn of_person(p: &Person) -> ChipInfo {
        ChipInfo {
            label: p.name(),
            detail: p.years(),
            problem: None,
        }
    }

    /// A search hit: label and description.
    pub fn of_hit(hit: &SearchHit) -> ChipInfo {
        ChipInfo {
            label: hit.label.clone(),
            detail: hit.description.clone().unwrap_or_default(),
            problem: None,
        }
    }

    /// An id the instance does not have (deleted, or never existed).
    pub fn missing(q: Qid, source: &str) -> ChipInfo {
        ChipInfo {
            label: q.to_string(),
            detail: String::new(),
            problem: Some(format!("{q} does not exist on {source}.")),
        }
    }

    /// An item that is not a person (`what` it is instead, by label, when known).
    pub fn not_a_person(p: &Person, source: &str) -> ChipInfo {
        ChipInfo {
            label: p.name(),
            detail: String::new(),
            problem: Some(format!(
                "{} ({}) is not a person on {source}: it has no family to relate.",
                p.name(),
                p.id
            )),
        }
    }
}

/// What one chip shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    pub qid: Qid,
    pub name: String,
    pub detail: String,
    /// The remove button's label.
    pub remove_label: String,
    pub tooltip: String,
    /// Why it cannot be part of an answer, said at the chip.
    pub problem: Option<String>,
}

impl Chip {
    /// The chip of `q`, with its words when known (its Q-id until then).
    pub fn new(q: Qid, info: Option<&ChipInfo>) -> Chip {
        let (name, detail) = match info {
            Some(i) => (i.label.clone(), i.detail.clone()),
            None => (q.to_string(), String::new()),
        };
        Chip {
            qid: q,
            remove_label: format!("Remove {name}"),
            tooltip: format!("{name} ({q}) {detail}"),
            problem: info.and_then(|i| i.problem.clone()),
            name,
            detail,
        }
    }
}

/// The people and roots of the question that have no words yet, in the order asked.
pub fn unlabelled(ask: &Ask, chips: &HashMap<Qid, ChipInfo>) -> Vec<Qid> {
    ask.people
        .iter()
        .chain(&ask.roots)
        .filter(|q| !chips.contains_key(q))
        .copied()
        .collect()
}

/// The people of the question known to be impossible to relate, with why (in the order asked).
pub fn problems(ask: &Ask, chips: &HashMap<Qid, ChipInfo>) -> Vec<(Qid, String)> {
    let ids: &[Qid] = if ask.all_descendants() {
        &ask.roots
    } else {
        &ask.people
    };
    ids.iter()
        .chain(if ask.all_descendants() {
            &[][..]
        } else {
            &ask.roots[..]
        })
        .filter_map(|q| {
            chips
                .get(q)
                .and_then(|c| c.problem.clone())
                .map(|p| (*q, p))
        })
        .collect()
}

/// The chips' words from what a crawl or look-up loaded: each person's label and years, or why
/// they cannot be related — an id the instance does not have (`missing`), an item stated to be
/// something other than a human (`human`: the instance's item for one), also when reached
/// through a redirect (the chip of the id asked says it).
pub fn infos_from(
    persons: &[Person],
    missing: &[Qid],
    redirected: &[(Qid, Qid)],
    source: &str,
    human: Option<Qid>,
) -> Vec<(Qid, ChipInfo)> {
    let mut out: Vec<(Qid, ChipInfo)> = Vec::new();
    for p in persons {
        let info = if p.is_not_human(human) {
            ChipInfo::not_a_person(p, source)
        } else {
            ChipInfo::of_person(p)
        };
        for (from, to) in redirected {
            if *to == p.id {
                out.push((*from, info.clone()));
            }
        }
        out.push((p.id, info));
    }
    for q in missing {
        out.push((*q, ChipInfo::missing(*q, source)));
    }
    out
}

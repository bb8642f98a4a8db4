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
}

impl ChipInfo {
    /// A loaded person: label (or Q-id) and life years.
    pub fn of_person(p: &Person) -> ChipInfo {
        ChipInfo {
            label: p.name(),
            detail: p.years(),
        }
    }

    /// A search hit: label and description.
    pub fn of_hit(hit: &SearchHit) -> ChipInfo {
        ChipInfo {
            label: hit.label.clone(),
            detail: hit.description.clone().unwrap_or_default(),
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

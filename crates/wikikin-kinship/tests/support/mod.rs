//! Test support: the real royal92 GEDCOM as a [`Pedigree`], GEDCOM xref `I52` ↦ `PersonId(52)`.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![allow(dead_code)]

use std::collections::HashMap;
use wikikin_kinship::{PersonId, Sex, SimplePedigree};

pub const ROYAL92: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/royal92.ged"
);

/// The GEDCOM xref `I52` as `PersonId(52)`.
pub fn xref_qid(xref: &str) -> Option<PersonId> {
    xref.strip_prefix('I')?.parse().ok().map(PersonId)
}

pub struct Royals {
    pub pedigree: SimplePedigree,
    pub names: HashMap<PersonId, String>,
}

impl Royals {
    pub fn name(&self, q: PersonId) -> String {
        self.names.get(&q).cloned().unwrap_or_else(|| q.to_string())
    }
}

/// Loads royal92.ged with the project's GEDCOM reader.
pub fn royals() -> Royals {
    let bytes = std::fs::read(ROYAL92).expect("royal92.ged in ../shared/data");
    let ged = wikikin_gedcom::parse(&bytes).expect("royal92 parses");
    let mut pedigree = SimplePedigree::new();
    let mut names = HashMap::new();
    for ind in &ged.individuals {
        let Some(q) = xref_qid(&ind.xref) else {
            continue;
        };
        names.insert(q, ind.name.clone());
        let sex = match ind.sex {
            wikikin_gedcom::Sex::Male => Sex::Male,
            wikikin_gedcom::Sex::Female => Sex::Female,
            wikikin_gedcom::Sex::Unknown => Sex::Unknown,
        };
        pedigree.set_sex(q, sex);
    }
    for fam in &ged.families {
        let husband = fam.husband.as_deref().and_then(xref_qid);
        let wife = fam.wife.as_deref().and_then(xref_qid);
        let children: Vec<PersonId> = fam.children.iter().filter_map(|c| xref_qid(c)).collect();
        if let (Some(h), Some(w)) = (husband, wife) {
            pedigree.add_couple(h, w);
        }
        for c in children {
            for parent in [husband, wife].into_iter().flatten() {
                pedigree.add_parent(c, parent);
            }
        }
    }
    Royals { pedigree, names }
}

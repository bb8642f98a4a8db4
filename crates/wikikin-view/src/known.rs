//! The family as an answer knows it: the crawl's graph, with the sex of people fetched for their
//! names only (not in the graph) from their entities.

use std::collections::HashMap;
use wikikin_core::{Person, Qid, Sex};

/// The family graph, with every loaded or named person's sex.
pub(crate) struct Known<'a> {
    pub(crate) graph: &'a wikikin_core::FamilyGraph,
    pub(crate) persons: &'a HashMap<Qid, Person>,
}

impl wikikin_kinship::Pedigree for Known<'_> {
    type Id = Qid;
    fn parents(&self, q: Qid) -> Vec<Qid> {
        self.graph.parents(q)
    }
    fn children(&self, q: Qid) -> Vec<Qid> {
        self.graph.children(q)
    }
    fn spouses(&self, q: Qid) -> Vec<Qid> {
        self.graph.spouses(q)
    }
    fn sex(&self, q: Qid) -> Sex {
        match self.graph.sex(q) {
            Sex::Unknown => self.persons.get(&q).map_or(Sex::Unknown, |p| p.sex),
            s => s,
        }
    }
}

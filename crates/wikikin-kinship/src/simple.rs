//! A small in-memory [`Pedigree`], for tests, examples and anyone who has a list of families.

use crate::{Pedigree, Qid, Sex};
use std::collections::HashMap;

/// A pedigree kept in hash maps. Links are stored from both sides, so adding a parent also adds
/// the child, and adding a couple makes each the spouse of the other. Adding a link twice is
/// harmless.
#[derive(Clone, Debug, Default)]
pub struct SimplePedigree {
    parents: HashMap<Qid, Vec<Qid>>,
    children: HashMap<Qid, Vec<Qid>>,
    spouses: HashMap<Qid, Vec<Qid>>,
    sex: HashMap<Qid, Sex>,
}

fn push_unique(map: &mut HashMap<Qid, Vec<Qid>>, key: Qid, value: Qid) {
    let list = map.entry(key).or_default();
    if !list.contains(&value) {
        list.push(value);
    }
}

impl SimplePedigree {
    /// An empty pedigree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a person's sex.
    pub fn set_sex(&mut self, person: Qid, sex: Sex) -> &mut Self {
        self.sex.insert(person, sex);
        self
    }

    /// Records that `parent` is a parent of `child`.
    pub fn add_parent(&mut self, child: Qid, parent: Qid) -> &mut Self {
        push_unique(&mut self.parents, child, parent);
        push_unique(&mut self.children, parent, child);
        self
    }

    /// Records that `a` and `b` are spouses.
    pub fn add_couple(&mut self, a: Qid, b: Qid) -> &mut Self {
        push_unique(&mut self.spouses, a, b);
        push_unique(&mut self.spouses, b, a);
        self
    }

    /// Records a family: the couple (if both are known) and each child with its known parents.
    pub fn add_family(
        &mut self,
        father: Option<Qid>,
        mother: Option<Qid>,
        children: &[Qid],
    ) -> &mut Self {
        if let Some(f) = father {
            self.sex.entry(f).or_insert(Sex::Male);
        }
        if let Some(m) = mother {
            self.sex.entry(m).or_insert(Sex::Female);
        }
        if let (Some(f), Some(m)) = (father, mother) {
            self.add_couple(f, m);
        }
        for &c in children {
            for parent in [father, mother].into_iter().flatten() {
                self.add_parent(c, parent);
            }
        }
        self
    }

    /// Every person mentioned in any link or sex record, sorted.
    pub fn people(&self) -> Vec<Qid> {
        let mut all: Vec<Qid> = self
            .parents
            .keys()
            .chain(self.children.keys())
            .chain(self.spouses.keys())
            .chain(self.sex.keys())
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

impl Pedigree for SimplePedigree {
    fn parents(&self, person: Qid) -> Vec<Qid> {
        self.parents.get(&person).cloned().unwrap_or_default()
    }
    fn children(&self, person: Qid) -> Vec<Qid> {
        self.children.get(&person).cloned().unwrap_or_default()
    }
    fn spouses(&self, person: Qid) -> Vec<Qid> {
        self.spouses.get(&person).cloned().unwrap_or_default()
    }
    fn sex(&self, person: Qid) -> Sex {
        self.sex.get(&person).copied().unwrap_or_default()
    }
}

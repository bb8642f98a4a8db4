//! A small in-memory [`Pedigree`], for tests, examples and anyone who has a list of families.

use crate::{Pedigree, PersonId, Sex};
use std::collections::HashMap;
use std::fmt::{Debug, Display};
use std::hash::Hash;

/// A pedigree kept in hash maps. Links are stored from both sides, so adding a parent also adds
/// the child, and adding a couple makes each the spouse of the other. Adding a link twice is
/// harmless. Generic over the person id, [`PersonId`] unless said otherwise.
#[derive(Clone, Debug)]
pub struct SimplePedigree<Id = PersonId> {
    parents: HashMap<Id, Vec<Id>>,
    children: HashMap<Id, Vec<Id>>,
    spouses: HashMap<Id, Vec<Id>>,
    sex: HashMap<Id, Sex>,
}

impl<Id> Default for SimplePedigree<Id> {
    fn default() -> Self {
        SimplePedigree {
            parents: HashMap::new(),
            children: HashMap::new(),
            spouses: HashMap::new(),
            sex: HashMap::new(),
        }
    }
}

fn push_unique<Id: Copy + Eq + Hash>(map: &mut HashMap<Id, Vec<Id>>, key: Id, value: Id) {
    let list = map.entry(key).or_default();
    if !list.contains(&value) {
        list.push(value);
    }
}

impl<Id: Copy + Ord + Hash> SimplePedigree<Id> {
    /// An empty pedigree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a person's sex.
    pub fn set_sex(&mut self, person: Id, sex: Sex) -> &mut Self {
        self.sex.insert(person, sex);
        self
    }

    /// Records that `parent` is a parent of `child`.
    pub fn add_parent(&mut self, child: Id, parent: Id) -> &mut Self {
        push_unique(&mut self.parents, child, parent);
        push_unique(&mut self.children, parent, child);
        self
    }

    /// Records that `a` and `b` are spouses.
    pub fn add_couple(&mut self, a: Id, b: Id) -> &mut Self {
        push_unique(&mut self.spouses, a, b);
        push_unique(&mut self.spouses, b, a);
        self
    }

    /// Records a family: the couple (if both are known) and each child with its known parents.
    pub fn add_family(
        &mut self,
        father: Option<Id>,
        mother: Option<Id>,
        children: &[Id],
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
    pub fn people(&self) -> Vec<Id> {
        let mut all: Vec<Id> = self
            .parents
            .keys()
            .chain(self.children.keys())
            .chain(self.spouses.keys())
            .chain(self.sex.keys())
            .copied()
            .collect();
        wikikin_sort::sort(&mut all);
        all.dedup();
        all
    }
}

impl<Id: Copy + Ord + Hash + Debug + Display> Pedigree for SimplePedigree<Id> {
    type Id = Id;

    fn parents(&self, person: Id) -> Vec<Id> {
        self.parents.get(&person).cloned().unwrap_or_default()
    }
    fn children(&self, person: Id) -> Vec<Id> {
        self.children.get(&person).cloned().unwrap_or_default()
    }
    fn spouses(&self, person: Id) -> Vec<Id> {
        self.spouses.get(&person).cloned().unwrap_or_default()
    }
    fn sex(&self, person: Id) -> Sex {
        self.sex.get(&person).copied().unwrap_or_default()
    }
}

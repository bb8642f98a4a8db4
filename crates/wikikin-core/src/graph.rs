//! The family graph: one node per person, parent→child edges merged from both sides of the data
//! (P22/P25 on the child, P40 on the parent), spouses, the statements behind each link (see
//! [`FamilyGraph::stated`]), and the data problems found. A parent link qualified adoptive,
//! foster or step is kept but is not a line of blood: `Pedigree` does not return it.

use crate::{Person, Qid, Sex};
use petgraph::graphmap::{DiGraphMap, UnGraphMap};
use petgraph::Direction::{Incoming, Outgoing};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::BuildHasherDefault;

mod stated;

pub use stated::{LinkKind, LinkStatement, Stated};

/// A deterministic hasher: the same data gives the same iteration order on every run.
pub(crate) type Hasher = BuildHasherDefault<DefaultHasher>;
pub(crate) type Map<K, V> = HashMap<K, V, Hasher>;
pub(crate) type Set<K> = HashSet<K, Hasher>;

/// Which parent a link names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Father,
    Mother,
    /// Known only from the parent's P40, and the parent's sex is unknown.
    Parent,
}

/// A parent→child edge and where it was stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub role: Role,
    /// Stated on the child (P22/P25).
    pub from_child: bool,
    /// Stated on the parent (P40).
    pub from_parent: bool,
}

/// A problem in the data, shown to the user and never looped on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// More than one father (or mother) for one person, after merging both sides of the data.
    ConflictingParents {
        child: Qid,
        role: Role,
        parents: Vec<Qid>,
    },
    /// These people are their own ancestors (a cycle of parent links), as found by
    /// `wikikin_kinship::cycles` during the relationship search.
    OwnAncestor { people: Vec<Qid> },
}

/// The family as far as it is known.
#[derive(Clone, Debug, Default)]
pub struct FamilyGraph {
    /// parent → child
    parents: DiGraphMap<Qid, Link, Hasher>,
    spouses: UnGraphMap<Qid, (), Hasher>,
    sex: Map<Qid, Sex>,
    loaded: Set<Qid>,
    redirects: Map<Qid, Qid>,
    stated: stated::Statements,
}

impl FamilyGraph {
    pub fn new() -> FamilyGraph {
        FamilyGraph::default()
    }

    fn resolve(&self, q: Qid) -> Qid {
        resolve_in(&self.redirects, q)
    }

    /// Adds a person's entity: the node, their sex, and every link they state.
    pub fn add_person(&mut self, p: &Person) {
        let id = self.resolve(p.id);
        self.parents.add_node(id);
        self.loaded.insert(id);
        if p.sex != Sex::Unknown {
            self.sex.insert(id, p.sex);
        }
        for &f in &p.fathers {
            self.link(f, id, Role::Father, true);
        }
        for &m in &p.mothers {
            self.link(m, id, Role::Mother, true);
        }
        let role = match p.sex {
            Sex::Male => Role::Father,
            Sex::Female => Role::Mother,
            Sex::Unknown => Role::Parent,
        };
        for &c in &p.children {
            self.link(id, c, role, false);
        }
        for &s in &p.spouses {
            let s = self.resolve(s);
            if s != id {
                self.spouses.add_edge(id, s, ());
            }
        }
        let redirects = &self.redirects;
        let resolve = |q: Qid| resolve_in(redirects, q);
        self.stated.add(resolve, p.id, &p.statements);
    }

    fn link(&mut self, parent: Qid, child: Qid, role: Role, from_child: bool) {
        let parent = self.resolve(parent);
        let child = self.resolve(child);
        if parent == child {
            return;
        }
        self.add_link(
            parent,
            child,
            Link {
                role,
                from_child,
                from_parent: !from_child,
            },
        );
    }

    fn add_link(&mut self, parent: Qid, child: Qid, new: Link) {
        if let Some(l) = self.parents.edge_weight_mut(parent, child) {
            // The child's side names the role; the parent's side only fills in an unknown one.
            if l.role == Role::Parent || (new.from_child && !l.from_child) {
                l.role = new.role;
            }
            l.from_child |= new.from_child;
            l.from_parent |= new.from_parent;
        } else {
            self.parents.add_edge(parent, child, new);
        }
    }

    /// Records that `from` is a redirect to `to` and moves everything said about `from` to `to`.
    pub fn add_redirect(&mut self, from: Qid, to: Qid) {
        let to = self.resolve(to);
        if from == to {
            return;
        }
        self.redirects.insert(from, to);
        if self.parents.contains_node(from) {
            let out: Vec<(Qid, Link)> = self
                .parents
                .edges_directed(from, Outgoing)
                .map(|(_, c, l)| (c, *l))
                .collect();
            let inc: Vec<(Qid, Link)> = self
                .parents
                .edges_directed(from, Incoming)
                .map(|(p, _, l)| (p, *l))
                .collect();
            self.parents.remove_node(from);
            self.parents.add_node(to);
            for (c, l) in out {
                if c != to {
                    self.add_link(to, c, l);
                }
            }
            for (p, l) in inc {
                if p != to {
                    self.add_link(p, to, l);
                }
            }
        }
        if self.spouses.contains_node(from) {
            let sp: Vec<Qid> = self.spouses.neighbors(from).collect();
            self.spouses.remove_node(from);
            for s in sp {
                if s != to {
                    self.spouses.add_edge(to, s, ());
                }
            }
        }
        if let Some(s) = self.sex.remove(&from) {
            self.sex.entry(to).or_insert(s);
        }
        if self.loaded.remove(&from) {
            self.loaded.insert(to);
        }
        self.stated.redirect(from, to);
    }

    /// The real id for `q` (following known redirects).
    pub fn canonical(&self, q: Qid) -> Qid {
        self.resolve(q)
    }

    /// Whether this person's own entity has been added (not only named by others).
    pub fn is_loaded(&self, q: Qid) -> bool {
        self.loaded.contains(&self.resolve(q))
    }

    /// Everyone the graph knows of, loaded or only named.
    pub fn people(&self) -> impl Iterator<Item = Qid> + '_ {
        self.parents.nodes().chain(
            self.spouses
                .nodes()
                .filter(|q| !self.parents.contains_node(*q)),
        )
    }

    /// How many people the graph knows of.
    pub fn person_count(&self) -> usize {
        self.people().count()
    }

    /// Parent→child links, with where they were stated.
    pub fn links(&self) -> impl Iterator<Item = (Qid, Qid, Link)> + '_ {
        self.parents.all_edges().map(|(p, c, l)| (p, c, *l))
    }

    fn parents_with(&self, child: Qid, role: Role) -> Vec<Qid> {
        let child = self.resolve(child);
        if !self.parents.contains_node(child) {
            return Vec::new();
        }
        let mut v: Vec<Qid> = self
            .parents
            .edges_directed(child, Incoming)
            .filter(|(p, _, l)| l.role == role && self.stated.kinship(*p, child).is_none())
            .map(|(p, _, _)| p)
            .collect();
        wikikin_sort::sort(&mut v);
        v
    }

    /// Every parent, blood or not (sorted).
    fn all_parents(&self, p: Qid) -> Vec<Qid> {
        if !self.parents.contains_node(p) {
            return Vec::new();
        }
        sorted(self.parents.neighbors_directed(p, Incoming).collect())
    }

    /// Every child, blood or not (sorted).
    fn all_children(&self, p: Qid) -> Vec<Qid> {
        if !self.parents.contains_node(p) {
            return Vec::new();
        }
        sorted(self.parents.neighbors_directed(p, Outgoing).collect())
    }

    /// Known fathers by blood (more than one is a data problem; adoptive, foster and step
    /// fathers are in [`FamilyGraph::adoptive_parents`]).
    pub fn fathers(&self, child: Qid) -> Vec<Qid> {
        self.parents_with(child, Role::Father)
    }

    /// Known mothers by blood (more than one is a data problem).
    pub fn mothers(&self, child: Qid) -> Vec<Qid> {
        self.parents_with(child, Role::Mother)
    }

    /// Conflicting parents. (Cycles are found by the relationship search, once: see
    /// `crate::CrawlResult::problems`.)
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut children: BTreeSet<Qid> = BTreeSet::new();
        children.extend(self.parents.all_edges().map(|(_, c, _)| c));
        for c in children {
            for role in [Role::Father, Role::Mother] {
                let ps = self.parents_with(c, role);
                if ps.len() > 1 {
                    out.push(Problem::ConflictingParents {
                        child: c,
                        role,
                        parents: ps,
                    });
                }
            }
        }
        out
    }
}

fn resolve_in(redirects: &Map<Qid, Qid>, q: Qid) -> Qid {
    let mut q = q;
    // Bounded: a redirect chain can't be longer than the map.
    for _ in 0..=redirects.len() {
        match redirects.get(&q) {
            Some(&to) if to != q => q = to,
            _ => break,
        }
    }
    q
}

fn sorted(mut v: Vec<Qid>) -> Vec<Qid> {
    wikikin_sort::sort(&mut v);
    v.dedup();
    v
}

impl wikikin_kinship::Pedigree for FamilyGraph {
    type Id = Qid;

    /// Parents by blood: a link qualified adoptive, foster or step is left out.
    fn parents(&self, person: Qid) -> Vec<Qid> {
        let p = self.resolve(person);
        let mut v = self.all_parents(p);
        v.retain(|q| self.stated.kinship(*q, p).is_none());
        v
    }

    /// Children by blood.
    fn children(&self, person: Qid) -> Vec<Qid> {
        let p = self.resolve(person);
        let mut v = self.all_children(p);
        v.retain(|c| self.stated.kinship(p, *c).is_none());
        v
    }

    fn spouses(&self, person: Qid) -> Vec<Qid> {
        let p = self.resolve(person);
        if !self.spouses.contains_node(p) {
            return Vec::new();
        }
        sorted(self.spouses.neighbors(p).collect())
    }

    fn sex(&self, person: Qid) -> Sex {
        self.sex
            .get(&self.resolve(person))
            .copied()
            .unwrap_or(Sex::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wikikin_kinship::Pedigree;

    fn person(id: u64, sex: Sex, fathers: &[u64], mothers: &[u64], children: &[u64]) -> Person {
        let mut p = Person::new(Qid(id));
        p.sex = sex;
        p.fathers = fathers.iter().map(|&q| Qid(q)).collect();
        p.mothers = mothers.iter().map(|&q| Qid(q)).collect();
        p.children = children.iter().map(|&q| Qid(q)).collect();
        p
    }

    #[test]
    fn links_from_both_sides_merge_into_one_edge() {
        let mut g = FamilyGraph::new();
        g.add_person(&person(3, Sex::Female, &[1], &[], &[]));
        g.add_person(&person(2, Sex::Female, &[], &[], &[3]));
        g.add_person(&person(1, Sex::Male, &[], &[], &[3]));
        assert_eq!(g.parents(Qid(3)), vec![Qid(1), Qid(2)]);
        assert_eq!(g.fathers(Qid(3)), vec![Qid(1)]);
        assert_eq!(g.mothers(Qid(3)), vec![Qid(2)]);
        assert_eq!(g.children(Qid(1)), vec![Qid(3)]);
        let l: Vec<_> = g.links().filter(|(p, _, _)| *p == Qid(1)).collect();
        assert_eq!(l.len(), 1);
        assert!(l[0].2.from_child && l[0].2.from_parent);
        assert_eq!(g.sex(Qid(2)), Sex::Female);
        assert_eq!(g.sex(Qid(99)), Sex::Unknown);
        assert!(g.parents(Qid(99)).is_empty());
        assert!(g.problems().is_empty());
    }

    #[test]
    fn conflicting_fathers_are_a_problem() {
        let mut g = FamilyGraph::new();
        g.add_person(&person(3, Sex::Male, &[1], &[], &[]));
        g.add_person(&person(4, Sex::Male, &[], &[], &[3]));
        let probs = g.problems();
        assert_eq!(
            probs,
            vec![Problem::ConflictingParents {
                child: Qid(3),
                role: Role::Father,
                parents: vec![Qid(1), Qid(4)]
            }]
        );
        assert!(probs[0].to_string().contains("has 2 fathers"));
    }

    #[test]
    fn cycles_are_reported_not_looped_on() {
        let mut g = FamilyGraph::new();
        g.add_person(&person(1, Sex::Male, &[2], &[], &[]));
        g.add_person(&person(2, Sex::Male, &[3], &[], &[]));
        g.add_person(&person(3, Sex::Male, &[1], &[], &[]));
        assert!(
            g.problems().is_empty(),
            "cycles are the relationship search's to find"
        );
        let limits = wikikin_kinship::Limits::default();
        let cycles = wikikin_kinship::cycles(&g, &[Qid(1)], &limits);
        assert_eq!(cycles, vec![vec![Qid(1), Qid(2), Qid(3)]]);
        let p = Problem::OwnAncestor {
            people: cycles.into_iter().next().unwrap_or_default(),
        };
        assert!(p.to_string().contains("own ancestors"));
    }

    #[test]
    fn redirect_moves_links_to_the_real_id() {
        let mut g = FamilyGraph::new();
        g.add_person(&person(3, Sex::Male, &[10], &[], &[]));
        let mut spouse = person(5, Sex::Female, &[], &[], &[]);
        spouse.spouses = vec![Qid(10)];
        g.add_person(&spouse);
        g.add_redirect(Qid(10), Qid(11));
        g.add_person(&person(11, Sex::Male, &[], &[], &[3]));
        assert_eq!(g.parents(Qid(3)), vec![Qid(11)]);
        assert_eq!(g.spouses(Qid(5)), vec![Qid(11)]);
        assert_eq!(g.canonical(Qid(10)), Qid(11));
        assert!(g.is_loaded(Qid(10)));
        assert!(!g.people().any(|q| q == Qid(10)));
    }
}

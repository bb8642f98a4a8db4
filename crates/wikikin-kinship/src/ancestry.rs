//! A person's ancestors, each at its shortest distance: the breadth-first search every other
//! algorithm starts from.

use crate::algo::cycles::cycles_among;
use crate::{Limits, Pedigree, Problem};
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::Hash;

/// A person's ancestors (and the person), each at the shortest number of generations above.
#[derive(Clone, Debug)]
pub struct Ancestry<Id> {
    pub person: Id,
    /// Ancestors in breadth-first order, the person first.
    pub order: Vec<Id>,
    dist: HashMap<Id, u32>,
    /// For each ancestor, the child through which it was first (shortest) reached.
    via: HashMap<Id, Id>,
    /// The parents of every expanded ancestor.
    parents: HashMap<Id, Vec<Id>>,
    pub problems: Vec<Problem<Id>>,
}

impl<Id: Copy + Eq + Hash> Ancestry<Id> {
    /// Generations from the person up to `ancestor` (0 for the person), if it is an ancestor.
    pub fn generations(&self, ancestor: Id) -> Option<u32> {
        self.dist.get(&ancestor).copied()
    }

    /// Is `q` the person or one of their known ancestors?
    pub fn contains(&self, q: Id) -> bool {
        self.dist.contains_key(&q)
    }

    /// Number of people kept (the person included).
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Never true: the person is always in their own ancestry.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The parents of `q` as seen during the search (empty if not expanded).
    pub fn parents_of(&self, q: Id) -> &[Id] {
        self.parents.get(&q).map(Vec::as_slice).unwrap_or(&[])
    }

    /// One shortest line of descent `ancestor` → … → person (empty if not an ancestor).
    pub fn path_from(&self, ancestor: Id) -> Vec<Id> {
        if !self.contains(ancestor) {
            return Vec::new();
        }
        let mut path = vec![ancestor];
        let mut cur = ancestor;
        // The `via` links strictly decrease the distance, so this ends; the bound is a guard.
        while cur != self.person && path.len() <= self.order.len() {
            match self.via.get(&cur) {
                Some(&next) => {
                    path.push(next);
                    cur = next;
                }
                None => break,
            }
        }
        path
    }
}

/// Breadth-first search upward from `person`, keeping the shortest distance to each ancestor.
/// Never loops: each person is visited once. Cycles in the data are reported as problems.
///
/// Time O(A + L) for the A ancestors kept and the L parent links among them (plus one
/// [`Pedigree::parents`] call per ancestor kept), and the cycle search over them.
pub fn ancestry<P: Pedigree>(p: &P, person: P::Id, limits: &Limits) -> Ancestry<P::Id> {
    let mut anc = search(p, person, limits, None);
    for cycle in cycles_among(&[&anc]) {
        anc.problems.push(Problem::OwnAncestors { people: cycle });
    }
    anc
}

/// The breadth-first search of [`ancestry`] without the cycle search: its `problems` are only
/// the limits reached. With `stop_at`, the search ends as soon as that person is reached (at
/// their shortest distance, as the whole search would find it).
pub(crate) fn search<P: Pedigree>(
    p: &P,
    person: P::Id,
    limits: &Limits,
    stop_at: Option<P::Id>,
) -> Ancestry<P::Id> {
    let mut anc = Ancestry {
        person,
        order: vec![person],
        dist: HashMap::from([(person, 0)]),
        via: HashMap::new(),
        parents: HashMap::new(),
        problems: Vec::new(),
    };
    if stop_at == Some(person) {
        return anc;
    }
    let mut queue = VecDeque::from([(person, 0u32)]);
    let mut hit_generations = false;
    let mut hit_count = false;
    while let Some((x, d)) = queue.pop_front() {
        let mut ps = p.parents(x);
        dedup_keep_order(&mut ps);
        if ps.is_empty() {
            continue;
        }
        if d >= limits.max_generations {
            hit_generations = true;
            continue;
        }
        for &q in &ps {
            if anc.dist.contains_key(&q) {
                continue;
            }
            if anc.order.len() >= limits.max_ancestors {
                hit_count = true;
                continue;
            }
            anc.dist.insert(q, d + 1);
            anc.via.insert(q, x);
            anc.order.push(q);
            if stop_at == Some(q) {
                anc.parents.insert(x, ps);
                return anc;
            }
            queue.push_back((q, d + 1));
        }
        anc.parents.insert(x, ps);
    }
    if hit_generations {
        anc.problems.push(Problem::GenerationLimit {
            person,
            generations: limits.max_generations,
        });
    }
    if hit_count {
        anc.problems.push(Problem::AncestorLimit {
            person,
            ancestors: limits.max_ancestors,
        });
    }
    anc
}

pub(crate) fn dedup_keep_order<Id: Copy + Eq + Hash>(v: &mut Vec<Id>) {
    let mut seen = HashSet::new();
    v.retain(|q| seen.insert(*q));
}

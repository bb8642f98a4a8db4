//! Connections through marriage: the shortest chains of parent, child and spouse links between
//! two people that use at least one marriage (in-laws, step-relatives, and longer chains).
//!
//! [`connections`] first measures, breadth-first from `b`, how far every person within reach is
//! from `b`; then it lists the simple paths from `a` of 1, 2, … links that end at `b`, walking
//! only to people still close enough to `b` to arrive in time, and stops at the first length
//! that has a path using a marriage. Time: O(V + E) for the distances, then the paths of the
//! found length (bounded by [`ConnectLimits::max_work`] steps).

use crate::Pedigree;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};

/// One link of a chain, as seen from the person before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    /// The next person is a parent of the current one.
    Parent,
    /// The next person is a child of the current one.
    Child,
    /// The next person is a spouse of the current one.
    Spouse,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Parent => "parent",
            Step::Child => "child",
            Step::Spouse => "spouse",
        }
    }
}

/// A chain from `path[0]` (a) to its last person (b): `steps[i]` links `path[i]` to
/// `path[i + 1]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection<Id> {
    pub path: Vec<Id>,
    pub steps: Vec<Step>,
}

impl<Id> Connection<Id> {
    /// Links in the chain.
    pub fn links(&self) -> usize {
        self.steps.len()
    }

    /// The chain without the parents that sibling steps pass through (a Parent step then a
    /// Child step): two chains that differ only there read the same ("her brother").
    fn reading(&self) -> (Vec<Step>, Vec<Id>)
    where
        Id: Copy,
    {
        let apex = |i: usize| {
            i > 0
                && self.steps.get(i - 1) == Some(&Step::Parent)
                && self.steps.get(i) == Some(&Step::Child)
        };
        let people = self
            .path
            .iter()
            .enumerate()
            .filter(|(i, _)| !apex(*i))
            .map(|(_, q)| *q)
            .collect();
        (self.steps.clone(), people)
    }

    /// Marriages in the chain.
    pub fn marriages(&self) -> usize {
        self.steps.iter().filter(|s| **s == Step::Spouse).count()
    }
}

/// How far the connection search goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectLimits {
    /// Longest chain searched, in links.
    pub max_links: u32,
    /// Chains kept of the shortest length (fewest marriages first).
    pub max_paths: usize,
    /// Steps of the path listing before it gives up (dense families).
    pub max_work: usize,
}

impl Default for ConnectLimits {
    fn default() -> Self {
        ConnectLimits {
            max_links: 8,
            max_paths: 5,
            max_work: 2_000_000,
        }
    }
}

/// What the connection search found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connections<Id> {
    /// The shortest chains through at least one marriage (all of one length), fewest
    /// marriages first; empty when there is none within the limits.
    pub found: Vec<Connection<Id>>,
    /// Every chain of up to this many links was looked at.
    pub searched_links: u32,
    /// The work limit stopped the listing early: longer chains were not looked at.
    pub cut: bool,
}

/// Parents, children and spouses of `x`, each with the step that reaches them, in a fixed
/// order (parents, children, spouses; by id within each).
pub fn neighbours<P: Pedigree>(p: &P, x: P::Id) -> Vec<(Step, P::Id)> {
    let mut out: Vec<(Step, P::Id)> = Vec::new();
    for (step, mut ids) in [
        (Step::Parent, p.parents(x)),
        (Step::Child, p.children(x)),
        (Step::Spouse, p.spouses(x)),
    ] {
        wikikin_sort::sort(&mut ids);
        ids.dedup();
        out.extend(ids.into_iter().filter(|y| *y != x).map(|y| (step, y)));
    }
    out
}

/// Fewest links from `from` to everyone within `max` links (parent, child and spouse links).
pub fn link_distances<P: Pedigree>(p: &P, from: P::Id, max: u32) -> HashMap<P::Id, u32> {
    let mut dist: HashMap<P::Id, u32> = HashMap::new();
    dist.insert(from, 0);
    let mut queue = VecDeque::from([from]);
    while let Some(x) = queue.pop_front() {
        let d = dist.get(&x).copied().unwrap_or(0);
        if d >= max {
            continue;
        }
        for (_, y) in neighbours(p, x) {
            if let std::collections::hash_map::Entry::Vacant(e) = dist.entry(y) {
                e.insert(d + 1);
                queue.push_back(y);
            }
        }
    }
    dist
}

/// The shortest chains from `a` to `b` that use at least one marriage, within `limits`.
pub fn connections<P: Pedigree>(
    p: &P,
    a: P::Id,
    b: P::Id,
    limits: &ConnectLimits,
) -> Connections<P::Id> {
    let mut out = Connections {
        found: Vec::new(),
        searched_links: 0,
        cut: false,
    };
    if a == b || limits.max_links == 0 {
        return out;
    }
    let to_b = link_distances(p, b, limits.max_links);
    let Some(&nearest) = to_b.get(&a) else {
        out.searched_links = limits.max_links;
        return out;
    };
    let mut work = 0usize;
    // Paths beyond the kept ones are gathered to choose the fewest marriages among them.
    let gather = limits.max_paths.saturating_mul(40).max(limits.max_paths);
    for len in nearest.max(1)..=limits.max_links {
        let mut walk = Walk {
            p,
            b,
            to_b: &to_b,
            path: vec![a],
            steps: Vec::new(),
            found: Vec::new(),
            gather,
            work: &mut work,
            max_work: limits.max_work,
        };
        let finished = walk.from(a, len);
        let mut found = std::mem::take(&mut walk.found);
        if !finished {
            out.cut = true;
            out.searched_links = len - 1;
            found.clear();
        } else {
            out.searched_links = len;
        }
        if !found.is_empty() || out.cut {
            wikikin_sort::sort_by_key(&mut found, |c| c.marriages());
            let mut seen = std::collections::HashSet::new();
            found.retain(|c| seen.insert(c.reading()));
            found.truncate(limits.max_paths);
            out.found = found;
            return out;
        }
    }
    out
}

/// One listing of the simple paths of a given length.
struct Walk<'a, P: Pedigree> {
    p: &'a P,
    b: P::Id,
    to_b: &'a HashMap<P::Id, u32>,
    path: Vec<P::Id>,
    steps: Vec<Step>,
    found: Vec<Connection<P::Id>>,
    gather: usize,
    work: &'a mut usize,
    max_work: usize,
}

impl<P: Pedigree> Walk<'_, P> {
    /// A marriage step that only goes round a blood link: from one parent of the person before
    /// to their other parent (one's mother "through one's father's wife"), or a child step after
    /// a marriage to a child of both spouses (a brother "through one's mother's husband").
    fn roundabout(&self, step: Step, y: P::Id) -> bool {
        let n = self.path.len();
        let (Some(last), Some(prev)) = (
            self.steps.last(),
            n.checked_sub(2).and_then(|i| self.path.get(i)),
        ) else {
            return false;
        };
        match (last, step) {
            (Step::Parent, Step::Spouse) => self.p.parents(*prev).contains(&y),
            (Step::Spouse, Step::Child) => self.p.children(*prev).contains(&y),
            _ => false,
        }
    }

    /// Extends the path from `x` with exactly `left` more links. False when the work limit hit.
    fn from(&mut self, x: P::Id, left: u32) -> bool {
        *self.work += 1;
        if *self.work > self.max_work {
            return false;
        }
        if left == 0 {
            if x == self.b && self.steps.contains(&Step::Spouse) {
                self.found.push(Connection {
                    path: self.path.clone(),
                    steps: self.steps.clone(),
                });
            }
            return true;
        }
        for (step, y) in neighbours(self.p, x) {
            if self.found.len() >= self.gather {
                return true;
            }
            if self.roundabout(step, y) {
                continue;
            }
            // Only people from whom b can still be reached in the links left, never twice.
            let close = self.to_b.get(&y).is_some_and(|d| *d < left);
            let arrives = y == self.b && left == 1;
            if !(close || arrives) || self.path.contains(&y) || (y == self.b && left > 1) {
                continue;
            }
            self.path.push(y);
            self.steps.push(step);
            let ok = self.from(y, left - 1);
            self.path.pop();
            self.steps.pop();
            if !ok {
                return false;
            }
        }
        true
    }
}

//! Lowest common ancestors of two people and the structured relationship through each of them.

use crate::{Pedigree, Qid};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;

/// How far the upward search goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Generations above each person (1 = parents).
    pub max_generations: u32,
    /// Ancestors kept per person (the person included).
    pub max_ancestors: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_generations: 40,
            max_ancestors: 200_000,
        }
    }
}

/// What `b` is to `a`, as a family; the exact words come from [`crate::describe`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// `a` and `b` are the same person.
    #[serde(rename = "self")]
    Same,
    /// `b` is a direct ancestor of `a` (parent, grandparent, …).
    Ancestor,
    /// `b` is a direct descendant of `a` (child, grandchild, …).
    Descendant,
    /// `b` is `a`'s brother or sister (or half-).
    Sibling,
    /// `b` is `a`'s (great-)aunt or uncle.
    AuntUncle,
    /// `b` is `a`'s (great-)niece or nephew.
    NieceNephew,
    /// `b` is `a`'s Nth cousin M times removed.
    Cousin,
}

impl Kind {
    /// The kind for generations `ga` from `a` and `gb` from `b` up to the common ancestor(s).
    pub fn from_generations(ga: u32, gb: u32) -> Kind {
        match (ga, gb) {
            (0, 0) => Kind::Same,
            (_, 0) => Kind::Ancestor,
            (0, _) => Kind::Descendant,
            (1, 1) => Kind::Sibling,
            (_, 1) => Kind::AuntUncle,
            (1, _) => Kind::NieceNephew,
            _ => Kind::Cousin,
        }
    }

    /// The serialised name: `self`, `ancestor`, `descendant`, `sibling`, `aunt-uncle`,
    /// `niece-nephew`, `cousin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Same => "self",
            Kind::Ancestor => "ancestor",
            Kind::Descendant => "descendant",
            Kind::Sibling => "sibling",
            Kind::AuntUncle => "aunt-uncle",
            Kind::NieceNephew => "niece-nephew",
            Kind::Cousin => "cousin",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One way in which `b` is related to `a`: through one lowest common ancestor couple (or one
/// single ancestor). Several of these exist for one pair when the family tree collapses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relationship {
    pub a: Qid,
    pub b: Qid,
    /// What `b` is to `a`.
    pub kind: Kind,
    /// `min(ga, gb) - 1` (0 for non-cousins): 1 = first cousins, 2 = second cousins, …
    pub degree: u32,
    /// `|ga - gb|`: the generations of difference ("once removed"; for an aunt it is 1).
    pub removed: u32,
    /// The relationship goes through one ancestor only, and both lines descend from that
    /// ancestor's children by *known, different* other parents (half-siblings, half-cousins).
    /// When the other parent of either line is unknown, `half` is false: we do not claim it.
    pub half: bool,
    /// Another couple (or single ancestor) gives the very same `(ga, gb, half)` for this pair:
    /// e.g. double first cousins. Each couple stays its own `Relationship` (with its own paths),
    /// both flagged `double`, and each lists the other couples' people in `double_with`.
    pub double: bool,
    /// The ancestors of the other relationships that make this one double (empty otherwise).
    pub double_with: Vec<Qid>,
    /// Generations from `a` up to the common ancestor(s) (0: `a` is the ancestor).
    pub ga: u32,
    /// Generations from `b` up to the common ancestor(s).
    pub gb: u32,
    /// The lowest common ancestor couple or the single ancestor. The generations and paths are
    /// counted from `ancestors[0]` (a lowest common ancestor at its shortest distances, the lower
    /// Q-id of a couple at equal distances); the partner, if any, is second.
    pub ancestors: Vec<Qid>,
    /// `ancestors[0]` → … → `a`, one shortest line of descent.
    pub path_a: Vec<Qid>,
    /// `ancestors[0]` → … → `b`, one shortest line of descent.
    pub path_b: Vec<Qid>,
}

/// A problem found in the data while relating people. None of them stops the search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum Problem {
    /// These people form a cycle of parent links: each is recorded as their own ancestor.
    OwnAncestors { people: Vec<Qid> },
    /// The search above `person` stopped at the generation limit; more ancestors are known.
    GenerationLimit { person: Qid, generations: u32 },
    /// The search above `person` stopped at the limit on ancestors kept.
    AncestorLimit { person: Qid, ancestors: usize },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::OwnAncestors { people } => {
                let list: Vec<String> = people.iter().map(Qid::to_string).collect();
                write!(
                    f,
                    "cycle in the parent links: {} would each be their own ancestor",
                    list.join(", ")
                )
            }
            Problem::GenerationLimit {
                person,
                generations,
            } => write!(
                f,
                "stopped {generations} generations above {person}: older ancestors not searched"
            ),
            Problem::AncestorLimit { person, ancestors } => write!(
                f,
                "stopped after {ancestors} ancestors of {person}: the rest not searched"
            ),
        }
    }
}

/// The result of relating people: every relationship found, and the data problems met.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kinship {
    pub relationships: Vec<Relationship>,
    pub problems: Vec<Problem>,
}

/// A person's ancestors (and the person), each at the shortest number of generations above.
#[derive(Clone, Debug)]
pub struct Ancestry {
    pub person: Qid,
    /// Ancestors in breadth-first order, the person first.
    pub order: Vec<Qid>,
    dist: HashMap<Qid, u32>,
    /// For each ancestor, the child through which it was first (shortest) reached.
    via: HashMap<Qid, Qid>,
    /// The parents of every expanded ancestor.
    parents: HashMap<Qid, Vec<Qid>>,
    pub problems: Vec<Problem>,
}

impl Ancestry {
    /// Generations from the person up to `ancestor` (0 for the person), if it is an ancestor.
    pub fn generations(&self, ancestor: Qid) -> Option<u32> {
        self.dist.get(&ancestor).copied()
    }

    /// Is `q` the person or one of their known ancestors?
    pub fn contains(&self, q: Qid) -> bool {
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
    pub fn parents_of(&self, q: Qid) -> &[Qid] {
        self.parents.get(&q).map(Vec::as_slice).unwrap_or(&[])
    }

    /// One shortest line of descent `ancestor` → … → person (empty if not an ancestor).
    pub fn path_from(&self, ancestor: Qid) -> Vec<Qid> {
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
pub fn ancestry(p: &impl Pedigree, person: Qid, limits: &Limits) -> Ancestry {
    let mut anc = Ancestry {
        person,
        order: vec![person],
        dist: HashMap::from([(person, 0)]),
        via: HashMap::new(),
        parents: HashMap::new(),
        problems: Vec::new(),
    };
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
    for cycle in cycles(&anc) {
        anc.problems.push(Problem::OwnAncestors { people: cycle });
    }
    anc
}

fn dedup_keep_order(v: &mut Vec<Qid>) {
    let mut seen = HashSet::new();
    v.retain(|q| seen.insert(*q));
}

/// Cycles among the parent links seen in an ancestry (strongly connected components of more
/// than one person, or a person listed as their own parent), each sorted.
fn cycles(anc: &Ancestry) -> Vec<Vec<Qid>> {
    use petgraph::algo::tarjan_scc;
    use petgraph::graph::{DiGraph, NodeIndex};
    let index: HashMap<Qid, usize> = anc.order.iter().enumerate().map(|(i, q)| (*q, i)).collect();
    let mut g: DiGraph<Qid, ()> = DiGraph::with_capacity(anc.order.len(), anc.order.len());
    for &q in &anc.order {
        g.add_node(q);
    }
    let mut self_loops = Vec::new();
    for (i, q) in anc.order.iter().enumerate() {
        for parent in anc.parents_of(*q) {
            if let Some(&j) = index.get(parent) {
                if i == j {
                    self_loops.push(*q);
                }
                g.add_edge(NodeIndex::new(i), NodeIndex::new(j), ());
            }
        }
    }
    let mut out: Vec<Vec<Qid>> = tarjan_scc(&g)
        .into_iter()
        .filter(|scc| scc.len() > 1)
        .map(|scc| {
            let mut people: Vec<Qid> = scc
                .iter()
                .filter_map(|n| g.node_weight(*n))
                .copied()
                .collect();
            people.sort_unstable();
            people
        })
        .collect();
    for q in self_loops {
        out.push(vec![q]);
    }
    out.sort();
    out
}

/// Every relationship between `a` and `b` through their lowest common ancestors, closest first.
/// Empty when they have no known common ancestor (or are the same person: then one `self`).
pub fn relate(p: &impl Pedigree, a: Qid, b: Qid, limits: &Limits) -> Vec<Relationship> {
    kinship(p, a, b, limits).relationships
}

/// Every relationship between each pair of `people` (in the order given, each pair once,
/// repeated people skipped).
pub fn relate_all(p: &impl Pedigree, people: &[Qid], limits: &Limits) -> Vec<Relationship> {
    kinship_all(p, people, limits).relationships
}

/// Like [`relate_all`], with the data problems met (each reported once).
pub fn kinship_all(p: &impl Pedigree, people: &[Qid], limits: &Limits) -> Kinship {
    let mut unique = people.to_vec();
    dedup_keep_order(&mut unique);
    let ancestries: Vec<Ancestry> = unique.iter().map(|q| ancestry(p, *q, limits)).collect();
    let mut out = Kinship::default();
    for anc in &ancestries {
        push_problems(&mut out.problems, &anc.problems);
    }
    for (i, x) in ancestries.iter().enumerate() {
        for y in ancestries.iter().skip(i + 1) {
            out.relationships.extend(relate_ancestries(p, x, y));
        }
    }
    out
}

fn push_problems(into: &mut Vec<Problem>, from: &[Problem]) {
    for problem in from {
        if !into.contains(problem) {
            into.push(problem.clone());
        }
    }
}

/// Every relationship between `a` and `b`, with the data problems met on the way.
pub fn kinship(p: &impl Pedigree, a: Qid, b: Qid, limits: &Limits) -> Kinship {
    let anc_a = ancestry(p, a, limits);
    if a == b {
        return Kinship {
            relationships: relate_ancestries(p, &anc_a, &anc_a),
            problems: anc_a.problems,
        };
    }
    let anc_b = ancestry(p, b, limits);
    let mut problems = anc_a.problems.clone();
    push_problems(&mut problems, &anc_b.problems);
    Kinship {
        relationships: relate_ancestries(p, &anc_a, &anc_b),
        problems,
    }
}

/// The relationships between the people of two ancestries.
fn relate_ancestries(p: &impl Pedigree, anc_a: &Ancestry, anc_b: &Ancestry) -> Vec<Relationship> {
    let (a, b) = (anc_a.person, anc_b.person);
    let common: HashSet<Qid> = anc_a
        .order
        .iter()
        .copied()
        .filter(|q| anc_b.contains(*q))
        .collect();
    if common.is_empty() {
        return Vec::new();
    }
    // People on a cycle of parent links (bad data): a link inside a cycle does not count below.
    let mut cycle_of: HashMap<Qid, usize> = HashMap::new();
    for (k, problem) in anc_a.problems.iter().chain(&anc_b.problems).enumerate() {
        if let Problem::OwnAncestors { people } = problem {
            for q in people {
                cycle_of.entry(*q).or_insert(k);
            }
        }
    }
    let same_cycle = |x: Qid, y: Qid| match (cycle_of.get(&x), cycle_of.get(&y)) {
        (Some(i), Some(j)) => i == j,
        _ => false,
    };
    // A common ancestor with a child that is also a common ancestor is not lowest.
    let mut not_lowest: HashSet<Qid> = HashSet::new();
    for &c in &common {
        for parent in anc_a.parents_of(c).iter().chain(anc_b.parents_of(c)) {
            if *parent != c && common.contains(parent) && !same_cycle(*parent, c) {
                not_lowest.insert(*parent);
            }
        }
    }
    let gens = |q: Qid| -> (u32, u32) {
        (
            anc_a.generations(q).unwrap_or(u32::MAX),
            anc_b.generations(q).unwrap_or(u32::MAX),
        )
    };
    let mut lowest: Vec<Qid> = common
        .iter()
        .copied()
        .filter(|q| !not_lowest.contains(q))
        .collect();
    lowest.sort_by_key(|q| {
        let (ga, gb) = gens(*q);
        (ga.saturating_add(gb), ga, *q)
    });

    // Group the lowest common ancestors into couples.
    let mut used: HashSet<Qid> = HashSet::new();
    // (ancestors, half): the first ancestor is the one counted from, its partner second.
    let mut groups: Vec<(Vec<Qid>, bool)> = Vec::new();
    for &x in &lowest {
        if !used.insert(x) {
            continue;
        }
        let gx = gens(x);
        if gx.0 == 0 || gx.1 == 0 {
            groups.push((vec![x], false)); // a direct line: one person
            continue;
        }
        // The children of `x` on each line, and their other parents.
        let ca = anc_a.path_from(x).get(1).copied();
        let cb = anc_b.path_from(x).get(1).copied();
        let (Some(ca), Some(cb)) = (ca, cb) else {
            groups.push((vec![x], false));
            continue;
        };
        let others_a: Vec<Qid> = other_parents(p, anc_a, ca, x);
        let others_b: Vec<Qid> = other_parents(p, anc_b, cb, x);
        let shared: Vec<Qid> = others_a
            .iter()
            .copied()
            .filter(|y| others_b.contains(y) && common.contains(y))
            .collect();
        // The partner: another lowest common ancestor at the same generations, co-parent of
        // both lines (found later in `lowest`, so not yet used) …
        if let Some(&y) = shared
            .iter()
            .find(|y| !used.contains(*y) && gens(**y) == gx && !not_lowest.contains(*y))
        {
            used.insert(y);
            groups.push((vec![x, y], false));
            continue;
        }
        // … or a co-parent of both lines that is a common ancestor but not lowest, or closer to
        // one of the two by another line: still a full couple, counted from `x`.
        if let Some(&y) = shared.first() {
            groups.push((vec![x, y], false));
            continue;
        }
        // One ancestor alone. Half only if both lines are known to have different other parents.
        let half = !others_a.is_empty() && !others_b.is_empty();
        groups.push((vec![x], half));
    }

    let mut rels: Vec<Relationship> = groups
        .into_iter()
        .map(|(ancestors, half)| {
            let first = ancestors.first().copied().unwrap_or(a);
            let (ga, gb) = gens(first);
            Relationship {
                a,
                b,
                kind: Kind::from_generations(ga, gb),
                degree: ga.min(gb).saturating_sub(1),
                removed: ga.abs_diff(gb),
                half,
                double: false,
                double_with: Vec::new(),
                ga,
                gb,
                path_a: anc_a.path_from(first),
                path_b: anc_b.path_from(first),
                ancestors,
            }
        })
        .collect();

    // The same (ga, gb, half) through different ancestors: a double relationship.
    for i in 0..rels.len() {
        let key = (rels[i].ga, rels[i].gb, rels[i].half);
        let others: Vec<Qid> = rels
            .iter()
            .enumerate()
            .filter(|(j, r)| *j != i && (r.ga, r.gb, r.half) == key)
            .flat_map(|(_, r)| r.ancestors.iter().copied())
            .collect();
        if !others.is_empty() && rels[i].kind != Kind::Same {
            rels[i].double = true;
            rels[i].double_with = others;
        }
    }
    rels.sort_by(|x, y| {
        (x.ga.saturating_add(x.gb), x.removed, x.half, &x.ancestors).cmp(&(
            y.ga.saturating_add(y.gb),
            y.removed,
            y.half,
            &y.ancestors,
        ))
    });
    rels
}

/// The parents of `child` other than `x`, as the search saw them (or the pedigree says).
fn other_parents(p: &impl Pedigree, anc: &Ancestry, child: Qid, x: Qid) -> Vec<Qid> {
    let seen = anc.parents_of(child);
    let list = if seen.is_empty() {
        p.parents(child)
    } else {
        seen.to_vec()
    };
    list.into_iter().filter(|q| *q != x).collect()
}

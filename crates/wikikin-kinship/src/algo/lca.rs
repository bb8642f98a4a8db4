//! Lowest common ancestors of two people and the structured relationship through each of them:
//! the entry points [`relate`], [`relate_all`], [`kinship`] and [`kinship_all`].

use super::cycles::cycles_among;
use crate::ancestry::{dedup_keep_order, search};
use crate::{Ancestry, Kind, Kinship, Limits, Pedigree, Problem, Relationship};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Every relationship between `a` and `b` through their lowest common ancestors, closest first.
/// Empty when they have no known common ancestor (or are the same person: then one `self`).
pub fn relate<P: Pedigree>(p: &P, a: P::Id, b: P::Id, limits: &Limits) -> Vec<Relationship<P::Id>> {
    kinship(p, a, b, limits).relationships
}

/// Every relationship between each pair of `people` (in the order given, each pair once,
/// repeated people skipped).
pub fn relate_all<P: Pedigree>(
    p: &P,
    people: &[P::Id],
    limits: &Limits,
) -> Vec<Relationship<P::Id>> {
    kinship_all(p, people, limits).relationships
}

/// Like [`relate_all`], with the data problems met: each limit reached once per person, and
/// each cycle of parent links exactly once even when several of `people` reach it (cycles are
/// found once over all the searches, see [`crate::cycles`]).
///
/// Time: one ancestry search per person (O(A + L) each, see [`crate::ancestry`]), one cycle
/// search over all of them, and O(A) per pair to intersect the ancestries.
pub fn kinship_all<P: Pedigree>(p: &P, people: &[P::Id], limits: &Limits) -> Kinship<P::Id> {
    let mut unique = people.to_vec();
    dedup_keep_order(&mut unique);
    let ancestries: Vec<Ancestry<P::Id>> =
        unique.iter().map(|q| search(p, *q, limits, None)).collect();
    let refs: Vec<&Ancestry<P::Id>> = ancestries.iter().collect();
    let (problems, cycles) = problems_of(&refs);
    let mut out = Kinship {
        relationships: Vec::new(),
        problems,
    };
    for (i, x) in ancestries.iter().enumerate() {
        for y in ancestries.iter().skip(i + 1) {
            out.relationships
                .extend(relate_ancestries(p, x, y, &cycles));
        }
    }
    out
}

/// The problems of some ancestry searches (made without the cycle search): their limits
/// reached, each once, then every cycle among all of them once. Also gives each person on a
/// cycle the index of their cycle.
fn problems_of<Id: Copy + Ord + Hash>(
    ancestries: &[&Ancestry<Id>],
) -> (Vec<Problem<Id>>, HashMap<Id, usize>) {
    let mut problems: Vec<Problem<Id>> = Vec::new();
    for anc in ancestries {
        for problem in &anc.problems {
            if !problems.contains(problem) {
                problems.push(problem.clone());
            }
        }
    }
    let mut cycle_of: HashMap<Id, usize> = HashMap::new();
    for (k, people) in cycles_among(ancestries).into_iter().enumerate() {
        for q in &people {
            cycle_of.entry(*q).or_insert(k);
        }
        problems.push(Problem::OwnAncestors { people });
    }
    (problems, cycle_of)
}

/// Every relationship between `a` and `b`, with the data problems met on the way.
///
/// Time: two ancestry searches (O(A + L) each, see [`crate::ancestry`]), the cycle search over
/// both, and O(A) to intersect them.
pub fn kinship<P: Pedigree>(p: &P, a: P::Id, b: P::Id, limits: &Limits) -> Kinship<P::Id> {
    let anc_a = search(p, a, limits, None);
    if a == b {
        let (problems, cycles) = problems_of(&[&anc_a]);
        return Kinship {
            relationships: relate_ancestries(p, &anc_a, &anc_a, &cycles),
            problems,
        };
    }
    let anc_b = search(p, b, limits, None);
    let (problems, cycles) = problems_of(&[&anc_a, &anc_b]);
    Kinship {
        relationships: relate_ancestries(p, &anc_a, &anc_b, &cycles),
        problems,
    }
}

/// The relationships between the people of two ancestries; `cycle_of` gives the people on a
/// cycle of parent links the index of their cycle.
fn relate_ancestries<P: Pedigree>(
    p: &P,
    anc_a: &Ancestry<P::Id>,
    anc_b: &Ancestry<P::Id>,
    cycle_of: &HashMap<P::Id, usize>,
) -> Vec<Relationship<P::Id>> {
    let (a, b) = (anc_a.person, anc_b.person);
    let common: HashSet<P::Id> = anc_a
        .order
        .iter()
        .copied()
        .filter(|q| anc_b.contains(*q))
        .collect();
    if common.is_empty() {
        return Vec::new();
    }
    // People on a cycle of parent links (bad data): a link inside a cycle does not count below.
    let same_cycle = |x: P::Id, y: P::Id| match (cycle_of.get(&x), cycle_of.get(&y)) {
        (Some(i), Some(j)) => i == j,
        _ => false,
    };
    // A common ancestor with a child that is also a common ancestor is not lowest.
    let mut not_lowest: HashSet<P::Id> = HashSet::new();
    for &c in &common {
        for parent in anc_a.parents_of(c).iter().chain(anc_b.parents_of(c)) {
            if *parent != c && common.contains(parent) && !same_cycle(*parent, c) {
                not_lowest.insert(*parent);
            }
        }
    }
    let gens = |q: P::Id| -> (u32, u32) {
        (
            anc_a.generations(q).unwrap_or(u32::MAX),
            anc_b.generations(q).unwrap_or(u32::MAX),
        )
    };
    let mut lowest: Vec<P::Id> = common
        .iter()
        .copied()
        .filter(|q| !not_lowest.contains(q))
        .collect();
    wikikin_sort::sort_by_key(&mut lowest, |q| {
        let (ga, gb) = gens(*q);
        (ga.saturating_add(gb), ga, *q)
    });

    // Group the lowest common ancestors into couples.
    let mut used: HashSet<P::Id> = HashSet::new();
    // (ancestors, half): the first ancestor is the one counted from, its partner second.
    let mut groups: Vec<(Vec<P::Id>, bool)> = Vec::new();
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
        let others_a: Vec<P::Id> = other_parents(p, anc_a, ca, x);
        let others_b: Vec<P::Id> = other_parents(p, anc_b, cb, x);
        let shared: Vec<P::Id> = others_a
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

    let mut rels: Vec<Relationship<P::Id>> = groups
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
    let key = |r: &Relationship<P::Id>| (r.ga, r.gb, r.half);
    let doubles: Vec<Vec<P::Id>> = rels
        .iter()
        .enumerate()
        .map(|(i, r)| {
            rels.iter()
                .enumerate()
                .filter(|(j, o)| *j != i && key(o) == key(r))
                .flat_map(|(_, o)| o.ancestors.iter().copied())
                .collect()
        })
        .collect();
    for (r, others) in rels.iter_mut().zip(doubles) {
        if !others.is_empty() && r.kind != Kind::Same {
            r.double = true;
            r.double_with = others;
        }
    }
    wikikin_sort::sort_by(&mut rels, |x, y| {
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
fn other_parents<P: Pedigree>(p: &P, anc: &Ancestry<P::Id>, child: P::Id, x: P::Id) -> Vec<P::Id> {
    let seen = anc.parents_of(child);
    let list = if seen.is_empty() {
        p.parents(child)
    } else {
        seen.to_vec()
    };
    list.into_iter().filter(|q| *q != x).collect()
}

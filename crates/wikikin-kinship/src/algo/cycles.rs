//! Cycles of parent links: people recorded as their own ancestors.

use crate::ancestry::search;
use crate::{Ancestry, Limits, Pedigree};
use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

/// The cycles of parent links reachable upward from `from` (each searched as [`crate::ancestry`]
/// does, within `limits`): every strongly connected component of more than one person, and
/// every person listed as their own parent. Each cycle is listed once, as its people sorted
/// ascending, and the list is sorted, so one cycle is never listed twice even when several of
/// `from` reach it.
///
/// Time O(A + L) for the searches (A ancestors kept over all of `from`, L parent links among
/// them) plus O(C log C) to sort the C people on cycles (Tarjan's algorithm, via petgraph).
pub fn cycles<P: Pedigree>(p: &P, from: &[P::Id], limits: &Limits) -> Vec<Vec<P::Id>> {
    let ancestries: Vec<Ancestry<P::Id>> =
        from.iter().map(|q| search(p, *q, limits, None)).collect();
    let refs: Vec<&Ancestry<P::Id>> = ancestries.iter().collect();
    cycles_among(&refs)
}

/// The cycles among the parent links seen by some ancestry searches, all of them together (see
/// [`cycles`]).
pub(crate) fn cycles_among<Id: Copy + Ord + Hash>(ancestries: &[&Ancestry<Id>]) -> Vec<Vec<Id>> {
    use petgraph::algo::tarjan_scc;
    use petgraph::graph::{DiGraph, NodeIndex};
    let mut index: HashMap<Id, usize> = HashMap::new();
    let mut people: Vec<Id> = Vec::new();
    for anc in ancestries {
        for &q in &anc.order {
            index.entry(q).or_insert_with(|| {
                people.push(q);
                people.len() - 1
            });
        }
    }
    let mut g: DiGraph<Id, ()> = DiGraph::with_capacity(people.len(), people.len());
    for &q in &people {
        g.add_node(q);
    }
    let mut links: BTreeSet<(usize, usize)> = BTreeSet::new();
    for anc in ancestries {
        for q in &anc.order {
            let Some(&i) = index.get(q) else { continue };
            for parent in anc.parents_of(*q) {
                if let Some(&j) = index.get(parent) {
                    links.insert((i, j));
                }
            }
        }
    }
    let mut self_loops = Vec::new();
    for &(i, j) in &links {
        if i == j {
            if let Some(q) = people.get(i) {
                self_loops.push(*q);
            }
        }
        g.add_edge(NodeIndex::new(i), NodeIndex::new(j), ());
    }
    let mut out: Vec<Vec<Id>> = tarjan_scc(&g)
        .into_iter()
        .filter(|scc| scc.len() > 1)
        .map(|scc| {
            let mut people: Vec<Id> = scc
                .iter()
                .filter_map(|n| g.node_weight(*n))
                .copied()
                .collect();
            wikikin_sort::sort(&mut people);
            people
        })
        .collect();
    for q in self_loops {
        out.push(vec![q]);
    }
    wikikin_sort::sort(&mut out);
    out
}

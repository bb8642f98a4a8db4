//! Cycles of parent links (people recorded as their own ancestors).

use crate::{Ancestry, Qid};
use std::collections::HashMap;

/// Cycles among the parent links seen in an ancestry (strongly connected components of more
/// than one person, or a person listed as their own parent), each sorted.
pub(crate) fn cycles(anc: &Ancestry) -> Vec<Vec<Qid>> {
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

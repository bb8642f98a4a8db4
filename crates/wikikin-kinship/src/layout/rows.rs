//! Rows (generations) for the units of partners.

use std::collections::VecDeque;

/// Rows for units: generation offsets walked from a first unit of each connected part
/// (+1 parent → child), then pushed down so every child is below all its parents, then each part
/// shifted to start at row 0. Edges naming a unit outside `0..nu` are ignored.
// Indexing is in range: every vector is sized `nu` (`min_row`: `ncomp`), every index is a unit
// below `nu` (edges are filtered first, `adj`/`down` hold only their ends) and every `comp[u]`
// is set below `ncomp` (each unit is reached from some start).
#[allow(clippy::indexing_slicing)]
pub(super) fn assign_rows(nu: usize, uedges: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut adj: Vec<Vec<(usize, i64)>> = vec![Vec::new(); nu];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); nu];
    let mut indeg = vec![0usize; nu];
    for &(_, pu, cu) in uedges.iter().filter(|(_, pu, cu)| *pu < nu && *cu < nu) {
        adj[pu].push((cu, 1));
        adj[cu].push((pu, -1));
        down[pu].push(cu);
        indeg[cu] += 1;
    }
    // Generation offsets by walking the family.
    let mut pot: Vec<Option<i64>> = vec![None; nu];
    let mut comp = vec![usize::MAX; nu];
    let mut ncomp = 0;
    for s in 0..nu {
        if pot[s].is_some() {
            continue;
        }
        pot[s] = Some(0);
        comp[s] = ncomp;
        let mut queue = VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            let pu = pot[u].unwrap_or(0);
            for &(v, d) in &adj[u] {
                if pot[v].is_none() {
                    pot[v] = Some(pu + d);
                    comp[v] = ncomp;
                    queue.push_back(v);
                }
            }
        }
        ncomp += 1;
    }
    let mut row: Vec<i64> = pot.iter().map(|p| p.unwrap_or(0)).collect();
    // Repair in topological order; a cycle is broken at its smallest unit.
    let mut done = vec![false; nu];
    let mut ready = std::collections::BTreeSet::new();
    ready.extend((0..nu).filter(|&u| indeg[u] == 0));
    let mut next_forced = 0usize;
    let mut processed = 0;
    while processed < nu {
        let u = match ready.pop_first() {
            Some(u) => u,
            None => {
                while next_forced < nu && done[next_forced] {
                    next_forced += 1;
                }
                if next_forced >= nu {
                    break;
                }
                next_forced
            }
        };
        if done[u] {
            continue;
        }
        done[u] = true;
        processed += 1;
        for &v in &down[u] {
            if done[v] {
                continue;
            }
            row[v] = row[v].max(row[u] + 1);
            indeg[v] = indeg[v].saturating_sub(1);
            if indeg[v] == 0 {
                ready.insert(v);
            }
        }
    }
    let mut min_row = vec![i64::MAX; ncomp];
    for u in 0..nu {
        min_row[comp[u]] = min_row[comp[u]].min(row[u]);
    }
    (0..nu)
        .map(|u| (row[u] - min_row[comp[u]]).max(0) as usize)
        .collect()
}

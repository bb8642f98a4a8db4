//! The order within rows in our own engine: depth-first initial order, barycenter sweeps with
//! the partners' join points as ports, and crossing counts.

use super::graph::Layered;

impl Layered {
    /// Initial order: depth-first from the top rows, so branches stay together.
    // Indexing is in range: the vectors indexed by node are sized `self.nodes.len()`, and every
    // node index comes from `0..self.nodes.len()` or from a segment (whose ends are nodes of this
    // graph, see [`Layered`]); rows are looked up with `get_mut`.
    #[allow(clippy::indexing_slicing)]
    fn initial_order(&self) -> Vec<Vec<usize>> {
        let mut down: Vec<Vec<(f64, usize)>> = vec![Vec::new(); self.nodes.len()];
        for s in &self.segs {
            down[s.upper].push((s.up_port, s.lower));
        }
        for list in &mut down {
            wikikin_sort::sort_by(list, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        }
        let mut starts: Vec<usize> = (0..self.nodes.len()).collect();
        wikikin_sort::sort_by_key(&mut starts, |&v| (self.nodes[v].row, v));
        let mut seen = vec![false; self.nodes.len()];
        let mut layers: Vec<Vec<usize>> = vec![Vec::new(); self.nrows];
        for s in starts {
            if seen[s] {
                continue;
            }
            let mut stack = vec![s];
            while let Some(v) = stack.pop() {
                if seen[v] {
                    continue;
                }
                seen[v] = true;
                if let Some(layer) = layers.get_mut(self.nodes[v].row) {
                    layer.push(v);
                }
                for &(_, c) in down[v].iter().rev() {
                    if !seen[c] {
                        stack.push(c);
                    }
                }
            }
        }
        layers
    }

    /// Barycenter sweeps down and up, keeping the order with the fewest crossings.
    // Indexing is in range: the vectors indexed by node are sized `self.nodes.len()`, and every
    // node index comes from `0..self.nodes.len()` or from a segment (whose ends are nodes of this
    // graph, see [`Layered`]); `layers` has `self.nrows` rows
    // (from `initial_order`) and `r < self.nrows`.
    #[allow(clippy::indexing_slicing)]
    pub(super) fn order(&self) -> Vec<Vec<usize>> {
        let mut layers = self.initial_order();
        let mut up_segs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        let mut down_segs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for (k, s) in self.segs.iter().enumerate() {
            up_segs[s.lower].push(k);
            down_segs[s.upper].push(k);
        }
        let mut pos = vec![0usize; self.nodes.len()];
        let set_pos = |layers: &Vec<Vec<usize>>, pos: &mut Vec<usize>| {
            for layer in layers {
                for (i, v) in layer.iter().enumerate() {
                    pos[*v] = i;
                }
            }
        };
        set_pos(&layers, &mut pos);
        let mut best = layers.clone();
        let mut best_cross = self.count_by_pos(&layers, &pos);
        let sweeps = if self.segs.len() > 20_000 { 6 } else { 12 };
        for sweep in 0..sweeps {
            if best_cross == 0 {
                break;
            }
            let downward = sweep % 2 == 0;
            let rows: Vec<usize> = if downward {
                (1..self.nrows).collect()
            } else {
                (0..self.nrows.saturating_sub(1)).rev().collect()
            };
            for r in rows {
                let mut keyed: Vec<(f64, usize)> = layers[r]
                    .iter()
                    .map(|&v| {
                        let (list, far) = if downward {
                            (&up_segs[v], true)
                        } else {
                            (&down_segs[v], false)
                        };
                        let mut sum = 0.0;
                        let mut count = 0.0;
                        for &k in list {
                            let s = self.segs[k];
                            let (node, port) = if far {
                                (s.upper, s.up_port)
                            } else {
                                (s.lower, s.low_port)
                            };
                            sum += pos[node] as f64 + self.port_frac(node, port);
                            count += 1.0;
                        }
                        let key = if count > 0.0 {
                            sum / count
                        } else {
                            pos[v] as f64 + 0.5
                        };
                        (key, v)
                    })
                    .collect();
                wikikin_sort::sort_by(&mut keyed, |a, b| a.0.total_cmp(&b.0));
                layers[r] = keyed.into_iter().map(|(_, v)| v).collect();
                for (i, v) in layers[r].iter().enumerate() {
                    pos[*v] = i;
                }
            }
            let c = self.count_by_pos(&layers, &pos);
            if c < best_cross {
                best_cross = c;
                best = layers.clone();
            }
        }
        best
    }

    // Indexing is in range: `pos` is sized `self.nodes.len()` by `order`, its only caller.
    #[allow(clippy::indexing_slicing)]
    fn count_by_pos(&self, layers: &[Vec<usize>], pos: &[usize]) -> usize {
        let key: Vec<f64> = (0..self.nodes.len()).map(|v| pos[v] as f64).collect();
        self.count_crossings(layers.len(), &key)
    }

    /// Crossings between neighbouring rows, the segments attached at `key[node] + port`.
    // Indexing is in range: the vectors indexed by node are sized `self.nodes.len()`, and every
    // node index comes from `0..self.nodes.len()` or from a segment (whose ends are nodes of this
    // graph, see [`Layered`]); `key` is sized `self.nodes.len()` by both callers.
    #[allow(clippy::indexing_slicing)]
    fn count_crossings(&self, nrows: usize, key: &[f64]) -> usize {
        let mut per_row: Vec<Vec<(f64, f64)>> = vec![Vec::new(); nrows];
        for s in &self.segs {
            let r = self.nodes[s.upper].row;
            if let Some(list) = per_row.get_mut(r) {
                list.push((
                    key[s.upper] + self.port_frac(s.upper, s.up_port),
                    key[s.lower] + self.port_frac(s.lower, s.low_port),
                ));
            }
        }
        per_row
            .into_iter()
            .map(|mut list| {
                wikikin_sort::sort_by(&mut list, |a, b| {
                    a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
                });
                let mut lows: Vec<f64> = list.into_iter().map(|(_, l)| l).collect();
                inversions(&mut lows)
            })
            .sum()
    }

    /// Crossings of a finished layout (order from the x coordinates).
    // Indexing is in range: `layers` and `lefts` come from this graph's `order`/`place` or
    // `sugiyama`, which list node indices of this graph and give one left side per node; `key` is
    // sized `self.nodes.len()`.
    #[allow(clippy::indexing_slicing)]
    pub(super) fn crossings(&self, layers: &[Vec<usize>], lefts: &[f64]) -> usize {
        let mut key = vec![0.0; self.nodes.len()];
        for layer in layers {
            let mut sorted = layer.clone();
            wikikin_sort::sort_by(&mut sorted, |a, b| lefts[*a].total_cmp(&lefts[*b]));
            for (i, v) in sorted.iter().enumerate() {
                key[*v] = i as f64;
            }
        }
        self.count_crossings(self.nrows, &key)
    }
}

/// Number of pairs i < j with v[i] > v[j] (merge sort).
// Indexing is in range: `mid = n / 2 <= n`, and the merge loop reads `v[i]` with `i < mid` and
// `v[j]` with `j < n`.
#[allow(clippy::indexing_slicing)]
fn inversions(v: &mut [f64]) -> usize {
    let n = v.len();
    if n < 2 {
        return 0;
    }
    let mid = n / 2;
    let mut count = inversions(&mut v[..mid]) + inversions(&mut v[mid..]);
    let mut merged = Vec::with_capacity(n);
    let (mut i, mut j) = (0, mid);
    while i < mid && j < n {
        if v[j] < v[i] {
            count += mid - i;
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..n]);
    v.copy_from_slice(&merged);
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inversions_count() {
        assert_eq!(inversions(&mut [1.0, 2.0, 3.0]), 0);
        assert_eq!(inversions(&mut [3.0, 2.0, 1.0]), 3);
        assert_eq!(inversions(&mut [1.0, 1.0, 0.5]), 2);
    }
}

//! x coordinates in our own engine: packed rows pulled towards parents and children by
//! weighted least squares.

use super::graph::Layered;

impl Layered {
    /// x coordinates (left sides): packed, then alternately pulled towards the parents' join
    /// points and the children, keeping the order and the gaps (weighted least squares).
    // Indexing is in range: `left`, `up_segs` and `down_segs` are sized `self.nodes.len()`;
    // `layers` lists node indices of this graph (from `order`); segment ends are nodes (see
    // [`Layered`]); `r < layers.len()`; `windows(2)` has two elements; `placed` has one left
    // side per node of the layer.
    #[allow(clippy::indexing_slicing)]
    pub(super) fn place(&self, layers: &[Vec<usize>]) -> Vec<f64> {
        let mut left = vec![0.0f64; self.nodes.len()];
        for layer in layers {
            let mut x = 0.0;
            for (i, &v) in layer.iter().enumerate() {
                if i > 0 {
                    x += self.gap_between(layer[i - 1], v);
                }
                left[v] = x;
                x += self.nodes[v].width;
            }
        }
        let mut up_segs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        let mut down_segs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for (k, s) in self.segs.iter().enumerate() {
            up_segs[s.lower].push(k);
            down_segs[s.upper].push(k);
        }
        // Ending with an upward pass: parents centred over their children where rows allow.
        let passes = [false, true, false, true, false, true, false];
        for &downward in &passes {
            let rows: Vec<usize> = if downward {
                (1..layers.len()).collect()
            } else {
                (0..layers.len().saturating_sub(1)).rev().collect()
            };
            for r in rows {
                let layer = &layers[r];
                let mut desired = Vec::with_capacity(layer.len());
                let mut weight = Vec::with_capacity(layer.len());
                for &v in layer {
                    let list = if downward { &up_segs[v] } else { &down_segs[v] };
                    if list.is_empty() {
                        desired.push(left[v]);
                        weight.push(1e-3);
                        continue;
                    }
                    let mut sum = 0.0;
                    for &k in list {
                        let s = self.segs[k];
                        sum += if downward {
                            left[s.upper] + s.up_port - s.low_port
                        } else {
                            left[s.lower] + s.low_port - s.up_port
                        };
                    }
                    desired.push(sum / list.len() as f64);
                    weight.push(list.len() as f64);
                }
                let widths: Vec<f64> = layer.iter().map(|&v| self.nodes[v].width).collect();
                let gaps: Vec<f64> = layer
                    .windows(2)
                    .map(|w| self.gap_between(w[0], w[1]))
                    .collect();
                let placed = place_row(&widths, &gaps, &desired, &weight);
                for (i, &v) in layer.iter().enumerate() {
                    left[v] = placed[i];
                }
            }
        }
        left
    }
}

/// Left sides for boxes of `widths` in this order, at least `gaps` apart, as close as possible
/// (weighted least squares) to `desired`: isotonic regression by pool-adjacent-violators.
fn place_row(widths: &[f64], gaps: &[f64], desired: &[f64], weight: &[f64]) -> Vec<f64> {
    let n = widths.len().min(desired.len()).min(weight.len());
    // Packed left sides: `s[i]` = the widths and gaps before box `i`.
    let mut s = Vec::with_capacity(n);
    let mut acc = 0.0;
    for (i, w) in widths.iter().take(n).enumerate() {
        s.push(acc);
        acc = acc + w + gaps.get(i).copied().unwrap_or(0.0);
    }
    // Blocks of (weighted mean, total weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(n);
    for ((d, wt), si) in desired.iter().zip(weight).zip(&s) {
        let mut b = (d - si, wt.max(1e-9), 1usize);
        while let Some(&last) = blocks.last() {
            if last.0 <= b.0 {
                break;
            }
            blocks.pop();
            let w = last.1 + b.1;
            b = ((last.0 * last.1 + b.0 * b.1) / w, w, last.2 + b.2);
        }
        blocks.push(b);
    }
    let mut out = Vec::with_capacity(n);
    let mut packed = s.iter();
    for (value, _, count) in blocks {
        for si in packed.by_ref().take(count) {
            out.push(value + si);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_row_keeps_gaps_and_fits() {
        let out = place_row(&[10.0, 10.0], &[5.0], &[0.0, 0.0], &[1.0, 1.0]);
        assert_eq!(out, vec![-7.5, 7.5]);
        let out = place_row(&[10.0, 10.0], &[5.0], &[0.0, 100.0], &[1.0, 1.0]);
        assert_eq!(out, vec![0.0, 100.0]);
    }
}

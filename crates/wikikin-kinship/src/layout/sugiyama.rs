//! The adapter to the `rust-sugiyama` crate: our layered graph in, left sides and row orders
//! out, or `None` when its result does not keep our rows or overlaps.

use super::graph::Layered;

impl Layered {
    /// The rust-sugiyama layout, or `None` if it does not keep our rows or overlaps.
    ///
    /// rust-sugiyama indexes and unwraps (the app aborts on a panic), so it is only given what
    /// it handles, checked here rather than assumed: every edge joins two vertices it was given
    /// (it unwraps the vertex lookup), goes from a row to a lower one (so the graph is acyclic,
    /// without self-loops: its cycle removal asserts and cannot remove a self-loop), once
    /// (duplicates removed), and every size and the spacing are finite. Anything else falls back
    /// to our own engine. `tests/never_panics.rs` runs this on many random pedigrees.
    pub(super) fn sugiyama(&self, bh: f64) -> Option<(Vec<f64>, Vec<Vec<usize>>)> {
        use rust_sugiyama::configure::{Config, CrossingMinimization, RankingType};
        let n = u32::try_from(self.nodes.len()).ok()?;
        if !bh.is_finite() || !self.gap.is_finite() {
            return None;
        }
        let vertices: Vec<(u32, (f64, f64))> = (0..n)
            .zip(&self.nodes)
            .map(|(i, v)| (i, (v.width.max(1.0), bh.max(1.0))))
            .collect();
        if vertices.iter().any(|(_, (w, _))| !w.is_finite()) {
            return None;
        }
        let row = |v: usize| self.nodes.get(v).map(|node| node.row);
        let mut edges: Vec<(u32, u32)> = Vec::with_capacity(self.segs.len());
        for s in &self.segs {
            let (Some(upper), Some(lower)) = (row(s.upper), row(s.lower)) else {
                return None;
            };
            if upper >= lower {
                return None;
            }
            edges.push((u32::try_from(s.upper).ok()?, u32::try_from(s.lower).ok()?));
        }
        wikikin_sort::sort(&mut edges);
        edges.dedup();
        let config = Config {
            minimum_length: 1,
            vertex_spacing: self.gap,
            dummy_vertices: false,
            dummy_size: 1.0,
            ranking_type: RankingType::MinimizeEdgeLength,
            c_minimization: CrossingMinimization::Barycenter,
            transpose: true,
        };
        let parts = rust_sugiyama::from_vertices_and_edges(&vertices, &edges, &config);
        let mut left = vec![f64::NAN; self.nodes.len()];
        // Parts side by side, in order of their smallest node.
        let mut parts: Vec<_> = parts
            .into_iter()
            .filter_map(|(coords, _, _)| {
                let first = coords.iter().map(|c| c.0).min()?;
                Some((first, coords))
            })
            .collect();
        wikikin_sort::sort_by_key(&mut parts, |p| p.0);
        let mut x0 = 0.0;
        for (_, coords) in parts {
            // The part's ranks (from y) must be our rows, up to a shift.
            let mut ys: Vec<f64> = coords.iter().map(|c| c.1 .1).collect();
            wikikin_sort::sort_by(&mut ys, f64::total_cmp);
            ys.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
            let mut shift: Option<i64> = None;
            let mut min_x = f64::INFINITY;
            let mut max_x = f64::NEG_INFINITY;
            for &(id, (x, y)) in &coords {
                let node = self.nodes.get(id)?;
                let rank = ys.iter().position(|v| (v - y).abs() < 1e-6)? as i64;
                let d = node.row as i64 - rank;
                if *shift.get_or_insert(d) != d {
                    return None;
                }
                let l = x - node.width.max(1.0) / 2.0;
                min_x = min_x.min(l);
                max_x = max_x.max(l + node.width);
                *left.get_mut(id)? = l;
            }
            for &(id, _) in &coords {
                if let Some(l) = left.get_mut(id) {
                    *l += x0 - min_x;
                }
            }
            x0 += max_x - min_x + self.gap;
        }
        if left.iter().any(|x| !x.is_finite()) {
            return None;
        }
        let mut layers: Vec<Vec<usize>> = vec![Vec::new(); self.nrows];
        for (v, node) in self.nodes.iter().enumerate() {
            layers.get_mut(node.row)?.push(v);
        }
        // Every node has a finite left side (checked above); a missing one would be NaN.
        let at = |v: usize| left.get(v).copied().unwrap_or(f64::NAN);
        for layer in &mut layers {
            wikikin_sort::sort_by(layer, |a, b| at(*a).total_cmp(&at(*b)));
            for w in layer.windows(2) {
                let &[a, b] = w else { continue };
                let need = self.width(a) + self.gap_between(a, b) * 0.5;
                if at(b) - at(a) < need - 1e-6 {
                    return None;
                }
            }
        }
        Some((left, layers))
    }
}

//! From node positions to the geometry handed out: boxes, join points, child polylines, with
//! the horizontal runs in each row gap on separate tracks where they overlap.

use super::graph::Layered;
use super::units::{People, Units};
use super::{ChildEdge, Engine, Join, Layout, LayoutOptions, PersonBox};
use crate::Tree;
use std::collections::BTreeMap;

/// Everything the final geometry is computed from.
pub(super) struct Frame<'a, Id> {
    pub(super) tree: &'a Tree<Id>,
    pub(super) people: &'a People<Id>,
    pub(super) units: &'a Units,
    /// Each unit's row.
    pub(super) rows: &'a [usize],
    pub(super) lg: &'a Layered,
    /// For each tree edge, its segments from the parents down to the child.
    pub(super) chains: &'a [Vec<usize>],
    pub(super) opts: &'a LayoutOptions,
    /// Box width and height (never negative).
    pub(super) bw: f64,
    pub(super) bh: f64,
}

impl<Id: Copy> Frame<'_, Id> {
    fn row_top(&self, r: usize) -> f64 {
        r as f64 * (self.bh + self.opts.row_gap)
    }

    /// The layout for the nodes' left sides `lefts`.
    pub(super) fn layout(&self, lefts: &[f64], engine: Engine, crossings: usize) -> Layout<Id> {
        let (bw, bh, lg) = (self.bw, self.bh, self.lg);
        // Shift everything so the leftmost box starts at 0.
        let min_left = lefts.iter().copied().fold(f64::INFINITY, f64::min);
        let shift = if min_left.is_finite() { -min_left } else { 0.0 };
        let lefts: Vec<f64> = lefts.iter().map(|x| x + shift).collect();
        let track_y = track_heights(lg, &lefts, self.opts);
        let rows = self.rows;
        let units = self.units;

        let boxes: Vec<PersonBox<Id>> = self
            .people
            .persons
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let u = units.unit_of.get(i).copied().unwrap_or(0);
                let row = rows.get(u).copied().unwrap_or(0);
                PersonBox {
                    id: *q,
                    x: lefts.get(u).copied().unwrap_or(0.0)
                        + units.offset.get(i).copied().unwrap_or(0.0),
                    y: self.row_top(row),
                    w: bw,
                    h: bh,
                    row: row as u32,
                }
            })
            .collect();
        let joins: Vec<Join> = units
            .joins
            .iter()
            .enumerate()
            .map(|(c, &(u, off, couple))| Join {
                couple: c,
                x: lefts.get(u).copied().unwrap_or(0.0) + off,
                y: self.row_top(rows.get(u).copied().unwrap_or(0))
                    + if couple { bh / 2.0 } else { bh },
            })
            .collect();
        let edges: Vec<ChildEdge<Id>> = self
            .tree
            .edges
            .iter()
            .enumerate()
            .map(|(k, e)| {
                let (jx, jy) = joins
                    .get(e.couple)
                    .map(|j| (j.x, j.y))
                    .unwrap_or((0.0, 0.0));
                let (cx, ctop) = self
                    .people
                    .children
                    .get(k)
                    .and_then(|&c| boxes.get(c))
                    .map_or((jx, jy), |child| (child.cx(), child.y));
                let mut points = vec![(jx, jy)];
                let mut x = jx;
                for &k in self.chains.get(k).map(Vec::as_slice).unwrap_or(&[]) {
                    let Some(seg) = lg.segs.get(k) else { continue };
                    let upper_row = lg.nodes.get(seg.upper).map_or(0, |v| v.row);
                    let track = track_y.get(k).copied().unwrap_or(0.0);
                    let mid = self.row_top(upper_row) + bh + track;
                    let next = lefts.get(seg.lower).copied().unwrap_or(0.0) + seg.low_port;
                    points.push((x, mid));
                    points.push((next, mid));
                    x = next;
                }
                points.push((cx, ctop));
                points.dedup();
                ChildEdge {
                    edge: k,
                    child: e.child,
                    points,
                }
            })
            .collect();
        let width = lg
            .nodes
            .iter()
            .zip(&lefts)
            .map(|(v, l)| l + v.width)
            .fold(0.0f64, f64::max);
        let height = if lg.nrows == 0 {
            0.0
        } else {
            self.row_top(lg.nrows - 1) + bh
        };
        Layout {
            boxes,
            joins,
            edges,
            width,
            height,
            rows: lg.nrows as u32,
            engine,
            crossings,
        }
    }
}

/// The height in its row gap of each segment's horizontal run: the runs from one attachment
/// point form a bus; buses that overlap get different heights in the gap.
fn track_heights(lg: &Layered, lefts: &[f64], opts: &LayoutOptions) -> Vec<f64> {
    let mut track_y = vec![opts.row_gap / 2.0; lg.segs.len()];
    let mut buses: BTreeMap<(usize, u64), (f64, f64, Vec<usize>)> = BTreeMap::new();
    for (k, seg) in lg.segs.iter().enumerate() {
        let xu = lefts.get(seg.upper).copied().unwrap_or(0.0) + seg.up_port;
        let xl = lefts.get(seg.lower).copied().unwrap_or(0.0) + seg.low_port;
        let bus = buses
            .entry((seg.upper, seg.up_port.to_bits()))
            .or_insert((xu, xu, Vec::new()));
        bus.0 = bus.0.min(xl);
        bus.1 = bus.1.max(xl);
        bus.2.push(k);
    }
    let mut per_gap: BTreeMap<usize, Vec<(f64, f64, Vec<usize>)>> = BTreeMap::new();
    for ((upper, _), bus) in buses {
        let row = lg.nodes.get(upper).map_or(0, |v| v.row);
        per_gap.entry(row).or_default().push(bus);
    }
    let margin = opts.partner_gap.max(1.0) / 2.0;
    for (_, mut gap_buses) in per_gap {
        wikikin_sort::sort_by(&mut gap_buses, |a, b| {
            a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
        });
        let mut track_end: Vec<f64> = Vec::new();
        let mut tracks = Vec::with_capacity(gap_buses.len());
        for bus in &gap_buses {
            let t = match track_end.iter().position(|end| *end + margin < bus.0) {
                Some(t) => {
                    if let Some(end) = track_end.get_mut(t) {
                        *end = bus.1;
                    }
                    t
                }
                None => {
                    track_end.push(bus.1);
                    track_end.len() - 1
                }
            };
            tracks.push(t);
        }
        let n_tracks = track_end.len() as f64;
        for (bus, t) in gap_buses.iter().zip(tracks) {
            let y = opts.row_gap * (t as f64 + 1.0) / (n_tracks + 1.0);
            for &k in &bus.2 {
                if let Some(slot) = track_y.get_mut(k) {
                    *slot = y;
                }
            }
        }
    }
    track_y
}

//! The layered graph both engines work on: one node per unit of partners (plus a dummy node per
//! row crossed by a long edge), and segments between neighbouring rows with their attachment
//! points ("ports").

use super::units::{People, Units};
use crate::Tree;

/// A node of the layered graph: a unit of partners, or a dummy on a long edge.
pub(super) struct Node {
    pub(super) width: f64,
    pub(super) row: usize,
}

/// An edge between neighbouring rows, with its attachment offsets from each node's left side.
#[derive(Clone, Copy)]
pub(super) struct Seg {
    pub(super) upper: usize,
    pub(super) up_port: f64,
    pub(super) lower: usize,
    pub(super) low_port: f64,
    /// The couple it hangs from, when the upper node is that couple's unit.
    pub(super) couple: Option<usize>,
    /// The child it ends at, when the lower node is the child's unit.
    pub(super) child: Option<usize>,
}

/// The layered graph: nodes `0..units` are the units, the rest dummies.
///
/// Invariants (made by [`Layered::build`], the only place nodes and segments are added): every
/// segment's `upper` and `lower` are indices into `nodes`, and every node's `row` is below
/// `nrows`. The engines rely on them to index by node.
pub(super) struct Layered {
    pub(super) nodes: Vec<Node>,
    pub(super) segs: Vec<Seg>,
    pub(super) nrows: usize,
    /// Horizontal space between neighbouring nodes (half of it next to a dummy).
    pub(super) gap: f64,
}

impl Layered {
    /// The graph of `units` at `rows`, with a chain of segments (through dummies) for every
    /// unit-level edge `(tree edge, parent unit, child unit)` going down. Also gives, for each
    /// tree edge, its segments from the parents down to the child (empty for a back edge in
    /// cyclic data, drawn straight).
    pub(super) fn build<Id>(
        tree: &Tree<Id>,
        people: &People<Id>,
        units: &Units,
        rows: &[usize],
        uedges: &[(usize, usize, usize)],
        gap: f64,
    ) -> (Layered, Vec<Vec<usize>>) {
        let bw = units.box_width;
        let nu = units.members.len();
        let mut nodes: Vec<Node> = (0..nu)
            .map(|u| Node {
                width: units.width(u),
                row: rows.get(u).copied().unwrap_or(0),
            })
            .collect();
        let mut segs: Vec<Seg> = Vec::new();
        let mut chains: Vec<Vec<usize>> = vec![Vec::new(); tree.edges.len()];
        for &(k, pu, cu) in uedges {
            // Both ends must be units (nodes) for the segments to name nodes.
            if pu >= nu || cu >= nu {
                continue;
            }
            let (Some(&rp), Some(&rc)) = (rows.get(pu), rows.get(cu)) else {
                continue;
            };
            if rc <= rp {
                continue; // a back edge in cyclic data: drawn straight, not layered
            }
            let (Some(e), Some(&child), Some(chain_slot)) =
                (tree.edges.get(k), people.children.get(k), chains.get_mut(k))
            else {
                continue;
            };
            let up_port = units.joins.get(e.couple).map(|j| j.1).unwrap_or(0.0);
            let low_port = units.offset.get(child).copied().unwrap_or(0.0) + bw / 2.0;
            let mut chain = Vec::new();
            let mut prev = (pu, up_port);
            for r in rp + 1..rc {
                let d = nodes.len();
                nodes.push(Node { width: 0.0, row: r });
                chain.push(segs.len());
                segs.push(Seg {
                    upper: prev.0,
                    up_port: prev.1,
                    lower: d,
                    low_port: 0.0,
                    couple: (prev.0 == pu).then_some(e.couple),
                    child: None,
                });
                prev = (d, 0.0);
            }
            chain.push(segs.len());
            segs.push(Seg {
                upper: prev.0,
                up_port: prev.1,
                lower: cu,
                low_port,
                couple: (prev.0 == pu).then_some(e.couple),
                child: Some(child),
            });
            *chain_slot = chain;
        }
        let nrows = nodes.iter().map(|v| v.row + 1).max().unwrap_or(0);
        let lg = Layered {
            nodes,
            segs,
            nrows,
            gap,
        };
        (lg, chains)
    }

    /// Moves the ports after the partners of some units were reordered.
    pub(super) fn set_ports(&mut self, units: &Units) {
        for seg in &mut self.segs {
            if let Some(c) = seg.couple {
                seg.up_port = units.joins.get(c).map_or(seg.up_port, |j| j.1);
            }
            if let Some(i) = seg.child {
                seg.low_port = units.offset.get(i).copied().unwrap_or(0.0) + units.box_width / 2.0;
            }
        }
    }

    /// Where a port sits across its node, from 0 (left) to just below 1 (right); 0.5 on a dummy.
    pub(super) fn port_frac(&self, node: usize, port: f64) -> f64 {
        let w = self.width(node);
        if w > 0.0 {
            (port / w).clamp(0.0, 0.999)
        } else {
            0.5
        }
    }

    /// The width of a node (0 for a dummy, or a node not in the graph).
    pub(super) fn width(&self, node: usize) -> f64 {
        self.nodes.get(node).map_or(0.0, |v| v.width)
    }

    /// The space between two neighbouring nodes.
    pub(super) fn gap_between(&self, a: usize, b: usize) -> f64 {
        if self.width(a) == 0.0 || self.width(b) == 0.0 {
            self.gap / 2.0
        } else {
            self.gap
        }
    }
}

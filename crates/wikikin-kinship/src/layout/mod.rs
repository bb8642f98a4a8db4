//! Geometry for a [`Tree`]: generations as rows, partners side by side, children hanging from
//! their parents' join point, few crossings. No SVG here: boxes, points and polylines.
//!
//! Partners are first gathered into *units* (a person with their partners in the tree, side by
//! side); units are the nodes of a layered graph whose edges go from a parent's unit to a child's
//! unit. Rows are generations: each unit's row is set by walking the family from a first unit
//! (+1 down to a child, −1 up to a parent), so rows line up across branches whenever the data is
//! consistent, then repaired so that every child is below its parents. Edges longer than one row
//! get a chain of dummy nodes.
//!
//! The order within rows and the x coordinates come from one of two engines:
//! - the `rust-sugiyama` crate (barycenter crossing minimisation with transposition and
//!   Brandes–Köpf coordinates), given our units, our dummies and so our rows; its result is
//!   checked (same rows, no overlap) and otherwise dropped;
//! - a layered layout of our own ([`Engine::Layered`]): depth-first initial order, barycenter
//!   sweeps with the partners' join points as ports (keeping the order with fewest crossings),
//!   and a weighted least-squares placement (pool-adjacent-violators) alternately towards
//!   parents and children. It is much faster at thousands of people, and on family trees it
//!   usually has fewer crossings, so [`Engine::Auto`] runs both on small trees and keeps the
//!   better, and only ours on large ones.

//!
//! The files, in pipeline order: `options` and `output` (the public types), `units` (people
//! as indices, partners gathered into units), `rows` (generations), `graph` (the layered graph
//! with dummies), `engine` (which engine runs), `order` and `place` (our engine),
//! `sugiyama` (the rust-sugiyama adapter), `geometry` (boxes, joins, child lines).

mod engine;
mod geometry;
mod graph;
mod options;
mod order;
mod output;
mod place;
mod rows;
#[cfg(feature = "sugiyama")]
mod sugiyama;
mod units;

pub use options::{Engine, LayoutOptions};
pub use output::{ChildEdge, Join, Layout, PersonBox};

use crate::Tree;
use geometry::Frame;
use graph::Layered;
use std::hash::Hash;
use units::{People, Units};

/// Lays out a tree. Deterministic: the same tree and options give the same layout.
pub fn layout<Id: Copy + Eq + Hash>(tree: &Tree<Id>, opts: &LayoutOptions) -> Layout<Id> {
    let bw = opts.box_width.max(0.0);
    let bh = opts.box_height.max(0.0);
    let pgap = opts.partner_gap.max(0.0);

    let people = People::of(tree);
    let mut units = Units::new(&people, bw, pgap);
    let uedges = units.edges(tree, &people);
    let rows = rows::assign_rows(units.members.len(), &uedges);
    let (mut lg, chains) = Layered::build(tree, &people, &units, &rows, &uedges, opts.gap.max(0.0));
    let (mut lefts, layers, mut crossings, engine) = engine::run(&lg, opts, bh);

    // Turn couples round whose partners' parents are placed the other way round, then place
    // again.
    if units.turn_round(&lg.segs, &lefts) {
        units.place(&people);
        lg.set_ports(&units);
        if engine == Engine::Layered {
            lefts = lg.place(&layers);
        }
        crossings = lg.crossings(&layers, &lefts);
    }

    let frame = Frame {
        tree,
        people: &people,
        units: &units,
        rows: &rows,
        lg: &lg,
        chains: &chains,
        opts,
        bw,
        bh,
    };
    frame.layout(&lefts, engine, crossings)
}

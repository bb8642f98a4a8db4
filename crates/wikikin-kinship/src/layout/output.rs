//! What a layout gives back: boxes, join points and child lines.

use super::Engine;
use crate::Qid;
use serde::{Deserialize, Serialize};

/// A person's box: top-left corner `(x, y)`, size `(w, h)`, and generation row (0 = top).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonBox {
    pub qid: Qid,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub row: u32,
}

impl PersonBox {
    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

/// Where a couple's children hang from: between the partners (mid-height), or under a single
/// parent's box.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Join {
    /// Index into [`Tree::couples`].
    pub couple: usize,
    pub x: f64,
    pub y: f64,
}

/// A child line: a polyline from the join point to the top of the child's box, with
/// orthogonal elbows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChildEdge {
    /// Index into [`Tree::edges`].
    pub edge: usize,
    pub child: Qid,
    pub points: Vec<(f64, f64)>,
}

/// The geometry of a tree.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// One box per person, in the order of [`Tree::persons`] (plus anyone the couples or edges
    /// name that the persons list lacks, at the end).
    pub boxes: Vec<PersonBox>,
    /// One per couple, in the order of [`Tree::couples`].
    pub joins: Vec<Join>,
    /// One per tree edge, in the order of [`Tree::edges`].
    pub edges: Vec<ChildEdge>,
    pub width: f64,
    pub height: f64,
    pub rows: u32,
    /// The engine that produced the coordinates.
    pub engine: Engine,
    /// Edge crossings between neighbouring rows (child lines, counted at the row gaps).
    pub crossings: usize,
}

impl Layout {
    /// The box of a person.
    pub fn box_of(&self, q: Qid) -> Option<&PersonBox> {
        self.boxes.iter().find(|b| b.qid == q)
    }
}

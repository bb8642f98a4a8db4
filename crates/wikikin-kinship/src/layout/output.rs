//! What a layout gives back: boxes, join points and child lines.

use super::Engine;
use serde::{Deserialize, Serialize};

/// A person's box: top-left corner `(x, y)`, size `(w, h)`, and generation row (0 = top).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonBox<Id> {
    pub id: Id,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub row: u32,
}

impl<Id> PersonBox<Id> {
    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

/// Where a couple's children hang from: between the partners (mid-height), or under a single
/// parent's box.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Join {
    /// Index into [`crate::Tree::couples`].
    pub couple: usize,
    pub x: f64,
    pub y: f64,
}

/// A child line: a polyline from the join point to the top of the child's box, with
/// orthogonal elbows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChildEdge<Id> {
    /// Index into [`crate::Tree::edges`].
    pub edge: usize,
    pub child: Id,
    pub points: Vec<(f64, f64)>,
}

/// The geometry of a tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Layout<Id> {
    /// One box per person, in the order of [`crate::Tree::persons`] (plus anyone the couples or edges
    /// name that the persons list lacks, at the end).
    pub boxes: Vec<PersonBox<Id>>,
    /// One per couple, in the order of [`crate::Tree::couples`].
    pub joins: Vec<Join>,
    /// One per tree edge, in the order of [`crate::Tree::edges`].
    pub edges: Vec<ChildEdge<Id>>,
    pub width: f64,
    pub height: f64,
    pub rows: u32,
    /// The engine that produced the coordinates.
    pub engine: Engine,
    /// Edge crossings between neighbouring rows (child lines, counted at the row gaps).
    pub crossings: usize,
}

impl<Id> Default for Layout<Id> {
    fn default() -> Self {
        Layout {
            boxes: Vec::new(),
            joins: Vec::new(),
            edges: Vec::new(),
            width: 0.0,
            height: 0.0,
            rows: 0,
            engine: Engine::default(),
            crossings: 0,
        }
    }
}

impl<Id: PartialEq> Layout<Id> {
    /// The box of a person.
    pub fn box_of(&self, q: Id) -> Option<&PersonBox<Id>> {
        self.boxes.iter().find(|b| b.id == q)
    }
}

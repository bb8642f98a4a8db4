//! The answer of relating people: one [`Relationship`] per lowest common ancestor couple, and
//! [`Kinship`], the relationships with the data problems met.

use crate::{Kind, Problem};
use serde::{Deserialize, Serialize};

/// One way in which `b` is related to `a`: through one lowest common ancestor couple (or one
/// single ancestor). Several of these exist for one pair when the family tree collapses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relationship<Id> {
    pub a: Id,
    pub b: Id,
    /// What `b` is to `a`.
    pub kind: Kind,
    /// `min(ga, gb) - 1` (0 for non-cousins): 1 = first cousins, 2 = second cousins, …
    pub degree: u32,
    /// `|ga - gb|`: the generations of difference ("once removed"; for an aunt it is 1).
    pub removed: u32,
    /// The relationship goes through one ancestor only, and both lines descend from that
    /// ancestor's children by *known, different* other parents (half-siblings, half-cousins).
    /// When the other parent of either line is unknown, `half` is false: we do not claim it.
    pub half: bool,
    /// Another couple (or single ancestor) gives the very same `(ga, gb, half)` for this pair:
    /// e.g. double first cousins. Each couple stays its own `Relationship` (with its own paths),
    /// both flagged `double`, and each lists the other couples' people in `double_with`.
    pub double: bool,
    /// The ancestors of the other relationships that make this one double (empty otherwise).
    pub double_with: Vec<Id>,
    /// Generations from `a` up to the common ancestor(s) (0: `a` is the ancestor).
    pub ga: u32,
    /// Generations from `b` up to the common ancestor(s).
    pub gb: u32,
    /// The lowest common ancestor couple or the single ancestor. The generations and paths are
    /// counted from `ancestors[0]` (a lowest common ancestor at its shortest distances, the lower
    /// id of a couple at equal distances); the partner, if any, is second.
    pub ancestors: Vec<Id>,
    /// `ancestors[0]` → … → `a`, one shortest line of descent.
    pub path_a: Vec<Id>,
    /// `ancestors[0]` → … → `b`, one shortest line of descent.
    pub path_b: Vec<Id>,
}

/// The result of relating people: every relationship found, and the data problems met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kinship<Id> {
    pub relationships: Vec<Relationship<Id>>,
    pub problems: Vec<Problem<Id>>,
}

impl<Id> Default for Kinship<Id> {
    fn default() -> Self {
        Kinship {
            relationships: Vec::new(),
            problems: Vec::new(),
        }
    }
}

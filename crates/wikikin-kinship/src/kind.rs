//! What one person is to another, as a family (sibling, cousin, …), from the generations.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What `b` is to `a`, as a family; the exact words come from [`crate::describe`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// `a` and `b` are the same person.
    #[serde(rename = "self")]
    Same,
    /// `b` is a direct ancestor of `a` (parent, grandparent, …).
    Ancestor,
    /// `b` is a direct descendant of `a` (child, grandchild, …).
    Descendant,
    /// `b` is `a`'s brother or sister (or half-).
    Sibling,
    /// `b` is `a`'s (great-)aunt or uncle.
    AuntUncle,
    /// `b` is `a`'s (great-)niece or nephew.
    NieceNephew,
    /// `b` is `a`'s Nth cousin M times removed.
    Cousin,
}

impl Kind {
    /// The kind for generations `ga` from `a` and `gb` from `b` up to the common ancestor(s).
    pub fn from_generations(ga: u32, gb: u32) -> Kind {
        match (ga, gb) {
            (0, 0) => Kind::Same,
            (_, 0) => Kind::Ancestor,
            (0, _) => Kind::Descendant,
            (1, 1) => Kind::Sibling,
            (_, 1) => Kind::AuntUncle,
            (1, _) => Kind::NieceNephew,
            _ => Kind::Cousin,
        }
    }

    /// The serialised name: `self`, `ancestor`, `descendant`, `sibling`, `aunt-uncle`,
    /// `niece-nephew`, `cousin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Same => "self",
            Kind::Ancestor => "ancestor",
            Kind::Descendant => "descendant",
            Kind::Sibling => "sibling",
            Kind::AuntUncle => "aunt-uncle",
            Kind::NieceNephew => "niece-nephew",
            Kind::Cousin => "cousin",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

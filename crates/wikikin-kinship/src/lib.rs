//! Kinship over any pedigree: who the lowest common ancestors of two people are, what the
//! relationship is called (in eight languages: [`lang`]), which part of the family is worth drawing, and its layout.
//!
//! The crate knows nothing of Wikidata or the network: it works on the [`Pedigree`] trait, which
//! the crawler's family graph (crate `wikikin-core`) and the test loaders implement, and is
//! generic over the pedigree's person id ([`Pedigree::Id`]; [`PersonId`] for the crate's own
//! pedigrees).
//!
//! No panics outside tests: the app runs with `panic = "abort"`, so the non-test code may not
//! unwrap, expect, panic or index unchecked (where indexing stays, it is safe by construction,
//! allowed on the smallest item, and says why).

use serde::{Deserialize, Serialize};
use std::fmt;

mod algo;
mod ancestry;
mod connect_words;
mod kind;
pub mod lang;
mod layout;
mod limits;
mod problem;
mod relationship;
mod simple;
pub mod synthetic;
mod tree;
mod words;

pub use algo::connections::{
    connections, link_distances, neighbours, ConnectLimits, Connection, Connections, Step,
};
pub use algo::cycles::cycles;
pub use algo::generations_up::generations_up;
pub use algo::lca::{kinship, kinship_all, relate, relate_all};
pub use ancestry::{ancestry, Ancestry};
pub use connect_words::{connection_term, describe_connection};
pub use kind::Kind;
pub use lang::{
    ancestors_list, connection_link, connection_phrase, direct_line_phrase, headline, kin_term,
    link_term, relationship_phrase, Kin, Lang, Link, Phrase, Piece, Said,
};
pub use layout::{layout, ChildEdge, Engine, Join, Layout, LayoutOptions, PersonBox};
pub use limits::Limits;
pub use problem::Problem;
pub use relationship::{Kinship, Relationship};
pub use simple::SimplePedigree;
pub use tree::{descendants_tree, tree, tree_with_connections, tree_with_limits, Tree, TreeEdge};
pub use words::{ancestors_phrase, describe, direct_line, ordinal, term, times};

/// A neutral person id for the crate's own pedigrees ([`SimplePedigree`], [`synthetic`], tests
/// and examples): a number, printed `#42`, serialised as the bare number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub u64);

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A person's sex, as far as it is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Male,
    Female,
    #[default]
    Unknown,
}

/// A family as kinship needs to see it. Implemented by the crawler's graph and by test loaders.
///
/// Every method must be total: an unknown id has no parents, no children, unknown sex.
pub trait Pedigree {
    /// How a person is named: a Wikidata item id for the crawler, [`PersonId`] here.
    type Id: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug + std::fmt::Display;
    /// Known parents (father(s) and mother(s)), merged from both sides of the data.
    fn parents(&self, person: Self::Id) -> Vec<Self::Id>;
    /// Known children, merged from both sides of the data.
    fn children(&self, person: Self::Id) -> Vec<Self::Id>;
    /// Known spouses.
    fn spouses(&self, person: Self::Id) -> Vec<Self::Id>;
    /// Sex, if known.
    fn sex(&self, person: Self::Id) -> Sex;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_id_prints_and_serialises() {
        assert_eq!(PersonId(42).to_string(), "#42");
        assert_eq!(format!("{:?}", PersonId(7)), "PersonId(7)");
        assert!(PersonId(2) < PersonId(10));
        assert_eq!(serde_json::to_string(&PersonId(42)).unwrap(), "42");
        assert_eq!(
            serde_json::from_str::<PersonId>("42").unwrap(),
            PersonId(42)
        );
    }
}

//! Kinship over any pedigree: who the lowest common ancestors of two people are, what the
//! relationship is called in English, which part of the family is worth drawing, and its layout.
//!
//! The crate knows nothing of Wikidata or the network: it works on the [`Pedigree`] trait, which
//! the crawler's family graph (crate `wikikin-core`) and the test loaders implement.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

mod algo;
mod ancestry;
mod kind;
mod layout;
mod limits;
mod problem;
mod relationship;
mod simple;
pub mod synthetic;
mod tree;
mod words;

pub use algo::cycles::cycles;
pub use algo::generations_up::generations_up;
pub use algo::lca::{kinship, kinship_all, relate, relate_all};
pub use ancestry::{ancestry, Ancestry};
pub use kind::Kind;
pub use layout::{layout, ChildEdge, Engine, Join, Layout, LayoutOptions, PersonBox};
pub use limits::Limits;
pub use problem::Problem;
pub use relationship::{Kinship, Relationship};
pub use simple::SimplePedigree;
pub use tree::{tree, tree_with_limits, Tree, TreeEdge};
pub use words::{ancestors_phrase, describe, direct_line, ordinal, term, times};

/// A Wikidata item id (`Q42`), stored as its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Qid(pub u64);

impl fmt::Display for Qid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q{}", self.0)
    }
}

/// Why a text is not a Q-id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadQid(pub String);

impl fmt::Display for BadQid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” is not a Wikidata item id like Q42", self.0)
    }
}

impl std::error::Error for BadQid {}

impl FromStr for Qid {
    type Err = BadQid;
    /// Accepts `Q42` or `q42` (no sign, no leading zero, at most 15 digits).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadQid(s.chars().take(80).collect());
        let digits = s
            .strip_prefix('Q')
            .or_else(|| s.strip_prefix('q'))
            .ok_or_else(bad)?;
        if digits.is_empty()
            || digits.len() > 15
            || digits.starts_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        digits.parse().map(Qid).map_err(|_| bad())
    }
}

impl TryFrom<String> for Qid {
    type Error = BadQid;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Qid> for String {
    fn from(q: Qid) -> String {
        q.to_string()
    }
}

/// Sex as Wikidata's P21 gives it (Q6581097 male, Q6581072 female); anything else is unknown.
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
    /// Known parents (father(s) and mother(s)), merged from both sides of the data.
    fn parents(&self, person: Qid) -> Vec<Qid>;
    /// Known children, merged from both sides of the data.
    fn children(&self, person: Qid) -> Vec<Qid>;
    /// Known spouses.
    fn spouses(&self, person: Qid) -> Vec<Qid>;
    /// Sex, if known.
    fn sex(&self, person: Qid) -> Sex;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qid_parses_and_prints() {
        assert_eq!("Q42".parse::<Qid>(), Ok(Qid(42)));
        assert_eq!("q9682".parse::<Qid>(), Ok(Qid(9682)));
        assert_eq!(Qid(80976).to_string(), "Q80976");
        for bad in [
            "",
            "Q",
            "Q0",
            "Q012",
            "P31",
            "Q-1",
            "Q1a",
            "Q12345678901234567",
            "42",
        ] {
            assert!(bad.parse::<Qid>().is_err(), "{bad} accepted");
        }
    }
}

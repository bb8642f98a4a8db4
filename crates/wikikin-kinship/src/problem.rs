//! Problems in the data met while relating people (cycles, limits reached).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem found in the data while relating people. None of them stops the search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum Problem<Id> {
    /// These people form a cycle of parent links: each is recorded as their own ancestor.
    OwnAncestors { people: Vec<Id> },
    /// The search above `person` stopped at the generation limit; more ancestors are known.
    GenerationLimit { person: Id, generations: u32 },
    /// The search above `person` stopped at the limit on ancestors kept.
    AncestorLimit { person: Id, ancestors: usize },
}

impl<Id: fmt::Display> fmt::Display for Problem<Id> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::OwnAncestors { people } => {
                let list: Vec<String> = people.iter().map(Id::to_string).collect();
                write!(
                    f,
                    "cycle in the parent links: {} would each be their own ancestor",
                    list.join(", ")
                )
            }
            Problem::GenerationLimit {
                person,
                generations,
            } => write!(
                f,
                "stopped {generations} generations above {person}: older ancestors not searched"
            ),
            Problem::AncestorLimit { person, ancestors } => write!(
                f,
                "stopped after {ancestors} ancestors of {person}: the rest not searched"
            ),
        }
    }
}

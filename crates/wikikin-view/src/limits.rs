//! Where a search stopped, in words (a search limit, not a problem in the data).

use wikikin_core::{KinshipProblem, Qid};

/// Where a search stopped, in words with names (a search limit, not a problem in the data).
pub fn limit_words(p: &KinshipProblem, name: &dyn Fn(Qid) -> String) -> String {
    match p {
        KinshipProblem::GenerationLimit {
            person,
            generations,
        } => format!(
            "Ancestors of {} were searched up to {generations} generations; older ones were not.",
            name(*person)
        ),
        KinshipProblem::AncestorLimit { person, ancestors } => format!(
            "The search kept {ancestors} ancestors of {}; the rest were not searched.",
            name(*person)
        ),
        KinshipProblem::OwnAncestors { people } => {
            let names: Vec<String> = people.iter().map(|q| name(*q)).collect();
            format!("{} would each be their own ancestor.", names.join(", "))
        }
    }
}

//! The core's English: how a crawl ended, why a person could not be had, and data problems.
//! Everything else in the crate is data; these `Display` impls and `describe` give it words.

use crate::graph::{Problem, Role};
use crate::http::reason;
use crate::outcome::{
    DescendantsEnd, Ending, ExploreEnd, Guard, Invalid, Outcome, PersonFailReason, PersonFailure,
    RelateEnd,
};
use crate::outcome::{Fallback, FallbackWhy};
use crate::Qid;
use std::fmt;

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Invalid::TooFewPeople => "Give at least two different people to relate.",
            Invalid::TooManyPeople => "At most 64 people can be related at once.",
            Invalid::NoRoot => "Give at least one person to start from.",
        })
    }
}

impl fmt::Display for PersonFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = self.id;
        match &self.reason {
            PersonFailReason::NotFound => {
                write!(f, "{q} was not found on the server (HTTP 404 Not Found)")
            }
            PersonFailReason::Http(status) => {
                write!(f, "fetching {q} failed: HTTP {status} {}", reason(*status))
            }
            PersonFailReason::KeptRefusing { status, attempts } => write!(
                f,
                "fetching {q} failed: the server kept answering HTTP {status} {} ({attempts} attempts)",
                reason(*status)
            ),
            PersonFailReason::Unreadable(e) => write!(f, "the answer for {q} could not be read: {e}"),
            PersonFailReason::NotInAnswer => write!(f, "the answer did not include {q}"),
            PersonFailReason::TimedOutTwice => {
                write!(f, "fetching {q} timed out twice; the server did not answer")
            }
            PersonFailReason::NetworkTwice(m) => {
                write!(f, "fetching {q} failed twice: network error: {m}")
            }
            PersonFailReason::Aborted => write!(f, "fetching {q} was aborted"),
            PersonFailReason::DoesNotExist => write!(f, "{q} does not exist on the server"),
            PersonFailReason::NotFetched => write!(f, "{q} was not fetched"),
        }
    }
}

/// " N people could not be fetched, so links through them may be missing." (or nothing).
fn failed_note(failed: usize) -> String {
    match failed {
        0 => String::new(),
        1 => " 1 person could not be fetched, so links through them may be missing.".into(),
        n => format!(" {n} people could not be fetched, so links through them may be missing."),
    }
}

impl fmt::Display for Ending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ending::Relate(RelateEnd::Searched) => {
                f.write_str("Every known ancestor that matters was searched.")
            }
            Ending::Relate(RelateEnd::EntityLimit { max }) => write!(
                f,
                "Stopped at the limit of {max} people; relationships further back may be missing."
            ),
            Ending::Relate(RelateEnd::GenerationLimit { generations }) => write!(
                f,
                "Every relationship within {generations} generations was searched; older ancestors were not."
            ),
            Ending::Explore(ExploreEnd::Reached { targets, farthest }) => write!(
                f,
                "All {targets} target people were reached, the farthest at degree {farthest}."
            ),
            Ending::Explore(ExploreEnd::Explored { degree }) => {
                write!(f, "Explored everyone linked within degree {degree}.")
            }
            Ending::Explore(ExploreEnd::LinksRanOut) => {
                f.write_str("The family links ran out before every target was reached.")
            }
            Ending::Explore(ExploreEnd::EntityLimit { max }) => write!(
                f,
                "Stopped at the limit of {max} people before reaching every target."
            ),
            Ending::Explore(ExploreEnd::DegreeLimit { degree }) => {
                write!(f, "Stopped at degree {degree} before reaching every target.")
            }
            Ending::Descendants(DescendantsEnd::Complete {
                people,
                generations,
            }) => write!(
                f,
                "All {people} descendants were loaded ({generations} generations)."
            ),
            Ending::Descendants(DescendantsEnd::GenerationLimit {
                people,
                generations,
            }) => write!(
                f,
                "{people} descendants were loaded, {generations} generations down; later generations were not."
            ),
            Ending::Descendants(DescendantsEnd::EntityLimit { max }) => write!(
                f,
                "Stopped at the limit of {max} people; more descendants may exist."
            ),
            Ending::Cut(guard) => guard.fmt(f),
        }
    }
}

impl fmt::Display for Guard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, max) = match self {
            Guard::SearchSteps { max } => ("steps through the family links after one person", max),
            Guard::StoreLoads { max } => ("people taken from memory in one go", max),
            Guard::SettleRounds { max } => ("rounds of the search between two answers", max),
        };
        write!(
            f,
            "The search stopped at its safety limit of {max} {what}; the answer may be incomplete."
        )
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Invalid(why) => why.fmt(f),
            Outcome::Cancelled => f.write_str("Cancelled."),
            Outcome::Stalled => {
                f.write_str("The crawl stopped with nothing left to fetch and no answer.")
            }
            Outcome::PeopleLost(lost) => {
                let words: Vec<String> = lost.iter().map(PersonFailure::to_string).collect();
                f.write_str(&words.join("; "))
            }
            Outcome::Ended { ending, failed } => write!(f, "{ending}{}", failed_note(*failed)),
        }
    }
}

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.people;
        let who = if n == 1 {
            "1 person".to_string()
        } else {
            format!("{n} people")
        };
        match &self.why {
            FallbackWhy::Unknown => write!(
                f,
                "The query service knew nothing of {who}: read from entity JSON instead."
            ),
            why => {
                let what = match why {
                    FallbackWhy::Status(s) => format!("answered HTTP {s} {}", reason(*s)),
                    FallbackWhy::Timeout => "did not answer in time".to_string(),
                    FallbackWhy::Network(m) => format!("could not be reached ({m})"),
                    FallbackWhy::Unreadable(m) => {
                        format!("gave an answer that could not be read ({m})")
                    }
                    FallbackWhy::TooLarge { bytes } => format!(
                        "gave an answer too large to read ({} MB)",
                        bytes / 1_000_000
                    ),
                    FallbackWhy::Unknown => String::new(),
                };
                write!(
                    f,
                    "The query service {} for {who}: the rest of the family was read from entity JSON instead.",
                    what.trim_end()
                )
            }
        }
    }
}

impl Problem {
    /// The problem in words, naming people with `name`.
    pub fn describe(&self, name: impl Fn(Qid) -> String) -> String {
        let list = |v: &[Qid]| {
            let names: Vec<String> = v.iter().map(|q| format!("{} ({q})", name(*q))).collect();
            names.join(", ")
        };
        match self {
            Problem::ConflictingParents {
                child,
                role,
                parents,
            } => {
                let what = match role {
                    Role::Father => "fathers",
                    Role::Mother => "mothers",
                    Role::Parent => "parents",
                };
                format!(
                    "{} ({child}) has {} {what} in the data: {}",
                    name(*child),
                    parents.len(),
                    list(parents)
                )
            }
            Problem::OwnAncestor { people } => {
                if people.len() == 1 {
                    format!("{} is given as their own ancestor", list(people))
                } else {
                    format!(
                        "the parent links form a loop, so these people are their own ancestors: {}",
                        list(people)
                    )
                }
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(|q| q.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::{Limit, OutcomeKind};

    #[test]
    fn a_step_limit_is_a_limit_in_words() {
        let cut = Outcome::Ended {
            ending: Ending::Cut(Guard::SearchSteps { max: 50_000_000 }),
            failed: 0,
        };
        assert_eq!(cut.kind(), OutcomeKind::LimitReached(Limit::Steps));
        assert!(cut.answered());
        assert_eq!(
            cut.to_string(),
            "The search stopped at its safety limit of 50000000 steps through the family links \
             after one person; the answer may be incomplete."
        );
        for guard in [Guard::StoreLoads { max: 1 }, Guard::SettleRounds { max: 2 }] {
            assert!(Ending::Cut(guard).to_string().contains("safety limit"));
        }
    }

    #[test]
    fn outcomes_in_words() {
        let ended = |ending, failed| Outcome::Ended { ending, failed };
        assert_eq!(
            ended(Ending::Relate(RelateEnd::Searched), 0).to_string(),
            "Every known ancestor that matters was searched."
        );
        assert_eq!(
            ended(Ending::Relate(RelateEnd::Searched), 2).to_string(),
            "Every known ancestor that matters was searched. 2 people could not be fetched, so links through them may be missing."
        );
        let reached = ended(
            Ending::Explore(ExploreEnd::Reached {
                targets: 2,
                farthest: 5,
            }),
            1,
        );
        assert_eq!(reached.kind(), OutcomeKind::Done);
        assert!(reached.to_string().starts_with(
            "All 2 target people were reached, the farthest at degree 5. 1 person could not"
        ));
        let lost = Outcome::PeopleLost(vec![
            PersonFailure {
                id: Qid(1),
                reason: PersonFailReason::DoesNotExist,
            },
            PersonFailure {
                id: Qid(2),
                reason: PersonFailReason::KeptRefusing {
                    status: 429,
                    attempts: 3,
                },
            },
        ]);
        assert_eq!(lost.kind(), OutcomeKind::Failed);
        assert_eq!(
            lost.to_string(),
            "Q1 does not exist on the server; fetching Q2 failed: the server kept answering HTTP 429 Too Many Requests (3 attempts)"
        );
        assert_eq!(
            Outcome::Invalid(Invalid::TooFewPeople).to_string(),
            "Give at least two different people to relate."
        );
    }
}

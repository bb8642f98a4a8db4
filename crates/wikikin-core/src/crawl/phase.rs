//! The crawl's phases, explicit: [`Phase`], and the moves between them ([`Crawl::advance`]).
//! [`Crawl::outcome`] reads the phase; the outcome is computed once, when the crawl ends.

use super::Crawl;
use crate::outcome::{Ending, Invalid, Outcome, PersonFailReason, PersonFailure};

/// Where a crawl is.
///
/// ```text
/// Running ──(no search has work left)──▶ Naming ──(the names are in)──▶ Finished(outcome)
///    │                                                    ▲
///    └──(a retry fell due and is no longer wanted)────────┘
/// any live phase ──cancel()──▶ Cancelled;   a question that cannot be asked: Invalid
/// ```
///
/// Room for the phases the next issues add, between `Naming` and `Finished`: fetching the
/// sources of the answer's statements, and fetching the labels again in another language.
/// Each is a search of its own (like the names fetch) that the crawl fans out to while in it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Phase {
    /// The question's search (and the connection search) run.
    Running,
    /// The searches are done: the people the answer shows that no search loaded are fetched
    /// for their names and years.
    Naming,
    /// Done, with how it ended.
    Finished(Outcome),
    /// The caller cancelled it.
    Cancelled,
    /// The question could not be asked.
    Invalid(Invalid),
}

impl Phase {
    /// Whether requests may still go out.
    pub(crate) fn live(&self) -> bool {
        matches!(self, Phase::Running | Phase::Naming)
    }

    /// How the crawl ended, once it has.
    pub(crate) fn outcome(&self) -> Option<Outcome> {
        match self {
            Phase::Running | Phase::Naming => None,
            Phase::Finished(o) => Some(o.clone()),
            Phase::Cancelled => Some(Outcome::Cancelled),
            Phase::Invalid(i) => Some(Outcome::Invalid(*i)),
        }
    }
}

impl Crawl {
    /// Moves on a phase when no search has work left: from running to naming (when
    /// `may_name`: after answers were applied), and to finished once the names are in too.
    pub(super) fn advance(&mut self, may_name: bool) {
        if !self.phase.live() || self.busy() {
            return;
        }
        if may_name && self.phase == Phase::Running {
            self.phase = Phase::Naming;
            self.start_naming();
            if self.busy() {
                return;
            }
        }
        self.phase = Phase::Finished(self.ended());
    }

    /// How the crawl ended, once no work is left.
    fn ended(&self) -> Outcome {
        // Asked people that could not be had.
        let lost: Vec<PersonFailure> = self
            .roles
            .asked
            .iter()
            .filter_map(|q| {
                let reason = if let Some(r) = self.sched.failures().get(q) {
                    r.clone()
                } else if self.store.is_missing(*q) {
                    PersonFailReason::DoesNotExist
                } else if !self.graph.is_loaded(*q) {
                    PersonFailReason::NotFetched
                } else {
                    return None;
                };
                Some(PersonFailure { id: *q, reason })
            })
            .collect();
        if !lost.is_empty() {
            return Outcome::PeopleLost(lost);
        }
        let seen = self.seen();
        let work_left = self
            .sched
            .work_left(|q| self.searches.still_wanted(q, &seen));
        let entity_limit = self.sched.at_entity_limit() && work_left || self.sched.entity_cut();
        let ending = match self.cut {
            Some(guard) => Some(Ending::Cut(guard)),
            None => self.searches.ending(&seen, entity_limit),
        };
        let failed = self
            .sched
            .failures()
            .keys()
            .filter(|q| !self.searches.only_named(**q))
            .count();
        match ending {
            Some(ending) => Outcome::Ended { ending, failed },
            // The question's search always says how it ended.
            None => Outcome::Stalled,
        }
    }
}

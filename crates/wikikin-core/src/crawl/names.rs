//! Names, never bare ids: once the searches are done, the people the answer will show that no
//! search loaded (a common ancestor's partner, a co-parent in the drawing, an unreached target,
//! someone in a chain through marriage) are fetched for their labels and years, in one batched
//! request where the fetch mode allows. They do not join the family graph, so they cannot
//! change the answer, and a failure to name someone is not a failure of the crawl.
//!
//! [`Names`] is the search of the naming phase; [`Crawl::start_naming`] picks who it names.

use super::search::{Search, Seen, Turn};
use super::Crawl;
use crate::graph::Set;
use crate::outcome::Invalid;
use crate::Qid;

/// At most this many people are named after the searches.
const MAX_NAMES: usize = 200;

/// The names fetch: wants the people it was given, for their names only.
#[derive(Debug, Default)]
pub(crate) struct Names {
    wanted: Set<Qid>,
}

impl Names {
    pub(crate) fn new(wanted: Set<Qid>) -> Names {
        Names { wanted }
    }

    /// Whether an id is fetched only for its name.
    pub(crate) fn contains(&self, q: Qid) -> bool {
        self.wanted.contains(&q)
    }

    /// An id asked for its name turned out merged into `real` (the answer named only where it
    /// went): `real` is named instead.
    pub(crate) fn moved(&mut self, q: Qid, real: Qid) {
        if self.wanted.remove(&q) {
            self.wanted.insert(real);
        }
    }
}

impl Search for Names {
    fn start(&mut self, turn: &mut Turn<'_>) -> Result<(), Invalid> {
        // Beyond the entity limit: names are few and cannot change the answer.
        turn.sched.allow_more(self.wanted.len());
        let mut wanted: Vec<Qid> = self.wanted.iter().copied().collect();
        wikikin_sort::sort(&mut wanted);
        for q in wanted {
            turn.know(q);
            turn.want(q);
        }
        Ok(())
    }

    fn still_wanted(&self, q: Qid, _seen: &Seen<'_>) -> bool {
        self.contains(q)
    }

    fn redirected(&mut self, from: Qid, to: Qid) {
        // Asked for a name only: the real one is wanted for its name only too.
        if self.wanted.contains(&from) {
            self.wanted.insert(to);
        }
    }
}

impl Crawl {
    /// The searches are done: wants the names of the people shown but not loaded.
    pub(super) fn start_naming(&mut self) {
        let unnamed: Set<Qid> = self
            .shown()
            .into_iter()
            .filter(|q| !self.graph.is_loaded(*q) && self.store.person(*q).is_none())
            .filter(|q| !self.store.is_missing(*q) && !self.sched.failures().contains_key(q))
            .take(MAX_NAMES)
            .collect();
        let (searches, mut turn) = self.turn(0);
        searches.name(Names::new(unnamed), &mut turn);
        self.drain_loads();
    }

    /// Everyone the answer shows: the drawing, the chains, the targets, the problems.
    fn shown(&mut self) -> Vec<Qid> {
        let f = self.found_now();
        let mut out: Vec<Qid> = f.tree.persons.clone();
        for (x, y) in &f.tree.couples {
            out.push(*x);
            out.extend(*y);
        }
        for r in &f.kinship.relationships {
            out.extend(r.ancestors.iter().copied());
        }
        for c in &f.connections {
            out.extend(c.path.iter().copied());
        }
        out.extend(self.roles.targets.iter().copied());
        for p in self.graph.problems() {
            match p {
                crate::Problem::ConflictingParents { parents, .. } => out.extend(parents),
                crate::Problem::OwnAncestor { people } => out.extend(people),
            }
        }
        wikikin_sort::sort(&mut out);
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CrawlConfig;
    use crate::crawl::scheduler::State;
    use crate::crawl::testkit::{q, Kit};

    #[test]
    fn names_are_wanted_beyond_the_entity_limit_and_follow_redirects() {
        let mut kit = Kit::new(CrawlConfig::relate(vec![q(1), q(2)]));
        kit.config.max_entities = 0;
        let mut names = Names::new([q(6), q(5)].into_iter().collect());
        assert_eq!(kit.start(&mut names), Ok(()));
        assert_eq!(kit.state(5), Some(State::Queued));
        assert!(!kit.sched.at_entity_limit(), "two more allowed");
        let seen = kit.seen();
        assert!(names.still_wanted(q(5), &seen) && !names.still_wanted(q(7), &seen));
        assert!(!names.counts(q(5)));
        assert_eq!(names.ending(&seen, false), None);
        names.redirected(q(5), q(9));
        assert!(names.contains(q(9)) && names.contains(q(5)));
        names.moved(q(6), q(10));
        assert!(names.contains(q(10)) && !names.contains(q(6)));
    }
}

//! The one small interface every search implements ([`Search`]), what a search may read
//! ([`Seen`]) and what it may do on its turn ([`Turn`]) while the crawl runs.
//!
//! What a question *is* (who is asked, the targets, what is drawn, which queries) is not here:
//! it is data, [`Roles`], built once in `question.rs`. A search holds only what varies in
//! behaviour.

use super::connect::Connect;
use super::names::Names;
use super::question::Roles;
use super::scheduler::{Scheduler, State, UNREACHED};
use crate::config::CrawlConfig;
use crate::graph::FamilyGraph;
use crate::outcome::{Ending, Guard, Invalid};
use crate::store::Store;
use crate::Qid;

/// What a search may read: the configuration, the question's roles, the family graph so far,
/// the store, and where each id stands with the scheduler (its state and level).
#[derive(Clone, Copy)]
pub(crate) struct Seen<'a> {
    pub(crate) config: &'a CrawlConfig,
    pub(crate) roles: &'a Roles,
    pub(crate) graph: &'a FamilyGraph,
    pub(crate) store: &'a Store,
    pub(crate) sched: &'a Scheduler,
}

impl Seen<'_> {
    pub(crate) fn state(&self, q: Qid) -> Option<State> {
        self.sched.state(q)
    }

    /// The id's level (generation or degree); [`UNREACHED`] if none yet.
    pub(crate) fn level(&self, q: Qid) -> u32 {
        self.sched.level(q)
    }

    pub(crate) fn reached(&self, q: Qid) -> bool {
        self.level(q) != UNREACHED
    }
}

/// A search's turn: read what is [`Seen`], and tell the scheduler what it knows and wants.
/// Built by the crawl in one place (`Crawl::turn`).
pub(crate) struct Turn<'a> {
    pub(crate) config: &'a CrawlConfig,
    pub(crate) roles: &'a Roles,
    pub(crate) graph: &'a FamilyGraph,
    pub(crate) store: &'a Store,
    pub(crate) sched: &'a mut Scheduler,
    /// The chain of the answer being applied (0: the question, the store): ids the search
    /// names now are known at it.
    pub(crate) chain: u32,
    /// The first step limit reached in this crawl, if any (see [`Turn::cut`]).
    pub(crate) cut: &'a mut Option<Guard>,
}

impl Turn<'_> {
    pub(crate) fn seen(&self) -> Seen<'_> {
        Seen {
            config: self.config,
            roles: self.roles,
            graph: self.graph,
            store: self.store,
            sched: self.sched,
        }
    }

    /// Notes an id named by the data (from the answer being applied).
    pub(crate) fn know(&mut self, q: Qid) {
        self.sched.know(q, self.chain);
    }

    /// Lowers an id's level; whether it changed.
    pub(crate) fn lower_level(&mut self, q: Qid, level: u32) -> bool {
        self.sched.lower_level(q, level)
    }

    /// Asks for the id's entity: from the store when it has it, else from the network.
    pub(crate) fn want(&mut self, q: Qid) {
        self.sched.want(q, self.store);
    }

    /// Asks for the id's whole record (children and spouses too): a partial one is not enough.
    pub(crate) fn want_full(&mut self, q: Qid) {
        self.sched.want_as(q, self.store, true);
    }

    /// A step limit was reached: the work of this step was cut short. The crawl goes on, and
    /// its outcome says so ([`crate::Ending::Cut`]).
    pub(crate) fn cut(&mut self, guard: Guard) {
        self.cut.get_or_insert(guard);
    }
}

/// Steps one search may take passing levels or reach through the graph after one entity is
/// loaded: far more than any real family needs (every link of a million people a few times
/// over), a safety net against a bug looping without end.
pub(crate) const MAX_SEARCH_STEPS: usize = 50_000_000;

/// A search over the family graph, driven by the crawl. The crawl loads entities (from the
/// store or the network), adds them to the graph and tells the searches; each says what it
/// wants next and whether a queued id is still worth fetching. Levels (generation or degree)
/// order the queue: lower first.
///
/// The question's own search (relate, explore, descendants) says how it ended; the
/// connection search and the names fetch run beside it.
pub(crate) trait Search {
    /// The first wants, from the question's roles (canonical, without repeats).
    fn start(&mut self, turn: &mut Turn<'_>) -> Result<(), Invalid>;

    /// `q`'s entity was loaded and added to the graph.
    fn loaded(&mut self, _q: Qid, _turn: &mut Turn<'_>) {}

    /// Called whenever answers have been applied (and what the store held loaded): the search
    /// may want more.
    fn step(&mut self, _turn: &mut Turn<'_>) {}

    /// Is this queued id still worth fetching?
    fn still_wanted(&self, q: Qid, seen: &Seen<'_>) -> bool;

    /// Whether an id counts in the levels table (and the progress level).
    fn counts(&self, _q: Qid) -> bool {
        false
    }

    /// `from` turned out to be a redirect to `to` (the scheduler already moved its level).
    fn redirected(&mut self, from: Qid, to: Qid);

    /// How the question's search ended, once no work is left (`entity_limit`: the entity limit
    /// cut it); `None` from the searches beside it.
    fn ending(&self, _seen: &Seen<'_>, _entity_limit: bool) -> Option<Ending> {
        None
    }
}

/// The searches a crawl fans out to: the question's own, the connection search beside it
/// (relating two people), and, once those are done, the names fetch.
pub(crate) struct Searches {
    question: Box<dyn Search>,
    connect: Option<Connect>,
    /// The naming phase's search (`None` before it).
    names: Option<Names>,
}

impl Searches {
    pub(crate) fn new(question: Box<dyn Search>, roles: &Roles, config: &CrawlConfig) -> Searches {
        let connect = roles.connect.map(|(a, b)| {
            let limits = wikikin_kinship::ConnectLimits {
                max_links: config.max_links,
                ..wikikin_kinship::ConnectLimits::default()
            };
            Connect::new(a, b, limits)
        });
        Searches {
            question,
            connect,
            names: None,
        }
    }

    /// Every search, in the order they are told things.
    fn all(&mut self) -> impl Iterator<Item = &mut dyn Search> + '_ {
        let question: &mut dyn Search = self.question.as_mut();
        std::iter::once(question)
            .chain(self.connect.as_mut().map(|c| c as &mut dyn Search))
            .chain(self.names.as_mut().map(|n| n as &mut dyn Search))
    }

    pub(crate) fn start(&mut self, turn: &mut Turn<'_>) -> Result<(), Invalid> {
        self.all().try_for_each(|s| s.start(turn))
    }

    pub(crate) fn loaded(&mut self, q: Qid, turn: &mut Turn<'_>) {
        self.all().for_each(|s| s.loaded(q, turn));
    }

    pub(crate) fn step(&mut self, turn: &mut Turn<'_>) {
        self.all().for_each(|s| s.step(turn));
    }

    pub(crate) fn redirected(&mut self, from: Qid, to: Qid) {
        self.all().for_each(|s| s.redirected(from, to));
    }

    /// Is this queued id still worth fetching for some search? Once naming, only names are
    /// fetched.
    pub(crate) fn still_wanted(&self, q: Qid, seen: &Seen<'_>) -> bool {
        if let Some(names) = &self.names {
            return names.still_wanted(q, seen);
        }
        self.question.still_wanted(q, seen)
            || self
                .connect
                .as_ref()
                .is_some_and(|c| c.still_wanted(q, seen))
    }

    /// Whether an id counts in the levels table (the question's search says).
    pub(crate) fn counts(&self, q: Qid) -> bool {
        self.question.counts(q)
    }

    /// How the question's search ended.
    pub(crate) fn ending(&self, seen: &Seen<'_>, entity_limit: bool) -> Option<Ending> {
        self.question.ending(seen, entity_limit)
    }

    /// Starts the naming phase with these names.
    pub(crate) fn name(&mut self, mut names: Names, turn: &mut Turn<'_>) {
        // Never fails: the names fetch asks nothing of the question.
        if names.start(turn).is_ok() {
            self.names = Some(names);
        }
    }

    /// Whether an id is fetched only for its name (it does not join the graph).
    pub(crate) fn only_named(&self, q: Qid) -> bool {
        self.names.as_ref().is_some_and(|n| n.contains(q))
    }

    /// An id asked for its name was merged into `real`.
    pub(crate) fn name_moved(&mut self, q: Qid, real: Qid) {
        if let Some(names) = self.names.as_mut() {
            names.moved(q, real);
        }
    }

    /// The connection search, relating two people.
    pub(crate) fn connect(&self) -> Option<&Connect> {
        self.connect.as_ref()
    }
}

//! The one small interface every question implements ([`Search`]), and what a search may see
//! ([`View`]) and do ([`Ctx`]) while the crawl runs.

use super::scheduler::{Scheduler, State, UNREACHED};
use crate::config::CrawlConfig;
use crate::graph::FamilyGraph;
use crate::outcome::{Ending, Invalid};
use crate::store::Store;
use crate::Qid;

/// What a search may read: the configuration, the family graph so far, the store, and where
/// each id stands with the scheduler (its state and level).
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    pub(crate) config: &'a CrawlConfig,
    pub(crate) graph: &'a FamilyGraph,
    pub(crate) store: &'a Store,
    pub(crate) sched: &'a Scheduler,
}

impl View<'_> {
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

/// What a search may do: read the [`View`], and tell the scheduler what it knows and wants.
pub(crate) struct Ctx<'a> {
    pub(crate) config: &'a CrawlConfig,
    pub(crate) graph: &'a FamilyGraph,
    pub(crate) store: &'a Store,
    pub(crate) sched: &'a mut Scheduler,
}

impl Ctx<'_> {
    pub(crate) fn view(&self) -> View<'_> {
        View {
            config: self.config,
            graph: self.graph,
            store: self.store,
            sched: self.sched,
        }
    }

    /// Notes an id named by the data (from the answer being applied).
    pub(crate) fn know(&mut self, q: Qid) {
        self.sched.know(q);
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
}

/// A question's search over the family graph, driven by the crawl. The crawl loads entities
/// (from the store or the network), adds them to the graph and tells the search; the search
/// says what it wants next and when it is finished. Levels (generation or degree) order the
/// queue: lower first.
pub(crate) trait Search {
    /// The first wants, from the question's people (canonical, without repeats).
    fn start(&mut self, people: &[Qid], ctx: &mut Ctx<'_>) -> Result<(), Invalid>;

    /// `q`'s entity was loaded and added to the graph.
    fn loaded(&mut self, q: Qid, ctx: &mut Ctx<'_>);

    /// Called whenever answers have been applied (and what the store held loaded): the search
    /// may want more.
    fn step(&mut self, _ctx: &mut Ctx<'_>) {}

    /// Is this queued id still worth fetching?
    fn still_wanted(&self, q: Qid, view: &View<'_>) -> bool;

    /// `from` turned out to be a redirect to `to` (the scheduler already moved its level).
    fn redirected(&mut self, from: Qid, to: Qid);

    /// Whether only some of a queued level will be needed (the search stops early), so that a
    /// request should carry no more ids than it takes to spread the queue over the slots.
    fn spreads(&self) -> bool;

    /// Whether an id counts in the levels table (and the progress level).
    fn counts(&self, q: Qid) -> bool;

    /// The people the answer is about, besides the question's own (explore: the targets).
    fn targets(&self) -> &[Qid];

    /// The people whose relationships the answer gives, of the question's `people`
    /// (relate: all of them; explore: the targets).
    fn related<'a>(&'a self, people: &'a [Qid]) -> &'a [Qid];

    /// The people the drawing hangs from besides the relationships' ancestors, of the
    /// question's `people` (relate: none; explore: the roots).
    fn roots<'a>(&self, people: &'a [Qid]) -> &'a [Qid];

    /// How the search ended, once no work is left (`entity_limit`: the entity limit cut it).
    fn ending(&self, view: &View<'_>, entity_limit: bool) -> Ending;
}

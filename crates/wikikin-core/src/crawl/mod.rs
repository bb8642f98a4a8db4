//! The crawl engine: a sans-IO state machine that says which Q-ids to fetch next, takes each
//! answer or failure, reports progress, and says when it is done and why.
//!
//! The caller owns the clock and the network: it calls [`Crawl::poll`] with the time and the
//! number of free request slots, performs the returned [`Request`]s (GET [`Crawl::url`]), and
//! feeds back [`Crawl::on_response`] / [`Crawl::on_failure`]. When nothing is in flight it calls
//! `poll` again at [`Crawl::next_wake`] (retry backoff).
//!
//! Inside, the [`scheduler`] owns requests (slots, batches, retries, the 429 hold, counters)
//! and each question is a [`search::Search`] of its own module ([`relate`], [`explore`]).

mod apply;
mod connect;
mod descendants;
mod explore;
mod names;
mod progress;
mod relate;
mod result;
mod scheduler;
mod search;
mod source;

use crate::config::{CrawlConfig, Question};
use crate::entity::Person;
use crate::graph::FamilyGraph;
use crate::http::parse_retry_after;
use crate::outcome::{FailReason, Failure, Invalid, Outcome, PersonFailure};
use crate::store::Store;
use crate::Qid;
use search::{Ctx, Search, View};

pub use connect::ConnectEnd;
pub use progress::Progress;
pub use result::{ConnectionReport, CrawlResult, DirectAncestor, LevelCount};

/// Identifies a request until its answer comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RequestId(pub u64);

/// One GET to perform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub id: RequestId,
    pub qids: Vec<Qid>,
    /// Position in the longest chain of requests each needing a previous answer (1 = needs none).
    pub chain: u32,
}

/// The crawl state machine. See the module docs.
pub struct Crawl {
    config: CrawlConfig,
    store: Store,
    graph: FamilyGraph,
    sched: scheduler::Scheduler,
    search: Box<dyn Search>,
    /// Relating two people: the search for connections through marriage, beside the blood one.
    connect: Option<connect::Connect>,
    /// The question's people (relate) or roots (explore), canonical, in order.
    people: Vec<Qid>,
    /// `(asked, real)` for asked ids that turned out to be redirects.
    redirected: Vec<(Qid, Qid)>,
    cancelled: bool,
    invalid: Option<Invalid>,
    /// People fetched only for their names and years, once the searches are done (see
    /// `names.rs`); `None` until then.
    names: Option<crate::graph::Set<Qid>>,
    /// Where each request in flight reads from (see `source.rs`).
    sources: crate::graph::Map<RequestId, source::Source>,
    /// People the query service could not give: asked from the entity JSON.
    json_ids: crate::graph::Set<Qid>,
    /// The query service failed: everything is asked from the entity JSON now.
    switched: bool,
    /// Query answers too large to read that were asked again in smaller parts.
    split_queries: usize,
    fallbacks: Vec<crate::outcome::Fallback>,
    /// Whole-lines queries still to send (reading the query service; see `source.rs`).
    lines: Vec<source::LinesQuery>,
}

impl Crawl {
    /// Starts a crawl. The store's entities are used without fetching them again (it is
    /// emptied first if it was filled for other label languages).
    pub fn new(config: CrawlConfig, store: Store) -> Crawl {
        let config = config.sanitised();
        let store = store.for_languages(&config.languages);
        let (seeds, search): (Vec<Qid>, Box<dyn Search>) = match &config.question {
            Question::Relate { people } => (people.clone(), Box::<relate::Relate>::default()),
            Question::Explore { roots, targets } => (
                roots.clone(),
                Box::new(explore::Explore::new(targets.clone())),
            ),
            Question::Descendants { roots } => {
                (roots.clone(), Box::<descendants::Descendants>::default())
            }
        };
        let mut c = Crawl {
            sched: scheduler::Scheduler::new(&config),
            config,
            store,
            graph: FamilyGraph::new(),
            search,
            connect: None,
            people: Vec::new(),
            redirected: Vec::new(),
            cancelled: false,
            invalid: None,
            names: None,
            sources: Default::default(),
            json_ids: Default::default(),
            switched: false,
            split_queries: 0,
            fallbacks: Vec::new(),
            lines: Vec::new(),
        };
        c.start(seeds);
        c
    }

    fn start(&mut self, seeds: Vec<Qid>) {
        for q in seeds {
            let r = self.store.canonical(q);
            if r != q {
                self.redirected.push((q, r));
                self.graph.add_redirect(q, r);
            }
            if !self.people.contains(&r) {
                self.people.push(r);
            }
        }
        let mut ctx = Ctx {
            config: &self.config,
            graph: &self.graph,
            store: &self.store,
            sched: &mut self.sched,
        };
        if let Err(invalid) = self.search.start(&self.people, &mut ctx) {
            self.invalid = Some(invalid);
        }
        self.plan_lines();
        if let (Question::Relate { .. }, true, [a, b]) = (
            &self.config.question,
            self.config.connections,
            self.people.as_slice(),
        ) {
            let limits = wikikin_kinship::ConnectLimits {
                max_links: self.config.max_links,
                ..wikikin_kinship::ConnectLimits::default()
            };
            self.connect = Some(connect::Connect::new(*a, *b, limits));
        }
        self.settle();
    }

    /// Loads what the store holds of what was wanted, and lets the connection search go as far
    /// as that allows, until neither has more to do without a request.
    fn settle(&mut self) {
        self.drain_loads();
        for _ in 0..10_000 {
            let mut ctx = Ctx {
                config: &self.config,
                graph: &self.graph,
                store: &self.store,
                sched: &mut self.sched,
            };
            self.search.step(&mut ctx);
            if let Some(connect) = self.connect.as_mut() {
                connect.step(&mut ctx);
            }
            if !self.drain_loads() {
                break;
            }
        }
        self.name_when_done();
    }

    /// Whether a queued id is still worth fetching for some search.
    fn wanted(&self, q: Qid, view: &View<'_>) -> bool {
        if let Some(names) = &self.names {
            // The searches are over: only names are fetched now.
            return names.contains(&q);
        }
        self.search.still_wanted(q, view)
            || self.connect.as_ref().is_some_and(|c| c.still_wanted(q))
    }

    fn view(&self) -> View<'_> {
        View {
            config: &self.config,
            graph: &self.graph,
            store: &self.store,
            sched: &self.sched,
        }
    }

    /// Loads what the store holds of what was wanted (a queue, so no deep recursion). Whether
    /// it loaded anything.
    fn drain_loads(&mut self) -> bool {
        let mut guard = 0usize;
        while let Some((q, chain)) = self.sched.next_from_store() {
            guard += 1;
            if guard > 10_000_000 {
                break;
            }
            if let Some(p) = self.store.person(q).cloned() {
                self.sched.cached += 1;
                self.load(p, chain);
            } else if self.store.is_missing(q) {
                self.sched.cached += 1;
                self.sched.mark_missing(q);
            }
        }
        guard > 0
    }

    /// A person's entity is here (from the network or the store).
    fn load(&mut self, p: Person, chain: u32) {
        let q = p.id;
        if self.names.as_ref().is_some_and(|n| n.contains(&q)) {
            // Only its name and years are wanted: it does not join the family graph.
            self.sched.mark_loaded(q);
            return;
        }
        let prev = std::mem::replace(&mut self.sched.cur_chain, chain);
        self.sched.mark_loaded(q);
        self.graph.add_person(&p);
        let mut ctx = Ctx {
            config: &self.config,
            graph: &self.graph,
            store: &self.store,
            sched: &mut self.sched,
        };
        self.search.loaded(q, &mut ctx);
        self.sched.cur_chain = prev;
    }

    /// Asks for requests to send now, at most `free_slots` of them.
    pub fn poll(&mut self, now_ms: f64, free_slots: usize) -> Vec<Request> {
        if self.cancelled || self.invalid.is_some() {
            return Vec::new();
        }
        let free_slots = self.slots_for_source(free_slots);
        if !self.sched.open(now_ms, free_slots) {
            return Vec::new();
        }
        let mut requests = self.send_lines(free_slots);
        let free_slots = free_slots - requests.len();
        if free_slots == 0 {
            return requests;
        }
        let view = self.view();
        let plan = self
            .sched
            .plan(free_slots, self.search.spreads(), |q| self.wanted(q, &view));
        let sent = self.sched.commit(plan, free_slots);
        self.assign_sources(&sent);
        requests.extend(sent);
        requests
    }

    /// How many query answers were too large to read and were asked again in smaller parts
    /// (whole lines generation by generation, records in smaller batches).
    pub fn split_queries(&self) -> usize {
        self.split_queries
    }

    /// When to call [`Crawl::poll`] again if no answer comes first (a retry falls due).
    pub fn next_wake(&self) -> Option<f64> {
        if self.cancelled || self.outcome().is_some() {
            return None;
        }
        self.sched.next_wake()
    }

    /// An HTTP answer to a request.
    pub fn on_response(
        &mut self,
        id: RequestId,
        now_ms: f64,
        status: u16,
        retry_after: Option<&str>,
        body: &[u8],
    ) {
        let Some(req) = self.sched.answered(id, body.len()) else {
            return;
        };
        self.store.bytes += body.len() as u64;
        if self.cancelled {
            self.sources.remove(&id);
            return;
        }
        if self.query_answered(id, &req.qids, req.chain, status, body) {
            self.settle();
            return;
        }
        match status {
            200..=299 => self.apply_body(&req.qids, req.chain, body),
            429 | 503 => {
                let wait = parse_retry_after(retry_after, now_ms);
                for &q in &req.qids {
                    self.sched.retry_later(q, now_ms, wait, status);
                }
            }
            404 => {
                for &q in &req.qids {
                    self.sched.fail(q, FailReason::NotFound);
                }
            }
            _ => {
                for &q in &req.qids {
                    self.sched.fail(q, FailReason::Http(status));
                }
            }
        }
        self.settle();
    }

    /// A request that got no HTTP answer.
    pub fn on_failure(&mut self, id: RequestId, now_ms: f64, failure: Failure) {
        let _ = now_ms;
        if self.cancelled {
            self.sources.remove(&id);
            self.sched.drop_request(id);
            return;
        }
        if let Some(asked) = self.sched.in_flight_ids(id) {
            if self.query_failed(id, &asked, &failure) {
                self.sched.drop_request(id);
                self.settle();
                return;
            }
        }
        self.sources.remove(&id);
        self.sched.no_answer(id, &failure);
        self.settle();
    }

    /// Stops the crawl; answers still arriving are ignored. The caller aborts its requests.
    pub fn cancel(&mut self) {
        self.cancelled = true;
    }

    /// How the crawl ended, or `None` while it is still running.
    pub fn outcome(&self) -> Option<Outcome> {
        if let Some(invalid) = self.invalid {
            return Some(Outcome::Invalid(invalid));
        }
        if self.cancelled {
            return Some(Outcome::Cancelled);
        }
        let view = self.view();
        let work_left = self.sched.work_left(|q| self.wanted(q, &view));
        let limit_stop = self.sched.at_entity_limit();
        if work_left && !limit_stop {
            return None;
        }
        // Asked people that could not be had.
        let lost: Vec<PersonFailure> = self
            .people
            .iter()
            .filter_map(|q| {
                let reason = if let Some(r) = self.sched.failures.get(q) {
                    r.clone()
                } else if self.store.is_missing(*q) {
                    FailReason::DoesNotExist
                } else if !self.graph.is_loaded(*q) {
                    FailReason::NotFetched
                } else {
                    return None;
                };
                Some(PersonFailure { id: *q, reason })
            })
            .collect();
        if !lost.is_empty() {
            return Some(Outcome::PeopleLost(lost));
        }
        let entity_limit = limit_stop && work_left || self.sched.entity_cut;
        Some(Outcome::Ended {
            ending: self.search.ending(&view, entity_limit),
            failed: self
                .sched
                .failures
                .keys()
                .filter(|q| !self.only_named(**q))
                .count(),
        })
    }

    /// The family graph so far.
    pub fn graph(&self) -> &FamilyGraph {
        &self.graph
    }

    /// A person loaded (or stored) so far.
    pub fn person(&self, q: Qid) -> Option<&Person> {
        self.store.person(q)
    }

    /// The question's people (relate) or roots (explore), after redirects.
    pub fn people(&self) -> &[Qid] {
        &self.people
    }

    /// The configuration in force.
    pub fn config(&self) -> &CrawlConfig {
        &self.config
    }

    /// Ends the crawl and hands back the store for the next one.
    pub fn into_store(self) -> Store {
        self.store
    }
}

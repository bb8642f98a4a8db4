//! The crawl engine: a sans-IO state machine that says which Q-ids to fetch next, takes each
//! answer or failure, reports progress, and says when it is done and why.
//!
//! Inside: the question as data ([`question`]'s `Roles`), the searches the crawl fans out to
//! ([`search`]: the question's own — [`relate`], [`explore`], [`descendants`] — the connection
//! search [`connect`] and the names fetch [`names`]), the [`scheduler`] that owns requests
//! (slots, batches, retries, the 429 hold, counters), the [`source`] of answers (entity JSON or
//! the query service), and the [`phase`] the crawl is in.

mod apply;
mod connect;
mod descendants;
mod explore;
mod names;
mod phase;
mod progress;
mod question;
mod relate;
mod result;
mod scheduler;
mod search;
mod source;
#[cfg(test)]
mod testkit;

use crate::config::CrawlConfig;
use crate::entity::Person;
use crate::graph::FamilyGraph;
use crate::http::{parse_retry_after, HttpCall};
use crate::outcome::{Guard, Outcome, PersonFailReason, RequestFailure};
use crate::store::Store;
use crate::Qid;
use phase::Phase;
use question::Roles;
use search::{Seen, Turn};
use source::{QueryAnswer, Source};

pub use connect::ConnectEnd;
pub use progress::Progress;
pub use result::{ConnectionReport, CrawlResult, DirectAncestor, LevelCount};

/// Identifies a request until its answer comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RequestId(pub u64);

/// One request to perform: [`Crawl::call`] says how (a GET, or a form POST for a long query).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub id: RequestId,
    pub qids: Vec<Qid>,
    /// Position in the longest chain of requests each needing a previous answer (1 = needs none).
    pub chain: u32,
}

/// Entities taken from the store in one go, at most: more than any crawl's entity limit, a
/// safety net against a bug refilling the queue without end.
const MAX_STORE_LOADS: usize = 10_000_000;

/// Rounds of the searches' steps between two answers, at most (each round loads from the
/// store what the last one wanted): far more than the deepest family needs.
const MAX_SETTLE_ROUNDS: usize = 10_000;

/// The crawl state machine.
///
/// Its methods are of three kinds, after quinn-proto's `Connection`:
/// - **getters** ([`Crawl::progress`], [`Crawl::outcome`], [`Crawl::result`],
///   [`Crawl::graph`], [`Crawl::person`], [`Crawl::people`], [`Crawl::split_queries`],
///   [`Crawl::next_wake`], [`Crawl::call`] / [`Crawl::url`]) change nothing;
/// - **input** ([`Crawl::on_response`], [`Crawl::on_failure`], [`Crawl::cancel`]): what
///   happened to a request, or the user;
/// - **output** ([`Crawl::poll`]): the requests to send now.
///
/// The order to call them: [`Crawl::new`]; then in a loop, `poll(now, free slots)` and send
/// each request as [`Crawl::call`] says; feed each answer or failure back as it comes; stop when
/// [`Crawl::outcome`] is `Some`; when nothing is in flight, wait until [`Crawl::next_wake`]
/// and poll again. Then [`Crawl::result`], and [`Crawl::into_store`] for the next crawl. The
/// engine has no clock and no timer of its own: time is an argument, and the caller applies
/// its own request timeout ([`RequestFailure::Timeout`]).
pub struct Crawl {
    config: CrawlConfig,
    /// The question as data (its people follow redirects).
    roles: Roles,
    store: Store,
    graph: FamilyGraph,
    /// Changes made to the graph so far (to know when the answer must be computed again).
    graph_changes: u64,
    sched: scheduler::Scheduler,
    source: Source,
    searches: search::Searches,
    phase: Phase,
    /// `(asked, real)` for asked ids that turned out to be redirects.
    redirected: Vec<(Qid, Qid)>,
    /// The first step limit reached, if any: the outcome says so.
    cut: Option<Guard>,
    /// The answer, computed when the searches ended (for the names), with what it was
    /// computed from; reused by [`Crawl::result`] while that is unchanged.
    found: Option<(result::FoundKey, result::Found)>,
}

impl Crawl {
    /// Starts a crawl. The store's entities are used without fetching them again (it is
    /// emptied first if it was filled for other label languages).
    pub fn new(config: CrawlConfig, store: Store) -> Crawl {
        let config = config.sanitised();
        let store = store.for_languages(&config.languages);
        let (roles, redirected) = Roles::new(&config, &store);
        let mut graph = FamilyGraph::new();
        for (from, to) in &redirected {
            graph.add_redirect(*from, *to);
        }
        let mut c = Crawl {
            sched: scheduler::Scheduler::new(&config),
            source: Source::new(&config, &[]),
            searches: search::Searches::new(Roles::search(&config), &roles, &config),
            phase: Phase::Running,
            config,
            roles,
            store,
            graph,
            graph_changes: 0,
            redirected,
            cut: None,
            found: None,
        };
        let (searches, mut turn) = c.turn(0);
        if let Err(invalid) = searches.start(&mut turn) {
            c.phase = Phase::Invalid(invalid);
            return c;
        }
        c.source = Source::new(&c.config, &c.roles.lineage);
        c.settle();
        c
    }

    /// The searches and a turn for them (the one place the crawl's state is split for them):
    /// ids named now are known at `chain`.
    fn turn(&mut self, chain: u32) -> (&mut search::Searches, Turn<'_>) {
        let Crawl {
            config,
            roles,
            store,
            graph,
            sched,
            searches,
            cut,
            ..
        } = self;
        let turn = Turn {
            config,
            roles,
            graph,
            store,
            sched,
            chain,
            cut,
        };
        (searches, turn)
    }

    fn seen(&self) -> Seen<'_> {
        Seen {
            config: &self.config,
            roles: &self.roles,
            graph: &self.graph,
            store: &self.store,
            sched: &self.sched,
        }
    }

    /// Loads what the store holds of what was wanted, and lets the searches go as far as that
    /// allows, until none has more to do without a request; then moves on a phase if it can.
    fn settle(&mut self) {
        self.drain_loads();
        for round in 0.. {
            if round == MAX_SETTLE_ROUNDS {
                self.cut.get_or_insert(Guard::SettleRounds {
                    max: MAX_SETTLE_ROUNDS,
                });
                break;
            }
            let (searches, mut turn) = self.turn(0);
            searches.step(&mut turn);
            if !self.drain_loads() {
                break;
            }
        }
        self.advance(true);
    }

    /// Whether some search still has work: a request in flight or waiting, or a queued id
    /// still wanted, and the entity limit not used up.
    fn busy(&self) -> bool {
        let seen = self.seen();
        self.sched
            .work_left(|q| self.searches.still_wanted(q, &seen))
            && !self.sched.at_entity_limit()
    }

    /// Loads what the store holds of what was wanted (a queue, so no deep recursion). Whether
    /// it loaded anything.
    fn drain_loads(&mut self) -> bool {
        let mut taken = 0usize;
        while let Some((q, chain)) = self.sched.next_from_store() {
            taken += 1;
            if taken > MAX_STORE_LOADS {
                self.cut.get_or_insert(Guard::StoreLoads {
                    max: MAX_STORE_LOADS,
                });
                break;
            }
            if let Some(p) = self.store.person(q).cloned() {
                self.sched.note_cached();
                self.load(p, chain);
            } else if self.store.is_missing(q) {
                self.sched.note_cached();
                self.sched.mark_missing(q);
            }
        }
        taken > 0
    }

    /// A person's entity is here (from the network or the store), from an answer `chain`
    /// requests deep.
    fn load(&mut self, p: Person, chain: u32) {
        let q = p.id;
        self.sched.mark_loaded(q);
        if self.searches.only_named(q) {
            // Only its name and years are wanted: it does not join the family graph.
            return;
        }
        self.graph.add_person(&p);
        self.graph_changes += 1;
        let (searches, mut turn) = self.turn(chain);
        searches.loaded(q, &mut turn);
    }

    /// Asks for requests to send now, at most `free_slots` of them.
    pub fn poll(&mut self, now_ms: f64, free_slots: usize) -> Vec<Request> {
        if !self.phase.live() {
            return Vec::new();
        }
        let free_slots = self.source.slots(&self.config, free_slots);
        if !self.sched.open(now_ms, free_slots) {
            return Vec::new();
        }
        let mut requests = self.source.send_lineage(&mut self.sched, free_slots);
        let free_slots = free_slots - requests.len();
        if free_slots > 0 {
            let seen = self.seen();
            let plan = self.sched.plan(
                free_slots,
                self.roles.spreads,
                self.source.querying(),
                |q| self.searches.still_wanted(q, &seen),
            );
            let sent = self.sched.commit(plan, free_slots);
            self.source.assign(&sent);
            requests.extend(sent);
        }
        // A retry that fell due may no longer be wanted: the crawl can end here.
        self.advance(false);
        requests
    }

    /// The URL of a request (a POST's form appended as its query string; see [`Crawl::call`]).
    pub fn url(&self, endpoint_base: &str, req: &Request) -> String {
        self.call(endpoint_base, req).as_get_url()
    }

    /// The HTTP request to make for a request: CORS-simple, no custom headers needed. Entity
    /// JSON is always a GET; a query is a GET while its URL stays short, else a form POST.
    pub fn call(&self, endpoint_base: &str, req: &Request) -> HttpCall {
        self.source.call(&self.config, endpoint_base, req)
    }

    /// How many query answers were too large to read and were asked again in smaller parts
    /// (lineages generation by generation, records in smaller batches).
    pub fn split_queries(&self) -> usize {
        self.source.split_queries()
    }

    /// When to call [`Crawl::poll`] again if no answer comes first (a retry falls due).
    pub fn next_wake(&self) -> Option<f64> {
        if !self.phase.live() {
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
        if self.phase == Phase::Cancelled {
            self.source.forget(id);
            return;
        }
        let loads_all = self.roles.lineage_loads_all;
        let read = self.source.query_answered(
            &mut self.sched,
            &self.config,
            loads_all,
            (id, &req.qids),
            status,
            body,
        );
        match read {
            QueryAnswer::NotQuery => {}
            QueryAnswer::Handled => return self.settle(),
            QueryAnswer::Records {
                known,
                parsed,
                partial,
                unknown,
            } => {
                self.apply_parsed(&known, req.chain, parsed, body.len(), partial);
                if !unknown.is_empty() {
                    let why = crate::FallbackWhy::Unknown;
                    self.source.fall_back(&mut self.sched, &unknown, why, false);
                }
                return self.settle();
            }
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
                    self.sched.fail(q, PersonFailReason::NotFound);
                }
            }
            _ => {
                for &q in &req.qids {
                    self.sched.fail(q, PersonFailReason::Http(status));
                }
            }
        }
        self.settle();
    }

    /// A request that got no HTTP answer (a first timeout or network error is retried at once:
    /// the time does not matter).
    pub fn on_failure(&mut self, id: RequestId, _now_ms: f64, failure: RequestFailure) {
        if self.phase == Phase::Cancelled {
            self.source.forget(id);
            self.sched.drop_request(id);
            return;
        }
        if let Some(asked) = self.sched.in_flight_ids(id) {
            if self
                .source
                .query_failed(&mut self.sched, (id, &asked), &failure)
            {
                self.sched.drop_request(id);
                return self.settle();
            }
        }
        self.source.forget(id);
        self.sched.no_answer(id, &failure);
        self.settle();
    }

    /// Stops the crawl; answers still arriving are ignored. The caller aborts its requests.
    pub fn cancel(&mut self) {
        if !matches!(self.phase, Phase::Invalid(_)) {
            self.phase = Phase::Cancelled;
        }
    }

    /// How the crawl ended, or `None` while it is still running (read from its phase).
    pub fn outcome(&self) -> Option<Outcome> {
        self.phase.outcome()
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
        &self.roles.asked
    }

    /// Ends the crawl and hands back the store for the next one.
    pub fn into_store(self) -> Store {
        self.store
    }
}

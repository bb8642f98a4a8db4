//! The crawl engine: a sans-IO state machine that says which Q-ids to fetch next, takes each
//! answer or failure, reports progress, and says when it is done and why.
//!
//! The caller owns the clock and the network: it calls [`Crawl::poll`] with the time and the
//! number of free request slots, performs the returned [`Request`]s (GET [`Crawl::url`]), and
//! feeds back [`Crawl::on_response`] / [`Crawl::on_failure`]. When nothing is in flight it calls
//! `poll` again at [`Crawl::next_wake`] (retry backoff).

use crate::entity::{parse_entities, Person};
use crate::graph::{FamilyGraph, Map, Problem};
use crate::web::encode_component;
use crate::Qid;
use std::collections::{BTreeSet, VecDeque};
use std::fmt;
use wikikin_kinship::Pedigree;

/// How entities are requested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FetchMode {
    /// `{base}/wiki/Special:EntityData/Q1.json`, one id per request (cacheable by the CDN).
    EntityData,
    /// `{base}/w/api.php?action=wbgetentities&ids=Q1|Q2…`, up to 50 ids per request, only the
    /// props and languages needed.
    GetEntities,
}

/// The question a crawl answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// How are these people (2 or more) related? Searches upward from all of them at once.
    Relate { people: Vec<Qid> },
    /// Breadth-first by degree from `roots` over father/mother/child links until every target
    /// is reached.
    Explore { roots: Vec<Qid>, targets: Vec<Qid> },
}

/// Settings of one crawl.
#[derive(Clone, Debug, PartialEq)]
pub struct CrawlConfig {
    pub question: Question,
    pub fetch: FetchMode,
    /// Wanted label languages, best first (`mul` and `en` follow automatically).
    pub languages: Vec<String>,
    /// Relate: generations searched upward from each person. Explore: the largest degree.
    pub max_generations: u32,
    /// At most this many entities are loaded (fetched or from the store) in one crawl.
    pub max_entities: usize,
    /// Ids per `wbgetentities` request (1–50).
    pub max_batch: usize,
    /// `wbgetentities`: the size one answer should stay under, in bytes. Once answers have shown
    /// how large an entity is, a request asks for at most this many bytes' worth of ids (at
    /// least one), so that a generation of large entities is spread over the free request
    /// slots instead of coming back as one long answer. 0 = no limit but `max_batch`.
    pub batch_bytes: u64,
    /// Attempts per id for 429/503 answers.
    pub max_attempts: u32,
    /// Wait before retrying a 429/503 whose `Retry-After` is absent or unreadable (doubled
    /// on each further attempt).
    pub default_retry_ms: f64,
    /// Longest wait accepted from a `Retry-After`.
    pub max_retry_ms: f64,
    /// Relate: when a person has a mother but no father (or the reverse), fetch that parent's
    /// spouses and accept one whose P40 lists the person.
    pub children_fallback: bool,
}

impl CrawlConfig {
    fn base(question: Question) -> CrawlConfig {
        CrawlConfig {
            question,
            fetch: FetchMode::GetEntities,
            languages: vec!["en".into()],
            max_generations: 10,
            max_entities: 5000,
            max_batch: 50,
            batch_bytes: 1_000_000,
            max_attempts: 3,
            default_retry_ms: 2000.0,
            max_retry_ms: 120_000.0,
            children_fallback: true,
        }
    }

    /// Relate these people, with the default limits.
    pub fn relate(people: Vec<Qid>) -> CrawlConfig {
        CrawlConfig::base(Question::Relate { people })
    }

    /// Explore from roots until the targets are reached, with the default limits.
    pub fn explore(roots: Vec<Qid>, targets: Vec<Qid>) -> CrawlConfig {
        let mut c = CrawlConfig::base(Question::Explore { roots, targets });
        c.max_generations = 12;
        c
    }
}

/// Entities already known in this page's life; persists across crawls.
#[derive(Clone, Debug, Default)]
pub struct Store {
    languages: Vec<String>,
    persons: Map<Qid, Person>,
    missing: BTreeSet<Qid>,
    redirects: Map<Qid, Qid>,
    bytes: u64,
}

impl Store {
    pub fn new() -> Store {
        Store::default()
    }

    /// An empty store for these label languages (what [`CrawlConfig::languages`] will ask), so
    /// that people [`inserted`](Store::insert) before a crawl are kept by it.
    pub fn with_languages(languages: Vec<String>) -> Store {
        Store {
            languages,
            ..Store::default()
        }
    }

    /// Entities held (people and missing ids).
    pub fn len(&self) -> usize {
        self.persons.len() + self.missing.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Follows known redirects.
    pub fn canonical(&self, q: Qid) -> Qid {
        let mut q = q;
        for _ in 0..=self.redirects.len() {
            match self.redirects.get(&q) {
                Some(&t) if t != q => q = t,
                _ => break,
            }
        }
        q
    }

    pub fn person(&self, q: Qid) -> Option<&Person> {
        self.persons.get(&self.canonical(q))
    }

    pub fn is_missing(&self, q: Qid) -> bool {
        self.missing.contains(&self.canonical(q))
    }

    /// Adds a person (e.g. restored by the app); replaces an older copy.
    pub fn insert(&mut self, p: Person) {
        self.missing.remove(&p.id);
        self.persons.insert(p.id, p);
    }

    /// Bytes of entity data received over the store's life.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    pub fn clear(&mut self) {
        *self = Store {
            languages: std::mem::take(&mut self.languages),
            ..Store::default()
        };
    }
}

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

/// Why a request got no HTTP answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The network failed (offline, DNS, CORS refused…), with the browser's words.
    Network(String),
    /// No answer in time.
    Timeout,
    /// The caller aborted it.
    Aborted,
}

/// Which limit stopped a crawl.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Generations,
    Entities,
}

/// How a crawl ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutcomeKind {
    Done,
    LimitReached(Limit),
    Failed,
    Cancelled,
}

/// How a crawl ended, in words too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub kind: OutcomeKind,
    pub message: String,
}

/// Live figures for the progress display.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Progress {
    /// Deepest generation (relate) or degree (explore) loaded so far.
    pub level: u32,
    /// People known (loaded or only named).
    pub known: usize,
    /// Entities fetched over the network in this crawl.
    pub fetched: usize,
    /// Entities taken from the store without a request.
    pub cached: usize,
    /// Ids in requests in flight.
    pub in_flight: usize,
    /// Requests in flight.
    pub requests_in_flight: usize,
    /// Ids waiting to be requested (ready or waiting for a retry).
    pub queued: usize,
    /// Ids that failed for good.
    pub failed: usize,
    /// Retries scheduled.
    pub retries: usize,
    /// Bytes of responses received.
    pub bytes: u64,
    /// Requests sent.
    pub requests: usize,
    /// Longest chain of dependent requests so far.
    pub chain: u32,
}

impl Progress {
    /// Share of the known work done, for a progress bar (0.0–1.0; grows as the search finds
    /// more to do, so it can step back).
    pub fn fraction(&self) -> f64 {
        let done = (self.fetched + self.cached + self.failed) as f64;
        let total = done + (self.in_flight + self.queued) as f64;
        if total <= 0.0 {
            0.0
        } else {
            done / total
        }
    }
}

/// A person who could not be fetched, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFailure {
    pub id: Qid,
    pub message: String,
}

/// Counts for one generation (relate) or degree (explore).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LevelCount {
    pub level: u32,
    /// People known at this level.
    pub known: usize,
    /// People loaded at this level.
    pub loaded: usize,
}

/// "`ancestor` is a direct ancestor of `descendant`, `generations` up".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirectAncestor {
    pub ancestor: Qid,
    pub descendant: Qid,
    pub generations: u32,
}

/// What a crawl found.
#[derive(Clone, Debug)]
pub struct CrawlResult {
    /// The asked people (relate) or roots then targets (explore), after redirects.
    pub people: Vec<Qid>,
    /// `(asked, real)` for asked ids that were redirects.
    pub redirected: Vec<(Qid, Qid)>,
    pub graph: FamilyGraph,
    /// Every person loaded in this crawl, by id.
    pub persons: Vec<Person>,
    pub problems: Vec<Problem>,
    pub failures: Vec<PersonFailure>,
    /// Ids that do not exist on the server.
    pub missing: Vec<Qid>,
    pub levels: Vec<LevelCount>,
    /// Relate: asked people that are direct ancestors of other asked people.
    pub direct_ancestors: Vec<DirectAncestor>,
    /// Explore: each target and the degree it was reached at (None: not reached).
    pub reached: Vec<(Qid, Option<u32>)>,
    /// Relate: every relationship between each pair of the asked people, closest first per
    /// pair (from `wikikin_kinship::kinship_all` on the graph).
    pub relationships: Vec<wikikin_kinship::Relationship>,
    /// Problems met by the kinship search (cycles and the like), as it words them.
    pub kinship_problems: Vec<wikikin_kinship::Problem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Named, not wanted (yet).
    Known,
    Queued,
    InFlight,
    /// Waiting for a retry at the given time (stored in `retry_at`).
    Waiting,
    Loaded,
    Missing,
    Failed,
}

#[derive(Clone, Debug)]
struct Node {
    state: State,
    /// Relate: fewest generations up from an asked person. Explore: degree from a root.
    depth: u32,
    /// Relate: bit i set when the node is asked person i or their known ancestor.
    reach: u64,
    /// Requests needed before this id was known.
    chain: u32,
    attempts: u32,
    timeouts: u32,
    retry_at: f64,
    /// Relate: wanted as a possible missing parent of this child (children fallback).
    spouse_for: Option<Qid>,
    /// Sequence number of the queue entry, if queued.
    queued_seq: Option<u64>,
}

impl Node {
    fn new(depth: u32, chain: u32) -> Node {
        Node {
            state: State::Known,
            depth,
            reach: 0,
            chain,
            attempts: 0,
            timeouts: 0,
            retry_at: 0.0,
            spouse_for: None,
            queued_seq: None,
        }
    }
}

struct InFlight {
    qids: Vec<Qid>,
    chain: u32,
}

const UNREACHED: u32 = u32::MAX;

/// See [`Crawl::batch_limit`].
const QUEUE_ROUNDS: usize = 4;

/// The crawl state machine. See the module docs.
pub struct Crawl {
    config: CrawlConfig,
    store: Store,
    graph: FamilyGraph,
    nodes: Map<Qid, Node>,
    /// Ready ids by (depth, sequence).
    ready: BTreeSet<(u32, u64, Qid)>,
    seq: u64,
    waiting: BTreeSet<Qid>,
    in_flight: Map<RequestId, InFlight>,
    next_request: u64,
    hold_until: f64,
    /// People of the question (canonical), in order.
    people: Vec<Qid>,
    redirected: Vec<(Qid, Qid)>,
    targets: Vec<Qid>,
    all_mask: u64,
    loaded_order: Vec<Qid>,
    failures: Map<Qid, String>,
    cancelled: bool,
    entity_cut: bool,
    setup_error: Option<String>,
    cur_chain: u32,
    fetched: usize,
    cached: usize,
    retries: usize,
    bytes: u64,
    requests: usize,
    max_chain: u32,
    /// Bytes and entities of the successful answers, for the bytes-aware batch size.
    answered_bytes: u64,
    answered_entities: u64,
    /// Loads waiting to be applied (avoids deep recursion through cached entities).
    to_load: VecDeque<Qid>,
}

impl Crawl {
    /// Starts a crawl. The store's entities are used without fetching them again (it is
    /// emptied first if it was filled for other label languages).
    pub fn new(config: CrawlConfig, store: Store) -> Crawl {
        let mut config = config;
        config.max_batch = config.max_batch.clamp(1, 50);
        config.max_attempts = config.max_attempts.max(1);
        if !config.default_retry_ms.is_finite() || config.default_retry_ms < 0.0 {
            config.default_retry_ms = 2000.0;
        }
        if !config.max_retry_ms.is_finite() || config.max_retry_ms < 0.0 {
            config.max_retry_ms = 120_000.0;
        }
        let mut store = store;
        if store.languages != config.languages {
            store.clear();
            store.languages = config.languages.clone();
        }
        let mut c = Crawl {
            config,
            store,
            graph: FamilyGraph::new(),
            nodes: Map::default(),
            ready: BTreeSet::new(),
            seq: 0,
            waiting: BTreeSet::new(),
            in_flight: Map::default(),
            next_request: 1,
            hold_until: f64::NEG_INFINITY,
            people: Vec::new(),
            redirected: Vec::new(),
            targets: Vec::new(),
            all_mask: 0,
            loaded_order: Vec::new(),
            failures: Map::default(),
            cancelled: false,
            entity_cut: false,
            setup_error: None,
            cur_chain: 0,
            fetched: 0,
            cached: 0,
            retries: 0,
            bytes: 0,
            requests: 0,
            max_chain: 0,
            answered_bytes: 0,
            answered_entities: 0,
            to_load: VecDeque::new(),
        };
        c.start();
        c
    }

    fn is_relate(&self) -> bool {
        matches!(self.config.question, Question::Relate { .. })
    }

    fn start(&mut self) {
        let (seeds, targets) = match &self.config.question {
            Question::Relate { people } => (people.clone(), Vec::new()),
            Question::Explore { roots, targets } => (roots.clone(), targets.clone()),
        };
        let mut seen = Vec::new();
        for q in seeds {
            let r = self.store.canonical(q);
            if r != q {
                self.redirected.push((q, r));
                self.graph.add_redirect(q, r);
            }
            if !seen.contains(&r) {
                seen.push(r);
            }
        }
        if self.is_relate() {
            if seen.len() < 2 {
                self.setup_error =
                    Some("Give at least two different people to relate.".to_string());
                return;
            }
            if seen.len() > 64 {
                self.setup_error = Some("At most 64 people can be related at once.".to_string());
                return;
            }
            self.all_mask = if seen.len() == 64 {
                u64::MAX
            } else {
                (1u64 << seen.len()) - 1
            };
        } else if seen.is_empty() {
            self.setup_error = Some("Give at least one person to start from.".to_string());
            return;
        }
        self.people = seen.clone();
        self.targets = targets
            .into_iter()
            .map(|q| self.store.canonical(q))
            .collect();
        for (i, q) in seen.into_iter().enumerate() {
            let relate = self.all_mask != 0;
            let node = self.node(q);
            node.depth = 0;
            if i < 64 && relate {
                node.reach |= 1u64 << i;
            }
            self.want(q);
        }
        self.drain_loads();
    }

    fn node(&mut self, q: Qid) -> &mut Node {
        let chain = self.cur_chain;
        self.nodes
            .entry(q)
            .or_insert_with(|| Node::new(UNREACHED, chain))
    }

    fn depth(&self, q: Qid) -> u32 {
        self.nodes.get(&q).map_or(UNREACHED, |n| n.depth)
    }

    fn reach(&self, q: Qid) -> u64 {
        self.nodes.get(&q).map_or(0, |n| n.reach)
    }

    fn covered(&self, q: Qid) -> bool {
        self.all_mask != 0 && self.reach(q) & self.all_mask == self.all_mask
    }

    /// Relate: a node above a node that is an ancestor of everyone asked cannot be a lowest
    /// common ancestor, so it is not searched.
    fn above_covered(&self, q: Qid) -> bool {
        self.graph.children(q).into_iter().any(|c| self.covered(c))
    }

    fn loaded_count(&self) -> usize {
        self.fetched + self.cached
    }

    /// The node is wanted: load it from the store, or queue it.
    fn want(&mut self, q: Qid) {
        let Some(state) = self.nodes.get(&q).map(|n| n.state) else {
            return;
        };
        if state != State::Known {
            return;
        }
        if self.store.person(q).is_some() || self.store.is_missing(q) {
            if self.loaded_count() >= self.config.max_entities {
                self.entity_cut = true;
                return;
            }
            self.to_load.push_back(q);
            if let Some(n) = self.nodes.get_mut(&q) {
                n.state = State::Queued; // becomes Loaded in drain_loads
                n.queued_seq = None;
            }
            return;
        }
        self.enqueue(q);
    }

    fn enqueue(&mut self, q: Qid) {
        self.seq += 1;
        let seq = self.seq;
        let Some(n) = self.nodes.get_mut(&q) else {
            return;
        };
        n.state = State::Queued;
        n.queued_seq = Some(seq);
        let depth = n.depth;
        self.ready.insert((depth, seq, q));
    }

    /// Lowers a node's depth (keeping its queue entry in order). Returns whether it changed.
    fn lower_depth(&mut self, q: Qid, depth: u32) -> bool {
        let Some(n) = self.nodes.get_mut(&q) else {
            return false;
        };
        if n.depth <= depth {
            return false;
        }
        let old = n.depth;
        n.depth = depth;
        if let (State::Queued, Some(seq)) = (n.state, n.queued_seq) {
            if self.ready.remove(&(old, seq, q)) {
                self.ready.insert((depth, seq, q));
            }
        }
        true
    }

    /// Takes a node out of the ready queue, if it is there.
    fn unqueue(&mut self, q: Qid) {
        if let Some(n) = self.nodes.get_mut(&q) {
            if let Some(seq) = n.queued_seq.take() {
                self.ready.remove(&(n.depth, seq, q));
            }
        }
    }

    fn drain_loads(&mut self) {
        let mut guard = 0usize;
        while let Some(q) = self.to_load.pop_front() {
            guard += 1;
            if guard > 10_000_000 {
                break;
            }
            if let Some(p) = self.store.person(q).cloned() {
                self.cached += 1;
                let chain = self.nodes.get(&q).map_or(0, |n| n.chain);
                self.load(p, chain);
            } else if self.store.is_missing(q) {
                self.cached += 1;
                self.mark_missing(q);
            }
        }
    }

    /// Is this queued id still worth fetching?
    fn still_wanted(&self, q: Qid) -> bool {
        let Some(n) = self.nodes.get(&q) else {
            return false;
        };
        if !self.is_relate() {
            return self.could_shorten(n.depth) || self.targets.contains(&q);
        }
        if n.reach != 0 {
            return n.depth == 0 || !self.above_covered(q);
        }
        // A spouse wanted as the missing parent of a child.
        match n.spouse_for {
            Some(child) => !self.covered(child) && self.needs_other_parent(child),
            None => false,
        }
    }

    fn targets_all_reached(&self) -> bool {
        !self.targets.is_empty() && self.targets.iter().all(|t| self.depth(*t) != UNREACHED)
    }

    /// Explore: could loading a node at degree `d` still bring a target closer? Until every
    /// target is reached, yes; then only if `d + 2 <=` the farthest target's degree (a path
    /// through it would reach a target in fewer steps). Entities from the store can reach the
    /// targets early along longer lines; this keeps the degrees those of a true breadth-first
    /// search.
    fn could_shorten(&self, d: u32) -> bool {
        if !self.targets_all_reached() {
            return true;
        }
        let farthest = self
            .targets
            .iter()
            .map(|t| self.depth(*t))
            .max()
            .unwrap_or(0);
        d.saturating_add(2) <= farthest
    }

    /// Asks for requests to send now, at most `free_slots` of them.
    pub fn poll(&mut self, now_ms: f64, free_slots: usize) -> Vec<Request> {
        if self.cancelled || self.setup_error.is_some() || free_slots == 0 {
            return Vec::new();
        }
        if now_ms < self.hold_until {
            return Vec::new();
        }
        // Due retries go back to the ready queue.
        let due: Vec<Qid> = self
            .waiting
            .iter()
            .copied()
            .filter(|q| self.nodes.get(q).is_some_and(|n| n.retry_at <= now_ms))
            .collect();
        for q in due {
            self.waiting.remove(&q);
            self.enqueue(q);
        }
        // Pick ready ids in order, dropping those no longer wanted.
        let budget = self
            .config
            .max_entities
            .saturating_sub(self.loaded_count() + self.ids_in_flight());
        let per = self.batch_limit(free_slots + self.in_flight.len());
        let cap = budget.min(free_slots.saturating_mul(per));
        let mut picked: Vec<Qid> = Vec::new();
        let mut dropped: Vec<(u32, u64, Qid)> = Vec::new();
        for &(d, s, q) in &self.ready {
            if picked.len() >= cap {
                break;
            }
            if self.still_wanted(q) {
                picked.push(q);
            } else {
                dropped.push((d, s, q));
            }
        }
        for e in dropped {
            self.ready.remove(&e);
            if let Some(n) = self.nodes.get_mut(&e.2) {
                n.state = State::Known;
                n.queued_seq = None;
            }
        }
        if picked.is_empty() {
            if budget == 0 && !self.ready.is_empty() {
                self.entity_cut = true;
            }
            return Vec::new();
        }
        let picked_set: BTreeSet<Qid> = picked.iter().copied().collect();
        self.ready.retain(|(_, _, q)| !picked_set.contains(q));
        // Spread over every free slot, as evenly as can be (at most `per` each, as picked).
        let parts = free_slots.min(picked.len()).max(1);
        let (small, big) = (picked.len() / parts, picked.len() % parts);
        let mut chunks: Vec<&[Qid]> = Vec::with_capacity(parts);
        let mut rest = picked.as_slice();
        for i in 0..parts {
            let (chunk, tail) = rest.split_at((small + usize::from(i < big)).min(rest.len()));
            chunks.push(chunk);
            rest = tail;
        }
        let mut out = Vec::new();
        for chunk in chunks.into_iter().filter(|c| !c.is_empty()) {
            let chain = chunk
                .iter()
                .map(|q| self.nodes.get(q).map_or(0, |n| n.chain))
                .max()
                .unwrap_or(0)
                + 1;
            for q in chunk {
                if let Some(n) = self.nodes.get_mut(q) {
                    n.state = State::InFlight;
                    n.queued_seq = None;
                }
            }
            let id = RequestId(self.next_request);
            self.next_request += 1;
            self.requests += 1;
            self.max_chain = self.max_chain.max(chain);
            self.in_flight.insert(
                id,
                InFlight {
                    qids: chunk.to_vec(),
                    chain,
                },
            );
            out.push(Request {
                id,
                qids: chunk.to_vec(),
                chain,
            });
        }
        out
    }

    /// Ids per request: 1 for `Special:EntityData`; for `wbgetentities` the configured
    /// `max_batch`, lowered to what fits `batch_bytes` at the entity size seen so far (and, when
    /// exploring, to what spreads the queue over the slots) — unless
    /// more is queued than [`QUEUE_ROUNDS`] rounds of all `slots` would send at that size: then
    /// the crawl is bound by throughput, not by waiting on answers, and larger batches (fewer
    /// round trips for the same bytes) clear the queue sooner.
    fn batch_limit(&self, slots: usize) -> usize {
        match self.config.fetch {
            FetchMode::EntityData => 1,
            FetchMode::GetEntities => {
                let max = self.config.max_batch;
                if self.config.batch_bytes == 0 || self.answered_entities == 0 {
                    return max;
                }
                let per_entity = (self.answered_bytes / self.answered_entities).max(1);
                let by_bytes = usize::try_from(self.config.batch_bytes / per_entity)
                    .unwrap_or(max)
                    .clamp(1, max);
                let slots = slots.max(1);
                let queued = self.ready.len();
                // Explore stops once the targets are reached and nothing can come closer, so
                // of a queued generation only some will be needed: no request is made larger
                // than it takes to spread the queue over all the slots (one id each when few
                // are queued). Relate loads every ancestor not pruned, so it packs by bytes.
                let spread = if self.is_relate() {
                    by_bytes
                } else {
                    queued.div_ceil(slots).max(1)
                };
                let by_queue = queued.div_ceil(slots.saturating_mul(QUEUE_ROUNDS));
                by_bytes.min(spread).max(by_queue).min(max)
            }
        }
    }

    fn ids_in_flight(&self) -> usize {
        self.in_flight.values().map(|f| f.qids.len()).sum()
    }

    /// When to call [`Crawl::poll`] again if no answer comes first (a retry falls due).
    pub fn next_wake(&self) -> Option<f64> {
        if self.cancelled || self.outcome().is_some() {
            return None;
        }
        let retry = self
            .waiting
            .iter()
            .filter_map(|q| self.nodes.get(q).map(|n| n.retry_at))
            .fold(None, |acc: Option<f64>, t| {
                Some(acc.map_or(t, |a| a.min(t)))
            });
        let hold = self.hold_until;
        let ready_at = (!self.ready.is_empty() && hold.is_finite()).then_some(hold);
        let retry_at = retry.map(|r| r.max(hold));
        match (ready_at, retry_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The URL to GET for a request (a CORS-simple GET: no custom headers needed).
    pub fn url(&self, endpoint_base: &str, req: &Request) -> String {
        let base = endpoint_base.trim_end_matches('/');
        match self.config.fetch {
            FetchMode::EntityData => {
                let id = req.qids.first().copied().unwrap_or(Qid(0));
                format!("{base}/wiki/Special:EntityData/{id}.json")
            }
            FetchMode::GetEntities => {
                let ids: Vec<String> = req.qids.iter().map(Qid::to_string).collect();
                let mut langs: Vec<String> = Vec::new();
                for l in self
                    .config
                    .languages
                    .iter()
                    .map(String::as_str)
                    .chain(["mul", "en"])
                {
                    if !l.is_empty() && !langs.iter().any(|x| x == l) {
                        langs.push(encode_component(l));
                    }
                }
                format!(
                    "{base}/w/api.php?action=wbgetentities&ids={}&props=labels%7Cdescriptions%7Cclaims&languages={}&languagefallback=1&format=json&origin=*",
                    ids.join("%7C"),
                    langs.join("%7C")
                )
            }
        }
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
        let Some(req) = self.in_flight.remove(&id) else {
            return;
        };
        self.bytes += body.len() as u64;
        self.store.bytes += body.len() as u64;
        if self.cancelled {
            return;
        }
        match status {
            200..=299 => self.apply_body(&req, body),
            429 | 503 => {
                let wait = parse_retry_after(retry_after, now_ms);
                for &q in &req.qids {
                    self.retry_later(q, now_ms, wait, status);
                }
            }
            404 => {
                for &q in &req.qids {
                    self.fail(
                        q,
                        format!("{q} was not found on the server (HTTP 404 Not Found)"),
                    );
                }
            }
            _ => {
                for &q in &req.qids {
                    self.fail(
                        q,
                        format!("fetching {q} failed: HTTP {status} {}", reason(status)),
                    );
                }
            }
        }
        self.drain_loads();
    }

    /// A request that got no HTTP answer.
    pub fn on_failure(&mut self, id: RequestId, now_ms: f64, failure: Failure) {
        let _ = now_ms;
        let Some(req) = self.in_flight.remove(&id) else {
            return;
        };
        if self.cancelled {
            return;
        }
        for &q in &req.qids {
            let timeouts = self.nodes.get(&q).map_or(0, |n| n.timeouts);
            match &failure {
                Failure::Timeout | Failure::Network(_) if timeouts == 0 => {
                    if let Some(n) = self.nodes.get_mut(&q) {
                        n.timeouts += 1;
                    }
                    self.retries += 1;
                    self.enqueue(q);
                }
                Failure::Timeout => self.fail(
                    q,
                    format!("fetching {q} timed out twice; the server did not answer"),
                ),
                Failure::Network(m) => {
                    self.fail(q, format!("fetching {q} failed twice: network error: {m}"))
                }
                Failure::Aborted => self.fail(q, format!("fetching {q} was aborted")),
            }
        }
    }

    fn retry_later(&mut self, q: Qid, now_ms: f64, wait: Option<f64>, status: u16) {
        let max_attempts = self.config.max_attempts;
        let Some(n) = self.nodes.get_mut(&q) else {
            return;
        };
        n.attempts += 1;
        let backoff = self.config.default_retry_ms * f64::from(1u32 << (n.attempts - 1).min(10));
        let wait = wait.unwrap_or(backoff).clamp(0.0, self.config.max_retry_ms);
        // The server said "slow down": every request waits, even when this id gives up now.
        self.hold_until = self.hold_until.max(now_ms + wait);
        if n.attempts >= max_attempts {
            let attempts = n.attempts;
            self.fail(
                q,
                format!(
                    "fetching {q} failed: the server kept answering HTTP {status} {} ({attempts} attempts)",
                    reason(status)
                ),
            );
            return;
        }
        n.state = State::Waiting;
        n.retry_at = now_ms + wait;
        self.waiting.insert(q);
        self.retries += 1;
    }

    fn fail(&mut self, q: Qid, message: String) {
        self.unqueue(q);
        if let Some(n) = self.nodes.get_mut(&q) {
            n.state = State::Failed;
        }
        self.waiting.remove(&q);
        self.failures.insert(q, message);
    }

    fn apply_body(&mut self, req: &InFlight, body: &[u8]) {
        let parsed = match parse_entities(body, &self.config.languages) {
            Ok(p) => p,
            Err(e) => {
                for &q in &req.qids {
                    self.fail(q, format!("the answer for {q} could not be read: {e}"));
                }
                return;
            }
        };
        let entities = parsed.persons.len() + parsed.missing.len();
        if entities > 0 {
            self.answered_bytes += body.len() as u64;
            self.answered_entities += entities as u64;
        }
        let prev_chain = self.cur_chain;
        self.cur_chain = req.chain;
        let mut redirects = parsed.redirects.clone();
        // Special:EntityData follows redirects silently: asked Q1, got only Q2.
        if let ([asked], [only]) = (req.qids.as_slice(), parsed.persons.as_slice()) {
            if only.id != *asked && !redirects.iter().any(|(f, _)| f == asked) {
                redirects.push((*asked, only.id));
            }
        }
        for (from, to) in redirects {
            self.apply_redirect(from, to);
        }
        let mut answered: BTreeSet<Qid> = BTreeSet::new();
        for q in &parsed.missing {
            answered.insert(*q);
            self.store.missing.insert(*q);
            if self.nodes.contains_key(q) {
                self.fetched += 1;
                self.mark_missing(*q);
            }
        }
        for p in parsed.persons {
            answered.insert(p.id);
            let q = p.id;
            self.store.persons.insert(q, p.clone());
            let state = self.nodes.get(&q).map(|n| n.state);
            if matches!(state, Some(State::Loaded | State::Missing)) {
                continue;
            }
            self.node(q);
            self.fetched += 1;
            self.load(p, req.chain);
        }
        for &q in &req.qids {
            let real = self.store.canonical(q);
            if !answered.contains(&real) && !answered.contains(&q) {
                self.fail(q, format!("the answer did not include {q}"));
            }
        }
        self.cur_chain = prev_chain;
    }

    fn apply_redirect(&mut self, from: Qid, to: Qid) {
        if from == to {
            return;
        }
        self.store.redirects.insert(from, to);
        self.graph.add_redirect(from, to);
        for p in self.people.iter_mut().chain(self.targets.iter_mut()) {
            if *p == from {
                *p = to;
                if !self.redirected.iter().any(|(f, _)| *f == from) {
                    self.redirected.push((from, to));
                }
            }
        }
        if self.nodes.contains_key(&from) {
            self.unqueue(from);
        }
        if let Some(old) = self.nodes.remove(&from) {
            self.waiting.remove(&from);
            let n = self.node(to);
            n.reach |= old.reach;
            n.chain = n.chain.min(old.chain);
            if n.spouse_for.is_none() {
                n.spouse_for = old.spouse_for;
            }
            self.lower_depth(to, old.depth);
        }
    }

    fn mark_missing(&mut self, q: Qid) {
        self.unqueue(q);
        if let Some(n) = self.nodes.get_mut(&q) {
            n.state = State::Missing;
        }
    }

    /// A person's entity is here (from the network or the store).
    fn load(&mut self, p: Person, chain: u32) {
        let q = p.id;
        let prev = self.cur_chain;
        self.cur_chain = chain;
        self.unqueue(q);
        if let Some(n) = self.nodes.get_mut(&q) {
            n.state = State::Loaded;
        }
        self.graph.add_person(&p);
        self.loaded_order.push(q);
        if self.is_relate() {
            self.relate_loaded(q);
        } else {
            self.explore_loaded(q);
        }
        self.cur_chain = prev;
    }

    fn relate_loaded(&mut self, q: Qid) {
        // Upward: q's known parents get q's reach; and any known children of q that are in the
        // search pass their reach up to q (links stated on q's side, P40).
        let mut work: VecDeque<Qid> = VecDeque::new();
        work.push_back(q);
        for c in self.graph.children(q) {
            if self.reach(c) != 0 {
                work.push_back(c);
            }
        }
        self.propagate(work);
        // Children fallback.
        if self.config.children_fallback {
            self.check_fallback(q);
            for c in self.graph.children(q) {
                if self.reach(c) != 0 {
                    self.check_fallback(c);
                }
            }
        }
    }

    fn propagate(&mut self, mut work: VecDeque<Qid>) {
        let max_gen = self.config.max_generations;
        let mut steps = 0usize;
        while let Some(c) = work.pop_front() {
            steps += 1;
            if steps > 50_000_000 {
                break;
            }
            let (reach, depth) = match self.nodes.get(&c) {
                Some(n) => (n.reach, n.depth),
                None => continue,
            };
            if reach == 0 {
                continue;
            }
            for p in self.graph.parents(c) {
                let n = self.node(p);
                let old_reach = n.reach;
                n.reach |= reach;
                let reach_changed = n.reach != old_reach;
                let depth_changed = self.lower_depth(p, depth.saturating_add(1));
                if !reach_changed && !depth_changed {
                    continue;
                }
                work.push_back(p);
                let state = self.nodes.get(&p).map(|n| n.state);
                if state == Some(State::Known) && self.depth(p) <= max_gen && !self.above_covered(p)
                {
                    self.want(p);
                }
            }
        }
    }

    fn needs_other_parent(&self, child: Qid) -> bool {
        let Some(p) = self.store.person(child) else {
            return false;
        };
        let fathers = self.graph.fathers(child);
        let mothers = self.graph.mothers(child);
        let any_parent = !self.graph.parents(child).is_empty();
        (fathers.is_empty() && !mothers.is_empty() && !p.father_unknown)
            || (mothers.is_empty() && !fathers.is_empty() && !p.mother_unknown)
            || (any_parent && fathers.is_empty() && mothers.is_empty())
    }

    /// `child` has one parent but not the other: that parent's spouses are candidates.
    fn check_fallback(&mut self, child: Qid) {
        if !self.graph.is_loaded(child)
            || self.reach(child) == 0
            || self.covered(child)
            || self.depth(child).saturating_add(1) > self.config.max_generations
            || !self.needs_other_parent(child)
        {
            return;
        }
        let depth = self.depth(child).saturating_add(1);
        for known in self.graph.parents(child) {
            if !self.graph.is_loaded(known) {
                continue;
            }
            for s in self.graph.spouses(known) {
                if self.graph.parents(child).contains(&s) {
                    continue;
                }
                let n = self.node(s);
                if n.state != State::Known {
                    continue;
                }
                n.spouse_for = Some(child);
                self.lower_depth(s, depth);
                self.want(s);
            }
        }
    }

    fn explore_loaded(&mut self, q: Qid) {
        let max = self.config.max_generations;
        // q itself may be closer through a loaded neighbour that q alone links to (P40).
        let mut nbs = self.graph.parents(q);
        nbs.extend(self.graph.children(q));
        let best = nbs
            .iter()
            .filter(|nb| self.graph.is_loaded(**nb))
            .map(|nb| self.depth(*nb))
            .min()
            .unwrap_or(UNREACHED);
        if best != UNREACHED {
            self.lower_depth(q, best.saturating_add(1));
        }
        let mut work: VecDeque<Qid> = VecDeque::new();
        work.push_back(q);
        let mut steps = 0usize;
        while let Some(x) = work.pop_front() {
            steps += 1;
            if steps > 50_000_000 {
                break;
            }
            let d = self.depth(x);
            if d == UNREACHED {
                continue;
            }
            let mut nbs = self.graph.parents(x);
            nbs.extend(self.graph.children(x));
            // A neighbour that is loaded links back to x; also relax x from its loaded neighbours.
            for nb in nbs {
                let nd = d.saturating_add(1);
                self.node(nb);
                if !self.lower_depth(nb, nd) {
                    continue;
                }
                match self.nodes.get(&nb).map(|n| n.state) {
                    Some(State::Loaded) => work.push_back(nb),
                    Some(State::Known)
                        if nd <= max && (self.could_shorten(nd) || self.targets.contains(&nb)) =>
                    {
                        self.want(nb)
                    }
                    _ => {}
                }
            }
        }
        if self.targets_all_reached() {
            // Fetch any unloaded target itself; drop the rest of the queue.
            let targets = self.targets.clone();
            for t in targets {
                if self.nodes.get(&t).is_some_and(|n| n.state == State::Known) {
                    self.want(t);
                }
            }
        }
    }

    /// Stops the crawl; answers still arriving are ignored. The caller aborts its requests.
    pub fn cancel(&mut self) {
        self.cancelled = true;
    }

    /// Live figures.
    pub fn progress(&self) -> Progress {
        let level = self
            .loaded_order
            .iter()
            .filter_map(|q| self.nodes.get(q))
            .map(|n| n.depth)
            .filter(|d| *d != UNREACHED)
            .max()
            .unwrap_or(0);
        Progress {
            level,
            known: self.graph.person_count().max(self.people.len()),
            fetched: self.fetched,
            cached: self.cached,
            in_flight: self.ids_in_flight(),
            requests_in_flight: self.in_flight.len(),
            queued: self.ready.len() + self.waiting.len(),
            failed: self.failures.len(),
            retries: self.retries,
            bytes: self.bytes,
            requests: self.requests,
            chain: self.max_chain,
        }
    }

    /// Whether some wanted person lies beyond the generation (degree) limit.
    fn generation_cut(&self) -> bool {
        let max = self.config.max_generations;
        self.nodes.iter().any(|(q, n)| {
            n.state == State::Known
                && n.depth != UNREACHED
                && n.depth > max
                && (!self.is_relate() || (n.reach != 0 && !self.above_covered(*q)))
        })
    }

    fn work_left(&self) -> bool {
        !self.in_flight.is_empty()
            || !self.waiting.is_empty()
            || self.ready.iter().any(|(_, _, q)| self.still_wanted(*q))
    }

    /// How the crawl ended, or `None` while it is still running.
    pub fn outcome(&self) -> Option<Outcome> {
        if let Some(e) = &self.setup_error {
            return Some(Outcome {
                kind: OutcomeKind::Failed,
                message: e.clone(),
            });
        }
        if self.cancelled {
            return Some(Outcome {
                kind: OutcomeKind::Cancelled,
                message: "Cancelled.".into(),
            });
        }
        let limit_stop = self.loaded_count() + self.ids_in_flight() >= self.config.max_entities
            && self.in_flight.is_empty();
        if self.work_left() && !limit_stop {
            return None;
        }
        // Asked people that could not be had.
        let mut lost = Vec::new();
        for q in &self.people {
            if let Some(m) = self.failures.get(q) {
                lost.push(m.clone());
            } else if self.store.is_missing(*q) {
                lost.push(format!("{q} does not exist on the server"));
            } else if !self.graph.is_loaded(*q) {
                lost.push(format!("{q} was not fetched"));
            }
        }
        if !lost.is_empty() {
            return Some(Outcome {
                kind: OutcomeKind::Failed,
                message: lost.join("; "),
            });
        }
        let failed_note = if self.failures.is_empty() {
            String::new()
        } else {
            format!(
                " {} {} could not be fetched, so links through them may be missing.",
                self.failures.len(),
                if self.failures.len() == 1 {
                    "person"
                } else {
                    "people"
                }
            )
        };
        let limit_entities = limit_stop && self.work_left() || self.entity_cut;
        if !self.is_relate() {
            let reached = self.targets_all_reached();
            if reached {
                let max = self
                    .targets
                    .iter()
                    .map(|t| self.depth(*t))
                    .max()
                    .unwrap_or(0);
                return Some(Outcome {
                    kind: OutcomeKind::Done,
                    message: format!(
                        "All {} target people were reached, the farthest at degree {max}.{failed_note}",
                        self.targets.len()
                    ),
                });
            }
            if limit_entities {
                return Some(Outcome {
                    kind: OutcomeKind::LimitReached(Limit::Entities),
                    message: format!(
                        "Stopped at the limit of {} people before reaching every target.{failed_note}",
                        self.config.max_entities
                    ),
                });
            }
            if self.generation_cut() {
                return Some(Outcome {
                    kind: OutcomeKind::LimitReached(Limit::Generations),
                    message: format!(
                        "Stopped at degree {} before reaching every target.{failed_note}",
                        self.config.max_generations
                    ),
                });
            }
            let msg = if self.targets.is_empty() {
                format!(
                    "Explored everyone linked within degree {}.{failed_note}",
                    self.config.max_generations
                )
            } else {
                format!("The family links ran out before every target was reached.{failed_note}")
            };
            return Some(Outcome {
                kind: OutcomeKind::Done,
                message: msg,
            });
        }
        if limit_entities {
            return Some(Outcome {
                kind: OutcomeKind::LimitReached(Limit::Entities),
                message: format!(
                    "Stopped at the limit of {} people; relationships further back may be missing.{failed_note}",
                    self.config.max_entities
                ),
            });
        }
        if self.generation_cut() {
            return Some(Outcome {
                kind: OutcomeKind::LimitReached(Limit::Generations),
                message: format!(
                    "Every relationship within {} generations was searched; older ancestors were not.{failed_note}",
                    self.config.max_generations
                ),
            });
        }
        Some(Outcome {
            kind: OutcomeKind::Done,
            message: format!("Every known ancestor that matters was searched.{failed_note}"),
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

    /// What was found so far (complete once [`Crawl::outcome`] is `Some`).
    pub fn result(&self) -> CrawlResult {
        let mut levels: Vec<LevelCount> = Vec::new();
        for (q, n) in &self.nodes {
            if n.depth == UNREACHED || (self.is_relate() && n.reach == 0) {
                continue;
            }
            let i = n.depth as usize;
            if i > 4096 {
                continue;
            }
            if levels.len() <= i {
                levels.resize_with(i + 1, LevelCount::default);
            }
            if let Some(l) = levels.get_mut(i) {
                l.known += 1;
                if self.graph.is_loaded(*q) {
                    l.loaded += 1;
                }
            }
        }
        for (i, l) in levels.iter_mut().enumerate() {
            l.level = u32::try_from(i).unwrap_or(u32::MAX);
        }
        let persons: Vec<Person> = self
            .loaded_order
            .iter()
            .filter_map(|q| self.store.person(*q).cloned())
            .collect();
        let mut failures: Vec<PersonFailure> = self
            .failures
            .iter()
            .map(|(q, m)| PersonFailure {
                id: *q,
                message: m.clone(),
            })
            .collect();
        failures.sort_by_key(|f| f.id);
        let missing: Vec<Qid> = self
            .nodes
            .iter()
            .filter(|(_, n)| n.state == State::Missing)
            .map(|(q, _)| *q)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut direct = Vec::new();
        if self.is_relate() {
            for (i, a) in self.people.iter().enumerate() {
                for (j, d) in self.people.iter().enumerate() {
                    if i != j && j < 64 && self.reach(*a) & (1u64 << j) != 0 {
                        if let Some(g) = generations_up(&self.graph, *d, *a) {
                            direct.push(DirectAncestor {
                                ancestor: *a,
                                descendant: *d,
                                generations: g,
                            });
                        }
                    }
                }
            }
        }
        let reached = self
            .targets
            .iter()
            .map(|t| {
                let d = self.depth(*t);
                (*t, (d != UNREACHED).then_some(d))
            })
            .collect();
        let mut people = self.people.clone();
        if !self.is_relate() {
            people.extend(self.targets.iter().copied());
        }
        let (relationships, kinship_problems) = if self.is_relate() {
            let limits = wikikin_kinship::Limits {
                max_generations: self.config.max_generations,
                ..wikikin_kinship::Limits::default()
            };
            let k = wikikin_kinship::kinship_all(&self.graph, &self.people, &limits);
            (k.relationships, k.problems)
        } else {
            (Vec::new(), Vec::new())
        };
        CrawlResult {
            relationships,
            kinship_problems,
            people,
            redirected: self.redirected.clone(),
            graph: self.graph.clone(),
            persons,
            problems: self.graph.problems(),
            failures,
            missing,
            levels,
            direct_ancestors: direct,
            reached,
        }
    }

    /// Ends the crawl and hands back the store for the next one.
    pub fn into_store(self) -> Store {
        self.store
    }
}

/// Fewest generations from `descendant` up to `ancestor` in the graph.
fn generations_up(g: &FamilyGraph, descendant: Qid, ancestor: Qid) -> Option<u32> {
    let mut seen: BTreeSet<Qid> = BTreeSet::new();
    let mut frontier = vec![descendant];
    seen.insert(descendant);
    for gen in 1..=1000u32 {
        let mut next = Vec::new();
        for x in frontier {
            for p in g.parents(x) {
                if p == ancestor {
                    return Some(gen);
                }
                if seen.insert(p) {
                    next.push(p);
                }
            }
        }
        if next.is_empty() {
            return None;
        }
        frontier = next;
    }
    None
}

/// `Retry-After` in milliseconds to wait: delay-seconds or an HTTP date (compared with
/// `now_ms` as Unix time in ms). `None` when absent or unreadable.
pub fn parse_retry_after(value: Option<&str>, now_ms: f64) -> Option<f64> {
    let v = value?.trim();
    if v.is_empty() {
        return None;
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse::<f64>().ok().map(|s| s * 1000.0);
    }
    let at = parse_http_date(v)?;
    Some((at - now_ms).max(0.0))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to Unix milliseconds.
pub fn parse_http_date(s: &str) -> Option<f64> {
    let rest = s.split_once(", ").map_or(s, |(_, r)| r);
    let mut it = rest.split_whitespace();
    let day: i64 = it.next()?.parse().ok()?;
    let mon = it.next()?;
    let year: i64 = it.next()?.parse().ok()?;
    let time = it.next()?;
    let zone = it.next()?;
    if zone != "GMT" && zone != "UTC" {
        return None;
    }
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = i64::try_from(M.iter().position(|m| *m == mon)?).ok()? + 1;
    let mut t = time.split(':');
    let h: i64 = t.next()?.parse().ok()?;
    let mi: i64 = t.next()?.parse().ok()?;
    let se: i64 = t.next()?.parse().ok()?;
    if !(1..=31).contains(&day) || h > 23 || mi > 59 || se > 60 || !(1970..=9999).contains(&year) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    Some(((days * 86400 + h * 3600 + mi * 60 + se) * 1000) as f64)
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        414 => "URI Too Long",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after(Some("5"), 0.0), Some(5000.0));
        assert_eq!(parse_retry_after(Some(" 0 "), 0.0), Some(0.0));
        assert_eq!(parse_retry_after(None, 0.0), None);
        assert_eq!(parse_retry_after(Some("soon"), 0.0), None);
        assert_eq!(parse_retry_after(Some("-3"), 0.0), None);
        let t = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(t, 784111777000.0);
        assert_eq!(
            parse_retry_after(Some("Sun, 06 Nov 1994 08:49:47 GMT"), t),
            Some(10_000.0)
        );
        // A date in the past means now.
        assert_eq!(
            parse_retry_after(Some("Sun, 06 Nov 1994 08:49:37 GMT"), t + 5000.0),
            Some(0.0)
        );
        assert_eq!(parse_http_date("Sun, 32 Nov 1994 08:49:37 GMT"), None);
    }
}

//! The scheduler: which ids are queued, in flight, waiting for a retry or done; how they are
//! batched into requests (bytes-aware); retries and the hold after a 429/503; the counters of
//! the progress display. It knows nothing of the questions: a question tells it what it wants
//! (with a level, its priority: lower levels go first) and answers "still wanted?" when a
//! queued id comes up.

use crate::config::{CrawlConfig, FetchMode};
use crate::graph::Map;
use crate::outcome::{PersonFailReason, RequestFailure};
use crate::store::Store;
use crate::{Qid, RequestId};
use std::collections::{BTreeSet, VecDeque};

mod batch;
#[cfg(test)]
mod tests;

/// The level of an id no question has placed yet.
pub(crate) const UNREACHED: u32 = u32::MAX;

/// Where an id stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    /// Named, not wanted (yet).
    Known,
    /// In the ready queue, or about to be loaded from the store.
    Queued,
    InFlight,
    /// Waiting for a retry at `retry_at`.
    Waiting,
    Loaded,
    Missing,
    Failed,
}

#[derive(Clone, Debug)]
struct Slot {
    state: State,
    /// The question's level for it (generation or degree): the queue's order.
    level: u32,
    /// Requests needed before this id was known.
    chain: u32,
    attempts: u32,
    timeouts: u32,
    retry_at: f64,
    /// Sequence number of the queue entry, if queued.
    queued_seq: Option<u64>,
}

/// What one poll will send and set aside (see [`Scheduler::plan`]).
pub(crate) struct Plan {
    picked: Vec<Qid>,
    dropped: Vec<(u32, u64, Qid)>,
    /// The entity limit leaves nothing to ask for.
    budget_spent: bool,
}

pub(crate) struct InFlight {
    pub(crate) qids: Vec<Qid>,
    pub(crate) chain: u32,
}

/// What the scheduler needs to know of the configuration.
struct Rules {
    fetch: FetchMode,
    max_entities: usize,
    max_batch: usize,
    batch_bytes: u64,
    /// Ids per query, and the bytes a query's answer should stay under.
    query_batch: usize,
    query_bytes: u64,
    max_attempts: u32,
    default_retry_ms: f64,
    max_retry_ms: f64,
}

pub(crate) struct Scheduler {
    rules: Rules,
    slots: Map<Qid, Slot>,
    /// Ready ids by (level, sequence).
    ready: BTreeSet<(u32, u64, Qid)>,
    seq: u64,
    waiting: BTreeSet<Qid>,
    in_flight: Map<RequestId, InFlight>,
    next_request: u64,
    hold_until: f64,
    /// Ids to load from the store (a queue, not recursion, through cached entities).
    to_load: VecDeque<Qid>,
    loaded_order: Vec<Qid>,
    loaded_set: crate::graph::Set<Qid>,
    failures: Map<Qid, PersonFailReason>,
    /// Some wanted id was not loaded because of the entity limit.
    entity_cut: bool,
    counts: Counts,
    /// Bytes and entities of the successful answers, for the bytes-aware batch size.
    answered_bytes: u64,
    answered_entities: u64,
}

/// The scheduler's counters, for the progress display.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Entities loaded from an answer.
    pub(crate) fetched: usize,
    /// Entities loaded from the store without a request.
    pub(crate) cached: usize,
    /// Retries scheduled.
    pub(crate) retries: usize,
    /// Bytes of the answers.
    pub(crate) bytes: u64,
    /// Requests sent.
    pub(crate) requests: usize,
    /// Longest chain of dependent requests sent.
    pub(crate) max_chain: u32,
}

impl Scheduler {
    pub(crate) fn new(config: &CrawlConfig) -> Scheduler {
        Scheduler {
            rules: Rules {
                fetch: config.fetch,
                max_entities: config.max_entities,
                max_batch: config.max_batch,
                batch_bytes: config.batch_bytes,
                query_batch: config.sparql_batch,
                query_bytes: (config.sparql_max_bytes / 2) as u64,
                max_attempts: config.max_attempts,
                default_retry_ms: config.default_retry_ms,
                max_retry_ms: config.max_retry_ms,
            },
            slots: Map::default(),
            ready: BTreeSet::new(),
            seq: 0,
            waiting: BTreeSet::new(),
            in_flight: Map::default(),
            next_request: 1,
            hold_until: f64::NEG_INFINITY,
            to_load: VecDeque::new(),
            loaded_order: Vec::new(),
            loaded_set: Default::default(),
            failures: Map::default(),
            entity_cut: false,
            counts: Counts::default(),
            answered_bytes: 0,
            answered_entities: 0,
        }
    }

    // ---- what questions ask of it

    /// Notes an id, named by an answer `chain` requests deep (0: by the question or the
    /// store); an id already known keeps its chain.
    pub(crate) fn know(&mut self, q: Qid, chain: u32) {
        self.slots.entry(q).or_insert_with(|| Slot {
            state: State::Known,
            level: UNREACHED,
            chain,
            attempts: 0,
            timeouts: 0,
            retry_at: 0.0,
            queued_seq: None,
        });
    }

    pub(crate) fn is_known(&self, q: Qid) -> bool {
        self.slots.contains_key(&q)
    }

    pub(crate) fn state(&self, q: Qid) -> Option<State> {
        self.slots.get(&q).map(|s| s.state)
    }

    pub(crate) fn level(&self, q: Qid) -> u32 {
        self.slots.get(&q).map_or(UNREACHED, |s| s.level)
    }

    /// Every known id with its state and level.
    pub(crate) fn known(&self) -> impl Iterator<Item = (Qid, State, u32)> + '_ {
        self.slots.iter().map(|(q, s)| (*q, s.state, s.level))
    }

    /// Lowers an id's level (keeping its queue entry in order). Returns whether it changed.
    pub(crate) fn lower_level(&mut self, q: Qid, level: u32) -> bool {
        let Some(s) = self.slots.get_mut(&q) else {
            return false;
        };
        if s.level <= level {
            return false;
        }
        let old = s.level;
        s.level = level;
        if let (State::Queued, Some(seq)) = (s.state, s.queued_seq) {
            if self.ready.remove(&(old, seq, q)) {
                self.ready.insert((level, seq, q));
            }
        }
        true
    }

    /// The id is wanted: load it from the store, or queue it (known ids only, once).
    pub(crate) fn want(&mut self, q: Qid, store: &Store) {
        self.want_as(q, store, false);
    }

    /// [`Scheduler::want`], and with `full` a partial record is not enough: it is fetched
    /// whole (again, if it was loaded partial).
    pub(crate) fn want_as(&mut self, q: Qid, store: &Store, full: bool) {
        let partial = full && store.is_partial(q);
        if partial && self.state(q) == Some(State::Loaded) {
            self.enqueue(q);
            return;
        }
        if self.state(q) != Some(State::Known) {
            return;
        }
        if store.holds(q) && !partial {
            if self.loaded_count() >= self.rules.max_entities {
                self.entity_cut = true;
                return;
            }
            self.to_load.push_back(q);
            if let Some(s) = self.slots.get_mut(&q) {
                s.state = State::Queued; // becomes Loaded when the crawl drains `to_load`
                s.queued_seq = None;
            }
            return;
        }
        self.enqueue(q);
    }

    /// The next id to load from the store, with the chain it was known at.
    pub(crate) fn next_from_store(&mut self) -> Option<(Qid, u32)> {
        let q = self.to_load.pop_front()?;
        Some((q, self.slots.get(&q).map_or(0, |s| s.chain)))
    }

    fn enqueue(&mut self, q: Qid) {
        self.seq += 1;
        let seq = self.seq;
        let Some(s) = self.slots.get_mut(&q) else {
            return;
        };
        s.state = State::Queued;
        s.queued_seq = Some(seq);
        self.ready.insert((s.level, seq, q));
    }

    /// Takes an id out of the ready queue, if it is there.
    fn unqueue(&mut self, q: Qid) {
        if let Some(s) = self.slots.get_mut(&q) {
            if let Some(seq) = s.queued_seq.take() {
                self.ready.remove(&(s.level, seq, q));
            }
        }
    }

    /// The id's entity is here (or its whole record, after a partial one).
    pub(crate) fn mark_loaded(&mut self, q: Qid) {
        self.unqueue(q);
        if let Some(s) = self.slots.get_mut(&q) {
            s.state = State::Loaded;
        }
        if self.loaded_set.insert(q) {
            self.loaded_order.push(q);
        }
    }

    pub(crate) fn mark_missing(&mut self, q: Qid) {
        self.unqueue(q);
        if let Some(s) = self.slots.get_mut(&q) {
            s.state = State::Missing;
        }
    }

    pub(crate) fn fail(&mut self, q: Qid, reason: PersonFailReason) {
        self.unqueue(q);
        if let Some(s) = self.slots.get_mut(&q) {
            s.state = State::Failed;
        }
        self.waiting.remove(&q);
        self.failures.insert(q, reason);
    }

    /// `from` is a redirect to `to` (named by an answer `chain` deep): `to` takes over its
    /// level and chain. Nothing happens if `from` was not known.
    pub(crate) fn redirect(&mut self, from: Qid, to: Qid, chain: u32) {
        if self.slots.contains_key(&from) {
            self.unqueue(from);
        }
        let Some(old) = self.slots.remove(&from) else {
            return;
        };
        self.waiting.remove(&from);
        self.know(to, chain);
        if let Some(s) = self.slots.get_mut(&to) {
            s.chain = s.chain.min(old.chain);
        }
        self.lower_level(to, old.level);
    }

    /// Allows `n` more entities than the configured limit (the names of the people shown).
    pub(crate) fn allow_more(&mut self, n: usize) {
        self.rules.max_entities = self.rules.max_entities.saturating_add(n);
    }

    pub(crate) fn loaded_count(&self) -> usize {
        self.counts.fetched + self.counts.cached
    }

    /// An entity came from an answer (counted whether or not it is loaded now).
    pub(crate) fn note_fetched(&mut self) {
        self.counts.fetched += 1;
    }

    /// An entity was taken from the store without a request.
    pub(crate) fn note_cached(&mut self) {
        self.counts.cached += 1;
    }

    /// The counters of the progress display.
    pub(crate) fn counts(&self) -> Counts {
        self.counts
    }

    /// The ids loaded, in the order they were.
    pub(crate) fn loaded_order(&self) -> &[Qid] {
        &self.loaded_order
    }

    /// The ids that failed for good, and why.
    pub(crate) fn failures(&self) -> &Map<Qid, PersonFailReason> {
        &self.failures
    }

    /// Some wanted id was left out because of the entity limit.
    pub(crate) fn entity_cut(&self) -> bool {
        self.entity_cut
    }

    pub(crate) fn ids_in_flight(&self) -> usize {
        self.in_flight.values().map(|f| f.qids.len()).sum()
    }

    pub(crate) fn requests_in_flight(&self) -> usize {
        self.in_flight.len()
    }

    pub(crate) fn queued(&self) -> usize {
        self.ready.len() + self.waiting.len()
    }

    /// Whether anything is in flight, waiting for a retry, or queued and still wanted.
    pub(crate) fn work_left(&self, still_wanted: impl Fn(Qid) -> bool) -> bool {
        !self.in_flight.is_empty()
            || !self.waiting.is_empty()
            || self.ready.iter().any(|(_, _, q)| still_wanted(*q))
    }

    /// The entity limit is used up by what is loaded and in flight, and nothing is in flight.
    pub(crate) fn at_entity_limit(&self) -> bool {
        self.loaded_count() + self.ids_in_flight() >= self.rules.max_entities
            && self.in_flight.is_empty()
    }

    /// When to poll again if no answer comes first (a retry falls due, or the hold ends).
    pub(crate) fn next_wake(&self) -> Option<f64> {
        let retry = self
            .waiting
            .iter()
            .filter_map(|q| self.slots.get(q).map(|s| s.retry_at))
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

    // ---- answers

    /// An answer of `bytes` bytes came for a request: its ids, if it was still in flight.
    pub(crate) fn answered(&mut self, id: RequestId, bytes: usize) -> Option<InFlight> {
        let req = self.in_flight.remove(&id)?;
        self.counts.bytes += bytes as u64;
        Some(req)
    }

    /// A query's answer was too large: later queries ask at most `ids` people.
    pub(crate) fn shrink_query_batch(&mut self, ids: usize) {
        self.rules.query_batch = self.rules.query_batch.min(ids).max(1);
    }

    /// A readable answer of `bytes` bytes held `entities` entities (for the batch size).
    pub(crate) fn note_entities(&mut self, bytes: usize, entities: usize) {
        if entities > 0 {
            self.answered_bytes += bytes as u64;
            self.answered_entities += entities as u64;
        }
    }

    /// 429/503 for `q`: retry after `wait` (or the backoff), and hold every request until then.
    pub(crate) fn retry_later(&mut self, q: Qid, now_ms: f64, wait: Option<f64>, status: u16) {
        let max_attempts = self.rules.max_attempts;
        let (default_retry, max_retry) = (self.rules.default_retry_ms, self.rules.max_retry_ms);
        let Some(s) = self.slots.get_mut(&q) else {
            return;
        };
        s.attempts += 1;
        let backoff = default_retry * f64::from(1u32 << s.attempts.saturating_sub(1).min(10));
        let wait = wait.unwrap_or(backoff).clamp(0.0, max_retry);
        let attempts = s.attempts;
        if attempts < max_attempts {
            s.state = State::Waiting;
            s.retry_at = now_ms + wait;
        }
        // The server said "slow down": every request waits, even when this id gives up now.
        self.hold_until = self.hold_until.max(now_ms + wait);
        if attempts >= max_attempts {
            self.fail(q, PersonFailReason::KeptRefusing { status, attempts });
            return;
        }
        self.waiting.insert(q);
        self.counts.retries += 1;
    }

    /// A request got no HTTP answer: a first timeout or network error is retried at once.
    pub(crate) fn no_answer(&mut self, id: RequestId, failure: &RequestFailure) {
        let Some(req) = self.in_flight.remove(&id) else {
            return;
        };
        for q in req.qids {
            let timeouts = self.slots.get(&q).map_or(0, |s| s.timeouts);
            match failure {
                RequestFailure::Timeout | RequestFailure::Network(_) if timeouts == 0 => {
                    if let Some(s) = self.slots.get_mut(&q) {
                        s.timeouts += 1;
                    }
                    self.counts.retries += 1;
                    self.enqueue(q);
                }
                RequestFailure::Timeout => self.fail(q, PersonFailReason::TimedOutTwice),
                RequestFailure::Network(m) => {
                    self.fail(q, PersonFailReason::NetworkTwice(m.clone()))
                }
                RequestFailure::Aborted => self.fail(q, PersonFailReason::Aborted),
            }
        }
    }

    /// Whether one more 429/503 for this id would be its last attempt.
    pub(crate) fn last_attempt(&self, q: Qid) -> bool {
        self.slots
            .get(&q)
            .is_some_and(|s| s.attempts + 1 >= self.rules.max_attempts)
    }

    /// The ids of a request in flight.
    pub(crate) fn in_flight_ids(&self, id: RequestId) -> Option<Vec<Qid>> {
        self.in_flight.get(&id).map(|f| f.qids.clone())
    }

    /// An id whose answer came but must be asked again (another way): back to the queue.
    pub(crate) fn requeue(&mut self, q: Qid) {
        if matches!(self.state(q), Some(State::InFlight | State::Known)) {
            self.enqueue(q);
        }
    }

    /// Forgets a request (the crawl was cancelled while it was out, or its query fell back).
    pub(crate) fn drop_request(&mut self, id: RequestId) {
        self.in_flight.remove(&id);
    }
}

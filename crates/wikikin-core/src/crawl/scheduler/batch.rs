//! Sending: which ready ids go out in this poll, how many per request (bytes-aware), and
//! the requests themselves.

use super::{InFlight, Plan, Scheduler, State};
use crate::config::FetchMode;
use crate::crawl::Request;
use crate::{Qid, RequestId};
use std::collections::BTreeSet;

/// See [`Scheduler::batch_limit`].
const QUEUE_ROUNDS: usize = 4;

impl Scheduler {
    /// Whether requests may go out now (slots free, no hold); due retries go back to the
    /// ready queue. The first step of a poll: then [`Scheduler::plan`], [`Scheduler::commit`].
    pub(crate) fn open(&mut self, now_ms: f64, free_slots: usize) -> bool {
        if free_slots == 0 || now_ms < self.hold_until {
            return false;
        }
        let due: Vec<Qid> = self
            .waiting
            .iter()
            .copied()
            .filter(|q| self.slots.get(q).is_some_and(|s| s.retry_at <= now_ms))
            .collect();
        for q in due {
            self.waiting.remove(&q);
            self.enqueue(q);
        }
        true
    }

    /// Picks ready ids in order for at most `free_slots` requests, setting aside those the
    /// question no longer wants (`still_wanted`); `spread` and `querying` (the requests go to
    /// the query service): see [`Scheduler::batch_limit`].
    pub(crate) fn plan(
        &self,
        free_slots: usize,
        spread: bool,
        querying: bool,
        still_wanted: impl Fn(Qid) -> bool,
    ) -> Plan {
        let budget = self
            .rules
            .max_entities
            .saturating_sub(self.loaded_count() + self.ids_in_flight());
        let per = self.batch_limit(free_slots + self.in_flight.len(), spread, querying);
        let cap = budget.min(free_slots.saturating_mul(per));
        let mut plan = Plan {
            picked: Vec::new(),
            dropped: Vec::new(),
            budget_spent: budget == 0,
        };
        for &(d, s, q) in &self.ready {
            if plan.picked.len() >= cap {
                break;
            }
            if still_wanted(q) {
                plan.picked.push(q);
            } else {
                plan.dropped.push((d, s, q));
            }
        }
        plan
    }

    /// Sends what was planned, spread as evenly as can be over the free slots.
    pub(crate) fn commit(&mut self, plan: Plan, free_slots: usize) -> Vec<Request> {
        let Plan {
            picked,
            dropped,
            budget_spent,
        } = plan;
        for e in dropped {
            self.ready.remove(&e);
            if let Some(s) = self.slots.get_mut(&e.2) {
                s.state = State::Known;
                s.queued_seq = None;
            }
        }
        if picked.is_empty() {
            if budget_spent && !self.ready.is_empty() {
                self.entity_cut = true;
            }
            return Vec::new();
        }
        let mut picked_set: BTreeSet<Qid> = BTreeSet::new();
        picked_set.extend(picked.iter().copied());
        self.ready.retain(|(_, _, q)| !picked_set.contains(q));
        let parts = free_slots.min(picked.len()).max(1);
        let (small, big) = (picked.len() / parts, picked.len() % parts);
        let mut out = Vec::new();
        let mut rest = picked.as_slice();
        for i in 0..parts {
            let (chunk, tail) = rest.split_at((small + usize::from(i < big)).min(rest.len()));
            rest = tail;
            if !chunk.is_empty() {
                out.push(self.send(chunk));
            }
        }
        out
    }

    /// Sends these ids at once in one request of their own (a query for their whole lines),
    /// out of the ready queue; ids already loaded or in flight are left out. `None` if none is
    /// left.
    pub(crate) fn send_now(&mut self, ids: &[Qid]) -> Option<Request> {
        let chunk: Vec<Qid> = ids
            .iter()
            .copied()
            .filter(|q| matches!(self.state(*q), Some(State::Queued | State::Known)))
            .collect();
        if chunk.is_empty() {
            return None;
        }
        for q in &chunk {
            self.unqueue(*q);
            self.to_load.retain(|x| x != q);
        }
        Some(self.send(&chunk))
    }

    fn send(&mut self, chunk: &[Qid]) -> Request {
        let chain = chunk
            .iter()
            .map(|q| self.slots.get(q).map_or(0, |s| s.chain))
            .max()
            .unwrap_or(0)
            + 1;
        for q in chunk {
            if let Some(s) = self.slots.get_mut(q) {
                s.state = State::InFlight;
                s.queued_seq = None;
            }
        }
        let id = RequestId(self.next_request);
        self.next_request += 1;
        self.counts.requests += 1;
        self.counts.max_chain = self.counts.max_chain.max(chain);
        self.in_flight.insert(
            id,
            InFlight {
                qids: chunk.to_vec(),
                chain,
            },
        );
        Request {
            id,
            qids: chunk.to_vec(),
            chain,
        }
    }

    /// Ids per request: 1 for `Special:EntityData`; for `wbgetentities` the configured
    /// `max_batch` (`querying`: `sparql_batch`), lowered to what fits `batch_bytes` (half the
    /// query answer guard) at the entity size seen so far (and, when
    /// the question `spread`s, to what spreads the queue over the slots: a search that stops
    /// once its targets are reached needs only some of a queued level) — unless more is queued
    /// than [`QUEUE_ROUNDS`] rounds of all `slots` would send at that size: then the crawl is
    /// bound by throughput, not by waiting on answers, and larger batches (fewer round trips
    /// for the same bytes) clear the queue sooner.
    fn batch_limit(&self, slots: usize, spread: bool, querying: bool) -> usize {
        match self.rules.fetch {
            FetchMode::EntityData => 1,
            FetchMode::GetEntities | FetchMode::Sparql => {
                let (max, batch_bytes) = if querying {
                    (self.rules.query_batch, self.rules.query_bytes)
                } else {
                    (self.rules.max_batch, self.rules.batch_bytes)
                };
                if batch_bytes == 0 || self.answered_entities == 0 {
                    return max;
                }
                let per_entity = (self.answered_bytes / self.answered_entities).max(1);
                let by_bytes = usize::try_from(batch_bytes / per_entity)
                    .unwrap_or(max)
                    .clamp(1, max);
                let slots = slots.max(1);
                let queued = self.ready.len();
                let spread = if spread {
                    queued.div_ceil(slots).max(1)
                } else {
                    by_bytes
                };
                let by_queue = queued.div_ceil(slots.saturating_mul(QUEUE_ROUNDS));
                by_bytes.min(spread).max(by_queue).min(max)
            }
        }
    }
}

//! [`Progress`]: the live figures of a crawl, for the progress display and the test hooks.

use super::{scheduler, Crawl};

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

impl Crawl {
    /// Live figures.
    pub fn progress(&self) -> Progress {
        let s = &self.sched;
        let level = s
            .loaded_order()
            .iter()
            .map(|q| s.level(*q))
            .filter(|d| *d != scheduler::UNREACHED)
            .max()
            .unwrap_or(0);
        let counts = s.counts();
        Progress {
            level,
            known: self.graph.person_count().max(self.roles.asked.len()),
            fetched: counts.fetched,
            cached: counts.cached,
            in_flight: s.ids_in_flight(),
            requests_in_flight: s.requests_in_flight(),
            queued: s.queued(),
            failed: s.failures().len(),
            retries: counts.retries,
            bytes: counts.bytes,
            requests: counts.requests,
            chain: counts.max_chain,
        }
    }
}

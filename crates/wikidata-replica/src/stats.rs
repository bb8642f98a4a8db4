//! The counters behind `/__replica/stats`, and how a served request is counted.

use std::collections::{BTreeMap, HashMap};
use std::sync::MutexGuard;

use crate::{Kind, Replica};

/// Counters behind `/__replica/stats`.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub requests: u64,
    pub by_kind: BTreeMap<&'static str, u64>,
    pub by_status: BTreeMap<u16, u64>,
    /// Body bytes of the answers as the endpoints made them, before gzip (so the same whatever
    /// the client accepts; a truncated body counts the part sent).
    pub bytes_sent: u64,
    /// Body bytes on the wire: gzipped where the answer was, cut where it was truncated.
    pub wire_bytes: u64,
    /// Answers sent gzipped.
    pub gzipped: u64,
    pub entities_served: u64,
    pub served_per_id: HashMap<String, u64>,
    pub preflight: u64,
    /// Queries that came as a POST (form or `application/sparql-query`), not a GET.
    pub sparql_posts: u64,
    pub faults: BTreeMap<&'static str, u64>,
    pub inflight: u64,
    pub peak_inflight: u64,
    pub queued: u64,
    pub peak_queued: u64,
}

impl Stats {
    pub fn to_json(&self) -> serde_json::Value {
        let max_served = self.served_per_id.values().copied().max().unwrap_or(0);
        let by_status: serde_json::Map<String, serde_json::Value> = self
            .by_status
            .iter()
            .map(|(k, v)| (k.to_string(), (*v).into()))
            .collect();
        let mut per_id: Vec<(&String, &u64)> = self.served_per_id.iter().collect();
        per_id.sort();
        let per_id: serde_json::Map<String, serde_json::Value> = per_id
            .into_iter()
            .map(|(k, v)| (k.clone(), (*v).into()))
            .collect();
        serde_json::json!({
            "requests": self.requests,
            "by_kind": self.by_kind,
            "by_status": by_status,
            "bytes_sent": self.bytes_sent,
            "wire_bytes": self.wire_bytes,
            "gzipped": self.gzipped,
            "entities_served": self.entities_served,
            "distinct_ids_served": self.served_per_id.len(),
            "max_served_per_id": max_served,
            "served_per_id": per_id,
            "preflight": self.preflight,
            "sparql_posts": self.sparql_posts,
            "faults": self.faults,
            "inflight": self.inflight,
            "peak_inflight": self.peak_inflight,
            "queued": self.queued,
            "peak_queued": self.peak_queued,
        })
    }

    /// Zero everything except what is in flight right now.
    pub fn reset(&mut self) {
        let (inflight, queued) = (self.inflight, self.queued);
        *self = Stats {
            inflight,
            peak_inflight: inflight,
            queued,
            peak_queued: queued,
            ..Stats::default()
        };
    }
}

impl Replica {
    /// Lock the counters (the server updates in-flight numbers and faults through this).
    pub fn stats(&self) -> MutexGuard<'_, Stats> {
        match self.stats.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Counts one answer; `bytes` is (before gzip, on the wire).
    pub(crate) fn record(&self, kind: Kind, status: u16, bytes: (usize, usize), ids: &[u32]) {
        if kind == Kind::Control {
            return;
        }
        let mut s = self.stats();
        s.requests += 1;
        *s.by_kind.entry(kind.name()).or_insert(0) += 1;
        *s.by_status.entry(status).or_insert(0) += 1;
        s.bytes_sent += bytes.0 as u64;
        s.wire_bytes += bytes.1 as u64;
        if bytes.0 != bytes.1 {
            s.gzipped += 1;
        }
        s.entities_served += ids.len() as u64;
        for q in ids {
            *s.served_per_id.entry(format!("Q{q}")).or_insert(0) += 1;
        }
        if kind == Kind::Preflight {
            s.preflight += 1;
        }
    }
}

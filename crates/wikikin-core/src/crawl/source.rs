//! Where a request's answer comes from: the entity JSON (`wbgetentities` or
//! `Special:EntityData`), or the SPARQL query service's family records
//! ([`crate::FetchMode::Sparql`]). A query that fails, times out, is unreadable or too large —
//! and the people it knows nothing of — fall back to the entity JSON; the result says so.

use super::{Crawl, Request, RequestId};
use crate::config::FetchMode;
use crate::outcome::{Failure, Fallback, FallbackWhy};
use crate::sparql::{parse_people, people_query, sparql_url};
use crate::web::entities_url;
use crate::Qid;

/// What a request reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Entities,
    Sparql,
}

impl Crawl {
    /// Whether requests go to the query service now.
    fn querying(&self) -> bool {
        self.config.fetch == FetchMode::Sparql && self.config.sparql.is_some() && !self.switched
    }

    /// Free slots as the source allows: a few queries at most.
    pub(super) fn slots_for_source(&self, free_slots: usize) -> usize {
        if self.querying() {
            let queries = self
                .sources
                .values()
                .filter(|s| **s == Source::Sparql)
                .count();
            free_slots.min(self.config.sparql_in_flight.saturating_sub(queries))
        } else {
            free_slots
        }
    }

    /// Notes each new request's source.
    pub(super) fn assign_sources(&mut self, requests: &[Request]) {
        let querying = self.querying();
        for r in requests {
            let source = if querying && !r.qids.iter().any(|q| self.json_ids.contains(q)) {
                Source::Sparql
            } else {
                Source::Entities
            };
            self.sources.insert(r.id, source);
        }
    }

    /// The URL to GET for a request (a CORS-simple GET: no custom headers needed).
    pub fn url(&self, endpoint_base: &str, req: &Request) -> String {
        match (self.sources.get(&req.id), &self.config.sparql) {
            (Some(Source::Sparql), Some(endpoint)) => {
                let q = people_query(
                    &req.qids,
                    &self.config.languages,
                    &self.config.props,
                    &self.config.iris,
                );
                sparql_url(endpoint, &q)
            }
            _ => {
                let fetch = match self.config.fetch {
                    FetchMode::EntityData => FetchMode::EntityData,
                    _ => FetchMode::GetEntities,
                };
                entities_url(endpoint_base, fetch, &req.qids, &self.config.languages)
            }
        }
    }

    /// A query's answer: applied, or fallen back from. Returns false when the answer was not
    /// a query's (the caller applies it as entity JSON).
    pub(super) fn query_answered(
        &mut self,
        id: RequestId,
        asked: &[Qid],
        chain: u32,
        status: u16,
        body: &[u8],
    ) -> bool {
        if self.sources.remove(&id) != Some(Source::Sparql) {
            return false;
        }
        match status {
            429 | 503 => return false, // waited for like any other 429/503
            200..=299 => {}
            _ => {
                self.fall_back(asked, FallbackWhy::Status(status), true);
                return true;
            }
        }
        if body.len() > self.config.sparql_max_bytes {
            self.fall_back(asked, FallbackWhy::TooLarge { bytes: body.len() }, true);
            return true;
        }
        let parsed = parse_people(
            body,
            asked,
            &self.config.languages,
            &self.config.props,
            &self.config.iris,
        );
        match parsed {
            Err(e) => self.fall_back(asked, FallbackWhy::Unreadable(e.to_string()), true),
            Ok(mut parsed) => {
                let unknown = std::mem::take(&mut parsed.missing);
                let known: Vec<Qid> = asked
                    .iter()
                    .copied()
                    .filter(|q| !unknown.contains(q))
                    .collect();
                self.apply_parsed(&known, chain, parsed, body.len());
                if !unknown.is_empty() {
                    self.fall_back(&unknown, FallbackWhy::Unknown, false);
                }
            }
        }
        true
    }

    /// A query without an answer: timeouts and network errors fall back at once (the query
    /// service is slow or down; the entity JSON is another server). False: not a query's.
    pub(super) fn query_failed(&mut self, id: RequestId, asked: &[Qid], failure: &Failure) -> bool {
        if self.sources.remove(&id) != Some(Source::Sparql) {
            return false;
        }
        match failure {
            Failure::Timeout => self.fall_back(asked, FallbackWhy::Timeout, true),
            Failure::Network(m) => self.fall_back(asked, FallbackWhy::Network(m.clone()), true),
            Failure::Aborted => return false,
        }
        true
    }

    /// These people are asked again from the entity JSON; with `all`, every later request too.
    fn fall_back(&mut self, ids: &[Qid], why: FallbackWhy, all: bool) {
        if all {
            self.switched = true;
        }
        // Queries in flight together fail together: one note for them.
        match self.fallbacks.iter_mut().find(|f| f.why == why) {
            Some(f) => f.people += ids.len(),
            None => self.fallbacks.push(Fallback {
                why,
                people: ids.len(),
            }),
        }
        for q in ids {
            self.json_ids.insert(*q);
            self.sched.requeue(*q);
        }
    }
}

//! Where a request's answer comes from: the entity JSON (`wbgetentities` or
//! `Special:EntityData`), or the SPARQL query service's family records
//! ([`crate::FetchMode::Sparql`]). A query that fails, times out, is unreadable or too large —
//! and the people it knows nothing of — fall back to the entity JSON; the result says so.
//!
//! [`Source`] owns all of it: what each request in flight reads ([`Via`]), the one flag saying
//! whether requests still go to the query service, the lineage queries still to send, and the
//! fallbacks noted.

use super::question::LineageQuery;
use super::scheduler::Scheduler;
use super::{Request, RequestId};
use crate::config::{CrawlConfig, FetchMode};
use crate::graph::{Map, Set};
use crate::http::HttpCall;
use crate::outcome::{Fallback, FallbackWhy, RequestFailure};
use crate::sparql::{lineage_query, parse_people_rows, people_query, sparql_call, Lineage};
use crate::web::entities_url;
use crate::{Parsed, Qid};

/// What a request reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Via {
    Entities,
    /// The query service's records of the request's people.
    Records,
    /// Everyone up or down from the request's people, `depth` generations.
    Lineage(Lineage, u32),
}

/// A query service's answer, read (see [`Source::query_answered`]).
pub(crate) enum QueryAnswer {
    /// Not a query's: the caller applies it as entity JSON (or as a 429/503 to wait for).
    NotQuery,
    /// Fallen back from, or asked again in parts: nothing to apply.
    Handled,
    /// Records to apply for `known` (`partial`: a lineage query's); then the `unknown` people
    /// are asked from the entity JSON.
    Records {
        known: Vec<Qid>,
        parsed: Parsed,
        partial: bool,
        unknown: Vec<Qid>,
    },
}

/// Where answers come from (see the module docs).
pub(crate) struct Source {
    /// Requests go to the query service (until it fails: then to the entity JSON, for good).
    querying: bool,
    /// What each request in flight reads.
    via: Map<RequestId, Via>,
    /// People the query service could not give: asked from the entity JSON.
    json_ids: Set<Qid>,
    /// The lineage queries still to send, last first.
    lineage: Vec<LineageQuery>,
    /// Query answers too large to read that were asked again in smaller parts.
    split_queries: usize,
    fallbacks: Vec<Fallback>,
}

impl Source {
    /// Reading the query service, the question's lineage queries go first.
    pub(crate) fn new(config: &CrawlConfig, lineage: &[LineageQuery]) -> Source {
        let querying = config.fetch == FetchMode::Sparql && config.sparql.is_some();
        Source {
            querying,
            via: Map::default(),
            json_ids: Set::default(),
            lineage: if querying {
                lineage.to_vec()
            } else {
                Vec::new()
            },
            split_queries: 0,
            fallbacks: Vec::new(),
        }
    }

    /// Whether requests go to the query service now.
    pub(crate) fn querying(&self) -> bool {
        self.querying
    }

    pub(crate) fn split_queries(&self) -> usize {
        self.split_queries
    }

    pub(crate) fn fallbacks(&self) -> &[Fallback] {
        &self.fallbacks
    }

    /// Forgets what a request read (its answer is ignored).
    pub(crate) fn forget(&mut self, id: RequestId) {
        self.via.remove(&id);
    }

    /// Free slots as the source allows: a few queries at most.
    pub(crate) fn slots(&self, config: &CrawlConfig, free_slots: usize) -> usize {
        if self.querying {
            let queries = self.via.values().filter(|s| **s != Via::Entities).count();
            free_slots.min(config.sparql_in_flight.saturating_sub(queries))
        } else {
            free_slots
        }
    }

    /// The lineage queries, first (each its own request, up to `free_slots`).
    pub(crate) fn send_lineage(
        &mut self,
        sched: &mut Scheduler,
        free_slots: usize,
    ) -> Vec<Request> {
        let mut out = Vec::new();
        if !self.querying {
            self.lineage.clear();
            return out;
        }
        while out.len() < free_slots {
            let Some(l) = self.lineage.pop() else { break };
            if let Some(r) = sched.send_now(&l.ids) {
                self.via.insert(r.id, Via::Lineage(l.way, l.depth));
                out.push(r);
            }
        }
        out
    }

    /// Notes each new request's source.
    pub(crate) fn assign(&mut self, requests: &[Request]) {
        for r in requests {
            let via = if self.querying && !r.qids.iter().any(|q| self.json_ids.contains(q)) {
                Via::Records
            } else {
                Via::Entities
            };
            self.via.insert(r.id, via);
        }
    }

    /// The HTTP request to make for a request: CORS-simple, no custom headers needed. Entity
    /// JSON is always a GET; a query is a GET while its URL stays short, else a form POST.
    pub(crate) fn call(
        &self,
        config: &CrawlConfig,
        endpoint_base: &str,
        req: &Request,
    ) -> HttpCall {
        match (self.via.get(&req.id), &config.sparql) {
            (Some(Via::Lineage(way, depth)), Some(endpoint)) => {
                let q = lineage_query(
                    &req.qids,
                    *way,
                    *depth,
                    Some(lineage_row_limit(config)),
                    &config.languages,
                    &config.props,
                    &config.iris,
                );
                sparql_call(endpoint, &q)
            }
            (Some(Via::Records), Some(endpoint)) => {
                let q = people_query(&req.qids, &config.languages, &config.props, &config.iris);
                sparql_call(endpoint, &q)
            }
            _ => {
                let fetch = match config.fetch {
                    FetchMode::EntityData => FetchMode::EntityData,
                    _ => FetchMode::GetEntities,
                };
                HttpCall::get(entities_url(
                    endpoint_base,
                    fetch,
                    &req.qids,
                    &config.languages,
                ))
            }
        }
    }

    /// A query's answer: read, or fallen back from. `loads_all`: everyone a descendants
    /// lineage query brings is wanted (the descendants question).
    pub(crate) fn query_answered(
        &mut self,
        sched: &mut Scheduler,
        config: &CrawlConfig,
        loads_all: bool,
        (id, asked): (RequestId, &[Qid]),
        status: u16,
        body: &[u8],
    ) -> QueryAnswer {
        let via = self.via.remove(&id);
        let lineage = matches!(via, Some(Via::Lineage(..)));
        if !matches!(via, Some(Via::Records | Via::Lineage(..))) {
            return QueryAnswer::NotQuery;
        }
        match status {
            // Waited for like any other 429/503 (Retry-After honoured exactly) — but when the
            // query service keeps refusing, the entity JSON (another server) is asked instead.
            429 | 503 if asked.iter().any(|q| sched.last_attempt(*q)) => {
                self.fall_back(sched, asked, FallbackWhy::Status(status), true);
                return QueryAnswer::Handled;
            }
            429 | 503 => return QueryAnswer::NotQuery,
            200..=299 => {}
            _ => {
                self.fall_back(sched, asked, FallbackWhy::Status(status), true);
                return QueryAnswer::Handled;
            }
        }
        if body.len() > config.sparql_max_bytes {
            self.too_large(sched, asked, lineage, body.len());
            return QueryAnswer::Handled;
        }
        let parsed = parse_people_rows(body, asked, &config.languages, &config.props, &config.iris);
        match parsed {
            Err(e) => {
                self.fall_back(sched, asked, FallbackWhy::Unreadable(e.to_string()), true);
                QueryAnswer::Handled
            }
            Ok((_, rows)) if lineage && rows >= lineage_row_limit(config) => {
                // Cut short by its LIMIT: as good as too large.
                self.too_large(sched, asked, lineage, body.len());
                QueryAnswer::Handled
            }
            Ok((mut parsed, _)) => {
                let unknown = std::mem::take(&mut parsed.missing);
                let mut known: Vec<Qid> = asked
                    .iter()
                    .copied()
                    .filter(|q| !unknown.contains(q))
                    .collect();
                // Asking for all descendants, everyone the lineage brought is one of them.
                if matches!(via, Some(Via::Lineage(Lineage::Descendants, _))) && loads_all {
                    known.extend(parsed.persons.iter().map(|p| p.id));
                }
                QueryAnswer::Records {
                    known,
                    parsed,
                    partial: lineage,
                    unknown,
                }
            }
        }
    }

    /// A query's answer too large to read. Too large is this query's fault, not the service's:
    /// a lineage is asked again generation by generation (the people as records of their own,
    /// in batches), several people's records in smaller batches; only a single person's
    /// record too large is read from the entity JSON instead.
    fn too_large(&mut self, sched: &mut Scheduler, asked: &[Qid], lineage: bool, bytes: usize) {
        if lineage || asked.len() > 1 {
            if !lineage {
                sched.shrink_query_batch(asked.len() / 2);
            }
            self.split_queries += 1;
            for &q in asked {
                sched.requeue(q);
            }
            return;
        }
        self.fall_back(sched, asked, FallbackWhy::TooLarge { bytes }, false);
    }

    /// A query without an answer: timeouts and network errors fall back at once (the query
    /// service is slow or down; the entity JSON is another server). False: not a query's.
    pub(crate) fn query_failed(
        &mut self,
        sched: &mut Scheduler,
        (id, asked): (RequestId, &[Qid]),
        failure: &RequestFailure,
    ) -> bool {
        if !matches!(self.via.remove(&id), Some(Via::Records | Via::Lineage(..))) {
            return false;
        }
        match failure {
            RequestFailure::Timeout => self.fall_back(sched, asked, FallbackWhy::Timeout, true),
            RequestFailure::Network(m) => {
                self.fall_back(sched, asked, FallbackWhy::Network(m.clone()), true)
            }
            RequestFailure::Aborted => return false,
        }
        true
    }

    /// These people are asked again from the entity JSON; with `all`, every later request too.
    pub(crate) fn fall_back(
        &mut self,
        sched: &mut Scheduler,
        ids: &[Qid],
        why: FallbackWhy,
        all: bool,
    ) {
        let why_unknown = why == FallbackWhy::Unknown;
        if all {
            self.querying = false;
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
            if all || why_unknown {
                self.json_ids.insert(*q);
            }
            sched.requeue(*q);
        }
    }
}

/// Rows a lineage query may return: past them, its answer would be larger than
/// `sparql_max_bytes` (a row takes at least ~150 bytes of JSON), so the query service can
/// stop early and the answer stays about that size at most.
fn lineage_row_limit(config: &CrawlConfig) -> usize {
    (config.sparql_max_bytes / 150).max(1)
}

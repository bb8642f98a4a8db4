//! Where a request's answer comes from: the entity JSON (`wbgetentities` or
//! `Special:EntityData`), or the SPARQL query service's family records
//! ([`crate::FetchMode::Sparql`]). A query that fails, times out, is unreadable or too large —
//! and the people it knows nothing of — fall back to the entity JSON; the result says so.

use super::{Crawl, Request, RequestId};
use crate::config::FetchMode;
use crate::http::HttpCall;
use crate::outcome::{Failure, Fallback, FallbackWhy};
use crate::sparql::{lines_query, parse_people_rows, people_query, sparql_call, Lines};
use crate::web::entities_url;
use crate::Qid;

/// What a request reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Entities,
    Sparql,
    /// The whole lines up or down from the request's people, `depth` generations.
    Lines(Lines, u32),
}

/// A query for whole lines, sent before anything else when the crawl reads the query service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LinesQuery {
    pub(crate) lines: Lines,
    pub(crate) ids: Vec<Qid>,
    pub(crate) depth: u32,
}

impl Crawl {
    /// Whether requests go to the query service now.
    pub(super) fn querying(&self) -> bool {
        self.config.fetch == FetchMode::Sparql && self.config.sparql.is_some() && !self.switched
    }

    /// Free slots as the source allows: a few queries at most.
    pub(super) fn slots_for_source(&self, free_slots: usize) -> usize {
        if self.querying() {
            let queries = self
                .sources
                .values()
                .filter(|s| **s != Source::Entities)
                .count();
            free_slots.min(self.config.sparql_in_flight.saturating_sub(queries))
        } else {
            free_slots
        }
    }

    /// Reading the query service: relating, the ancestry of everyone asked in one query;
    /// exploring, the descendants of the roots and the ancestry of the targets (half the degree
    /// limit up, as the climb from them goes).
    pub(super) fn plan_lines(&mut self) {
        if !self.querying() || self.invalid.is_some() {
            return;
        }
        let max = self.config.max_generations;
        let targets = self.search.targets().to_vec();
        if let crate::Question::Descendants { .. } = self.config.question {
            self.lines.push(LinesQuery {
                lines: Lines::Descendants,
                ids: self.people.clone(),
                depth: max,
            });
            return;
        }
        if matches!(self.config.question, crate::Question::Relate { .. }) {
            self.lines.push(LinesQuery {
                lines: Lines::Ancestors,
                ids: self.people.clone(),
                depth: max,
            });
        } else {
            if !targets.is_empty() {
                self.lines.push(LinesQuery {
                    lines: Lines::Ancestors,
                    ids: targets,
                    depth: max.div_ceil(2),
                });
            }
            self.lines.push(LinesQuery {
                lines: Lines::Descendants,
                ids: self.people.clone(),
                depth: max,
            });
        }
    }

    /// The whole-lines queries, first (each its own request, up to `free_slots`).
    pub(super) fn send_lines(&mut self, free_slots: usize) -> Vec<Request> {
        let mut out = Vec::new();
        if !self.querying() {
            self.lines.clear();
            return out;
        }
        while out.len() < free_slots {
            let Some(l) = self.lines.pop() else { break };
            if let Some(r) = self.sched.send_now(&l.ids) {
                self.sources.insert(r.id, Source::Lines(l.lines, l.depth));
                out.push(r);
            }
        }
        out
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

    /// The URL of a request (a POST's form appended as its query string; see [`Crawl::call`]).
    pub fn url(&self, endpoint_base: &str, req: &Request) -> String {
        self.call(endpoint_base, req).as_get_url()
    }

    /// The HTTP request to make for a request: CORS-simple, no custom headers needed. Entity
    /// JSON is always a GET; a query is a GET while its URL stays short, else a form POST.
    pub fn call(&self, endpoint_base: &str, req: &Request) -> HttpCall {
        match (self.sources.get(&req.id), &self.config.sparql) {
            (Some(Source::Lines(lines, depth)), Some(endpoint)) => {
                let q = lines_query(
                    &req.qids,
                    *lines,
                    *depth,
                    Some(self.lines_row_limit()),
                    &self.config.languages,
                    &self.config.props,
                    &self.config.iris,
                );
                sparql_call(endpoint, &q)
            }
            (Some(Source::Sparql), Some(endpoint)) => {
                let q = people_query(
                    &req.qids,
                    &self.config.languages,
                    &self.config.props,
                    &self.config.iris,
                );
                sparql_call(endpoint, &q)
            }
            _ => {
                let fetch = match self.config.fetch {
                    FetchMode::EntityData => FetchMode::EntityData,
                    _ => FetchMode::GetEntities,
                };
                HttpCall::get(entities_url(
                    endpoint_base,
                    fetch,
                    &req.qids,
                    &self.config.languages,
                ))
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
        let source = self.sources.remove(&id);
        let lines = matches!(source, Some(Source::Lines(..)));
        if !matches!(source, Some(Source::Sparql | Source::Lines(..))) {
            return false;
        }
        match status {
            // Waited for like any other 429/503 (Retry-After honoured exactly) — but when the
            // query service keeps refusing, the entity JSON (another server) is asked instead.
            429 | 503 if asked.iter().any(|q| self.sched.last_attempt(*q)) => {
                self.fall_back(asked, FallbackWhy::Status(status), true);
                return true;
            }
            429 | 503 => return false,
            200..=299 => {}
            _ => {
                self.fall_back(asked, FallbackWhy::Status(status), true);
                return true;
            }
        }
        if body.len() > self.config.sparql_max_bytes {
            self.too_large(asked, lines, body.len());
            return true;
        }
        let parsed = parse_people_rows(
            body,
            asked,
            &self.config.languages,
            &self.config.props,
            &self.config.iris,
        );
        match parsed {
            Err(e) => self.fall_back(asked, FallbackWhy::Unreadable(e.to_string()), true),
            Ok((_, rows)) if lines && rows >= self.lines_row_limit() => {
                // Cut short by its LIMIT: as good as too large.
                self.too_large(asked, lines, body.len());
            }
            Ok((mut parsed, _)) => {
                let unknown = std::mem::take(&mut parsed.missing);
                let mut known: Vec<Qid> = asked
                    .iter()
                    .copied()
                    .filter(|q| !unknown.contains(q))
                    .collect();
                // Asking for all descendants, everyone the lines brought is one of them: loaded.
                if matches!(source, Some(Source::Lines(Lines::Descendants, _)))
                    && matches!(self.config.question, crate::Question::Descendants { .. })
                {
                    known.extend(parsed.persons.iter().map(|p| p.id));
                }
                self.apply_parsed(&known, chain, parsed, body.len(), lines);
                if !unknown.is_empty() {
                    self.fall_back(&unknown, FallbackWhy::Unknown, false);
                }
            }
        }
        true
    }

    /// Rows a whole-lines query may return: past them, its answer would be larger than
    /// `sparql_max_bytes` (a row takes at least ~150 bytes of JSON), so the query service can
    /// stop early and the answer stays about that size at most.
    fn lines_row_limit(&self) -> usize {
        (self.config.sparql_max_bytes / 150).max(1)
    }

    /// A query's answer too large to read. Too large is this query's fault, not the service's:
    /// whole lines are asked again generation by generation (the people as records of their
    /// own, in batches), several people's records in smaller batches; only a single person's
    /// record too large is read from the entity JSON instead.
    fn too_large(&mut self, asked: &[Qid], lines: bool, bytes: usize) {
        if lines || asked.len() > 1 {
            if !lines {
                self.sched.shrink_query_batch(asked.len() / 2);
            }
            self.split_queries += 1;
            for &q in asked {
                self.sched.requeue(q);
            }
            return;
        }
        self.fall_back(asked, FallbackWhy::TooLarge { bytes }, false);
    }

    /// A query without an answer: timeouts and network errors fall back at once (the query
    /// service is slow or down; the entity JSON is another server). False: not a query's.
    pub(super) fn query_failed(&mut self, id: RequestId, asked: &[Qid], failure: &Failure) -> bool {
        if !matches!(
            self.sources.remove(&id),
            Some(Source::Sparql | Source::Lines(..))
        ) {
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
        let why_unknown = why == FallbackWhy::Unknown;
        if all {
            self.switched = true;
            self.sched.stop_querying();
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
            self.sched.requeue(*q);
        }
    }
}

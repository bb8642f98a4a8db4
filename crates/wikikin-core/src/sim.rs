//! A simulated network for tests and benchmarks: a discrete-event simulation in virtual time
//! with per-request latency (plus seeded jitter), per-response bandwidth, failures, a timeout and
//! a cap on requests in flight. Bodies come from a closure (e.g. a replica's `respond`).

use crate::crawl::{Crawl, Request};
use crate::http::HttpCall;
use crate::outcome::{Outcome, RequestFailure};
use crate::{Person, Qid, Sex};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

/// Network settings.
#[derive(Clone, Debug, PartialEq)]
pub struct SimConfig {
    /// Round-trip latency of every request.
    pub latency_ms: f64,
    /// Uniform extra latency in `[0, jitter_ms)`, from `seed`.
    pub jitter_ms: f64,
    pub seed: u64,
    /// Download speed of each response (responses do not share it); `None`: instant.
    pub bytes_per_ms: Option<f64>,
    /// The cap on requests in flight (the app's politeness limit).
    pub max_in_flight: usize,
    /// A request without an answer by then fails with [`RequestFailure::Timeout`].
    pub timeout_ms: f64,
    /// The endpoint the URLs are built for.
    pub endpoint: String,
    /// Server time of a query-service request, added to its latency.
    pub sparql_ms: f64,
    /// Cancel the crawl at this virtual time.
    pub cancel_at_ms: Option<f64>,
    /// Safety bound on simulation steps.
    pub max_steps: usize,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            latency_ms: 100.0,
            jitter_ms: 0.0,
            sparql_ms: 0.0,
            seed: 1,
            bytes_per_ms: None,
            max_in_flight: 6,
            timeout_ms: 30_000.0,
            endpoint: crate::DEFAULT_ENDPOINT.to_string(),
            cancel_at_ms: None,
            max_steps: 10_000_000,
        }
    }
}

/// What the simulated server does with one request.
#[derive(Clone, Debug, PartialEq)]
pub enum SimReply {
    Http {
        status: u16,
        retry_after: Option<String>,
        body: Vec<u8>,
    },
    /// The connection fails after the latency.
    NetworkError(String),
    /// No answer: the request times out.
    Timeout,
}

impl SimReply {
    /// `200 OK` with this body.
    pub fn ok(body: impl Into<Vec<u8>>) -> SimReply {
        SimReply::Http {
            status: 200,
            retry_after: None,
            body: body.into(),
        }
    }

    /// A bodiless answer with this status.
    pub fn status(status: u16) -> SimReply {
        SimReply::Http {
            status,
            retry_after: None,
            body: Vec::new(),
        }
    }
}

/// One request as the server sees it.
#[derive(Clone, Copy, Debug)]
pub struct SimRequest<'a> {
    pub request: &'a Request,
    /// The request as one URL (a POST's form appended as its query string).
    pub url: &'a str,
    /// The request as the browser makes it (GET, or a form-encoded POST).
    pub call: &'a HttpCall,
    pub now_ms: f64,
}

impl SimRequest<'_> {
    /// The request as a server sees it: method, path and query (after `endpoint`), and a
    /// POST's form-encoded body.
    pub fn target<'s>(&'s self, endpoint: &str) -> (&'static str, &'s str, Option<&'s str>) {
        let url = self.call.url.as_str();
        (
            self.call.method(),
            url.strip_prefix(endpoint).unwrap_or(url),
            self.call.form.as_deref(),
        )
    }
}

/// What a simulated crawl cost.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SimReport {
    /// Virtual time when the crawl ended.
    pub wall_ms: f64,
    /// The longest chain of requests each needing a previous answer.
    pub levels: u32,
    pub requests: usize,
    pub bytes: u64,
    /// Entities fetched over the network.
    pub entities_fetched: usize,
    /// Most requests in flight at once.
    pub max_in_flight: usize,
    /// How many successful (2xx) answers named each id in their request.
    pub answered: BTreeMap<Qid, u32>,
    /// Every URL requested, in order (a POST's form appended as its query string).
    pub urls: Vec<String>,
    pub outcome: Option<Outcome>,
    /// The simulation ran out of things to do before the crawl said it was done.
    pub stalled: bool,
}

impl SimReport {
    /// wall / (levels × latency): 1.0 means every level cost exactly one round trip.
    pub fn efficiency(&self, latency_ms: f64) -> f64 {
        if self.levels == 0 || latency_ms <= 0.0 {
            return 0.0;
        }
        self.wall_ms / (f64::from(self.levels) * latency_ms)
    }
}

/// splitmix64: a small seeded generator, enough for jitter.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

enum Delivery {
    Http {
        status: u16,
        retry_after: Option<String>,
        body: Vec<u8>,
    },
    Fail(RequestFailure),
}

struct Event {
    at: f64,
    seq: u64,
    request: Request,
    delivery: Delivery,
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Event {}
impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Event {
    /// Reversed: the heap pops the earliest event first.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .at
            .total_cmp(&self.at)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

/// Runs a crawl to its end on the simulated network.
pub fn run<F>(crawl: &mut Crawl, cfg: &SimConfig, mut server: F) -> SimReport
where
    F: FnMut(&SimRequest) -> SimReply,
{
    let mut rng = Rng::new(cfg.seed);
    let mut heap: BinaryHeap<Event> = BinaryHeap::new();
    let mut report = SimReport::default();
    let mut t = 0.0f64;
    let mut seq = 0u64;
    let mut cancelled = false;
    for _ in 0..cfg.max_steps {
        if let Some(c) = cfg.cancel_at_ms {
            if !cancelled && t >= c {
                crawl.cancel();
                cancelled = true;
                // The app aborts every request in flight.
                for e in heap.drain() {
                    crawl.on_failure(e.request.id, t, RequestFailure::Aborted);
                }
            }
        }
        if crawl.outcome().is_some() {
            break;
        }
        let free = cfg.max_in_flight.saturating_sub(heap.len());
        for request in crawl.poll(t, free) {
            let call = crawl.call(&cfg.endpoint, &request);
            let url = call.as_get_url();
            report.urls.push(url.clone());
            report.requests += 1;
            let reply = server(&SimRequest {
                request: &request,
                url: &url,
                call: &call,
                now_ms: t,
            });
            let server_time = if call.query {
                cfg.sparql_ms.max(0.0)
            } else {
                0.0
            };
            let latency =
                cfg.latency_ms.max(0.0) + rng.next_f64() * cfg.jitter_ms.max(0.0) + server_time;
            let (mut at, delivery) = match reply {
                SimReply::Http {
                    status,
                    retry_after,
                    body,
                } => {
                    let transfer = cfg
                        .bytes_per_ms
                        .filter(|b| *b > 0.0)
                        .map_or(0.0, |b| body.len() as f64 / b);
                    (
                        t + latency + transfer,
                        Delivery::Http {
                            status,
                            retry_after,
                            body,
                        },
                    )
                }
                SimReply::NetworkError(m) => {
                    (t + latency, Delivery::Fail(RequestFailure::Network(m)))
                }
                SimReply::Timeout => (t + cfg.timeout_ms, Delivery::Fail(RequestFailure::Timeout)),
            };
            let mut delivery = delivery;
            if at - t > cfg.timeout_ms {
                at = t + cfg.timeout_ms;
                delivery = Delivery::Fail(RequestFailure::Timeout);
            }
            seq += 1;
            heap.push(Event {
                at,
                seq,
                request,
                delivery,
            });
            report.max_in_flight = report.max_in_flight.max(heap.len());
        }
        // The next moment something happens.
        let next_event = heap.peek().map(|e| e.at);
        let wake = crawl.next_wake().filter(|w| *w > t);
        let cancel = cfg.cancel_at_ms.filter(|c| !cancelled && *c > t);
        let next = [next_event, wake, cancel]
            .into_iter()
            .flatten()
            .fold(None, |acc: Option<f64>, x| {
                Some(acc.map_or(x, |a| a.min(x)))
            });
        let Some(next) = next else {
            report.stalled = crawl.outcome().is_none();
            break;
        };
        t = t.max(next);
        if heap.peek().is_some_and(|e| e.at <= t) {
            if let Some(e) = heap.pop() {
                match e.delivery {
                    Delivery::Http {
                        status,
                        retry_after,
                        body,
                    } => {
                        report.bytes += body.len() as u64;
                        if (200..300).contains(&status) {
                            for q in &e.request.qids {
                                *report.answered.entry(*q).or_insert(0) += 1;
                            }
                        }
                        crawl.on_response(e.request.id, t, status, retry_after.as_deref(), &body);
                    }
                    Delivery::Fail(f) => crawl.on_failure(e.request.id, t, f),
                }
            }
        }
    }
    let p = crawl.progress();
    report.wall_ms = t;
    report.levels = p.chain;
    report.entities_fetched = p.fetched;
    report.outcome = crawl.outcome();
    report
}

// ---------------------------------------------------------------------------------------------
// Building entity JSON for hand-made families (tests, benchmarks).

fn item_claim(prop: &str, q: Qid) -> String {
    format!(
        r#"{{"mainsnak":{{"snaktype":"value","property":"{prop}","datavalue":{{"value":{{"entity-type":"item","numeric-id":{n},"id":"{q}"}},"type":"wikibase-entityid"}},"datatype":"wikibase-item"}},"type":"statement","rank":"normal"}}"#,
        n = q.0
    )
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// One entity in Wikidata's JSON shape (labels in English, the family statements, sex, dates).
pub fn entity_json(p: &Person) -> String {
    let mut claims: Vec<String> = Vec::new();
    let mut add = |prop: &str, qs: &[Qid]| {
        if !qs.is_empty() {
            let list: Vec<String> = qs.iter().map(|q| item_claim(prop, *q)).collect();
            claims.push(format!(r#""{prop}":[{}]"#, list.join(",")));
        }
    };
    let sex = match p.sex {
        Sex::Male => vec![Qid(6581097)],
        Sex::Female => vec![Qid(6581072)],
        Sex::Unknown => vec![],
    };
    add("P21", &sex);
    add("P22", &p.fathers);
    add("P25", &p.mothers);
    add("P40", &p.children);
    add("P26", &p.spouses);
    for (prop, d) in [("P569", p.birth), ("P570", p.death)] {
        if let Some(d) = d {
            let precision = match d.precision {
                crate::Precision::Century => 7,
                crate::Precision::Decade => 8,
                crate::Precision::Year => 9,
                crate::Precision::Month => 10,
                crate::Precision::Day => 11,
            };
            let sign = if d.year < 0 { '-' } else { '+' };
            claims.push(format!(
                r#""{prop}":[{{"mainsnak":{{"snaktype":"value","property":"{prop}","datavalue":{{"value":{{"time":"{sign}{:04}-{:02}-{:02}T00:00:00Z","timezone":0,"before":0,"after":0,"precision":{precision},"calendarmodel":"http://www.wikidata.org/entity/Q1985727"}},"type":"time"}},"datatype":"time"}},"type":"statement","rank":"normal"}}]"#,
                d.year.unsigned_abs(),
                d.month,
                d.day
            ));
        }
    }
    let label = p
        .label
        .as_ref()
        .map(|l| format!(r#""en":{{"language":"en","value":{}}}"#, json_string(l)))
        .unwrap_or_default();
    let desc = p
        .description
        .as_ref()
        .map(|l| format!(r#""en":{{"language":"en","value":{}}}"#, json_string(l)))
        .unwrap_or_default();
    format!(
        r#"{{"type":"item","id":"{}","labels":{{{label}}},"descriptions":{{{desc}}},"aliases":{{}},"claims":{{{}}},"sitelinks":{{}}}}"#,
        p.id,
        claims.join(",")
    )
}

/// A whole response (`{"entities":{…}}`, with `"success":1` for the wbgetentities shape).
pub fn response_json(persons: &[&Person], missing: &[Qid]) -> Vec<u8> {
    let mut parts: Vec<String> = persons
        .iter()
        .map(|p| format!(r#""{}":{}"#, p.id, entity_json(p)))
        .collect();
    parts.extend(
        missing
            .iter()
            .map(|q| format!(r#""{q}":{{"id":"{q}","missing":""}}"#)),
    );
    format!(r#"{{"entities":{{{}}},"success":1}}"#, parts.join(",")).into_bytes()
}

/// A server closure over a family held in memory: answers every request with the people it
/// knows and `missing` for the rest.
pub fn family_server(family: &[Person]) -> impl FnMut(&SimRequest) -> SimReply + '_ {
    let by_id: BTreeMap<Qid, &Person> = family.iter().map(|p| (p.id, p)).collect();
    move |r: &SimRequest| {
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for q in &r.request.qids {
            match by_id.get(q) {
                Some(p) => found.push(*p),
                None => missing.push(*q),
            }
        }
        SimReply::ok(response_json(&found, &missing))
    }
}

//! A local stand-in for the parts of Wikidata that wikikin uses.
//!
//! [`Replica`] holds a compact genealogy (from a GEDCOM file or generated) and answers requests
//! with [`Replica::respond`]: pure routing, no latency or faults, the same code the HTTP server
//! in [`server`] calls. Native tests elsewhere use `respond` directly as a simulated network.
//!
//! ```no_run
//! use wikidata_replica::{Options, Replica};
//! let r = Replica::from_gedcom_path(
//!     "../shared/data/royal92.ged".as_ref(),
//!     Some("../shared/data/royal92-qids.csv".as_ref()),
//!     Options::default(),
//! ).unwrap();
//! let resp = r.respond("GET", "/wiki/Special:EntityData/Q9682.json");
//! assert_eq!(resp.status, 200);
//! ```

pub mod json;
pub mod model;
pub mod render;
mod search;
pub mod server;
pub mod synthetic;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, OnceLock};

use model::{mix2, parse_qid, quirk, Data};
pub use render::{Langs, Payload, Props};
use search::SearchIndex;

/// Data options (network emulation is in [`server::NetOptions`]).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub payload: Payload,
    /// Add Wikidata's mess deterministically (see the README).
    pub quirks: bool,
    /// Seed for quirks (and, for `synthetic`, the data).
    pub seed: u64,
    /// `(Q-id, megabytes)`: pad that entity to about that size.
    pub big_entities: Vec<(String, f64)>,
}

/// An answer built by [`Replica::prepare`], not yet counted as served.
#[derive(Debug)]
pub struct Prepared {
    kind: Kind,
    ids: Vec<u32>,
    response: Response,
}

/// An HTTP-like response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Body as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Body parsed as JSON.
    pub fn json(&self) -> Result<serde_json::Value, String> {
        serde_json::from_slice(&self.body).map_err(|e| format!("response is not JSON: {e}"))
    }
}

/// A row of `/__replica/people`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSummary {
    pub gedcom_id: String,
    pub qid: String,
    pub label: String,
}

/// Which endpoint a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    EntityData,
    GetEntities,
    SearchEntities,
    Api,
    FilePath,
    Preflight,
    Control,
    Other,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::EntityData => "entitydata",
            Kind::GetEntities => "wbgetentities",
            Kind::SearchEntities => "wbsearchentities",
            Kind::Api => "api",
            Kind::FilePath => "filepath",
            Kind::Preflight => "preflight",
            Kind::Control => "control",
            Kind::Other => "other",
        }
    }

    /// Data endpoints get latency and faults; control endpoints do not.
    pub fn is_data(self) -> bool {
        !matches!(self, Kind::Control | Kind::Preflight)
    }

    pub fn of(method: &str, path_and_query: &str) -> Kind {
        if method.eq_ignore_ascii_case("OPTIONS") {
            return Kind::Preflight;
        }
        let (path, query) = split_query(path_and_query);
        if path.starts_with("/__replica/") {
            Kind::Control
        } else if path.starts_with("/wiki/Special:EntityData/") {
            Kind::EntityData
        } else if path.starts_with("/wiki/Special:FilePath/") {
            Kind::FilePath
        } else if path == "/w/api.php" {
            match param(query, "action").as_deref() {
                Some("wbgetentities") => Kind::GetEntities,
                Some("wbsearchentities") => Kind::SearchEntities,
                _ => Kind::Api,
            }
        } else {
            Kind::Other
        }
    }
}

/// Counters behind `/__replica/stats`.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub requests: u64,
    pub by_kind: BTreeMap<&'static str, u64>,
    pub by_status: BTreeMap<u16, u64>,
    pub bytes_sent: u64,
    pub entities_served: u64,
    pub served_per_id: HashMap<String, u64>,
    pub preflight: u64,
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
            "entities_served": self.entities_served,
            "distinct_ids_served": self.served_per_id.len(),
            "max_served_per_id": max_served,
            "served_per_id": per_id,
            "preflight": self.preflight,
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

/// The replica: data + routing + counters.
pub struct Replica {
    data: Data,
    opts: Options,
    /// Entity index → padded size in bytes (`--big-entity`).
    big: HashMap<u32, usize>,
    files: HashSet<String>,
    search: OnceLock<SearchIndex>,
    stats: Mutex<Stats>,
}

const API_HELP: &str = "See https://www.wikidata.org/w/api.php for API usage. Subscribe to the mediawiki-api-announce mailing list at &lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; for notice of API deprecations and breaking changes.";

fn split_query(pq: &str) -> (&str, &str) {
    match pq.split_once('?') {
        Some((p, q)) => (p, q),
        None => (pq, ""),
    }
}

fn param(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

fn normalize_file(name: &str) -> String {
    name.replace('_', " ").trim().to_string()
}

fn base_headers(content_type: &str) -> Vec<(String, String)> {
    vec![
        ("Content-Type".into(), content_type.into()),
        ("Access-Control-Allow-Origin".into(), "*".into()),
        // As MediaWiki's api.php does, so that browser code can read these across origins.
        (
            "Access-Control-Expose-Headers".into(),
            "MediaWiki-API-Error, Retry-After, X-Database-Lag".into(),
        ),
        (
            "Cache-Control".into(),
            "public, s-maxage=3600, max-age=3600".into(),
        ),
        ("X-Replica".into(), "wikikin".into()),
    ]
}

const JSON_TYPE: &str = "application/json; charset=utf-8";
const HTML_TYPE: &str = "text/html; charset=utf-8";

fn html(status: u16, title: &str, text: &str) -> Response {
    let mut esc = String::new();
    for c in text.chars() {
        match c {
            '<' => esc.push_str("&lt;"),
            '>' => esc.push_str("&gt;"),
            '&' => esc.push_str("&amp;"),
            '"' => esc.push_str("&quot;"),
            c => esc.push(c),
        }
    }
    let mut headers = base_headers(HTML_TYPE);
    if status >= 400 {
        uncacheable(&mut headers);
    }
    Response {
        status,
        headers,
        body: format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{esc}</p></body></html>\n"
        )
        .into_bytes(),
    }
}

fn json_response(status: u16, body: String) -> Response {
    Response {
        status,
        headers: base_headers(JSON_TYPE),
        body: body.into_bytes(),
    }
}

/// MediaWiki API errors come with HTTP 200 and a `MediaWiki-API-Error` header.
fn api_error(code: &str, info: &str, extra: &[(&str, serde_json::Value)]) -> Response {
    let mut err = serde_json::Map::new();
    err.insert("code".into(), code.into());
    err.insert("info".into(), info.into());
    for (k, v) in extra {
        err.insert((*k).into(), v.clone());
    }
    err.insert("*".into(), API_HELP.into());
    let body = serde_json::json!({"error": err, "servedby": "mw-api-ext.replica"});
    let mut r = json_response(200, body.to_string());
    uncacheable(&mut r.headers);
    r.headers
        .push(("MediaWiki-API-Error".into(), code.to_string()));
    r
}

/// Error answers are not cached, as on Wikimedia's servers (a retry must reach the server).
fn uncacheable(headers: &mut [(String, String)]) {
    for (k, v) in headers.iter_mut() {
        if k.eq_ignore_ascii_case("Cache-Control") {
            *v = "private, s-maxage=0, max-age=0, must-revalidate".into();
        }
    }
}

impl Replica {
    fn new(data: Data, opts: Options) -> Result<Replica, String> {
        let mut data = data;
        if opts.quirks {
            data.apply_quirks(opts.seed);
        }
        let mut big = HashMap::new();
        for (qid, mb) in &opts.big_entities {
            let q = parse_qid(qid).ok_or_else(|| format!("--big-entity: {qid:?} is not a Q-id"))?;
            let idx = *data
                .by_qid
                .get(&q)
                .ok_or_else(|| format!("--big-entity: nobody has the id {qid}"))?;
            if !(mb.is_finite() && *mb > 0.0 && *mb <= 2000.0) {
                return Err(format!("--big-entity: size {mb} MB must be in (0, 2000]"));
            }
            big.insert(idx, (mb * 1_000_000.0) as usize);
        }
        let files = data.images.values().map(|f| normalize_file(f)).collect();
        Ok(Replica {
            data,
            opts,
            big,
            files,
            search: OnceLock::new(),
            stats: Mutex::new(Stats::default()),
        })
    }

    /// Serve a GEDCOM file, with real Q-ids from an optional `gedcom_id,qid,name` CSV.
    pub fn from_gedcom_path(
        ged: &Path,
        qids: Option<&Path>,
        opts: Options,
    ) -> Result<Replica, String> {
        let bytes =
            std::fs::read(ged).map_err(|e| format!("cannot read {}: {e}", ged.display()))?;
        let rows = match qids {
            Some(p) => model::read_qids(p)?,
            None => Vec::new(),
        };
        Self::from_gedcom_bytes(&bytes, &rows, opts).map_err(|e| format!("{}: {e}", ged.display()))
    }

    /// Serve GEDCOM bytes; `qids` rows are `(gedcom_id, numeric Q-id, name)`.
    pub fn from_gedcom_bytes(
        bytes: &[u8],
        qids: &[(String, u32, String)],
        opts: Options,
    ) -> Result<Replica, String> {
        let g = wikikin_gedcom::parse(bytes).map_err(|e| e.to_string())?;
        let data = Data::from_gedcom(&g, qids)?;
        Self::new(data, opts)
    }

    /// A generated genealogy of `n` people.
    pub fn synthetic(n: usize, seed: u64, opts: Options) -> Result<Replica, String> {
        if n > 50_000_000 {
            return Err(format!("--synthetic {n}: at most 50,000,000 people"));
        }
        let data = synthetic::generate(n, seed);
        Self::new(data, opts)
    }

    /// The served Q-id (`"Q9682"`) of a GEDCOM id (`"I52"` or `"@I52@"`).
    pub fn qid_of(&self, gedcom_id: &str) -> Option<String> {
        let idx = self.data.by_gedcom.get(gedcom_id.trim_matches('@'))?;
        self.data.person(*idx).map(|p| format!("Q{}", p.qid))
    }

    /// The GEDCOM id of a served Q-id.
    pub fn gedcom_id_of(&self, qid: &str) -> Option<String> {
        let idx = self.data.by_qid.get(&parse_qid(qid)?)?;
        self.data.person(*idx).map(|p| p.gedcom_id.to_string())
    }

    pub fn person_count(&self) -> usize {
        self.data.people.len()
    }

    /// Everyone, as listed by `/__replica/people`.
    pub fn people(&self) -> Vec<PersonSummary> {
        self.data
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| PersonSummary {
                gedcom_id: p.gedcom_id.to_string(),
                qid: format!("Q{}", p.qid),
                label: self.data.label(i as u32).to_string(),
            })
            .collect()
    }

    /// The underlying data (read-only).
    pub fn data(&self) -> &Data {
        &self.data
    }

    /// Lock the counters (the server updates in-flight numbers and faults through this).
    pub fn stats(&self) -> MutexGuard<'_, Stats> {
        match self.stats.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    fn record(&self, kind: Kind, status: u16, bytes: usize, ids: &[u32]) {
        if kind == Kind::Control {
            return;
        }
        let mut s = self.stats();
        s.requests += 1;
        *s.by_kind.entry(kind.name()).or_insert(0) += 1;
        *s.by_status.entry(status).or_insert(0) += 1;
        s.bytes_sent += bytes as u64;
        s.entities_served += ids.len() as u64;
        for q in ids {
            *s.served_per_id.entry(format!("Q{q}")).or_insert(0) += 1;
        }
        if kind == Kind::Preflight {
            s.preflight += 1;
        }
    }

    /// Answer one request. Pure routing: no latency, no faults.
    pub fn respond(&self, method: &str, path_and_query: &str) -> Response {
        self.deliver(self.prepare(method, path_and_query))
    }

    /// Builds the answer to a request without counting it as served yet (the server builds it
    /// while the emulated latency runs, and counts it when it goes out: see [`Replica::deliver`]).
    pub fn prepare(&self, method: &str, path_and_query: &str) -> Prepared {
        let kind = Kind::of(method, path_and_query);
        let mut ids = Vec::new();
        let response = self.route(method, path_and_query, kind, &mut ids);
        Prepared {
            kind,
            ids,
            response,
        }
    }

    /// Counts a prepared answer in the stats as served, and hands it over.
    pub fn deliver(&self, p: Prepared) -> Response {
        self.record(p.kind, p.response.status, p.response.body.len(), &p.ids);
        p.response
    }

    fn route(&self, method: &str, pq: &str, kind: Kind, ids: &mut Vec<u32>) -> Response {
        let (path, query) = split_query(pq);
        if kind == Kind::Preflight {
            let mut headers = base_headers("text/plain; charset=utf-8");
            headers.push((
                "Access-Control-Allow-Methods".into(),
                "GET, HEAD, POST, OPTIONS".into(),
            ));
            headers.push((
                "Access-Control-Allow-Headers".into(),
                "Api-User-Agent, Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since, Cache-Control, X-Requested-With".into(),
            ));
            headers.push(("Access-Control-Max-Age".into(), "86400".into()));
            return Response {
                status: 200,
                headers,
                body: Vec::new(),
            };
        }
        let is_get = method.eq_ignore_ascii_case("GET") || method.eq_ignore_ascii_case("HEAD");
        let is_post = method.eq_ignore_ascii_case("POST");
        if kind == Kind::Control {
            return self.control(path, is_get, is_post);
        }
        if !(is_get || (is_post && path == "/w/api.php")) {
            let mut r = html(
                405,
                "Method Not Allowed",
                &format!("{method} is not allowed here."),
            );
            r.headers
                .push(("Allow".into(), "GET, HEAD, OPTIONS".into()));
            return r;
        }
        match kind {
            Kind::EntityData => self.entity_data(path, ids),
            Kind::GetEntities => self.get_entities(query, ids),
            Kind::SearchEntities => self.search_entities(query),
            Kind::Api => match param(query, "action") {
                None => api_error("noaction", "The \"action\" parameter must be set.", &[]),
                Some(a) => api_error(
                    "badvalue",
                    &format!("Unrecognized value for parameter \"action\": {a}."),
                    &[],
                ),
            },
            Kind::FilePath => self.file_path(path, query),
            _ if path == "/" => {
                let mut r = html(
                    200,
                    "wikidata-replica",
                    &format!(
                        "Local Wikidata replica serving {} people.",
                        self.data.people.len()
                    ),
                );
                r.status = 200;
                r
            }
            _ => html(404, "Not Found", &format!("No page at {path}.")),
        }
    }

    fn control(&self, path: &str, is_get: bool, is_post: bool) -> Response {
        match (path, is_get, is_post) {
            ("/__replica/people", true, _) => {
                let mut out = String::with_capacity(self.data.people.len() * 64);
                out.push('[');
                for (i, p) in self.data.people.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('{');
                    json::kv(&mut out, "gedcom_id", &p.gedcom_id);
                    let _ = write!(out, ",\"qid\":\"Q{}\",", p.qid);
                    json::kv(&mut out, "label", self.data.label(i as u32));
                    out.push('}');
                }
                out.push(']');
                json_response(200, out)
            }
            ("/__replica/quirks", true, _) => {
                let mut list = Vec::new();
                for (i, p) in self.data.people.iter().enumerate() {
                    if p.quirks == 0 {
                        continue;
                    }
                    let mut names = Vec::new();
                    for (bit, name) in [
                        (quirk::DEPRECATED_FATHER, "deprecated_father"),
                        (quirk::UNKNOWN_PARENT, "unknown_parent"),
                        (quirk::ONE_SIDED, "one_sided"),
                        (quirk::REDIRECTED, "redirected"),
                        (quirk::DELETED, "deleted"),
                        (quirk::DUPLICATE, "duplicate"),
                    ] {
                        if p.quirks & bit != 0 {
                            names.push(name);
                        }
                    }
                    let mut row = serde_json::json!({
                        "gedcom_id": &*p.gedcom_id,
                        "qid": format!("Q{}", p.qid),
                        "quirks": names,
                    });
                    if p.quirks & quirk::REDIRECTED != 0 {
                        row["redirect_from"] =
                            format!("Q{}", model::REDIRECT_QID_BASE + i as u32).into();
                    }
                    list.push(row);
                }
                json_response(200, serde_json::Value::from(list).to_string())
            }
            ("/__replica/stats", true, _) => json_response(200, self.stats().to_json().to_string()),
            ("/__replica/reset", _, true) => {
                self.stats().reset();
                json_response(200, "{\"reset\":true}".into())
            }
            ("/__replica/people" | "/__replica/quirks" | "/__replica/stats", false, _)
            | ("/__replica/reset", _, false) => {
                html(405, "Method Not Allowed", "Wrong method for this endpoint.")
            }
            _ => html(404, "Not Found", &format!("No control endpoint {path}.")),
        }
    }

    fn pad_for(&self, idx: u32) -> Option<usize> {
        self.big.get(&idx).copied()
    }

    /// Index of a live entity for an id, and whether it came through a redirect.
    fn resolve(&self, q: u32) -> Option<(u32, Option<u32>)> {
        if let Some(&idx) = self.data.by_qid.get(&q) {
            let p = self.data.person(idx)?;
            if p.quirks & quirk::DELETED != 0 {
                return None;
            }
            return Some((idx, None));
        }
        let &idx = self.data.redirects.get(&q)?;
        let p = self.data.person(idx)?;
        if p.quirks & quirk::DELETED != 0 {
            return None;
        }
        Some((idx, Some(q)))
    }

    fn entity_data(&self, path: &str, ids: &mut Vec<u32>) -> Response {
        let rest = percent_decode(path.trim_start_matches("/wiki/Special:EntityData/"));
        let (id, ext) = match rest.rsplit_once('.') {
            Some((id, ext)) => (id.to_string(), Some(ext.to_string())),
            None => (rest.clone(), None),
        };
        let looks_like_id = id.len() > 1
            && id.starts_with(['Q', 'q'])
            && id.bytes().skip(1).all(|b| b.is_ascii_digit());
        if !looks_like_id {
            return html(400, "Bad Request", &format!("Invalid ID: {id}."));
        }
        let canonical = format!("Q{}", id.get(1..).unwrap_or(""));
        match ext.as_deref() {
            Some("json") if id.starts_with('Q') => {}
            Some("json") | None => {
                let status = if ext.is_none() { 303 } else { 301 };
                let mut r = html(status, "Redirect", "This entity data lives elsewhere.");
                r.headers.push((
                    "Location".into(),
                    format!("/wiki/Special:EntityData/{canonical}.json"),
                ));
                return r;
            }
            Some(other) => {
                return html(
                    400,
                    "Bad Request",
                    &format!("Unsupported format: {other} (this replica serves .json)."),
                )
            }
        }
        let Some(q) = parse_qid(&canonical) else {
            return html(400, "Bad Request", &format!("Invalid ID: {id}."));
        };
        let Some((idx, _from)) = self.resolve(q) else {
            return html(
                404,
                "Not Found",
                &format!("No entity with ID {canonical} was found."),
            );
        };
        let langs = Langs::default();
        let ctx = render::Ctx {
            data: &self.data,
            payload: self.opts.payload,
            props: Props::ALL,
            langs: &langs,
            pad_to: self.pad_for(idx),
        };
        let Some(p) = self.data.person(idx) else {
            return html(
                404,
                "Not Found",
                &format!("No entity with ID {canonical} was found."),
            );
        };
        let mut out = String::with_capacity(4096);
        let _ = write!(out, "{{\"entities\":{{\"Q{}\":", p.qid);
        render::entity(&mut out, &ctx, idx, None);
        out.push_str("}}");
        ids.push(p.qid);
        json_response(200, out)
    }

    fn get_entities(&self, query: &str, served: &mut Vec<u32>) -> Response {
        let Some(ids_param) = param(query, "ids") else {
            return api_error(
                "param-missing",
                "Either provide the item \"ids\" or pairs of \"sites\" and \"titles\" for corresponding pages",
                &[],
            );
        };
        let mut ids: Vec<String> = Vec::new();
        for id in ids_param
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let id = id.to_string();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.len() > 50 {
            return api_error(
                "toomanyvalues",
                "Too many values supplied for parameter \"ids\". The limit is 50.",
                &[
                    ("parameter", "ids".into()),
                    ("limit", 50.into()),
                    ("lowlimit", 50.into()),
                    ("highlimit", 500.into()),
                ],
            );
        }
        // Wikibase's default props: everything, but sitelinks without URLs.
        let mut props = Props {
            sitelink_urls: false,
            ..Props::ALL
        };
        if let Some(p) = param(query, "props") {
            let list: Vec<&str> = p.split('|').collect();
            props = Props {
                info: list.contains(&"info"),
                labels: list.contains(&"labels"),
                descriptions: list.contains(&"descriptions"),
                aliases: list.contains(&"aliases"),
                claims: list.contains(&"claims"),
                sitelinks: list.contains(&"sitelinks") || list.contains(&"sitelinks/urls"),
                sitelink_urls: list.contains(&"sitelinks/urls"),
            };
        }
        let langs = Langs {
            only: param(query, "languages").map(|l| {
                l.split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            }),
            fallback: param(query, "languagefallback")
                .is_some_and(|v| !v.is_empty() && v != "0" && v != "false"),
        };
        // Validate every id first, as Wikibase does.
        let mut parsed = Vec::with_capacity(ids.len());
        for id in &ids {
            let upper = id.to_ascii_uppercase();
            match parse_qid(&upper) {
                Some(q) => parsed.push((upper, q)),
                None => {
                    return api_error(
                        "no-such-entity",
                        &format!("Could not find an entity with the ID \"{id}\"."),
                        &[("id", id.as_str().into())],
                    )
                }
            }
        }
        let mut out = String::with_capacity(4096 * parsed.len().max(1));
        out.push_str("{\"entities\":{");
        let mut sep = json::Sep::new();
        for (id, q) in parsed {
            sep.next(&mut out);
            json::key(&mut out, &id);
            match self.resolve(q) {
                None => {
                    out.push('{');
                    json::kv(&mut out, "id", &id);
                    out.push_str(",\"missing\":\"\"}");
                }
                Some((idx, from)) => {
                    let ctx = render::Ctx {
                        data: &self.data,
                        payload: self.opts.payload,
                        props,
                        langs: &langs,
                        pad_to: self.pad_for(idx),
                    };
                    render::entity(&mut out, &ctx, idx, from);
                    if let Some(p) = self.data.person(idx) {
                        served.push(p.qid);
                    }
                }
            }
        }
        out.push_str("},\"success\":1}");
        json_response(200, out)
    }

    fn search_entities(&self, query: &str) -> Response {
        let Some(search) = param(query, "search") else {
            return api_error("missingparam", "The \"search\" parameter must be set.", &[]);
        };
        let Some(language) = param(query, "language") else {
            return api_error(
                "missingparam",
                "The \"language\" parameter must be set.",
                &[],
            );
        };
        let limit = match param(query, "limit").as_deref() {
            None => 7,
            Some("max") => 50,
            Some(l) => match l.parse::<usize>() {
                Ok(n) if (1..=50).contains(&n) => n,
                Ok(n) if n > 50 => 50,
                _ => {
                    return api_error(
                        "badinteger",
                        &format!("Invalid value \"{l}\" for integer parameter \"limit\"."),
                        &[],
                    )
                }
            },
        };
        let offset = param(query, "continue")
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or(0)
            .min(1000);
        let index = self.search.get_or_init(|| SearchIndex::build(&self.data));
        let hits = index.find(&self.data, &search, offset + limit + 1);
        let mut out = String::new();
        out.push_str("{\"searchinfo\":{");
        json::kv(&mut out, "search", &search);
        out.push_str("},\"search\":[");
        let mut sep = json::Sep::new();
        for hit in hits.iter().skip(offset).take(limit) {
            let Some(p) = self.data.person(hit.idx) else {
                continue;
            };
            sep.next(&mut out);
            let q = p.qid;
            let label = self.data.label(hit.idx);
            let h = mix2(q as u64, 0x696e666f);
            let _ = write!(
                out,
                "{{\"id\":\"Q{q}\",\"title\":\"Q{q}\",\"pageid\":{},\"concepturi\":\"http://www.wikidata.org/entity/Q{q}\",\"repository\":\"wikidata\",\"url\":\"//www.wikidata.org/wiki/Q{q}\",\"display\":{{\"label\":{{",
                1_000_000 + (h % 120_000_000)
            );
            json::kv(&mut out, "value", label);
            out.push_str(",\"language\":\"en\"}");
            let desc = self.data.title(p);
            if let Some(d) = desc {
                out.push_str(",\"description\":{");
                json::kv(&mut out, "value", d);
                out.push_str(",\"language\":\"en\"}");
            }
            out.push_str("},");
            json::kv(&mut out, "label", label);
            if let Some(d) = desc {
                out.push(',');
                json::kv(&mut out, "description", d);
            }
            out.push_str(",\"match\":{");
            match &hit.alias {
                Some(a) => {
                    json::kv(&mut out, "type", "alias");
                    out.push(',');
                    json::kv(&mut out, "language", "en");
                    out.push(',');
                    json::kv(&mut out, "text", a);
                    out.push_str("},\"aliases\":[");
                    json::string(&mut out, a);
                    out.push(']');
                }
                None => {
                    json::kv(&mut out, "type", "label");
                    out.push(',');
                    json::kv(&mut out, "language", "en");
                    out.push(',');
                    json::kv(&mut out, "text", label);
                    out.push('}');
                }
            }
            out.push('}');
        }
        out.push(']');
        if hits.len() > offset + limit {
            let _ = write!(out, ",\"search-continue\":{}", offset + limit);
        }
        let _ = language; // English labels serve every language, as Wikidata's fallback does.
        out.push_str(",\"success\":1}");
        json_response(200, out)
    }

    fn file_known(&self, name: &str) -> bool {
        if self.files.contains(name) {
            return true;
        }
        let Some(q) = name
            .strip_prefix("Replica portrait Q")
            .and_then(|r| r.strip_suffix(".svg"))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            return false;
        };
        let Some(&idx) = self.data.by_qid.get(&q) else {
            return false;
        };
        self.data
            .person(idx)
            .and_then(|p| render::image_of(&self.data, idx, p))
            .is_some_and(|f| f == name)
    }

    fn file_path(&self, path: &str, query: &str) -> Response {
        let raw = path.trim_start_matches("/wiki/Special:FilePath/");
        let name = normalize_file(&percent_decode(raw));
        if name.is_empty() || !self.file_known(&name) {
            return html(
                404,
                "Not Found",
                &format!("No file by the name {name} exists."),
            );
        }
        let width = param(query, "width")
            .and_then(|w| w.parse::<u32>().ok())
            .unwrap_or(220)
            .clamp(8, 4000);
        let height = width * 5 / 4;
        let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |a, b| {
            (a ^ b as u64).wrapping_mul(0x100_0000_01b3)
        });
        let hue = h % 360;
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 100 125\">\
<rect width=\"100\" height=\"125\" fill=\"hsl({hue},45%,78%)\"/>\
<circle cx=\"50\" cy=\"45\" r=\"22\" fill=\"hsl({hue},30%,35%)\"/>\
<ellipse cx=\"50\" cy=\"115\" rx=\"38\" ry=\"40\" fill=\"hsl({hue},30%,35%)\"/>\
<rect x=\"0\" y=\"0\" width=\"100\" height=\"125\" fill=\"none\" stroke=\"hsl({hue},40%,50%)\" stroke-width=\"{}\"/>\
</svg>\n",
            1 + h % 4
        );
        let mut headers = base_headers("image/svg+xml");
        headers.push(("Content-Disposition".into(), "inline".into()));
        Response {
            status: 200,
            headers,
            body: svg.into_bytes(),
        }
    }
}

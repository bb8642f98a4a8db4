//! Request routing: which endpoint a request is ([`Kind`]), query-string helpers, and
//! [`Replica::respond`] / [`Replica::prepare`] / [`Replica::deliver`], which dispatch to the
//! endpoints in `endpoints/`.

use std::time::Duration;

use crate::response::{api_error, base_headers, html};
use crate::{Replica, Response};

/// An answer built by [`Replica::prepare`], not yet counted as served.
#[derive(Debug)]
pub struct Prepared {
    kind: Kind,
    ids: Vec<u32>,
    response: Response,
    timed_out: bool,
    /// Body bytes before compression (`bytes_sent`; the body itself is what goes on the wire).
    raw_len: usize,
}

impl Prepared {
    /// A SPARQL query that ran past its budget (the answer is WDQS's timeout).
    pub fn timed_out(&self) -> bool {
        self.timed_out
    }

    /// Body bytes before compression.
    pub fn raw_len(&self) -> usize {
        self.raw_len
    }
}

/// One request, with what only some endpoints read (`/sparql`: the body, `Accept`, a deadline).
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'a> {
    pub method: &'a str,
    pub path_and_query: &'a str,
    pub accept: Option<&'a str>,
    /// `Accept-Encoding`: a data answer is gzipped when it allows gzip (unless `--no-gzip`).
    pub accept_encoding: Option<&'a str>,
    pub content_type: Option<&'a str>,
    pub body: &'a [u8],
    /// How long a SPARQL query may run (`None`: as long as it takes).
    pub budget: Option<Duration>,
}

/// Which endpoint a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    EntityData,
    GetEntities,
    SearchEntities,
    Api,
    Sparql,
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
            Kind::Sparql => "sparql",
            Kind::FilePath => "filepath",
            Kind::Preflight => "preflight",
            Kind::Control => "control",
            Kind::Other => "other",
        }
    }

    /// The kind with this [`Kind::name`].
    pub fn by_name(name: &str) -> Option<Kind> {
        [
            Kind::EntityData,
            Kind::GetEntities,
            Kind::SearchEntities,
            Kind::Api,
            Kind::Sparql,
            Kind::FilePath,
            Kind::Preflight,
            Kind::Control,
            Kind::Other,
        ]
        .into_iter()
        .find(|k| k.name() == name)
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
        } else if path == "/sparql" || path == "/bigdata/namespace/wdq/sparql" {
            Kind::Sparql
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

fn split_query(pq: &str) -> (&str, &str) {
    match pq.split_once('?') {
        Some((p, q)) => (p, q),
        None => (pq, ""),
    }
}

pub(crate) fn param(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

pub(crate) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

impl Replica {
    /// Answer one request. Pure routing: no latency, no faults.
    pub fn respond(&self, method: &str, path_and_query: &str) -> Response {
        self.deliver(self.prepare(method, path_and_query))
    }

    /// Answers a request with an optional form-encoded body (a POST's form; `None` for a GET),
    /// counting it as served.
    pub fn respond_form(&self, method: &str, path_and_query: &str, form: Option<&str>) -> Response {
        self.respond_request(&Request {
            method,
            path_and_query,
            content_type: form.map(|_| "application/x-www-form-urlencoded"),
            body: form.unwrap_or("").as_bytes(),
            ..Request::default()
        })
    }

    /// Builds the answer to a request without counting it as served yet (the server builds it
    /// while the emulated latency runs, and counts it when it goes out: see [`Replica::deliver`]).
    pub fn prepare(&self, method: &str, path_and_query: &str) -> Prepared {
        self.prepare_request(&Request {
            method,
            path_and_query,
            ..Request::default()
        })
    }

    /// [`Replica::prepare`] with a body, headers and a SPARQL deadline.
    pub fn prepare_request(&self, r: &Request) -> Prepared {
        let kind = Kind::of(r.method, r.path_and_query);
        let mut ids = Vec::new();
        let mut timed_out = false;
        let mut response = if kind == Kind::Sparql {
            self.route_sparql(r, &mut timed_out)
        } else {
            self.route(r.method, r.path_and_query, kind, &mut ids)
        };
        let raw_len = response.body.len();
        if kind.is_data() && !self.opts.no_gzip {
            crate::compress::encode(&mut response, r.accept_encoding);
        }
        Prepared {
            kind,
            ids,
            response,
            timed_out,
            raw_len,
        }
    }

    /// Answer one request with its body and headers. Pure routing: no latency, no faults.
    pub fn respond_request(&self, r: &Request) -> Response {
        self.deliver(self.prepare_request(r))
    }

    fn route_sparql(&self, r: &Request, timed_out: &mut bool) -> Response {
        let (_, query) = split_query(r.path_and_query);
        let m = r.method;
        if m.eq_ignore_ascii_case("GET")
            || m.eq_ignore_ascii_case("HEAD")
            || m.eq_ignore_ascii_case("POST")
        {
            return self.sparql(r, query, timed_out);
        }
        let mut resp = html(
            405,
            "Method Not Allowed",
            &format!("{m} is not allowed here."),
        );
        resp.headers
            .push(("Allow".into(), "GET, HEAD, POST, OPTIONS".into()));
        resp
    }

    /// Counts a prepared answer in the stats as served, and hands it over.
    pub fn deliver(&self, p: Prepared) -> Response {
        self.record(
            p.kind,
            p.response.status,
            (p.raw_len, p.response.body.len()),
            &p.ids,
        );
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
}

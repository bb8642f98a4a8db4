//! `/sparql` through the real HTTP server (and the RDF model through `respond_request`).

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{get, request, request_with_body};
use wikidata_replica::server::{spawn, Fault, NetOptions, ServerHandle};
use wikidata_replica::{Kind, Options, Replica, Request};

fn start(opts: Options, net: NetOptions) -> ServerHandle {
    spawn(Arc::new(common::royal(opts)), net, 0).unwrap()
}

fn enc(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

/// Every value of `var` in a SPARQL JSON result.
fn column(j: &serde_json::Value, var: &str) -> Vec<String> {
    j["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b[var]["value"].as_str().map(str::to_string))
        .collect()
}

fn qids(j: &serde_json::Value, var: &str) -> BTreeSet<String> {
    column(j, var)
        .into_iter()
        .map(|v| {
            v.trim_start_matches("http://www.wikidata.org/entity/")
                .to_string()
        })
        .collect()
}

/// A query answered without the network (pure routing), as JSON.
fn ask(r: &Replica, q: &str) -> serde_json::Value {
    let pq = format!("/sparql?query={}", enc(q));
    let resp = r.respond_request(&Request {
        method: "GET",
        path_and_query: &pq,
        ..Request::default()
    });
    assert_eq!(resp.status, 200, "{q}: {}", resp.text());
    resp.json().unwrap()
}

#[test]
fn victorias_children_by_reverse_mother_over_http() {
    let s = start(Options::default(), NetOptions::default());
    let url = s.url();
    let r = get(
        &url,
        &format!(
            "/sparql?query={}",
            enc("SELECT ?c WHERE { ?c wdt:P25 wd:Q9439 }")
        ),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/sparql-results+json"));
    let kids = qids(&r.json(), "c");
    assert_eq!(kids.len(), 9, "{kids:?}");
    assert!(kids.contains("Q20875"), "Edward VII: {kids:?}");

    // The same through the label service, asked for by Accept.
    let q = "SELECT ?c ?cLabel WHERE { ?c wdt:P25 wd:Q9439 . SERVICE wikibase:label { bd:serviceParam wikibase:language \"en\". } }";
    let r = request(
        &url,
        "GET",
        &format!("/sparql?query={}", enc(q)),
        &[("Accept", "application/sparql-results+json")],
        Duration::from_secs(30),
    )
    .unwrap();
    let labels = column(&r.json(), "cLabel");
    assert_eq!(labels.len(), 9);
    assert!(labels.iter().any(|l| l == "Edward VII"), "{labels:?}");

    let st = get(&url, "/__replica/stats").json();
    assert_eq!(st["by_kind"]["sparql"], 2);
}

#[test]
fn ancestry_by_property_path() {
    let r = common::royal(Options::default());
    let j = ask(
        &r,
        "SELECT DISTINCT ?a WHERE { wd:Q9682 (wdt:P22|wdt:P25)+ ?a }",
    );
    let anc = qids(&j, "a");
    assert!(anc.contains("Q9439"), "Victoria");
    assert!(anc.contains("Q151305"), "Christian IX");
    assert!(!anc.contains("Q9682"), "not her own ancestor");
}

#[test]
fn malformed_query_gives_400_with_the_parsers_words() {
    let s = start(Options::default(), NetOptions::default());
    let q = "SELECT ?x WHERE { ?x wdt:P22 }";
    let r = get(&s.url(), &format!("/sparql?query={}", enc(q)));
    assert_eq!(r.status, 400);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let words = oxigraph::sparql::SparqlEvaluator::new()
        .with_prefix("wdt", "http://www.wikidata.org/prop/direct/")
        .unwrap()
        .parse_query(q)
        .err()
        .unwrap()
        .to_string();
    let body = String::from_utf8_lossy(&r.body);
    assert!(body.contains(&words), "{body}");
    assert!(body.contains("MalformedQueryException"), "{body}");
    // No query at all.
    assert_eq!(get(&s.url(), "/sparql").status, 400);
}

#[test]
fn post_form_and_sparql_query_bodies() {
    let s = start(Options::default(), NetOptions::default());
    let q = "SELECT ?c WHERE { ?c wdt:P25 wd:Q9439 }";
    let body = format!("query={}&format=json", enc(q));
    let r = request_with_body(
        &s.url(),
        "POST",
        "/sparql",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        body.as_bytes(),
        Duration::from_secs(30),
    )
    .unwrap();
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(qids(&r.json(), "c").len(), 9);
    let r = request_with_body(
        &s.url(),
        "POST",
        "/sparql",
        &[
            ("Content-Type", "application/sparql-query"),
            ("Accept", "text/csv"),
        ],
        q.as_bytes(),
        Duration::from_secs(30),
    )
    .unwrap();
    assert_eq!(r.status, 200);
    let csv = String::from_utf8_lossy(&r.body);
    assert_eq!(csv.lines().count(), 10, "header + 9 rows: {csv}");
}

#[test]
fn too_many_requests_on_sparql_only() {
    let s = start(
        Options::default(),
        NetOptions {
            route_faults: vec![(Kind::Sparql, Fault::TooMany, 1.0)],
            ..NetOptions::default()
        },
    );
    let r = get(&s.url(), &format!("/sparql?query={}", enc("ASK {}")));
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        get(&s.url(), "/wiki/Special:EntityData/Q9682.json").status,
        200
    );
    let st = get(&s.url(), "/__replica/stats").json();
    assert_eq!(st["faults"]["429"], 1);
    assert_eq!(st["by_kind"]["sparql"], 1);
}

#[test]
fn query_time_and_timeouts() {
    // Server time per query.
    let s = start(
        Options::default(),
        NetOptions {
            query_ms: 250,
            ..NetOptions::default()
        },
    );
    let t = Instant::now();
    let r = get(
        &s.url(),
        &format!("/sparql?query={}", enc("ASK { wd:Q9682 wdt:P25 ?m }")),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["boolean"], true);
    assert!(t.elapsed() >= Duration::from_millis(250));
    drop(s);

    // Emulated time past the limit: WDQS's timeout, when the limit is reached.
    let s = start(
        Options::default(),
        NetOptions {
            query_ms: 2000,
            query_timeout_ms: Some(150),
            ..NetOptions::default()
        },
    );
    let t = Instant::now();
    let r = get(&s.url(), &format!("/sparql?query={}", enc("ASK {}")));
    let took = t.elapsed();
    assert_eq!(r.status, 500);
    assert!(String::from_utf8_lossy(&r.body).contains("java.util.concurrent.TimeoutException"));
    assert!(
        took >= Duration::from_millis(150) && took < Duration::from_millis(1500),
        "{took:?}"
    );
    drop(s);

    // A real query too big for its limit is cancelled.
    let s = start(
        Options::default(),
        NetOptions {
            query_timeout_ms: Some(300),
            ..NetOptions::default()
        },
    );
    let _ = get(&s.url(), &format!("/sparql?query={}", enc("ASK {}"))); // builds the store
    let t = Instant::now();
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }";
    let r = get(&s.url(), &format!("/sparql?query={}", enc(q)));
    assert_eq!(r.status, 500, "{}", String::from_utf8_lossy(&r.body));
    assert!(String::from_utf8_lossy(&r.body).contains("TimeoutException"));
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}

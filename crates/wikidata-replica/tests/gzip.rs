//! gzip like Wikidata and WDQS: compressed when `Accept-Encoding` allows it, on every data
//! route, over real HTTP; never without the header or with `--no-gzip`; the counters.

mod common;

use std::io::Read as _;
use std::sync::Arc;
use std::time::Duration;

use common::{request, Wire};
use wikidata_replica::server::{spawn, Fault, NetOptions, ServerHandle};
use wikidata_replica::{Options, Request};

fn start(opts: Options, net: NetOptions) -> ServerHandle {
    spawn(Arc::new(common::royal(opts)), net, 0).unwrap()
}

fn gunzip(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(b)
        .read_to_end(&mut out)
        .expect("a gzip body");
    out
}

fn fetch(url: &str, path: &str, ae: Option<&str>) -> Wire {
    let headers: Vec<(&str, &str)> = ae.map(|v| ("Accept-Encoding", v)).into_iter().collect();
    request(url, "GET", path, &headers, Duration::from_secs(30)).unwrap()
}

const SPARQL: &str =
    "/sparql?query=SELECT%20%3Fc%20WHERE%20%7B%20%3Fc%20wdt%3AP25%20wd%3AQ9439%20%7D&format=json";

const ROUTES: &[&str] = &[
    "/wiki/Special:EntityData/Q9682.json",
    "/w/api.php?action=wbgetentities&ids=Q9682|Q80976|Q9439&format=json",
    SPARQL,
    "/w/api.php?action=wbsearchentities&search=victoria&language=en&format=json",
    "/wiki/Special:EntityData/Q999999999999.json",
];

fn stats(url: &str) -> serde_json::Value {
    fetch(url, "/__replica/stats", None).json()
}

#[test]
fn every_data_route_is_gzipped_when_accepted_and_only_then() {
    let s = start(Options::default(), NetOptions::default());
    let url = s.url();
    for path in ROUTES {
        let plain = fetch(&url, path, None);
        assert_eq!(plain.header("Content-Encoding"), None, "{path}");
        assert_eq!(plain.header("Vary"), Some("Accept-Encoding"), "{path}");
        let identity = fetch(&url, path, Some("identity"));
        assert_eq!(identity.header("Content-Encoding"), None, "{path}");
        assert_eq!(identity.body, plain.body, "{path}");
        let refused = fetch(&url, path, Some("br, gzip;q=0"));
        assert_eq!(refused.header("Content-Encoding"), None, "{path}");

        let z = fetch(&url, path, Some("gzip, deflate, br"));
        assert_eq!(z.status, plain.status, "{path}");
        assert_eq!(z.header("Content-Encoding"), Some("gzip"), "{path}");
        assert_eq!(z.header("Vary"), Some("Accept-Encoding"), "{path}");
        assert_eq!(
            z.header("Content-Type"),
            plain.header("Content-Type"),
            "{path}"
        );
        assert!(!z.short, "{path}");
        assert_eq!(
            z.header("Content-Length").and_then(|l| l.parse().ok()),
            Some(z.body.len()),
            "{path}: Content-Length is the compressed size"
        );
        assert_eq!(gunzip(&z.body), plain.body, "{path}: round trip");
        if plain.body.len() > 2000 {
            assert!(z.body.len() * 3 < plain.body.len(), "{path}: compresses");
        }
    }
    // Control routes are the replica's own, never compressed.
    let c = fetch(&url, "/__replica/people", Some("gzip"));
    assert_eq!(c.header("Content-Encoding"), None);
}

#[test]
fn counters_tell_bytes_before_gzip_and_on_the_wire() {
    let s = start(Options::default(), NetOptions::default());
    let url = s.url();
    let path = "/wiki/Special:EntityData/Q9682.json";
    let plain = fetch(&url, path, None);
    let st = stats(&url);
    assert_eq!(st["bytes_sent"], plain.body.len() as u64);
    assert_eq!(st["wire_bytes"], plain.body.len() as u64);
    assert_eq!(st["gzipped"], 0);
    let z = fetch(&url, path, Some("gzip"));
    let st = stats(&url);
    assert_eq!(st["bytes_sent"], 2 * plain.body.len() as u64);
    assert_eq!(st["wire_bytes"], (plain.body.len() + z.body.len()) as u64);
    assert_eq!(st["gzipped"], 1);
}

#[test]
fn no_gzip_flag_sends_exact_sizes() {
    let opts = Options {
        no_gzip: true,
        ..Options::default()
    };
    let s = start(opts, NetOptions::default());
    for path in ROUTES {
        let z = fetch(&s.url(), path, Some("gzip"));
        assert_eq!(z.header("Content-Encoding"), None, "{path}");
        assert_eq!(z.header("Vary"), None, "{path}");
    }
    let st = stats(&s.url());
    assert_eq!(st["bytes_sent"], st["wire_bytes"]);
}

#[test]
fn truncated_gzip_body_is_cut_on_the_wire() {
    let net = NetOptions {
        faults: vec![(Fault::Truncate, 1.0)],
        ..NetOptions::default()
    };
    let s = start(Options::default(), net);
    let z = fetch(
        &s.url(),
        "/wiki/Special:EntityData/Q9682.json",
        Some("gzip"),
    );
    assert!(z.short);
    assert_eq!(z.header("Content-Encoding"), Some("gzip"));
}

#[test]
fn respond_request_gzips_too() {
    let r = common::royal(Options::default());
    let path = "/wiki/Special:EntityData/Q9439.json";
    let plain = r.respond("GET", path);
    assert_eq!(plain.header("Content-Encoding"), None);
    let z = r.respond_request(&Request {
        method: "GET",
        path_and_query: path,
        accept_encoding: Some("gzip"),
        ..Request::default()
    });
    assert_eq!(z.header("Content-Encoding"), Some("gzip"));
    assert_eq!(gunzip(&z.body), plain.body);
}

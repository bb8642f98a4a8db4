//! The family from the query service: the replica's real SPARQL engine (oxigraph) answers the
//! crawl's queries through the simulated network; the answers equal the entity JSON crawl's,
//! with far fewer bytes; failures fall back to the entity JSON and say so.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{royal, royal_with, serve, ENDPOINT};
use wikidata_replica::{Payload, Replica};
use wikikin_core::sim::{self, SimConfig, SimReply};
use wikikin_core::{Crawl, CrawlConfig, CrawlResult, FetchMode, Qid, Store};

const ELIZABETH: Qid = Qid(9682);
const PHILIP: Qid = Qid(80976);
const VICTORIA: Qid = Qid(9439);
const CHARLES: Qid = Qid(43274);

fn config(question: CrawlConfig, fetch: FetchMode) -> CrawlConfig {
    let mut c = question;
    c.fetch = fetch;
    c.sparql = Some(format!("{ENDPOINT}/sparql"));
    c
}

fn run_with(
    r: &Replica,
    c: CrawlConfig,
    server: impl FnMut(&sim::SimRequest) -> SimReply,
) -> (CrawlResult, sim::SimReport, Crawl) {
    let _ = r;
    let mut crawl = Crawl::new(c, Store::new());
    let cfg = SimConfig {
        endpoint: ENDPOINT.into(),
        ..SimConfig::default()
    };
    let rep = sim::run(&mut crawl, &cfg, server);
    let out = crawl.outcome().unwrap();
    assert!(out.answered(), "{out}");
    (crawl.result(), rep, crawl)
}

fn key(res: &CrawlResult) -> Vec<(u32, u32, Vec<Qid>)> {
    let mut v: Vec<_> = res
        .relationships
        .iter()
        .map(|r| {
            let mut a = r.ancestors.clone();
            a.sort();
            (r.ga, r.gb, a)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn relationships_through_the_query_service_equal_the_entity_crawls() {
    let r = royal(Payload::Full);
    let q = CrawlConfig::relate(vec![ELIZABETH, PHILIP]);
    let (json, json_rep, _) = run_with(&r, config(q.clone(), FetchMode::GetEntities), |x| {
        serve(&r, x)
    });
    let (sparql, sparql_rep, _) = run_with(&r, config(q, FetchMode::Sparql), |x| serve(&r, x));
    assert_eq!(key(&sparql), key(&json));
    assert_eq!(key(&sparql).len(), 3);
    assert!(sparql.fallbacks.is_empty(), "{:?}", sparql.fallbacks);
    let queries = sparql_rep
        .urls
        .iter()
        .filter(|u| u.contains("/sparql?"))
        .count();
    assert!(
        queries > 0 && queries == sparql_rep.urls.len(),
        "every request a query"
    );
    assert!(
        sparql_rep.bytes * 10 < json_rep.bytes,
        "far fewer bytes: {} against {}",
        sparql_rep.bytes,
        json_rep.bytes
    );
    // The connection through marriage too.
    let c = sparql.connections.unwrap();
    assert_eq!(c.found[0].path, vec![ELIZABETH, PHILIP]);
}

#[test]
fn long_queries_are_posted_and_answer_the_same() {
    // The usual question fits in a GET (cacheable by WDQS); a long language chain makes the
    // query longer than a GET may be: it goes as a form-encoded POST (served by the replica as
    // a POST) and the answer is the same.
    let r = royal(Payload::Lean);
    let mut q = CrawlConfig::relate(vec![ELIZABETH, PHILIP]);
    let calls = |q: &CrawlConfig| {
        let mut calls = Vec::new();
        let (res, _, _) = run_with(&r, config(q.clone(), FetchMode::Sparql), |x| {
            calls.push(x.call.clone());
            serve(&r, x)
        });
        (res, calls)
    };
    let (gets, got) = calls(&q);
    assert!(got.iter().all(|c| c.method() == "GET"), "{got:?}");
    q.languages = [
        "de", "fr", "it", "es", "nl", "sv", "da", "nb", "pl", "cs", "ru", "pt",
    ]
    .iter()
    .cycle()
    .take(400)
    .enumerate()
    .map(|(i, l)| format!("{l}-x{i}"))
    .collect();
    let (posts, posted) = calls(&q);
    assert_eq!(key(&posts), key(&gets));
    assert!(posts.fallbacks.is_empty(), "{:?}", posts.fallbacks);
    assert!(posted.iter().any(|c| c.method() == "POST"));
    for c in &posted {
        assert!(c.url.len() <= wikikin_core::sparql::GET_URL_MAX, "{c:?}");
        assert_eq!(c.method() == "POST", c.as_get_url().len() > c.url.len());
    }
}

#[test]
fn children_recorded_only_on_their_own_side_are_seen() {
    // Under --quirks (seed 1), Elizabeth's and Philip's P40 omit Charles III; the query
    // service's reverse P22/P25 shows him as their child all the same.
    let r = common::royal_quirks_as_served(Payload::Lean);
    let q = CrawlConfig::explore(vec![VICTORIA], vec![CHARLES]);
    let (res, _, crawl) = run_with(&r, config(q, FetchMode::Sparql), |x| serve(&r, x));
    assert_eq!(res.reached, vec![(CHARLES, Some(5))]);
    use wikikin_kinship::Pedigree;
    assert!(crawl.graph().children(ELIZABETH).contains(&CHARLES));
}

#[test]
fn a_failing_query_service_falls_back_to_the_entity_json_and_says_so() {
    let r = royal_with(Payload::Lean, false);
    let q = CrawlConfig::relate(vec![ELIZABETH, PHILIP]);
    let (json, _, _) = run_with(&r, config(q.clone(), FetchMode::GetEntities), |x| {
        serve(&r, x)
    });
    for (what, reply) in [
        ("500", SimReply::status(500)),
        (
            "truncated",
            SimReply::ok(&b"{\"head\":{\"vars\":[\"i\"]},\"results\":{\"bindi"[..]),
        ),
        ("html", SimReply::ok(&b"<html>busy</html>"[..])),
    ] {
        let (res, rep, _) = run_with(&r, config(q.clone(), FetchMode::Sparql), |x| {
            if x.url.contains("/sparql?") {
                reply.clone()
            } else {
                serve(&r, x)
            }
        });
        assert_eq!(key(&res), key(&json), "{what}: the same answer");
        assert_eq!(res.fallbacks.len(), 1, "{what}: {:?}", res.fallbacks);
        let words = res.fallbacks[0].to_string();
        assert!(words.contains("entity JSON instead"), "{what}: {words}");
        let queries = rep.urls.iter().filter(|u| u.contains("/sparql?")).count();
        assert!(
            (1..=3).contains(&queries),
            "{what}: the queries in flight failed ({queries}), then only the entity JSON"
        );
    }
    // 429 is waited for (Retry-After honoured exactly), not fallen back from.
    let mut first = true;
    let mut c = config(q.clone(), FetchMode::Sparql);
    c.default_retry_ms = 5.0;
    let (res, rep, _) = run_with(&r, c, |x| {
        if x.url.contains("/sparql?") && first {
            first = false;
            SimReply::Http {
                status: 429,
                retry_after: Some("3".into()),
                body: Vec::new(),
            }
        } else {
            serve(&r, x)
        }
    });
    assert!(res.fallbacks.is_empty());
    assert!(
        rep.wall_ms >= 3000.0,
        "waited the Retry-After: {}",
        rep.wall_ms
    );
    assert_eq!(key(&res), key(&json));
}

#[test]
fn relating_through_the_query_service_takes_one_round_trip() {
    // One query for the ancestry of both (and their own records whole): the blood search, the
    // connection search and the names all find what they need in it.
    let r = royal(Payload::Lean);
    let q = CrawlConfig::relate(vec![ELIZABETH, PHILIP]);
    let (res, rep, _) = run_with(&r, config(q, FetchMode::Sparql), |x| serve(&r, x));
    assert_eq!(key(&res).len(), 3);
    assert_eq!((rep.requests, rep.levels), (1, 1), "{:?}", rep.urls);
    assert!(res.connections.is_some_and(|c| !c.found.is_empty()));
}

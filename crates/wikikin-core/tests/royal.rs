//! The classic cases on the real royal92 GEDCOM, served by the replica through the simulated
//! network, related by `wikikin_kinship`.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{royal, serve, ENDPOINT};
use wikidata_replica::{Payload, Replica};
use wikikin_core::sim::{self, SimConfig};
use wikikin_core::Relationship;
use wikikin_core::{parse_entities, Crawl, CrawlConfig, FetchMode, OutcomeKind, Qid, Sex, Store};
use wikikin_kinship::Kind;

const ELIZABETH: Qid = Qid(9682);
const PHILIP: Qid = Qid(80976);
const VICTORIA: Qid = Qid(9439);
const ALBERT: Qid = Qid(152245);
const CHRISTIAN_IX: Qid = Qid(151305);
const NICHOLAS_II: Qid = Qid(40787);
const GEORGE_V: Qid = Qid(269412);

fn q(r: &Replica, ged: &str) -> Qid {
    r.qid_of(ged).unwrap().parse().unwrap()
}

fn cfg() -> SimConfig {
    SimConfig {
        endpoint: ENDPOINT.into(),
        ..SimConfig::default()
    }
}

fn through(rels: &[Relationship], a: Qid, b: Qid) -> Option<&Relationship> {
    rels.iter()
        .find(|r| r.ancestors.contains(&a) && r.ancestors.contains(&b))
}

#[test]
fn replica_entities_parse() {
    let r = royal(Payload::Full);
    let resp = r.respond("GET", "/wiki/Special:EntityData/Q9682.json");
    assert_eq!(resp.status, 200);
    let p = parse_entities(&resp.body, &["en".into()]).unwrap();
    let e = &p.persons[0];
    assert_eq!(e.id, ELIZABETH);
    assert_eq!(e.sex, Sex::Female);
    assert!(
        e.label.as_deref().unwrap_or("").contains("Elizabeth"),
        "{:?}",
        e.label
    );
    assert_eq!(e.fathers.len(), 1);
    assert_eq!(e.mothers.len(), 1);
    assert!(e.birth.is_some());
    let resp = r.respond(
        "GET",
        "/w/api.php?action=wbgetentities&ids=Q9682%7CQ80976%7CQ999999999&props=labels%7Cdescriptions%7Cclaims&languages=en&format=json",
    );
    let p = parse_entities(&resp.body, &["en".into()]).unwrap();
    assert_eq!(p.persons.len(), 2);
    assert_eq!(p.missing, vec![Qid(999999999)]);
}

#[test]
fn elizabeth_and_philip_through_the_replica() {
    let r = royal(Payload::Lean);
    let louise = q(&r, "I226");
    let ludwig = q(&r, "I484");
    let henriette = q(&r, "I485");
    for mode in [FetchMode::GetEntities, FetchMode::EntityData] {
        let mut c = CrawlConfig::relate(vec![ELIZABETH, PHILIP]);
        c.fetch = mode;
        let mut crawl = Crawl::new(c, Store::new());
        let rep = sim::run(&mut crawl, &cfg(), |req| serve(&r, req));
        let out = crawl.outcome().unwrap();
        assert!(
            matches!(out.kind(), OutcomeKind::Done | OutcomeKind::LimitReached(_)),
            "{out:?}"
        );
        assert!(
            rep.answered.values().all(|n| *n == 1),
            "an id was fetched twice"
        );
        assert!(rep.max_in_flight <= 6);
        let res = crawl.result();
        let rels = &res.relationships;
        let va = through(rels, VICTORIA, ALBERT).expect("through Victoria & Albert");
        assert_eq!((va.kind, va.degree, va.removed), (Kind::Cousin, 3, 0));
        let cl = through(rels, CHRISTIAN_IX, louise).expect("through Christian IX & Louise");
        assert_eq!((cl.kind, cl.degree, cl.removed), (Kind::Cousin, 2, 1));
        let lh = through(rels, ludwig, henriette).expect("through Ludwig & Henriette");
        assert_eq!((lh.kind, lh.degree, lh.removed), (Kind::Cousin, 4, 0));
        // Far fewer entities than the whole file.
        assert!(rep.entities_fetched < 600, "{}", rep.entities_fetched);
        eprintln!(
            "{mode:?}: {} entities, {} requests, {} levels, wall {} ms",
            rep.entities_fetched, rep.requests, rep.levels, rep.wall_ms
        );
    }
}

#[test]
fn nicholas_and_george_are_first_cousins() {
    let r = royal(Payload::Lean);
    let louise = q(&r, "I226");
    let mut crawl = Crawl::new(
        CrawlConfig::relate(vec![NICHOLAS_II, GEORGE_V]),
        Store::new(),
    );
    sim::run(&mut crawl, &cfg(), |req| serve(&r, req));
    let res = crawl.result();
    let cl = through(&res.relationships, CHRISTIAN_IX, louise).expect("through Christian IX");
    assert_eq!((cl.kind, cl.degree, cl.removed), (Kind::Cousin, 1, 0));
    // The closest relationship is the first one.
    assert_eq!(res.relationships[0].degree, 1);
}

#[test]
fn direct_ancestor_victoria_of_elizabeth() {
    let r = royal(Payload::Lean);
    let mut crawl = Crawl::new(CrawlConfig::relate(vec![VICTORIA, ELIZABETH]), Store::new());
    let rep = sim::run(&mut crawl, &cfg(), |req| serve(&r, req));
    let res = crawl.result();
    assert_eq!(res.direct_ancestors.len(), 1);
    assert_eq!(res.direct_ancestors[0].ancestor, VICTORIA);
    assert_eq!(res.direct_ancestors[0].generations, 4);
    assert!(res
        .relationships
        .iter()
        .any(|x| x.kind == Kind::Ancestor || x.kind == Kind::Descendant));
    // Victoria is an ancestor of both: nothing above her is fetched.
    assert!(rep.entities_fetched < 200, "{}", rep.entities_fetched);
}

#[test]
fn explore_from_victoria_reaches_both() {
    let r = royal(Payload::Lean);
    let c = CrawlConfig::explore(vec![VICTORIA], vec![ELIZABETH, PHILIP]);
    let mut crawl = Crawl::new(c, Store::new());
    let rep = sim::run(&mut crawl, &cfg(), |req| serve(&r, req));
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
    let res = crawl.result();
    assert_eq!(res.reached, vec![(ELIZABETH, Some(4)), (PHILIP, Some(4))]);
    assert!(rep.answered.values().all(|n| *n == 1));
    eprintln!("explore: {} entities", rep.entities_fetched);
}

/// Entities from an earlier crawl can reach the targets along longer lines before the shorter
/// ones are loaded: the degrees must still be those of a fresh breadth-first search.
#[test]
fn explore_on_a_reused_store_gives_the_degrees_of_a_fresh_crawl() {
    let r = royal(Payload::Lean);
    let question = || CrawlConfig::explore(vec![VICTORIA, CHRISTIAN_IX], vec![ELIZABETH, PHILIP]);
    let mut fresh = Crawl::new(question(), Store::new());
    sim::run(&mut fresh, &cfg(), |req| serve(&r, req));
    let expected = fresh.result().reached;
    assert_eq!(expected, vec![(ELIZABETH, Some(4)), (PHILIP, Some(3))]);

    let mut first = Crawl::new(
        CrawlConfig::explore(vec![VICTORIA], vec![ELIZABETH, PHILIP]),
        Store::new(),
    );
    sim::run(&mut first, &cfg(), |req| serve(&r, req));
    let mut second = Crawl::new(question(), first.into_store());
    let rep = sim::run(&mut second, &cfg(), |req| serve(&r, req));
    assert_eq!(second.outcome().unwrap().kind(), OutcomeKind::Done);
    assert_eq!(second.result().reached, expected);
    assert!(
        rep.answered.values().all(|n| *n == 1),
        "an id fetched twice"
    );
}

#[test]
fn the_classic_case_survives_wikidatas_mess() {
    let r = common::royal_with(Payload::Lean, true);
    let louise = q(&r, "I226");
    for mode in [FetchMode::GetEntities, FetchMode::EntityData] {
        let mut c = CrawlConfig::relate(vec![ELIZABETH, PHILIP]);
        c.fetch = mode;
        let mut crawl = Crawl::new(c, Store::new());
        let rep = sim::run(&mut crawl, &cfg(), |req| serve(&r, req));
        assert!(!rep.stalled);
        let res = crawl.result();
        let va = through(&res.relationships, VICTORIA, ALBERT).expect("through Victoria & Albert");
        assert_eq!(
            (va.kind, va.degree, va.removed),
            (Kind::Cousin, 3, 0),
            "{mode:?}"
        );
        let cl = through(&res.relationships, CHRISTIAN_IX, louise).expect("through Christian IX");
        assert_eq!((cl.degree, cl.removed), (2, 1));
        // Deprecated wrong fathers are not taken: nobody has two fathers.
        assert!(
            !res.problems
                .iter()
                .any(|p| p.to_string().contains("fathers")),
            "{mode:?}: {:?}",
            res.problems
        );
        // Redirected ids were met, asked for, and merged into the real ones.
        let old_ids: Vec<Qid> = rep
            .answered
            .keys()
            .copied()
            .filter(|q| (800_000_000..900_000_000).contains(&q.0))
            .collect();
        assert!(!old_ids.is_empty(), "{mode:?}: no redirect met");
        for old in &old_ids {
            assert!(
                !crawl.graph().people().any(|p| p == *old),
                "{old} left in the graph"
            );
        }
        eprintln!(
            "{mode:?} with quirks: {} entities, {} requests, {} redirects followed, {} failures",
            rep.entities_fetched,
            rep.requests,
            old_ids.len(),
            res.failures.len(),
        );
    }
}

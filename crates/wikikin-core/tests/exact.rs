//! Blood relationships exactly: whatever the crawl chose not to fetch, its answer equals the
//! rule (lowest common ancestors within the generation limit) applied to all the data. Checked
//! on many random pairs of royal92 and of synthetic genealogies with heavy pedigree collapse.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::{royal, serve, ENDPOINT};
use wikidata_replica::{Options, Payload, Replica};
use wikikin_core::sim::{self, Rng, SimConfig};
use wikikin_core::{
    parse_entities, Crawl, CrawlConfig, FamilyGraph, FetchMode, Qid, Relationship, Store,
};
use wikikin_kinship::Pedigree;

/// The whole genealogy the replica serves, as one graph.
fn full_graph(r: &Replica) -> (FamilyGraph, Vec<Qid>) {
    let ids: Vec<Qid> = r
        .people()
        .iter()
        .filter_map(|p| p.qid.parse().ok())
        .collect();
    let mut g = FamilyGraph::new();
    for chunk in ids.chunks(50) {
        let list: Vec<String> = chunk.iter().map(Qid::to_string).collect();
        let url = format!(
            "/w/api.php?action=wbgetentities&ids={}&props=labels%7Cclaims&languages=en&format=json",
            list.join("%7C")
        );
        let body = r.respond("GET", &url).body;
        let parsed = parse_entities(&body, &["en".to_string()]).unwrap();
        for p in &parsed.persons {
            g.add_person(p);
        }
    }
    (g, ids)
}

/// A relationship as the rule defines it (paths may differ between equally short lines).
fn key(r: &Relationship) -> (Qid, Qid, u32, u32, bool, bool, Vec<Qid>) {
    let mut anc = r.ancestors.clone();
    anc.sort();
    (r.a, r.b, r.ga, r.gb, r.half, r.double, anc)
}

fn crawl(r: &Replica, a: Qid, b: Qid, max_generations: u32) -> (Vec<Relationship>, usize) {
    let mut config = CrawlConfig::relate(vec![a, b]);
    config.fetch = FetchMode::GetEntities;
    config.max_generations = max_generations;
    config.connections = false;
    let mut c = Crawl::new(config, Store::new());
    let cfg = SimConfig {
        endpoint: ENDPOINT.into(),
        ..SimConfig::default()
    };
    let rep = sim::run(&mut c, &cfg, |req| serve(r, req));
    (c.result().relationships, rep.entities_fetched)
}

/// Random pairs (seeded); returns (pairs related, pairs checked, entities fetched in all).
fn check(r: &Replica, pairs: usize, seed: u64, max_generations: u32) -> (usize, usize, usize) {
    let (full, ids) = full_graph(r);
    let limits = wikikin_kinship::Limits {
        max_generations,
        ..wikikin_kinship::Limits::default()
    };
    let mut rng = Rng::new(seed);
    let (mut related, mut fetched) = (0, 0);
    for _ in 0..pairs {
        // a at random; b a relative: up a few random parents, down a few random children.
        let mut roll = |n: usize| (rng.next_u64() % n.max(1) as u64) as usize;
        let a = ids[roll(ids.len())];
        let mut b = a;
        for _ in 0..1 + roll(max_generations as usize) {
            let ps = full.parents(b);
            if ps.is_empty() {
                break;
            }
            b = ps[roll(ps.len())];
        }
        for _ in 0..1 + roll(max_generations as usize) {
            let cs = full.children(b);
            if cs.is_empty() {
                break;
            }
            b = cs[roll(cs.len())];
        }
        if a == b {
            continue;
        }
        let mut want: Vec<_> = wikikin_kinship::relate(&full, a, b, &limits)
            .iter()
            .map(key)
            .collect();
        let (got, n) = crawl(r, a, b, max_generations);
        fetched += n;
        let mut got: Vec<_> = got.iter().map(key).collect();
        want.sort();
        got.sort();
        assert_eq!(
            got, want,
            "{a} ↔ {b}: the crawl's answer differs from the rule"
        );
        related += usize::from(!want.is_empty());
    }
    (related, pairs, fetched)
}

#[test]
fn nicholas_ii_and_george_v_are_first_cousins_and_nothing_through_george_i() {
    let r = royal(Payload::Lean);
    let (rels, _) = crawl(&r, Qid(40787), Qid(269412), 10);
    let through: Vec<Vec<Qid>> = rels.iter().map(|r| r.ancestors.clone()).collect();
    assert!(
        rels.iter()
            .any(|x| x.ancestors.contains(&Qid(151305)) && x.degree == 1 && x.removed == 0),
        "first cousins through Christian IX: {through:?}"
    );
    assert!(
        rels.iter().all(|x| x.ga + x.gb < 12),
        "no distant extra relationship (George I & Sophia Dorothea): {through:?}"
    );
}

#[test]
fn the_crawl_equals_the_rule_on_random_royal92_pairs() {
    let r = royal(Payload::Lean);
    let (related, pairs, fetched) = check(&r, 200, 11, 10);
    eprintln!("royal92: {related} of {pairs} pairs related; {fetched} entities fetched");
    assert!(
        related >= 15,
        "enough related pairs to mean something: {related}"
    );
}

#[test]
fn the_crawl_equals_the_rule_on_synthetic_pedigree_collapse() {
    for seed in [3, 5] {
        let r = Replica::synthetic(1500, seed, Options::default()).unwrap();
        let (related, pairs, fetched) = check(&r, 100, seed, 8);
        eprintln!("synthetic seed {seed}: {related} of {pairs} related; {fetched} fetched");
        assert!(related >= 10, "enough related pairs: {related}");
    }
}

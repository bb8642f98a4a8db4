//! All the descendants of a root: by the entity JSON generation by generation, or through the
//! query service in one query — the same people, drawn whole; children recorded only on their
//! own side seen through the query service.

mod common;

use common::{royal, serve, ENDPOINT};
use std::collections::BTreeSet;
use wikidata_replica::Payload;
use wikikin_core::sim::{self, SimConfig};
use wikikin_core::{Crawl, CrawlConfig, FetchMode, OutcomeKind, Qid, Store};

const VICTORIA: Qid = Qid(9439);
const CHARLES: Qid = Qid(43274);

fn descendants(r: &wikidata_replica::Replica, fetch: FetchMode) -> (Crawl, sim::SimReport) {
    descendants_with(r, fetch, 8_000_000)
}

fn descendants_with(
    r: &wikidata_replica::Replica,
    fetch: FetchMode,
    max_bytes: usize,
) -> (Crawl, sim::SimReport) {
    let mut config = CrawlConfig::descendants(vec![VICTORIA]);
    config.fetch = fetch;
    config.sparql_max_bytes = max_bytes;
    config.sparql = Some(format!("{ENDPOINT}/sparql"));
    let mut crawl = Crawl::new(config, Store::new());
    let cfg = SimConfig {
        endpoint: ENDPOINT.into(),
        ..SimConfig::default()
    };
    let rep = sim::run(&mut crawl, &cfg, |x| serve(r, x));
    (crawl, rep)
}

fn loaded_descendants(crawl: &Crawl) -> BTreeSet<Qid> {
    crawl
        .result()
        .persons
        .iter()
        .map(|p| p.id)
        .filter(|q| crawl.graph().is_loaded(*q))
        .collect()
}

#[test]
fn every_descendant_of_victoria_the_same_through_either_source() {
    let r = royal(Payload::Lean);
    let (json, json_rep) = descendants(&r, FetchMode::GetEntities);
    let (sparql, sparql_rep) = descendants(&r, FetchMode::Sparql);
    for c in [&json, &sparql] {
        let out = c.outcome().unwrap();
        assert_eq!(out.kind(), OutcomeKind::Done, "{out}");
        assert!(out.to_string().contains("descendants were loaded"), "{out}");
    }
    let a = loaded_descendants(&json);
    let b = loaded_descendants(&sparql);
    assert!(a.len() > 100, "{} descendants", a.len());
    assert!(a.contains(&CHARLES));
    assert_eq!(a, b, "the same descendants");
    // Drawn whole: every descendant is a person of the tree, with the co-parents.
    let tree = sparql.result().tree;
    assert!(b.iter().all(|q| tree.persons.binary_search(q).is_ok()));
    assert!(
        tree.edges.len() + 1 >= b.len(),
        "{} edges",
        tree.edges.len()
    );
    // Through the query service: the lines in one query, names of the co-parents in a few.
    assert!(
        sparql_rep.levels <= 3,
        "{} levels, {:?}",
        sparql_rep.levels,
        sparql_rep.urls.len()
    );
    assert!(
        json_rep.levels >= sparql_rep.levels + 3,
        "generation by generation: {} against {}",
        json_rep.levels,
        sparql_rep.levels
    );
    assert!(
        sparql_rep.bytes < json_rep.bytes,
        "{} against {} bytes",
        sparql_rep.bytes,
        json_rep.bytes
    );
    eprintln!(
        "descendants of Victoria: {} people; entity JSON {} requests, {} levels, {} bytes; query service {} requests, {} levels, {} bytes",
        b.len(),
        json_rep.requests,
        json_rep.levels,
        json_rep.bytes,
        sparql_rep.requests,
        sparql_rep.levels,
        sparql_rep.bytes
    );
}

#[test]
fn children_recorded_only_on_their_own_side_are_descendants_through_the_query_service() {
    let r = common::royal_quirks_as_served(Payload::Lean);
    let (json, _) = descendants(&r, FetchMode::GetEntities);
    let (sparql, _) = descendants(&r, FetchMode::Sparql);
    let a = loaded_descendants(&json);
    let b = loaded_descendants(&sparql);
    assert!(
        !a.contains(&CHARLES),
        "the entity JSON cannot see him: his parents' P40 omit him"
    );
    assert!(b.contains(&CHARLES), "the query service sees his own P25");
    let lost: Vec<&Qid> = a.difference(&b).collect();
    assert!(lost.is_empty(), "only through the entity JSON: {lost:?}");
}

#[test]
fn answers_too_large_are_asked_again_in_parts_not_from_the_entity_json() {
    // An answer guard of 40 kB: the one query for all of Victoria's descendants (~100 kB) is cut
    // short by its LIMIT, then asked generation by generation, in batches the guard allows;
    // batches still too large are halved. The same descendants, all through the query service.
    let r = royal(Payload::Lean);
    let (whole, whole_rep) = descendants(&r, FetchMode::Sparql);
    let (parts, parts_rep) = descendants_with(&r, FetchMode::Sparql, 40_000);
    let out = parts.outcome().unwrap();
    assert_eq!(out.kind(), OutcomeKind::Done, "{out}");
    assert_eq!(loaded_descendants(&parts), loaded_descendants(&whole));
    let res = parts.result();
    assert!(res.fallbacks.is_empty(), "{:?}", res.fallbacks);
    assert!(parts.split_queries() >= 1, "the first query was split");
    assert_eq!(whole.split_queries(), 0);
    assert!(
        parts_rep.urls.iter().all(|u| u.contains("/sparql?")),
        "no entity JSON"
    );
    assert!(
        parts_rep.requests > whole_rep.requests && parts_rep.levels > whole_rep.levels,
        "generation by generation: {} requests, {} levels",
        parts_rep.requests,
        parts_rep.levels
    );
}

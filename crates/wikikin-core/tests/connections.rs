//! Connections through marriage on the real royal92 GEDCOM, found by the crawl's connection
//! search beside the blood one (meet in the middle), through the simulated network.

mod common;

use common::{royal, serve, ENDPOINT};
use wikidata_replica::{Payload, Replica};
use wikikin_core::sim::{self, SimConfig};
use wikikin_core::{Crawl, CrawlConfig, CrawlResult, FetchMode, OutcomeKind, Qid, Store};
use wikikin_kinship::Step;

const ELIZABETH: Qid = Qid(9682);
const PHILIP: Qid = Qid(80976);
const CHARLES: Qid = Qid(43274);

fn q(r: &Replica, ged: &str) -> Qid {
    r.qid_of(ged).unwrap().parse().unwrap()
}

fn run(r: &Replica, a: Qid, b: Qid) -> (CrawlResult, sim::SimReport) {
    let mut config = CrawlConfig::relate(vec![a, b]);
    config.fetch = FetchMode::GetEntities;
    let mut crawl = Crawl::new(config, Store::new());
    let cfg = SimConfig {
        endpoint: ENDPOINT.into(),
        ..SimConfig::default()
    };
    let rep = sim::run(&mut crawl, &cfg, |req| serve(r, req));
    let out = crawl.outcome().unwrap();
    assert!(
        matches!(out.kind(), OutcomeKind::Done | OutcomeKind::LimitReached(_)),
        "{out}"
    );
    (crawl.result(), rep)
}

#[test]
fn diana_is_elizabeths_daughter_in_law_and_elizabeth_her_mother_in_law() {
    let r = royal(Payload::Lean);
    let diana = q(&r, "I65");
    let (res, rep) = run(&r, ELIZABETH, diana);
    let c = res.connections.expect("two people: connections searched");
    assert_eq!((c.a, c.b), (ELIZABETH, diana));
    let first = c.found.first().expect("a connection through marriage");
    assert_eq!(first.steps, vec![Step::Child, Step::Spouse]);
    assert_eq!(first.path, vec![ELIZABETH, CHARLES, diana]);
    assert!(
        res.relationships.is_empty(),
        "no blood relationship within the limits"
    );
    assert!(
        rep.entities_fetched < 400,
        "{} entities",
        rep.entities_fetched
    );

    let (res, _) = run(&r, diana, ELIZABETH);
    let c = res.connections.unwrap();
    assert_eq!(
        c.found.first().map(|c| c.steps.clone()),
        Some(vec![Step::Spouse, Step::Parent])
    );
}

#[test]
fn a_married_pair_is_one_spouse_link_beside_their_blood_relationships() {
    let r = royal(Payload::Lean);
    let (res, _) = run(&r, ELIZABETH, PHILIP);
    let c = res.connections.unwrap();
    assert_eq!(c.found.len(), 1);
    assert_eq!(c.found[0].steps, vec![Step::Spouse]);
    assert_eq!(c.found[0].path, vec![ELIZABETH, PHILIP]);
    // The three blood relationships are still there.
    assert_eq!(res.relationships.len(), 3, "{:?}", res.relationships);
}

#[test]
fn philip_and_diana_daughter_in_law() {
    let r = royal(Payload::Lean);
    let diana = q(&r, "I65");
    let (res, _) = run(&r, PHILIP, diana);
    let c = res.connections.unwrap();
    assert_eq!(c.found[0].steps, vec![Step::Child, Step::Spouse]);
}

#[test]
fn closer_blood_hides_longer_marriage_chains() {
    let r = royal(Payload::Lean);
    // Charles and his mother: blood (1 link) is closer than any chain through a marriage.
    let (res, _) = run(&r, ELIZABETH, CHARLES);
    assert!(res.connections.unwrap().found.is_empty());
}

#[test]
fn explore_reaches_a_target_whose_parents_omit_him_through_his_own_parents() {
    // With the replica's quirks, Elizabeth's and Philip's P40 omit Charles III; his own P22/P25
    // name them. Exploring down from Victoria still reaches him, at degree 5.
    let r = common::royal_quirks_as_served(Payload::Lean);
    let victoria = Qid(9439);
    let mut config = CrawlConfig::explore(vec![victoria], vec![CHARLES]);
    config.fetch = FetchMode::GetEntities;
    let mut crawl = Crawl::new(config, Store::new());
    let cfg = SimConfig {
        endpoint: ENDPOINT.into(),
        ..SimConfig::default()
    };
    sim::run(&mut crawl, &cfg, |req| serve(&r, req));
    let res = crawl.result();
    assert_eq!(
        res.reached,
        vec![(CHARLES, Some(5))],
        "{}",
        crawl.outcome().unwrap()
    );
}

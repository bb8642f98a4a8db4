//! Connections through marriage on the real royal92 GEDCOM, found by the crawl's connection
//! search beside the blood one (meet in the middle), through the simulated network.

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

/// A person with parents, spouses and sex, for hand-built families.
fn person(
    id: u64,
    sex: wikikin_core::Sex,
    parents: &[u64],
    spouses: &[u64],
) -> wikikin_core::Person {
    let mut p = wikikin_core::Person::new(Qid(id));
    p.sex = sex;
    p.label = Some(format!("Person {id}"));
    p.fathers = parents.iter().take(1).map(|q| Qid(*q)).collect();
    p.mothers = parents.iter().skip(1).map(|q| Qid(*q)).collect();
    p.spouses = spouses.iter().map(|q| Qid(*q)).collect();
    p
}

#[test]
fn the_meet_in_the_middle_search_stops_once_the_shortest_chains_are_certain() {
    use wikikin_core::Sex::{Female as F, Male as M};
    // 1 = 2 (married); 2's parents 3 & 4; their son 5 (2's brother): 5 is 1's brother-in-law,
    // 3 links. Far around them, people nobody needs: 1's parents 10 & 11, their parents 20 & 21,
    // 5's son 30 and grandson 40.
    let mut fam = vec![
        person(1, M, &[10, 11], &[2]),
        person(2, F, &[3, 4], &[1]),
        person(3, M, &[], &[4]),
        person(4, F, &[], &[3]),
        person(5, M, &[3, 4], &[]),
        person(10, M, &[20, 21], &[11]),
        person(11, F, &[], &[10]),
        person(20, M, &[], &[21]),
        person(21, F, &[], &[20]),
        person(30, M, &[5], &[]),
        person(40, M, &[30], &[]),
    ];
    // Children on the parents' side too.
    let kids: Vec<(u64, Vec<u64>)> = vec![
        (3, vec![2, 5]),
        (4, vec![2, 5]),
        (10, vec![1]),
        (11, vec![1]),
        (20, vec![10]),
        (21, vec![10]),
        (5, vec![30]),
        (30, vec![40]),
    ];
    for (parent, children) in kids {
        if let Some(p) = fam.iter_mut().find(|p| p.id == Qid(parent)) {
            p.children = children.into_iter().map(Qid).collect();
        }
    }
    let mut config = CrawlConfig::relate(vec![Qid(1), Qid(5)]);
    config.max_generations = 0; // the connection search alone
    let mut crawl = Crawl::new(config, Store::new());
    let rep = sim::run(
        &mut crawl,
        &SimConfig::default(),
        wikikin_core::sim::family_server(&fam),
    );
    let c = crawl.result().connections.expect("searched");
    assert_eq!(c.found.len(), 1, "{:?}", c.found);
    assert_eq!(
        c.found[0].steps,
        vec![Step::Spouse, Step::Parent, Step::Child]
    );
    assert!(c.searched_links >= 3);
    // Certain at ka + kb + 2 = 3 links with ka + kb = 1: the two people and one side's first
    // ring loaded; nobody two links or more from both.
    for far in [20, 21, 40] {
        assert!(
            !rep.answered.contains_key(&Qid(far)),
            "Q{far} was fetched: {:?}",
            rep.answered.keys()
        );
    }
    let searched = (1..=40)
        .filter(|q| crawl.graph().is_loaded(Qid(*q)))
        .count();
    assert_eq!(
        searched, 5,
        "1 and 5, then one ring of the cheaper side (10, 11, 2)"
    );
    // With a link limit below the chain, nothing is found and the search says how far it looked.
    let mut config = CrawlConfig::relate(vec![Qid(1), Qid(5)]);
    config.max_generations = 0;
    config.max_links = 2;
    let mut crawl = Crawl::new(config, Store::new());
    sim::run(
        &mut crawl,
        &SimConfig::default(),
        wikikin_core::sim::family_server(&fam),
    );
    let c = crawl.result().connections.expect("searched");
    assert!(c.found.is_empty());
    assert_eq!(c.searched_links, 2);
}

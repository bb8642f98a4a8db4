//! Shared by the integration tests: real answers built from crawls of the royal92 GEDCOM,
//! served by the replica through the core's simulated network (no socket, no clock).

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![allow(dead_code)] // each test file uses a part

use std::path::Path;
use wikidata_replica::{Options, Payload, Replica};
use wikikin_core::sim::{self, SimConfig, SimReply, SimRequest};
use wikikin_core::{Crawl, Qid, Store};
use wikikin_view::{Answer, Ask};

pub const ENDPOINT: &str = "http://replica.test";
pub const ELIZABETH: Qid = Qid(9682);
pub const PHILIP: Qid = Qid(80976);
pub const VICTORIA: Qid = Qid(9439);
pub const ALBERT: Qid = Qid(152245);
pub const CHRISTIAN_IX: Qid = Qid(151305);

/// The royal92 replica, optionally with Wikidata's mess (`quirks`).
pub fn royal(quirks: bool) -> Replica {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/");
    Replica::from_gedcom_path(
        Path::new(&format!("{data}royal92.ged")),
        Some(Path::new(&format!("{data}royal92-qids.csv"))),
        Options {
            payload: Payload::Full,
            quirks,
            seed: 7,
            ..Options::default()
        },
    )
    .expect("the royal92 data beside the repository (../shared/data)")
}

/// The replica's Q-id of a GEDCOM person (`I226` → Louise of Hesse-Cassel).
pub fn qid(r: &Replica, gedcom_id: &str) -> Qid {
    r.qid_of(gedcom_id)
        .and_then(|q| q.parse().ok())
        .unwrap_or_else(|| panic!("{gedcom_id} is not in the replica"))
}

/// Answers a simulated request with exactly what the replica's HTTP server would send.
pub fn serve(replica: &Replica, r: &SimRequest) -> SimReply {
    let (method, pq, form) = r.target(ENDPOINT);
    let resp = replica.respond_form(method, pq, form);
    SimReply::Http {
        status: resp.status,
        retry_after: resp.header("Retry-After").map(str::to_owned),
        body: resp.body,
    }
}

/// A question to the replica, in English.
pub fn ask(people: &[Qid], roots: &[Qid]) -> Ask {
    let mut a = Ask::new("en");
    a.people = people.to_vec();
    a.roots = roots.to_vec();
    a.set_endpoint(ENDPOINT);
    a
}

/// Runs `ask` against the replica, as the page does, and builds the page's answer.
pub fn answer(replica: &Replica, ask: Ask) -> Answer {
    answer_with(replica, ask, SimConfig::default()).0
}

/// The same, with network settings (e.g. a cancel time), also giving back the store.
pub fn answer_with(replica: &Replica, ask: Ask, cfg: SimConfig) -> (Answer, Store) {
    let cfg = SimConfig {
        endpoint: ENDPOINT.into(),
        ..cfg
    };
    let mut crawl = Crawl::new(ask.crawl_config(), Store::new());
    let report = sim::run(&mut crawl, &cfg, |r| serve(replica, r));
    let outcome = crawl.outcome().expect("the simulated crawl ends");
    let answer = Answer::build(
        ask,
        outcome,
        crawl.result(),
        crawl.progress(),
        report.wall_ms,
    );
    (answer, crawl.into_store())
}

/// The royal92 replica with `--sources mixed` (seeded references, doubts, adoptive parents,
/// second fathers and impossible dates).
pub fn royal_sources(seed: u64) -> Replica {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/");
    Replica::from_gedcom_path(
        Path::new(&format!("{data}royal92.ged")),
        Some(Path::new(&format!("{data}royal92-qids.csv"))),
        Options {
            payload: Payload::Full,
            seed,
            sources_mixed: true,
            ..Options::default()
        },
    )
    .expect("the royal92 data beside the repository (../shared/data)")
}

/// A JSON answer of the replica (`/__replica/sources`, an entity's JSON), as its server sends it.
pub fn get_json(replica: &Replica, path: &str) -> serde_json::Value {
    let resp = replica.respond("GET", path);
    assert_eq!(resp.status, 200, "{path}");
    serde_json::from_slice(&resp.body).expect("JSON from the replica")
}

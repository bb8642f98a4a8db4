//! Shared by the integration tests: the royal92 replica behind the simulated network.

// Test helpers (outside `#[test]` functions): a failed setup fails the test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;
use wikidata_replica::{Options, Payload, Replica};
use wikikin_core::sim::{SimReply, SimRequest};

pub const ENDPOINT: &str = "http://replica.test";

pub fn royal(payload: Payload) -> Replica {
    royal_with(payload, false)
}

/// With `quirks`, the replica adds Wikidata's mess: deprecated wrong fathers, somevalue/novalue
/// parents, one-sided links, redirected ids used by relatives, deleted items, duplicates.
pub fn royal_with(payload: Payload, quirks: bool) -> Replica {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/");
    Replica::from_gedcom_path(
        Path::new(&format!("{data}royal92.ged")),
        Some(Path::new(&format!("{data}royal92-qids.csv"))),
        Options {
            payload,
            quirks,
            seed: 7,
            ..Options::default()
        },
    )
    .unwrap()
}

/// The royal92 replica with its quirks as `wikidata-replica --quirks` serves them (seed 1).
#[allow(dead_code)] // not every test file uses it
pub fn royal_quirks_as_served(payload: Payload) -> Replica {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/");
    Replica::from_gedcom_path(
        Path::new(&format!("{data}royal92.ged")),
        Some(Path::new(&format!("{data}royal92-qids.csv"))),
        Options {
            payload,
            quirks: true,
            seed: 1,
            ..Options::default()
        },
    )
    .unwrap()
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

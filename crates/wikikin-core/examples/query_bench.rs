//! Query-service benchmark: Elizabeth II ↔ Philip on the royal92 replica with full-size
//! entities, against the seed exercise's crawl, and the entity-JSON crawl beside the
//! query-service crawl at several query-service server times.
//!
//! `cargo run --release -p wikikin-core --example query_bench -- [--latency 100] [--jitter 20]
//!  [--mbit 50] [--reps 5] [--data DIR]`
//!
//! Network model (the simulated network of `wikikin_core::sim`): every request waits the latency
//! plus uniform jitter (plus the query time for the query service), then its answer arrives at
//! the bandwidth (answers do not share it). The seed's crawl: breadth-first from Victoria over
//! P22/P25/P40, `Special:EntityData` one id per request, one unbounded gather per level (every
//! request of a level at once; the level ends with its slowest answer), until both people are
//! fetched — simulated on the same model with the same replica answers, at most `--seed-cap`
//! requests at once (aiohttp's default connector: 100; a browser: 6 per host). Ours: the app's crawl
//! (relate, with the connection search and names), 6 requests in flight (3 queries).

// Examples and benchmarks: a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;
use std::path::Path;
use wikidata_replica::{Options, Payload, Replica};
use wikikin_core::sim::{self, Rng, SimConfig, SimReply};
use wikikin_core::{parse_entities, Crawl, CrawlConfig, FetchMode, Qid, Store};

const ENDPOINT: &str = "http://replica.test";

struct Net {
    latency: f64,
    jitter: f64,
    bytes_per_ms: f64,
}

fn main() {
    let mut net = Net {
        latency: 100.0,
        jitter: 20.0,
        bytes_per_ms: 50.0 * 1e6 / 8.0 / 1000.0,
    };
    let mut reps = 5usize;
    // aiohttp's default connector: at most 100 connections at once.
    let mut seed_cap = 100usize;
    let mut data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data").to_string();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let v = it.next().cloned().unwrap_or_default();
        match flag.as_str() {
            "--latency" => net.latency = v.parse().unwrap_or(net.latency),
            "--jitter" => net.jitter = v.parse().unwrap_or(net.jitter),
            "--mbit" => net.bytes_per_ms = v.parse::<f64>().map_or(net.bytes_per_ms, |m| m * 125.0),
            "--reps" => reps = v.parse().unwrap_or(reps),
            "--seed-cap" => seed_cap = v.parse().unwrap_or(seed_cap).max(1),
            "--data" => data = v,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let replica = match Replica::from_gedcom_path(
        Path::new(&format!("{data}/royal92.ged")),
        Some(Path::new(&format!("{data}/royal92-qids.csv"))),
        Options {
            payload: Payload::Full,
            ..Options::default()
        },
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot load the replica: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "Elizabeth II ↔ Philip, royal92 replica, full payload, latency {} ms + jitter {} ms, {} Mbit/s; medians of {reps}",
        net.latency,
        net.jitter,
        net.bytes_per_ms / 125.0
    );
    println!(
        "{:<38} {:>9} {:>9} {:>11} {:>9} {:>9} {:>9}",
        "crawl", "wall ms", "requests", "bytes", "wall ×", "req ×", "bytes ×"
    );
    let seed = median_run(reps, |s| seed_crawl(&replica, &net, seed_cap, s));
    row(
        &format!("seed: BFS, EntityData, {seed_cap} at once"),
        seed,
        seed,
    );
    for (name, fetch, query_ms) in [
        (
            "ours: entity JSON (wbgetentities)",
            FetchMode::GetEntities,
            0.0,
        ),
        (
            "ours: query service, 300 ms a query",
            FetchMode::Sparql,
            300.0,
        ),
        (
            "ours: query service, 1 s a query",
            FetchMode::Sparql,
            1000.0,
        ),
        (
            "ours: query service, no server time",
            FetchMode::Sparql,
            0.0,
        ),
    ] {
        let ours = median_run(reps, |s| our_crawl(&replica, &net, fetch, query_ms, s));
        row(name, ours, seed);
    }
}

/// (wall ms, requests, bytes)
type Run = (f64, usize, u64);

fn median_run(reps: usize, mut f: impl FnMut(u64) -> Run) -> Run {
    let mut runs: Vec<Run> = (0..reps.max(1) as u64).map(|s| f(s + 1)).collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    runs[runs.len() / 2]
}

fn row(name: &str, r: Run, seed: Run) {
    println!(
        "{:<38} {:>9.0} {:>9} {:>11} {:>8.1}× {:>8.1}× {:>8.1}×",
        name,
        r.0,
        r.1,
        r.2,
        seed.0 / r.0,
        seed.1 as f64 / r.1 as f64,
        seed.2 as f64 / r.2 as f64
    );
}

fn respond(r: &Replica, url: &str) -> (u16, Vec<u8>) {
    let pq = url.strip_prefix(ENDPOINT).unwrap_or(url);
    let resp = r.respond("GET", pq);
    (resp.status, resp.body)
}

fn our_crawl(r: &Replica, net: &Net, fetch: FetchMode, query_ms: f64, seed: u64) -> Run {
    let mut config = CrawlConfig::relate(vec![Qid(9682), Qid(80976)]);
    config.fetch = fetch;
    config.sparql = Some(format!("{ENDPOINT}/sparql"));
    let mut crawl = Crawl::new(config, Store::new());
    let sc = SimConfig {
        latency_ms: net.latency,
        jitter_ms: net.jitter,
        bytes_per_ms: Some(net.bytes_per_ms),
        sparql_ms: query_ms,
        seed,
        endpoint: ENDPOINT.into(),
        ..SimConfig::default()
    };
    let rep = sim::run(&mut crawl, &sc, |req| {
        let (method, pq, form) = req.target(ENDPOINT);
        let resp = r.respond_form(method, pq, form);
        let (status, body) = (resp.status, resp.body);
        SimReply::Http {
            status,
            retry_after: None,
            body,
        }
    });
    let res = crawl.result();
    if res.relationships.len() != 3 {
        eprintln!(
            "warning: {} relationships ({fetch:?})",
            res.relationships.len()
        );
    }
    (rep.wall_ms, rep.requests, rep.bytes)
}

/// The seed exercise's crawl on the same network model.
fn seed_crawl(r: &Replica, net: &Net, cap: usize, seed: u64) -> Run {
    let mut rng = Rng::new(seed);
    let targets = [Qid(9682), Qid(80976)];
    let mut seen: BTreeSet<Qid> = BTreeSet::from([Qid(9439)]);
    let mut fetched: BTreeSet<Qid> = BTreeSet::new();
    let mut level = vec![Qid(9439)];
    let (mut wall, mut requests, mut bytes) = (0.0, 0usize, 0u64);
    while !level.is_empty() && !targets.iter().all(|t| fetched.contains(t)) {
        // The level's requests go `cap` at a time; each connection takes the next when free.
        let mut free_at: Vec<f64> = vec![0.0; cap.min(level.len()).max(1)];
        let mut next = Vec::new();
        for q in &level {
            let (_, body) = respond(r, &format!("/wiki/Special:EntityData/{q}.json"));
            requests += 1;
            bytes += body.len() as u64;
            let t =
                net.latency + rng.next_f64() * net.jitter + body.len() as f64 / net.bytes_per_ms;
            if let Some(slot) = free_at.iter_mut().min_by(|a, b| a.total_cmp(b)) {
                *slot += t;
            }
            fetched.insert(*q);
            if let Ok(parsed) = parse_entities(&body, &["en".to_string()]) {
                for p in parsed.persons {
                    for n in p.fathers.iter().chain(&p.mothers).chain(&p.children) {
                        if seen.insert(*n) {
                            next.push(*n);
                        }
                    }
                }
            }
        }
        wall += free_at.iter().copied().fold(0.0, f64::max);
        level = next;
    }
    (wall, requests, bytes)
}

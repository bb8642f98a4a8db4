//! Crawl benchmark on the royal92 replica through the simulated network.
//!
//! `cargo run --release -p wikikin-core --example crawl_bench -- [--latency MS] [--jitter MS]
//!  [--bandwidth BYTES_PER_MS] [--payload lean|full] [--data DIR]`
//!
//! Prints, for Elizabeth II ↔ Philip (relate) and for a breadth-first explore from Victoria
//! reaching both, per fetch mode and in-flight cap: virtual wall time, dependent levels,
//! wall / (levels × latency), entities fetched, requests and bytes.

use std::path::Path;
use std::time::Instant;
use wikidata_replica::{Options, Payload, Replica};
use wikikin_core::sim::{self, SimConfig, SimReply, SimReport};
use wikikin_core::{Crawl, CrawlConfig, FetchMode, Qid, Store};

const ENDPOINT: &str = "http://replica.test";

fn main() {
    let mut latency = 100.0;
    let mut jitter = 0.0;
    let mut bandwidth: Option<f64> = None;
    let mut payload = Payload::Lean;
    let mut synthetic: Option<usize> = None;
    let mut data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data").to_string();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().unwrap_or_default();
        match a.as_str() {
            "--latency" => latency = val().parse().unwrap_or(latency),
            "--jitter" => jitter = val().parse().unwrap_or(jitter),
            "--bandwidth" => bandwidth = val().parse().ok(),
            "--payload" => {
                payload = if val() == "full" {
                    Payload::Full
                } else {
                    Payload::Lean
                }
            }
            "--data" => data = val(),
            "--synthetic" => synthetic = val().parse().ok(),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    if let Some(n) = synthetic {
        synthetic_run(n, latency);
        return;
    }
    let replica = match Replica::from_gedcom_path(
        Path::new(&format!("{data}/royal92.ged")),
        Some(Path::new(&format!("{data}/royal92-qids.csv"))),
        Options {
            payload,
            ..Options::default()
        },
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot load the replica: {e}");
            std::process::exit(1);
        }
    };
    let serve = |r: &sim::SimRequest| {
        let pq = r.url.strip_prefix(ENDPOINT).unwrap_or(r.url);
        let resp = replica.respond("GET", pq);
        SimReply::Http {
            status: resp.status,
            retry_after: resp.header("Retry-After").map(str::to_owned),
            body: resp.body,
        }
    };
    println!(
        "royal92 replica ({} people), payload {payload:?}, latency {latency} ms, jitter {jitter} ms, bandwidth {}",
        replica.person_count(),
        bandwidth.map_or("unlimited".to_string(), |b| format!("{b} bytes/ms"))
    );
    println!(
        "{:<32} {:<12} {:>4} {:>9} {:>6} {:>6} {:>8} {:>8} {:>10} {:>7}  outcome",
        "question",
        "mode",
        "cap",
        "wall ms",
        "levels",
        "ratio",
        "entities",
        "requests",
        "bytes",
        "cpu ms"
    );
    let elizabeth = Qid(9682);
    let philip = Qid(80976);
    let victoria = Qid(9439);
    for (name, question) in [
        (
            "relate Elizabeth II ↔ Philip",
            CrawlConfig::relate(vec![elizabeth, philip]),
        ),
        (
            "explore Victoria → both",
            CrawlConfig::explore(vec![victoria], vec![elizabeth, philip]),
        ),
    ] {
        for mode in [FetchMode::EntityData, FetchMode::GetEntities] {
            for cap in [2usize, 6, 16] {
                let mut c = question.clone();
                c.fetch = mode;
                let mut crawl = Crawl::new(c, Store::new());
                let sc = SimConfig {
                    latency_ms: latency,
                    jitter_ms: jitter,
                    bytes_per_ms: bandwidth,
                    max_in_flight: cap,
                    endpoint: ENDPOINT.into(),
                    ..SimConfig::default()
                };
                let started = Instant::now();
                let rep: SimReport = sim::run(&mut crawl, &sc, serve);
                let cpu = started.elapsed().as_secs_f64() * 1000.0;
                let outcome = rep
                    .outcome
                    .as_ref()
                    .map_or("-".to_string(), |o| format!("{:?}", o.kind()));
                println!(
                    "{:<32} {:<12} {:>4} {:>9.0} {:>6} {:>6.2} {:>8} {:>8} {:>10} {cpu:>7.1}  {outcome}",
                    name,
                    format!("{mode:?}"),
                    cap,
                    rep.wall_ms,
                    rep.levels,
                    rep.efficiency(latency),
                    rep.entities_fetched,
                    rep.requests,
                    rep.bytes
                );
                if name.starts_with("relate") && mode == FetchMode::GetEntities && cap == 6 {
                    let res = crawl.result();
                    for r in res.relationships.iter().take(3) {
                        let names: Vec<String> = r
                            .ancestors
                            .iter()
                            .map(|q| crawl.person(*q).map_or(q.to_string(), |p| p.name()))
                            .collect();
                        println!(
                            "    {:?} degree {} removed {} through {}",
                            r.kind,
                            r.degree,
                            r.removed,
                            names.join(" & ")
                        );
                    }
                }
            }
        }
    }
}

/// Engine cost on a bigger family: relate the two last people of a synthetic genealogy.
/// CPU time includes the replica rendering JSON and the engine parsing it.
fn synthetic_run(n: usize, latency: f64) {
    let replica = match Replica::synthetic(n, 1, Options::default()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot build the synthetic replica: {e}");
            std::process::exit(1);
        }
    };
    let people = replica.people();
    let pick: Vec<Qid> = people
        .iter()
        .rev()
        .step_by(7)
        .take(2)
        .filter_map(|p| p.qid.parse().ok())
        .collect();
    let serve = |r: &sim::SimRequest| {
        let pq = r.url.strip_prefix(ENDPOINT).unwrap_or(r.url);
        let resp = replica.respond("GET", pq);
        SimReply::Http {
            status: resp.status,
            retry_after: resp.header("Retry-After").map(str::to_owned),
            body: resp.body,
        }
    };
    for max_generations in [10u32, 30] {
        let mut c = CrawlConfig::relate(pick.clone());
        c.max_generations = max_generations;
        c.max_entities = 50_000;
        let mut crawl = Crawl::new(c, Store::new());
        let sc = SimConfig {
            latency_ms: latency,
            endpoint: ENDPOINT.into(),
            ..SimConfig::default()
        };
        let started = Instant::now();
        let rep = sim::run(&mut crawl, &sc, serve);
        let sim_ms = started.elapsed().as_secs_f64() * 1000.0;
        let started = Instant::now();
        let res = crawl.result();
        let relate_ms = started.elapsed().as_secs_f64() * 1000.0;
        println!(
            "synthetic {n}: relate {:?} max {max_generations} generations: {} entities, {} requests, {} levels, wall {:.0} ms (ratio {:.2}), cpu {sim_ms:.0} ms crawl + {relate_ms:.0} ms result, {} relationships, {:?}",
            pick,
            rep.entities_fetched,
            rep.requests,
            rep.levels,
            rep.wall_ms,
            rep.efficiency(latency),
            res.relationships.len(),
            rep.outcome.map(|o| o.kind())
        );
    }
}

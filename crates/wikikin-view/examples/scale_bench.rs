//! Scale: every descendant of one root through the query service, then drawn — the time to the
//! answer and the time to draw, on royal92 (Victoria) and on synthetic genealogies.
//!
//! `cargo run --release -p wikikin-view --example scale_bench -- [--synthetic 100000] [--data DIR]`
//!
//! The replica (its real SPARQL engine) answers through the simulated network (100 ms latency,
//! 20 ms jitter, 300 ms a query, 50 Mbit/s, 3 queries at once). Columns: *drawn*, the people in
//! the tree (descendants and their co-parents); *queries* and *MB*, what went over the network;
//! *split*, answers too large to read that were asked again in parts; *wall ms*, the crawl's
//! virtual wall time (the time to the answer, network included); *crawl ms*, the CPU time of the
//! crawl; *answer ms*, the CPU time to build the answer (kinship, the tree and its layout); *markup
//! ms*, the SVG at the page's level of detail for the fitted overview (what the page computes
//! before the DOM: the time to draw).
//! The synthetic root is the founder with the most descendants.

use std::path::Path;
use std::time::Instant;
use wikidata_replica::{Options, Payload, Replica};
use wikikin_core::sim::{self, SimConfig, SimReply};
use wikikin_core::{Crawl, CrawlConfig, FetchMode, Qid, Store};
use wikikin_view::draw::{markup, DrawOptions};
use wikikin_view::{detail_for, Answer, Ask};

const ENDPOINT: &str = "http://replica.test";

fn main() {
    let mut synthetic: Vec<usize> = vec![100_000];
    let mut data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data").to_string();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let v = it.next().cloned().unwrap_or_default();
        match flag.as_str() {
            "--synthetic" => synthetic = v.split(',').filter_map(|n| n.parse().ok()).collect(),
            "--data" => data = v,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    println!(
        "{:<20} {:>7} {:>8} {:>8} {:>7} {:>6} {:>9} {:>9} {:>9} {:>9}",
        "genealogy",
        "load s",
        "drawn",
        "queries",
        "MB",
        "split",
        "wall ms",
        "crawl ms",
        "answer ms",
        "markup ms"
    );
    let opts = Options {
        payload: Payload::Lean,
        ..Options::default()
    };
    let t = Instant::now();
    match Replica::from_gedcom_path(
        Path::new(&format!("{data}/royal92.ged")),
        Some(Path::new(&format!("{data}/royal92-qids.csv"))),
        opts.clone(),
    ) {
        Ok(r) => run(
            "royal92, Victoria",
            &r,
            Qid(9439),
            t.elapsed().as_secs_f64(),
        ),
        Err(e) => eprintln!("cannot load royal92: {e}"),
    }
    for n in synthetic {
        let t = Instant::now();
        match Replica::synthetic(n, 1, opts.clone()) {
            Ok(r) => {
                let Some((root, count)) = most_descended_founder(r.data()) else {
                    eprintln!("synthetic {n}: no founder");
                    continue;
                };
                println!("synthetic {n}: root {root} with {count} descendants");
                // The query service's store is built on the first query: warm it.
                let _ = r.respond("GET", "/sparql?query=ASK%7B%7D&format=json");
                run(
                    &format!("synthetic {n}"),
                    &r,
                    root,
                    t.elapsed().as_secs_f64(),
                );
            }
            Err(e) => eprintln!("cannot build synthetic {n}: {e}"),
        }
    }
}

/// Among the first 64 founders (no parents; the synthetic genealogy's houses start with them,
/// later ones are spouses from outside), the one with the most descendants, and how many: the
/// biggest "all descendants of one root" question the genealogy has.
fn most_descended_founder(data: &wikidata_replica::model::Data) -> Option<(Qid, usize)> {
    use wikidata_replica::model::NONE;
    let mut seen = vec![u32::MAX; data.people.len()];
    let mut best: Option<(Qid, usize)> = None;
    let founders = data
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.father == NONE && p.mother == NONE)
        .take(64);
    for (i, p) in founders {
        let mark = i as u32;
        let mut stack: Vec<u32> = p.children.to_vec();
        let mut count = 0;
        while let Some(c) = stack.pop() {
            let Some(slot) = seen.get_mut(c as usize) else {
                continue;
            };
            if *slot == mark {
                continue;
            }
            *slot = mark;
            count += 1;
            if let Some(child) = data.people.get(c as usize) {
                stack.extend(child.children.iter());
            }
        }
        if best.is_none_or(|(_, b)| count > b) {
            best = Some((Qid(u64::from(p.qid)), count));
        }
    }
    best
}

fn run(name: &str, r: &Replica, root: Qid, load_s: f64) {
    let mut ask = Ask::new("en");
    ask.roots = vec![root];
    ask.descendants = true;
    ask.set_endpoint(ENDPOINT);
    ask.sparql = Some(format!("{ENDPOINT}/sparql"));
    ask.fetch = FetchMode::Sparql;
    let mut config: CrawlConfig = ask.crawl_config();
    config.max_entities = 2_000_000;
    let cfg = SimConfig {
        endpoint: ENDPOINT.into(),
        sparql_ms: 300.0,
        bytes_per_ms: Some(6250.0),
        max_in_flight: 6,
        timeout_ms: 600_000.0,
        max_steps: 100_000_000,
        ..SimConfig::default()
    };
    let t = Instant::now();
    let mut crawl = Crawl::new(config, Store::new());
    let rep = sim::run(&mut crawl, &cfg, |req| {
        let (method, pq, form) = req.target(ENDPOINT);
        let resp = r.respond_form(method, pq, form);
        SimReply::Http {
            status: resp.status,
            retry_after: resp.header("Retry-After").map(str::to_owned),
            body: resp.body,
        }
    });
    let crawl_ms = t.elapsed().as_secs_f64() * 1000.0;
    let Some(outcome) = crawl.outcome() else {
        eprintln!("{name}: no outcome");
        return;
    };
    let t = Instant::now();
    let result = crawl.result();
    let progress = crawl.progress();
    let answer = Answer::build(ask, outcome, result, progress, rep.wall_ms);
    let answer_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let people = answer.layout.boxes.len();
    let (w, h) = (answer.layout.width.max(1.0), answer.layout.height.max(1.0));
    let k = (1280.0 / w).min(800.0 / h);
    let detail = detail_for(people, k, (0.0, 0.0, w, h));
    let svg = markup(
        &answer,
        DrawOptions {
            images: true,
            detail,
        },
    );
    let markup_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{:<20} {:>7.1} {:>8} {:>8} {:>7.1} {:>6} {:>9.0} {:>9.0} {:>9.0} {:>9.0}   {} ({} kB of markup at {detail:?})",
        name,
        load_s,
        people,
        rep.requests,
        rep.bytes as f64 / 1e6,
        crawl.split_queries(),
        rep.wall_ms,
        crawl_ms,
        answer_ms,
        markup_ms,
        answer.outcome,
        svg.len() / 1000
    );
}

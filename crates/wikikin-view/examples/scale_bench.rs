//! Scale: every descendant of one root through the query service, then drawn — the time to the
//! answer and the time to draw, on royal92 (Victoria) and on synthetic genealogies.
//!
//! `cargo run --release -p wikikin-view --example scale_bench -- [--synthetic 100000] [--data DIR]`
//!
//! The replica (its real SPARQL engine) answers through the simulated network (100 ms latency,
//! 300 ms a query, 50 Mbit/s). *answer*: virtual wall time of the crawl, and the CPU time of the
//! crawl and of building the answer (kinship, the tree); *draw*: the layout, then the markup at
//! the page's level of detail for the fitted overview (what the page computes before the DOM).

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
        "{:<28} {:>9} {:>10} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "genealogy",
        "load s",
        "people",
        "queries",
        "wall ms",
        "crawl ms",
        "answer ms",
        "build ms",
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
                // The founder with the most descendants: the first person.
                let root = r
                    .people()
                    .first()
                    .and_then(|p| p.qid.parse().ok())
                    .unwrap_or(Qid(1));
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
    let t_layout = Instant::now();
    let answer = Answer::build(ask, outcome, result, progress, rep.wall_ms);
    let answer_ms = t.elapsed().as_secs_f64() * 1000.0;
    let layout_ms = t_layout.elapsed().as_secs_f64() * 1000.0;
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
        "{:<28} {:>9.1} {:>10} {:>8} {:>9.0} {:>9.0} {:>9.0} {:>9.0} {:>9.0}   {} ({} kB of markup)",
        name,
        load_s,
        people,
        rep.requests,
        rep.wall_ms,
        crawl_ms,
        answer_ms,
        layout_ms,
        markup_ms,
        answer.outcome,
        svg.len() / 1000
    );
}

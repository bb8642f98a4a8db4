//! Connection search benchmark: meet in the middle (ours) against a one-sided breadth-first
//! search from the first person (the seed's strategy), for chains through marriage of 2 to 6
//! links, on royal92 and on a synthetic genealogy.
//!
//! `cargo run --release -p wikikin-core --example connect_bench -- [--latency MS] [--pairs N]
//!  [--synthetic N] [--data DIR]`
//!
//! Ours: the connection search alone (the relate crawl with no generations to climb), and the
//! app's whole relate crawl (blood search, connection search, names), through the simulated
//! network against the replica: entities fetched and virtual wall time. The pairs start from
//! people at the heart of the family (at least 40 people within three links).
//! One-sided BFS: level-synchronous from the first person over parent, child and spouse links,
//! fetching every person of a level (`wbgetentities`, 50 ids a request, as many requests in
//! flight as ours) until the second person is seen. Its figures are computed on the full data
//! (all links from both sides, which only helps it): the people within `L - 1` links must all be
//! fetched to see someone at `L`.

// Examples and benchmarks: a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashMap;
use std::path::Path;
use wikidata_replica::{Options, Payload, Replica};
use wikikin_core::sim::{self, Rng, SimConfig, SimReply};
use wikikin_core::{parse_entities, Crawl, CrawlConfig, FamilyGraph, FetchMode, Qid, Store};
use wikikin_kinship::{connections, link_distances, neighbours, ConnectLimits, Limits};

const ENDPOINT: &str = "http://replica.test";

struct Args {
    latency: f64,
    pairs: usize,
    synthetic: usize,
    data: String,
}

fn main() {
    let mut a = Args {
        latency: 100.0,
        pairs: 5,
        synthetic: 20_000,
        data: concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data").to_string(),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let val = it.next().cloned().unwrap_or_default();
        match flag.as_str() {
            "--latency" => a.latency = val.parse().unwrap_or(a.latency),
            "--pairs" => a.pairs = val.parse().unwrap_or(a.pairs),
            "--synthetic" => a.synthetic = val.parse().unwrap_or(a.synthetic),
            "--data" => a.data = val,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let opts = Options {
        payload: Payload::Lean,
        ..Options::default()
    };
    let royal = Replica::from_gedcom_path(
        Path::new(&format!("{}/royal92.ged", a.data)),
        Some(Path::new(&format!("{}/royal92-qids.csv", a.data))),
        opts.clone(),
    );
    match royal {
        Ok(r) => table("royal92", &r, &a),
        Err(e) => eprintln!("cannot load royal92: {e}"),
    }
    match Replica::synthetic(a.synthetic, 1, opts) {
        Ok(r) => table(&format!("synthetic {}", a.synthetic), &r, &a),
        Err(e) => eprintln!("cannot build the synthetic genealogy: {e}"),
    }
}

/// Everyone the replica serves, as one graph.
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
            "/w/api.php?action=wbgetentities&ids={}&props=claims&format=json",
            list.join("%7C")
        );
        if let Ok(parsed) = parse_entities(&r.respond("GET", &url).body, &[]) {
            for p in &parsed.persons {
                g.add_person(p);
            }
        }
    }
    (g, ids)
}

/// Pairs whose shortest chain through a marriage has `links` links and no closer blood tie.
fn pairs(g: &FamilyGraph, ids: &[Qid], links: u32, want: usize, seed: u64) -> Vec<(Qid, Qid)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let limits = Limits {
        max_generations: 10,
        ..Limits::default()
    };
    for _ in 0..20_000 {
        if out.len() >= want {
            break;
        }
        let a = ids[(rng.next_u64() % ids.len() as u64) as usize];
        // People at the heart of the family (dozens within three links), as people ask about.
        if link_distances(g, a, 3).len() < 40 {
            continue;
        }
        // A random walk of `links` steps, then check the exact shortest chain.
        let mut b = a;
        for _ in 0..links {
            let nbs = neighbours(g, b);
            if nbs.is_empty() {
                break;
            }
            b = nbs[(rng.next_u64() % nbs.len() as u64) as usize].1;
        }
        if b == a || out.contains(&(a, b)) {
            continue;
        }
        let lim = ConnectLimits {
            max_links: links,
            ..ConnectLimits::default()
        };
        let found = connections(g, a, b, &lim);
        let Some(c) = found.found.first() else {
            continue;
        };
        if c.links() != links as usize {
            continue;
        }
        let blood = wikikin_kinship::relate(g, a, b, &limits)
            .iter()
            .map(|r| r.ga + r.gb)
            .min();
        if blood.is_some_and(|d| d <= links) {
            continue;
        }
        out.push((a, b));
    }
    out
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|x, y| x.total_cmp(y));
    v[v.len() / 2]
}

fn table(name: &str, r: &Replica, a: &Args) {
    let (g, ids) = full_graph(r);
    let serve = |req: &sim::SimRequest| {
        let pq = req.url.strip_prefix(ENDPOINT).unwrap_or(req.url);
        let resp = r.respond("GET", pq);
        SimReply::Http {
            status: resp.status,
            retry_after: resp.header("Retry-After").map(str::to_owned),
            body: resp.body,
        }
    };
    let cap = 6usize;
    println!(
        "\n{name} ({} people): latency {} ms, {cap} requests in flight, wbgetentities",
        ids.len(),
        a.latency
    );
    println!(
        "{:>5} {:>5} | {:>9} {:>9} | {:>9} {:>9} | {:>9} {:>9} | {:>11} {:>10}",
        "links",
        "pairs",
        "conn ent",
        "conn ms",
        "whole ent",
        "whole ms",
        "1-side ent",
        "1-side ms",
        "1-side/conn",
        "ms ratio"
    );
    for links in 2..=6u32 {
        let ps = pairs(&g, &ids, links, a.pairs, 1000 + u64::from(links));
        let (mut ce, mut cw, mut oe, mut ow, mut be, mut bw) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        for (x, y) in &ps {
            for whole in [false, true] {
                let mut config = CrawlConfig::relate(vec![*x, *y]);
                config.fetch = FetchMode::GetEntities;
                if !whole {
                    config.max_generations = 0;
                }
                let mut crawl = Crawl::new(config, Store::new());
                let sc = SimConfig {
                    latency_ms: a.latency,
                    max_in_flight: cap,
                    endpoint: ENDPOINT.into(),
                    ..SimConfig::default()
                };
                let rep = sim::run(&mut crawl, &sc, serve);
                let found = crawl
                    .result()
                    .connections
                    .and_then(|c| c.found.first().map(|c| c.links()));
                if found != Some(links as usize) {
                    eprintln!("{x} ↔ {y}: ours found {found:?}, expected {links} links");
                }
                let (e, w) = if whole {
                    (&mut oe, &mut ow)
                } else {
                    (&mut ce, &mut cw)
                };
                e.push(rep.entities_fetched as f64);
                w.push(rep.wall_ms);
            }
            // One-sided: everyone within links - 1 of x, level by level.
            let dist = link_distances(&g, *x, links.saturating_sub(1));
            let mut per_level: HashMap<u32, usize> = HashMap::new();
            for d in dist.values() {
                *per_level.entry(*d).or_default() += 1;
            }
            let entities: usize = per_level.values().sum();
            let wall: f64 = (0..links)
                .map(|l| {
                    let n = per_level.get(&l).copied().unwrap_or(0);
                    let requests = n.div_ceil(50).max(1);
                    requests.div_ceil(cap) as f64 * a.latency
                })
                .sum();
            be.push(entities as f64);
            bw.push(wall);
        }
        let (cm, cwm) = (median(ce), median(cw));
        let (om, owm, bm, bwm) = (median(oe), median(ow), median(be), median(bw));
        println!(
            "{:>5} {:>5} | {:>9.0} {:>9.0} | {:>9.0} {:>9.0} | {:>9.0} {:>9.0} | {:>10.1}× {:>9.2}×",
            links,
            ps.len(),
            cm,
            cwm,
            om,
            owm,
            bm,
            bwm,
            bm / cm,
            bwm / cwm
        );
    }
}

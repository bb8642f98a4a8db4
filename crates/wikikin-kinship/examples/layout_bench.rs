//! Layout benchmark on synthetic royal-like pedigrees.
//!
//! `cargo run --release -p wikikin-kinship --example layout_bench [-- SIZES... [--repeats N]]`
//! (default sizes 200 2000 20000; `--sugiyama` also times rust-sugiyama above 2,000 people). Prints, for each size and engine, the median and the
//! min–max of the layout time over the repeats, and the crossings of the result.

// Examples and benchmarks: a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::time::Instant;
use wikikin_kinship::{layout, synthetic, Engine, LayoutOptions, Limits, PersonId};

fn stats(mut times: Vec<f64>) -> String {
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    format!(
        "median {:>9.2} ms  ({:.2}–{:.2})",
        median,
        times[0],
        times[times.len() - 1]
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes: Vec<usize> = Vec::new();
    let mut repeats: Option<usize> = None;
    let mut sugiyama_always = false;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--sugiyama" {
            sugiyama_always = true;
            i += 1;
            continue;
        }
        if args[i] == "--repeats" {
            repeats = args.get(i + 1).and_then(|s| s.parse().ok());
            i += 2;
            continue;
        }
        match args[i].parse() {
            Ok(n) => sizes.push(n),
            Err(_) => eprintln!("ignoring argument {:?}", args[i]),
        }
        i += 1;
    }
    if sizes.is_empty() {
        sizes = vec![200, 2_000, 20_000];
    }
    for n in sizes {
        let t0 = Instant::now();
        let s = synthetic::royal_like(n, 42);
        let gen_ms = t0.elapsed().as_secs_f64() * 1e3;
        let t = &s.tree;
        println!(
            "{} people, {} couples, {} child links, {} generations (generated in {:.1} ms)",
            t.persons.len(),
            t.couples.len(),
            t.edges.len(),
            s.generation.iter().max().map_or(0, |g| g + 1),
            gen_ms
        );
        let reps = repeats.unwrap_or(if n >= 10_000 { 5 } else { 11 });
        let mut engines = vec![Engine::Auto, Engine::Layered];
        if n <= 2_000 || sugiyama_always {
            engines.push(Engine::Sugiyama);
        }
        for engine in engines {
            let opts = LayoutOptions {
                engine,
                ..LayoutOptions::default()
            };
            let mut times = Vec::new();
            let mut last = None;
            for _ in 0..reps {
                let t1 = Instant::now();
                let l = layout(t, &opts);
                times.push(t1.elapsed().as_secs_f64() * 1e3);
                last = Some(l);
            }
            if let Some(l) = last {
                println!(
                    "  layout {:<9} {}  used {:?}, {} rows, {:.0}×{:.0}, {} crossings",
                    format!("{engine:?}"),
                    stats(times),
                    l.engine,
                    l.rows,
                    l.width,
                    l.height,
                    l.crossings
                );
            }
        }
        // The tree to draw for explore mode: every line from the founders to 20 of the youngest.
        let targets: Vec<PersonId> = s
            .youngest
            .iter()
            .step_by(s.youngest.len() / 20 + 1)
            .copied()
            .collect();
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..reps.min(5) {
            let t1 = Instant::now();
            let sub = wikikin_kinship::tree_with_limits(
                &s.pedigree,
                &[],
                &s.founders,
                &targets,
                &Limits::default(),
            );
            times.push(t1.elapsed().as_secs_f64() * 1e3);
            size = sub.persons.len();
        }
        println!(
            "  tree (founders → {} youngest) {}  {} persons",
            targets.len(),
            stats(times),
            size
        );
    }
}

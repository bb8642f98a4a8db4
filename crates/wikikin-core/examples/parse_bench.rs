//! Parsing throughput: `parse_entities` (skips what it does not use) against a full
//! `serde_json::Value` parse.
//!
//! `cargo run --release -p wikikin-core --example parse_bench -- [--payload lean|full] [--secs S]`
//!
//! Measures the real recorded Q42.json and replica entities of royal92 (Special:EntityData, one
//! per person; `--payload full` pads them to realistic 50–500 KB).

use std::path::Path;
use std::time::{Duration, Instant};
use wikidata_replica::{Options, Payload, Replica};
use wikikin_core::parse_entities;

fn measure(name: &str, bodies: &[Vec<u8>], secs: f64) {
    let bytes: usize = bodies.iter().map(Vec::len).sum();
    let langs = vec!["en".to_string()];
    let run = |f: &dyn Fn(&[u8]) -> bool| {
        let start = Instant::now();
        let mut rounds = 0u64;
        let mut ok = true;
        while start.elapsed() < Duration::from_secs_f64(secs) || rounds == 0 {
            for b in bodies {
                ok &= f(b);
            }
            rounds += 1;
        }
        let el = start.elapsed().as_secs_f64();
        (bytes as f64 * rounds as f64 / el / 1e6, ok)
    };
    let (ours, ok1) = run(&|b| parse_entities(b, &langs).is_ok());
    let (value, ok2) = run(&|b| serde_json::from_slice::<serde_json::Value>(b).is_ok());
    println!(
        "{name:<40} {:>6} bodies {:>10} bytes   parse_entities {ours:>8.1} MB/s   serde_json::Value {value:>8.1} MB/s   x{:.1}{}",
        bodies.len(),
        bytes,
        ours / value,
        if ok1 && ok2 { "" } else { "  (SOME FAILED)" }
    );
}

fn main() {
    let mut payload = Payload::Full;
    let mut secs = 2.0;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--payload" => {
                payload = match it.next().map(String::as_str) {
                    Some("lean") => Payload::Lean,
                    _ => Payload::Full,
                }
            }
            "--secs" => secs = it.next().and_then(|s| s.parse().ok()).unwrap_or(secs),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
    let q42 = match std::fs::read(format!("{data}/wikidata/Q42.json")) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read Q42.json: {e}");
            std::process::exit(1);
        }
    };
    measure("real Q42.json", &[q42], secs);
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
    let bodies: Vec<Vec<u8>> = replica
        .people()
        .iter()
        .take(300)
        .map(|p| {
            replica
                .respond("GET", &format!("/wiki/Special:EntityData/{}.json", p.qid))
                .body
        })
        .collect();
    measure(
        &format!("replica royal92 EntityData ({payload:?})"),
        &bodies,
        secs,
    );
}

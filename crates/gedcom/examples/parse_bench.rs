//! Prints how long parsing a GEDCOM file takes.
//! `cargo run --release -p wikikin-gedcom --example parse_bench [-- path.ged]`
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/royal92.ged"
        )
        .to_string()
    });
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let runs = 20;
    let mut best = f64::MAX;
    let mut people = 0;
    let mut families = 0;
    for _ in 0..runs {
        let t = Instant::now();
        match wikikin_gedcom::parse(&bytes) {
            Ok(g) => {
                people = g.individuals.len();
                families = g.families.len();
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{path}: {} bytes, {people} individuals, {families} families, best of {runs}: {:.2} ms ({:.1} MB/s)",
        bytes.len(),
        best * 1e3,
        bytes.len() as f64 / best / 1e6
    );
}

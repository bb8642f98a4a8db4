//! Kinship timings on the real royal92 GEDCOM (3,010 people).
//!
//! `cargo run --release -p wikikin-kinship --example relate_bench`
//! Prints the median (min–max) time of `relate` for classic pairs, of `relate_all` over 20
//! people (190 pairs), and of `tree` + `layout` for Elizabeth II and Philip.

// Examples and benchmarks: a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::time::Instant;
use wikikin_kinship::*;

fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> (String, T) {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..reps {
        let t = Instant::now();
        out = Some(f());
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let text = format!(
        "median {:.3} ms ({:.3}–{:.3})",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
    match out {
        Some(o) => (text, o),
        None => unreachable!("reps > 0"),
    }
}

fn main() -> Result<(), String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/royal92.ged"
    );
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let ged = wikikin_gedcom::parse(&bytes).map_err(|e| format!("royal92: {e}"))?;
    let id = |x: &str| {
        x.strip_prefix('I')
            .and_then(|n| n.parse().ok())
            .map(PersonId)
    };
    let mut p = SimplePedigree::new();
    for f in &ged.families {
        let (h, w) = (
            f.husband.as_deref().and_then(id),
            f.wife.as_deref().and_then(id),
        );
        p.add_family(
            h,
            w,
            &f.children.iter().filter_map(|c| id(c)).collect::<Vec<_>>(),
        );
    }
    let limits = Limits::default();
    for (a, b, what) in [
        (52, 57, "Elizabeth II ~ Philip"),
        (37, 14, "Nicholas II ~ George V"),
        (37, 21, "Nicholas II ~ Wilhelm II"),
        (58, 1, "Charles ~ Victoria"),
    ] {
        let (text, rels) = time(51, || relate(&p, PersonId(a), PersonId(b), &limits));
        let anc = ancestry(&p, PersonId(a), &limits);
        println!(
            "relate {what:<26} {text}  {} relationships, {} ancestors of the first",
            rels.len(),
            anc.len()
        );
    }
    let people: Vec<PersonId> = [
        52, 57, 37, 14, 21, 58, 1, 2, 4, 5, 32, 38, 101, 104, 225, 31, 53, 59, 64, 3,
    ]
    .into_iter()
    .map(PersonId)
    .collect();
    let (text, rels) = time(11, || relate_all(&p, &people, &limits));
    println!(
        "relate_all 20 people (190 pairs)   {text}  {} relationships",
        rels.len()
    );
    let rels = relate(&p, PersonId(52), PersonId(57), &limits);
    let (text, t) = time(51, || tree(&p, &rels, &[], &[PersonId(52), PersonId(57)]));
    println!(
        "tree Elizabeth II ~ Philip        {text}  {} persons",
        t.persons.len()
    );
    for engine in [Engine::Auto, Engine::Sugiyama, Engine::Layered] {
        let opts = LayoutOptions {
            engine,
            ..LayoutOptions::default()
        };
        let (text, l) = time(51, || layout(&t, &opts));
        println!(
            "layout {:<9} Elizabeth ~ Philip {text}  {:?}, {} crossings",
            format!("{engine:?}"),
            l.engine,
            l.crossings
        );
    }
    Ok(())
}

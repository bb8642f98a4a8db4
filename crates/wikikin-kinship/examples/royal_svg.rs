//! Draws the tree of a royal92 pair as SVG, to look at the layout.
//!
//! `cargo run -p wikikin-kinship --example royal_svg -- [A B [engine]] > out.svg`, with GEDCOM
//! numbers (default 52 57: Elizabeth II and Philip) and engine `auto`, `layered` or `sugiyama`.

// Examples and benchmarks: a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::HashMap;
use wikikin_kinship::*;

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
    let mut names = HashMap::new();
    for i in &ged.individuals {
        if let Some(q) = id(&i.xref) {
            names.insert(q, i.name.clone());
            p.set_sex(
                q,
                match i.sex {
                    wikikin_gedcom::Sex::Male => Sex::Male,
                    wikikin_gedcom::Sex::Female => Sex::Female,
                    wikikin_gedcom::Sex::Unknown => Sex::Unknown,
                },
            );
        }
    }
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize, d: u64| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let (a, bq) = (PersonId(num(0, 52)), PersonId(num(1, 57)));
    let b = bq;
    let engine = match args.get(2).map(String::as_str) {
        Some("layered") => Engine::Layered,
        Some("sugiyama") => Engine::Sugiyama,
        _ => Engine::Auto,
    };
    let name = |q: PersonId| names.get(&q).cloned().unwrap_or_else(|| q.to_string());
    let rels = relate(&p, a, b, &Limits::default());
    for r in &rels {
        eprintln!(
            "{} (through {})",
            describe(r, &name, &|q| p.sex(q)),
            ancestors_phrase(&r.ancestors, &name)
        );
    }
    let t = tree(&p, &rels, &[], &[a, b]);
    let opts = LayoutOptions {
        engine,
        ..LayoutOptions::default()
    };
    let l = layout(&t, &opts);
    eprintln!(
        "{} persons, {} rows, {:?}, {} crossings",
        l.boxes.len(),
        l.rows,
        l.engine,
        l.crossings
    );
    let colours = ["#c0392b", "#2471a3", "#229954", "#8e44ad", "#d68910"];
    println!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="sans-serif" font-size="12">"#,
        l.width + 20.0,
        l.height + 20.0
    );
    println!(r#"<rect width="100%" height="100%" fill="white"/><g transform="translate(10,10)">"#);
    for (e, ce) in t.edges.iter().zip(&l.edges) {
        let colour = e
            .rels
            .first()
            .map_or("#999", |r| colours[r % colours.len()]);
        let pts: Vec<String> = ce
            .points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        println!(
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
            pts.join(" ")
        );
    }
    for (c, (x, y)) in t.couples.iter().enumerate() {
        if let Some(y) = y {
            let (bx, by) = (l.box_of(*x).unwrap(), l.box_of(*y).unwrap());
            let (lo, hi) = if bx.x < by.x { (bx, by) } else { (by, bx) };
            println!(
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="black"/>"#,
                lo.x + lo.w,
                l.joins[c].y,
                hi.x,
                l.joins[c].y
            );
        }
    }
    for b in &l.boxes {
        let fill = if b.id == a || b.id == bq {
            "#fde"
        } else {
            "#eef"
        };
        println!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{fill}" stroke="black"/><text x="{}" y="{}" text-anchor="middle">{}</text>"#,
            b.x,
            b.y,
            b.w,
            b.h,
            b.cx(),
            b.y + b.h / 2.0 + 4.0,
            name(b.id)
                .chars()
                .take(24)
                .collect::<String>()
                .replace('&', "&amp;")
        );
    }
    println!("</g></svg>");
    Ok(())
}

//! The GEDCOM export of a real answer (Elizabeth II & Philip on the royal92 replica with
//! `--sources mixed`), read back with our `gedcom` crate: the people, families, children and
//! citations equal the drawing's.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use std::collections::HashMap;
use wikikin_core::sources::SourceKind;
use wikikin_core::{FetchMode, Qid};
use wikikin_view::gedcom_export::SOURCE_ID;

#[test]
fn the_drawing_as_gedcom_reads_back_with_its_citations() {
    let r = royal_sources(1);
    let mut ask = ask(&[ELIZABETH, PHILIP], &[]);
    ask.fetch = FetchMode::EntityData;
    let a = answer(&r, ask);
    let text = a.to_gedcom();
    if let Ok(path) = std::env::var("WIKIKIN_GEDCOM_OUT") {
        std::fs::write(path, &text).expect("write the export");
    }
    let g = wikikin_gedcom::parse(text.as_bytes()).expect("our own GEDCOM parses");
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    let tree = &a.tree;
    assert_eq!(g.individuals.len(), tree.persons.len());
    assert_eq!(g.families.len(), tree.couples.len());
    assert_eq!(g.sources.len(), 1);
    assert_eq!(g.sources[0].xref, SOURCE_ID);
    // People in the drawing's order, by name, sex and birth year.
    let xref: HashMap<Qid, String> = tree
        .persons
        .iter()
        .enumerate()
        .map(|(i, q)| (*q, format!("I{}", i + 1)))
        .collect();
    for (q, x) in &xref {
        let ind = g.individual(x).expect("every person written");
        let p = &a.persons[q];
        assert_eq!(&ind.name, p.label.as_ref().expect("a label"));
        assert_eq!(
            ind.birth.as_ref().map(|d| d.year),
            p.birth.map(|d| d.year as i32),
            "{q}"
        );
    }
    // Families with their children, each parent link cited on the child.
    let mut citations = 0;
    for (ci, (x, y)) in tree.couples.iter().enumerate() {
        let fam = g.family(&format!("F{}", ci + 1)).expect("every couple");
        let partners: Vec<String> = std::iter::once(*x)
            .chain(*y)
            .map(|q| xref[&q].clone())
            .collect();
        let written: Vec<String> = fam.husband.iter().chain(&fam.wife).cloned().collect();
        let mut sorted = written.clone();
        sorted.sort();
        let mut expect = partners.clone();
        expect.sort();
        assert_eq!(sorted, expect);
        let children: Vec<String> = tree
            .edges
            .iter()
            .filter(|e| e.couple == ci)
            .map(|e| xref[&e.child].clone())
            .collect();
        assert_eq!(fam.children, children);
        for e in tree.edges.iter().filter(|e| e.couple == ci) {
            let child = g.individual(&xref[&e.child]).expect("the child");
            assert!(child.famc.contains(&fam.xref));
            for p in std::iter::once(*x).chain(*y) {
                let l = a.link_sources(e.child, p);
                let url = l.url.clone().expect("a statement");
                let c = child
                    .citations
                    .iter()
                    .find(|c| c.page.as_deref().is_some_and(|pg| pg.starts_with(&url)))
                    .unwrap_or_else(|| panic!("{url} cited on {}", child.xref));
                assert_eq!(c.source.as_deref(), Some(SOURCE_ID));
                let page = c.page.as_deref().unwrap_or_default();
                assert!(page.contains(&l.references_words), "{page}");
                if l.sources == SourceKind::Imported {
                    assert!(page.contains("imported from English Wikipedia"), "{page}");
                }
                citations += 1;
            }
        }
        // A marriage cited on its MARR event.
        let married = y.is_some_and(|y| {
            a.link_sources(*x, y).kind == Some(wikikin_core::graph::LinkKind::Spouse)
        });
        let marr: Vec<_> = fam
            .citations
            .iter()
            .filter(|c| c.event.as_deref() == Some("MARR"))
            .collect();
        assert_eq!(marr.len(), usize::from(married), "{}", fam.xref);
        if let (true, Some(c)) = (married, marr.first()) {
            assert!(c.page.as_deref().is_some_and(|p| p.contains("#P26")));
        }
    }
    let written: usize = g.individuals.iter().map(|i| i.citations.len()).sum();
    assert_eq!(written, citations);
    assert!(citations >= tree.edges.len());
}

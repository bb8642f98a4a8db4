//! Layout properties on synthetic royal-like pedigrees.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, HashMap};
use wikikin_kinship::*;

fn boxes(l: &Layout<PersonId>) -> HashMap<PersonId, PersonBox<PersonId>> {
    l.boxes.iter().map(|b| (b.id, *b)).collect()
}

fn check(t: &Tree<PersonId>, l: &Layout<PersonId>) {
    let by = boxes(l);
    // Every person has exactly one box.
    assert_eq!(l.boxes.len(), t.persons.len());
    assert_eq!(by.len(), t.persons.len());
    // No two boxes overlap in a row.
    let mut rows: BTreeMap<u32, Vec<&PersonBox<PersonId>>> = BTreeMap::new();
    for b in &l.boxes {
        rows.entry(b.row).or_default().push(b);
    }
    for row in rows.values_mut() {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        for w in row.windows(2) {
            assert!(
                w[0].x + w[0].w <= w[1].x + 1e-6,
                "{:?} overlaps {:?}",
                w[0],
                w[1]
            );
        }
    }
    // Partners side by side: nobody between them.
    for (x, y) in &t.couples {
        let Some(y) = y else { continue };
        let (bx, byy) = (by[x], by[y]);
        assert_eq!(bx.row, byy.row);
        let (lo, hi) = (bx.x.min(byy.x), bx.x.max(byy.x));
        let between = rows[&bx.row]
            .iter()
            .filter(|b| b.x > lo && b.x < hi)
            .count();
        assert_eq!(between, 0, "{x} and {y} are apart");
    }
    // In these pedigrees everyone marries within their generation: children one row down.
    for e in &t.edges {
        let (x, _) = t.couples[e.couple];
        assert_eq!(by[&e.child].row, by[&x].row + 1);
    }
    assert_eq!(l.edges.len(), t.edges.len());
}

#[test]
fn synthetic_pedigrees_in_both_engines() {
    for (n, engine) in [
        (200, Engine::Sugiyama),
        (200, Engine::Layered),
        (200, Engine::Auto),
        (2000, Engine::Layered),
        (2000, Engine::Auto),
    ] {
        let s = synthetic::royal_like(n, 7);
        assert!(s.tree.persons.len() >= n);
        let opts = LayoutOptions {
            engine,
            ..LayoutOptions::default()
        };
        let l = layout(&s.tree, &opts);
        check(&s.tree, &l);
        // Rows are the generations.
        for b in &l.boxes {
            assert_eq!(b.row, s.generation[b.id.0 as usize - 1], "{engine:?}");
        }
        // Deterministic.
        assert_eq!(layout(&s.tree, &opts), l, "{engine:?} {n}");
    }
}

#[test]
fn synthetic_generator_is_deterministic_and_royal_like() {
    let a = synthetic::royal_like(500, 1);
    let b = synthetic::royal_like(500, 1);
    assert_eq!(a.tree, b.tree);
    assert_ne!(a.tree, synthetic::royal_like(500, 2).tree);
    // Some cousin marriages: both partners have parents in the pedigree.
    let p = &a.pedigree;
    let cousins = a
        .tree
        .couples
        .iter()
        .filter(|(x, y)| !p.parents(*x).is_empty() && y.is_some_and(|y| !p.parents(y).is_empty()))
        .count();
    assert!(cousins > 0);
    // Every child has two parents, and kinship finds them as siblings.
    let e = &a.tree.edges[5];
    let sibs: Vec<PersonId> = a
        .tree
        .edges
        .iter()
        .filter(|f| f.couple == e.couple)
        .map(|f| f.child)
        .collect();
    assert!(sibs.len() >= 2);
    let r = relate(p, sibs[0], sibs[1], &Limits::default());
    assert_eq!(r[0].kind, Kind::Sibling);
    assert!(!r[0].half);
}

#[test]
fn layout_is_stable_under_a_small_change() {
    let s = synthetic::royal_like(300, 3);
    let opts = LayoutOptions::default();
    let before = layout(&s.tree, &opts);
    // One more child for a couple of the last generation with children.
    let mut t = s.tree.clone();
    let last = t.edges.last().unwrap().couple;
    let newcomer = PersonId(1_000_000);
    t.persons.push(newcomer);
    t.edges.push(TreeEdge {
        couple: last,
        child: newcomer,
        rels: vec![],
        roots: vec![],
        conns: Vec::new(),
    });
    let after = layout(&t, &opts);
    check(&t, &after);
    let (b0, b1) = (boxes(&before), boxes(&after));
    // Rows do not change, and the left-to-right order in every row is nearly the same.
    let mut same_order = 0;
    let mut pairs = 0;
    for q in &s.tree.persons {
        assert_eq!(b0[q].row, b1[q].row);
    }
    let mut rows: BTreeMap<u32, Vec<PersonId>> = BTreeMap::new();
    for b in &before.boxes {
        rows.entry(b.row).or_default().push(b.id);
    }
    for row in rows.values() {
        for w in row.windows(2) {
            pairs += 1;
            if (b0[&w[0]].x < b0[&w[1]].x) == (b1[&w[0]].x < b1[&w[1]].x) {
                same_order += 1;
            }
        }
    }
    assert!(
        same_order * 10 >= pairs * 9,
        "{same_order} of {pairs} kept their order"
    );
}

#[test]
fn few_crossings_on_a_pure_tree() {
    // No cousin marriages at this size and seed? Build a pure tree by hand instead:
    // three generations, every couple with three children who marry outsiders.
    let mut p = SimplePedigree::new();
    let mut next_id = 1;
    let mut new = |p: &mut SimplePedigree| {
        next_id += 1;
        let _ = p;
        PersonId(next_id)
    };
    let root = (new(&mut p), new(&mut p));
    let mut current = vec![root];
    let mut youngest = vec![];
    for _ in 0..3 {
        let mut next = vec![];
        youngest.clear();
        for (h, w) in current {
            let kids: Vec<PersonId> = (0..3).map(|_| new(&mut p)).collect();
            p.add_family(Some(h), Some(w), &kids);
            for k in kids {
                let s = new(&mut p);
                p.add_couple(k, s);
                next.push((k, s));
                youngest.push(k);
            }
        }
        current = next;
    }
    let t = tree(&p, &[], &[root.0], &youngest);
    for engine in [Engine::Sugiyama, Engine::Layered] {
        let l = layout(
            &t,
            &LayoutOptions {
                engine,
                ..LayoutOptions::default()
            },
        );
        assert_eq!(l.crossings, 0, "{engine:?}");
        // Parents are centred over their children (Layered) or at least within their span.
        let by = boxes(&l);
        for (c, (x, y)) in t.couples.iter().enumerate() {
            let kids: Vec<f64> = t
                .edges
                .iter()
                .filter(|e| e.couple == c)
                .map(|e| by[&e.child].cx())
                .collect();
            if kids.is_empty() || y.is_none() {
                continue;
            }
            let (lo, hi) = kids
                .iter()
                .fold((f64::MAX, f64::MIN), |a, k| (a.0.min(*k), a.1.max(*k)));
            let j = l.joins[c].x;
            assert!(
                j >= lo - 1e-6 && j <= hi + 1e-6,
                "{engine:?}: join of {x} at {j} not over {lo}..{hi}"
            );
        }
    }
}

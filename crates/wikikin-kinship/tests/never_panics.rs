//! Property test: our real `kinship_all` → `tree_with_limits` → `layout` path never panics and
//! gives sane geometry, for every `Engine`, on thousands of random pedigrees — pedigree collapse
//! (cousin marriages), cycles of parent links, one person, disconnected parts, people with one or
//! three parents, and a few with thousands of people — and on arbitrary hand-made trees.
//!
//! The app runs with `panic = "abort"` and the `Sugiyama`/`Auto` engines call rust-sugiyama,
//! whose coordinate pass indexes and unwraps: each call here is wrapped in `catch_unwind`.
//!
//! `KINSHIP_FUZZ_CASES` (default 2,000 in debug, 10,000 in release) and `KINSHIP_FUZZ_SEED`
//! change the run; `KINSHIP_FUZZ_LARGE` the size of the large pedigrees (default 1,500 people in
//! debug, 5,000 in release).

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::{self, AssertUnwindSafe};
use std::time::Instant;
use wikikin_kinship::*;

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, list: &[T]) -> Option<T> {
        list.get(self.below(list.len())).copied()
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What a random pedigree was made of, for the figures.
#[derive(Default, Debug)]
struct Shape {
    cycles: bool,
    three_parents: bool,
    one_parent: bool,
    parts: usize,
}

/// A random pedigree of about `n` people in `parts` disconnected families. Each family has a few
/// generations; a child has 0–3 parents, mostly two from the generation above (so cousins marry
/// and lines collapse), sometimes from two generations up or from its own generation; some
/// parents are spouses, some people marry across families' generations; sometimes parent links
/// go up from a descendant (cycles) or a person is their own parent.
fn random_pedigree(rng: &mut Rng, n: usize, shape: &mut Shape) -> (SimplePedigree, Vec<PersonId>) {
    let mut p = SimplePedigree::new();
    let mut everyone: Vec<PersonId> = Vec::new();
    let parts = if n <= 1 { 1 } else { 1 + rng.below(3) };
    shape.parts = parts;
    let mut next_id = 1 + rng.below(5) as u64 * 1000;
    for _ in 0..parts {
        let size = (n / parts).max(1);
        let gens = 1 + rng.below(8);
        let per_gen = size.div_ceil(gens).max(1);
        let mut by_gen: Vec<Vec<PersonId>> = Vec::new();
        let mut part: Vec<PersonId> = Vec::new();
        for g in 0..gens {
            let mut row = Vec::new();
            for _ in 0..per_gen {
                if part.len() >= size {
                    break;
                }
                let q = PersonId(next_id);
                next_id += 1 + rng.below(2) as u64; // gaps in the ids
                let sex = match rng.below(5) {
                    0 => Sex::Unknown,
                    1 | 2 => Sex::Male,
                    _ => Sex::Female,
                };
                p.set_sex(q, sex);
                if g > 0 {
                    let k = match rng.below(100) {
                        0..=9 => 0,
                        10..=24 => 1,
                        25..=89 => 2,
                        _ => 3,
                    };
                    shape.one_parent |= k == 1;
                    shape.three_parents |= k == 3;
                    let mut parents = Vec::new();
                    for _ in 0..k {
                        let from = match rng.below(10) {
                            0 if g >= 2 => g - 2,
                            1 => g, // someone of their own generation (already made)
                            _ => g - 1,
                        };
                        let pool = if from == g { &row } else { &by_gen[from] };
                        if let Some(x) = rng.pick(pool) {
                            parents.push(x);
                            p.add_parent(q, x);
                        }
                    }
                    if parents.len() >= 2 && rng.chance(80) {
                        p.add_couple(parents[0], parents[1]);
                    }
                }
                row.push(q);
                part.push(q);
            }
            by_gen.push(row);
        }
        // Marriages across the family (any generations), and childless spouses from outside.
        for _ in 0..rng.below(part.len() / 4 + 1) {
            if let (Some(x), Some(y)) = (rng.pick(&part), rng.pick(&part)) {
                p.add_couple(x, y);
            }
        }
        for _ in 0..rng.below(3) {
            if let Some(x) = rng.pick(&part) {
                let outsider = PersonId(next_id);
                next_id += 1;
                p.add_couple(x, outsider);
                everyone.push(outsider);
            }
        }
        // Cycles: a parent link from a younger person up to an older one's ancestor line.
        if rng.chance(25) {
            for _ in 0..1 + rng.below(3) {
                let older = rng.below(by_gen.len());
                let younger = older + rng.below(by_gen.len() - older);
                if let (Some(x), Some(y)) = (rng.pick(&by_gen[older]), rng.pick(&by_gen[younger])) {
                    p.add_parent(x, y); // y (younger or same) is x's parent
                    shape.cycles = true;
                }
            }
        }
        if rng.chance(5) {
            if let Some(x) = rng.pick(&part) {
                p.add_parent(x, x);
                shape.cycles = true;
            }
        }
        everyone.extend(part);
    }
    (p, everyone)
}

/// An arbitrary tree, not made by `tree()`: couples of anyone (a person with themselves, people
/// missing from `persons`), edges from any couple index (also out of range) to anyone (also a
/// parent of that couple), duplicates.
fn random_raw_tree(rng: &mut Rng) -> Tree<PersonId> {
    let n = rng.below(30);
    let ids: Vec<PersonId> = (0..n + 5).map(|i| PersonId(i as u64 * 3 + 1)).collect();
    let mut persons: BTreeSet<PersonId> = BTreeSet::new();
    for _ in 0..n {
        persons.extend(rng.pick(&ids));
    }
    let mut couples = Vec::new();
    for _ in 0..rng.below(n + 1) {
        let (Some(x), Some(y)) = (rng.pick(&ids), rng.pick(&ids)) else {
            continue;
        };
        couples.push((x, if rng.chance(70) { Some(y) } else { None }));
    }
    if rng.chance(50) {
        couples.sort();
    }
    let mut edges = Vec::new();
    for _ in 0..rng.below(2 * n + 1) {
        let Some(child) = rng.pick(&ids) else {
            continue;
        };
        let couple = rng.below(couples.len() + 2);
        edges.push(TreeEdge {
            couple,
            child,
            rels: vec![],
            roots: vec![],
            conns: Vec::new(),
        });
    }
    Tree {
        persons: persons.into_iter().collect(),
        couples,
        edges,
    }
}

/// The sanity of a layout: every person of the tree has exactly one box, all finite, and the
/// boxes of one row do not overlap; one join per couple and one line per edge, finite.
fn check(t: &Tree<PersonId>, l: &Layout<PersonId>) -> Result<(), String> {
    let mut count: HashMap<PersonId, usize> = HashMap::new();
    for b in &l.boxes {
        *count.entry(b.id).or_default() += 1;
        if ![b.x, b.y, b.w, b.h].iter().all(|v| v.is_finite()) {
            return Err(format!("box not finite: {b:?}"));
        }
    }
    for q in &t.persons {
        if count.get(q) != Some(&1) {
            return Err(format!("{q} has {:?} boxes", count.get(q)));
        }
    }
    let mut rows: BTreeMap<u32, Vec<&PersonBox<PersonId>>> = BTreeMap::new();
    for b in &l.boxes {
        rows.entry(b.row).or_default().push(b);
    }
    for row in rows.values_mut() {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        for w in row.windows(2) {
            if w[0].x + w[0].w > w[1].x + 1e-6 {
                return Err(format!("overlap: {:?} {:?}", w[0], w[1]));
            }
        }
    }
    if l.joins.len() != t.couples.len() || l.edges.len() != t.edges.len() {
        return Err("joins or edges missing".into());
    }
    let finite = |(x, y): (f64, f64)| x.is_finite() && y.is_finite();
    if !l.joins.iter().all(|j| finite((j.x, j.y)))
        || !l.edges.iter().all(|e| e.points.iter().all(|p| finite(*p)))
        || !l.width.is_finite()
        || !l.height.is_finite()
    {
        return Err("join or line not finite".into());
    }
    Ok(())
}

#[derive(Default)]
struct Figures {
    cases: usize,
    layouts: usize,
    largest_tree: usize,
    with_cycles: usize,
    with_three_parents: usize,
    with_one_parent: usize,
    multi_part: usize,
    sugiyama_used: usize,
    failures: Vec<String>,
}

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

fn lay_out_all_engines(t: &Tree<PersonId>, opts: &LayoutOptions, what: &str, f: &mut Figures) {
    for engine in [Engine::Auto, Engine::Sugiyama, Engine::Layered] {
        let opts = LayoutOptions { engine, ..*opts };
        f.layouts += 1;
        match panic::catch_unwind(AssertUnwindSafe(|| layout(t, &opts))) {
            Ok(l) => {
                if l.engine == Engine::Sugiyama {
                    f.sugiyama_used += 1;
                }
                if let Err(e) = check(t, &l) {
                    f.failures.push(format!("{what} {engine:?}: {e}"));
                }
            }
            Err(e) => f
                .failures
                .push(format!("{what} {engine:?}: PANIC {}", panic_message(&*e))),
        }
    }
}

/// One random pedigree through the real path: kinship, the tree to draw, the layout.
fn one_case(rng: &mut Rng, n: usize, case: usize, f: &mut Figures) {
    let mut shape = Shape::default();
    let (p, everyone) = random_pedigree(rng, n, &mut shape);
    f.cases += 1;
    f.with_cycles += shape.cycles as usize;
    f.with_three_parents += shape.three_parents as usize;
    f.with_one_parent += shape.one_parent as usize;
    f.multi_part += (shape.parts > 1) as usize;
    let limits = Limits {
        max_generations: [2, 5, 40][rng.below(3)],
        max_ancestors: [10, 200_000][rng.below(2)],
    };
    // Mostly a few people asked about; sometimes many, from several roots (bigger trees).
    let (asked, rooted) = if rng.chance(70) { (6, 3) } else { (40, 5) };
    let targets: Vec<PersonId> = (0..1 + rng.below(asked))
        .filter_map(|_| rng.pick(&everyone))
        .collect();
    let roots: Vec<PersonId> = (0..rng.below(rooted))
        .filter_map(|_| rng.pick(&everyone))
        .collect();
    let what = format!("case {case} ({n} people)");
    let made = panic::catch_unwind(AssertUnwindSafe(|| {
        let k = kinship_all(&p, &targets, &limits);
        tree_with_limits(&p, &k.relationships, &roots, &targets, &limits)
    }));
    let t = match made {
        Ok(t) => t,
        Err(e) => {
            f.failures.push(format!(
                "{what}: PANIC in kinship/tree: {}",
                panic_message(&*e)
            ));
            return;
        }
    };
    f.largest_tree = f.largest_tree.max(t.persons.len());
    let opts = if rng.chance(80) {
        LayoutOptions::default()
    } else {
        LayoutOptions {
            box_width: rng.below(200) as f64,
            box_height: rng.below(80) as f64,
            partner_gap: rng.below(40) as f64,
            gap: rng.below(60) as f64,
            row_gap: rng.below(100) as f64,
            engine: Engine::Auto,
            sugiyama_max: [0, 50, 400, 5000][rng.below(4)],
        }
    };
    lay_out_all_engines(&t, &opts, &what, f);
}

#[test]
fn random_pedigrees_never_panic_in_any_engine() {
    let release = !cfg!(debug_assertions);
    let cases = env_usize("KINSHIP_FUZZ_CASES", if release { 10_000 } else { 2_000 });
    let seed = env_usize("KINSHIP_FUZZ_SEED", 20_240_611) as u64;
    let large = env_usize("KINSHIP_FUZZ_LARGE", if release { 5_000 } else { 1_500 });
    // Quiet: the panics are collected and reported below.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let mut f = Figures::default();
    let mut rng = Rng(seed);
    for case in 0..cases {
        let n = match rng.below(20) {
            0 => 1,
            1..=3 => 2 + rng.below(6),
            4..=15 => 8 + rng.below(40),
            _ => 48 + rng.below(150),
        };
        one_case(&mut rng, n, case, &mut f);
    }
    let small_time = start.elapsed();
    // A few with thousands of people, every person asked about from one founder (the whole
    // family drawn), and a royal-like one.
    let big_start = Instant::now();
    for (k, n) in [large, large / 2].into_iter().enumerate() {
        let mut shape = Shape::default();
        let (p, everyone) = random_pedigree(&mut rng, n, &mut shape);
        let targets: Vec<PersonId> = everyone.iter().rev().take(40).copied().collect();
        let roots: Vec<PersonId> = everyone.iter().take(2).copied().collect();
        let t = tree(&p, &[], &roots, &targets);
        f.cases += 1;
        f.largest_tree = f.largest_tree.max(t.persons.len());
        let whole = Tree {
            persons: p.people(),
            couples: Vec::new(),
            edges: Vec::new(),
        };
        lay_out_all_engines(&t, &LayoutOptions::default(), &format!("large {k}"), &mut f);
        lay_out_all_engines(&whole, &LayoutOptions::default(), "unlinked", &mut f);
    }
    let s = synthetic::royal_like(large, 99);
    f.cases += 1;
    f.largest_tree = f.largest_tree.max(s.tree.persons.len());
    lay_out_all_engines(&s.tree, &LayoutOptions::default(), "royal-like", &mut f);
    let big_time = big_start.elapsed();
    // Arbitrary trees, not from `tree()`.
    for case in 0..cases / 4 {
        let t = random_raw_tree(&mut rng);
        f.cases += 1;
        lay_out_all_engines(
            &t,
            &LayoutOptions::default(),
            &format!("raw {case}"),
            &mut f,
        );
    }
    // Options out of range (infinite, NaN, negative sizes): no panic (rust-sugiyama is only
    // called with finite sizes; the geometry itself need not be finite here).
    let weird = [f64::INFINITY, f64::NAN, -5.0, f64::NEG_INFINITY, 1e300];
    for case in 0..200 {
        let mut shape = Shape::default();
        let (p, everyone) = random_pedigree(&mut rng, 30, &mut shape);
        let targets: Vec<PersonId> = everyone.iter().take(5).copied().collect();
        let k = kinship_all(&p, &targets, &Limits::default());
        let t = tree(&p, &k.relationships, &[], &targets);
        let mut w = || weird[rng.below(weird.len())];
        let opts = LayoutOptions {
            box_width: w(),
            box_height: w(),
            partner_gap: w(),
            gap: w(),
            row_gap: w(),
            engine: Engine::Sugiyama,
            sugiyama_max: 400,
        };
        f.cases += 1;
        f.layouts += 1;
        match panic::catch_unwind(AssertUnwindSafe(|| layout(&t, &opts))) {
            Ok(_) => {}
            Err(e) => f
                .failures
                .push(format!("weird {case}: PANIC {}", panic_message(&*e))),
        }
    }
    panic::set_hook(hook);
    eprintln!(
        "never_panics: {} cases ({} with cycles, {} with a three-parent child, {} with a \
         one-parent child, {} of several parts), {} layouts ({} by rust-sugiyama), largest tree \
         {} people; {:.1} s small + {:.1} s large, {:.1} s in all; {} failures",
        f.cases,
        f.with_cycles,
        f.with_three_parents,
        f.with_one_parent,
        f.multi_part,
        f.layouts,
        f.sugiyama_used,
        f.largest_tree,
        small_time.as_secs_f64(),
        big_time.as_secs_f64(),
        start.elapsed().as_secs_f64(),
        f.failures.len()
    );
    assert!(
        f.failures.is_empty(),
        "{} failures, the first: {:#?}",
        f.failures.len(),
        &f.failures[..f.failures.len().min(20)]
    );
    assert!(f.with_cycles > 0 && f.with_three_parents > 0 && f.with_one_parent > 0);
    assert!(f.multi_part > 0 && f.sugiyama_used > 0);
}

//! Hand-built families covering every kind of relationship, and the tree and layout over them.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use wikikin_kinship::*;

fn q(n: u64) -> PersonId {
    PersonId(n)
}

/// The test family (numbers are person ids; M/F the sex):
///
/// ```text
/// 1M = 2F                      1M = 6F (second wife)
///  ├ 3M = 8F                    └ 7M = 21F
///  │  ├ 9M = 13F                      └ 22M   (half-first cousin of 9, 10, 12, 42)
///  │  │  └ 14M = 17F
///  │  │     └ 18F
///  │  └ 10F = 42M (first cousins) → 43M (pedigree collapse)
///  ├ 4F = 11M
///  │  ├ 12F = 15M
///  │  │  └ 16F = 19M
///  │  │     ├ 20M = 24F
///  │  │     │  └ 23M = 26F
///  │  │     │     └ 25F
///  │  │     └ (16 also = 5M) → 44M   (uncle marries grand-niece)
///  │  └ 42M
///  └ 5M
/// Double first cousins: 28M = 29F → 30M, 31M; 34M = 35F → 32F, 33F;
///   30 = 32 → 36M;  31 = 33 → 37F
/// A cycle: 50 → 51 → 52 → 50 (each the parent of the next), 50 → 53.
/// ```
fn family() -> SimplePedigree {
    let mut p = SimplePedigree::new();
    p.add_family(Some(q(1)), Some(q(2)), &[q(3), q(4), q(5)]);
    p.add_family(Some(q(1)), Some(q(6)), &[q(7)]);
    p.add_family(Some(q(3)), Some(q(8)), &[q(9), q(10)]);
    p.add_family(Some(q(11)), Some(q(4)), &[q(12), q(42)]);
    p.add_family(Some(q(9)), Some(q(13)), &[q(14)]);
    p.add_family(Some(q(15)), Some(q(12)), &[q(16)]);
    p.add_family(Some(q(14)), Some(q(17)), &[q(18)]);
    p.add_family(Some(q(19)), Some(q(16)), &[q(20)]);
    p.add_family(Some(q(20)), Some(q(24)), &[q(23)]);
    p.add_family(Some(q(23)), Some(q(26)), &[q(25)]);
    p.add_family(Some(q(7)), Some(q(21)), &[q(22)]);
    p.add_family(Some(q(42)), Some(q(10)), &[q(43)]);
    p.add_family(Some(q(5)), Some(q(16)), &[q(44)]);
    for (m, f) in [(3, 8), (9, 13), (14, 17), (20, 23)] {
        p.set_sex(q(m), Sex::Male).set_sex(q(f), Sex::Female);
    }
    p.set_sex(q(18), Sex::Female)
        .set_sex(q(10), Sex::Female)
        .set_sex(q(12), Sex::Female)
        .set_sex(q(16), Sex::Female)
        .set_sex(q(25), Sex::Female)
        .set_sex(q(22), Sex::Male)
        .set_sex(q(43), Sex::Male)
        .set_sex(q(44), Sex::Male)
        .set_sex(q(23), Sex::Male);
    // double first cousins
    p.add_family(Some(q(28)), Some(q(29)), &[q(30), q(31)]);
    p.add_family(Some(q(34)), Some(q(35)), &[q(32), q(33)]);
    p.add_family(Some(q(30)), Some(q(32)), &[q(36)]);
    p.add_family(Some(q(31)), Some(q(33)), &[q(37)]);
    p.set_sex(q(36), Sex::Male).set_sex(q(37), Sex::Female);
    // a cycle in the data
    p.add_parent(q(51), q(50))
        .add_parent(q(52), q(51))
        .add_parent(q(50), q(52))
        .add_parent(q(53), q(50));
    p
}

fn name(x: PersonId) -> String {
    format!("P{}", x.0)
}

/// The single relationship of a pair, described.
fn one(p: &SimplePedigree, a: u64, b: u64) -> (Relationship<PersonId>, String) {
    let rels = relate(p, q(a), q(b), &Limits::default());
    assert_eq!(rels.len(), 1, "{a} ~ {b}: {rels:#?}");
    let r = rels.into_iter().next().unwrap();
    let words = describe(&r, &name, &|x| p.sex(x));
    (r, words)
}

#[test]
fn same_person() {
    let p = family();
    let (r, words) = one(&p, 3, 3);
    assert_eq!(r.kind, Kind::Same);
    assert_eq!((r.ga, r.gb), (0, 0));
    assert_eq!(r.ancestors, vec![q(3)]);
    assert_eq!(words, "P3 and P3 are the same person");
}

#[test]
fn parents_and_grandparents() {
    let p = family();
    let (r, words) = one(&p, 3, 1);
    assert_eq!((r.kind, r.ga, r.gb), (Kind::Ancestor, 1, 0));
    assert_eq!(r.path_a, vec![q(1), q(3)]);
    assert_eq!(r.path_b, vec![q(1)]);
    assert_eq!(words, "P1 is P3's father");
    assert_eq!(one(&p, 3, 2).1, "P2 is P3's mother");
    assert_eq!(one(&p, 9, 1).1, "P1 is P9's grandfather");
    assert_eq!(one(&p, 14, 2).1, "P2 is P14's great-grandmother");
    let (r, words) = one(&p, 18, 1);
    assert_eq!((r.kind, r.ga, r.gb), (Kind::Ancestor, 4, 0));
    assert_eq!(r.path_a, vec![q(1), q(3), q(9), q(14), q(18)]);
    assert_eq!(words, "P1 is P18's great-great-grandfather");
    assert_eq!(one(&p, 25, 2).1, "P2 is P25's fourth great-grandmother");
}

#[test]
fn children_and_descendants() {
    let p = family();
    let (r, words) = one(&p, 1, 3);
    assert_eq!((r.kind, r.ga, r.gb), (Kind::Descendant, 0, 1));
    assert_eq!(words, "P3 is P1's son");
    assert_eq!(one(&p, 4, 12).1, "P12 is P4's daughter");
    assert_eq!(one(&p, 1, 18).1, "P18 is P1's great-great-granddaughter");
}

#[test]
fn siblings_and_half_siblings() {
    let p = family();
    let (r, words) = one(&p, 3, 4);
    assert_eq!(
        (r.kind, r.half, r.degree, r.removed),
        (Kind::Sibling, false, 0, 0)
    );
    assert_eq!(r.ancestors, vec![q(1), q(2)]);
    assert_eq!(words, "P4 is P3's sister");
    let (r, words) = one(&p, 3, 7);
    assert_eq!((r.kind, r.half), (Kind::Sibling, true));
    assert_eq!(r.ancestors, vec![q(1)]);
    assert_eq!(r.path_a, vec![q(1), q(3)]);
    assert_eq!(r.path_b, vec![q(1), q(7)]);
    assert_eq!(words, "P7 is P3's half-brother");
}

#[test]
fn aunts_uncles_nieces_nephews() {
    let p = family();
    let (r, words) = one(&p, 9, 4);
    assert_eq!((r.kind, r.ga, r.gb, r.removed), (Kind::AuntUncle, 2, 1, 1));
    assert_eq!(words, "P4 is P9's aunt");
    assert_eq!(one(&p, 9, 5).1, "P5 is P9's uncle");
    let (r, words) = one(&p, 14, 4);
    assert_eq!((r.kind, r.ga, r.gb), (Kind::AuntUncle, 3, 1));
    assert_eq!(words, "P4 is P14's great-aunt");
    assert_eq!(one(&p, 18, 4).1, "P4 is P18's great-great-aunt");
    let (r, words) = one(&p, 4, 9);
    assert_eq!((r.kind, r.ga, r.gb), (Kind::NieceNephew, 1, 2));
    assert_eq!(words, "P9 is P4's nephew");
    assert_eq!(one(&p, 3, 12).1, "P12 is P3's niece");
    assert_eq!(one(&p, 3, 16).1, "P16 is P3's great-niece");
    // Half-aunt: 7 is the half-brother of 9's father.
    assert_eq!(one(&p, 9, 7).1, "P7 is P9's half-uncle");
}

#[test]
fn cousins() {
    let p = family();
    let (r, words) = one(&p, 9, 12);
    assert_eq!(
        (r.kind, r.degree, r.removed, r.half),
        (Kind::Cousin, 1, 0, false)
    );
    assert_eq!(r.ancestors, vec![q(1), q(2)]);
    assert_eq!(r.path_a, vec![q(1), q(3), q(9)]);
    assert_eq!(r.path_b, vec![q(1), q(4), q(12)]);
    assert_eq!(words, "P12 is P9's first cousin");
    let (r, words) = one(&p, 9, 16);
    assert_eq!((r.degree, r.removed, r.ga, r.gb), (1, 1, 2, 3));
    assert_eq!(words, "P16 is P9's first cousin once removed");
    let (r, words) = one(&p, 14, 16);
    assert_eq!((r.degree, r.removed), (2, 0));
    assert_eq!(words, "P16 is P14's second cousin");
    let (r, words) = one(&p, 18, 25);
    assert_eq!((r.ga, r.gb, r.degree, r.removed), (4, 6, 3, 2));
    assert_eq!(words, "P25 is P18's third cousin twice removed");
    // Symmetric generations, the other way round.
    let (r, _) = one(&p, 25, 18);
    assert_eq!((r.ga, r.gb, r.degree, r.removed), (6, 4, 3, 2));
}

#[test]
fn half_first_cousins() {
    let p = family();
    let (r, words) = one(&p, 9, 22);
    assert_eq!((r.kind, r.half, r.degree), (Kind::Cousin, true, 1));
    assert_eq!(r.ancestors, vec![q(1)]);
    assert_eq!(words, "P22 is P9's half-first cousin");
}

#[test]
fn double_first_cousins() {
    let p = family();
    let rels = relate(&p, q(36), q(37), &Limits::default());
    assert_eq!(rels.len(), 2, "{rels:#?}");
    let mut couples: Vec<Vec<PersonId>> = rels.iter().map(|r| r.ancestors.clone()).collect();
    couples.sort();
    assert_eq!(couples, vec![vec![q(28), q(29)], vec![q(34), q(35)]]);
    for r in &rels {
        assert_eq!(
            (r.kind, r.degree, r.removed, r.double),
            (Kind::Cousin, 1, 0, true)
        );
        let other: Vec<PersonId> = rels
            .iter()
            .filter(|o| o.ancestors != r.ancestors)
            .flat_map(|o| o.ancestors.clone())
            .collect();
        assert_eq!(r.double_with, other);
        assert_eq!(
            describe(r, &name, &|x| p.sex(x)),
            "P37 is P36's double first cousin"
        );
    }
    // Their parents are not doubly related: brothers, and brothers-in-law only.
    assert_eq!(one(&p, 30, 31).1, "P31 is P30's brother");
    assert!(relate(&p, q(30), q(33), &Limits::default()).is_empty());
}

#[test]
fn pedigree_collapse() {
    let p = family();
    // 43 is the child of first cousins 42 and 10: 1 and 2 are reached through both parents.
    let anc = ancestry(&p, q(43), &Limits::default());
    assert_eq!(anc.generations(q(1)), Some(3));
    assert_eq!(anc.order.iter().filter(|x| **x == q(1)).count(), 1);
    // 14 is the son of 10's brother: first cousins through 3 & 8 only (1 & 2 are not lowest).
    let (r, words) = one(&p, 43, 14);
    assert_eq!(r.ancestors, vec![q(3), q(8)]);
    assert_eq!(words, "P14 is P43's first cousin");
    // 12 is 42's sister: an aunt, whatever else the collapse adds.
    assert_eq!(one(&p, 43, 12).1, "P12 is P43's aunt");
    // 44's ancestor 1 is 2 generations up through 5 and 4 through 16: the shortest wins.
    let anc = ancestry(&p, q(44), &Limits::default());
    assert_eq!(anc.generations(q(1)), Some(2));
    let (r, words) = one(&p, 44, 9);
    assert_eq!((r.ga, r.gb), (2, 2));
    assert_eq!(r.path_a, vec![q(1), q(5), q(44)]);
    assert_eq!(words, "P9 is P44's first cousin");
    // 16 is both 44's mother and (through 5) related otherwise: the mother comes first.
    let rels = relate(&p, q(44), q(16), &Limits::default());
    assert_eq!(rels[0].kind, Kind::Ancestor);
    assert_eq!(
        describe(&rels[0], &name, &|x| p.sex(x)),
        "P16 is P44's mother"
    );
}

#[test]
fn cycle_in_the_data_is_reported_not_looped() {
    let p = family();
    let k = kinship(&p, q(53), q(50), &Limits::default());
    assert!(
        k.problems.contains(&Problem::OwnAncestors {
            people: vec![q(50), q(51), q(52)]
        }),
        "{:?}",
        k.problems
    );
    // The plain parent link is still found first.
    let first = k.relationships.first().expect("a relationship");
    assert_eq!((first.kind, first.ga, first.gb), (Kind::Ancestor, 1, 0));
    assert_eq!(first.ancestors, vec![q(50)]);
    let text = k
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("; ");
    assert!(text.contains("own ancestor"), "{text}");
    // Nobody else's ancestry sees the cycle.
    assert!(kinship(&p, q(9), q(12), &Limits::default())
        .problems
        .is_empty());
}

#[test]
fn disconnected_people_are_unrelated() {
    let p = family();
    assert!(relate(&p, q(1), q(28), &Limits::default()).is_empty());
    assert!(relate(&p, q(36), q(18), &Limits::default()).is_empty());
    // Unknown ids are simply unrelated.
    assert!(relate(&p, q(999), q(1000), &Limits::default()).is_empty());
    // In-laws are not blood relatives.
    assert!(relate(&p, q(8), q(11), &Limits::default()).is_empty());
}

#[test]
fn generation_limit_is_reported() {
    let p = family();
    let limits = Limits {
        max_generations: 2,
        ..Limits::default()
    };
    let k = kinship(&p, q(18), q(25), &limits);
    assert!(k.relationships.is_empty());
    assert!(k.problems.contains(&Problem::GenerationLimit {
        person: q(18),
        generations: 2
    }));
    let limits = Limits {
        max_generations: 40,
        max_ancestors: 3,
    };
    let k = kinship(&p, q(18), q(1), &limits);
    assert!(k
        .problems
        .iter()
        .any(|p| matches!(p, Problem::AncestorLimit { .. })));
}

#[test]
fn unknown_sex_words() {
    let mut p = SimplePedigree::new();
    p.add_parent(q(2), q(1))
        .add_parent(q(3), q(1))
        .add_parent(q(4), q(2));
    let d = |a, b| {
        let r = relate(&p, q(a), q(b), &Limits::default()).remove(0);
        term(&r, p.sex(q(b)))
    };
    assert_eq!(d(2, 1), "parent");
    assert_eq!(d(4, 1), "grandparent");
    assert_eq!(d(4, 3), "aunt or uncle");
    assert_eq!(d(3, 4), "niece or nephew");
    // One known parent each: the relationship goes through one ancestor, but we cannot tell
    // whether it is half, so we do not say so.
    let r = relate(&p, q(2), q(3), &Limits::default()).remove(0);
    assert_eq!((r.ancestors.len(), r.half), (1, false));
    assert_eq!(term(&r, Sex::Unknown), "sibling");
}

#[test]
fn relate_all_pairs_and_json() {
    let p = family();
    let rels = relate_all(&p, &[q(9), q(12), q(9), q(16)], &Limits::default());
    let pairs: Vec<(PersonId, PersonId)> = rels.iter().map(|r| (r.a, r.b)).collect();
    assert_eq!(pairs, vec![(q(9), q(12)), (q(9), q(16)), (q(12), q(16))]);
    let json = serde_json::to_value(&rels[0]).unwrap();
    assert_eq!(json["kind"], "cousin");
    assert_eq!(json["a"], 9);
    assert_eq!(json["ancestors"][1], 2);
    assert_eq!(json["degree"], 1);
    let back: Relationship<PersonId> = serde_json::from_value(json).unwrap();
    assert_eq!(back, rels[0]);
    let aunt = relate(&p, q(9), q(4), &Limits::default()).remove(0);
    assert_eq!(serde_json::to_value(aunt.kind).unwrap(), "aunt-uncle");
    assert_eq!(serde_json::to_value(Kind::Same).unwrap(), "self");
    let json = serde_json::to_value(Problem::OwnAncestors { people: vec![q(1)] }).unwrap();
    assert_eq!(json["problem"], "own-ancestors");
}

#[test]
fn ancestors_phrase_names_the_couple() {
    let p = family();
    let (r, _) = one(&p, 9, 12);
    assert_eq!(ancestors_phrase(&r.ancestors, &name), "P1 & P2");
}

// ---- the tree to draw ----

#[test]
fn tree_of_double_cousins() {
    let p = family();
    let rels = relate(&p, q(36), q(37), &Limits::default());
    let t = tree(&p, &rels, &[], &[q(36), q(37)]);
    let expect: Vec<PersonId> = (28..=37).map(q).collect();
    assert_eq!(t.persons, expect);
    assert_eq!(
        t.couples,
        vec![
            (q(28), Some(q(29))),
            (q(30), Some(q(32))),
            (q(31), Some(q(33))),
            (q(34), Some(q(35)))
        ]
    );
    assert_eq!(t.edges.len(), 6);
    let via_28 = rels.iter().position(|r| r.ancestors[0] == q(28)).unwrap();
    for e in &t.edges {
        let (x, y) = t.couples[e.couple];
        let parents = p.parents(e.child);
        assert!(parents.contains(&x) && parents.contains(&y.unwrap()));
        // Edges under 28 & 29 belong to that relationship only; the cousins' own parents to both.
        if x == q(28) {
            assert_eq!(e.rels, vec![via_28]);
        }
        if e.child == q(36) || e.child == q(37) {
            assert_eq!(e.rels, vec![0, 1]);
        }
    }
}

#[test]
fn tree_follows_every_line_of_descent() {
    let p = family();
    // 43 descends from 1 & 2 along two lines (through 3 and through 4).
    let t = tree(&p, &[], &[q(1)], &[q(43)]);
    for x in [1, 2, 3, 4, 8, 10, 11, 42, 43] {
        assert!(t.persons.contains(&q(x)), "missing {x}: {:?}", t.persons);
    }
    assert!(!t.persons.contains(&q(9)), "{:?}", t.persons);
    let children: Vec<PersonId> = t.edges.iter().map(|e| e.child).collect();
    assert_eq!(children.iter().filter(|c| **c == q(43)).count(), 1);
    assert!(t
        .edges
        .iter()
        .all(|e| e.roots == vec![0] && e.rels.is_empty()));
    let i = t.couple_index(q(2), Some(q(1))).unwrap();
    let kids: Vec<PersonId> = t
        .edges
        .iter()
        .filter(|e| e.couple == i)
        .map(|e| e.child)
        .collect();
    assert_eq!(kids, vec![q(3), q(4)]);
}

#[test]
fn tree_with_a_cycle_terminates() {
    let p = family();
    let k = kinship(&p, q(53), q(50), &Limits::default());
    let t = tree(&p, &k.relationships, &[q(52)], &[q(53)]);
    assert!(t.persons.contains(&q(53)));
    let l = layout(&t, &LayoutOptions::default());
    assert_eq!(l.boxes.len(), t.persons.len());
}

// ---- layout ----

fn check_layout(t: &Tree<PersonId>, l: &Layout<PersonId>, opts: &LayoutOptions) {
    assert_eq!(l.boxes.len(), t.persons.len());
    for (b, pq) in l.boxes.iter().zip(&t.persons) {
        assert_eq!(b.id, *pq);
        assert!(b.x.is_finite() && b.y.is_finite() && b.x >= -1e-6 && b.y >= 0.0);
        assert!(b.x + b.w <= l.width + 1e-6 && b.y + b.h <= l.height + 1e-6);
        assert_eq!(b.y, b.row as f64 * (opts.box_height + opts.row_gap));
    }
    // No two boxes overlap in a row.
    let mut by_row: std::collections::BTreeMap<u32, Vec<&PersonBox<PersonId>>> = Default::default();
    for b in &l.boxes {
        by_row.entry(b.row).or_default().push(b);
    }
    for row in by_row.values_mut() {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        for w in row.windows(2) {
            assert!(
                w[0].x + w[0].w <= w[1].x + 1e-6,
                "overlap in row {}: {:?} {:?}",
                w[0].row,
                w[0],
                w[1]
            );
        }
    }
    // Partners are side by side in the same row, the join between them.
    for (c, (x, y)) in t.couples.iter().enumerate() {
        let bx = l.box_of(*x).unwrap();
        let j = l.joins[c];
        if let Some(y) = y {
            let by = l.box_of(*y).unwrap();
            assert_eq!(bx.row, by.row);
            let (left, right) = if bx.x < by.x { (bx, by) } else { (by, bx) };
            assert!(
                left.x + left.w <= j.x && j.x <= right.x,
                "join {j:?} not between"
            );
        } else {
            assert_eq!(j.x, bx.cx());
        }
    }
    // Child lines start at the join and end on top of the child.
    for (e, ce) in t.edges.iter().zip(&l.edges) {
        let j = l.joins[e.couple];
        assert_eq!(ce.points.first(), Some(&(j.x, j.y)));
        let child = l.box_of(e.child).unwrap();
        assert_eq!(ce.points.last(), Some(&(child.cx(), child.y)));
        for w in ce.points.windows(2) {
            assert!(
                w[0].0 == w[1].0 || w[0].1 == w[1].1,
                "not orthogonal: {:?}",
                ce.points
            );
        }
    }
}

fn is_adjacent(t: &Tree<PersonId>, l: &Layout<PersonId>, x: PersonId, y: PersonId) -> bool {
    let (bx, by) = (l.box_of(x).unwrap(), l.box_of(y).unwrap());
    let (lo, hi) = (bx.x.min(by.x), bx.x.max(by.x));
    !t.persons.iter().any(|z| {
        let b = l.box_of(*z).unwrap();
        b.row == bx.row && b.x > lo && b.x < hi
    })
}

#[test]
fn layout_of_the_whole_family_in_both_engines() {
    let p = family();
    // (Without 44, whose parents are of different generations.)
    let people: Vec<PersonId> = vec![q(18), q(25), q(43), q(22), q(36), q(37)];
    let rels = relate_all(&p, &people, &Limits::default());
    let t = tree(&p, &rels, &[], &people);
    for engine in [Engine::Sugiyama, Engine::Layered] {
        let opts = LayoutOptions {
            engine,
            ..LayoutOptions::default()
        };
        let l = layout(&t, &opts);
        check_layout(&t, &l, &opts);
        for (x, y) in &t.couples {
            if let Some(y) = y {
                assert!(is_adjacent(&t, &l, *x, *y), "{engine:?}: {x} {y} apart");
            }
        }
        // Children one row below their parents (this family is consistent).
        for e in &t.edges {
            let (x, _) = t.couples[e.couple];
            assert_eq!(
                l.box_of(e.child).unwrap().row,
                l.box_of(x).unwrap().row + 1,
                "{engine:?}: {e:?}"
            );
        }
        // Generations line up across branches: 1 and 28 are both at the top.
        assert_eq!(l.box_of(q(1)).unwrap().row, 0);
        assert_eq!(l.box_of(q(28)).unwrap().row, 0);
        assert_eq!(l.box_of(q(25)).unwrap().row, 6);
        // Deterministic.
        assert_eq!(layout(&t, &opts), l);
    }
}

#[test]
fn layout_of_a_simple_tree_has_no_crossings() {
    let p = family();
    let rels = relate(&p, q(18), q(25), &Limits::default());
    let t = tree(&p, &rels, &[], &[q(18), q(25)]);
    for engine in [Engine::Sugiyama, Engine::Layered] {
        let opts = LayoutOptions {
            engine,
            ..LayoutOptions::default()
        };
        let l = layout(&t, &opts);
        check_layout(&t, &l, &opts);
        assert_eq!(l.engine, engine);
        assert_eq!(l.crossings, 0, "{engine:?}");
        assert_eq!(l.rows, 7);
    }
}

#[test]
fn layout_of_empty_and_unconnected_trees() {
    let l = layout(&Tree::<PersonId>::default(), &LayoutOptions::default());
    assert!(l.boxes.is_empty() && l.width == 0.0 && l.height == 0.0);
    let t = Tree {
        persons: vec![q(1), q(2), q(3)],
        ..Tree::default()
    };
    let opts = LayoutOptions::default();
    let l = layout(&t, &opts);
    check_layout(&t, &l, &opts);
    assert!(l.boxes.iter().all(|b| b.row == 0));
}

#[test]
fn layout_of_an_uncle_niece_marriage_keeps_children_below_parents() {
    // 5 marries his grand-niece 16: the partners are in different generations.
    let p = family();
    let t = tree(&p, &[], &[q(1)], &[q(44)]);
    for engine in [Engine::Sugiyama, Engine::Layered] {
        let opts = LayoutOptions {
            engine,
            ..LayoutOptions::default()
        };
        let l = layout(&t, &opts);
        check_layout(&t, &l, &opts);
        for e in &t.edges {
            let (x, y) = t.couples[e.couple];
            let child = l.box_of(e.child).unwrap().row;
            assert!(child > l.box_of(x).unwrap().row);
            if let Some(y) = y {
                assert!(child > l.box_of(y).unwrap().row);
            }
        }
    }
}

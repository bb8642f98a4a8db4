//! The connection search through marriage (`connections`) on hand-built families.

use wikikin_kinship::*;
use Step::{Child, Parent, Spouse};

fn q(n: u64) -> PersonId {
    PersonId(n)
}

fn conn(path: &[u64], steps: &[Step]) -> Connection<PersonId> {
    Connection {
        path: path.iter().map(|n| q(*n)).collect(),
        steps: steps.to_vec(),
    }
}

fn search(p: &SimplePedigree, a: u64, b: u64) -> Connections<PersonId> {
    connections(p, q(a), q(b), &ConnectLimits::default())
}

/// ```text
/// 1M = 2F → 3M, 4F        3M = 5F (3's wife)        4F = 6M (4's husband)
/// 1M = 7F (second wife) → 8M          9M = 7F → 10F  (10: 3's stepsister, 8: half-brother)
/// 5F's parents 11M = 12F → 5F, 13M
/// ```
fn family() -> SimplePedigree {
    let mut p = SimplePedigree::new();
    p.add_family(Some(q(1)), Some(q(2)), &[q(3), q(4)]);
    p.add_family(Some(q(3)), Some(q(5)), &[]);
    p.add_family(Some(q(6)), Some(q(4)), &[]);
    p.add_family(Some(q(1)), Some(q(7)), &[q(8)]);
    p.add_family(Some(q(9)), Some(q(7)), &[q(10)]);
    p.add_family(Some(q(11)), Some(q(12)), &[q(5), q(13)]);
    p.set_sex(q(3), Sex::Male)
        .set_sex(q(4), Sex::Female)
        .set_sex(q(8), Sex::Male)
        .set_sex(q(10), Sex::Female)
        .set_sex(q(13), Sex::Male);
    p
}

#[test]
fn a_married_pair() {
    let p = family();
    let got = search(&p, 3, 5);
    assert_eq!(got.found, vec![conn(&[3, 5], &[Spouse])]);
    assert_eq!((got.searched_links, got.cut), (1, false));
    assert_eq!(connection_term(&p, &got.found[0]), Some("wife"));
    assert_eq!(search(&p, 5, 3).found, vec![conn(&[5, 3], &[Spouse])]);
}

#[test]
fn daughter_in_law_from_both_directions() {
    let p = family();
    let down = search(&p, 1, 5);
    assert_eq!(down.found, vec![conn(&[1, 3, 5], &[Child, Spouse])]);
    assert_eq!(down.searched_links, 2);
    assert_eq!(connection_term(&p, &down.found[0]), Some("daughter-in-law"));
    let up = search(&p, 5, 1);
    assert_eq!(up.found, vec![conn(&[5, 3, 1], &[Spouse, Parent])]);
    assert_eq!(connection_term(&p, &up.found[0]), Some("father-in-law"));
    // From the mother too: one chain, through the son.
    assert_eq!(
        search(&p, 2, 5).found,
        vec![conn(&[2, 3, 5], &[Child, Spouse])]
    );
}

#[test]
fn siblings_in_law() {
    let p = family();
    // The sister's husband: through either parent, which reads the same: listed once.
    let got = search(&p, 3, 6);
    assert_eq!(
        got.found,
        vec![conn(&[3, 1, 4, 6], &[Parent, Child, Spouse])]
    );
    for c in &got.found {
        assert_eq!(connection_term(&p, c), Some("brother-in-law"));
    }
    // The wife's brother.
    let got = search(&p, 3, 13);
    assert_eq!(
        got.found.len(),
        1,
        "through either parent, listed once: {got:?}"
    );
    for c in &got.found {
        assert_eq!(c.steps, [Spouse, Parent, Child]);
        assert_eq!(connection_term(&p, c), Some("brother-in-law"));
    }
}

#[test]
fn step_relatives() {
    let p = family();
    let got = search(&p, 3, 7);
    assert_eq!(got.found, vec![conn(&[3, 1, 7], &[Parent, Spouse])]);
    assert_eq!(connection_term(&p, &got.found[0]), Some("stepmother"));
    let got = search(&p, 7, 3);
    assert_eq!(got.found, vec![conn(&[7, 1, 3], &[Spouse, Child])]);
    assert_eq!(connection_term(&p, &got.found[0]), Some("stepson"));
    // The stepmother's daughter by another husband.
    let got = search(&p, 3, 10);
    assert_eq!(
        got.found,
        vec![conn(&[3, 1, 7, 10], &[Parent, Spouse, Child])]
    );
    assert_eq!(connection_term(&p, &got.found[0]), Some("stepsister"));
}

#[test]
fn blood_relatives_through_a_parents_marriage() {
    // One's mother is not "one's father's wife", nor a half-brother "one's stepmother's son":
    // a marriage step that only goes round a blood link is not taken.
    let p = family();
    let got = search(&p, 3, 2);
    assert!(
        got.found
            .iter()
            .all(|c| !(c.steps.starts_with(&[Parent, Spouse]) && c.path.get(2) == Some(&q(2)))),
        "{:?}",
        got.found
    );
    let got = search(&p, 3, 8);
    for c in &got.found {
        assert!(c.links() > 3, "a roundabout chain: {c:?}");
    }
}

#[test]
fn nothing_through_marriage() {
    // Two half-siblings by one known parent, nobody married.
    let mut p = SimplePedigree::new();
    p.add_parent(q(2), q(1)).add_parent(q(3), q(1));
    let got = search(&p, 2, 3);
    assert!(got.found.is_empty());
    assert_eq!((got.searched_links, got.cut), (8, false));
    // Out of reach altogether, and to oneself.
    let got = search(&p, 2, 99);
    assert!(got.found.is_empty());
    assert_eq!(got.searched_links, 8);
    let got = search(&p, 2, 2);
    assert!(got.found.is_empty());
    // Within smaller limits.
    let limits = ConnectLimits {
        max_links: 3,
        ..ConnectLimits::default()
    };
    assert_eq!(connections(&p, q(2), q(3), &limits).searched_links, 3);
}

/// `a` (1) is married to 2 + `two` people who are also married to `b` (99), and to `one`
/// people who are parents of `b`: every chain has two links, `two` with two marriages (lower
/// ids, so listed first) and `one` with one.
fn many_chains(two: u64, one: u64) -> SimplePedigree {
    let mut p = SimplePedigree::new();
    for y in 10..10 + two {
        p.add_couple(q(1), q(y)).add_couple(q(y), q(99));
    }
    for x in 50..50 + one {
        p.add_couple(q(1), q(x)).add_parent(q(99), q(x));
    }
    p
}

#[test]
fn five_chains_at_most_fewest_marriages_first() {
    let got = search(&many_chains(3, 6), 1, 99);
    assert_eq!(got.found.len(), 5);
    assert_eq!(got.searched_links, 2);
    for (c, x) in got.found.iter().zip(50..) {
        assert_eq!(*c, conn(&[1, x, 99], &[Spouse, Child]));
    }
    let got = search(&many_chains(6, 2), 1, 99);
    let marriages: Vec<usize> = got.found.iter().map(|c| c.marriages()).collect();
    assert_eq!(marriages, [1, 1, 2, 2, 2]);
    assert_eq!(got.found[2], conn(&[1, 10, 99], &[Spouse, Spouse]));
    // The cap is a limit.
    let limits = ConnectLimits {
        max_paths: 2,
        ..ConnectLimits::default()
    };
    assert_eq!(
        connections(&many_chains(6, 2), q(1), q(99), &limits).found,
        vec![
            conn(&[1, 50, 99], &[Spouse, Child]),
            conn(&[1, 51, 99], &[Spouse, Child]),
        ]
    );
}

#[test]
fn a_chain_of_two_marriages_at_its_exact_length() {
    // 1 → son 3 → his wife 5 → her brother 13 → his wife 14.
    let mut p = family();
    p.add_family(Some(q(13)), Some(q(14)), &[]);
    let got = search(&p, 1, 14);
    assert_eq!(got.searched_links, 5);
    // Through either of 5's parents: the same reading, listed once.
    assert_eq!(
        got.found,
        vec![conn(
            &[1, 3, 5, 11, 13, 14],
            &[Child, Spouse, Parent, Child, Spouse]
        )]
    );
    let name = |x: PersonId| format!("P{}", x.0);
    assert_eq!(
        describe_connection(&p, &got.found[0], &name),
        "P1 → his son P3 → his wife P5 → her brother P13 → his wife P14"
    );
    // Beyond the limits: nothing, and the search says how far it looked.
    let limits = ConnectLimits {
        max_links: 4,
        ..ConnectLimits::default()
    };
    let got = connections(&p, q(1), q(14), &limits);
    assert!(got.found.is_empty());
    assert_eq!(got.searched_links, 4);
}

#[test]
fn the_work_limit_cuts() {
    let limits = ConnectLimits {
        max_work: 2,
        ..ConnectLimits::default()
    };
    let got = connections(&many_chains(3, 6), q(1), q(99), &limits);
    assert!(got.cut);
    assert!(got.found.is_empty());
    assert_eq!(got.searched_links, 1);
}

#[test]
fn connections_are_drawn_with_their_marriages() {
    // 1's son 3 and 3's wife 5: 5 is 1's daughter-in-law; the tree holds the chain.
    let p = family();
    let got = search(&p, 1, 5);
    assert_eq!(got.found, vec![conn(&[1, 3, 5], &[Child, Spouse])]);
    let t = tree_with_connections(&p, &[], &got.found, &[], &[q(1), q(5)], &Limits::default());
    for x in [1, 3, 5] {
        assert!(t.persons.contains(&q(x)), "{x} drawn: {t:?}");
    }
    let marriage = t.couple_index(q(3), Some(q(5)));
    assert!(
        marriage.is_some(),
        "the marriage is a couple: {:?}",
        t.couples
    );
    let edge = t
        .edges
        .iter()
        .find(|e| e.child == q(3))
        .expect("1 → 3 drawn");
    assert_eq!(edge.conns, vec![0]);
    assert!(edge.rels.is_empty() && edge.roots.is_empty());
    // Without connections, the same tree as before.
    let plain = tree_with_limits(&p, &[], &[], &[q(1), q(5)], &Limits::default());
    assert!(plain.edges.is_empty());
}

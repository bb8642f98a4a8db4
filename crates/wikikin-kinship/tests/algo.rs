//! The algorithms computed once for everyone: direct lines (`generations_up`) and cycles of
//! parent links (`cycles`, and how `kinship_all` reports them).

use wikikin_kinship::*;

fn q(n: u64) -> PersonId {
    PersonId(n)
}

/// ```text
/// 1 = 2 → 3 = 4 → 5 → 6;  1 → 7 → 6 (6's other parent, 7, is 1's child: a shorter line)
/// A cycle 50 → 51 → 52 → 50 (each the parent of the next), 50 → 53, 51 → 54.
/// A figure of eight sharing 62: 60 → 61 → 62 → 60 and 62 → 63 → 64 → 62;
///   70 is a child of 60, 71 a child of 64.
/// 80 is their own parent; 81 is 80's child.
/// ```
fn family() -> SimplePedigree {
    let mut p = SimplePedigree::new();
    p.add_family(Some(q(1)), Some(q(2)), &[q(3), q(7)]);
    p.add_family(Some(q(3)), Some(q(4)), &[q(5)]);
    p.add_family(Some(q(5)), Some(q(7)), &[q(6)]);
    // parent → child
    for (parent, child) in [
        (50, 51),
        (51, 52),
        (52, 50),
        (50, 53),
        (51, 54),
        (60, 61),
        (61, 62),
        (62, 60),
        (62, 63),
        (63, 64),
        (64, 62),
        (60, 70),
        (64, 71),
        (80, 80),
        (80, 81),
    ] {
        p.add_parent(q(child), q(parent));
    }
    p
}

#[test]
fn generations_up_is_the_shortest_direct_line() {
    let p = family();
    let limits = Limits::default();
    assert_eq!(generations_up(&p, q(6), q(5), &limits), Some(1));
    assert_eq!(generations_up(&p, q(6), q(3), &limits), Some(2));
    // 1 is 3 generations up through 5 and 3, 2 through 7: the shortest wins.
    assert_eq!(generations_up(&p, q(6), q(1), &limits), Some(2));
    assert_eq!(generations_up(&p, q(6), q(6), &limits), Some(0));
    // Not an ancestor: a descendant, a stranger, an unknown id.
    assert_eq!(generations_up(&p, q(1), q(6), &limits), None);
    assert_eq!(generations_up(&p, q(6), q(50), &limits), None);
    assert_eq!(generations_up(&p, q(999), q(1), &limits), None);
    // It agrees with the ancestry search.
    let anc = ancestry(&p, q(6), &limits);
    for x in [1, 2, 3, 4, 5, 7] {
        assert_eq!(
            generations_up(&p, q(6), q(x), &limits),
            anc.generations(q(x))
        );
    }
}

#[test]
fn generations_up_respects_the_limits_and_cycles() {
    let p = family();
    let one = Limits {
        max_generations: 1,
        ..Limits::default()
    };
    assert_eq!(generations_up(&p, q(6), q(5), &one), Some(1));
    assert_eq!(generations_up(&p, q(6), q(1), &one), None);
    let few = Limits {
        max_ancestors: 2,
        ..Limits::default()
    };
    // 6 and one parent kept: 5 first, 7 left out.
    assert_eq!(generations_up(&p, q(6), q(5), &few), Some(1));
    assert_eq!(generations_up(&p, q(6), q(7), &few), None);
    // Cycles never loop: 53's ancestors are 50, 52 and 51, each found once.
    let limits = Limits::default();
    assert_eq!(generations_up(&p, q(53), q(50), &limits), Some(1));
    assert_eq!(generations_up(&p, q(53), q(51), &limits), Some(3));
    assert_eq!(generations_up(&p, q(53), q(1), &limits), None);
    // Someone in a cycle is at distance 0 from themselves, not the length of the cycle.
    assert_eq!(generations_up(&p, q(50), q(50), &limits), Some(0));
}

#[test]
fn cycles_are_listed_once_in_a_canonical_order() {
    let p = family();
    let limits = Limits::default();
    let loop_50 = vec![q(50), q(51), q(52)];
    let eight = vec![q(60), q(61), q(62), q(63), q(64)];
    assert_eq!(cycles(&p, &[q(53)], &limits), vec![loop_50.clone()]);
    // Three people reaching the same cycle, in any order: listed once.
    for from in [
        vec![q(53), q(54), q(51)],
        vec![q(51), q(53), q(54)],
        vec![q(54), q(51), q(53)],
    ] {
        assert_eq!(cycles(&p, &from, &limits), vec![loop_50.clone()]);
    }
    // The figure of eight is one cycle, reached from both ends.
    assert_eq!(cycles(&p, &[q(70), q(71)], &limits), vec![eight.clone()]);
    // A person who is their own parent; nobody without a cycle above.
    assert_eq!(cycles(&p, &[q(81)], &limits), vec![vec![q(80)]]);
    assert!(cycles(&p, &[q(6), q(1), q(999)], &limits).is_empty());
    assert!(cycles(&p, &[], &limits).is_empty());
    // Everything at once, sorted.
    assert_eq!(
        cycles(&p, &[q(81), q(71), q(53), q(6)], &limits),
        vec![loop_50, eight, vec![q(80)]]
    );
}

fn own_ancestors(k: &Kinship<PersonId>) -> Vec<Vec<PersonId>> {
    k.problems
        .iter()
        .filter_map(|problem| match problem {
            Problem::OwnAncestors { people } => Some(people.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn kinship_all_reports_each_cycle_once() {
    let p = family();
    let limits = Limits::default();
    // 53, 54 and 51 all reach the cycle 50 → 51 → 52.
    let k = kinship_all(&p, &[q(53), q(54), q(51)], &limits);
    assert_eq!(own_ancestors(&k), vec![vec![q(50), q(51), q(52)]]);
    assert!(!k.relationships.is_empty());
    // Within limits, 70 sees only the upper loop of the figure of eight and 71 only the lower
    // one: together they are one cycle, reported once (not as two overlapping ones).
    let limits = Limits {
        max_generations: 4,
        ..Limits::default()
    };
    let alone_70 = own_ancestors(&kinship(&p, q(70), q(70), &limits));
    let alone_71 = own_ancestors(&kinship(&p, q(71), q(71), &limits));
    assert_eq!(alone_70, vec![vec![q(60), q(61), q(62)]]);
    assert_eq!(alone_71, vec![vec![q(62), q(63), q(64)]]);
    let together = vec![vec![q(60), q(61), q(62), q(63), q(64)]];
    assert_eq!(
        own_ancestors(&kinship_all(&p, &[q(70), q(71)], &limits)),
        together
    );
    assert_eq!(own_ancestors(&kinship(&p, q(70), q(71), &limits)), together);
    assert_eq!(cycles(&p, &[q(70), q(71)], &limits), together);
    // Several cycles: each once, in the same order as `cycles`.
    let people = [q(81), q(53), q(71), q(54), q(70)];
    let k = kinship_all(&p, &people, &Limits::default());
    assert_eq!(
        own_ancestors(&k),
        cycles(&p, &people, &Limits::default()),
        "{:?}",
        k.problems
    );
    assert_eq!(own_ancestors(&k).len(), 3);
}

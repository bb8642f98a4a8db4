//! The English words for connections through marriage (`connection_term`,
//! `describe_connection`), on a hand-built family and on royal92.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use wikikin_kinship::*;
use Step::{Child, Parent, Spouse};

fn q(n: u64) -> PersonId {
    PersonId(n)
}

/// The test family (numbers are person ids; M/F the sex):
///
/// ```text
/// 10M = 11F → 20M, 21F
/// 20M = 22F → 30M, 31F           20M = 23F (second wife) → 33M
/// 24M = 23F → 32F                (32 is 30's stepsister, 33 his half-brother)
/// 30M = 34F → 35M                44M = 34F → 43F (30's stepdaughter)
/// 40M = 41F → 34F, 42M           50M → 40 (34's grandfather)
/// 42M = 45F     31F = 39M     35M = 36F → 37M     37M = 38F
/// Third cousins: 100 → 101 → 102 → 103 → 104F = 120M,  100 → 111 → 112 → 113 → 114M
/// ```
fn family() -> SimplePedigree {
    let mut p = SimplePedigree::new();
    p.add_family(Some(q(10)), Some(q(11)), &[q(20), q(21)]);
    p.add_family(Some(q(20)), Some(q(22)), &[q(30), q(31)]);
    p.add_family(Some(q(20)), Some(q(23)), &[q(33)]);
    p.add_family(Some(q(24)), Some(q(23)), &[q(32)]);
    p.add_family(Some(q(30)), Some(q(34)), &[q(35)]);
    p.add_family(Some(q(44)), Some(q(34)), &[q(43)]);
    p.add_family(Some(q(40)), Some(q(41)), &[q(34), q(42)]);
    p.add_family(Some(q(50)), None, &[q(40)]);
    p.add_family(Some(q(42)), Some(q(45)), &[]);
    p.add_family(Some(q(39)), Some(q(31)), &[]);
    p.add_family(Some(q(35)), Some(q(36)), &[q(37)]);
    p.add_family(Some(q(37)), Some(q(38)), &[]);
    for (m, f) in [(30, 34), (35, 36), (37, 38), (42, 45), (39, 31)] {
        p.set_sex(q(m), Sex::Male).set_sex(q(f), Sex::Female);
    }
    p.set_sex(q(32), Sex::Female)
        .set_sex(q(33), Sex::Male)
        .set_sex(q(43), Sex::Female)
        .set_sex(q(21), Sex::Female);
    for line in [[100, 101, 102, 103, 104], [100, 111, 112, 113, 114]] {
        for pair in line.windows(2) {
            p.add_parent(q(pair[1]), q(pair[0]));
        }
    }
    p.add_family(Some(q(120)), Some(q(104)), &[]);
    p.set_sex(q(114), Sex::Male);
    p
}

fn name(x: PersonId) -> String {
    format!("P{}", x.0)
}

fn conn(path: &[u64], steps: &[Step]) -> Connection<PersonId> {
    Connection {
        path: path.iter().map(|n| q(*n)).collect(),
        steps: steps.to_vec(),
    }
}

/// The term with the last person male, female and of unknown sex.
fn terms_by_sex(path: &[u64], steps: &[Step]) -> [Option<&'static str>; 3] {
    let c = conn(path, steps);
    let b = q(*path.last().unwrap());
    [Sex::Male, Sex::Female, Sex::Unknown].map(|sex| {
        let mut p = family();
        p.set_sex(b, sex);
        connection_term(&p, &c)
    })
}

#[test]
fn every_term_by_sex() {
    let cases: &[(&[u64], &[Step], [&str; 3])] = &[
        (&[30, 34], &[Spouse], ["husband", "wife", "spouse"]),
        (
            &[34, 30, 20],
            &[Spouse, Parent],
            ["father-in-law", "mother-in-law", "parent-in-law"],
        ),
        (
            &[20, 30, 34],
            &[Child, Spouse],
            ["son-in-law", "daughter-in-law", "child-in-law"],
        ),
        (
            &[30, 34, 40, 42],
            &[Spouse, Parent, Child],
            ["brother-in-law", "sister-in-law", "sibling-in-law"],
        ),
        (
            &[30, 20, 31, 39],
            &[Parent, Child, Spouse],
            ["brother-in-law", "sister-in-law", "sibling-in-law"],
        ),
        (
            &[30, 20, 23],
            &[Parent, Spouse],
            ["stepfather", "stepmother", "stepparent"],
        ),
        (
            &[30, 34, 43],
            &[Spouse, Child],
            ["stepson", "stepdaughter", "stepchild"],
        ),
        (
            &[30, 20, 23, 32],
            &[Parent, Spouse, Child],
            ["stepbrother", "stepsister", "stepsibling"],
        ),
        (
            &[30, 34, 40, 50],
            &[Spouse, Parent, Parent],
            [
                "grandfather-in-law",
                "grandmother-in-law",
                "grandparent-in-law",
            ],
        ),
        (
            &[30, 35, 37, 38],
            &[Child, Child, Spouse],
            [
                "grandson-in-law",
                "granddaughter-in-law",
                "grandchild-in-law",
            ],
        ),
    ];
    for (path, steps, want) in cases {
        assert_eq!(terms_by_sex(path, steps), want.map(Some), "{path:?}");
    }
}

#[test]
fn no_term_where_the_blood_tie_is_closer() {
    let p = family();
    // A parent's spouse who is one's own parent is not a stepparent.
    assert_eq!(
        connection_term(&p, &conn(&[30, 20, 22], &[Parent, Spouse])),
        None
    );
    // A spouse's child who is one's own child is not a stepchild.
    assert_eq!(
        connection_term(&p, &conn(&[30, 34, 35], &[Spouse, Child])),
        None
    );
    // A step-parent's child who shares a parent (a half-brother) is not a stepsibling.
    let half = conn(&[30, 22, 20, 33], &[Parent, Spouse, Child]);
    assert_eq!(connection_term(&p, &half), None);
    // Longer chains have no single word; neither has a malformed one.
    let long = conn(&[10, 20, 30, 35, 36], &[Child, Child, Child, Spouse]);
    assert_eq!(connection_term(&p, &long), None);
    assert_eq!(connection_term(&p, &conn(&[30, 34], &[])), None);
    assert_eq!(connection_term(&p, &conn(&[], &[])), None);
}

#[test]
fn one_word_sentences() {
    let p = family();
    let say = |path: &[u64], steps: &[Step]| describe_connection(&p, &conn(path, steps), &name);
    assert_eq!(
        say(&[20, 30, 34], &[Child, Spouse]),
        "P34 is P20's daughter-in-law."
    );
    assert_eq!(
        say(&[34, 30, 20], &[Spouse, Parent]),
        "P20 is P34's father-in-law."
    );
    assert_eq!(
        say(&[30, 20, 23, 32], &[Parent, Spouse, Child]),
        "P32 is P30's stepsister."
    );
}

#[test]
fn one_marriage_between_blood_relationships() {
    let p = family();
    let say = |path: &[u64], steps: &[Step]| describe_connection(&p, &conn(path, steps), &name);
    // Blood, then the marriage: b is the spouse.
    assert_eq!(
        say(&[10, 20, 30, 35, 36], &[Child, Child, Child, Spouse]),
        "P36 is the wife of P10's great-grandson P35."
    );
    // One's own mother through one's father: true, if roundabout.
    assert_eq!(
        say(&[30, 20, 22], &[Parent, Spouse]),
        "P22 is the wife of P30's father P20."
    );
    // The marriage, then blood (third cousins).
    let cousins = [
        Spouse, Parent, Parent, Parent, Parent, Child, Child, Child, Child,
    ];
    assert_eq!(
        say(
            &[120, 104, 103, 102, 101, 100, 111, 112, 113, 114],
            &cousins
        ),
        "P114 is the third cousin of P120's wife P104."
    );
    assert_eq!(say(&[104, 120], &[Spouse]), "P120 is P104's husband.");
    // Blood, the marriage, blood.
    assert_eq!(
        say(&[20, 30, 34, 40, 42], &[Child, Spouse, Parent, Child]),
        "P42 is the brother of P34, the wife of P20's son P30."
    );
    // A half-brother through a parent's marriage is named by the blood segments alone.
    assert_eq!(
        say(&[30, 22, 20, 33], &[Parent, Spouse, Child]),
        "P33 is the son of P20, the husband of P30's mother P22."
    );
}

#[test]
fn chains_person_by_person() {
    let p = family();
    let say = |path: &[u64], steps: &[Step]| describe_connection(&p, &conn(path, steps), &name);
    // Two marriages; the parent-then-child pair through a shared parent is a brother.
    assert_eq!(
        say(
            &[20, 30, 34, 40, 42, 45],
            &[Child, Spouse, Parent, Child, Spouse]
        ),
        "P20 → his son P30 → his wife P34 → her brother P42 → his wife P45"
    );
    // One marriage, but a blood segment going down then up: step by step.
    assert_eq!(
        say(&[24, 32, 23, 20], &[Child, Parent, Spouse]),
        "P24 → his daughter P32 → her mother P23 → her husband P20"
    );
    // Unknown sexes are neutral.
    let mut unknown = SimplePedigree::new();
    unknown
        .add_parent(q(2), q(1))
        .add_couple(q(2), q(3))
        .add_couple(q(3), q(4));
    let c = conn(&[1, 2, 3, 4], &[Child, Spouse, Spouse]);
    assert_eq!(
        describe_connection(&unknown, &c, &name),
        "P1 → their child P2 → their spouse P3 → their spouse P4"
    );
    assert_eq!(describe_connection(&unknown, &conn(&[], &[]), &name), "");
}

/// Words for what the search finds, on royal92: Diana (I65), Charles (I58), Elizabeth II (I52),
/// Philip (I57), Charles Spencer (I242, Diana's brother).
#[test]
fn royal_in_laws() {
    let r = support::royals();
    let short = |x: PersonId| match x.0 {
        52 => "Elizabeth II".to_string(),
        57 => "Philip".to_string(),
        58 => "Charles".to_string(),
        65 => "Diana".to_string(),
        242 => "Charles Spencer".to_string(),
        _ => r.name(x),
    };
    let words = |a: u64, b: u64| -> Vec<String> {
        let found = connections(&r.pedigree, q(a), q(b), &ConnectLimits::default()).found;
        found
            .iter()
            .map(|c| describe_connection(&r.pedigree, c, &short))
            .collect()
    };
    assert_eq!(words(52, 65), ["Diana is Elizabeth II's daughter-in-law."]);
    assert_eq!(words(65, 52), ["Elizabeth II is Diana's mother-in-law."]);
    assert_eq!(words(65, 57), ["Philip is Diana's father-in-law."]);
    assert_eq!(words(58, 65), ["Diana is Charles's wife."]);
    let spencer = words(52, 242);
    assert!(!spencer.is_empty());
    for w in &spencer {
        assert_eq!(
            w,
            "Charles Spencer is the brother of Diana, the wife of Elizabeth II's son Charles."
        );
    }
}

//! The answer as people read it, from real crawls of the royal92 replica: the headline sentence,
//! the folded status line, the relationship chosen for the chart, the chart's layout (ancestors
//! on top, the two lines side by side, one card per person), the staircase of a connection, the
//! roving focus, the view by generation, and titles.

mod common;

use common::*;
use std::collections::BTreeSet;
use wikikin_core::Qid;
use wikikin_view::chart::{chart, step_from, LinkKind, Role, Selection, CARD_W, COL_GAP, PAD};
use wikikin_view::chart_svg::{chart_markup, chart_standalone, name_lines};
use wikikin_view::generations::generations;
use wikikin_view::headline::{headline, page_title, running_headline, summary};
use wikikin_view::phrase::{Phrase, Piece};

fn text(a: &wikikin_view::Answer, p: &Phrase) -> String {
    p.to_text(&|q| a.name(q))
}

#[test]
fn the_headline_says_it_all_for_elizabeth_and_philip() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    let h = headline(&a);
    // The people are pieces of their own, Philip first (what he is to her).
    assert_eq!(h.people(), vec![PHILIP, ELIZABETH]);
    assert_eq!(
        text(&a, &h),
        format!(
            "{} is {}'s husband, and also her second cousin once removed, third cousin and fourth cousin.",
            a.name(PHILIP),
            a.name(ELIZABETH)
        )
    );
    assert!(matches!(h.0.first(), Some(Piece::Person(q)) if *q == PHILIP));
    assert_eq!(
        page_title(&a),
        format!("{} & {} — wikikin", a.name(ELIZABETH), a.name(PHILIP))
    );
}

#[test]
fn symmetric_relationships_read_both_ways() {
    let r = royal(false);
    let george = qid(&r, "I14");
    let nicholas = qid(&r, "I37");
    let a = answer(&r, ask(&[george, nicholas], &[]));
    assert_eq!(
        text(&a, &headline(&a)),
        format!(
            "{} and {} are first cousins.",
            a.name(george),
            a.name(nicholas)
        )
    );
}

#[test]
fn while_running_the_headline_names_the_question() {
    let p = running_headline(&ask(&[ELIZABETH, PHILIP], &[]));
    assert_eq!(p.people(), vec![ELIZABETH, PHILIP]);
    assert_eq!(
        p.to_text(&|q| q.to_string()),
        "Finding how Q9682 and Q80976 are related…"
    );
}

#[test]
fn the_search_folds_into_one_quiet_line() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    let s = summary(&a);
    let parts: Vec<&str> = s.split(" · ").collect();
    assert_eq!(parts.len(), 4, "{s}");
    assert_eq!(
        parts.first().copied(),
        Some(format!("{} requests", a.progress.requests).as_str())
    );
    assert!(
        parts
            .get(1)
            .is_some_and(|p| p.ends_with("kB") || p.ends_with("MB")),
        "{s}"
    );
    assert!(parts.get(2).is_some_and(|p| p.ends_with(" s")), "{s}");
    assert_eq!(parts.get(3).copied(), Some("10 generations searched"));
}

#[test]
fn the_closest_blood_relationship_is_charted_first() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    let Some(Selection::Relationship(i)) = Selection::initial(&a) else {
        panic!("a relationship is selected");
    };
    let l = &a.lines[i];
    assert!(
        l.rel.ancestors.contains(&CHRISTIAN_IX),
        "{:?}",
        l.rel.ancestors
    );
    assert_eq!((l.rel.ga, l.rel.gb), (4, 3));
}

#[test]
fn the_chart_draws_the_ancestors_on_top_and_the_two_lines_side_by_side() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    for (i, l) in a.lines.iter().enumerate() {
        let c = chart(&a, Selection::Relationship(i)).expect("a chart");
        // One card per person of the two lines and no one else.
        let want: BTreeSet<Qid> = l
            .rel
            .ancestors
            .iter()
            .chain(&l.rel.path_a)
            .chain(&l.rel.path_b)
            .copied()
            .collect();
        let got: BTreeSet<Qid> = c.cards.iter().map(|k| k.qid).collect();
        assert_eq!(got, want);
        assert_eq!(c.cards.len(), want.len(), "no one twice");
        // The couple on row 0, married; the lines in columns 0 and 1, a generation a row.
        for q in &l.rel.ancestors {
            let k = c.cards.iter().find(|k| k.qid == *q).unwrap();
            assert_eq!((k.row, k.role), (0, Role::Ancestor));
        }
        assert_eq!(
            c.links
                .iter()
                .filter(|k| k.kind == LinkKind::Marriage)
                .count(),
            1
        );
        for (row, q) in l.rel.path_a.iter().enumerate().skip(1) {
            let k = c.cards.iter().find(|k| k.qid == *q).unwrap();
            assert_eq!((k.col, k.row), (0, row as u32), "{}", k.name);
        }
        for (row, q) in l.rel.path_b.iter().enumerate().skip(1) {
            let k = c.cards.iter().find(|k| k.qid == *q).unwrap();
            assert_eq!((k.col, k.row), (1, row as u32), "{}", k.name);
        }
        let asked = c.cards.iter().filter(|k| k.role == Role::Asked).count();
        assert_eq!(asked, 2);
        // A descent line to everyone below the top.
        let descents = c
            .links
            .iter()
            .filter(|k| k.kind == LinkKind::Descent)
            .count();
        assert_eq!(descents, l.rel.path_a.len() + l.rel.path_b.len() - 2);
        // Two columns fit a 390 px phone without scaling.
        assert!(c.width <= 2.0 * CARD_W + COL_GAP + 2.0 * PAD + 0.5);
        assert!(c.width <= 390.0);
        assert!(c.title.starts_with("Chart: "), "{}", c.title);
        // The markup: one card per person with `data-qid`, one tab stop, the whole name said.
        let m = chart_markup(&c, None, true);
        assert_eq!(m.matches("class=\"chart-card").count(), c.cards.len());
        assert_eq!(m.matches("tabindex=\"0\"").count(), 1);
        assert!(m.contains(&format!("<title>{}", wikikin_view::escape(&a.name(PHILIP)))));
        assert!(
            !m.contains(&format!(">{}<", PHILIP)),
            "no Q-id as a card's text"
        );
        assert!(chart_standalone(&c, false).starts_with("<svg xmlns"));
    }
}

#[test]
fn a_connection_is_a_staircase_with_its_marriages_marked() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    let (k, c) = a
        .conns
        .iter()
        .enumerate()
        .find(|(_, c)| c.conn.steps.len() > 1)
        .or_else(|| a.conns.iter().enumerate().next())
        .expect("a connection through marriage");
    let ch = chart(&a, Selection::Connection(k)).expect("a chart");
    assert_eq!(ch.cards.len(), {
        let s: BTreeSet<Qid> = c.conn.path.iter().copied().collect();
        s.len()
    });
    let spouses = c
        .conn
        .steps
        .iter()
        .filter(|s| s.as_str() == "spouse")
        .count();
    assert_eq!(
        ch.links
            .iter()
            .filter(|l| l.kind == LinkKind::Marriage)
            .count(),
        spouses
    );
    // Each step one column to the right.
    for (i, q) in c.conn.path.iter().enumerate() {
        let card = ch.cards.iter().find(|k| k.qid == *q).unwrap();
        assert!(card.col as usize <= i);
    }
}

#[test]
fn the_arrow_keys_move_between_cards() {
    let q = |n| Qid(n);
    // Ancestors (0,0) (1,0); a line down column 0 (rows 1, 2) and column 1 (row 1).
    let cards = [
        (q(1), 0, 0),
        (q(2), 1, 0),
        (q(3), 0, 1),
        (q(4), 0, 2),
        (q(5), 1, 1),
    ];
    assert_eq!(step_from(&cards, q(1), "ArrowRight"), Some(q(2)));
    assert_eq!(step_from(&cards, q(1), "ArrowDown"), Some(q(3)));
    assert_eq!(step_from(&cards, q(3), "ArrowDown"), Some(q(4)));
    assert_eq!(step_from(&cards, q(3), "ArrowRight"), Some(q(5)));
    assert_eq!(step_from(&cards, q(4), "ArrowDown"), None);
    assert_eq!(step_from(&cards, q(5), "ArrowUp"), Some(q(2)));
    assert_eq!(step_from(&cards, q(4), "Home"), Some(q(1)));
    assert_eq!(step_from(&cards, q(1), "End"), Some(q(5)));
    assert_eq!(step_from(&cards, q(1), "Tab"), None);
    assert_eq!(step_from(&cards, q(9), "ArrowDown"), None);
}

#[test]
fn names_wrap_on_two_lines_and_are_cut_only_beyond() {
    assert_eq!(name_lines("Elizabeth II", 17), vec!["Elizabeth II"]);
    assert_eq!(
        name_lines("Prince Philip, Duke of Edinburgh", 17),
        vec!["Prince Philip,", "Duke of Edinburgh"]
    );
    let long = name_lines("Maria Theresia Josepha Anna Walburga of Austria-Este", 17);
    assert_eq!(long.len(), 2);
    assert!(long[1].ends_with('…'), "{long:?}");
    assert!(long.iter().all(|l| l.chars().count() <= 17), "{long:?}");
    assert_eq!(
        name_lines("Supercalifragilisticexpialidocious", 17).len(),
        2
    );
}

#[test]
fn every_descendant_reads_by_generation() {
    let r = royal(false);
    let mut ask = ask(&[], &[VICTORIA]);
    ask.descendants = true;
    let a = answer(&r, ask);
    let g = generations(&a);
    assert!(g.len() >= 6, "{} generations", g.len());
    assert_eq!(g[0].heading, "The root");
    assert_eq!(
        g[0].people.iter().map(|p| p.qid).collect::<Vec<_>>(),
        vec![VICTORIA]
    );
    let listed: usize = g.iter().map(|x| x.people.len()).sum();
    // Everyone listed once, all of them drawn; the partners who married in are not listed.
    let everyone: BTreeSet<Qid> = g
        .iter()
        .flat_map(|x| x.people.iter().map(|p| p.qid))
        .collect();
    assert_eq!(listed, everyone.len());
    assert!(everyone.iter().all(|q| a.tree.persons.contains(q)));
    assert!(
        listed > 300 && listed < a.tree.persons.len(),
        "{listed} of {}",
        a.tree.persons.len()
    );
    let charles = Qid(43274);
    let gen_of = |q: Qid| {
        g.iter()
            .find(|x| x.people.iter().any(|p| p.qid == q))
            .map(|x| x.level)
    };
    assert_eq!(
        gen_of(charles),
        Some(5),
        "Charles III is Victoria's great-great-great-grandson"
    );
    assert_eq!(gen_of(PHILIP), Some(4));
    assert!(
        g[1].heading.starts_with("Generation 1 · "),
        "{}",
        g[1].heading
    );
    let h = text(&a, &headline(&a));
    assert!(
        h.starts_with(&format!("Every descendant of {}: ", a.name(VICTORIA))),
        "{h}"
    );
}

#[test]
fn people_who_are_not_people_or_do_not_exist_are_said_plainly() {
    let r = royal(false);
    // A horse (P31 = Q726), and an id redirected to a building.
    let horse = Qid(700000001);
    let a = answer(&r, ask(&[ELIZABETH, horse], &[]));
    assert_eq!(
        text(&a, &headline(&a)),
        format!(
            "{} ({horse}) is not a person on {ENDPOINT}: it has no family to relate.",
            a.name(horse)
        )
    );
    let persons: Vec<wikikin_core::Person> = a.persons.values().cloned().collect();
    let infos = wikikin_view::chips::infos_from(
        &persons,
        &a.missing,
        &a.redirected,
        ENDPOINT,
        Some(Qid(5)),
    );
    let horse_chip = infos
        .iter()
        .find(|(q, _)| *q == horse)
        .map(|(_, i)| i.clone())
        .unwrap();
    assert!(horse_chip
        .problem
        .is_some_and(|p| p.contains("is not a person")));
    let eliz = infos
        .iter()
        .find(|(q, _)| *q == ELIZABETH)
        .map(|(_, i)| i.clone())
        .unwrap();
    assert_eq!(eliz.problem, None);
    let redirected = Qid(700000003);
    let a = answer(&r, ask(&[ELIZABETH, redirected], &[]));
    let persons: Vec<wikikin_core::Person> = a.persons.values().cloned().collect();
    let infos = wikikin_view::chips::infos_from(
        &persons,
        &a.missing,
        &a.redirected,
        ENDPOINT,
        Some(Qid(5)),
    );
    assert!(
        infos.iter().any(|(q, i)| *q == redirected
            && i.problem
                .as_deref()
                .is_some_and(|p| p.contains("is not a person"))),
        "the chip of the id asked says it: {infos:?}"
    );
    // A deleted id.
    let gone = Qid(700000004);
    let a = answer(&r, ask(&[ELIZABETH, gone], &[]));
    assert_eq!(
        text(&a, &headline(&a)),
        format!("{gone} does not exist on {ENDPOINT}.")
    );
    // Nothing more is crawled for an answer that cannot come: the crawl ends with the answer
    // that says so (a full crawl of Elizabeth II's ancestry takes some 60 requests).
    assert!(a.progress.requests <= 4, "{:?}", a.progress);
    let a = answer(&r, ask(&[ELIZABETH, horse], &[]));
    assert!(a.progress.requests <= 4, "{:?}", a.progress);
    // With three people, the two who can be had are still related.
    let a = answer(&r, ask(&[ELIZABETH, gone, PHILIP], &[]));
    assert!(a.succeeded(), "{}", a.outcome);
    assert!(
        a.lines
            .iter()
            .filter(|l| l.rel.a == ELIZABETH && l.rel.b == PHILIP)
            .count()
            >= 3
    );
    assert!(a.missing.contains(&gone));
}

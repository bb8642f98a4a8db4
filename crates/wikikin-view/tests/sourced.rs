//! The sources of each link of real answers, from crawls of the royal92 replica with
//! `--sources mixed`, checked against what the replica serves (its entity JSON and
//! `/__replica/sources`): every link's sources, doubts and sides equal the statements', an
//! adoptive parent is no line of blood, a second father is a problem with links.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashMap;
use wikidata_replica::Replica;
use wikikin_core::graph::LinkKind;
use wikikin_core::sources::{Rule, SourceKind};
use wikikin_core::{entity::Kinship, FetchMode, Qid};
use wikikin_view::sourced::SourcedLink;
use wikikin_view::Answer;

const SEED: u64 = 1;

fn q(s: &str) -> Qid {
    s.parse().expect("a Q-id")
}

fn entity(r: &Replica, item: Qid) -> Value {
    let v = get_json(r, &format!("/wiki/Special:EntityData/{item}.json"));
    v["entities"][item.to_string()].clone()
}

/// One statement as the replica's JSON has it: (rank order, sources, doubt ids, on the parent).
#[derive(Debug, Clone, PartialEq)]
struct Truth {
    rank: u8,
    sources: SourceKind,
    doubt: Vec<String>,
    prop: String,
    item: Qid,
}

fn truths(r: &Replica, item: Qid, props: &[&str], target: Qid) -> Vec<Truth> {
    let e = entity(r, item);
    let mut out = Vec::new();
    for prop in props {
        for st in e["claims"][*prop].as_array().cloned().unwrap_or_default() {
            if st["mainsnak"]["datavalue"]["value"]["id"].as_str() != Some(&target.to_string()) {
                continue;
            }
            let rank = match st["rank"].as_str() {
                Some("preferred") => 0,
                Some("deprecated") => 2,
                _ => 1,
            };
            let refs = st["references"].as_array().cloned().unwrap_or_default();
            let real = |r: &Value| {
                r["snaks"].as_object().is_some_and(|m| {
                    m.keys()
                        .any(|k| !["P143", "P4656", "P813"].contains(&k.as_str()))
                })
            };
            let sources = if refs.iter().any(real) {
                SourceKind::Referenced
            } else if refs.is_empty() {
                SourceKind::None
            } else {
                SourceKind::Imported
            };
            let mut doubt = Vec::new();
            for qp in ["P1480", "P5102"] {
                for v in st["qualifiers"][qp].as_array().cloned().unwrap_or_default() {
                    if let Some(id) = v["datavalue"]["value"]["id"].as_str() {
                        doubt.push(id.to_string());
                    }
                }
            }
            out.push(Truth {
                rank,
                sources,
                doubt,
                prop: prop.to_string(),
                item,
            });
        }
    }
    out
}

/// The link's statements as served, the better one (as the core orders them) and whether
/// only one side states it.
fn truth_of(r: &Replica, l: &SourcedLink) -> (Truth, bool) {
    truth_of_link(r, l.kind, l.from, l.to)
}

fn truth_of_link(r: &Replica, kind: Option<LinkKind>, from: Qid, to: Qid) -> (Truth, bool) {
    let l = SourcedLinkIds { from, to };
    let (sides, all): (Vec<Qid>, Vec<Truth>) = match kind {
        Some(LinkKind::Child) | Some(LinkKind::Parent) => {
            let (parent, child) = if kind == Some(LinkKind::Child) {
                (l.from, l.to)
            } else {
                (l.to, l.from)
            };
            let mut all = truths(r, child, &["P22", "P25"], parent);
            all.extend(truths(r, parent, &["P40"], child));
            (vec![child, parent], all)
        }
        Some(LinkKind::Spouse) => {
            let mut all = truths(r, l.from, &["P26"], l.to);
            all.extend(truths(r, l.to, &["P26"], l.from));
            (vec![l.from, l.to], all)
        }
        None => panic!("no link {} → {}", l.from, l.to),
    };
    let order = |s: &SourceKind| match s {
        SourceKind::Referenced => 0,
        SourceKind::Imported => 1,
        _ => 2,
    };
    let key = |t: &Truth| {
        (
            t.rank,
            order(&t.sources),
            !t.doubt.is_empty(),
            t.prop == "P40",
        )
    };
    let best = all
        .iter()
        .min_by_key(|t| key(t))
        .cloned()
        .expect("the link is served");
    let one_sided = !sides.iter().all(|s| all.iter().any(|t| t.item == *s));
    (best, one_sided)
}

struct SourcedLinkIds {
    from: Qid,
    to: Qid,
}

fn relate(r: &Replica, a: Qid, b: Qid, fetch: FetchMode) -> Answer {
    let mut ask = ask(&[a, b], &[]);
    ask.fetch = fetch;
    answer(r, ask)
}

fn assert_links_true(r: &Replica, a: &Answer) -> usize {
    let s = a.sourced();
    let mut n = 0;
    for ps in s.lines.iter().chain(&s.conns) {
        for l in ps.links() {
            let (t, one_sided) = truth_of(r, l);
            assert_eq!(l.sources, t.sources, "{} → {}: {l:?}", l.from, l.to);
            assert_eq!(l.doubt_ids.is_empty(), t.doubt.is_empty(), "{l:?}");
            assert_eq!(l.one_sided, one_sided, "{l:?}");
            assert_eq!(l.prop, t.prop, "{l:?}");
            let url = l.url.as_deref().expect("a statement link");
            assert!(url.ends_with(&format!("#{}", t.prop)), "{url}");
            n += 1;
        }
        let weak = ps
            .links()
            .filter(|l| l.sources != SourceKind::Referenced)
            .count();
        if weak == 0 && ps.quality.doubtful == 0 && ps.quality.links > 1 {
            assert_eq!(ps.reading, "every link referenced");
        }
    }
    n
}

#[test]
fn elizabeth_and_philip_links_are_the_statements_served() {
    let r = royal_sources(SEED);
    let a = relate(&r, ELIZABETH, PHILIP, FetchMode::EntityData);
    assert!(!a.lines.is_empty());
    let n = assert_links_true(&r, &a);
    assert!(n >= 8, "{n} links");
    let s = a.sourced();
    let line = &s.lines[0];
    // Down from the ancestors: the first link of each line starts at the ancestor.
    assert_eq!(line.paths[0][0].from, a.lines[0].rel.ancestors[0]);
    assert_eq!(line.quality.links, line.links().count());
    // The references in words.
    let all: Vec<&SourcedLink> = s.lines.iter().flat_map(|l| l.links()).collect();
    for l in &all {
        match l.sources {
            SourceKind::Imported => {
                assert!(l
                    .references_words
                    .contains("imported from English Wikipedia"))
            }
            SourceKind::None => assert_eq!(l.references_words, "no reference"),
            _ => {}
        }
    }
    let peerage = all
        .iter()
        .find(|l| l.references_words.contains("Q21401824"))
        .expect("a link stated in The Peerage");
    assert!(
        peerage
            .references_words
            .contains("stated in The Peerage (Q21401824)"),
        "{}",
        peerage.references_words
    );
}

#[test]
fn both_fetch_modes_read_the_same_links() {
    let r = royal_sources(SEED);
    let by_json = relate(&r, ELIZABETH, PHILIP, FetchMode::GetEntities).sourced();
    let by_sparql = relate(&r, ELIZABETH, PHILIP, FetchMode::Sparql).sourced();
    let attrs = |s: &wikikin_view::sourced::Sourced| -> Vec<(Qid, Qid, String, String)> {
        s.lines
            .iter()
            .flat_map(|l| l.links())
            .map(|l| (l.from, l.to, l.prop.clone(), l.doubt_attr()))
            .collect()
    };
    assert_eq!(attrs(&by_json), attrs(&by_sparql));
    // The query service reads the statements' references and qualifiers too: the same
    // sources, sides and readings as entity JSON.
    let full = |s: &wikikin_view::sourced::Sourced| -> Vec<(SourceKind, bool, String)> {
        s.lines
            .iter()
            .flat_map(|l| l.links())
            .map(|l| (l.sources, l.one_sided, l.references_words.clone()))
            .collect()
    };
    assert_eq!(full(&by_json), full(&by_sparql));
    let readings = |s: &wikikin_view::sourced::Sourced| -> Vec<String> {
        s.lines.iter().map(|l| l.reading.clone()).collect()
    };
    assert_eq!(readings(&by_json), readings(&by_sparql));
}

/// A child whose father link's better statement the replica marks with a doubt (P1480),
/// and that father.
fn doubtful_father(r: &Replica) -> Option<(Qid, Qid, String)> {
    r.people().into_iter().find_map(|p| {
        let child = q(&p.qid);
        let e = entity(r, child);
        e["claims"]["P22"].as_array()?.iter().find_map(|st| {
            st["qualifiers"]["P1480"][0]["datavalue"]["value"]["id"].as_str()?;
            let f = q(st["mainsnak"]["datavalue"]["value"]["id"].as_str()?);
            let (best, _) = truth_of_link(r, Some(LinkKind::Child), f, child);
            Some((child, f, best.doubt.first()?.clone()))
        })
    })
}

#[test]
fn a_doubtful_link_is_read_in_words() {
    let r = royal_sources(SEED);
    let (child, father, doubt) = doubtful_father(&r).expect("a P1480 on some P22");
    let a = relate(&r, child, father, FetchMode::EntityData);
    let l = a.link_sources(father, child);
    assert_eq!(l.doubt_attr(), doubt);
    assert!(l.is_weak());
    let word = wikikin_view::sourced::doubt_word(q(&doubt)).expect("a known doubt");
    assert_eq!(l.doubt_words, vec![word.to_string()]);
    let s = a.sourced();
    let reading = s
        .lines
        .iter()
        .find(|ps| ps.links().any(|x| x.from == father && x.to == child))
        .map(|ps| ps.reading.clone())
        .expect("the line through the doubtful link");
    assert_eq!(reading, format!("a link marked {word}"));
}

#[test]
fn an_adoptive_parent_is_not_a_line_of_blood() {
    let r = royal_sources(SEED);
    let truth = get_json(&r, "/__replica/sources");
    let adoptive = truth["adoptive"].as_array().expect("adoptive parents");
    assert!(!adoptive.is_empty());
    for row in adoptive.iter().take(3) {
        let (child, parent) = (
            q(row["child"].as_str().unwrap()),
            q(row["parent"].as_str().unwrap()),
        );
        let a = relate(&r, child, parent, FetchMode::EntityData);
        let l = a.link_sources(child, parent);
        assert_eq!(l.kind, Some(LinkKind::Parent), "{row}");
        assert_eq!(l.kinship, Some(Kinship::Adoptive), "{row}");
        let expect = if row["property"] == "P22" {
            "adoptive father"
        } else {
            "adoptive mother"
        };
        assert_eq!(l.what, expect);
        assert!(l.one_sided, "only the child states it");
        // No relationship line climbs it.
        for line in &a.lines {
            for p in [&line.rel.path_a, &line.rel.path_b] {
                assert!(
                    !p.windows(2).any(|w| w[0] == parent && w[1] == child),
                    "{row}: {p:?}"
                );
            }
        }
    }
}

#[test]
fn a_second_father_is_a_problem_with_links_to_the_statements() {
    let r = royal_sources(SEED);
    let truth = get_json(&r, "/__replica/sources");
    let row = truth["second_fathers"]
        .as_array()
        .and_then(|a| a.first())
        .cloned()
        .expect("a second father");
    let (child, father, second) = (
        q(row["child"].as_str().unwrap()),
        q(row["father"].as_str().unwrap()),
        q(row["second_father"].as_str().unwrap()),
    );
    let a = relate(&r, child, father, FetchMode::EntityData);
    let s = a.sourced();
    let p = s
        .problems
        .iter()
        .find(|p| p.problem.rule == Rule::TwoFathers && p.problem.child == child)
        .unwrap_or_else(|| panic!("two fathers of {child}: {:?}", s.problems));
    assert_eq!(p.rule, "two-fathers");
    let mut both = vec![father, second];
    both.sort();
    assert_eq!(p.problem.parents, both);
    assert!(p.words.contains("more than one father"), "{}", p.words);
    let href = format!("{ENDPOINT}/wiki/{child}#P22");
    assert!(
        p.statements.iter().filter(|l| l.href == href).count() >= 2,
        "{:?}",
        p.statements
    );
    // The problem is next to the line it touches.
    assert!(s.lines.iter().any(|l| !l.problems.is_empty()));
}

#[test]
fn an_impossible_date_is_a_problem() {
    // The replica moves a parent's birth after the child's (or makes a mother 8); a rule fires
    // only when the dates' precision makes it certain (a year-only pair a year apart is not).
    let r = royal_sources(SEED);
    let truth = get_json(&r, "/__replica/sources");
    let rows = truth["impossible_dates"].as_array().expect("dates");
    let mut found = 0;
    for row in rows.iter().take(6) {
        let (child, parent) = (
            q(row["child"].as_str().unwrap()),
            q(row["parent"].as_str().unwrap()),
        );
        let rule = if row["kind"] == "parent_born_after_child" {
            Rule::ParentBornAfterChild
        } else {
            Rule::MotherTooYoung
        };
        let a = relate(&r, child, parent, FetchMode::EntityData);
        let problems = a.source_problems();
        if let Some(p) = problems
            .iter()
            .find(|p| p.problem.child == child && p.problem.parents == vec![parent])
        {
            assert_eq!(p.problem.rule, rule, "{row}");
            assert!(p.statements.iter().any(|s| s.href.ends_with("#P569")));
            let labels: HashMap<Qid, String> = HashMap::new();
            assert_eq!(a.sourced_with(&labels).problems, problems);
            found += 1;
            if found == 2 {
                break;
            }
        }
    }
    assert!(found > 0, "no impossible date found in {rows:?}");
}

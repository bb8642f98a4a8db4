//! The answer model built from real crawls of the royal92 replica: the sentences and their
//! links, the explore list and levels, what failed, the details card, the JSON export.

mod common;

use common::*;
use std::collections::BTreeSet;
use wikikin_core::sim::SimConfig;
use wikikin_core::{Crawl, OutcomeKind, Person, Qid, Sex, Store};
use wikikin_kinship::Kind;
use wikikin_view::answer::COLOURS;
use wikikin_view::progress::RunState;
use wikikin_view::{Answer, Ask};

/// A relationship as compared: the ancestors, and (degree, removed, ga, gb).
type Expected = (BTreeSet<Qid>, (u32, u32, u32, u32));

#[test]
fn elizabeth_and_philip_in_words_with_their_links() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    assert!(a.succeeded(), "{:?}", a.outcome);
    assert_eq!(RunState::of(&a.outcome.kind()), RunState::Done);
    assert_eq!(a.people, vec![ELIZABETH, PHILIP]);
    assert!(a.roots.is_empty());
    assert_eq!(a.no_relationship(), None);

    // Three relationships, through Christian IX & Louise, Victoria & Albert, Ludwig & Henriette.
    let louise = qid(&r, "I226");
    let ludwig = qid(&r, "I484");
    let henriette = qid(&r, "I485");
    let mut got: Vec<Expected> = a
        .lines
        .iter()
        .map(|l| {
            assert_eq!(
                (l.rel.a, l.rel.b, l.rel.kind),
                (ELIZABETH, PHILIP, Kind::Cousin)
            );
            (
                l.rel.ancestors.iter().copied().collect(),
                (l.rel.degree, l.rel.removed, l.rel.ga, l.rel.gb),
            )
        })
        .collect();
    got.sort_by_key(|(_, k)| *k);
    let set = |v: &[Qid]| v.iter().copied().collect::<BTreeSet<Qid>>();
    assert_eq!(
        got,
        vec![
            (set(&[CHRISTIAN_IX, louise]), (2, 1, 4, 3)),
            (set(&[VICTORIA, ALBERT]), (3, 0, 4, 4)),
            (set(&[ludwig, henriette]), (4, 0, 5, 5)),
        ]
    );
    // The colours cycle in order.
    for (i, l) in a.lines.iter().enumerate() {
        assert_eq!(l.colour, i % COLOURS);
    }

    let third = a
        .lines
        .iter()
        .find(|l| l.rel.degree == 3)
        .expect("the third cousins");
    assert!(
        third
            .words
            .starts_with("Prince Philip, Duke of Edinburgh is Elizabeth II's third cousin"),
        "{}",
        third.words
    );
    assert!(
        third.through.contains("Queen Victoria"),
        "{}",
        third.through
    );
    let second = a.lines.iter().find(|l| l.rel.degree == 2).expect("second");
    assert!(
        second.words.contains("second cousin once removed"),
        "{}",
        second.words
    );

    // `data-ancestors` and the links after "through": names, endpoint pages, separators.
    let ids: BTreeSet<String> = third
        .ancestors_attr()
        .split(',')
        .map(String::from)
        .collect();
    assert_eq!(
        ids,
        ["Q9439", "Q152245"].iter().map(|s| s.to_string()).collect()
    );
    let links = a.through_links(third);
    assert_eq!(links.len(), 2);
    assert_eq!(links[0].0, "");
    assert_eq!(links[1].0, " & ");
    for (_, link) in &links {
        assert_eq!(link.href, format!("{ENDPOINT}/wiki/{}", link.qid));
        assert_eq!(link.name, a.name(link.qid));
        assert_ne!(link.name, link.qid.to_string(), "{link:?} has a label");
    }
    assert!(links.iter().any(|(_, l)| l.name.contains("Victoria")));

    // Relating asks no explore list; nothing failed or was missing.
    assert!(a.reached_rows().is_empty());
    assert_eq!(a.missing_text(), None);
    assert_eq!(a.redirected_text(), None);
    assert!(a.failures.is_empty());
    assert_eq!(a.file_stem(), "wikikin-Q9682-Q80976");
}

#[test]
fn three_ancestors_are_listed_with_commas_then_an_ampersand() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    let mut line = a.lines[0].clone();
    line.rel.ancestors = vec![VICTORIA, ALBERT, CHRISTIAN_IX];
    let seps: Vec<&str> = a.through_links(&line).iter().map(|(s, _)| *s).collect();
    assert_eq!(seps, vec!["", ", ", " & "]);
    line.rel.ancestors = vec![VICTORIA];
    let seps: Vec<&str> = a.through_links(&line).iter().map(|(s, _)| *s).collect();
    assert_eq!(seps, vec![""]);
}

#[test]
fn the_tree_holds_both_people_and_their_common_ancestors() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    let drawn: BTreeSet<Qid> = a.layout.boxes.iter().map(|b| b.id).collect();
    for l in &a.lines {
        for q in &l.rel.ancestors {
            assert!(drawn.contains(q), "{q} drawn");
        }
    }
    assert!(drawn.contains(&ELIZABETH) && drawn.contains(&PHILIP));
    assert_eq!(a.tree.persons.len(), a.layout.boxes.len());
    assert!(a.layout.width > 0.0 && a.layout.height > 0.0 && a.layout.rows >= 5);
}

#[test]
fn explore_mode_lists_who_was_reached_at_which_degree() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[VICTORIA, CHRISTIAN_IX]));
    assert!(a.succeeded(), "{:?}", a.outcome);
    assert_eq!(a.roots, vec![VICTORIA, CHRISTIAN_IX]);
    assert_eq!(a.people, vec![ELIZABETH, PHILIP]);
    let rows = a.reached_rows();
    let got: Vec<(Qid, &str, &str)> = rows
        .iter()
        .map(|r| (r.link.qid, r.degree.as_str(), r.words.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ELIZABETH, "4", " reached at degree 4"),
            (PHILIP, "3", " reached at degree 3"),
        ]
    );
    assert!(rows[0].link.name.contains("Elizabeth"), "{:?}", rows[0]);
    assert!(!a.levels.is_empty());
    assert!(a.levels.windows(2).all(|w| w[0].level < w[1].level));
    // The relationships are found on what was loaded down from the roots.
    assert!(a
        .lines
        .iter()
        .any(|l| l.rel.ancestors.contains(&VICTORIA) && l.rel.degree == 3));
    assert_eq!(a.no_relationship(), None);
    // Had a person not been reached, and nothing found, the sentence says so.
    let mut partial = a.clone();
    partial.lines.clear();
    partial.reached[1].1 = None;
    assert_eq!(
        partial.no_relationship(),
        Some("Not every person was reached from the roots within the limits.")
    );
    assert_eq!(partial.reached_rows()[1].words, " not reached");
    assert_eq!(partial.reached_rows()[1].degree, "");
    // The roots are drawn.
    let drawn: BTreeSet<Qid> = a.layout.boxes.iter().map(|b| b.id).collect();
    assert!(drawn.contains(&VICTORIA) && drawn.contains(&CHRISTIAN_IX));
}

#[test]
fn a_cancelled_crawl_says_so_instead_of_a_relationship() {
    let r = royal(false);
    let (a, store) = answer_with(
        &r,
        ask(&[ELIZABETH, PHILIP], &[]),
        SimConfig {
            cancel_at_ms: Some(150.0),
            ..SimConfig::default()
        },
    );
    assert_eq!(a.outcome.kind(), OutcomeKind::Cancelled);
    assert_eq!(RunState::of(&a.outcome.kind()), RunState::Cancelled);
    assert!(!a.succeeded());
    assert_eq!(
        a.no_relationship(),
        Some("Cancelled before a common ancestor was found.")
    );
    // What was fetched before the cancel is kept for the next question.
    assert!(!store.is_empty());
}

#[test]
fn a_missing_person_fails_in_words_and_is_listed() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, Qid(999_999_999)], &[]));
    assert_eq!(a.outcome.kind(), OutcomeKind::Failed, "{:?}", a.outcome);
    assert_eq!(
        a.no_relationship(),
        Some("No answer: the crawl failed (see above).")
    );
    assert_eq!(
        a.missing_text().as_deref(),
        Some("Not on the server (deleted or never existed): Q999999999")
    );
    // An unknown person is named by the id.
    assert_eq!(a.name(Qid(999_999_999)), "Q999999999");
}

#[test]
fn unrelated_people_get_the_sentence_for_no_common_ancestor() {
    let r = royal(false);
    // Prince George Victor of Waldeck (I19, born 1831): in the file, but his known ancestors
    // and Elizabeth II's do not meet.
    let other = qid(&r, "I19");
    let a = answer(&r, ask(&[ELIZABETH, other], &[]));
    assert!(a.succeeded(), "{:?}", a.outcome);
    assert!(a.lines.is_empty() && a.direct.is_empty(), "{:?}", a.lines);
    // They are connected through marriages, though: that is the answer then.
    assert!(!a.conns.is_empty(), "a chain through marriage");
    assert_eq!(a.no_relationship(), None);
    let mut unconnected = a.clone();
    unconnected.conns.clear();
    assert_eq!(
        unconnected.no_relationship(),
        Some("No common ancestor and no connection through marriage was found within the limits.")
    );
    // With one person only, the sentence asks for a second.
    let mut one = unconnected.clone();
    one.people.truncate(1);
    assert_eq!(
        one.no_relationship(),
        Some("Add a second person to name a relationship.")
    );
}

#[test]
fn a_direct_ancestor_is_a_sentence_of_its_own() {
    let r = royal(false);
    let a = answer(&r, ask(&[VICTORIA, ELIZABETH], &[]));
    assert!(a.succeeded(), "{:?}", a.outcome);
    assert!(
        a.direct.iter().any(|d| d.starts_with("Queen Victoria")
            && d.contains("is a direct ancestor of Elizabeth II, 4 generations up.")),
        "{:?}",
        a.direct
    );
    assert_eq!(a.no_relationship(), None);
}

#[test]
fn merged_items_followed_are_listed_in_words() {
    // With Wikidata's mess, some items were merged: their old ids redirect to them.
    let r = royal(true);
    let quirks: serde_json::Value =
        serde_json::from_slice(&r.respond("GET", "/__replica/quirks").body).unwrap_or_default();
    let (old, merged) = quirks
        .as_array()
        .into_iter()
        .flatten()
        .find_map(|q| {
            let old: Qid = q["redirect_from"].as_str()?.parse().ok()?;
            let merged: Qid = q["qid"].as_str()?.parse().ok()?;
            Some((old, merged))
        })
        .expect("the quirky replica has merged items");
    let a = answer(&r, ask(&[old, ELIZABETH], &[]));
    assert_eq!(a.redirected, vec![(old, merged)]);
    assert_eq!(
        a.redirected_text(),
        Some(format!("Merged items followed: {old} → {merged}"))
    );
    // The question is about the merged item.
    assert_eq!(a.people, vec![merged, ELIZABETH]);
}

#[test]
fn problems_in_the_data_are_named_in_words() {
    // A store filled beforehand answers without a request: 3 has two fathers, 1 and 4.
    let mut store = Store::with_languages(vec!["en".into()]);
    let person = |id: u64, label: &str, fathers: &[u64], children: &[u64]| {
        let mut p = Person::new(Qid(id));
        p.label = Some(label.to_string());
        p.sex = Sex::Male;
        p.fathers = fathers.iter().map(|q| Qid(*q)).collect();
        p.children = children.iter().map(|q| Qid(*q)).collect();
        p
    };
    store.insert(person(1, "Adam", &[], &[3, 5]));
    store.insert(person(4, "Other Adam", &[], &[3]));
    store.insert(person(3, "Cain", &[1, 4], &[]));
    store.insert(person(5, "Seth", &[1], &[]));
    let mut a = Ask::new("en");
    a.people = vec![Qid(3), Qid(5)];
    let crawl = Crawl::new(a.crawl_config(), store);
    let outcome = crawl.outcome().expect("answered from the store");
    let answer = Answer::build(a, outcome, crawl.result(), crawl.progress(), 0.0);
    assert!(
        answer
            .problems
            .iter()
            .any(|p| p.starts_with("Cain (Q3) has 2 fathers in the data: ")
                && p.contains("Adam (Q1)")
                && p.contains("Other Adam (Q4)")),
        "{:?}",
        answer.problems
    );
    assert_eq!(answer.progress.requests, 0);
}

#[test]
fn details_card_of_a_loaded_and_of_an_unknown_person() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    let d = a.details(ELIZABETH);
    assert_eq!(d.name, "Elizabeth II");
    assert!(
        d.born
            .as_deref()
            .is_some_and(|b| b.starts_with("Born ") && b.contains("1926")),
        "{d:?}"
    );
    assert_eq!(d.href, format!("{ENDPOINT}/wiki/Q9682"));
    assert_eq!(d.link_text, "Q9682 on the endpoint");
    let unknown = a.details(Qid(1));
    assert_eq!(unknown.name, "Q1");
    assert_eq!(
        (unknown.born, unknown.died, unknown.description),
        (None, None, None)
    );

    let mut on_wikidata = a.clone();
    on_wikidata.ask.set_endpoint(wikikin_core::DEFAULT_ENDPOINT);
    let d = on_wikidata.details(ELIZABETH);
    assert_eq!(d.link_text, "Q9682 on Wikidata");
    assert_eq!(d.href, "https://www.wikidata.org/wiki/Q9682");
}

#[test]
fn the_json_export_holds_the_question_the_sentences_and_the_tree() {
    let r = royal(false);
    let a = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).expect("valid JSON");
    assert_eq!(json["endpoint"], ENDPOINT);
    let question = json["question"].as_str().unwrap_or_default();
    assert!(question.starts_with("people=Q9682,Q80976"), "{question}");
    let rels = json["relationships"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(rels.len(), 3);
    assert!(rels
        .iter()
        .all(|r| r["words"].as_str().is_some_and(|w| !w.is_empty())));
    assert_eq!(rels[0]["a"], "Q9682");
    let persons = json["persons"].as_array().cloned().unwrap_or_default();
    assert_eq!(persons.len(), a.persons.len());
    let ids: Vec<u64> = persons
        .iter()
        .filter_map(|p| p["id"].as_str()?.trim_start_matches('Q').parse().ok())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted by id");
    assert!(json["tree"].is_object());
}

#[test]
fn connections_are_said_with_the_sex_of_people_fetched_only_for_their_names() {
    // Charles III to Raine: his wife Diana, her father John Spencer (fetched for his name only,
    // not in the family graph), his wife Raine.
    let r = royal(false);
    let raine = qid(&r, "I243");
    let a = answer(&r, ask(&[Qid(43274), raine], &[]));
    let chain = a
        .conns
        .iter()
        .find(|c| c.links_attr() == "spouse,parent,spouse")
        .expect("the chain with two marriages");
    assert!(
        chain.words.contains("→ her father ") && chain.words.contains("→ his wife "),
        "{}",
        chain.words
    );
    assert_eq!(chain.term, "");
    let searched = a.conn_searched.as_deref().unwrap_or("");
    assert!(searched.contains(" links between "), "{searched}");
    let married = answer(&r, ask(&[ELIZABETH, PHILIP], &[]));
    assert!(
        married
            .conn_searched
            .as_deref()
            .is_some_and(|s| s.contains("up to 1 link between")),
        "{:?}",
        married.conn_searched
    );
}

#[test]
fn every_descendant_of_victoria_drawn_as_the_answer() {
    let r = royal(false);
    let u = wikikin_view::question::from_query(
        |k| match k {
            "roots" => Some("Q9439".into()),
            "descendants" => Some("1".into()),
            _ => None,
        },
        "en",
    );
    assert!(u.run, "{:?}", u.messages);
    assert!(u.ask.all_descendants());
    assert!(u.ask.to_query("en").contains("descendants=1"));
    let mut ask = u.ask;
    ask.set_endpoint(common::ENDPOINT);
    let a = answer(&r, ask);
    assert!(a.succeeded(), "{}", a.outcome);
    assert!(a.layout.boxes.len() > 300, "{} drawn", a.layout.boxes.len());
    assert_eq!(
        a.no_relationship(),
        Some("Every descendant of the roots is drawn below.")
    );
    assert!(a.levels.len() >= 6, "generations counted: {:?}", a.levels);
    assert_eq!(
        a.levels_words(),
        ("Descendants by generation", "Generation")
    );
    assert!(a.outcome.to_string().contains("descendants were loaded"));
}

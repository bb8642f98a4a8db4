//! The tree's SVG markup: one element per person, hostile labels kept as text, the level of
//! detail, the standalone export, its title and description.

mod common;

use common::*;
use std::collections::BTreeSet;
use wikikin_core::Qid;
use wikikin_view::detail::{DENSE_MIN, FULL_DETAIL_MAX, OVERVIEW_ZOOM};
use wikikin_view::draw::{description, title, TREE_CSS};
use wikikin_view::synthetic::synthetic_answer;
use wikikin_view::{detail_for, markup, standalone, Answer, Detail, DrawOptions};

const FULL: DrawOptions = DrawOptions {
    images: true,
    detail: Detail::Full,
};

/// The `data-qid` values of the elements whose class starts with `person`.
fn drawn_people(svg: &str) -> Vec<String> {
    svg.split("class=\"person")
        .skip(1)
        .filter_map(|rest| {
            let at = rest.find("data-qid=\"")? + 10;
            let end = rest[at..].find('"')?;
            Some(rest[at..at + end].to_string())
        })
        .collect()
}

fn royal_answer() -> Answer {
    answer(&royal(false), ask(&[ELIZABETH, PHILIP], &[]))
}

#[test]
fn one_card_per_person_with_classes_links_and_words() {
    let a = royal_answer();
    let svg = markup(&a, FULL);
    let drawn = drawn_people(&svg);
    assert_eq!(drawn.len(), a.layout.boxes.len());
    let unique: BTreeSet<&String> = drawn.iter().collect();
    assert_eq!(unique.len(), drawn.len(), "each person once");
    assert!(
        svg.contains("<g class=\"person asked\" data-qid=\"Q9682\""),
        "Elizabeth is asked"
    );
    assert!(
        svg.contains("<g class=\"person ancestor\" data-qid=\"Q9439\""),
        "Victoria is an ancestor"
    );
    assert!(svg.contains(&format!("href=\"{ENDPOINT}/wiki/Q9682\"")));
    assert!(svg.contains(">Elizabeth II</text>"));
    // Names longer than a line wrap onto a second one; the whole name (and years) is the card's
    // title: read by screen readers, shown on hover.
    assert!(svg.contains(">Prince Philip,</text>"), "first line");
    assert!(svg.contains(">Duke of Edinburgh</text>"), "second line");
    assert!(svg.contains("<title>Prince Philip, Duke of Edinburgh, "));
    assert!(
        !svg.contains("aria-label="),
        "the name is not a label the text could contradict"
    );
    // One tab stop: the first person asked.
    assert_eq!(svg.matches("tabindex=\"0\"").count(), 1);
    assert!(
        svg.contains("data-qid=\"Q9682\" transform")
            && svg.contains("tabindex=\"0\"><title>Elizabeth II")
    );
    // One path per relationship colour, and the couples' path.
    for l in &a.lines {
        assert!(svg.contains(&format!("class=\"rel c{}\"", l.colour)));
    }
    assert!(svg.contains("<path class=\"couple\" d=\"M"));
    assert!(svg.starts_with("<defs>") && svg.ends_with("</g></g>"));
}

#[test]
fn portraits_only_when_asked_for() {
    let mut a = royal_answer();
    let q = a.layout.boxes[0].id;
    if let Some(p) = a.persons.get_mut(&q) {
        p.image = Some("Portrait of \"x\" & y.jpg".into());
    }
    let with = markup(&a, FULL);
    assert!(with.contains("<image href=\""), "a portrait");
    assert!(
        with.contains(&format!(
            "<image href=\"{ENDPOINT}/wiki/Special:FilePath/Portrait_of_%22x%22_%26_y.jpg?width=96\""
        )),
        "the file name is encoded: {with}"
    );
    let without = markup(
        &a,
        DrawOptions {
            images: false,
            detail: Detail::Full,
        },
    );
    assert!(!without.contains("<image "), "no remote image (PNG export)");
    assert!(without.contains("<use href=\"#ph\""));
}

#[test]
fn hostile_labels_and_descriptions_stay_text() {
    let mut a = royal_answer();
    let hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>'&";
    for p in a.persons.values_mut() {
        p.label = Some(hostile.to_string());
        p.description = Some(hostile.to_string());
    }
    for l in a.lines.iter_mut() {
        l.words = hostile.to_string();
        l.through = hostile.to_string();
    }
    let svg = standalone(&a, FULL);
    for bad in ["<script", "<img", "onerror=alert(2)>", "\"><script"] {
        assert!(!svg.contains(bad), "{bad} got through");
    }
    assert!(svg.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Every person is still one element.
    assert_eq!(drawn_people(&svg).len(), a.layout.boxes.len());
    // Title and description too.
    assert!(title(&a).contains("<script>"), "the title is raw text …");
    assert!(!svg.contains(&title(&a)), "… and escaped in the document");
}

#[test]
fn the_standalone_document_inlines_the_styles_and_describes_the_tree() {
    let a = royal_answer();
    let svg = standalone(&a, FULL);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</g></svg>"));
    assert!(svg.contains(TREE_CSS) && TREE_CSS.contains(".person"));
    let w = a.layout.width + 48.0;
    assert!(svg.contains(&format!("width=\"{w:.0}\"")));
    assert_eq!(
        title(&a),
        "How Elizabeth II, Prince Philip, Duke of Edinburgh are related"
    );
    let d = description(&a);
    assert!(
        d.starts_with(&format!(
            "Family tree of {} people in {} generations.",
            a.layout.boxes.len(),
            a.layout.rows
        )),
        "{d}"
    );
    assert!(d.contains("third cousin — through "), "{d}");
    assert!(svg.contains(&format!("<title>{}</title>", title(&a))));
}

#[test]
fn small_trees_are_always_drawn_in_full() {
    assert_eq!(detail_for(10, 0.001, (0.0, 0.0, 10.0, 10.0)), Detail::Full);
    assert_eq!(
        detail_for(FULL_DETAIL_MAX, 0.01, (0.0, 0.0, 1.0, 1.0)),
        Detail::Full
    );
}

#[test]
fn large_trees_far_away_are_an_overview_and_close_up_a_window() {
    let n = FULL_DETAIL_MAX + 1;
    assert_eq!(
        detail_for(n, OVERVIEW_ZOOM - 0.01, (0.0, 0.0, 100.0, 100.0)),
        Detail::Overview
    );
    // The window is the view grown by one view-size on each side, snapped to view-sized cells.
    assert_eq!(
        detail_for(n, 1.0, (1050.0, 720.0, 2050.0, 1420.0)),
        Detail::Window(0.0, 0.0, 3000.0, 2100.0)
    );
    // Panning within a cell keeps the same window (no redraw).
    assert_eq!(
        detail_for(n, 1.0, (1990.0, 1390.0, 2990.0, 2090.0)),
        detail_for(n, 1.0, (1000.0, 700.0, 2000.0, 1400.0))
    );
    // A degenerate view still gives a window.
    assert!(matches!(
        detail_for(n, 1.0, (5.0, 5.0, 5.0, 5.0)),
        Detail::Window(..)
    ));
}

#[test]
fn an_overview_draws_bare_boxes_and_a_window_full_cards_inside_it() {
    let (a, _) = synthetic_answer(600, 3, &mut || 0.0);
    let n = a.layout.boxes.len();
    assert!(n > FULL_DETAIL_MAX, "{n}");
    let overview = markup(
        &a,
        DrawOptions {
            images: true,
            detail: Detail::Overview,
        },
    );
    assert_eq!(drawn_people(&overview).len(), n);
    assert_eq!(overview.matches("<rect class=\"person").count(), n);
    assert!(!overview.contains("<text"));
    let b = &a.layout.boxes[0];
    let window = Detail::Window(b.x, b.y, b.x + b.w, b.y + b.h);
    let some = markup(
        &a,
        DrawOptions {
            images: true,
            detail: window,
        },
    );
    assert_eq!(drawn_people(&some).len(), n);
    let full_cards = some.matches("<g class=\"person").count();
    assert!(full_cards >= 1 && full_cards < n, "{full_cards} of {n}");
    assert!(
        some.contains(&format!("<g class=\"person root\" data-qid=\"{}\"", b.id))
            || some.contains(&format!("data-qid=\"{}\" transform", b.id))
    );
}

#[test]
fn very_large_trees_are_runs_from_afar_and_only_the_window_close_up() {
    // From afar: the merge distance is 2 screen pixels, rounded up to a power of two (so a
    // zoom within one octave keeps the same drawing).
    assert_eq!(
        detail_for(DENSE_MIN, 0.01, (0.0, 0.0, 1.0, 1.0)),
        Detail::Dense(256.0)
    );
    assert_eq!(
        detail_for(DENSE_MIN, 0.009, (0.0, 0.0, 1.0, 1.0)),
        Detail::Dense(256.0)
    );
    assert_eq!(
        detail_for(DENSE_MIN, 0.005, (0.0, 0.0, 1.0, 1.0)),
        Detail::Dense(512.0)
    );
    assert_eq!(
        detail_for(DENSE_MIN - 1, 0.01, (0.0, 0.0, 1.0, 1.0)),
        Detail::Overview
    );
    assert_eq!(
        detail_for(DENSE_MIN, 1.0, (1050.0, 720.0, 2050.0, 1420.0)),
        Detail::Only(0.0, 0.0, 3000.0, 2100.0)
    );

    let (a, _) = synthetic_answer(600, 3, &mut || 0.0);
    let n = a.layout.boxes.len();
    let dense = markup(
        &a,
        DrawOptions {
            images: true,
            detail: Detail::Dense(256.0),
        },
    );
    // Every person is in a run or, for the roots, asked people and common ancestors, a box of
    // their own; far fewer elements than people; no grey lines.
    let runs: Vec<usize> = dense
        .split("<rect class=\"run\" data-people=\"")
        .skip(1)
        .filter_map(|r| r.split('"').next()?.parse().ok())
        .collect();
    let own = drawn_people(&dense);
    assert!(
        own.len() <= a.people.len() + a.roots.len() + 64,
        "{}",
        own.len()
    );
    assert_eq!(runs.iter().sum::<usize>() + own.len(), n);
    assert!(runs.len() * 4 < n, "{} runs for {n} people", runs.len());
    assert!(dense.contains("<path class=\"edge\" d=\"\"/>"));
    assert!(!dense.contains("<text"));
    // Runs are drawn under the boxes of their own.
    assert!(dense.find("class=\"runs\"") < dense.find("class=\"persons\""));

    // Close up: the cards meeting the window, nothing else, and only lines that meet it.
    let b = &a.layout.boxes[0];
    let only = markup(
        &a,
        DrawOptions {
            images: true,
            detail: Detail::Only(b.x, b.y, b.x + b.w, b.y + b.h),
        },
    );
    let drawn = drawn_people(&only);
    assert!(drawn.contains(&b.id.to_string()));
    assert!(
        !drawn.is_empty() && drawn.len() < n / 10,
        "{} of {n}",
        drawn.len()
    );
    assert!(!only.contains("<rect class=\"person"), "no bare boxes");
    let window = markup(
        &a,
        DrawOptions {
            images: true,
            detail: Detail::Window(b.x, b.y, b.x + b.w, b.y + b.h),
        },
    );
    assert!(
        only.len() * 4 < window.len(),
        "{} against {}",
        only.len(),
        window.len()
    );
}

#[test]
fn unloaded_people_are_marked_and_named_by_id() {
    let mut a = royal_answer();
    let q: Qid = a.layout.boxes[0].id;
    a.persons.remove(&q);
    let svg = markup(&a, FULL);
    assert!(svg.contains(&format!("unloaded\" data-qid=\"{q}\"")), "{q}");
    // Named by the id once: no Q-id as a second line.
    assert!(svg.contains(&format!(">{q}</text></g>")), "{q}");
    assert_eq!(svg.matches(&format!(">{q}</text>")).count(), 1);
}

//! The small view models: the progress panel, the chips, the name search's decisions and
//! words, the pan/zoom arithmetic, and the synthetic answers of the warm-up.

use std::collections::HashMap;
use wikikin_core::{OutcomeKind, Person, Progress, Qid, RequestFailure, SearchHit};
use wikikin_view::chips::{problems, unlabelled, Chip, ChipInfo};
use wikikin_view::progress::{bytes_text, Live, RunState, FIGURES};
use wikikin_view::question::Ask;
use wikikin_view::search::{network_failure_words, search_reply, search_text};
use wikikin_view::synthetic::{parse_sample, small_question_answer, synthetic_answer};
use wikikin_view::viewport::{starts_drag, View, MAX_ZOOM, MIN_ZOOM, READABLE_ZOOM};

#[test]
fn run_states_as_data_state_shows_them() {
    let all = [
        (RunState::Idle, "idle"),
        (RunState::Running, "running"),
        (RunState::Done, "done"),
        (RunState::Failed, "failed"),
        (RunState::Cancelled, "cancelled"),
    ];
    for (s, words) in all {
        assert_eq!(s.as_str(), words);
    }
    assert_eq!(RunState::of(&OutcomeKind::Done), RunState::Done);
    assert_eq!(RunState::of(&OutcomeKind::Failed), RunState::Failed);
    assert_eq!(RunState::of(&OutcomeKind::Cancelled), RunState::Cancelled);
}

#[test]
fn live_figures_while_running_and_at_the_end() {
    let live = Live::default();
    assert_eq!(live.state, RunState::Idle);
    assert_eq!((live.elapsed_attr(), live.bar()), ("0".to_string(), (1, 0)));

    let mut live = Live::starting(1000.0);
    assert!(live.running());
    assert_eq!(live.message, "Starting…");
    let p = Progress {
        level: 3,
        known: 40,
        fetched: 20,
        in_flight: 5,
        queued: 15,
        failed: 1,
        retries: 2,
        requests: 7,
        bytes: 1_234_567,
        ..Progress::default()
    };
    live.advance(p, 3_456.0);
    assert_eq!(live.message, "Crawling generation 3…");
    assert_eq!(live.elapsed_attr(), "2456");
    assert_eq!(live.bar(), (40, 20));
    let figures: Vec<(&str, String)> = FIGURES.iter().map(|(n, f)| (*n, f(&live))).collect();
    assert_eq!(
        figures,
        vec![
            ("Generation", "3".into()),
            ("Known", "40".into()),
            ("Fetched", "20".into()),
            ("In flight", "5".into()),
            ("Failed", "1".into()),
            ("Retries", "2".into()),
            ("Requests", "7".into()),
            ("Received", "1.2 MB".into()),
            ("Elapsed", "2.5 s".into()),
        ]
    );

    let end = Progress { fetched: 30, ..p };
    live.finish(&OutcomeKind::Cancelled, end, 4000.0, "Cancelled.");
    assert_eq!(live.state, RunState::Cancelled);
    assert_eq!(
        (live.progress.fetched, live.message.as_str()),
        (30, "Cancelled.")
    );
    // A late progress frame does not overwrite the end.
    live.advance(p, 9000.0);
    assert_eq!((live.progress.fetched, live.now_ms), (30, 4000.0));
    assert_eq!(live.message, "Cancelled.");
    // A clock that went backwards shows zero, not a negative time.
    live.now_ms = 0.0;
    assert_eq!(live.elapsed_attr(), "0");
}

#[test]
fn bytes_in_words() {
    assert_eq!(bytes_text(0), "0 kB");
    assert_eq!(bytes_text(12_345), "12 kB");
    assert_eq!(bytes_text(999_999), "1000 kB");
    assert_eq!(bytes_text(1_000_000), "1.0 MB");
    assert_eq!(bytes_text(25_500_000), "25.5 MB");
}

#[test]
fn chips_show_an_id_until_their_words_are_known() {
    let plain = Chip::new(Qid(42), None);
    assert_eq!(
        plain,
        Chip {
            qid: Qid(42),
            name: "Q42".into(),
            detail: String::new(),
            remove_label: "Remove Q42".into(),
            tooltip: "Q42 (Q42) ".into(),
            problem: None,
        }
    );
    let mut p = Person::new(Qid(9682));
    p.label = Some("Elizabeth II".into());
    let info = ChipInfo::of_person(&p);
    assert_eq!(info.label, "Elizabeth II");
    let chip = Chip::new(Qid(9682), Some(&info));
    assert_eq!(chip.remove_label, "Remove Elizabeth II");
    assert!(chip.tooltip.starts_with("Elizabeth II (Q9682) "));
    // Without a label, a person is named by the id.
    assert_eq!(ChipInfo::of_person(&Person::new(Qid(7))).label, "Q7");
    let hit = SearchHit {
        id: Qid(1),
        label: "Adam".into(),
        description: Some("first man".into()),
    };
    assert_eq!(
        ChipInfo::of_hit(&hit),
        ChipInfo {
            label: "Adam".into(),
            detail: "first man".into(),
            problem: None,
        }
    );
}

#[test]
fn people_that_cannot_be_related_are_said_at_their_chips() {
    let mut ask = Ask::new("en");
    ask.people = vec![Qid(9682), Qid(99999999999), Qid(80976)];
    let mut known = HashMap::new();
    assert!(problems(&ask, &known).is_empty());
    known.insert(
        Qid(99999999999),
        ChipInfo::missing(Qid(99999999999), "Wikidata"),
    );
    let said = problems(&ask, &known);
    assert_eq!(
        said,
        vec![(
            Qid(99999999999),
            "Q99999999999 does not exist on Wikidata.".to_string()
        )]
    );
    let chip = Chip::new(Qid(99999999999), known.get(&Qid(99999999999)));
    assert_eq!(
        chip.problem.as_deref(),
        Some("Q99999999999 does not exist on Wikidata.")
    );
    // A known person has none.
    let mut p = Person::new(Qid(9682));
    p.label = Some("Elizabeth II".into());
    assert_eq!(ChipInfo::of_person(&p).problem, None);
}

#[test]
fn only_chips_without_words_are_looked_up() {
    let mut ask = Ask::new("en");
    ask.people = vec![Qid(1), Qid(2)];
    ask.roots = vec![Qid(3)];
    let mut known = HashMap::new();
    assert_eq!(unlabelled(&ask, &known), vec![Qid(1), Qid(2), Qid(3)]);
    known.insert(
        Qid(2),
        ChipInfo {
            label: "Two".into(),
            detail: String::new(),
            problem: None,
        },
    );
    assert_eq!(unlabelled(&ask, &known), vec![Qid(1), Qid(3)]);
}

#[test]
fn names_are_searched_ids_and_links_are_not() {
    assert_eq!(search_text("  Victoria "), Some("Victoria".into()));
    assert_eq!(search_text("Q42"), None);
    assert_eq!(search_text("https://www.wikidata.org/wiki/Q42"), None);
    assert_eq!(search_text("V"), None);
    assert_eq!(search_text("   "), None);
    assert_eq!(search_text("Ås"), Some("Ås".into()));
}

#[test]
fn search_replies_in_words() {
    let body = br#"{"search":[{"id":"Q9439","label":"Queen Victoria","description":"queen"}]}"#;
    let hits = search_reply(Ok((200, body))).unwrap_or_default();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, Qid(9439));
    assert_eq!(
        search_reply(Ok((503, b""))),
        Err("The search answered HTTP 503.".into())
    );
    assert_eq!(search_reply(Err(RequestFailure::Aborted)), Ok(vec![]));
    assert_eq!(
        search_reply(Err(RequestFailure::Timeout)),
        Err("The search timed out.".into())
    );
    assert_eq!(
        search_reply(Err(RequestFailure::Network("offline".into()))),
        Err("The search failed: offline.".into())
    );
    assert!(search_reply(Ok((200, b"<html>"))).is_err(), "not JSON");
    assert!(network_failure_words("TypeError: Failed to fetch").contains("could not be reached"));
    assert!(network_failure_words("NetworkError when attempting").contains("could not be reached"));
    assert_eq!(network_failure_words("something else"), "something else");
}

#[test]
fn fitting_centres_the_drawing_at_most_at_natural_size() {
    let v = View::fit((1000.0, 700.0), 476.0, 326.0);
    assert_eq!(
        v,
        View {
            x: 262.0,
            y: 187.0,
            k: 1.0
        }
    );
    // A drawing too wide to read at fit is not shrunk below a readable zoom: it starts at its
    // left edge (vertically centred, it fits that way), and the user pans to the rest…
    let big = View::fit((1000.0, 700.0), 9520.0, 652.0);
    assert!((big.k - READABLE_ZOOM).abs() < 1e-9, "{big:?}");
    assert!((big.x - 24.0).abs() < 1e-9, "{big:?}");
    assert!(
        (big.y - (700.0 - 652.0 * READABLE_ZOOM) / 2.0).abs() < 1e-9,
        "{big:?}"
    );
    // …or around a point of it (the people asked about), within its edges.
    let around = View::fit_at((1000.0, 700.0), 9520.0, 652.0, Some((5000.0, 300.0)));
    assert!(
        (around.x - (500.0 - 5000.0 * READABLE_ZOOM)).abs() < 1e-9,
        "{around:?}"
    );
    let edge = View::fit_at((1000.0, 700.0), 9520.0, 652.0, Some((9500.0, 300.0)));
    assert!(
        (edge.x - (1000.0 - 24.0 - 9520.0 * READABLE_ZOOM)).abs() < 1e-9,
        "{edge:?}"
    );
    // Huge drawings too; empty ones do not divide by zero.
    assert_eq!(View::fit((1000.0, 700.0), 1e9, 1e9).k, READABLE_ZOOM);
    assert!(View::fit((1000.0, 700.0), 0.0, 0.0).k.is_finite());
}

#[test]
fn zooming_keeps_the_point_under_the_pointer() {
    let v = View {
        x: 10.0,
        y: 20.0,
        k: 1.0,
    };
    let z = v.zoom_about(2.0, 110.0, 220.0);
    assert_eq!(
        z,
        View {
            x: -90.0,
            y: -180.0,
            k: 2.0
        }
    );
    // The drawing point under (110, 220) is the same before and after.
    let under = |v: View| ((110.0 - v.x) / v.k, (220.0 - v.y) / v.k);
    assert_eq!(under(v), under(z));
    assert_eq!(v.zoom_about(1e9, 0.0, 0.0).k, MAX_ZOOM);
    assert_eq!(v.zoom_about(1e-9, 0.0, 0.0).k, MIN_ZOOM);
    assert_eq!(View::wheel_factor(0.0), 1.0);
    assert!(View::wheel_factor(-100.0) > 1.0 && View::wheel_factor(100.0) < 1.0);
    assert_eq!(View::wheel_factor(-1e6), 2.0);
    assert_eq!(View::wheel_factor(1e6), 0.5);
}

#[test]
fn the_visible_rectangle_transform_keys_and_drags() {
    let v = View {
        x: -100.0,
        y: -50.0,
        k: 2.0,
    };
    assert_eq!(v.visible((1000.0, 700.0)), (50.0, 25.0, 550.0, 375.0));
    assert_eq!(v.transform(), "translate(-100.00 -50.00) scale(2.0000)");
    let size = (1000.0, 700.0);
    assert_eq!(v.on_key("ArrowLeft", size, None).map(|w| w.x), Some(-40.0));
    assert_eq!(
        v.on_key("ArrowRight", size, None).map(|w| w.x),
        Some(-160.0)
    );
    assert_eq!(v.on_key("ArrowUp", size, None).map(|w| w.y), Some(10.0));
    assert_eq!(v.on_key("ArrowDown", size, None).map(|w| w.y), Some(-110.0));
    assert_eq!(v.on_key("+", size, None).map(|w| w.k), Some(2.5));
    assert_eq!(v.on_key("-", size, None).map(|w| w.k), Some(1.6));
    let fitted = View::default();
    assert_eq!(v.on_key("0", size, Some(fitted)), Some(fitted));
    assert_eq!(
        v.on_key("0", size, None),
        Some(v),
        "nothing to fit: handled, unchanged"
    );
    assert_eq!(v.on_key("a", size, None), None, "not ours");
    assert!(!starts_drag(2.0, 1.0));
    assert!(starts_drag(3.0, -1.0));
}

#[test]
fn synthetic_answers_are_built_without_a_network() {
    let parsed = parse_sample().expect("the sample parses");
    assert_eq!(parsed.persons.len(), 1);
    assert_eq!(parsed.missing, vec![Qid(4)]);
    let small = small_question_answer().expect("answered from the store");
    assert!(small.succeeded(), "{:?}", small.outcome);
    assert_eq!(small.progress.requests, 0);
    assert!(!small.layout.boxes.is_empty());
    let mut t = 0.0;
    let (big, clock) = synthetic_answer(500, 5, &mut || {
        t += 1.0;
        t
    });
    assert_eq!(clock, [1.0, 2.0, 3.0, 4.0]);
    assert!(big.layout.boxes.len() >= 450, "{}", big.layout.boxes.len());
    assert_eq!(big.people.len(), 2);
    assert_eq!(big.roots.len(), 2);
    assert!(big
        .persons
        .values()
        .all(|p| p.label.is_some() && p.birth.is_some()));
}

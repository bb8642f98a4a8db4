//! Browser tests of the page: its components mounted with a URL set by `history.replaceState`
//! (messages for a bad URL, presets, the Cancel button, a share link that runs on load, a second
//! question answered from the first one's store).
//!
//! The replica's address comes in at compile time as `WIKIKIN_TEST_ENDPOINT` (`.ci/test.sh` sets
//! it). Without it the network tests are skipped loudly — except in CI (`CI` set at compile
//! time), where its absence is a failure.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::task::tick;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn app_mounts_with_form_progress_and_tree() {
    let (root, _handle) = mount_app("").await;
    let progress = root
        .query_selector("[data-testid=progress]")
        .unwrap()
        .unwrap();
    assert_eq!(
        progress.get_attribute("data-state").as_deref(),
        Some("idle")
    );
    assert!(root.query_selector("form input").unwrap().is_some());
    let svg = root
        .query_selector("svg[data-testid=tree]")
        .unwrap()
        .unwrap();
    assert!(svg.query_selector("title").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn idle_page_has_cancel_disabled_and_run_enabled() {
    let (root, _handle) = mount_app("").await;
    assert_eq!(state(&root), "idle");
    assert!(
        is_disabled(&root, "[data-testid=cancel]"),
        "Cancel is disabled when idle"
    );
    assert!(
        !is_disabled(&root, "[data-testid=run]"),
        "Run is enabled when idle"
    );
    assert!(find_all(&root, "[data-testid=messages] li").is_empty());
    assert!(find_all(&root, "[data-testid=chip]").is_empty());
    // Nothing drawn, and no export of nothing.
    assert!(find_all(&root, "g.person").is_empty());
    assert!(is_disabled(&root, "[data-testid=export-json]"));
}

#[wasm_bindgen_test]
async fn invalid_url_gives_messages_and_a_usable_form() {
    let (root, _handle) = mount_app("people=Q0,foo&endpoint=javascript:alert(1)").await;
    let messages: Vec<String> = find_all(&root, "[data-testid=messages] li")
        .iter()
        .map(text)
        .collect();
    // Three words on what was skipped, and the hint for what the form still needs.
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(
        messages[0].contains("“Q0” in people is not a Wikidata item id"),
        "{messages:?}"
    );
    assert!(messages[1].contains("“foo” in people"), "{messages:?}");
    assert!(
        messages[2].contains("endpoint was refused") && messages[2].contains("javascript:"),
        "{messages:?}"
    );
    assert!(
        messages[3].contains("Add at least two people"),
        "{messages:?}"
    );
    // Nothing ran, nothing is shown as the endpoint (Wikidata is used), the refused endpoint is
    // not kept in the URL.
    assert_eq!(state(&root), "idle");
    assert!(root
        .query_selector("[data-testid=endpoint]")
        .unwrap()
        .is_none());
    assert!(
        !current_search().contains("javascript"),
        "{}",
        current_search()
    );
    assert!(chips(&root, "people").is_empty());

    // The form still works: type an id, add it, it becomes a chip and goes into the URL.
    let input: web_sys::HtmlInputElement = find(&root, "[data-testid=people-input]")
        .dyn_into()
        .unwrap();
    assert!(!input.disabled());
    input.set_value("Q42");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    let add = find_all(&root, "[data-testid=field-people] button")
        .into_iter()
        .find(|b| text(b) == "Add")
        .expect("an Add button");
    add.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    tick().await;
    assert_eq!(chips(&root, "people"), vec!["Q42".to_string()]);
    assert!(
        current_search().contains("people=Q42"),
        "{}",
        current_search()
    );

    // Run with one person explains, in words, what is missing.
    click(&root, "[data-testid=run]");
    tick().await;
    let messages: Vec<String> = find_all(&root, "[data-testid=messages] li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        messages,
        vec!["Add at least two people to relate (or a root to explore from).".to_string()]
    );
    assert_eq!(state(&root), "idle");
}

#[wasm_bindgen_test]
async fn presets_set_chips_update_the_url_and_run() {
    let Some(ep) = endpoint() else { return };
    let (root, _handle) = mount_app(&format!("endpoint={ep}&lang=en")).await;
    assert_eq!(text(&find(&root, "[data-testid=endpoint] strong")), ep);
    assert!(is_disabled(&root, "[data-testid=cancel]"));

    click(&root, "[data-testid=preset-1]");
    tick().await;
    assert_eq!(chips(&root, "people"), vec!["Q9682", "Q80976"]);
    assert_eq!(chips(&root, "roots"), vec!["Q9439", "Q151305"]);
    let search = current_search();
    assert!(search.contains("people=Q9682,Q80976"), "{search}");
    assert!(search.contains("roots=Q9439,Q151305"), "{search}");
    wait_until("the explore preset to finish", 60_000, || {
        state(&root) != "running"
    })
    .await;
    assert_eq!(
        state(&root),
        "done",
        "{}",
        text(&find(&root, "[data-testid=status]"))
    );
    // Both people reached from the roots.
    for person in ["Q9682", "Q80976"] {
        let li = find(
            &root,
            &format!("[data-testid=reached] li[data-qid={person}]"),
        );
        let degree: u32 = attr(&li, "data-degree").parse().unwrap();
        assert!(degree >= 3, "{person} reached at degree {degree}");
    }

    click(&root, "[data-testid=preset-0]");
    tick().await;
    assert_eq!(chips(&root, "people"), vec!["Q9682", "Q80976"]);
    assert!(chips(&root, "roots").is_empty());
    let search = current_search();
    assert!(search.contains("people=Q9682,Q80976"), "{search}");
    assert!(!search.contains("roots="), "{search}");
    wait_until("the relate preset to finish", 60_000, || {
        state(&root) != "running"
    })
    .await;
    assert_eq!(state(&root), "done");
    let rels = find_all(&root, "li[data-testid=relationship]");
    assert_eq!(rels.len(), 3, "three relationships");
    // Chips got their labels from the crawl.
    let chip = find(
        &root,
        "[data-testid=field-people] [data-testid=chip][data-qid=Q9682]",
    );
    assert!(text(&chip).contains("Elizabeth II"), "{}", text(&chip));
}

#[wasm_bindgen_test]
async fn cancel_button_stops_a_running_crawl() {
    let Some(ep) = endpoint() else { return };
    let (root, _handle) = mount_app(&format!("endpoint={ep}&lang=en")).await;
    click(&root, "[data-testid=preset-0]");
    tick().await;
    assert_eq!(state(&root), "running");
    assert!(
        !is_disabled(&root, "[data-testid=cancel]"),
        "Cancel is enabled while running"
    );
    assert!(
        is_disabled(&root, "[data-testid=run]"),
        "Run is disabled while running"
    );
    click(&root, "[data-testid=cancel]");
    wait_until("the crawl to stop", 10_000, || state(&root) != "running").await;
    assert_eq!(state(&root), "cancelled");
    assert!(is_disabled(&root, "[data-testid=cancel]"));
    assert!(!is_disabled(&root, "[data-testid=run]"));
    let status = text(&find(&root, "[data-testid=status]"));
    assert!(status.to_lowercase().contains("cancel"), "{status}");
}

#[wasm_bindgen_test]
async fn share_link_runs_on_load_and_draws_the_tree() {
    let Some(ep) = endpoint() else { return };
    let expected = expected_royal(ep).await;
    let (root, _handle) = mount_app(&format!("people=Q9682,Q80976&lang=en&endpoint={ep}")).await;
    assert_eq!(state(&root), "running", "a complete question runs on load");
    wait_until("the share link to finish", 60_000, || {
        state(&root) != "running"
    })
    .await;
    assert_eq!(state(&root), "done");
    let rels = find_all(&root, "li[data-testid=relationship]");
    let mut got: Vec<Expected> = rels
        .iter()
        .map(|li| {
            assert_eq!(attr(li, "data-a"), "Q9682");
            assert_eq!(attr(li, "data-b"), "Q80976");
            assert_eq!(attr(li, "data-kind"), "cousin");
            let n = |k: &str| attr(li, k).parse::<u32>().unwrap();
            (
                attr(li, "data-ancestors")
                    .split(',')
                    .map(String::from)
                    .collect(),
                (
                    n("data-degree"),
                    n("data-removed"),
                    n("data-ga"),
                    n("data-gb"),
                ),
            )
        })
        .collect();
    got.sort_by_key(|(_, k)| *k);
    assert_eq!(got, expected);
    let words: Vec<String> = rels.iter().map(text).collect();
    assert!(
        words.iter().any(|w| w
            .contains("Prince Philip, Duke of Edinburgh is Elizabeth II's third cousin")
            && w.contains("Queen Victoria")),
        "{words:?}"
    );
    assert!(
        words
            .iter()
            .any(|w| w.contains("second cousin once removed")),
        "{words:?}"
    );
    // The tree has both people and all six ancestors.
    let drawn: BTreeSet<String> = find_all(&root, "g.person[data-qid]")
        .iter()
        .map(|g| attr(g, "data-qid"))
        .collect();
    for (ancestors, _) in &expected {
        for a in ancestors {
            assert!(drawn.contains(a), "{a} drawn");
        }
    }
    assert!(drawn.contains("Q9682") && drawn.contains("Q80976"));
    assert!(!is_disabled(&root, "[data-testid=export-json]"));
}

// The page keeps the entities it fetched for its next questions: asked again, a question is
// answered from the store with no request — even when it interrupts another question, which is
// cancelled and gives the store back first (the page never starts over on an empty store).
#[wasm_bindgen_test]
async fn a_second_question_is_answered_from_the_first_ones_store() {
    let Some(ep) = endpoint() else { return };
    let (root, _handle) = mount_app(&format!("people=Q9682,Q80976&lang=en&endpoint={ep}")).await;
    wait_until("the first question to finish", 60_000, || {
        state(&root) != "running"
    })
    .await;
    assert_eq!(state(&root), "done");
    let progress = || find(&root, "[data-testid=progress]");
    let requests = |el: &web_sys::Element| attr(el, "data-requests").parse::<u32>().unwrap();
    let first = requests(&progress());
    assert!(first > 0, "the first question fetched");

    // Explore down from Victoria and Christian IX, and interrupt it once it is fetching.
    click(&root, "[data-testid=preset-1]");
    tick().await;
    assert_eq!(state(&root), "running");
    wait_until("the explore question to fetch", 30_000, || {
        requests(&progress()) > 0
    })
    .await;
    let before = crawl_requests(ep).await;
    click(&root, "[data-testid=preset-0]");
    tick().await;
    wait_until("the interrupting question to finish", 60_000, || {
        state(&root) != "running"
    })
    .await;
    assert_eq!(
        state(&root),
        "done",
        "{}",
        text(&find(&root, "[data-testid=status]"))
    );
    assert_eq!(
        requests(&progress()),
        0,
        "the first question's entities were still in the store"
    );
    assert_eq!(attr(&progress(), "data-fetched"), "0");
    assert_eq!(find_all(&root, "li[data-testid=relationship]").len(), 3);
    // What reached the replica's data API since the interruption can only be the cancelled
    // question's last requests, already on the wire (portraits drawn in the answer are not data).
    sleep(300).await;
    let after = crawl_requests(ep).await;
    assert!(
        after - before <= 6,
        "no crawl ran on an empty store: {} data requests",
        after - before
    );
}

//! Browser tests of the connections through marriage on the mounted page (issue 12), against the
//! replica (`WIKIKIN_TEST_ENDPOINT`, see `tests/page.rs`): Diana and Elizabeth II both ways, and
//! a married pair whose marriage comes before their blood relationships.

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
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs `people=a,b` on the replica and waits for it to finish `done`.
async fn relate(ep: &str, a: &str, b: &str) -> (web_sys::HtmlElement, impl Drop) {
    let (root, handle) = mount_app(&format!("people={a},{b}&lang=en&endpoint={ep}")).await;
    wait_until("the question to finish", 60_000, || {
        state(&root) != "running"
    })
    .await;
    assert_eq!(
        state(&root),
        "done",
        "{}",
        text(&find(&root, "[data-testid=status]"))
    );
    (root, handle)
}

/// The one connection shown, after checking its people are links with their names.
fn the_connection(root: &web_sys::Element) -> web_sys::Element {
    let conns = find_all(root, "li[data-testid=connection]");
    assert_eq!(
        conns.len(),
        1,
        "{:?}",
        conns.iter().map(text).collect::<Vec<_>>()
    );
    let li = conns.into_iter().next().unwrap();
    let linked: Vec<String> = find_all(&li, "a[data-qid]")
        .iter()
        .map(|a| attr(a, "data-qid"))
        .collect();
    for q in attr(&li, "data-path").split(',') {
        assert!(linked.iter().any(|l| l == q), "{q} is a link: {linked:?}");
    }
    for a in find_all(&li, "a[data-qid]") {
        let name = text(&a);
        assert!(
            !name.starts_with('Q') || !name[1..].chars().all(|c| c.is_ascii_digit()),
            "a name, not {name}"
        );
    }
    assert!(
        attr(&li, "class")
            .split(' ')
            .any(|c| c.len() == 2 && c.starts_with('k')),
        "a colour class: {}",
        attr(&li, "class")
    );
    li
}

#[wasm_bindgen_test]
async fn diana_is_elizabeths_daughter_in_law_and_elizabeth_her_mother_in_law() {
    let Some(ep) = endpoint() else { return };
    let diana = replica_qid(ep, "I65").await;

    let (root, handle) = relate(ep, "Q9682", &diana).await;
    let li = the_connection(&root);
    assert_eq!(attr(&li, "data-a"), "Q9682");
    assert_eq!(attr(&li, "data-b"), diana);
    assert_eq!(attr(&li, "data-term"), "daughter-in-law");
    assert_eq!(attr(&li, "data-links"), "child,spouse");
    assert_eq!(attr(&li, "data-path"), format!("Q9682,Q43274,{diana}"));
    // The phrase names the two; the one between them follows as a link.
    assert_eq!(
        text(&li).trim(),
        "Diana Frances Spencer is Elizabeth II's daughter-in-law — through Charles III"
    );
    let searched = text(&find(&root, "[data-testid=connections-searched]"));
    assert!(
        searched.starts_with("Connections through marriage were searched up to "),
        "{searched}"
    );
    // A search limit is not a problem in the data: the two lists are apart.
    for li in find_all(&root, "[data-testid=problems] li") {
        assert!(!text(&li).contains("searched up to"), "{}", text(&li));
    }
    drop(handle);

    let (root, _handle) = relate(ep, &diana, "Q9682").await;
    let li = the_connection(&root);
    assert_eq!(attr(&li, "data-a"), diana);
    assert_eq!(attr(&li, "data-b"), "Q9682");
    assert_eq!(attr(&li, "data-term"), "mother-in-law");
    assert_eq!(attr(&li, "data-links"), "spouse,parent");
    assert_eq!(attr(&li, "data-path"), format!("{diana},Q43274,Q9682"));
    assert_eq!(
        text(&li).trim(),
        "Elizabeth II is Diana Frances Spencer's mother-in-law — through Charles III"
    );
}

#[wasm_bindgen_test]
async fn a_marriage_comes_before_the_blood_relationships() {
    let Some(ep) = endpoint() else { return };
    let (root, _handle) = relate(ep, "Q9682", "Q80976").await;
    let items = find_all(
        &root,
        "[data-testid=answer] li[data-testid=connection], [data-testid=answer] li[data-testid=relationship]",
    );
    let order: Vec<String> = items.iter().map(|li| attr(li, "data-testid")).collect();
    assert_eq!(
        order,
        ["connection", "relationship", "relationship", "relationship"],
        "{:?}",
        items.iter().map(text).collect::<Vec<_>>()
    );
    let li = the_connection(&root);
    assert_eq!(attr(&li, "data-links"), "spouse");
    assert_eq!(attr(&li, "data-term"), "husband");
    assert_eq!(attr(&li, "data-path"), "Q9682,Q80976");
    assert_eq!(
        text(&li),
        "Prince Philip, Duke of Edinburgh is Elizabeth II's husband."
    );
}

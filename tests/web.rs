//! Browser tests of the app, run in headless Chromium by wasm-bindgen-test-runner:
//! - the page's components mounted with a URL set by `history.replaceState` (messages for a bad
//!   URL, presets, the Cancel button, a share link that runs on load);
//! - the URL reading and writing of `wikikin::question`;
//! - the fetch driver against a real replica (real `fetch`, real CORS).
//!
//! The replica's address comes in at compile time as `WIKIKIN_TEST_ENDPOINT` (`.ci/test.sh` sets
//! it). Without it the network tests are skipped loudly — except in CI (`CI` set at compile
//! time), where its absence is a failure.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::task::tick;
use std::cell::Cell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wikikin::driver::{run_crawl, CancelHandle, Finished};
use wikikin_core::{CrawlConfig, FetchMode, OutcomeKind, Qid, Store, DEFAULT_ENDPOINT};
use wikikin_view::question::{
    from_query, read_ids, valid_lang, Ask, DEFAULT_CAP, DEFAULT_TIMEOUT_S, MAX_PEOPLE, MAX_ROOTS,
};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The replica to test against, or `None` (with a loud message) when not configured outside CI.
fn endpoint() -> Option<&'static str> {
    match option_env!("WIKIKIN_TEST_ENDPOINT") {
        Some(e) if !e.trim().is_empty() => Some(e.trim().trim_end_matches('/')),
        _ => {
            if option_env!("CI").is_some() {
                panic!(
                    "WIKIKIN_TEST_ENDPOINT was not set at compile time, but CI is: the driver tests \
                     must run against a replica (see .ci/test.sh)"
                );
            }
            console_log!(
                "!!!!! SKIPPED: WIKIKIN_TEST_ENDPOINT not set at compile time; start \
                 target/release/wikidata-replica and export it to run the network tests !!!!!"
            );
            None
        }
    }
}

fn q(s: &str) -> Qid {
    s.parse().unwrap()
}

fn qs(list: &[&str]) -> Vec<Qid> {
    list.iter().map(|s| q(s)).collect()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh_container() -> web_sys::HtmlElement {
    let document = document();
    let el = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Sets the page's query string (no navigation), as a share link would.
fn set_query(query: &str) {
    let w = web_sys::window().unwrap();
    let path = w.location().pathname().unwrap();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    w.history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

fn current_search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

/// Mounts the whole app with `query` in the URL.
async fn mount_app(query: &str) -> (web_sys::HtmlElement, impl Drop) {
    set_query(query);
    let root = fresh_container();
    let handle = mount_to(root.clone(), wikikin::App);
    tick().await;
    (root, handle)
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn find_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    // `querySelectorAll` through JS (web-sys's NodeList is not among the app's features).
    let method: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = method.call1(root, &selector.into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn attr(el: &web_sys::Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}

fn state(root: &web_sys::Element) -> String {
    attr(&find(root, "[data-testid=progress]"), "data-state")
}

fn click(root: &web_sys::Element, selector: &str) {
    find(root, selector)
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

fn is_disabled(root: &web_sys::Element, selector: &str) -> bool {
    find(root, selector).has_attribute("disabled")
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Waits (polling every 20 ms) until `cond` holds; fails with `what` after `timeout_ms`.
async fn wait_until(what: &str, timeout_ms: u32, mut cond: impl FnMut() -> bool) {
    let mut waited = 0;
    while !cond() {
        assert!(
            waited < timeout_ms,
            "timed out after {timeout_ms} ms waiting for {what}"
        );
        sleep(20).await;
        waited += 20;
    }
}

fn chips(root: &web_sys::Element, field: &str) -> Vec<String> {
    find_all(
        root,
        &format!("[data-testid=field-{field}] [data-testid=chip]"),
    )
    .iter()
    .map(|c| attr(c, "data-qid"))
    .collect()
}

/// `a=1&b=x%2Fy` read the way the router reads it: first value of a key, percent-decoded.
fn query_getter(query: &str) -> impl Fn(&str) -> Option<String> {
    let pairs: Vec<(String, String)> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let decode = |s: &str| {
                js_sys::decode_uri_component(&s.replace('+', " "))
                    .map(String::from)
                    .unwrap_or_else(|_| s.to_string())
            };
            (decode(k), decode(v))
        })
        .collect();
    move |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// GETs a replica control URL, bypassing the browser's HTTP cache.
async fn replica_json(endpoint: &str, path: &str) -> serde_json::Value {
    let resp = gloo_net::http::Request::get(&format!("{endpoint}{path}"))
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "GET {path}");
    serde_json::from_str(&resp.text().await.unwrap()).unwrap()
}

async fn reset_replica(endpoint: &str) {
    let resp = gloo_net::http::Request::post(&format!("{endpoint}/__replica/reset"))
        .send()
        .await
        .unwrap();
    assert!(resp.ok(), "reset answered {}", resp.status());
}

async fn replica_requests(endpoint: &str) -> u64 {
    replica_json(endpoint, "/__replica/stats").await["requests"]
        .as_u64()
        .unwrap()
}

/// The replica's Q-id of a GEDCOM person (`I226` → Louise of Hesse-Cassel).
async fn replica_qid(endpoint: &str, gedcom_id: &str) -> String {
    let people = replica_json(endpoint, "/__replica/people").await;
    people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["gedcom_id"] == gedcom_id)
        .and_then(|p| p["qid"].as_str())
        .unwrap_or_else(|| panic!("{gedcom_id} is not in the replica"))
        .to_string()
}

/// A relationship as the tests compare it: the ancestors, and (degree, removed, ga, gb).
type Expected = (BTreeSet<String>, (u32, u32, u32, u32));

/// The three relationships of Elizabeth II and Philip, as ancestor sets with (degree, removed,
/// ga, gb): Christian IX & Louise, Victoria & Albert, Ludwig & Henriette.
async fn expected_royal(endpoint: &str) -> Vec<Expected> {
    let louise = replica_qid(endpoint, "I226").await;
    let ludwig = replica_qid(endpoint, "I484").await;
    let henriette = replica_qid(endpoint, "I485").await;
    let set = |v: &[&str]| {
        v.iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<String>>()
    };
    vec![
        (set(&["Q151305", &louise]), (2, 1, 4, 3)),
        (set(&["Q9439", "Q152245"]), (3, 0, 4, 4)),
        (set(&[&ludwig, &henriette]), (4, 0, 5, 5)),
    ]
}

/// Done, or stopped at the generation limit after searching every generation within it (the
/// app shows both as `done`).
fn succeeded(kind: OutcomeKind) -> bool {
    matches!(kind, OutcomeKind::Done | OutcomeKind::LimitReached(_))
}

fn relate_config() -> CrawlConfig {
    let mut config = CrawlConfig::relate(qs(&["Q9682", "Q80976"]));
    config.languages = vec!["en".into()];
    config
}

// ---------------------------------------------------------------------------------------------
// Components
// ---------------------------------------------------------------------------------------------

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
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].contains("“Q0” in people is not a Wikidata item id"),
        "{messages:?}"
    );
    assert!(messages[1].contains("“foo” in people"), "{messages:?}");
    assert!(
        messages[2].contains("endpoint was refused") && messages[2].contains("javascript:"),
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

// ---------------------------------------------------------------------------------------------
// The URL
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn query_round_trips() {
    let mut ask = Ask::new("en");
    ask.people = qs(&["Q9682", "Q80976", "Q42"]);
    ask.roots = qs(&["Q9439", "Q151305"]);
    ask.lang = "pt-br".into();
    ask.endpoint = "http://127.0.0.1:8123/w".into();
    ask.cap = 9;
    ask.fetch = FetchMode::EntityData;
    ask.timeout_s = 12;
    let query = ask.to_query("en");
    assert!(query.contains("people=Q9682,Q80976,Q42"), "{query}");
    assert!(
        !query.contains("http://"),
        "the endpoint is encoded: {query}"
    );
    let back = from_query(query_getter(&query), "en");
    assert_eq!(back.ask, ask);
    assert!(back.messages.is_empty(), "{:?}", back.messages);
    assert!(back.run);

    // Defaults are left out of the link, and come back as defaults.
    let mut plain = Ask::new("de");
    plain.people = qs(&["Q1", "Q2"]);
    let query = plain.to_query("de");
    assert_eq!(query, "people=Q1,Q2&lang=de");
    assert_eq!(from_query(query_getter(&query), "de").ask, plain);
    // An empty question in the browser's language is an empty query.
    assert_eq!(Ask::new("de").to_query("de"), "");
    assert_eq!(Ask::new("fr").to_query("de"), "lang=fr");
}

#[wasm_bindgen_test]
fn a_thousand_ids_are_capped_with_a_message() {
    let list: Vec<String> = (1..=1000).map(|i| format!("Q{i}")).collect();
    let joined = list.join(",");
    let read = from_query(
        query_getter(&format!("people={joined}&roots={joined}")),
        "en",
    );
    assert_eq!(read.ask.people.len(), MAX_PEOPLE);
    assert_eq!(
        read.ask.people,
        qs(&list
            .iter()
            .take(MAX_PEOPLE)
            .map(String::as_str)
            .collect::<Vec<_>>())
    );
    assert_eq!(read.ask.roots.len(), MAX_ROOTS);
    assert!(
        read.messages.contains(&format!(
            "Too many people: the first {MAX_PEOPLE} are kept, {} more dropped.",
            1000 - MAX_PEOPLE
        )),
        "{:?}",
        read.messages
    );
    assert!(
        read.messages
            .iter()
            .any(|m| m.starts_with("Too many roots")),
        "{:?}",
        read.messages
    );
    // Still a question that can run.
    assert!(read.run);
}

#[wasm_bindgen_test]
fn malformed_ids_are_skipped_with_messages() {
    let (ids, messages) = read_ids("Q42, foo, Q0", "people", 12);
    assert_eq!(ids, qs(&["Q42"]));
    assert_eq!(messages.len(), 2);
    assert!(messages[0].contains("“foo”"), "{messages:?}");
    assert!(messages[1].contains("“Q0”"), "{messages:?}");

    // Links, lower case, duplicates and other separators.
    let (ids, messages) = read_ids(
        "https://www.wikidata.org/wiki/Q9682|q80976 Q9682\tQ42",
        "people",
        12,
    );
    assert_eq!(ids, qs(&["Q9682", "Q80976", "Q42"]));
    assert!(messages.is_empty(), "{messages:?}");

    // Many bad ones: three named, the rest counted. Long junk is shortened.
    let long = "x".repeat(500);
    let raw = format!("Q01,P31,Q-5,Q1234567890123456,{long},<script>,Q7");
    let (ids, messages) = read_ids(&raw, "roots", 8);
    assert_eq!(ids, qs(&["Q7"]));
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(messages[0].contains("“Q01” in roots"), "{messages:?}");
    assert_eq!(messages[3], "3 more malformed ids in roots skipped.");
    assert!(
        messages.iter().all(|m| m.chars().count() < 120),
        "{messages:?}"
    );

    // Empty input: nothing, no message.
    assert_eq!(read_ids(" , ,", "people", 12), (vec![], vec![]));
}

#[wasm_bindgen_test]
fn dangerous_endpoints_are_refused() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://example.org",
        "//evil.example",
        "http://user:pw@example.org",
    ] {
        let read = from_query(
            |k: &str| match k {
                "people" => Some("Q1,Q2".to_string()),
                "endpoint" => Some(bad.to_string()),
                _ => None,
            },
            "en",
        );
        assert_eq!(read.ask.endpoint, DEFAULT_ENDPOINT, "{bad}");
        assert!(
            !read.run,
            "a link with a refused endpoint does not run: {bad}"
        );
        assert_eq!(read.messages.len(), 1, "{bad}: {:?}", read.messages);
        assert!(
            read.messages[0].starts_with("The endpoint was refused and Wikidata is used instead: "),
            "{bad}: {:?}",
            read.messages
        );
    }
    for good in ["http://127.0.0.1:8080", "https://wikibase.example.org/"] {
        let read = from_query(|k: &str| (k == "endpoint").then(|| good.to_string()), "en");
        assert!(read.messages.is_empty(), "{good}: {:?}", read.messages);
        assert!(read.ask.endpoint.starts_with(good.trim_end_matches('/')));
    }
}

#[wasm_bindgen_test]
fn unknown_params_are_ignored_and_bad_options_fall_back() {
    let read = from_query(
        query_getter("people=Q1,Q2&utm_source=x&foo=bar&people2=Q3&LANG=zz"),
        "en",
    );
    assert!(read.messages.is_empty(), "{:?}", read.messages);
    assert_eq!(read.ask.people, qs(&["Q1", "Q2"]));
    assert_eq!(read.ask.lang, "en");
    assert!(read.run);

    let read = from_query(
        query_getter("people=Q1,Q2&lang=English!&cap=500&fetch=ftp&timeout=0"),
        "de",
    );
    assert_eq!(read.ask.lang, "de");
    assert_eq!(read.ask.cap, DEFAULT_CAP);
    assert_eq!(read.ask.fetch, FetchMode::GetEntities);
    assert_eq!(read.ask.timeout_s, DEFAULT_TIMEOUT_S);
    assert_eq!(read.messages.len(), 4, "{:?}", read.messages);
    assert!(read.messages[0].contains("not a language code"));
    assert!(read.messages[1].starts_with("cap must be"));
    assert!(read.messages[2].starts_with("fetch must be"));
    assert!(read.messages[3].starts_with("timeout must be"));
    // Bad options are fixed, not refused: the question still runs.
    assert!(read.run);

    // Case and spaces are forgiven where it is safe.
    let read = from_query(
        query_getter("people=Q1,Q2&lang=DE&cap=%2032&fetch=EntityData"),
        "en",
    );
    assert!(read.messages.is_empty(), "{:?}", read.messages);
    assert_eq!((read.ask.lang.as_str(), read.ask.cap), ("de", 32));
    assert_eq!(read.ask.fetch, FetchMode::EntityData);

    // Half a question does not run.
    assert!(!from_query(query_getter("people=Q1"), "en").run);
    assert!(from_query(query_getter("people=Q1&roots=Q2"), "en").run);
    assert!(!from_query(query_getter("roots=Q2"), "en").run);
}

#[wasm_bindgen_test]
fn language_codes() {
    for ok in [
        "en",
        "de",
        "pt-br",
        "zh-hant",
        "sr-el",
        "be-tarask",
        "nds-nl",
        "de-1996",
    ] {
        assert!(valid_lang(ok), "{ok}");
    }
    for bad in [
        "",
        "e",
        "english",
        "EN",
        "en_gb",
        "en-",
        "-en",
        "en--gb",
        "en;x",
        "en gb",
        "en-abcdefghi",
        "de\"><script>",
        "ü",
    ] {
        assert!(!valid_lang(bad), "{bad}");
    }
    assert!(!valid_lang(&format!("en{}", "-ab".repeat(10))));
}

// ---------------------------------------------------------------------------------------------
// The driver against the replica
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn driver_relates_elizabeth_and_philip_through_real_fetch() {
    let Some(ep) = endpoint() else { return };
    let expected = expected_royal(ep).await;
    // One entity per request (`Special:EntityData`): URLs no other test fetches, so the
    // browser's HTTP cache cannot answer for the replica and its counts are exact.
    reset_replica(ep).await;
    let mut config = relate_config();
    config.fetch = FetchMode::EntityData;
    let updates = Rc::new(Cell::new(0usize));
    let seen = updates.clone();
    let Finished {
        outcome,
        result,
        store,
        progress,
    } = run_crawl(
        config,
        Store::new(),
        ep,
        6,
        30_000,
        CancelHandle::default(),
        move |p| {
            assert!(p.requests_in_flight <= 6, "the cap holds: {p:?}");
            seen.set(seen.get() + 1);
        },
    )
    .await;
    assert!(succeeded(outcome.kind), "{}", outcome.message);
    assert!(
        updates.get() > 3,
        "progress was reported ({})",
        updates.get()
    );
    assert!(progress.fetched > 50, "{progress:?}");
    assert_eq!(progress.failed, 0, "{progress:?}");
    assert!(result.failures.is_empty(), "{:?}", result.failures);
    let mut got: Vec<Expected> = result
        .relationships
        .iter()
        .map(|r| {
            assert_eq!((r.a, r.b), (q("Q9682"), q("Q80976")));
            (
                r.ancestors.iter().map(Qid::to_string).collect(),
                (r.degree, r.removed, r.ga, r.gb),
            )
        })
        .collect();
    got.sort_by_key(|(_, k)| *k);
    assert_eq!(got, expected);
    let elizabeth = result.persons.iter().find(|p| p.id == q("Q9682")).unwrap();
    assert_eq!(elizabeth.label.as_deref(), Some("Elizabeth II"));
    assert!(
        store.len() >= progress.fetched,
        "the store kept what was fetched"
    );

    // What the replica saw: every request the driver counted, each entity once, at most the
    // cap at a time, and no CORS preflight (the requests are CORS-simple).
    let stats = replica_json(ep, "/__replica/stats").await;
    let n = |k: &str| stats[k].as_u64().unwrap_or(u64::MAX);
    assert_eq!(n("requests"), progress.requests as u64, "{stats}");
    assert_eq!(
        progress.requests, progress.fetched,
        "one entity per request"
    );
    assert_eq!(n("max_served_per_id"), 1, "{stats}");
    assert!(n("peak_inflight") <= 6, "{stats}");
    assert_eq!(n("preflight"), 0, "{stats}");
}

// Cancels from another task, as the Cancel button does. The final figures must not count the
// aborted requests as failed or still in flight (a regression test: both used to happen).
#[wasm_bindgen_test]
async fn driver_cancel_mid_crawl_ends_cancelled_and_stops_requests() {
    let Some(ep) = endpoint() else { return };
    let cancel = CancelHandle::default();
    let requests = Rc::new(Cell::new(0usize));
    let seen = requests.clone();
    // Explore down from Victoria one entity per request: hundreds of requests, so a cancel
    // after a few is certainly mid-crawl.
    let mut config = CrawlConfig::explore(qs(&["Q9439"]), qs(&["Q9682", "Q80976"]));
    config.languages = vec!["en".into()];
    config.fetch = FetchMode::EntityData;
    let canceller = cancel.clone();
    let watched = requests.clone();
    let cancelled_at = Rc::new(Cell::new(None::<usize>));
    let at = cancelled_at.clone();
    wasm_bindgen_futures::spawn_local(async move {
        while watched.get() < 5 {
            sleep(1).await;
        }
        at.set(Some(watched.get()));
        canceller.cancel();
    });
    let finished = run_crawl(
        config,
        Store::new(),
        ep,
        4,
        30_000,
        cancel.clone(),
        move |p| seen.set(p.requests),
    )
    .await;
    assert_eq!(
        finished.outcome.kind,
        OutcomeKind::Cancelled,
        "{}",
        finished.outcome.message
    );
    assert!(cancel.is_cancelled());
    let at = cancelled_at.get().expect("cancelled by the other task");
    assert!(
        finished.progress.requests <= at + 4,
        "no new requests after the cancel: {} at cancel, {} at the end",
        at,
        finished.progress.requests
    );
    assert!(finished.progress.requests < 100, "{:?}", finished.progress);
    assert!(
        finished.result.reached.iter().any(|(_, d)| d.is_none()),
        "not every person was reached: {:?}",
        finished.result.reached
    );
    // And the replica sees nothing more once it has ended (after a moment for requests that
    // were already on the wire when they were aborted to land).
    sleep(300).await;
    let ended = replica_requests(ep).await;
    sleep(400).await;
    assert_eq!(
        replica_requests(ep).await,
        ended,
        "requests after the crawl was cancelled"
    );
    assert_eq!(
        (
            finished.progress.requests_in_flight,
            finished.progress.in_flight
        ),
        (0, 0),
        "nothing is in flight once the crawl has ended: {:?}",
        finished.progress
    );
}

// Cancelling synchronously inside `on_progress`, within the driver's own task, used to spin
// forever: a regression test.
#[wasm_bindgen_test]
async fn driver_cancel_from_the_progress_callback_ends_cancelled() {
    let Some(ep) = endpoint() else { return };
    let cancel = CancelHandle::default();
    let from_progress = cancel.clone();
    let cancelled_at = Rc::new(Cell::new(None::<usize>));
    let at = cancelled_at.clone();
    let mut config = CrawlConfig::explore(qs(&["Q9439"]), qs(&["Q9682", "Q80976"]));
    config.languages = vec!["en".into()];
    config.fetch = FetchMode::EntityData;
    let finished = run_crawl(config, Store::new(), ep, 4, 30_000, cancel, move |p| {
        if p.requests >= 3 && at.get().is_none() {
            at.set(Some(p.requests));
            from_progress.cancel();
        }
    })
    .await;
    assert_eq!(
        finished.outcome.kind,
        OutcomeKind::Cancelled,
        "{}",
        finished.outcome.message
    );
    let at = cancelled_at.get().expect("cancelled from the callback");
    assert_eq!(
        finished.progress.requests, at,
        "no request after the cancel"
    );
}

#[wasm_bindgen_test]
async fn driver_cancelled_before_start_makes_no_request() {
    let Some(ep) = endpoint() else { return };
    let cancel = CancelHandle::default();
    cancel.cancel();
    let before = replica_requests(ep).await;
    let finished = run_crawl(relate_config(), Store::new(), ep, 6, 30_000, cancel, |_| {}).await;
    assert_eq!(finished.outcome.kind, OutcomeKind::Cancelled);
    assert_eq!(finished.progress.requests, 0);
    assert_eq!(replica_requests(ep).await, before);
}

#[wasm_bindgen_test]
async fn driver_reusing_the_store_makes_zero_requests() {
    let Some(ep) = endpoint() else { return };
    let first = run_crawl(
        relate_config(),
        Store::new(),
        ep,
        6,
        30_000,
        CancelHandle::default(),
        |_| {},
    )
    .await;
    assert!(succeeded(first.outcome.kind), "{}", first.outcome.message);
    assert!(first.store.len() > 50);
    let before = replica_requests(ep).await;
    let Finished {
        store,
        result: first_result,
        ..
    } = first;
    let second = run_crawl(
        relate_config(),
        store,
        ep,
        6,
        30_000,
        CancelHandle::default(),
        |_| {},
    )
    .await;
    let after = replica_requests(ep).await;
    assert!(succeeded(second.outcome.kind), "{}", second.outcome.message);
    assert_eq!(second.progress.requests, 0, "{:?}", second.progress);
    assert_eq!(
        after, before,
        "the replica saw no request on the second run"
    );
    assert!(second.progress.cached > 0, "{:?}", second.progress);
    let key = |r: &wikikin_core::CrawlResult| {
        let mut v: Vec<(Vec<Qid>, u32, u32)> = r
            .relationships
            .iter()
            .map(|x| (x.ancestors.clone(), x.ga, x.gb))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        key(&second.result),
        key(&first_result),
        "the same answer from the store"
    );
    assert_eq!(key(&second.result).len(), 3);
}

#[wasm_bindgen_test]
async fn driver_reports_an_unreachable_endpoint_in_words() {
    // Port 9 (discard) on localhost refuses connections: every request fails fast.
    let finished = run_crawl(
        relate_config(),
        Store::new(),
        "http://127.0.0.1:9",
        6,
        5_000,
        CancelHandle::default(),
        |_| {},
    )
    .await;
    assert_eq!(
        finished.outcome.kind,
        OutcomeKind::Failed,
        "{}",
        finished.outcome.message
    );
    assert!(!finished.outcome.message.is_empty());
    assert!(!finished.result.failures.is_empty());
    assert!(
        finished
            .result
            .failures
            .iter()
            .all(|f| f.message.contains("could not be reached")),
        "{:?}",
        finished.result.failures
    );
}

type ExploreKey = (Vec<(Qid, Option<u32>)>, Vec<(Vec<Qid>, u32, u32)>);

/// What an explore answer is compared by: who was reached at which degree, and the
/// relationships found.
fn explore_key(r: &wikikin_core::CrawlResult) -> ExploreKey {
    let mut rels: Vec<(Vec<Qid>, u32, u32)> = r
        .relationships
        .iter()
        .map(|x| (x.ancestors.clone(), x.ga, x.gb))
        .collect();
    rels.sort();
    let mut reached = r.reached.clone();
    reached.sort();
    (reached, rels)
}

// Regression test: an explore crawl on a store filled by an earlier explore from fewer roots
// used to reach Philip at degree 4 instead of 3.
#[wasm_bindgen_test]
async fn driver_explore_on_a_reused_store_answers_like_a_fresh_crawl() {
    let Some(ep) = endpoint() else { return };
    let explore = |roots: &[&str]| {
        let mut c = CrawlConfig::explore(qs(roots), qs(&["Q9682", "Q80976"]));
        c.languages = vec!["en".into()];
        c
    };
    let run = |config: CrawlConfig, store: Store| async move {
        run_crawl(
            config,
            store,
            ep,
            6,
            30_000,
            CancelHandle::default(),
            |_| {},
        )
        .await
    };
    let fresh = run(explore(&["Q9439", "Q151305"]), Store::new()).await;
    assert!(succeeded(fresh.outcome.kind), "{}", fresh.outcome.message);
    let (reached, _) = explore_key(&fresh.result);
    assert_eq!(
        reached,
        vec![(q("Q9682"), Some(4)), (q("Q80976"), Some(3))],
        "Philip is 3 below Christian IX, Elizabeth 4 below both"
    );

    let first = run(explore(&["Q9439"]), Store::new()).await;
    assert!(succeeded(first.outcome.kind), "{}", first.outcome.message);
    let again = run(explore(&["Q9439", "Q151305"]), first.store).await;
    assert!(succeeded(again.outcome.kind), "{}", again.outcome.message);
    assert_eq!(
        explore_key(&again.result),
        explore_key(&fresh.result),
        "the same question on a reused store gives the same answer"
    );
}

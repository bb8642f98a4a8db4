//! Shared by the browser tests: the replica to test against, mounting the app with a URL,
//! reading the page, and the replica's control endpoints.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![allow(dead_code)] // each test file uses a part

use leptos::mount::mount_to;
use leptos::task::tick;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::console_log;
use wikikin_core::{CrawlConfig, OutcomeKind, Qid};

/// The replica to test against, or `None` (with a loud message) when not configured outside CI.
pub fn endpoint() -> Option<&'static str> {
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

pub fn q(s: &str) -> Qid {
    s.parse().unwrap()
}

pub fn qs(list: &[&str]) -> Vec<Qid> {
    list.iter().map(|s| q(s)).collect()
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn fresh_container() -> web_sys::HtmlElement {
    let document = document();
    let el = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Sets the page's query string (no navigation), as a share link would.
pub fn set_query(query: &str) {
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

pub fn current_search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

/// Mounts the whole app with `query` in the URL.
pub async fn mount_app(query: &str) -> (web_sys::HtmlElement, impl Drop) {
    set_query(query);
    let root = fresh_container();
    let handle = mount_to(root.clone(), wikikin::App);
    tick().await;
    (root, handle)
}

pub fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub fn find_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
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

pub fn attr(el: &web_sys::Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

pub fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}

pub fn state(root: &web_sys::Element) -> String {
    attr(&find(root, "[data-testid=progress]"), "data-state")
}

pub fn click(root: &web_sys::Element, selector: &str) {
    find(root, selector)
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

pub fn is_disabled(root: &web_sys::Element, selector: &str) -> bool {
    find(root, selector).has_attribute("disabled")
}

pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Waits (polling every 20 ms) until `cond` holds; fails with `what` after `timeout_ms`.
pub async fn wait_until(what: &str, timeout_ms: u32, mut cond: impl FnMut() -> bool) {
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

pub fn chips(root: &web_sys::Element, field: &str) -> Vec<String> {
    find_all(
        root,
        &format!("[data-testid=field-{field}] [data-testid=chip]"),
    )
    .iter()
    .map(|c| attr(c, "data-qid"))
    .collect()
}

/// `a=1&b=x%2Fy` read the way the router reads it: first value of a key, percent-decoded.
pub fn query_getter(query: &str) -> impl Fn(&str) -> Option<String> {
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
pub async fn replica_json(endpoint: &str, path: &str) -> serde_json::Value {
    let resp = gloo_net::http::Request::get(&format!("{endpoint}{path}"))
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "GET {path}");
    serde_json::from_str(&resp.text().await.unwrap()).unwrap()
}

pub async fn reset_replica(endpoint: &str) {
    let resp = gloo_net::http::Request::post(&format!("{endpoint}/__replica/reset"))
        .send()
        .await
        .unwrap();
    assert!(resp.ok(), "reset answered {}", resp.status());
}

pub async fn replica_requests(endpoint: &str) -> u64 {
    replica_json(endpoint, "/__replica/stats").await["requests"]
        .as_u64()
        .unwrap()
}

/// The requests the replica has answered from its data API (entity JSON and the query service),
/// leaving out image files and its own `/__replica` pages.
pub async fn crawl_requests(endpoint: &str) -> u64 {
    let stats = replica_json(endpoint, "/__replica/stats").await;
    stats["by_kind"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(kind, _)| kind.as_str() != "filepath")
        .filter_map(|(_, n)| n.as_u64())
        .sum()
}

/// The replica's Q-id of a GEDCOM person (`I226` → Louise of Hesse-Cassel).
pub async fn replica_qid(endpoint: &str, gedcom_id: &str) -> String {
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
pub type Expected = (BTreeSet<String>, (u32, u32, u32, u32));

/// The three relationships of Elizabeth II and Philip, as ancestor sets with (degree, removed,
/// ga, gb): Christian IX & Louise, Victoria & Albert, Ludwig & Henriette.
pub async fn expected_royal(endpoint: &str) -> Vec<Expected> {
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
pub fn succeeded(kind: OutcomeKind) -> bool {
    matches!(kind, OutcomeKind::Done | OutcomeKind::LimitReached(_))
}

pub fn relate_config() -> CrawlConfig {
    let mut config = CrawlConfig::relate(qs(&["Q9682", "Q80976"]));
    config.languages = vec!["en".into()];
    config
}

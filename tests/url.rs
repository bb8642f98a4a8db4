//! Browser tests of the question in the URL (`wikikin_view::question`), read through the
//! browser's own URI decoder. The same cases run natively in `crates/wikikin-view/tests/question.rs`.

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
use wikikin_core::{FetchMode, DEFAULT_ENDPOINT};
use wikikin_view::question::{
    from_query, read_ids, valid_lang, Ask, DEFAULT_CAP, DEFAULT_TIMEOUT_S, MAX_PEOPLE, MAX_ROOTS,
};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn query_round_trips() {
    let mut ask = Ask::new("en");
    ask.people = qs(&["Q9682", "Q80976", "Q42"]);
    ask.roots = qs(&["Q9439", "Q151305"]);
    ask.lang = "pt-br".into();
    ask.set_endpoint("http://127.0.0.1:8123/w");
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

    // Links, lower case and other separators; a duplicate counts once, and the page says so.
    let (ids, messages) = read_ids(
        "https://www.wikidata.org/wiki/Q9682|q80976 Q9682\tQ42",
        "people",
        12,
    );
    assert_eq!(ids, qs(&["Q9682", "Q80976", "Q42"]));
    assert_eq!(
        messages,
        vec!["Q9682 is given twice in people: it counts once.".to_string()]
    );

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
    // The default fetch mode for the endpoint: Wikidata's query service.
    assert_eq!(read.ask.fetch, read.ask.default_fetch());
    assert_eq!(read.ask.fetch, FetchMode::Sparql);
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

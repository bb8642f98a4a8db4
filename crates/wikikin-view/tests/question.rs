//! The question in the URL, natively: the same cases as the browser tests of `tests/url.rs` at
//! the root (which read the URL through the browser's decoder), plus the form's edits and the
//! crawl a question asks for.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use wikikin_core::{FetchMode, Qid, Question, DEFAULT_ENDPOINT};
use wikikin_view::question::{
    from_query, lang_from_browser, lookup_config, read_cap, read_ids, read_lang, valid_lang, Ask,
    Which, DEFAULT_CAP, DEFAULT_TIMEOUT_S, MAX_CAP, MAX_PEOPLE, MAX_ROOTS, PRESETS,
};

fn qs(list: &[&str]) -> Vec<Qid> {
    list.iter().filter_map(|s| s.parse().ok()).collect()
}

/// `%XX` and `+` decoded, as the router decodes a query value.
fn decode(s: &str) -> String {
    let bytes = s.replace('+', " ").into_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `a=1&b=x%2Fy` read the way the router reads it: first value of a key, percent-decoded.
fn query_getter(query: &str) -> impl Fn(&str) -> Option<String> {
    let pairs: Vec<(String, String)> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    move |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

#[test]
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

    let mut plain = Ask::new("de");
    plain.people = qs(&["Q1", "Q2"]);
    let query = plain.to_query("de");
    assert_eq!(query, "people=Q1,Q2&lang=de");
    assert_eq!(from_query(query_getter(&query), "de").ask, plain);
    assert_eq!(Ask::new("de").to_query("de"), "");
    assert_eq!(Ask::new("fr").to_query("de"), "lang=fr");
}

#[test]
fn a_thousand_ids_are_capped_with_a_message() {
    let list: Vec<String> = (1..=1000).map(|i| format!("Q{i}")).collect();
    let joined = list.join(",");
    let read = from_query(
        query_getter(&format!("people={joined}&roots={joined}")),
        "en",
    );
    assert_eq!(read.ask.people.len(), MAX_PEOPLE);
    let first: Vec<&str> = list.iter().take(MAX_PEOPLE).map(String::as_str).collect();
    assert_eq!(read.ask.people, qs(&first));
    assert_eq!(read.ask.roots.len(), MAX_ROOTS);
    assert!(read.messages.contains(&format!(
        "Too many people: the first {MAX_PEOPLE} are kept, {} more dropped.",
        1000 - MAX_PEOPLE
    )));
    assert!(read
        .messages
        .iter()
        .any(|m| m.starts_with("Too many roots")));
    assert!(read.run);
}

#[test]
fn malformed_ids_are_skipped_with_messages() {
    let (ids, messages) = read_ids("Q42, foo, Q0", "people", 12);
    assert_eq!(ids, qs(&["Q42"]));
    assert_eq!(messages.len(), 2);
    assert!(messages[0].contains("“foo”"), "{messages:?}");
    assert!(messages[1].contains("“Q0”"), "{messages:?}");
    let (ids, messages) = read_ids(
        "https://www.wikidata.org/wiki/Q9682|q80976 Q9682\tQ42",
        "people",
        12,
    );
    assert_eq!(ids, qs(&["Q9682", "Q80976", "Q42"]));
    // The same person twice counts once, and is said.
    assert_eq!(
        messages,
        vec!["Q9682 is given twice in people: it counts once."]
    );
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
    assert_eq!(read_ids(" , ,", "people", 12), (vec![], vec![]));
}

#[test]
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
        assert!(!read.run, "{bad}");
        assert_eq!(read.messages.len(), 1, "{bad}: {:?}", read.messages);
        assert!(
            read.messages[0].starts_with("The endpoint was refused and Wikidata is used instead: ")
        );
    }
    for good in ["http://127.0.0.1:8080", "https://wikibase.example.org/"] {
        let read = from_query(|k: &str| (k == "endpoint").then(|| good.to_string()), "en");
        assert!(read.messages.is_empty(), "{good}: {:?}", read.messages);
        assert!(read.ask.endpoint.starts_with(good.trim_end_matches('/')));
        assert!(!read.ask.is_default_endpoint());
    }
}

#[test]
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
    assert!(read.run);
    let read = from_query(
        query_getter("people=Q1,Q2&lang=DE&cap=%2032&fetch=EntityData"),
        "en",
    );
    assert!(read.messages.is_empty(), "{:?}", read.messages);
    assert_eq!((read.ask.lang.as_str(), read.ask.cap), ("de", 32));
    assert_eq!(read.ask.fetch, FetchMode::EntityData);
    assert!(!from_query(query_getter("people=Q1"), "en").run);
    assert!(from_query(query_getter("people=Q1&roots=Q2"), "en").run);
    assert!(!from_query(query_getter("roots=Q2"), "en").run);
}

#[test]
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

#[test]
fn the_browser_language_becomes_a_wikidata_language() {
    assert_eq!(lang_from_browser(None), "en");
    assert_eq!(lang_from_browser(Some("de-DE".into())), "de");
    assert_eq!(lang_from_browser(Some("en-US".into())), "en");
    assert_eq!(lang_from_browser(Some("pt-BR".into())), "pt-br");
    assert_eq!(lang_from_browser(Some(" zh-Hant ".into())), "zh-hant");
    assert_eq!(lang_from_browser(Some("x".into())), "en");
    assert_eq!(lang_from_browser(Some("<script>".into())), "en");
}

#[test]
fn the_forms_language_and_cap_fields() {
    assert_eq!(read_lang(" DE "), Ok("de".to_string()));
    assert_eq!(
        read_lang("Deutsch!"),
        Err("“deutsch!” is not a language code like en or de.".to_string())
    );
    let long = read_lang(&"x".repeat(100)).unwrap_err();
    assert!(long.contains(&format!("“{}”", "x".repeat(20))), "{long}");
    assert_eq!(read_cap("4"), Some(4));
    assert_eq!(read_cap("0"), Some(1));
    assert_eq!(read_cap("1000"), Some(MAX_CAP));
    assert_eq!(read_cap("many"), None);
}

#[test]
fn adding_and_removing_people_and_roots() {
    let mut ask = Ask::new("en");
    assert_eq!(ask.add(Which::People, Qid(1)), Ok(()));
    assert_eq!(
        ask.add(Which::People, Qid(1)),
        Ok(()),
        "already there: nothing"
    );
    assert_eq!(ask.list(Which::People), &[Qid(1)]);
    for i in 2..=MAX_ROOTS as u64 + 1 {
        let _ = ask.add(Which::Roots, Qid(i));
    }
    assert_eq!(ask.roots.len(), MAX_ROOTS);
    assert_eq!(
        ask.add(Which::Roots, Qid(100)),
        Err(format!("At most {MAX_ROOTS} here."))
    );
    assert!(!ask.roots.contains(&Qid(100)));
    ask.remove(Which::Roots, Qid(2));
    assert_eq!(ask.roots.len(), MAX_ROOTS - 1);
    assert!(!ask.roots.contains(&Qid(2)));
    assert_eq!(
        ask.list(Which::People),
        &[Qid(1)],
        "the other list is untouched"
    );
    assert_eq!((Which::People.id(), Which::Roots.id()), ("people", "roots"));
    assert_eq!(
        (Which::People.max(), Which::Roots.max()),
        (MAX_PEOPLE, MAX_ROOTS)
    );
}

#[test]
fn presets_are_runnable_questions() {
    assert_eq!(PRESETS.len(), 3);
    for p in PRESETS {
        let mut ask = Ask::new("en");
        ask.people = qs(&["Q5"]);
        ask.apply(p);
        assert_eq!(ask.people.len(), p.people.len(), "{}", p.title);
        assert_eq!(ask.roots.len(), p.roots.len(), "{}", p.title);
        assert_eq!(ask.check(), Ok(()), "{}", p.title);
    }
    let mut ask = Ask::new("en");
    ask.apply(&PRESETS[1]);
    assert_eq!(ask.people, qs(&["Q9682", "Q80976"]));
    assert_eq!(ask.roots, qs(&["Q9439", "Q151305"]));
    assert!(ask.explores());
}

#[test]
fn the_crawl_a_question_asks_for() {
    let mut ask = Ask::new("fr");
    ask.people = qs(&["Q1", "Q2"]);
    ask.fetch = FetchMode::EntityData;
    ask.timeout_s = 7;
    let c = ask.crawl_config();
    assert_eq!(
        c.question,
        Question::Relate {
            people: qs(&["Q1", "Q2"])
        }
    );
    assert_eq!(c.languages, vec!["fr".to_string()]);
    assert_eq!(c.fetch, FetchMode::EntityData);
    assert_eq!(ask.timeout_ms(), 7_000);
    ask.roots = qs(&["Q3"]);
    assert_eq!(
        ask.crawl_config().question,
        Question::Explore {
            roots: qs(&["Q3"]),
            targets: qs(&["Q1", "Q2"])
        }
    );

    let lookup = lookup_config(qs(&["Q1", "Q2"]), "de");
    assert_eq!(lookup.max_generations, 0);
    assert!(!lookup.children_fallback);
    assert_eq!(
        lookup.question,
        Question::Explore {
            roots: qs(&["Q1", "Q2"]),
            targets: qs(&["Q1", "Q2"])
        }
    );
    assert_eq!(lookup.languages, vec!["de".to_string()]);
}

#[test]
fn checking_a_question_explains_what_is_missing() {
    let mut ask = Ask::new("en");
    assert_eq!(
        ask.check(),
        Err("Add at least two people to relate (or a root to explore from).".into())
    );
    ask.roots = qs(&["Q1"]);
    assert_eq!(
        ask.check(),
        Err("Add at least one person to reach from the roots.".into())
    );
    ask.people = qs(&["Q2"]);
    assert_eq!(ask.check(), Ok(()));
}

#[test]
fn other_wikibases_by_name_by_host_and_by_property_ids() {
    use wikikin_core::{Pid, PropRole};
    // By name: FactGrid's endpoint, property ids and query service.
    let u = from_query(query_getter("people=Q1,Q2&wikibase=factgrid"), "en");
    assert!(u.run, "{:?}", u.messages);
    assert_eq!(u.ask.endpoint, "https://database.factgrid.de");
    assert_eq!(u.ask.props.father, Some(Pid(141)));
    assert_eq!(u.ask.source_name(), "FactGrid");
    assert_eq!(
        u.ask.page_url(Qid(42)),
        "https://database.factgrid.de/wiki/Item:Q42"
    );
    let c = u.ask.crawl_config();
    assert_eq!(c.props.child, Some(Pid(150)));
    assert_eq!(c.iris.entity, "https://database.factgrid.de/entity/");
    assert_eq!(
        c.sparql.as_deref(),
        Some("https://database.factgrid.de/sparql")
    );
    // What it cannot show, in words (FactGrid's male item is not confirmed).
    assert_eq!(u.ask.props.missing(), vec![PropRole::Male]);
    assert!(u.ask.cannot_show()[0].contains("No male property is known for FactGrid"));
    // By host: the same instance, and the link keeps the question.
    let h = from_query(
        query_getter("people=Q1,Q2&endpoint=https://database.factgrid.de"),
        "en",
    );
    assert_eq!(h.ask.instance.as_ref().map(|i| i.key), Some("factgrid"));
    let again = from_query(query_getter(&h.ask.to_query("en")), "en");
    assert_eq!(again.ask, h.ask);
    // A replica serving FactGrid's ids on loopback: named by wikibase=, the endpoint kept.
    let r = from_query(
        query_getter("people=Q1,Q2&endpoint=http://127.0.0.1:8090&wikibase=factgrid"),
        "en",
    );
    assert_eq!(r.ask.endpoint, "http://127.0.0.1:8090");
    assert_eq!(r.ask.props.spouse, Some(Pid(84)));
    assert_eq!(
        r.ask.sparql, None,
        "FactGrid's query service is not the replica's"
    );
    let back = from_query(query_getter(&r.ask.to_query("en")), "en");
    assert_eq!(back.ask, r.ask);
    // Any other instance through props=, kept in shared links.
    let o = from_query(
        query_getter("people=Q1,Q2&endpoint=https://wiki.example.org&props=father:P7,mother:P8,child:P9,spouse:P10"),
        "en",
    );
    assert!(o.run, "{:?}", o.messages);
    assert!(o.ask.instance.is_none());
    assert_eq!(
        (o.ask.props.father, o.ask.props.spouse),
        (Some(Pid(7)), Some(Pid(10)))
    );
    let back = from_query(query_getter(&o.ask.to_query("en")), "en");
    assert_eq!(back.ask.props, o.ask.props);
}

#[test]
fn wrong_props_and_query_services_are_words_never_a_blank() {
    let u = from_query(query_getter("people=Q1,Q2&props=father=P1,uncle:P2"), "en");
    assert!(!u.run, "a question with refused props is not run by itself");
    assert!(
        u.messages.iter().any(|m| m.contains("is not key:id")),
        "{:?}",
        u.messages
    );
    assert!(u
        .messages
        .iter()
        .any(|m| m.contains("“uncle” is not one of")));
    assert!(u.messages.iter().any(|m| m.contains("props was not used")));
    let s = from_query(
        query_getter("people=Q1,Q2&sparql=javascript:alert(1)"),
        "en",
    );
    assert!(s
        .messages
        .iter()
        .any(|m| m.starts_with("The query service was refused")));
    // fetch=sparql needs a query service: Wikidata has one; an unknown endpoint has none.
    let w = from_query(query_getter("people=Q1,Q2&fetch=sparql"), "en");
    assert_eq!(w.ask.fetch, FetchMode::Sparql);
    assert_eq!(
        w.ask.sparql.as_deref(),
        Some("https://query.wikidata.org/sparql")
    );
    let n = from_query(
        query_getter("people=Q1,Q2&endpoint=http://127.0.0.1:8090&fetch=sparql"),
        "en",
    );
    assert_eq!(n.ask.fetch, FetchMode::GetEntities);
    assert!(n
        .messages
        .iter()
        .any(|m| m.contains("No query service is known")));
    let g = from_query(
        query_getter("people=Q1,Q2&endpoint=http://127.0.0.1:8090&sparql=http://127.0.0.1:8090/sparql&fetch=sparql"),
        "en",
    );
    assert_eq!(g.ask.fetch, FetchMode::Sparql);
    assert_eq!(
        from_query(query_getter(&g.ask.to_query("en")), "en").ask,
        g.ask
    );
    let bad = from_query(query_getter("people=Q1,Q2&wikibase=mystery"), "en");
    assert!(bad
        .messages
        .iter()
        .any(|m| m.contains("not a Wikibase wikikin knows")));
}

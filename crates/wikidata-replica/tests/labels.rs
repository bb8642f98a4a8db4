//! Labels in the eight languages (en, de, fr, es, nl, sv, nb, da): in the entity JSON
//! (`languages=` honoured, `props=labels` alone), and in SPARQL (`rdfs:label` with language
//! tags, the label service's language chain).

mod common;

use wikidata_replica::{Options, Replica, Request};

const LANGS: [&str; 8] = ["en", "de", "fr", "es", "nl", "sv", "nb", "da"];

/// Elizabeth II, Wilhelm II and Christian IX in each language.
const EXPECTED: &[(&str, [&str; 8])] = &[
    (
        "Q9682",
        [
            "Elizabeth II",
            "Elisabeth II.",
            "Élisabeth II",
            "Isabel II",
            "Elizabeth II",
            "Elizabeth II",
            "Elizabeth II",
            "Elizabeth II",
        ],
    ),
    (
        "Q2677",
        [
            "Wilhelm II",
            "Wilhelm II.",
            "Guillaume II",
            "Guillermo II de Alemania",
            "Wilhelm II van Duitsland",
            "Vilhelm II",
            "Wilhelm II",
            "Wilhelm 2.",
        ],
    ),
    (
        "Q151305",
        [
            "Christian IX of Denmark",
            "Christian IX.",
            "Christian IX",
            "Cristián IX de Dinamarca",
            "Christiaan IX van Denemarken",
            "Kristian IX",
            "Christian IX",
            "Christian 9.",
        ],
    ),
];

fn enc(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

fn ask(r: &Replica, q: &str) -> Vec<serde_json::Value> {
    let pq = format!("/sparql?query={}", enc(q));
    let resp = r.respond_request(&Request {
        method: "GET",
        path_and_query: &pq,
        ..Request::default()
    });
    assert_eq!(resp.status, 200, "{q}: {}", resp.text());
    resp.json().unwrap()["results"]["bindings"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_language_in_entity_json() {
    let r = common::royal(Options::default());
    for (id, labels) in EXPECTED {
        let j = r
            .respond("GET", &format!("/wiki/Special:EntityData/{id}.json"))
            .json()
            .unwrap();
        for (lang, want) in LANGS.iter().zip(labels) {
            assert_eq!(
                j["entities"][id]["labels"][lang],
                serde_json::json!({"language": lang, "value": want}),
                "{id} {lang}"
            );
        }
        // wbgetentities with languages=: only those.
        for lang in LANGS {
            let j = r
                .respond(
                    "GET",
                    &format!("/w/api.php?action=wbgetentities&ids={id}&props=labels&languages={lang}&format=json"),
                )
                .json()
                .unwrap();
            let got = j["entities"][id]["labels"].as_object().unwrap();
            assert_eq!(got.keys().collect::<Vec<_>>(), vec![lang], "{id}");
        }
    }
}

#[test]
fn labels_only_request_returns_only_labels() {
    let r = common::royal(Options::default());
    let resp = r.respond(
        "GET",
        "/w/api.php?action=wbgetentities&ids=Q9682|Q80976|Q9439&props=labels&languages=de|sv|en&format=json",
    );
    let o = common::ordered(&resp.body);
    for id in ["Q9682", "Q80976", "Q9439"] {
        let e = o.get("entities").unwrap().get(id).unwrap();
        assert_eq!(e.keys(), vec!["type", "id", "labels"], "{id}");
        assert_eq!(e.get("labels").unwrap().keys(), vec!["en", "de", "sv"]);
    }
    let j = resp.json().unwrap();
    assert_eq!(
        j["entities"]["Q80976"]["labels"]["de"]["value"],
        "Prinz Philip, Duke of Edinburgh"
    );
    // A labels-only answer is much smaller than the whole entity.
    let all = r.respond(
        "GET",
        "/w/api.php?action=wbgetentities&ids=Q9682|Q80976|Q9439&format=json",
    );
    assert!(resp.body.len() * 4 < all.body.len());
}

#[test]
fn others_have_replica_labels_in_some_languages() {
    let r = common::royal(Options::default());
    let people = r.people();
    let mut per_lang = [0usize; 8];
    let mut by_rule = 0;
    for chunk in people.chunks(50) {
        let ids: Vec<&str> = chunk.iter().map(|p| p.qid.as_str()).collect();
        let j = r
            .respond(
                "GET",
                &format!(
                    "/w/api.php?action=wbgetentities&ids={}&props=labels&format=json",
                    ids.join("|")
                ),
            )
            .json()
            .unwrap();
        for e in j["entities"].as_object().unwrap().values() {
            let en = e["labels"]["en"]["value"].as_str().unwrap_or("");
            if let (Some(de), false) = (e["labels"]["de"]["value"].as_str(), en.contains(", ")) {
                let own = e["id"].as_str().is_some_and(|i| i.starts_with("Q9000"));
                if own && en.contains(" of ") {
                    // "of Place" by rule: "von Place", the place in German where known.
                    assert!(de.contains(" von ") && !de.contains(" of "), "{en} → {de}");
                    if en.ends_with(" of Denmark") {
                        assert!(de.ends_with(" von Dänemark"), "{en} → {de}");
                    }
                    by_rule += 1;
                }
            }
            for (k, lang) in LANGS.iter().enumerate() {
                if e["labels"].get(*lang).is_some() {
                    per_lang[k] += 1;
                }
            }
        }
    }
    let n = per_lang[0];
    assert!(n > 2900, "{per_lang:?}");
    // About a third of people have every language, two thirds German and French.
    for (k, c) in per_lang.iter().enumerate().skip(1) {
        let share = *c as f64 / n as f64;
        let want = if k <= 2 { 0.67 } else { 0.33 };
        assert!((share - want).abs() < 0.05, "{}: {share}", LANGS[k]);
    }
    assert!(by_rule > 100, "{by_rule} German labels made by rule");
}

#[test]
fn sparql_labels_with_language_tags_and_the_label_service_chain() {
    let r = common::royal(Options::default());
    for (id, labels) in EXPECTED {
        let rows = ask(&r, &format!("SELECT ?l WHERE {{ wd:{id} rdfs:label ?l }}"));
        let mut got: Vec<(String, String)> = rows
            .iter()
            .map(|b| {
                (
                    b["l"]["xml:lang"].as_str().unwrap().to_string(),
                    b["l"]["value"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        got.sort();
        let mut want: Vec<(String, String)> = LANGS
            .iter()
            .zip(labels)
            .map(|(l, v)| (l.to_string(), v.to_string()))
            .collect();
        want.sort();
        assert_eq!(got, want, "{id}");
        for (lang, label) in LANGS.iter().zip(labels) {
            let q = format!(
                "SELECT ?xLabel WHERE {{ VALUES ?x {{ wd:{id} }} SERVICE wikibase:label {{ bd:serviceParam wikibase:language \"{lang},en\". }} }}"
            );
            let rows = ask(&r, &q);
            assert_eq!(rows[0]["xLabel"]["value"], *label, "{id} {lang}");
        }
    }
    // The chain: Italian is missing, so the next language answers.
    let q = "SELECT ?xLabel WHERE { VALUES ?x { wd:Q9682 } SERVICE wikibase:label { bd:serviceParam wikibase:language \"it,sv,en\". } }";
    assert_eq!(ask(&r, q)[0]["xLabel"]["value"], "Elizabeth II");
    let q = "SELECT ?xLabel WHERE { VALUES ?x { wd:Q9682 } SERVICE wikibase:label { bd:serviceParam wikibase:language \"it,es,en\". } }";
    assert_eq!(ask(&r, q)[0]["xLabel"]["value"], "Isabel II");
}

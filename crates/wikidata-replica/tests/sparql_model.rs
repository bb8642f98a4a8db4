//! The RDF behind `/sparql`: Wikidata's model as WDQS shows it, the quirks included, and the
//! same facts as the entity JSON.

mod common;

use std::collections::BTreeSet;

use wikidata_replica::{Options, Replica, Request};

const WD: &str = "http://www.wikidata.org/entity/";

fn enc(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

fn ask(r: &Replica, q: &str) -> serde_json::Value {
    let pq = format!("/sparql?query={}", enc(q));
    let resp = r.respond_request(&Request {
        method: "GET",
        path_and_query: &pq,
        ..Request::default()
    });
    assert_eq!(resp.status, 200, "{q}: {}", resp.text());
    resp.json().unwrap()
}

fn rows(j: &serde_json::Value, vars: &[&str]) -> BTreeSet<Vec<String>> {
    j["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            vars.iter()
                .map(|v| {
                    b[*v]["value"]
                        .as_str()
                        .unwrap_or("")
                        .trim_start_matches(WD)
                        .to_string()
                })
                .collect()
        })
        .collect()
}

fn quirky() -> (Replica, Vec<serde_json::Value>) {
    let r = common::royal(Options {
        quirks: true,
        seed: 1,
        ..Options::default()
    });
    let q = r.respond("GET", "/__replica/quirks").json().unwrap();
    let list = q.as_array().unwrap().clone();
    (r, list)
}

fn with<'a>(list: &'a [serde_json::Value], quirk: &str) -> Vec<&'a serde_json::Value> {
    list.iter()
        .filter(|row| row["quirks"].as_array().unwrap().iter().any(|q| q == quirk))
        .collect()
}

#[test]
fn one_sided_child_found_by_reverse_parent_not_by_p40() {
    let (r, list) = quirky();
    assert!(with(&list, "one_sided")
        .iter()
        .any(|row| row["qid"] == "Q43274"));
    let mothers = rows(&ask(&r, "SELECT ?m { wd:Q43274 wdt:P25 ?m }"), &["m"]);
    assert_eq!(mothers.len(), 1);
    let m = &mothers.iter().next().unwrap()[0];
    let by_mother = rows(
        &ask(&r, &format!("SELECT ?c {{ ?c wdt:P25 wd:{m} }}")),
        &["c"],
    );
    assert!(by_mother.contains(&vec!["Q43274".to_string()]));
    let by_p40 = rows(
        &ask(&r, &format!("SELECT ?c {{ wd:{m} wdt:P40 ?c }}")),
        &["c"],
    );
    assert!(!by_p40.is_empty(), "her other children are listed");
    assert!(!by_p40.contains(&vec!["Q43274".to_string()]));
}

#[test]
fn ranks_redirects_deletions_duplicates_and_unknown_values() {
    let (r, list) = quirky();
    // Deprecated father: wdt: has only the preferred one; p:/ps: have both, with their ranks.
    let x = with(&list, "deprecated_father")[0]["qid"]
        .as_str()
        .unwrap()
        .to_string();
    let truthy = rows(
        &ask(&r, &format!("SELECT ?f {{ wd:{x} wdt:P22 ?f }}")),
        &["f"],
    );
    assert_eq!(truthy.len(), 1);
    let ranked = rows(
        &ask(&r, &format!("SELECT ?f ?rank ?why {{ wd:{x} p:P22 ?s . ?s ps:P22 ?f ; wikibase:rank ?rank . OPTIONAL {{ ?s pq:P2241 ?why }} }}")),
        &["f", "rank", "why"],
    );
    assert_eq!(ranked.len(), 2, "{ranked:?}");
    let preferred: Vec<_> = ranked
        .iter()
        .filter(|r| r[1].ends_with("#PreferredRank"))
        .collect();
    let deprecated: Vec<_> = ranked
        .iter()
        .filter(|r| r[1].ends_with("#DeprecatedRank"))
        .collect();
    assert_eq!((preferred.len(), deprecated.len()), (1, 1));
    assert_eq!(truthy.iter().next().unwrap()[0], preferred[0][0]);
    assert_eq!(deprecated[0][2], "Q41755623");

    // Redirect: owl:sameAs from the old id to the new.
    let row = with(&list, "redirected")[0];
    let (old, new) = (
        row["redirect_from"].as_str().unwrap(),
        row["qid"].as_str().unwrap(),
    );
    let same = ask(&r, &format!("ASK {{ wd:{old} owl:sameAs wd:{new} }}"));
    assert_eq!(same["boolean"], true);

    // Deleted: no triples about it.
    let del = with(&list, "deleted")[0]["qid"].as_str().unwrap();
    assert_eq!(
        ask(&r, &format!("ASK {{ wd:{del} ?p ?o }}"))["boolean"],
        false
    );
    assert_eq!(
        ask(&r, &format!("ASK {{ ?s ?p wd:{del} }}"))["boolean"],
        true,
        "still linked to"
    );

    // Duplicates: once in wdt:, twice as statements.
    let d = with(&list, "duplicate")[0]["qid"].as_str().unwrap();
    let n = |q: String| ask(&r, &q)["results"]["bindings"][0]["n"]["value"].clone();
    assert_eq!(
        n(format!("SELECT (COUNT(*) AS ?n) {{ wd:{d} wdt:P31 ?c }}")),
        "1"
    );
    assert_eq!(
        n(format!("SELECT (COUNT(*) AS ?n) {{ wd:{d} p:P31 ?s }}")),
        "2"
    );

    // Unknown father: a skolem IRI that wikibase:isSomeValue recognises; no mother: wdno:P25.
    let some = rows(
        &ask(
            &r,
            "SELECT ?x ?f { ?x wdt:P22 ?f FILTER wikibase:isSomeValue(?f) }",
        ),
        &["x", "f"],
    );
    assert!(!some.is_empty());
    for row in &some {
        assert!(
            row[1].starts_with("http://www.wikidata.org/.well-known/genid/"),
            "{row:?}"
        );
        let e = r
            .respond("GET", &format!("/wiki/Special:EntityData/{}.json", row[0]))
            .json()
            .unwrap();
        assert_eq!(
            e["entities"][&row[0]]["claims"]["P22"][0]["mainsnak"]["snaktype"],
            "somevalue"
        );
    }
    let none = rows(&ask(&r, "SELECT ?x { ?x a wdno:P25 }"), &["x"]);
    assert!(!none.is_empty());
    assert_eq!(
        n("SELECT (COUNT(*) AS ?n) { ?x a wdno:P25 . ?x wdt:P25 ?m }".into()),
        "0"
    );
}

/// Every family link in the store is the one the entity JSON gives (best rank), for everyone.
#[test]
fn the_store_says_what_the_json_says() {
    let (r, _) = quirky();
    for prop in ["P22", "P25", "P40", "P26"] {
        let sparql = rows(
            &ask(
                &r,
                &format!("SELECT ?x ?y {{ ?x wdt:{prop} ?y FILTER(!wikibase:isSomeValue(?y)) }}"),
            ),
            &["x", "y"],
        );
        let mut json = BTreeSet::new();
        for p in r.people() {
            let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{}.json", p.qid));
            if resp.status != 200 {
                continue;
            }
            let e = resp.json().unwrap();
            let claims = e["entities"][&p.qid]["claims"][prop]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let best = if claims.iter().any(|c| c["rank"] == "preferred") {
                "preferred"
            } else {
                "normal"
            };
            for c in claims.iter().filter(|c| c["rank"] == best) {
                if let Some(id) = c["mainsnak"]["datavalue"]["value"]["id"].as_str() {
                    json.insert(vec![p.qid.clone(), id.to_string()]);
                }
            }
        }
        assert!(!json.is_empty());
        assert_eq!(sparql, json, "{prop}");
    }
    // Dates and images as WDQS writes them.
    let j = ask(
        &r,
        "SELECT ?b ?img { wd:Q9439 wdt:P569 ?b . OPTIONAL { wd:Q9439 wdt:P18 ?img } }",
    );
    let b = &j["results"]["bindings"][0]["b"];
    assert_eq!(b["value"], "1819-05-24T00:00:00Z");
    assert_eq!(b["datatype"], "http://www.w3.org/2001/XMLSchema#dateTime");
    let imgs = rows(&ask(&r, "SELECT ?i { ?x wdt:P18 ?i } LIMIT 5"), &["i"]);
    for i in imgs {
        assert!(
            i[0].starts_with("http://commons.wikimedia.org/wiki/Special:FilePath/"),
            "{i:?}"
        );
        assert!(!i[0].contains(' '), "{i:?}");
    }
}

//! The fixtures for bad people, always served: an item that is not a human (Q700000001, a
//! horse), a building (Q700000002) and a redirect to it (Q700000003), a deleted id
//! (Q700000004); and every person is a human (P31 = Q5) in the JSON and in SPARQL.

mod common;

use wikidata_replica::{Options, Replica, Request, Statements};

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

fn p31(entity: &serde_json::Value) -> Vec<String> {
    entity["claims"]["P31"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    s["mainsnak"]["datavalue"]["value"]["id"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn not_a_human_through_entity_data_and_wbgetentities() {
    let r = common::royal(Options::default());
    let resp = r.respond("GET", "/wiki/Special:EntityData/Q700000001.json");
    assert_eq!(resp.status, 200);
    let j = resp.json().unwrap();
    let e = &j["entities"]["Q700000001"];
    assert_eq!(e["type"], "item");
    assert_eq!(e["labels"]["en"]["value"], "Copenhagen");
    assert_eq!(p31(e), vec!["Q726"], "a horse");
    // Same keys, in the same order, as a person's entity.
    let o = common::ordered(&resp.body);
    let person = r.respond("GET", "/wiki/Special:EntityData/Q9682.json");
    let po = common::ordered(&person.body);
    assert_eq!(
        o.get("entities").unwrap().get("Q700000001").unwrap().keys(),
        po.get("entities").unwrap().get("Q9682").unwrap().keys()
    );

    let j = r
        .respond(
            "GET",
            "/w/api.php?action=wbgetentities&ids=Q700000001|Q700000002|Q9682&props=labels|claims&languages=en&format=json",
        )
        .json()
        .unwrap();
    assert_eq!(
        p31(&j["entities"]["Q700000002"]),
        vec!["Q41176"],
        "a building"
    );
    assert_eq!(p31(&j["entities"]["Q9682"]), vec!["Q5"]);
    assert_eq!(
        j["entities"]["Q700000002"]["labels"]["en"]["value"],
        "Sandringham House"
    );
}

#[test]
fn redirect_to_a_non_human() {
    let r = common::royal(Options::default());
    let j = r
        .respond(
            "GET",
            "/w/api.php?action=wbgetentities&ids=Q700000003&format=json",
        )
        .json()
        .unwrap();
    let e = &j["entities"]["Q700000003"];
    assert_eq!(e["id"], "Q700000002");
    assert_eq!(
        e["redirects"],
        serde_json::json!({"from":"Q700000003","to":"Q700000002"})
    );
    assert_eq!(p31(e), vec!["Q41176"]);
    let j = r
        .respond("GET", "/wiki/Special:EntityData/Q700000003.json")
        .json()
        .unwrap();
    assert_eq!(j["entities"]["Q700000002"]["id"], "Q700000002");
    let rows = ask(&r, "SELECT ?t WHERE { wd:Q700000003 owl:sameAs ?t }");
    assert_eq!(
        rows[0]["t"]["value"],
        "http://www.wikidata.org/entity/Q700000002"
    );
}

#[test]
fn deleted_id_is_missing_everywhere() {
    let r = common::royal(Options::default());
    let j = r
        .respond(
            "GET",
            "/w/api.php?action=wbgetentities&ids=Q700000004|Q9682&format=json",
        )
        .json()
        .unwrap();
    assert_eq!(
        j["entities"]["Q700000004"],
        serde_json::json!({"id":"Q700000004","missing":""})
    );
    assert_eq!(j["success"], 1);
    let resp = r.respond("GET", "/wiki/Special:EntityData/Q700000004.json");
    assert_eq!(resp.status, 404);
    assert!(resp.text().contains("No entity with ID Q700000004"));
    assert!(ask(&r, "SELECT * WHERE { wd:Q700000004 ?p ?o }").is_empty());
    assert!(ask(&r, "SELECT * WHERE { ?s ?p wd:Q700000004 }").is_empty());
}

#[test]
fn fixtures_in_sparql_in_both_statement_models() {
    for statements in [Statements::Full, Statements::Ranked] {
        let r = common::royal(Options {
            statements,
            ..Options::default()
        });
        let rows = ask(
            &r,
            "SELECT ?c ?l WHERE { wd:Q700000001 wdt:P31 ?c ; rdfs:label ?l . FILTER(LANG(?l) = \"en\") }",
        );
        assert_eq!(rows.len(), 1, "{statements:?}");
        assert_eq!(rows[0]["c"]["value"], "http://www.wikidata.org/entity/Q726");
        assert_eq!(rows[0]["l"]["value"], "Copenhagen");
        // Not a human, and not counted among the humans.
        assert!(ask(&r, "SELECT * { wd:Q700000001 wdt:P31 wd:Q5 }").is_empty());
        let humans = ask(
            &r,
            "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x wdt:P31 wd:Q5 }",
        );
        assert_eq!(
            humans[0]["n"]["value"]
                .as_str()
                .unwrap()
                .parse::<usize>()
                .unwrap(),
            r.person_count(),
            "{statements:?}: every person is a human"
        );
    }
}

#[test]
fn every_person_is_a_human_in_json() {
    let r = common::royal(Options {
        quirks: true,
        seed: 1,
        ..Options::default()
    });
    let people = r.people();
    for chunk in people.chunks(50) {
        let ids: Vec<&str> = chunk.iter().map(|p| p.qid.as_str()).collect();
        let j = r
            .respond(
                "GET",
                &format!(
                    "/w/api.php?action=wbgetentities&ids={}&props=claims&format=json",
                    ids.join("|")
                ),
            )
            .json()
            .unwrap();
        for (id, e) in j["entities"].as_object().unwrap() {
            if e.get("missing").is_some() {
                continue; // the deleted quirk
            }
            let v = p31(e);
            assert!(!v.is_empty() && v.iter().all(|c| c == "Q5"), "{id}: {v:?}");
        }
    }
}

#[test]
fn csv_may_not_use_a_fixture_id() {
    let ged = b"0 HEAD\n0 @I1@ INDI\n1 NAME A /B/\n0 TRLR\n";
    let e = Replica::from_gedcom_bytes(
        ged,
        &[("I1".into(), 700_000_001, "X".into())],
        Options::default(),
    )
    .err()
    .unwrap();
    assert!(e.contains("fixed items"), "{e}");
}

//! `--wikibase factgrid`: FactGrid's property and item ids and IRIs, in the JSON and in SPARQL.

mod common;

use std::sync::Arc;

use common::get;
use wikidata_replica::server::{spawn, NetOptions};
use wikidata_replica::{instance, Options};

fn factgrid() -> Options {
    Options {
        instance: &instance::FACTGRID,
        ..Options::default()
    }
}

fn enc(q: &str) -> String {
    form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

#[test]
fn entity_json_uses_factgrids_ids() {
    let r = common::royal(factgrid());
    let e = r
        .respond("GET", "/wiki/Special:EntityData/Q9682.json")
        .json()
        .unwrap();
    let claims = &e["entities"]["Q9682"]["claims"];
    for p in ["P2", "P141", "P142", "P84", "P150", "P154", "P77"] {
        assert!(claims.get(p).is_some(), "{p} missing: {claims}");
    }
    for p in ["P31", "P21", "P22", "P25", "P26", "P40", "P569"] {
        assert!(claims.get(p).is_none(), "Wikidata's {p} present");
    }
    assert_eq!(
        claims["P2"][0]["mainsnak"]["datavalue"]["value"]["id"],
        "Q7"
    );
    assert_eq!(
        claims["P154"][0]["mainsnak"]["datavalue"]["value"]["id"],
        "Q17"
    );
    assert_eq!(claims["P142"][0]["mainsnak"]["property"], "P142");
    assert_eq!(claims["P77"][0]["mainsnak"]["datatype"], "time");
    assert_eq!(
        claims["P84"][0]["mainsnak"]["datavalue"]["value"]["id"],
        "Q80976"
    );
    // Men have no gender statement: FactGrid's male item is not confirmed (see instance.rs).
    let philip = r
        .respond("GET", "/wiki/Special:EntityData/Q80976.json")
        .json()
        .unwrap();
    assert!(philip["entities"]["Q80976"]["claims"].get("P154").is_none());
    let s = r
        .respond(
            "GET",
            "/w/api.php?action=wbsearchentities&search=victoria&language=en&format=json",
        )
        .json()
        .unwrap();
    let uri = s["search"][0]["concepturi"].as_str().unwrap();
    assert!(
        uri.starts_with("https://database.factgrid.de/entity/Q"),
        "{uri}"
    );
}

#[test]
fn sparql_with_fgt_finds_victorias_children() {
    let s = spawn(
        Arc::new(common::royal(factgrid())),
        NetOptions::default(),
        0,
    )
    .unwrap();
    let kids = |q: &str| {
        let r = get(&s.url(), &format!("/sparql?query={}", enc(q)));
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let j = r.json();
        j["results"]["bindings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["c"]["value"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let by_fgt = kids("SELECT ?c WHERE { ?c fgt:P142 fg:Q9439 }");
    assert_eq!(by_fgt.len(), 9);
    assert!(by_fgt
        .iter()
        .all(|c| c.starts_with("https://database.factgrid.de/entity/Q")));
    // FactGrid's query service binds wd:/wdt: to its own IRIs too.
    let mut by_wdt = kids("SELECT ?c WHERE { ?c wdt:P142 wd:Q9439 }");
    let mut sorted = by_fgt.clone();
    sorted.sort();
    by_wdt.sort();
    assert_eq!(by_wdt, sorted);
    assert!(kids("SELECT ?c WHERE { ?c wdt:P25 wd:Q9439 }").is_empty());
    let full = kids("SELECT ?c WHERE { ?c <https://database.factgrid.de/prop/direct/P142> <https://database.factgrid.de/entity/Q9439> ; <https://database.factgrid.de/prop/direct/P2> fg:Q7 }");
    assert_eq!(full.len(), 9);
}

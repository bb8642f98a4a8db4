//! `--sources mixed`: references, doubts, adoptive parents, second fathers and impossible dates,
//! deterministic from the seed, in the entity JSON as Wikidata models them and in SPARQL as the
//! RDF dump does (`prov:wasDerivedFrom`, `pr:`, `pq:`).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use wikidata_replica::{Options, Replica, Request, Statements};

const FAMILY: [&str; 4] = ["P22", "P25", "P26", "P40"];
const SOURCES: [&str; 3] = ["Q21401824", "Q19847326", "Q700000010"];

fn mixed(seed: u64, statements: Statements) -> Replica {
    common::royal(Options {
        sources_mixed: true,
        seed,
        statements,
        ..Options::default()
    })
}

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

/// Every person's entity JSON, by id.
fn entities(r: &Replica) -> BTreeMap<String, serde_json::Value> {
    let mut out = BTreeMap::new();
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
        for (k, v) in j["entities"].as_object().unwrap() {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

fn item(snak: &serde_json::Value) -> String {
    snak["datavalue"]["value"]["id"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[derive(Default, Debug)]
struct Tally {
    statements: usize,
    stated_in: usize,
    url: usize,
    retrieved: usize,
    imported_only: usize,
    none: usize,
    disputed: usize,
    presumably: usize,
    adoptive: BTreeSet<(String, String)>,
    /// (statement id, source) of every P248.
    p248: BTreeSet<(String, String)>,
}

fn tally(ents: &BTreeMap<String, serde_json::Value>) -> Tally {
    let mut t = Tally::default();
    for (id, e) in ents {
        for prop in FAMILY {
            for st in e["claims"][prop].as_array().into_iter().flatten() {
                if st["mainsnak"]["snaktype"] != "value" {
                    continue;
                }
                t.statements += 1;
                let refs = st.get("references").and_then(|r| r.as_array());
                let refs = refs.cloned().unwrap_or_default();
                if refs.is_empty() {
                    t.none += 1;
                }
                let mut only_imported = !refs.is_empty();
                for r in &refs {
                    let hash = r["hash"].as_str().unwrap();
                    assert_eq!(hash.len(), 40, "{id}");
                    assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
                    let snaks = r["snaks"].as_object().unwrap();
                    let order: Vec<&str> = r["snaks-order"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap())
                        .collect();
                    let keys: BTreeSet<&str> = snaks.keys().map(|k| k.as_str()).collect();
                    assert_eq!(keys, order.iter().copied().collect(), "{id}: snaks-order");
                    if let Some(s) = snaks.get("P248") {
                        t.stated_in += 1;
                        assert_eq!(s[0]["datatype"], "wikibase-item");
                        let src = item(&s[0]);
                        assert!(SOURCES.contains(&src.as_str()), "{src}");
                        t.p248.insert((st["id"].as_str().unwrap().to_string(), src));
                    }
                    if let Some(s) = snaks.get("P854") {
                        t.url += 1;
                        assert_eq!(s[0]["datatype"], "url");
                        let u = s[0]["datavalue"]["value"].as_str().unwrap();
                        assert!(u.starts_with("https://"), "{u}");
                    }
                    if let Some(s) = snaks.get("P813") {
                        t.retrieved += 1;
                        let v = &s[0]["datavalue"];
                        assert_eq!(v["type"], "time");
                        assert_eq!(v["value"]["precision"], 11);
                        assert!(v["value"]["time"].as_str().unwrap().starts_with("+20"));
                        assert_eq!(
                            v["value"]["calendarmodel"],
                            "http://www.wikidata.org/entity/Q1985727"
                        );
                    }
                    if snaks.keys().any(|k| k != "P143") {
                        only_imported = false;
                    } else {
                        assert_eq!(item(&snaks["P143"][0]), "Q328");
                    }
                }
                if only_imported {
                    t.imported_only += 1;
                }
                for q in st["qualifiers"]["P1480"].as_array().into_iter().flatten() {
                    match item(q).as_str() {
                        "Q18912752" => t.disputed += 1,
                        "Q18122778" => t.presumably += 1,
                        _ => {}
                    }
                }
                if let Some(q) = st["qualifiers"]["P1039"].as_array() {
                    assert!(st["qualifiers-order"]
                        .as_array()
                        .unwrap()
                        .contains(&"P1039".into()));
                    let kin = item(&q[0]);
                    assert!(
                        (prop == "P22" && kin == "Q61740757")
                            || (prop == "P25" && kin == "Q61740758"),
                        "{id} {prop} {kin}"
                    );
                    t.adoptive.insert((id.clone(), item(&st["mainsnak"])));
                }
            }
        }
    }
    t
}

#[test]
fn mixed_sources_shape_and_determinism() {
    let r = mixed(1, Statements::Full);
    let ents = entities(&r);
    let t = tally(&ents);
    let share = |n: usize| n as f64 / t.statements as f64;
    assert!(t.statements > 5000, "{t:?}");
    for (what, n, lo, hi) in [
        ("stated in", t.stated_in, 0.35, 0.55),
        ("url", t.url, 0.30, 0.50),
        ("imported only", t.imported_only, 0.18, 0.32),
        ("none", t.none, 0.14, 0.26),
        ("disputed", t.disputed, 0.015, 0.05),
        ("presumably", t.presumably, 0.008, 0.035),
    ] {
        assert!((lo..hi).contains(&share(n)), "{what}: {}", share(n));
    }
    // The sources exist, with labels.
    for src in SOURCES {
        let j = r
            .respond("GET", &format!("/wiki/Special:EntityData/{src}.json"))
            .json()
            .unwrap();
        assert!(
            j["entities"][src]["labels"]["en"]["value"].is_string(),
            "{src}"
        );
    }
    // What /__replica/sources lists is what the JSON says.
    let listed = r.respond("GET", "/__replica/sources").json().unwrap();
    let adoptive: BTreeSet<(String, String)> = listed["adoptive"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["child"].as_str().unwrap().to_string(),
                a["parent"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(adoptive.len() >= 3, "{adoptive:?}");
    assert_eq!(t.adoptive, adoptive);
    let second = listed["second_fathers"].as_array().unwrap();
    assert!(!second.is_empty());
    for s in second {
        let c = s["child"].as_str().unwrap();
        let fathers: BTreeSet<String> = ents[c]["claims"]["P22"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|st| st["qualifiers"]["P1039"].is_null())
            .map(|st| item(&st["mainsnak"]))
            .collect();
        assert!(
            fathers.len() >= 2,
            "{c}: two biological fathers {fathers:?}"
        );
    }
    let dates = listed["impossible_dates"].as_array().unwrap();
    let kinds: BTreeSet<&str> = dates.iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["mother_aged_8", "parent_born_after_child"].into());
    let year = |id: &str| -> i64 {
        let t = ents[id]["claims"]["P569"][0]["mainsnak"]["datavalue"]["value"]["time"]
            .as_str()
            .unwrap();
        t[1..5].parse().unwrap()
    };
    for d in dates {
        let (c, p) = (d["child"].as_str().unwrap(), d["parent"].as_str().unwrap());
        match d["kind"].as_str().unwrap() {
            "mother_aged_8" => assert_eq!(year(c) - year(p), 8, "{c} {p}"),
            _ => assert!(year(p) > year(c), "{c} {p}"),
        }
    }

    // Deterministic: the same seed gives the same bytes; another seed another mix.
    let again = mixed(1, Statements::Full);
    let path = "/wiki/Special:EntityData/Q9682.json";
    assert_eq!(r.respond("GET", path).body, again.respond("GET", path).body);
    assert_eq!(tally(&entities(&again)).p248, t.p248);
    let other = tally(&entities(&mixed(2, Statements::Full)));
    assert_ne!(other.p248, t.p248);
    // Without the flag: every family statement has the one P143 reference, as before.
    let plain = tally(&entities(&common::royal(Options::default())));
    assert_eq!(plain.imported_only, plain.statements);
    assert_eq!(plain.disputed + plain.adoptive.len(), 0);
}

#[test]
fn mixed_sources_in_sparql_match_the_json() {
    for statements in [Statements::Full, Statements::Ranked] {
        let r = mixed(1, statements);
        let t = tally(&entities(&r));
        let rows = ask(
            &r,
            "SELECT ?st ?src ?url ?date WHERE { ?x p:P22|p:P25|p:P26|p:P40 ?st . \
             ?st prov:wasDerivedFrom ?ref . ?ref pr:P248 ?src . \
             OPTIONAL { ?ref pr:P854 ?url } OPTIONAL { ?ref pr:P813 ?date } }",
        );
        let got: BTreeSet<(String, String)> = rows
            .iter()
            .map(|b| {
                let st = b["st"]["value"].as_str().unwrap();
                let st = st.rsplit('/').next().unwrap().replacen('-', "$", 1);
                let src = b["src"]["value"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap();
                (st, src.to_string())
            })
            .collect();
        assert_eq!(got, t.p248, "{statements:?}");
        let with_date = rows.iter().filter(|b| b.get("date").is_some()).count();
        assert_eq!(with_date, rows.len(), "every stated-in reference has P813");
        assert_eq!(
            rows[0]["date"]["datatype"],
            "http://www.w3.org/2001/XMLSchema#dateTime"
        );
        // Imported-only references, doubts and adoptive parents.
        let imported = ask(
            &r,
            "SELECT DISTINCT ?ref WHERE { ?st prov:wasDerivedFrom ?ref . ?ref pr:P143 wd:Q328 }",
        );
        assert_eq!(imported.len(), 1, "one shared reference node, as on WDQS");
        let disputed = ask(
            &r,
            "SELECT ?st WHERE { ?x p:P22|p:P25|p:P26|p:P40 ?st . ?st pq:P1480 wd:Q18912752 }",
        );
        assert_eq!(disputed.len(), t.disputed, "{statements:?}");
        let adoptive = ask(
            &r,
            "SELECT ?c ?p WHERE { ?c p:P22 ?st . ?st ps:P22 ?p ; pq:P1039 wd:Q61740757 ; wikibase:rank ?rank }",
        );
        let fathers = t
            .adoptive
            .iter()
            .filter(|(c, p)| {
                adoptive.iter().any(|b| {
                    b["c"]["value"]
                        .as_str()
                        .unwrap()
                        .ends_with(&format!("/{c}"))
                        && b["p"]["value"]
                            .as_str()
                            .unwrap()
                            .ends_with(&format!("/{p}"))
                })
            })
            .count();
        assert_eq!(fathers, adoptive.len(), "{statements:?}");
        assert!(!adoptive.is_empty());
    }
}

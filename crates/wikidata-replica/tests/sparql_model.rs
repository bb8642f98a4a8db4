//! The RDF behind `/sparql`: Wikidata's model as WDQS shows it, the quirks included, and the
//! same facts as the entity JSON.

mod common;

use std::collections::BTreeSet;

use wikidata_replica::{Options, Replica, Request, Statements};

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
    quirky_with(Statements::Auto)
}

fn quirky_with(statements: Statements) -> (Replica, Vec<serde_json::Value>) {
    let r = common::royal(Options {
        quirks: true,
        seed: 1,
        statements,
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

/// `--statements ranked` drops the statement nodes of plain claims only: wherever ranks,
/// duplicates, qualifiers or unknown/no values make `p:`/`ps:` say more than `wdt:`, it answers
/// as `full`; and everything but statement nodes (truthy triples, terms, `wdno:`, `sameAs`) is
/// the same triple for triple.
#[test]
fn ranked_statements_keep_what_ranks_say_and_every_truthy_triple() {
    let (full, list) = quirky_with(Statements::Full);
    let (ranked, _) = quirky_with(Statements::Ranked);
    let (nf, nr) = (full.sparql_store().unwrap(), ranked.sparql_store().unwrap());
    assert_eq!(nf.statements, Statements::Full);
    assert_eq!(nr.statements, Statements::Ranked);
    assert!(
        nr.triples * 2 < nf.triples,
        "ranked {} vs full {}",
        nr.triples,
        nf.triples
    );
    // Auto is full for royal92's 3,010 people.
    let (auto, _) = quirky();
    assert_eq!(auto.sparql_store().unwrap().triples, nf.triples);

    let same = |q: &str, vars: &[&str], nonempty: bool| {
        let a = rows(&ask(&full, q), vars);
        let b = rows(&ask(&ranked, q), vars);
        assert_eq!(a, b, "{q}");
        if nonempty {
            assert!(!a.is_empty(), "{q}");
        }
    };
    // Preferred and deprecated ranks, with the deprecation reason.
    same(
        "SELECT ?x ?v ?rank ?why { ?x p:P22 ?s . ?s ps:P22 ?v ; wikibase:rank ?rank . \
         FILTER(?rank != wikibase:NormalRank) OPTIONAL { ?s pq:P2241 ?why } }",
        &["x", "v", "rank", "why"],
        true,
    );
    let x = with(&list, "deprecated_father")[0]["qid"].as_str().unwrap();
    same(
        &format!(
            "SELECT ?f ?rank ?best {{ wd:{x} p:P22 ?s . ?s ps:P22 ?f ; wikibase:rank ?rank . \
                  BIND(EXISTS {{ ?s a wikibase:BestRank }} AS ?best) }}"
        ),
        &["f", "rank", "best"],
        true,
    );
    // Duplicates: two statements of one value.
    same(
        "SELECT ?x ?p (COUNT(?s) AS ?n) { VALUES ?p { p:P31 p:P22 p:P25 } ?x ?p ?s } \
         GROUP BY ?x ?p HAVING (COUNT(?s) > 1)",
        &["x", "p", "n"],
        true,
    );
    // Unknown and no values on statements.
    same(
        "SELECT ?x ?v { ?x p:P22/ps:P22 ?v FILTER wikibase:isSomeValue(?v) }",
        &["x", "v"],
        true,
    );
    same(
        "SELECT ?x { ?x p:P25 ?s . ?s a wdno:P25 ; wikibase:rank ?r }",
        &["x"],
        true,
    );
    // Item qualifiers (circa on dates).
    same(
        "SELECT ?x ?d ?q { ?x p:P569 ?s . ?s ps:P569 ?d ; pq:P1480 ?q }",
        &["x", "d", "q"],
        true,
    );
    // A plain claim (one normal statement) has no statement node in ranked.
    let plain = "SELECT (COUNT(*) AS ?n) { wd:Q9682 p:P21 ?s }";
    let n = |r: &Replica| ask(r, plain)["results"]["bindings"][0]["n"]["value"].clone();
    assert_eq!((n(&full), n(&ranked)), ("1".into(), "0".into()));

    // Truthy answers.
    for (q, vars) in [
        ("SELECT ?c { wd:Q9439 wdt:P40 ?c }", &["c"][..]),
        ("SELECT ?c { ?c wdt:P25 wd:Q9439 }", &["c"]),
        ("SELECT ?a { wd:Q9682 (wdt:P22|wdt:P25)+ ?a }", &["a"]),
        ("SELECT ?d { wd:Q9439 (^wdt:P22|^wdt:P25)* ?d }", &["d"]),
        (
            "SELECT ?x ?xLabel ?b { ?x wdt:P31 wd:Q5 ; wdt:P569 ?b . \
             SERVICE wikibase:label { bd:serviceParam wikibase:language \"en\". } }",
            &["x", "xLabel", "b"],
        ),
        (
            "SELECT ?x ?f { ?x wdt:P22 ?f FILTER wikibase:isSomeValue(?f) }",
            &["x", "f"],
        ),
        ("SELECT ?x { ?x a wdno:P25 }", &["x"]),
        ("SELECT ?o ?n { ?o owl:sameAs ?n }", &["o", "n"]),
    ] {
        same(q, vars, true);
    }
    // And every triple that is not about a statement node: subject not wds:, predicate not p:.
    same(
        "SELECT ?s ?p ?o ?lang { ?s ?p ?o . \
         FILTER(!STRSTARTS(STR(?s), \"http://www.wikidata.org/entity/statement/\")) \
         FILTER(!STRSTARTS(STR(?p), \"http://www.wikidata.org/prop/P\")) \
         BIND(LANG(?o) AS ?lang) }",
        &["s", "p", "o", "lang"],
        true,
    );
}

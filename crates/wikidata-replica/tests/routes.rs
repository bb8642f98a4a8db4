//! Routing and data through `Replica::respond` (the same code the HTTP server runs).

mod common;

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use wikidata_replica::{Options, Replica};

fn entity(r: &Replica, qid: &str) -> Value {
    let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{qid}.json"));
    assert_eq!(resp.status, 200, "{qid}: {}", resp.text());
    resp.json().unwrap()["entities"][qid].clone()
}

/// Values of an item property, all ranks.
fn items(e: &Value, prop: &str) -> Vec<String> {
    e["claims"][prop]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s["mainsnak"]["datavalue"]["value"]["id"].as_str())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn time(e: &Value, prop: &str) -> (String, u64) {
    let v = &e["claims"][prop][0]["mainsnak"]["datavalue"]["value"];
    (
        v["time"].as_str().unwrap().to_string(),
        v["precision"].as_u64().unwrap(),
    )
}

#[test]
fn elizabeth_and_victoria() {
    let r = common::royal(Options::default());
    assert_eq!(r.qid_of("I52").as_deref(), Some("Q9682"));
    assert_eq!(r.qid_of("@I1@").as_deref(), Some("Q9439"));
    assert_eq!(r.gedcom_id_of("Q80976").as_deref(), Some("I57"));
    let e = entity(&r, "Q9682");
    assert_eq!(e["id"], "Q9682");
    assert_eq!(e["title"], "Q9682");
    assert_eq!(e["type"], "item");
    assert_eq!(e["labels"]["en"]["value"], "Elizabeth II");
    assert_eq!(
        e["aliases"]["en"][0]["value"],
        "Elizabeth II Alexandra Mary Windsor"
    );
    assert_eq!(e["descriptions"]["en"]["value"], "Queen of England");
    assert_eq!(items(&e, "P31"), vec!["Q5"]);
    assert_eq!(items(&e, "P21"), vec!["Q6581072"]);
    assert_eq!(items(&e, "P22"), vec![r.qid_of("I32").unwrap()]);
    assert_eq!(items(&e, "P25"), vec![r.qid_of("I51").unwrap()]);
    assert_eq!(items(&e, "P26"), vec!["Q80976"]);
    let kids: Vec<String> = ["I58", "I59", "I60", "I61"]
        .iter()
        .map(|g| r.qid_of(g).unwrap())
        .collect();
    assert_eq!(items(&e, "P40"), kids);
    assert_eq!(kids[0], "Q43274");
    assert_eq!(time(&e, "P569"), ("+1926-04-21T00:00:00Z".into(), 11));
    assert!(e["claims"]["P570"].is_null());

    let v = entity(&r, "Q9439");
    assert_eq!(v["labels"]["en"]["value"], "Queen Victoria");
    assert_eq!(items(&v, "P21"), vec!["Q6581097".replace("097", "072")]);
    assert_eq!(time(&v, "P569"), ("+1819-05-24T00:00:00Z".into(), 11));
    assert_eq!(time(&v, "P570"), ("+1901-01-22T00:00:00Z".into(), 11));
    assert_eq!(items(&v, "P26"), vec!["Q152245"]);
    assert_eq!(items(&v, "P40").len(), 9);
    assert!(
        items(&v, "P40").contains(&"Q20875".to_string()),
        "Edward VII"
    );
    let cal = &v["claims"]["P569"][0]["mainsnak"]["datavalue"]["value"]["calendarmodel"];
    assert_eq!(cal, "http://www.wikidata.org/entity/Q1985727");
}

/// Parents and children agree with the GEDCOM for everyone, both directions.
#[test]
fn family_links_match_the_gedcom_for_everyone() {
    let r = common::royal(Options::default());
    let g = wikikin_gedcom::parse_file(format!("{}/royal92.ged", common::DATA)).unwrap();
    let mut p40_count = 0;
    for ind in &g.individuals {
        let q = r.qid_of(&ind.xref).unwrap();
        let e = entity(&r, &q);
        let (father, mother) = g.parents(&ind.xref);
        let want_f: Vec<String> = father.iter().map(|f| r.qid_of(&f.xref).unwrap()).collect();
        let want_m: Vec<String> = mother.iter().map(|m| r.qid_of(&m.xref).unwrap()).collect();
        assert_eq!(items(&e, "P22"), want_f, "{}", ind.xref);
        assert_eq!(items(&e, "P25"), want_m, "{}", ind.xref);
        let kids: HashSet<String> = items(&e, "P40").into_iter().collect();
        for c in g.children(&ind.xref) {
            // Each child names this person as father or mother.
            let (cf, cm) = g.parents(&c.xref);
            if cf.is_some_and(|f| f.xref == ind.xref) || cm.is_some_and(|m| m.xref == ind.xref) {
                assert!(
                    kids.contains(&r.qid_of(&c.xref).unwrap()),
                    "{} → {}",
                    ind.xref,
                    c.xref
                );
            }
        }
        p40_count += kids.len();
    }
    assert!(p40_count > 3000, "{p40_count}");
}

#[test]
fn date_precision_and_circa() {
    let r = common::royal(Options::default());
    let g = wikikin_gedcom::parse_file(format!("{}/royal92.ged", common::DATA)).unwrap();
    let year_only = g
        .individuals
        .iter()
        .find(|i| {
            i.birth.as_ref().is_some_and(|b| {
                b.month.is_none() && b.modifier == wikikin_gedcom::DateModifier::Exact
            })
        })
        .unwrap();
    let e = entity(&r, &r.qid_of(&year_only.xref).unwrap());
    let y = year_only.birth.as_ref().unwrap().modern_year();
    assert_eq!(time(&e, "P569"), (format!("+{y:04}-00-00T00:00:00Z"), 9));
    let month_only = g
        .individuals
        .iter()
        .find(|i| {
            i.birth
                .as_ref()
                .is_some_and(|b| b.month.is_some() && b.day.is_none())
        })
        .unwrap();
    let e = entity(&r, &r.qid_of(&month_only.xref).unwrap());
    assert_eq!(time(&e, "P569").1, 10);
    let circa = g
        .individuals
        .iter()
        .find(|i| {
            i.birth
                .as_ref()
                .is_some_and(|b| b.modifier == wikikin_gedcom::DateModifier::About)
        })
        .unwrap();
    let e = entity(&r, &r.qid_of(&circa.xref).unwrap());
    let q = &e["claims"]["P569"][0]["qualifiers"]["P1480"][0];
    assert_eq!(q["datavalue"]["value"]["id"], "Q5727902");
    assert_eq!(e["claims"]["P569"][0]["qualifiers-order"][0], "P1480");
    // Before 1583: Julian calendar model, as Wikidata uses.
    let old = g
        .individuals
        .iter()
        .find(|i| i.birth.as_ref().is_some_and(|b| b.year < 1500))
        .unwrap();
    let e = entity(&r, &r.qid_of(&old.xref).unwrap());
    assert_eq!(
        e["claims"]["P569"][0]["mainsnak"]["datavalue"]["value"]["calendarmodel"],
        "http://www.wikidata.org/entity/Q1985786"
    );
}

#[test]
fn entity_data_errors_and_redirects() {
    let r = common::royal(Options::default());
    for bad in [
        "Qx.json",
        "foo.json",
        "Q.json",
        "Q12a.json",
        ".json",
        "%00.json",
    ] {
        let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{bad}"));
        assert_eq!(resp.status, 400, "{bad}");
        assert_eq!(resp.header("access-control-allow-origin"), Some("*"));
    }
    assert_eq!(
        r.respond("GET", "/wiki/Special:EntityData/Q012.json")
            .status,
        400
    );
    assert_eq!(
        r.respond("GET", "/wiki/Special:EntityData/Q9682.ttl")
            .status,
        400
    );
    let missing = r.respond("GET", "/wiki/Special:EntityData/Q1.json");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("No entity with ID Q1"));
    let lower = r.respond("GET", "/wiki/Special:EntityData/q9682.json");
    assert_eq!(lower.status, 301);
    assert_eq!(
        lower.header("location"),
        Some("/wiki/Special:EntityData/Q9682.json")
    );
    let bare = r.respond("GET", "/wiki/Special:EntityData/Q9682");
    assert_eq!(bare.status, 303);
    assert_eq!(
        bare.header("location"),
        Some("/wiki/Special:EntityData/Q9682.json")
    );
    assert_eq!(r.respond("GET", "/nowhere").status, 404);
    assert_eq!(
        r.respond("DELETE", "/wiki/Special:EntityData/Q9682.json")
            .status,
        405
    );
    let head = r.respond("HEAD", "/wiki/Special:EntityData/Q9682.json");
    assert_eq!(head.status, 200);
}

fn api(r: &Replica, query: &str) -> Value {
    let resp = r.respond("GET", &format!("/w/api.php?{query}"));
    assert_eq!(resp.status, 200);
    assert_eq!(
        resp.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    resp.json().unwrap()
}

#[test]
fn wbgetentities_props_languages_missing() {
    let r = common::royal(Options::default());
    // Default props are everything, with sitelinks but without their URLs.
    for q in ["Q9682", "Q9439", "Q80976", "Q151305", "Q40787", "Q269412"] {
        let all = api(&r, &format!("action=wbgetentities&ids={q}&format=json"));
        assert_eq!(all["success"], 1);
        let mut direct = entity(&r, q);
        if let Some(links) = direct["sitelinks"].as_object_mut() {
            for l in links.values_mut() {
                l.as_object_mut().unwrap().remove("url");
            }
        }
        assert_eq!(all["entities"][q], direct);
    }
    let with_urls = api(
        &r,
        "action=wbgetentities&ids=Q9682|Q9439|Q80976|Q151305|Q40787|Q269412&props=sitelinks/urls",
    );
    let mut urls = 0;
    for e in with_urls["entities"].as_object().unwrap().values() {
        for l in e["sitelinks"].as_object().unwrap().values() {
            assert!(l["url"]
                .as_str()
                .unwrap()
                .starts_with("https://en.wikipedia.org/wiki/"));
            urls += 1;
        }
    }
    assert!(urls > 0, "some of them have an enwiki sitelink");

    let j = api(
        &r,
        "action=wbgetentities&ids=Q9682%7CQ1%7CQ9439&props=labels%7Cclaims&languages=en%7Cit&languagefallback=1&format=json",
    );
    let ents = j["entities"].as_object().unwrap();
    assert_eq!(ents.len(), 3);
    assert_eq!(
        j["entities"]["Q1"],
        serde_json::json!({"id":"Q1","missing":""})
    );
    let e = &j["entities"]["Q9682"];
    let raw = r.respond(
        "GET",
        "/w/api.php?action=wbgetentities&ids=Q9682&props=labels%7Cclaims&format=json",
    );
    let o = common::ordered(&raw.body);
    let keys = o.get("entities").unwrap().get("Q9682").unwrap().keys();
    assert_eq!(keys, vec!["type", "id", "labels", "claims"]);
    assert_eq!(o.keys(), vec!["entities", "success"]);
    assert_eq!(e["labels"]["en"]["value"], "Elizabeth II");
    // No Italian label: English stands in, marked as Wikidata marks fallbacks.
    assert_eq!(
        e["labels"]["it"],
        serde_json::json!({"language":"en","value":"Elizabeth II","for-language":"it"})
    );
    // Without fallback, only what exists.
    let j = api(
        &r,
        "action=wbgetentities&ids=Q9682&props=labels|descriptions&languages=it&format=json",
    );
    assert_eq!(j["entities"]["Q9682"]["labels"], serde_json::json!({}));
    // Duplicates collapse; lowercase ids are read as upper case.
    let raw = r.respond(
        "GET",
        "/w/api.php?action=wbgetentities&ids=Q9682|Q9682|q9439&props=info",
    );
    let j = raw.json().unwrap();
    let o = common::ordered(&raw.body);
    assert_eq!(o.get("entities").unwrap().keys(), vec!["Q9682", "Q9439"]);
    assert!(j["entities"]["Q9439"]["lastrevid"].is_u64());
}

#[test]
fn wbgetentities_errors() {
    let r = common::royal(Options::default());
    let people = r.people();
    let fifty: Vec<&str> = people.iter().take(50).map(|p| p.qid.as_str()).collect();
    let ok = api(
        &r,
        &format!("action=wbgetentities&ids={}&props=labels", fifty.join("|")),
    );
    assert_eq!(ok["entities"].as_object().unwrap().len(), 50);
    let fiftyone: Vec<&str> = people.iter().take(51).map(|p| p.qid.as_str()).collect();
    let resp = r.respond(
        "GET",
        &format!("/w/api.php?action=wbgetentities&ids={}", fiftyone.join("|")),
    );
    assert_eq!(
        resp.status, 200,
        "MediaWiki reports API errors with HTTP 200"
    );
    assert_eq!(resp.header("mediawiki-api-error"), Some("toomanyvalues"));
    let err = resp.json().unwrap();
    assert_eq!(err["error"]["code"], "toomanyvalues");
    assert_eq!(err["error"]["limit"], 50);
    assert!(err["error"]["info"]
        .as_str()
        .unwrap()
        .contains("The limit is 50"));
    assert!(err["error"]["*"].is_string());
    assert!(err.get("entities").is_none());

    let bad = api(&r, "action=wbgetentities&ids=Q9682|banana");
    assert_eq!(bad["error"]["code"], "no-such-entity");
    assert_eq!(bad["error"]["id"], "banana");
    assert_eq!(
        api(&r, "action=wbgetentities")["error"]["code"],
        "param-missing"
    );
    assert_eq!(api(&r, "action=nope")["error"]["code"], "badvalue");
    assert_eq!(api(&r, "format=json")["error"]["code"], "noaction");
}

#[test]
fn search_by_label_and_alias() {
    let r = common::royal(Options::default());
    let j = api(
        &r,
        "action=wbsearchentities&search=victoria&language=en&limit=5&format=json",
    );
    assert_eq!(j["searchinfo"]["search"], "victoria");
    assert_eq!(j["success"], 1);
    let hits = j["search"].as_array().unwrap();
    assert_eq!(hits.len(), 5);
    assert_eq!(hits[0]["id"], "Q9439", "exact label word match first");
    assert_eq!(hits[0]["label"], "Queen Victoria");
    assert_eq!(hits[0]["description"], "Queen of England");
    assert_eq!(hits[0]["match"]["type"], "label");
    assert_eq!(
        hits[0]["concepturi"],
        "http://www.wikidata.org/entity/Q9439"
    );
    assert_eq!(j["search-continue"], 5);
    let next = api(
        &r,
        "action=wbsearchentities&search=victoria&language=en&limit=5&continue=5",
    );
    let first: HashSet<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    for h in next["search"].as_array().unwrap() {
        assert!(!first.contains(h["id"].as_str().unwrap()));
    }
    // Alias match: the GEDCOM name of a person whose label comes from the CSV.
    let j = api(
        &r,
        "action=wbsearchentities&search=Elizabeth%20II%20Alex&language=en",
    );
    let hit = &j["search"][0];
    assert_eq!(hit["id"], "Q9682");
    assert_eq!(hit["match"]["type"], "alias");
    assert_eq!(hit["aliases"][0], "Elizabeth II Alexandra Mary Windsor");
    // Prefix, case-insensitive.
    let j = api(
        &r,
        "action=wbsearchentities&search=ELIZ&language=en&limit=50",
    );
    assert!(j["search"].as_array().unwrap().len() > 10);
    let none = api(&r, "action=wbsearchentities&search=zzzzqqq&language=en");
    assert_eq!(none["search"], serde_json::json!([]));
    assert!(none.get("search-continue").is_none());
    assert_eq!(
        api(&r, "action=wbsearchentities&search=x")["error"]["code"],
        "missingparam"
    );
    assert_eq!(
        api(&r, "action=wbsearchentities&search=x&language=en&limit=abc")["error"]["code"],
        "badinteger"
    );
}

#[test]
fn images_from_p18() {
    let ged = "0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Anna /Test/\n1 OBJE\n2 FILE Anna_Test portrait.jpg\n0 TRLR\n";
    let r = Replica::from_gedcom_bytes(ged.as_bytes(), &[], Options::default()).unwrap();
    let q = r.qid_of("I1").unwrap();
    let e = entity(&r, &q);
    let file = e["claims"]["P18"][0]["mainsnak"]["datavalue"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(file, "Anna_Test portrait.jpg");
    assert_eq!(
        e["claims"]["P18"][0]["mainsnak"]["datatype"],
        "commonsMedia"
    );
    let img = r.respond(
        "GET",
        "/wiki/Special:FilePath/Anna_Test%20portrait.jpg?width=120",
    );
    assert_eq!(img.status, 200);
    assert_eq!(img.header("content-type"), Some("image/svg+xml"));
    assert!(img.text().starts_with("<svg"));
    assert!(img.text().contains("width=\"120\""));
    // Same name, same picture.
    let again = r.respond(
        "GET",
        "/wiki/Special:FilePath/Anna_Test_portrait.jpg?width=120",
    );
    assert_eq!(again.body, img.body);
    assert_eq!(
        r.respond("GET", "/wiki/Special:FilePath/Nobody.jpg").status,
        404
    );

    // Generated portraits for some royals.
    let royal = common::royal(Options::default());
    let mut with_image = 0;
    for p in royal.people() {
        let e = entity(&royal, &p.qid);
        if let Some(f) = e["claims"]["P18"][0]["mainsnak"]["datavalue"]["value"].as_str() {
            with_image += 1;
            if with_image < 5 {
                let path = format!("/wiki/Special:FilePath/{}?width=64", f.replace(' ', "_"));
                let resp = royal.respond("GET", &path);
                assert_eq!(resp.status, 200, "{path}");
            }
        }
    }
    assert!((300..1000).contains(&with_image), "{with_image}");
}

#[test]
fn people_list_and_empty_gedcom() {
    let r = common::royal(Options::default());
    let resp = r.respond("GET", "/__replica/people");
    assert_eq!(resp.status, 200);
    let list = resp.json().unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3010);
    let eliz = list.iter().find(|p| p["gedcom_id"] == "I52").unwrap();
    assert_eq!(eliz["qid"], "Q9682");
    assert_eq!(eliz["label"], "Elizabeth II");
    assert_eq!(eliz.as_object().unwrap().len(), 3);
    // Own ids cannot collide with real ones, and are unique.
    let ids: HashSet<&str> = list.iter().map(|p| p["qid"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 3010);
    assert_eq!(r.people().len(), 3010);

    let empty =
        Replica::from_gedcom_bytes(b"0 HEAD\n1 CHAR UTF-8\n0 TRLR\n", &[], Options::default())
            .unwrap();
    assert_eq!(empty.person_count(), 0);
    assert_eq!(empty.respond("GET", "/__replica/people").text(), "[]");
    assert_eq!(
        empty
            .respond("GET", "/wiki/Special:EntityData/Q900000000.json")
            .status,
        404
    );
    let j = empty.respond(
        "GET",
        "/w/api.php?action=wbsearchentities&search=a&language=en",
    );
    assert_eq!(j.json().unwrap()["search"], serde_json::json!([]));
}

#[test]
fn hostile_strings_survive_as_data() {
    let name = "<script>alert(\"x\")</script>";
    let title = "</title><img src=x onerror=alert(1)> & \"quotes\" \\ back";
    let file = "\"><svg onload=alert(1)>.jpg";
    let ged = format!(
        "0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME {name}\n1 TITL {title}\n1 OBJE\n2 FILE {file}\n0 TRLR\n"
    );
    let r = Replica::from_gedcom_bytes(ged.as_bytes(), &[], Options::default()).unwrap();
    let q = r.qid_of("I1").unwrap();
    let e = entity(&r, &q);
    assert_eq!(e["labels"]["en"]["value"], name);
    assert_eq!(e["descriptions"]["en"]["value"], title);
    assert_eq!(
        e["claims"]["P18"][0]["mainsnak"]["datavalue"]["value"],
        file
    );
    let people = r.respond("GET", "/__replica/people").json().unwrap();
    assert_eq!(people[0]["label"], name);
    let s = r
        .respond(
            "GET",
            "/w/api.php?action=wbsearchentities&search=%3Cscript&language=en",
        )
        .json()
        .unwrap();
    assert_eq!(s["search"][0]["label"], name);
    let html = r.respond("GET", "/wiki/Special:EntityData/%3Cscript%3E.json");
    assert_eq!(html.status, 400);
    assert!(
        !html.text().contains("<script>"),
        "error pages escape input"
    );
}

#[test]
fn big_entity_is_padded() {
    let r = common::royal(Options {
        big_entities: vec![("Q9682".into(), 2.0)],
        ..Options::default()
    });
    let big = r.respond("GET", "/wiki/Special:EntityData/Q9682.json");
    assert!(
        (2_000_000..2_100_000).contains(&big.body.len()),
        "{}",
        big.body.len()
    );
    let e = big.json().unwrap();
    assert_eq!(
        e["entities"]["Q9682"]["labels"]["en"]["value"],
        "Elizabeth II"
    );
    let small = r.respond("GET", "/wiki/Special:EntityData/Q9439.json");
    assert!(small.body.len() < 20_000);
    assert!(Replica::from_gedcom_bytes(
        b"0 HEAD\n0 TRLR\n",
        &[],
        Options {
            big_entities: vec![("Q1".into(), 1.0)],
            ..Options::default()
        }
    )
    .is_err());
}

fn quirky(seed: u64) -> Replica {
    common::royal(Options {
        quirks: true,
        seed,
        ..Options::default()
    })
}

#[test]
fn quirks_are_deterministic_and_each_kind_appears() {
    let a = quirky(5)
        .respond("GET", "/__replica/quirks")
        .json()
        .unwrap();
    let b = quirky(5)
        .respond("GET", "/__replica/quirks")
        .json()
        .unwrap();
    let c = quirky(6)
        .respond("GET", "/__replica/quirks")
        .json()
        .unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    let mut counts: HashMap<String, usize> = HashMap::new();
    for row in a.as_array().unwrap() {
        for q in row["quirks"].as_array().unwrap() {
            *counts.entry(q.as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    for kind in [
        "deprecated_father",
        "unknown_parent",
        "one_sided",
        "redirected",
        "deleted",
        "duplicate",
    ] {
        assert!(
            counts.get(kind).copied().unwrap_or(0) >= 3,
            "{kind}: {counts:?}"
        );
    }
    // Without --quirks there are none.
    let plain = common::royal(Options::default());
    assert_eq!(plain.respond("GET", "/__replica/quirks").text(), "[]");
}

#[test]
fn quirks_behave_like_wikidata() {
    let r = quirky(5);
    let rows = r.respond("GET", "/__replica/quirks").json().unwrap();
    let rows = rows.as_array().unwrap();
    // People with quirk `k` whose own item was not deleted.
    let with = |k: &str| -> Vec<&Value> {
        rows.iter()
            .filter(|r| r["quirks"].as_array().unwrap().iter().any(|q| q == k))
            .filter(|r| {
                k == "deleted"
                    || !r["quirks"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|q| q == "deleted")
            })
            .collect()
    };
    // Deprecated wrong father next to the preferred right one.
    let row = with("deprecated_father")[0];
    let e = entity(&r, row["qid"].as_str().unwrap());
    let p22 = e["claims"]["P22"].as_array().unwrap();
    let ranks: Vec<&str> = p22.iter().map(|s| s["rank"].as_str().unwrap()).collect();
    assert!(
        ranks.contains(&"preferred") && ranks.contains(&"deprecated"),
        "{ranks:?}"
    );
    let dep = p22.iter().find(|s| s["rank"] == "deprecated").unwrap();
    assert!(dep["qualifiers"]["P2241"].is_array());

    // somevalue / novalue parents.
    let mut snaktypes = HashSet::new();
    for row in with("unknown_parent") {
        let e = entity(&r, row["qid"].as_str().unwrap());
        for p in ["P22", "P25"] {
            if let Some(a) = e["claims"][p].as_array() {
                for s in a {
                    snaktypes.insert(s["mainsnak"]["snaktype"].as_str().unwrap().to_string());
                    if s["mainsnak"]["snaktype"] != "value" {
                        assert!(s["mainsnak"].get("datavalue").is_none());
                    }
                }
            }
        }
    }
    assert!(
        snaktypes.contains("somevalue") && snaktypes.contains("novalue"),
        "{snaktypes:?}"
    );

    // One-sided: the parent's P40 lacks the child, the child still names the parent.
    let row = with("one_sided")
        .into_iter()
        .find(|r| {
            !r["quirks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|q| q == "deleted")
        })
        .unwrap();
    let q = row["qid"].as_str().unwrap();
    let child = entity(&r, q);
    let parent_id = items(&child, "P22")
        .into_iter()
        .chain(items(&child, "P25"))
        .next()
        .unwrap();
    let parent_resp = r.respond("GET", &format!("/wiki/Special:EntityData/{parent_id}.json"));
    let parent = parent_resp.json().unwrap();
    let parent = parent["entities"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap();
    let link = row
        .get("redirect_from")
        .and_then(Value::as_str)
        .unwrap_or(q);
    assert!(!items(parent, "P40").iter().any(|c| c == link));

    // Merged item: the old id redirects.
    let row = with("redirected")
        .into_iter()
        .find(|r| {
            !r["quirks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|q| q == "deleted")
        })
        .unwrap();
    let old = row["redirect_from"].as_str().unwrap();
    let new = row["qid"].as_str().unwrap();
    let via_old = r
        .respond("GET", &format!("/wiki/Special:EntityData/{old}.json"))
        .json()
        .unwrap();
    assert_eq!(via_old["entities"][new]["id"], new);
    assert!(via_old["entities"].get(old).is_none());
    let api = r
        .respond(
            "GET",
            &format!("/w/api.php?action=wbgetentities&ids={old}&props=labels"),
        )
        .json()
        .unwrap();
    assert_eq!(api["entities"][old]["id"], new);
    assert_eq!(
        api["entities"][old]["redirects"],
        serde_json::json!({"from": old, "to": new})
    );

    // Deleted: 404 and missing.
    let row = with("deleted")[0];
    let q = row["qid"].as_str().unwrap();
    assert_eq!(
        r.respond("GET", &format!("/wiki/Special:EntityData/{q}.json"))
            .status,
        404
    );
    let api = r
        .respond("GET", &format!("/w/api.php?action=wbgetentities&ids={q}"))
        .json()
        .unwrap();
    assert_eq!(api["entities"][q]["missing"], "");

    // Duplicate statements: same value twice, different statement ids.
    let row = with("duplicate")[0];
    let e = entity(&r, row["qid"].as_str().unwrap());
    let p31 = e["claims"]["P31"].as_array().unwrap();
    assert_eq!(p31.len(), 2);
    assert_ne!(p31[0]["id"], p31[1]["id"]);

    // The real people keep their entities.
    for q in ["Q9682", "Q80976", "Q9439", "Q151305"] {
        let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{q}.json"));
        assert_eq!(resp.status, 200, "{q}");
    }
}

#[test]
fn synthetic_genealogy_shape() {
    let n = 5000;
    let r = Replica::synthetic(n, 42, Options::default()).unwrap();
    assert_eq!(r.person_count(), n);
    let same = Replica::synthetic(n, 42, Options::default()).unwrap();
    let other = Replica::synthetic(n, 43, Options::default()).unwrap();
    let q = "Q900001234";
    let a = r.respond("GET", &format!("/wiki/Special:EntityData/{q}.json"));
    assert_eq!(
        a.body,
        same.respond("GET", &format!("/wiki/Special:EntityData/{q}.json"))
            .body
    );
    assert_ne!(
        a.body,
        other
            .respond("GET", &format!("/wiki/Special:EntityData/{q}.json"))
            .body
    );

    let d = r.data();
    let none = u32::MAX;
    let no_parents = d
        .people
        .iter()
        .filter(|p| p.father == none && p.mother == none)
        .count();
    let one_parent = d
        .people
        .iter()
        .filter(|p| (p.father == none) != (p.mother == none))
        .count();
    assert!(no_parents > 50 && no_parents < n / 2, "{no_parents}");
    assert!(one_parent > 10, "{one_parent}");
    // Couples with 2-4 children on average.
    let parents: Vec<_> = d.people.iter().filter(|p| !p.children.is_empty()).collect();
    let avg = parents.iter().map(|p| p.children.len()).sum::<usize>() as f64 / parents.len() as f64;
    assert!((2.0..=4.0).contains(&avg), "{avg}");
    // Cousin marriages: spouses sharing a grandparent.
    let grandparents = |i: u32| -> HashSet<u32> {
        let p = &d.people[i as usize];
        [p.father, p.mother]
            .into_iter()
            .filter(|x| *x != none)
            .flat_map(|x| {
                let pp = &d.people[x as usize];
                [pp.father, pp.mother]
            })
            .filter(|x| *x != none)
            .collect()
    };
    let mut cousin_couples = 0;
    for (i, p) in d.people.iter().enumerate() {
        for &s in p.spouses.iter() {
            if (i as u32) < s && !grandparents(i as u32).is_disjoint(&grandparents(s)) {
                cousin_couples += 1;
            }
        }
    }
    assert!(cousin_couples >= 5, "{cousin_couples}");
    // Links are consistent: each child's parents list it.
    for (i, p) in d.people.iter().enumerate() {
        for parent in [p.father, p.mother] {
            if parent != none {
                assert!(d.people[parent as usize].children.contains(&(i as u32)));
            }
        }
    }
}

#[test]
fn stats_count_and_reset_and_preflight() {
    let r = common::royal(Options::default());
    r.respond("GET", "/wiki/Special:EntityData/Q9682.json");
    r.respond("GET", "/wiki/Special:EntityData/Q9682.json");
    r.respond("GET", "/wiki/Special:EntityData/Q1.json");
    r.respond("GET", "/w/api.php?action=wbgetentities&ids=Q9439|Q80976");
    let pre = r.respond("OPTIONS", "/w/api.php?action=wbgetentities&ids=Q1");
    assert_eq!(pre.status, 200);
    assert_eq!(pre.header("access-control-allow-origin"), Some("*"));
    assert!(pre
        .header("access-control-allow-methods")
        .unwrap()
        .contains("GET"));
    let s = r.respond("GET", "/__replica/stats").json().unwrap();
    assert_eq!(s["requests"], 5);
    assert_eq!(s["by_kind"]["entitydata"], 3);
    assert_eq!(s["by_kind"]["wbgetentities"], 1);
    assert_eq!(s["by_status"]["200"], 4);
    assert_eq!(s["by_status"]["404"], 1);
    assert_eq!(s["entities_served"], 4);
    assert_eq!(s["served_per_id"]["Q9682"], 2);
    assert_eq!(s["max_served_per_id"], 2);
    assert_eq!(s["preflight"], 1);
    assert!(s["bytes_sent"].as_u64().unwrap() > 1000);
    assert_eq!(r.respond("GET", "/__replica/reset").status, 405);
    assert_eq!(r.respond("POST", "/__replica/reset").status, 200);
    let s = r.respond("GET", "/__replica/stats").json().unwrap();
    assert_eq!(s["requests"], 0);
    assert_eq!(s["max_served_per_id"], 0);
    assert_eq!(s["preflight"], 0);
}

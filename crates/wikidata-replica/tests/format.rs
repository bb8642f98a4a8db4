//! Our entity JSON against real recorded Wikidata responses: at every level, each object we
//! write must have exactly the keys, in the same order, that a real object at the same place
//! has, and each leaf the same JSON type.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{ordered, Ordered};
use serde_json::Value;
use wikidata_replica::{Options, Payload, Replica};

/// Maps whose keys are data (language codes, property ids, site ids).
const MAPS: &[&str] = &[
    "labels",
    "descriptions",
    "aliases",
    "sitelinks",
    "claims",
    "snaks",
    "qualifiers",
];

#[derive(Default)]
struct Shapes {
    /// path → set of ordered key lists seen there
    objects: BTreeMap<String, BTreeSet<Vec<String>>>,
    /// path → leaf JSON types seen there
    leaves: BTreeMap<String, BTreeSet<&'static str>>,
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn walk(v: &Ordered, path: &str, parent_key: &str, shapes: &mut Shapes) {
    match v {
        Ordered::Object(m) => {
            let is_map = MAPS.contains(&parent_key);
            // The keys of a map are data (languages, properties): only its values are compared.
            let keys: Vec<String> = if is_map {
                vec!["<map>".to_string()]
            } else {
                m.iter().map(|(k, _)| k.clone()).collect()
            };
            shapes
                .objects
                .entry(path.to_string())
                .or_default()
                .insert(keys);
            // A datavalue's `value` has a shape per datavalue type.
            let dv_type = v
                .get("type")
                .and_then(|t| match t {
                    Ordered::Leaf(Value::String(s)) => Some(s.as_str()),
                    _ => None,
                })
                .unwrap_or("");
            for (k, child) in m {
                let seg = if is_map {
                    "*".to_string()
                } else if parent_key == "datavalue" && k == "value" {
                    format!("value<{dv_type}>")
                } else {
                    k.clone()
                };
                walk(child, &format!("{path}.{seg}"), k, shapes);
            }
        }
        Ordered::Array(a) => {
            for child in a {
                walk(child, &format!("{path}[]"), parent_key, shapes);
            }
        }
        Ordered::Leaf(leaf) => {
            shapes
                .leaves
                .entry(path.to_string())
                .or_default()
                .insert(kind(leaf));
        }
    }
}

fn entity_of(doc: &Ordered) -> &Ordered {
    match doc.get("entities") {
        Some(Ordered::Object(v)) => &v[0].1,
        other => panic!("no entities: {other:?}"),
    }
}

fn reference_shapes() -> Shapes {
    let mut s = Shapes::default();
    for name in ["Q42", "Q1", "Q31928", "Q106975887"] {
        let raw = std::fs::read(format!("{}/wikidata/{name}.json", common::DATA)).unwrap();
        walk(entity_of(&ordered(&raw)), "$", "", &mut s);
    }
    s
}

/// Every object/leaf in `ours` must match something the references have at that path.
fn check(ours: &Ordered, reference: &Shapes, what: &str) {
    let mut mine = Shapes::default();
    walk(ours, "$", "", &mut mine);
    for (path, key_lists) in &mine.objects {
        let Some(known) = reference.objects.get(path) else {
            panic!("{what}: path {path} does not occur in the real entities");
        };
        for keys in key_lists {
            assert!(
                known.contains(keys),
                "{what}: at {path} we have keys {keys:?}; real ones are {known:?}"
            );
        }
    }
    for (path, kinds) in &mine.leaves {
        let known = reference
            .leaves
            .get(path)
            .unwrap_or_else(|| panic!("{what}: leaf {path} does not occur in the real entities"));
        assert!(
            kinds.is_subset(known),
            "{what}: at {path} we have {kinds:?}; real ones are {known:?}"
        );
    }
}

fn entity_json(r: &Replica, qid: &str) -> Ordered {
    let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{qid}.json"));
    assert_eq!(resp.status, 200, "{qid}: {}", resp.text());
    let doc = ordered(&resp.body);
    assert_eq!(doc.keys(), vec!["entities"]);
    let e = entity_of(&doc).clone();
    assert_eq!(doc.get("entities").unwrap().keys(), vec![qid]);
    e
}

#[test]
fn human_has_the_same_top_level_keys_in_the_same_order() {
    let r = common::royal(Options::default());
    let raw = std::fs::read(format!("{}/wikidata/Q42.json", common::DATA)).unwrap();
    let q42 = ordered(&raw);
    let real_keys = entity_of(&q42).keys();
    assert_eq!(real_keys[0], "pageid");
    for qid in ["Q9682", "Q9439", "Q80976"] {
        let e = entity_json(&r, qid);
        assert_eq!(e.keys(), real_keys, "{qid}");
    }
}

#[test]
fn every_royal92_entity_matches_the_real_structure_lean() {
    let reference = reference_shapes();
    let r = common::royal(Options::default());
    for p in r.people() {
        check(&entity_json(&r, &p.qid), &reference, &p.qid);
    }
}

#[test]
fn quirky_entities_match_the_real_structure() {
    let reference = reference_shapes();
    let r = common::royal(Options {
        quirks: true,
        seed: 7,
        ..Options::default()
    });
    let mut checked = 0;
    for p in r.people() {
        let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{}.json", p.qid));
        if resp.status == 404 {
            continue; // a deleted item
        }
        check(entity_of(&ordered(&resp.body)), &reference, &p.qid);
        checked += 1;
    }
    assert!(checked > 2900, "{checked}");
}

#[test]
fn full_payload_matches_the_real_structure_and_size() {
    let reference = reference_shapes();
    let r = common::royal(Options {
        payload: Payload::Full,
        ..Options::default()
    });
    let mut sizes = Vec::new();
    for p in r.people().iter().step_by(150) {
        let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{}.json", p.qid));
        sizes.push(resp.body.len());
        let doc = ordered(&resp.body);
        check(entity_of(&doc), &reference, &p.qid);
        let e = entity_of(&doc);
        assert!(e.get("labels").unwrap().keys().len() > 50);
        assert!(e.get("claims").unwrap().keys().len() > 10);
    }
    let min = *sizes.iter().min().unwrap();
    let max = *sizes.iter().max().unwrap();
    assert!(min >= 50_000, "smallest full entity {min} bytes");
    assert!(max <= 560_000, "largest full entity {max} bytes");
    assert!(max - min > 100_000, "sizes vary: {min}..{max}");
}

#[test]
fn synthetic_entities_match_the_real_structure() {
    let reference = reference_shapes();
    let r = Replica::synthetic(
        2000,
        3,
        Options {
            quirks: true,
            seed: 3,
            ..Options::default()
        },
    )
    .unwrap();
    for p in r.people().iter().step_by(7) {
        let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{}.json", p.qid));
        if resp.status == 404 {
            continue;
        }
        check(entity_of(&ordered(&resp.body)), &reference, &p.qid);
    }
}

#[test]
fn non_ascii_is_escaped_like_wikidata() {
    // Wikidata writes non-ASCII as \uXXXX; the recorded file does too.
    let raw = std::fs::read_to_string(format!("{}/wikidata/Q42.json", common::DATA)).unwrap();
    assert!(raw.is_ascii());
    let ged =
        "0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Ludwig /von Württemberg/\n1 SEX M\n0 TRLR\n";
    let r = Replica::from_gedcom_bytes(ged.as_bytes(), &[], Options::default()).unwrap();
    let qid = r.qid_of("I1").unwrap();
    let resp = r.respond("GET", &format!("/wiki/Special:EntityData/{qid}.json"));
    assert!(resp.body.is_ascii());
    assert!(resp.text().contains("W\\u00fcrttemberg"));
    assert_eq!(
        resp.json().unwrap()["entities"][&qid]["labels"]["en"]["value"],
        "Ludwig von Württemberg"
    );
}

//! Entity parsing: the real recorded responses and every rule, each with its own test.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use wikikin_core::{parse_entities, Date, ParseErrorKind, Person, Precision, Qid, Sex};

#[path = "entity/statements.rs"]
mod statements;

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/wikidata/"
);

fn en() -> Vec<String> {
    vec!["en".to_string()]
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}{name}")).unwrap()
}

fn one(body: &str, langs: &[&str]) -> Person {
    let langs: Vec<String> = langs.iter().map(|s| s.to_string()).collect();
    let mut p = parse_entities(body.as_bytes(), &langs).unwrap();
    assert_eq!(p.persons.len(), 1, "{p:?}");
    p.persons.remove(0)
}

#[test]
fn douglas_adams_from_the_real_recording() {
    let p = parse_entities(&read("Q42.json"), &en()).unwrap();
    assert_eq!(p.persons.len(), 1);
    assert!(p.missing.is_empty() && p.redirects.is_empty());
    let d = &p.persons[0];
    assert_eq!(d.id, Qid(42));
    assert_eq!(d.label.as_deref(), Some("Douglas Adams"));
    assert_eq!(
        d.description.as_deref(),
        Some("English writer and humorist")
    );
    assert_eq!(d.sex, Sex::Male);
    assert_eq!(d.birth.unwrap().to_string(), "11 March 1952");
    assert_eq!(d.death.unwrap().to_string(), "11 May 2001");
    assert_eq!(d.years(), "1952–2001");
    assert_eq!(d.fathers, vec![Qid(14623675)]);
    assert_eq!(d.mothers, vec![Qid(14623678)]);
    assert_eq!(d.children, vec![Qid(14623683)]);
    assert_eq!(d.spouses, vec![Qid(14623681)]);
    assert_eq!(
        d.image.as_deref(),
        Some("Douglas adams portrait cropped.jpg")
    );
    assert!(!d.father_unknown && !d.mother_unknown);
}

#[test]
fn label_fallback_chain_on_the_real_recording() {
    let body = read("Q42.json");
    let de = parse_entities(&body, &["de".into()]).unwrap();
    assert_eq!(de.persons[0].label.as_deref(), Some("Douglas Adams"));
    // A language Q42 has no label in falls back to mul/en.
    let xx = parse_entities(&body, &["xx-nonexistent".into()]).unwrap();
    assert_eq!(xx.persons[0].label.as_deref(), Some("Douglas Adams"));
    let fr = parse_entities(&body, &["fr".into()]).unwrap();
    assert_eq!(
        fr.persons[0].description.as_deref(),
        Some("écrivain anglais de science-fiction")
    );
}

#[test]
fn the_other_recordings_parse() {
    let q1 = parse_entities(&read("Q1.json"), &en()).unwrap();
    assert_eq!(q1.persons[0].id, Qid(1));
    assert_eq!(q1.persons[0].label.as_deref(), Some("universe"));
    assert!(q1.persons[0].fathers.is_empty());
    let q = parse_entities(&read("Q106975887.json"), &en()).unwrap();
    let m = &q.persons[0];
    assert_eq!(m.label.as_deref(), Some("Marinette Yetna"));
    assert_eq!(m.sex, Sex::Female);
    assert!(m.birth.is_some() && m.death.is_some());
    let q = parse_entities(&read("Q31928.json"), &en()).unwrap();
    assert_eq!(q.persons[0].id, Qid(31928));
}

#[test]
fn every_truncation_of_a_real_entity_is_an_error_not_a_panic() {
    let body = read("Q106975887.json");
    for cut in (0..body.len()).step_by(7) {
        let r = parse_entities(&body[..cut], &en());
        let e = r.unwrap_err();
        assert!(
            matches!(e.kind, ParseErrorKind::Truncated | ParseErrorKind::Syntax),
            "cut at {cut}: {e:?}"
        );
    }
    let e = parse_entities(&body[..body.len() / 2], &en()).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::Truncated);
    assert!(e.message.contains("cut short"), "{}", e.message);
}

fn claim(prop: &str, rank: &str, value: &str) -> String {
    format!(
        r#"{{"mainsnak":{{"snaktype":"value","property":"{prop}","datavalue":{{"value":{value},"type":"x"}}}},"type":"statement","rank":"{rank}"}}"#
    )
}

fn item(q: u64) -> String {
    format!(r#"{{"entity-type":"item","numeric-id":{q},"id":"Q{q}"}}"#)
}

fn special(prop: &str, snaktype: &str) -> String {
    format!(
        r#"{{"mainsnak":{{"snaktype":"{snaktype}","property":"{prop}"}},"type":"statement","rank":"normal"}}"#
    )
}

fn entity(id: &str, claims: &str) -> String {
    format!(
        r#"{{"entities":{{"{id}":{{"type":"item","id":"{id}","labels":{{"en":{{"language":"en","value":"Someone"}}}},"claims":{{{claims}}}}}}}}}"#
    )
}

#[test]
fn preferred_rank_beats_normal() {
    let c = format!(
        r#""P22":[{},{}]"#,
        claim("P22", "normal", &item(1)),
        claim("P22", "preferred", &item(2))
    );
    assert_eq!(one(&entity("Q10", &c), &["en"]).fathers, vec![Qid(2)]);
}

#[test]
fn normal_values_all_count_without_a_preferred_one() {
    let c = format!(
        r#""P40":[{},{},{}]"#,
        claim("P40", "normal", &item(1)),
        claim("P40", "normal", &item(2)),
        claim("P40", "normal", &item(1))
    );
    assert_eq!(
        one(&entity("Q10", &c), &["en"]).children,
        vec![Qid(1), Qid(2)]
    );
}

#[test]
fn deprecated_is_ignored() {
    let c = format!(
        r#""P25":[{}],"P26":[{},{}]"#,
        claim("P25", "deprecated", &item(3)),
        claim("P26", "deprecated", &item(4)),
        claim("P26", "normal", &item(5))
    );
    let p = one(&entity("Q10", &c), &["en"]);
    assert!(p.mothers.is_empty());
    assert!(!p.mother_unknown);
    assert_eq!(p.spouses, vec![Qid(5)]);
}

#[test]
fn somevalue_and_novalue_are_unknown_never_an_edge() {
    let c = format!(
        r#""P22":[{}],"P25":[{}]"#,
        special("P22", "somevalue"),
        special("P25", "novalue")
    );
    let p = one(&entity("Q10", &c), &["en"]);
    assert!(p.fathers.is_empty() && p.mothers.is_empty());
    assert!(p.father_unknown && p.mother_unknown);
    // With a real father too, he wins and the flag stays off.
    let c = format!(
        r#""P22":[{},{}]"#,
        special("P22", "somevalue"),
        claim("P22", "normal", &item(7))
    );
    let p = one(&entity("Q10", &c), &["en"]);
    assert_eq!(p.fathers, vec![Qid(7)]);
    assert!(!p.father_unknown);
}

#[test]
fn redirect_maps_asked_to_real() {
    // wbgetentities keyed by the asked id, with the redirect noted.
    let body = r#"{"entities":{"Q1":{"type":"item","id":"Q2","redirects":{"from":"Q1","to":"Q2"},"labels":{},"claims":{}}},"success":1}"#;
    let p = parse_entities(body.as_bytes(), &en()).unwrap();
    assert_eq!(p.redirects, vec![(Qid(1), Qid(2))]);
    assert_eq!(p.persons[0].id, Qid(2));
    // Key differing from id also counts.
    let body = r#"{"entities":{"Q5":{"type":"item","id":"Q6","labels":[],"claims":[]}}}"#;
    let p = parse_entities(body.as_bytes(), &en()).unwrap();
    assert_eq!(p.redirects, vec![(Qid(5), Qid(6))]);
}

#[test]
fn missing_is_a_result() {
    let body = r#"{"entities":{"Q404":{"id":"Q404","missing":""},"Q42":{"type":"item","id":"Q42","labels":{"en":{"language":"en","value":"D"}},"claims":{}}},"success":1}"#;
    let p = parse_entities(body.as_bytes(), &en()).unwrap();
    assert_eq!(p.missing, vec![Qid(404)]);
    assert_eq!(p.persons.len(), 1);
}

#[test]
fn label_chain_wanted_then_mul_then_en_then_any() {
    let labels = |l: &str| {
        format!(
            r#"{{"entities":{{"Q1":{{"type":"item","id":"Q1","labels":{l},"descriptions":{l}}}}}}}"#
        )
    };
    let all = r#"{"fr":{"language":"fr","value":"F"},"en":{"language":"en","value":"E"},"mul":{"language":"mul","value":"M"},"de":{"language":"de","value":"D"}}"#;
    assert_eq!(one(&labels(all), &["de"]).label.as_deref(), Some("D"));
    assert_eq!(one(&labels(all), &["sv", "fr"]).label.as_deref(), Some("F"));
    assert_eq!(one(&labels(all), &["sv"]).label.as_deref(), Some("M"));
    assert_eq!(one(&labels(all), &["sv"]).description.as_deref(), Some("M"));
    let no_mul = r#"{"fr":{"language":"fr","value":"F"},"en":{"language":"en","value":"E"}}"#;
    assert_eq!(one(&labels(no_mul), &["sv"]).label.as_deref(), Some("E"));
    let only = r#"{"fi":{"language":"fi","value":"Fi"},"fr":{"language":"fr","value":"F"}}"#;
    assert_eq!(one(&labels(only), &["sv"]).label.as_deref(), Some("Fi"));
    assert_eq!(one(&labels("{}"), &["sv"]).label, None);
    // wbgetentities language fallback: key is the asked language, value from another.
    let fb = r#"{"de":{"language":"en","for-language":"de","value":"E"}}"#;
    assert_eq!(one(&labels(fb), &["de"]).label.as_deref(), Some("E"));
}

fn time(t: &str, precision: u8) -> String {
    format!(
        r#"{{"time":"{t}","timezone":0,"before":0,"after":0,"precision":{precision},"calendarmodel":"http://www.wikidata.org/entity/Q1985727"}}"#
    )
}

#[test]
fn dates_with_precision_circa_and_bce() {
    let birth = |t: &str, p: u8, qual: &str| {
        let c = format!(
            r#""P569":[{{"mainsnak":{{"snaktype":"value","property":"P569","datavalue":{{"value":{},"type":"time"}}}},"type":"statement","rank":"normal"{qual}}}]"#,
            time(t, p)
        );
        one(&entity("Q1", &c), &["en"]).birth.unwrap()
    };
    assert_eq!(
        birth("+1819-05-24T00:00:00Z", 11, "").to_string(),
        "24 May 1819"
    );
    assert_eq!(
        birth("+1819-05-00T00:00:00Z", 10, "").to_string(),
        "May 1819"
    );
    assert_eq!(birth("+1819-00-00T00:00:00Z", 9, "").to_string(), "1819");
    // A day precision without a day falls back.
    assert_eq!(birth("+1819-00-00T00:00:00Z", 11, "").to_string(), "1819");
    assert_eq!(birth("+1810-00-00T00:00:00Z", 8, "").to_string(), "1810s");
    assert_eq!(
        birth("+1900-00-00T00:00:00Z", 7, "").to_string(),
        "19th century"
    );
    assert_eq!(
        birth("-0044-03-15T00:00:00Z", 11, "").to_string(),
        "15 March 44 BCE"
    );
    assert_eq!(
        birth("-0500-00-00T00:00:00Z", 7, "").to_string(),
        "5th century BCE"
    );
    let circa = r#","qualifiers":{"P1480":[{"snaktype":"value","property":"P1480","datavalue":{"value":{"entity-type":"item","numeric-id":5727902,"id":"Q5727902"},"type":"wikibase-entityid"}}]},"qualifiers-order":["P1480"]"#;
    let d = birth("+1040-00-00T00:00:00Z", 9, circa);
    assert!(d.circa);
    assert_eq!(d.to_string(), "c. 1040");
    let mut p = Person::new(Qid(1));
    p.birth = Some(d);
    assert_eq!(p.years(), "c. 1040–");
    p.death = Some(Date {
        year: 1093,
        month: 11,
        day: 13,
        precision: Precision::Day,
        circa: false,
    });
    assert_eq!(p.years(), "c. 1040–1093");
    p.birth = None;
    assert_eq!(p.years(), "–1093");
    assert_eq!(Date::from_wikidata("garbage", 11), None);
    assert_eq!(Date::from_wikidata("+1819-05-24T00:00:00Z", 3), None);
    assert_eq!(
        Date::from_wikidata("+99999999999999999999-01-01T00:00:00Z", 9),
        None
    );
}

#[test]
fn sex_from_p21() {
    let c = format!(r#""P21":[{}]"#, claim("P21", "normal", &item(6581072)));
    assert_eq!(one(&entity("Q1", &c), &["en"]).sex, Sex::Female);
    let c = format!(r#""P21":[{}]"#, claim("P21", "normal", &item(48270)));
    assert_eq!(one(&entity("Q1", &c), &["en"]).sex, Sex::Unknown);
}

#[test]
fn hostile_and_malformed_json_is_an_error_value() {
    let cases: &[&[u8]] = &[
        b"",
        b"<html>Too many requests</html>",
        b"[]",
        b"null",
        b"{}",
        b"{\"entities\":5}",
        b"{\"entities\":{\"Q1\":5}}",
        b"{\"entities\":{\"Q1\":{\"claims\":{\"P22\":5}}}} trailing",
        b"{\"entities\":{\"Q1\":{\"labels\":{\"en\":{\"value\":5}}}}}",
        b"\xff\xfe",
    ];
    for c in cases {
        assert!(
            parse_entities(c, &en()).is_err(),
            "{:?}",
            String::from_utf8_lossy(c)
        );
    }
    // Very deep nesting in skipped parts is skipped without recursion (no stack overflow).
    for at in [
        "sitelinks",
        "claims\":{\"P22\":[{\"qualifiers\":{\"P1480\":[{\"datavalue\":{\"value\":{\"x\"",
    ] {
        let deep = format!(
            r#"{{"entities":{{"Q1":{{"{at}":{}{}}}}}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        // Either outcome is fine; what matters is that it returns.
        let _ = parse_entities(deep.as_bytes(), &en());
    }
    // API error object.
    let e = parse_entities(
        br#"{"error":{"code":"no-such-entity","info":"Could not find an entity with the ID \"Q0\"."},"servedby":"mw"}"#,
        &en(),
    )
    .unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::Api);
    assert!(e.message.contains("Could not find"));
}

#[test]
fn odd_but_valid_shapes_are_tolerated() {
    // Statements of the wrong shape are dropped; properties/lexemes are skipped.
    let body = r#"{"entities":{
        "Q1":{"type":"item","id":"Q1","claims":{"P22":[5,"x",null,{"rank":"normal"},{"mainsnak":{"snaktype":"value","datavalue":{"value":"Q9"}}},
            {"mainsnak":{"snaktype":"value","datavalue":{"value":{"entity-type":"property","id":"P9"}}}},
            {"mainsnak":{"snaktype":"value","datavalue":{"value":{"numeric-id":"77"}}}}],
            "P25":{"weird":true},"P40":[{"mainsnak":{"snaktype":"value","datavalue":{"value":{"id":"Q1"}}}}]}},
        "P31":{"type":"property","id":"P31"},
        "L1":{"type":"lexeme","id":"L1"}},"success":1}"#;
    let p = parse_entities(body.as_bytes(), &en()).unwrap();
    assert_eq!(p.skipped, 2);
    assert_eq!(p.persons.len(), 1);
    assert_eq!(p.persons[0].fathers, vec![Qid(77)]);
    assert!(p.persons[0].mothers.is_empty());
    // A person is never their own child.
    assert!(p.persons[0].children.is_empty());
}

#[test]
fn random_corruption_of_a_real_entity_never_panics() {
    let body = read("Q106975887.json");
    let mut rng = wikikin_core::sim::Rng::new(42);
    let mut errors = 0;
    for _ in 0..3000 {
        let mut b = body.clone();
        for _ in 0..1 + rng.next_u64() % 4 {
            let i = (rng.next_u64() % b.len() as u64) as usize;
            b[i] = match rng.next_u64() % 6 {
                0 => b'{',
                1 => b'"',
                2 => b']',
                3 => b'0',
                4 => 0xff,
                _ => (rng.next_u64() & 0xff) as u8,
            };
        }
        if parse_entities(&b, &en()).is_err() {
            errors += 1;
        }
    }
    // Most corruptions break the JSON; all of them come back as values.
    assert!(errors > 1000, "{errors}");
}

#[test]
fn another_instance_reads_its_own_property_ids() {
    // A FactGrid-shaped entity: father P141, mother P142, child P150, spouse P84, gender P154.
    let item = |p: &str, q: u64| {
        format!(
            r#""{p}":[{{"mainsnak":{{"snaktype":"value","property":"{p}","datavalue":{{"value":{{"entity-type":"item","numeric-id":{q},"id":"Q{q}"}},"type":"wikibase-entityid"}}}},"type":"statement","rank":"normal"}}]"#
        )
    };
    let body = format!(
        r#"{{"entities":{{"Q10":{{"type":"item","id":"Q10","labels":{{"en":{{"language":"en","value":"Anna"}}}},"claims":{{{},{},{},{},{},{}}}}}}}}}"#,
        item("P141", 1),
        item("P142", 2),
        item("P150", 3),
        item("P84", 4),
        item("P154", 17),
        item("P22", 99)
    );
    let props = wikikin_core::Props::factgrid();
    let p = &wikikin_core::parse_entities_with(body.as_bytes(), &["en".into()], &props)
        .unwrap()
        .persons[0];
    assert_eq!(p.fathers, vec![Qid(1)]);
    assert_eq!(p.mothers, vec![Qid(2)]);
    assert_eq!(p.children, vec![Qid(3)]);
    assert_eq!(p.spouses, vec![Qid(4)]);
    assert_eq!(p.sex, wikikin_core::Sex::Female);
    // Wikidata's P22 means nothing there; read as Wikidata, FactGrid's ids mean nothing.
    let w = &parse_entities(body.as_bytes(), &["en".into()])
        .unwrap()
        .persons[0];
    assert_eq!(w.fathers, vec![Qid(99)]);
    assert!(w.mothers.is_empty() && w.children.is_empty());
}

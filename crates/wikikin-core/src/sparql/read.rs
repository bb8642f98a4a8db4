//! Reading the SPARQL JSON results of the family queries (`?i ?r ?o` rows, `?r` a one-letter
//! tag of what `?o` is) into the same [`Parsed`] as entity JSON. Network data: never panics.

use super::Iris;
use crate::config::language_chain;
use crate::entity::{clean_text, sex_of, Date, ParseError, ParseErrorKind, Parsed, Person};
use crate::{Props, Qid};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Results {
    results: Bindings,
}

#[derive(Deserialize)]
struct Bindings {
    bindings: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    i: Option<Term>,
    r: Option<Term>,
    o: Option<Term>,
}

#[derive(Deserialize)]
struct Term {
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "xml:lang")]
    lang: Option<String>,
}

/// Reads the results of [`people_query`]. `asked`: the ids of the query; those without a single
/// row are listed in [`Parsed::missing`] only if nothing at all came back for them — the caller
/// decides what that means (the crawl asks the entity JSON). Network data: never panics.
pub fn parse_people(
    body: &[u8],
    asked: &[Qid],
    languages: &[String],
    props: &Props,
    iris: &Iris,
) -> Result<Parsed, ParseError> {
    parse_people_rows(body, asked, languages, props, iris).map(|(parsed, _)| parsed)
}

/// [`parse_people`], and how many rows the answer had (to tell one cut short by its `LIMIT`).
pub fn parse_people_rows(
    body: &[u8],
    asked: &[Qid],
    languages: &[String],
    props: &Props,
    iris: &Iris,
) -> Result<(Parsed, usize), ParseError> {
    let res: Results = serde_json::from_slice(body).map_err(|e| {
        let kind = if e.is_eof() {
            ParseErrorKind::Truncated
        } else if e.is_syntax() {
            ParseErrorKind::Syntax
        } else {
            ParseErrorKind::Shape
        };
        ParseError {
            kind,
            message: format!("the query service's answer could not be read: {e}"),
        }
    })?;
    let chain = language_chain(languages);
    let rank = |lang: &str| chain.iter().position(|l| *l == lang).unwrap_or(chain.len());
    let item = |t: &Term| -> Option<Qid> {
        (t.kind == "uri")
            .then(|| t.value.strip_prefix(iris.entity.as_str()))
            .flatten()
            .and_then(|s| s.parse().ok())
    };
    let mut people: BTreeMap<Qid, (Person, Option<usize>, Option<usize>)> = BTreeMap::new();
    let mut out = Parsed::default();
    let rows = res.results.bindings.len();
    for row in res.results.bindings {
        let (Some(i), Some(r), Some(o)) = (row.i, row.r, row.o) else {
            continue;
        };
        let Some(id) = item(&i) else {
            out.skipped += 1;
            continue;
        };
        let entry = people
            .entry(id)
            .or_insert_with(|| (Person::new(id), None, None));
        let p = &mut entry.0;
        let other = item(&o);
        let unknown = o.kind == "bnode";
        let push = |v: &mut Vec<Qid>, q: Option<Qid>| {
            if let Some(q) = q.filter(|q| *q != id && !v.contains(q)) {
                v.push(q);
            }
        };
        match r.value.as_str() {
            "f" if unknown => p.father_unknown = true,
            "m" if unknown => p.mother_unknown = true,
            "f" => push(&mut p.fathers, other),
            "m" => push(&mut p.mothers, other),
            "c" => push(&mut p.children, other),
            "s" => push(&mut p.spouses, other),
            "x" => {
                if let Some(s) = other.and_then(|q| sex_of(q, props)) {
                    p.sex = s;
                }
            }
            "b" if p.birth.is_none() => p.birth = date(&o.value),
            "d" if p.death.is_none() => p.death = date(&o.value),
            "p" if p.image.is_none() => p.image = file_name(&o.value),
            "l" | "e" => {
                let r_new = rank(o.lang.as_deref().unwrap_or(""));
                let (slot, best) = if r.value == "l" {
                    (&mut p.label, &mut entry.1)
                } else {
                    (&mut p.description, &mut entry.2)
                };
                if best.is_none_or(|b| r_new < b) {
                    *slot = Some(clean_text(o.value));
                    *best = Some(r_new);
                }
            }
            "=" => {
                if let Some(to) = other.filter(|t| *t != id) {
                    if !out.redirects.contains(&(id, to)) {
                        out.redirects.push((id, to));
                    }
                }
            }
            _ => {}
        }
    }
    for (id, (mut p, _, _)) in people {
        if out.redirects.iter().any(|(from, _)| *from == id) {
            continue;
        }
        p.father_unknown &= p.fathers.is_empty();
        p.mother_unknown &= p.mothers.is_empty();
        out.persons.push(p);
    }
    for q in asked {
        let seen =
            out.persons.iter().any(|p| p.id == *q) || out.redirects.iter().any(|(f, _)| f == q);
        if !seen {
            out.missing.push(*q);
        }
    }
    Ok((out, rows))
}

/// An `xsd:dateTime` as the truthy triples give it. Their precision is not in the triple: a
/// first of January at midnight is read as a year (how year-precision dates come out).
fn date(value: &str) -> Option<Date> {
    let precision = if value.contains("-01-01T00:00:00") {
        9
    } else {
        11
    };
    Date::from_wikidata(value, precision)
}

/// The file name of a `Special:FilePath` IRI (`…/Special:FilePath/Foo%20bar.jpg` → `Foo bar.jpg`).
fn file_name(iri: &str) -> Option<String> {
    let last = iri.rsplit_once("Special:FilePath/").map(|(_, f)| f)?;
    let name = percent_encoding::percent_decode_str(last)
        .decode_utf8()
        .ok()?
        .replace('_', " ");
    (!name.trim().is_empty()).then(|| clean_text(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESULTS: &str = r#"{"head":{"vars":["i","r","o"]},"results":{"bindings":[
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q43274"},"r":{"type":"literal","value":"f"},"o":{"type":"uri","value":"http://www.wikidata.org/entity/Q80976"}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q43274"},"r":{"type":"literal","value":"m"},"o":{"type":"uri","value":"http://www.wikidata.org/entity/Q9682"}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q9682"},"r":{"type":"literal","value":"c"},"o":{"type":"uri","value":"http://www.wikidata.org/entity/Q43274"}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q9682"},"r":{"type":"literal","value":"x"},"o":{"type":"uri","value":"http://www.wikidata.org/entity/Q6581072"}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q9682"},"r":{"type":"literal","value":"b"},"o":{"datatype":"http://www.w3.org/2001/XMLSchema#dateTime","type":"literal","value":"1926-04-21T00:00:00Z"}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q9682"},"r":{"type":"literal","value":"p"},"o":{"type":"uri","value":"http://commons.wikimedia.org/wiki/Special:FilePath/Queen%20Elizabeth_II.jpg"}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q9682"},"r":{"type":"literal","value":"l"},"o":{"xml:lang":"en","type":"literal","value":"Elizabeth II"}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q9682"},"r":{"type":"literal","value":"l"},"o":{"xml:lang":"de","type":"literal","value":"Elisabeth II."}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q43274"},"r":{"type":"literal","value":"f"},"o":{"type":"bnode","value":"t1"}},
      {"i":{"type":"uri","value":"http://www.wikidata.org/entity/Q800"},"r":{"type":"literal","value":"="},"o":{"type":"uri","value":"http://www.wikidata.org/entity/Q9682"}}
    ]}}"#;

    #[test]
    fn records_from_sparql_rows() {
        let asked = [Qid(9682), Qid(43274), Qid(800), Qid(5)];
        let p = parse_people(
            RESULTS.as_bytes(),
            &asked,
            &["de".into()],
            &Props::wikidata(),
            &Iris::default(),
        )
        .unwrap();
        let e = p.persons.iter().find(|x| x.id == Qid(9682)).unwrap();
        assert_eq!(
            e.label.as_deref(),
            Some("Elisabeth II."),
            "the wanted language first"
        );
        assert_eq!(e.children, vec![Qid(43274)]);
        assert_eq!(e.sex, crate::Sex::Female);
        assert_eq!(
            e.birth.map(|d| (d.year, d.month, d.day)),
            Some((1926, 4, 21))
        );
        assert_eq!(e.image.as_deref(), Some("Queen Elizabeth II.jpg"));
        let c = p.persons.iter().find(|x| x.id == Qid(43274)).unwrap();
        assert_eq!(
            (c.fathers.clone(), c.mothers.clone()),
            (vec![Qid(80976)], vec![Qid(9682)])
        );
        assert!(
            !c.father_unknown,
            "a known father beats an unknown-value statement"
        );
        assert_eq!(p.redirects, vec![(Qid(800), Qid(9682))]);
        assert_eq!(p.missing, vec![Qid(5)]);
    }

    #[test]
    fn broken_answers_are_errors_in_words() {
        let asked = [Qid(1)];
        let parse = |b: &str| {
            parse_people(
                b.as_bytes(),
                &asked,
                &[],
                &Props::wikidata(),
                &Iris::default(),
            )
        };
        assert_eq!(
            parse(&RESULTS[..200]).unwrap_err().kind,
            ParseErrorKind::Truncated
        );
        assert_eq!(parse("<html>").unwrap_err().kind, ParseErrorKind::Syntax);
        assert_eq!(parse("{\"x\":1}").unwrap_err().kind, ParseErrorKind::Shape);
    }
}

//! Reading the family from a SPARQL query service (query.wikidata.org, or another Wikibase's):
//! one query per batch of people returns each one's record — parents, children recorded on
//! either side (P40, and the children's own P22/P25, which the entity JSON of the parent cannot
//! show), spouses, sex, years, image, label and description — in a few kilobytes instead of
//! whole entities. [`people_query`] writes the query, [`sparql_url`] the CORS-simple GET, and
//! [`parse_people`] reads the SPARQL JSON results into the same [`Parsed`] as entity JSON.

use crate::config::language_chain;
use crate::entity::{clean_text, sex_of, Date, ParseError, ParseErrorKind, Parsed, Person};
use crate::http::HttpCall;
use crate::web::encode_component;
use crate::{Props, Qid};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The IRIs an instance's query service writes (Wikidata's by default).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Iris {
    /// Item IRI prefix, e.g. `http://www.wikidata.org/entity/`.
    pub entity: String,
    /// Truthy property IRI prefix, e.g. `http://www.wikidata.org/prop/direct/`.
    pub truthy: String,
}

impl Default for Iris {
    fn default() -> Iris {
        Iris {
            entity: "http://www.wikidata.org/entity/".into(),
            truthy: "http://www.wikidata.org/prop/direct/".into(),
        }
    }
}

/// The label languages as a SPARQL list (`"de","mul","en"`); anything but letters, digits and
/// `-` is left out (the languages come from the URL).
fn lang_list(languages: &[String]) -> String {
    let langs: Vec<String> = language_chain(languages)
        .into_iter()
        .filter(|l| l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .map(|l| format!("\"{l}\""))
        .collect();
    langs.join(",")
}

/// The label and description arms of a record's query, in the wanted languages.
fn term_arms(languages: &[String]) -> [String; 2] {
    let langs = lang_list(languages);
    [
        format!("{{?i rdfs:label ?o BIND(\"l\" AS ?r) FILTER(LANG(?o) IN({langs}))}}"),
        format!("{{?i schema:description ?o BIND(\"e\" AS ?r) FILTER(LANG(?o) IN({langs}))}}"),
    ]
}

/// One arm of a record's query: `?i`'s value of property `p`, tagged (none if the instance lacks
/// the property). `reverse`: the people whose `p` is `?i`.
fn arm(p: Option<crate::Pid>, tag: &str, reverse: bool) -> Option<String> {
    let p = p?;
    Some(if reverse {
        format!("{{?o t:{p} ?i BIND(\"{tag}\" AS ?r)}}")
    } else {
        format!("{{?i t:{p} ?o BIND(\"{tag}\" AS ?r)}}")
    })
}

/// The query for these people's records (see the module docs). Short, so that it can go as a
/// GET (the query service caches GET answers). Properties the instance lacks are left out.
pub fn people_query(ids: &[Qid], languages: &[String], props: &Props, iris: &Iris) -> String {
    let values: Vec<String> = ids.iter().map(|q| format!("e:{q}")).collect();
    let mut arms: Vec<String> = [
        arm(props.father, "f", false),
        arm(props.mother, "m", false),
        arm(props.child, "c", false),
        arm(props.spouse, "s", false),
        arm(props.sex, "x", false),
        arm(props.birth, "b", false),
        arm(props.death, "d", false),
        arm(props.image, "p", false),
        arm(props.father, "c", true),
        arm(props.mother, "c", true),
        arm(props.spouse, "s", true),
    ]
    .into_iter()
    .flatten()
    .collect();
    arms.extend(term_arms(languages));
    arms.push("{?i owl:sameAs ?o BIND(\"=\" AS ?r)}".into());
    format!(
        "PREFIX e:<{}> PREFIX t:<{}> PREFIX rdfs:<http://www.w3.org/2000/01/rdf-schema#> PREFIX schema:<http://schema.org/> PREFIX owl:<http://www.w3.org/2002/07/owl#> SELECT ?i ?r ?o WHERE{{VALUES ?i{{{}}}{}}}",
        iris.entity,
        iris.truthy,
        values.join(" "),
        arms.join("UNION")
    )
}

/// Which way a whole-lines query goes from its people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// Their ancestors (father and mother links).
    Ancestors,
    /// Their descendants (children by the parent's P40 or by the child's own P22/P25).
    Descendants,
}

/// One query for everyone on the lines up (or down) from `ids`, within `depth` generations,
/// each with a partial record: parents, sex, years, image, label and description (descendants also their
/// children by P40) — not spouses, nor children recorded only on the children's side; and the
/// records of `ids` themselves whole. A whole ancestry in one round trip, instead of one per
/// generation. `row_limit`: at most this many rows (an answer with that many was cut short).
pub fn lines_query(
    ids: &[Qid],
    lines: Lines,
    depth: u32,
    row_limit: Option<usize>,
    languages: &[String],
    props: &Props,
    iris: &Iris,
) -> String {
    let values: Vec<String> = ids.iter().map(|q| format!("e:{q}")).collect();
    let parent_links: Vec<String> = [props.father, props.mother]
        .into_iter()
        .flatten()
        .map(|p| match lines {
            Lines::Ancestors => format!("t:{p}"),
            Lines::Descendants => format!("^t:{p}"),
        })
        .chain(match (lines, props.child) {
            (Lines::Descendants, Some(c)) => Some(format!("t:{c}")),
            _ => None,
        })
        .collect();
    let step = format!("({})", parent_links.join("|"));
    let values = values.join(" ");
    let reach = reach_within(&values, &step, lines, depth);
    // The records' arms under OPTIONAL: an engine then looks them up for each person reached
    // (the replica's: 57 ms instead of 218 for Elizabeth II and Philip; joined plainly, it read
    // every label of the store first). A person with no arm gives a row without ?r and ?o,
    // which the reader skips.
    let mut arms: Vec<String> = [
        arm(props.father, "f", false),
        arm(props.mother, "m", false),
        arm(props.child, "c", false).filter(|_| lines == Lines::Descendants),
        arm(props.sex, "x", false),
        arm(props.birth, "b", false),
        arm(props.death, "d", false),
        arm(props.image, "p", false),
    ]
    .into_iter()
    .flatten()
    .collect();
    arms.extend(term_arms(languages));
    // Merged items on the lines: where they went (the lines stop there; the crawl goes on).
    arms.push("{?i owl:sameAs ?o BIND(\"=\" AS ?r)}".into());
    // The asked people's own records whole: their children on either side and their spouses.
    let own: Vec<String> = [
        arm(props.child, "c", false),
        arm(props.father, "c", true),
        arm(props.mother, "c", true),
        arm(props.spouse, "s", false),
        arm(props.spouse, "s", true),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!(
        "PREFIX e:<{}> PREFIX t:<{}> PREFIX rdfs:<http://www.w3.org/2000/01/rdf-schema#> PREFIX schema:<http://schema.org/> PREFIX owl:<http://www.w3.org/2002/07/owl#> SELECT ?i ?r ?o WHERE{{{{{reach}OPTIONAL{{{}}}}}UNION{{VALUES ?i{{{values}}}{}}}}}{}",
        iris.entity,
        iris.truthy,
        arms.join("UNION"),
        own.join("UNION"),
        row_limit.map_or(String::new(), |n| format!(" LIMIT {n}")),
    )
}

/// The subquery binding `?i` to everyone within `depth` steps of the people in `values`
/// (themselves included). `(s)?/(s)?/…` bounds the depth, but an engine may walk each person
/// once per way of placing the empty steps (C(depth, k) times): ancestors go in two halves
/// with the people between made distinct (on the replica's engine, 38 ms instead of 229 for
/// Elizabeth II and Philip at 10 generations, 94 instead of 1,116 at 12). Descendants, and
/// anything past 12 generations, take `(s)*` (unbounded, each person once: 13 ms): the lines
/// down from a root end within a few centuries, a `LIMIT` bounds the answer, and the crawl
/// keeps what is within its limits.
fn reach_within(values: &str, step: &str, lines: Lines, depth: u32) -> String {
    let chain = |n: u32| vec![format!("{step}?"); n.max(1) as usize].join("/");
    if lines == Lines::Descendants || depth > 12 {
        return format!("{{SELECT DISTINCT ?i WHERE{{VALUES ?s{{{values}}}?s {step}* ?i}}}}");
    }
    let near = depth.div_ceil(2);
    let far = depth - near;
    if far == 0 {
        return format!(
            "{{SELECT DISTINCT ?i WHERE{{VALUES ?s{{{values}}}?s {} ?i}}}}",
            chain(near)
        );
    }
    format!(
        "{{SELECT DISTINCT ?i WHERE{{{{SELECT DISTINCT ?m WHERE{{VALUES ?s{{{values}}}?s {} ?m}}}}?m {} ?i}}}}",
        chain(near),
        chain(far)
    )
}

/// The longest URL a query is sent as a GET. WDQS caches a GET's answer for five minutes, so a
/// question asked again (a shared link) costs it nothing; but servers and proxies refuse request
/// lines past about 8 kB (HTTP 414), so a longer query is POSTed, form-encoded.
pub const GET_URL_MAX: usize = 4000;

/// A query asking for JSON results, with no custom header (so no CORS preflight): a GET while
/// its URL is at most [`GET_URL_MAX`] long, a form-encoded POST beyond.
pub fn sparql_call(endpoint: &str, query: &str) -> HttpCall {
    let url = sparql_url(endpoint, query);
    if url.len() <= GET_URL_MAX {
        return HttpCall {
            url,
            form: None,
            query: true,
        };
    }
    HttpCall {
        url: endpoint.trim_end_matches('/').to_string(),
        form: Some(format!("query={}&format=json", encode_component(query))),
        query: true,
    }
}

/// The GET of a query, asking for JSON results (no custom header, so no CORS preflight).
pub fn sparql_url(endpoint: &str, query: &str) -> String {
    format!(
        "{}?query={}&format=json",
        endpoint.trim_end_matches('/'),
        encode_component(query)
    )
}

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

    #[test]
    fn short_queries_are_got_and_long_ones_posted() {
        let endpoint = "https://query.wikidata.org/sparql/";
        let short = sparql_call(endpoint, "ASK{}");
        assert_eq!(short.method(), "GET");
        assert_eq!(
            short.url,
            "https://query.wikidata.org/sparql?query=ASK%7B%7D&format=json"
        );
        assert!(short.query);
        let long_query = format!(
            "SELECT * WHERE {{ VALUES ?i {{ {} }} }}",
            "wd:Q42 ".repeat(600)
        );
        let long = sparql_call(endpoint, &long_query);
        assert_eq!(long.method(), "POST");
        assert_eq!(long.url, "https://query.wikidata.org/sparql");
        let form = long.form.clone().unwrap();
        assert_eq!(
            form,
            format!("query={}&format=json", encode_component(&long_query))
        );
        // The same request as one URL, for the logs.
        assert_eq!(long.as_get_url(), sparql_url(endpoint, &long_query));
        assert!(long.as_get_url().len() > GET_URL_MAX);
    }

    #[test]
    fn the_query_is_short_and_uses_the_instance_ids() {
        let ids: Vec<Qid> = (1..=50).map(|n| Qid(100_000_000 + n)).collect();
        let q = people_query(&ids, &["en".into()], &Props::wikidata(), &Iris::default());
        assert!(
            q.contains("{?o t:P25 ?i BIND(\"c\" AS ?r)}"),
            "children on their own side"
        );
        let url = sparql_url("https://query.wikidata.org/sparql", &q);
        assert!(url.len() < 4000, "{} bytes", url.len());
        let f = people_query(&ids[..1], &[], &Props::factgrid(), &Iris::default());
        assert!(f.contains("t:P141") && !f.contains("t:P22 "));
    }
}

//! Reading the family from a SPARQL query service (query.wikidata.org, or another Wikibase's):
//! one query per batch of people returns each one's record — parents, children recorded on
//! either side (P40, and the children's own P22/P25, which the entity JSON of the parent cannot
//! show), spouses, sex, years, image, label and description — in a few kilobytes instead of
//! whole entities. [`people_query`] and [`lineage_query`] write the queries, [`sparql_call`] the
//! CORS-simple request, and [`parse_people`] (`read.rs`) reads the SPARQL JSON results into the
//! same [`Parsed`](crate::Parsed) as entity JSON.

mod read;

pub use read::{parse_people, parse_people_rows};

use crate::config::language_chain;
use crate::http::HttpCall;
use crate::web::encode_component;
use crate::{Props, Qid};

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

/// Which way a lineage query (everyone on the lines up or down from some people) goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lineage {
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
pub fn lineage_query(
    ids: &[Qid],
    way: Lineage,
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
        .map(|p| match way {
            Lineage::Ancestors => format!("t:{p}"),
            Lineage::Descendants => format!("^t:{p}"),
        })
        .chain(match (way, props.child) {
            (Lineage::Descendants, Some(c)) => Some(format!("t:{c}")),
            _ => None,
        })
        .collect();
    let step = format!("({})", parent_links.join("|"));
    let values = values.join(" ");
    let reach = reach_within(&values, &step, way, depth);
    // The records' arms under OPTIONAL: an engine then looks them up for each person reached
    // (the replica's: 57 ms instead of 218 for Elizabeth II and Philip; joined plainly, it read
    // every label of the store first). A person with no arm gives a row without ?r and ?o,
    // which the reader skips.
    let mut arms: Vec<String> = [
        arm(props.father, "f", false),
        arm(props.mother, "m", false),
        arm(props.child, "c", false).filter(|_| way == Lineage::Descendants),
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
fn reach_within(values: &str, step: &str, way: Lineage, depth: u32) -> String {
    let chain = |n: u32| vec![format!("{step}?"); n.max(1) as usize].join("/");
    if way == Lineage::Descendants || depth > 12 {
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

#[cfg(test)]
mod tests {
    use super::*;

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

//! SPARQL like query.wikidata.org: an in-memory oxigraph store of the replica's people in
//! Wikidata's RDF model (`rdf.rs`), WDQS's predefined prefixes, `wikibase:isSomeValue`, the label
//! service rewritten away (`label_service.rs`), evaluation with a deadline, and the results in
//! the SPARQL JSON (or XML, CSV, TSV; Turtle for graphs) formats.

pub mod label_service;
pub mod rdf;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::instance::Instance;
use crate::model::Data;
use crate::render::Payload;
pub use rdf::Statements;
use rdf::{OWL, RDF, RDFS, SCHEMA, SKOS, WIKIBASE, XSD};

/// People loaded per bulk-loader transaction: each commit frees the loader's log (a few
/// dozen bytes a quad), so loading in chunks keeps the peak near the store's own size.
const PEOPLE_PER_COMMIT: usize = 10_000;
/// Quads the bulk loader gathers before inserting them (its default, a million quads of
/// owned strings, is some 300 MB).
const QUADS_PER_BATCH: usize = 64_000;

/// The store and what it takes to query it.
pub struct SparqlStore {
    store: Store,
    inst: &'static Instance,
    /// Number of triples loaded.
    pub triples: usize,
    /// Which statement nodes it holds (`Full` or `Ranked`, never `Auto`).
    pub statements: Statements,
    /// Time it took to build.
    pub build_time: Duration,
}

/// Why a query has no results.
#[derive(Debug)]
pub enum QueryError {
    /// The parser's message (HTTP 400).
    Syntax(String),
    /// It ran past its deadline.
    Timeout,
    /// Anything else the engine refused (HTTP 500).
    Evaluation(String),
}

/// What the client asked the answer to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
    Csv,
    Tsv,
}

impl SparqlStore {
    /// Load every person (deleted ones excepted) in Wikidata's RDF model, with the statement
    /// nodes `statements` asks for (`Auto` resolved by the number of people). The quads are
    /// made a person at a time and streamed into oxigraph's bulk loader, committed every
    /// [`PEOPLE_PER_COMMIT`] people, so nothing but the store itself grows with the data.
    pub fn build(
        data: &Data,
        inst: &'static Instance,
        payload: Payload,
        statements: Statements,
    ) -> Result<SparqlStore, String> {
        let t0 = Instant::now();
        let statements = statements.resolve(data.people.len());
        let store = Store::new().map_err(|e| e.to_string())?;
        let n = data.people.len() as u32;
        let mut start = 0u32;
        loop {
            let end = start.saturating_add(PEOPLE_PER_COMMIT as u32).min(n);
            let chunk = (start..end).flat_map(|idx| {
                let mut out = Vec::new();
                rdf::person_quads(&mut out, data, inst, payload, statements, idx);
                out
            });
            let mut loader = store
                .bulk_loader()
                .with_num_threads(1)
                .with_max_memory_size_in_megabytes(QUADS_PER_BATCH / 1000);
            if end == n {
                let mut tail = Vec::new();
                rdf::redirect_quads(&mut tail, data, inst);
                rdf::extra_quads(&mut tail, inst, statements);
                loader
                    .load_quads(chunk.chain(tail))
                    .map_err(|e| e.to_string())?;
            } else {
                loader.load_quads(chunk).map_err(|e| e.to_string())?;
            }
            loader.commit().map_err(|e| e.to_string())?;
            if end == n {
                break;
            }
            start = end;
        }
        let triples = store.len().map_err(|e| e.to_string())?;
        Ok(SparqlStore {
            store,
            inst,
            triples,
            statements,
            build_time: t0.elapsed(),
        })
    }

    /// WDQS's predefined prefixes, bound to this instance's IRIs.
    pub fn prefixes(&self) -> Vec<(&'static str, String)> {
        let i = self.inst;
        let p = |s: &str| format!("{}{s}", i.prop_base);
        let mut v = vec![
            ("wd", i.entity.to_string()),
            ("wds", format!("{}statement/", i.entity)),
            ("wdt", p("direct/")),
            ("wdtn", p("direct-normalized/")),
            ("p", p("")),
            ("ps", p("statement/")),
            ("psv", p("statement/value/")),
            ("pq", p("qualifier/")),
            ("pqv", p("qualifier/value/")),
            ("pr", p("reference/")),
            ("wdno", p("novalue/")),
            ("wdata", format!("{}/wiki/Special:EntityData/", i.site)),
            ("wikibase", WIKIBASE.into()),
            ("rdf", RDF.into()),
            ("rdfs", RDFS.into()),
            ("owl", OWL.into()),
            ("xsd", XSD.into()),
            ("schema", SCHEMA.into()),
            ("skos", SKOS.into()),
            ("wdref", i.entity.replace("/entity/", "/reference/")),
            ("prov", rdf::PROV.into()),
            ("bd", "http://www.bigdata.com/rdf#".into()),
            ("hint", "http://www.bigdata.com/queryHints#".into()),
            ("geo", "http://www.opengis.net/ont/geosparql#".into()),
            ("dct", "http://purl.org/dc/terms/".into()),
            ("ontolex", "http://www.w3.org/ns/lemon/ontolex#".into()),
        ];
        if let Some((ent, truthy)) = i.own_prefixes {
            v.push((ent, i.entity.to_string()));
            v.push((truthy, p("direct/")));
        }
        v
    }

    /// Run a query; `budget` is how long it may run.
    pub fn query(
        &self,
        text: &str,
        format: Format,
        budget: Option<Duration>,
    ) -> Result<(Vec<u8>, &'static str), QueryError> {
        let text = label_service::rewrite(text);
        let genid = self.inst.genid;
        let mut ev = SparqlEvaluator::new().with_custom_function(
            NamedNode::new_unchecked(format!("{WIKIBASE}isSomeValue")),
            move |args| {
                let some = matches!(args.first(), Some(Term::NamedNode(n)) if n.as_str().starts_with(genid));
                Some(oxigraph::model::Literal::from(some).into())
            },
        );
        for (name, iri) in self.prefixes() {
            ev = ev
                .with_prefix(name, iri)
                .map_err(|e| QueryError::Evaluation(e.to_string()))?;
        }
        let token = CancellationToken::new();
        // A watchdog cancels the query when its budget runs out (or ends as soon as it is done).
        let (done, wait) = mpsc::channel::<()>();
        if let Some(b) = budget {
            let t = token.clone();
            std::thread::spawn(move || {
                if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(b) {
                    t.cancel();
                }
            });
        }
        let prepared = ev
            .with_cancellation_token(token)
            .parse_query(&text)
            .map_err(|e| QueryError::Syntax(e.to_string()))?;
        let result = prepared
            .on_store(&self.store)
            .execute()
            .and_then(|r| serialize(r, format));
        drop(done);
        result.map_err(|e| match e {
            QueryEvaluationError::Cancelled => QueryError::Timeout,
            e => QueryError::Evaluation(e.to_string()),
        })
    }
}

fn serialize(
    r: QueryResults,
    format: Format,
) -> Result<(Vec<u8>, &'static str), QueryEvaluationError> {
    let io = |e: std::io::Error| QueryEvaluationError::Unexpected(Box::new(e));
    let (rf, ct) = match format {
        Format::Json => (
            QueryResultsFormat::Json,
            "application/sparql-results+json;charset=utf-8",
        ),
        Format::Xml => (
            QueryResultsFormat::Xml,
            "application/sparql-results+xml;charset=utf-8",
        ),
        Format::Csv => (QueryResultsFormat::Csv, "text/csv;charset=utf-8"),
        Format::Tsv => (
            QueryResultsFormat::Tsv,
            "text/tab-separated-values;charset=utf-8",
        ),
    };
    let ser = QueryResultsSerializer::from_format(rf);
    match r {
        QueryResults::Boolean(b) => Ok((
            ser.serialize_boolean_to_writer(Vec::new(), b).map_err(io)?,
            ct,
        )),
        QueryResults::Solutions(solutions) => {
            let mut w = ser
                .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
                .map_err(io)?;
            for s in solutions {
                w.serialize(&s?).map_err(io)?;
            }
            Ok((w.finish().map_err(io)?, ct))
        }
        QueryResults::Graph(triples) => {
            let mut w = RdfSerializer::from_format(RdfFormat::Turtle).for_writer(Vec::new());
            for t in triples {
                w.serialize_triple(&t?).map_err(io)?;
            }
            Ok((w.finish().map_err(io)?, "text/turtle;charset=utf-8"))
        }
    }
}

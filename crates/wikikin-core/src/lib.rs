//! wikikin-core: Wikidata entity parsing, the family graph, the sans-IO crawl engine, URL
//! builders and a simulated network. Pure Rust, no I/O, no clocks: time is an input.
//!
//! - [`id`]: [`Qid`], a Wikidata item id.
//! - [`config`]: [`CrawlConfig`], the [`Question`] and the label-language chain.
//! - [`entity`]: [`parse_entities`] reads both Wikidata response shapes into [`Person`]s.
//! - [`graph`]: [`FamilyGraph`], one node per person, implementing `wikikin_kinship::Pedigree`.
//! - [`crawl`]: [`Crawl`], the state machine that says what to fetch next: a scheduler and
//!   one search per question.
//! - [`store`]: [`Store`], the entities kept across crawls.
//! - [`outcome`]: what happened, as data; [`words`](crate::words) gives it English.
//! - [`http`]: `Retry-After` and HTTP dates.
//! - [`wikibase`]: the instances known and their property ids ([`Props`]).
//! - [`web`]: reading user input, checking endpoints, entity / search / image / page URLs.
//! - [`sparql`]: the family records from a SPARQL query service.
//! - [`sim`]: a simulated network in virtual time for tests and benchmarks.

pub mod config;
pub mod crawl;
pub mod entity;
pub mod graph;
pub mod http;
pub mod id;
pub mod outcome;
pub mod sim;
pub mod sources;
pub mod sparql;
pub mod store;
pub mod web;
pub mod wikibase;
mod words;

pub use config::{language_chain, CrawlConfig, FetchMode, Question};
pub use crawl::{Crawl, CrawlResult, DirectAncestor, LevelCount, Progress, Request, RequestId};
pub use entity::{
    clean_text, parse_entities, parse_entities_with, Date, ParseError, ParseErrorKind, Parsed,
    Person, Precision,
};
pub use graph::{FamilyGraph, Link, Problem, Role};
pub use http::{parse_http_date, parse_retry_after, HttpCall};
pub use id::{BadQid, Qid};
pub use outcome::{
    DescendantsEnd, Ending, ExploreEnd, Fallback, FallbackWhy, Guard, Invalid, Limit, Outcome,
    OutcomeKind, PersonFailReason, PersonFailure, RelateEnd, RequestFailure,
};
pub use store::Store;
pub use web::{
    encode_component, entities_url, entity_page_url, image_url, parse_endpoint, parse_person_input,
    parse_search, search_url, SearchHit, DEFAULT_ENDPOINT,
};
pub use wikibase::{Images, Instance, Pid, Props, Role as PropRole};
pub use wikikin_kinship::Sex;

/// What the relationship search gives, with Wikidata ids.
pub type Relationship = wikikin_kinship::Relationship<Qid>;
/// A connection through marriage, with Wikidata ids.
pub type Connection = wikikin_kinship::Connection<Qid>;
/// A search limit met by the relationship search, with Wikidata ids.
pub type KinshipProblem = wikikin_kinship::Problem<Qid>;

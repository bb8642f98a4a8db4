//! wikikin-core: Wikidata entity parsing, the family graph, the sans-IO crawl engine, URL
//! builders and a simulated network. Pure Rust, no I/O, no clocks: time is an input.
//!
//! - [`entity`]: [`parse_entities`] reads both Wikidata response shapes into [`Person`]s.
//! - [`graph`]: [`FamilyGraph`], one node per person, implementing `wikikin_kinship::Pedigree`.
//! - [`crawl`]: [`Crawl`], the state machine that says what to fetch next.
//! - [`web`]: reading user input, checking endpoints, search / image / page URLs.
//! - [`sim`]: a simulated network in virtual time for tests and benchmarks.

pub mod crawl;
pub mod entity;
pub mod graph;
pub mod sim;
pub mod web;

pub use crawl::{
    parse_http_date, parse_retry_after, Crawl, CrawlConfig, CrawlResult, DirectAncestor, Failure,
    FetchMode, LevelCount, Limit, Outcome, OutcomeKind, PersonFailure, Progress, Question, Request,
    RequestId, Store,
};
pub use entity::{
    clean_text, parse_entities, Date, ParseError, ParseErrorKind, Parsed, Person, Precision,
};
pub use graph::{FamilyGraph, Link, Problem, Role};
pub use web::{
    encode_component, entity_page_url, image_url, parse_endpoint, parse_person_input, parse_search,
    search_url, SearchHit, DEFAULT_ENDPOINT,
};
pub use wikikin_kinship::{Qid, Sex};

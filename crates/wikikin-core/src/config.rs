//! What a crawl is asked and with which limits: [`CrawlConfig`], the [`Question`] and how
//! entities are fetched ([`FetchMode`]). The label-language chain is defined here, once.

use crate::Qid;

/// How entities are requested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FetchMode {
    /// `{base}/wiki/Special:EntityData/Q1.json`, one id per request (cacheable by the CDN).
    EntityData,
    /// `{base}/w/api.php?action=wbgetentities&ids=Q1|Q2…`, up to 50 ids per request, only the
    /// props and languages needed.
    GetEntities,
    /// The family records from the SPARQL query service ([`CrawlConfig::sparql`]), up to 50
    /// people per query; `wbgetentities` for what it cannot answer.
    Sparql,
}

/// The question a crawl answers. What each one is, as data, and which search answers it:
/// `crawl/question.rs` (the searches: `relate.rs`, `explore.rs`, `descendants.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// How are these people (2 or more) related? Searches upward from all of them at once.
    Relate { people: Vec<Qid> },
    /// Breadth-first by degree from `roots` over father/mother/child links until every target
    /// is reached.
    Explore { roots: Vec<Qid>, targets: Vec<Qid> },
    /// Everyone descending from `roots` within the generation limit, drawn whole.
    Descendants { roots: Vec<Qid> },
}

/// Settings of one crawl.
#[derive(Clone, Debug, PartialEq)]
pub struct CrawlConfig {
    pub question: Question,
    pub fetch: FetchMode,
    /// Wanted label languages, best first (`mul` and `en` follow automatically: see
    /// [`language_chain`]).
    pub languages: Vec<String>,
    /// How far the search goes: relate, generations upward from each person; descendants,
    /// generations down; explore, the largest degree (the crawl names it for each question).
    /// Also the generation limit of the relationship search on what was loaded
    /// ([`CrawlConfig::kinship_limits`]).
    pub max_generations: u32,
    /// At most this many entities are loaded (fetched or from the store) in one crawl.
    pub max_entities: usize,
    /// Ids per `wbgetentities` request (1–50).
    pub max_batch: usize,
    /// `wbgetentities`: the size one answer should stay under, in bytes. Once answers have shown
    /// how large an entity is, a request asks for at most this many bytes' worth of ids (at
    /// least one), so that a generation of large entities is spread over the free request
    /// slots instead of coming back as one long answer. 0 = no limit but `max_batch`.
    pub batch_bytes: u64,
    /// Attempts per id for 429/503 answers.
    pub max_attempts: u32,
    /// Wait before retrying a 429/503 whose `Retry-After` is absent or unreadable (doubled
    /// on each further attempt).
    pub default_retry_ms: f64,
    /// Longest wait accepted from a `Retry-After`.
    pub max_retry_ms: f64,
    /// Relate: when a person has a mother but no father (or the reverse), fetch that parent's
    /// spouses and accept one whose P40 lists the person.
    pub children_fallback: bool,
    /// Relating two people: also search for the shortest connections through marriage.
    pub connections: bool,
    /// Longest connection through marriage searched, in links.
    pub max_links: u32,
    /// The instance's property ids (Wikidata's by default).
    pub props: crate::Props,
    /// The SPARQL query service (for [`FetchMode::Sparql`]).
    pub sparql: Option<String>,
    /// The IRIs its query service writes.
    pub iris: crate::sparql::Iris,
    /// Queries in flight at most (the query service is shared and slow: a few).
    pub sparql_in_flight: usize,
    /// A query answer larger than this many bytes is not read. A query for whole lines (or for
    /// several people) is then asked again in smaller parts — generation by generation, fewer
    /// people per query — and only one person's record too large goes to the entity JSON.
    pub sparql_max_bytes: usize,
    /// Ids per query for people's records; fewer when half of `sparql_max_bytes` is worth
    /// fewer at the record size seen so far.
    pub sparql_batch: usize,
}

impl CrawlConfig {
    fn base(question: Question) -> CrawlConfig {
        CrawlConfig {
            question,
            fetch: FetchMode::GetEntities,
            languages: vec!["en".into()],
            max_generations: 10,
            max_entities: 5000,
            max_batch: 50,
            batch_bytes: 1_000_000,
            max_attempts: 3,
            default_retry_ms: 2000.0,
            max_retry_ms: 120_000.0,
            children_fallback: true,
            connections: true,
            max_links: 8,
            props: crate::Props::wikidata(),
            sparql: None,
            iris: crate::sparql::Iris::default(),
            sparql_in_flight: 3,
            sparql_max_bytes: 8_000_000,
            sparql_batch: 500,
        }
    }

    /// Relate these people, with the default limits.
    pub fn relate(people: Vec<Qid>) -> CrawlConfig {
        CrawlConfig::base(Question::Relate { people })
    }

    /// Explore from roots until the targets are reached, with the default limits.
    pub fn explore(roots: Vec<Qid>, targets: Vec<Qid>) -> CrawlConfig {
        let mut c = CrawlConfig::base(Question::Explore { roots, targets });
        c.max_generations = 12;
        c
    }

    /// Every descendant of the roots within 60 generations (some 1,500 years: all of them, in
    /// practice), up to 200,000 people.
    pub fn descendants(roots: Vec<Qid>) -> CrawlConfig {
        let mut c = CrawlConfig::base(Question::Descendants { roots });
        c.max_generations = 60;
        c.max_entities = 200_000;
        c
    }

    /// The limits every question's relationship search uses on what was loaded.
    pub fn kinship_limits(&self) -> wikikin_kinship::Limits {
        wikikin_kinship::Limits {
            max_generations: self.max_generations,
            ..wikikin_kinship::Limits::default()
        }
    }

    /// The configuration with its numbers brought into range.
    pub(crate) fn sanitised(mut self) -> CrawlConfig {
        self.max_batch = self.max_batch.clamp(1, 50);
        self.sparql_in_flight = self.sparql_in_flight.max(1);
        self.sparql_batch = self.sparql_batch.max(1);
        self.sparql_max_bytes = self.sparql_max_bytes.max(1);
        if self.fetch == FetchMode::Sparql && self.sparql.is_none() {
            self.fetch = FetchMode::GetEntities;
        }
        self.max_attempts = self.max_attempts.max(1);
        if !self.default_retry_ms.is_finite() || self.default_retry_ms < 0.0 {
            self.default_retry_ms = 2000.0;
        }
        if !self.max_retry_ms.is_finite() || self.max_retry_ms < 0.0 {
            self.max_retry_ms = 120_000.0;
        }
        self
    }
}

/// The label languages to ask for and to read, best first: the wanted ones, then `mul` (the
/// language-neutral label) and `en`, each once, empty ones left out.
pub fn language_chain(languages: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for l in languages.iter().map(String::as_str).chain(["mul", "en"]) {
        if !l.is_empty() && !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_chain_adds_mul_and_en_once() {
        let l = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(language_chain(&l(&["de"])), ["de", "mul", "en"]);
        assert_eq!(language_chain(&l(&["en", "", "de"])), ["en", "de", "mul"]);
        assert_eq!(language_chain(&[]), ["mul", "en"]);
    }
}

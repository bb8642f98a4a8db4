//! The question as the URL holds it: `?people=Q9682,Q80976&roots=Q9439,Q151305&lang=en`, plus the
//! optional `endpoint`, `wikibase`, `props`, `sparql`, `cap`, `fetch` and `timeout`. Reading never
//! fails: whatever is malformed becomes a message in words and a usable form.

use wikikin_core::sparql::Iris;
use wikikin_core::{CrawlConfig, FetchMode, Instance, Props, Qid, DEFAULT_ENDPOINT};

/// At most this many people to relate (each pair is named).
pub const MAX_PEOPLE: usize = 12;
/// At most this many roots to explore down from.
pub const MAX_ROOTS: usize = 8;
/// Requests in flight at once to one host, by default: polite to Wikidata.
pub const DEFAULT_CAP: usize = 6;
/// The cap can be raised this far and no further.
pub const MAX_CAP: usize = 32;
/// Seconds before a request that gets no answer is given up (and retried once).
pub const DEFAULT_TIMEOUT_S: u32 = 30;

/// Which list of the question a field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    People,
    Roots,
}

impl Which {
    /// The field's name in ids and test hooks (`people-input`, `field-roots`…).
    pub fn id(self) -> &'static str {
        match self {
            Which::People => "people",
            Which::Roots => "roots",
        }
    }

    /// How many ids the list holds at most.
    pub fn max(self) -> usize {
        match self {
            Which::People => MAX_PEOPLE,
            Which::Roots => MAX_ROOTS,
        }
    }
}

/// One classic question, one click away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub title: &'static str,
    pub people: &'static [&'static str],
    pub roots: &'static [&'static str],
}

/// The classic questions, one click each.
pub const PRESETS: &[Preset] = &[
    Preset {
        title: "Elizabeth II & Prince Philip",
        people: &["Q9682", "Q80976"],
        roots: &[],
    },
    Preset {
        title: "Elizabeth II & Philip, down from Victoria and Christian IX",
        people: &["Q9682", "Q80976"],
        roots: &["Q9439", "Q151305"],
    },
    Preset {
        title: "Christian IX to Nicholas II and Felipe VI",
        people: &["Q40787", "Q191045"],
        roots: &["Q151305"],
    },
];

/// One question: who, through which roots, in which language, from which Wikibase.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub people: Vec<Qid>,
    pub roots: Vec<Qid>,
    pub lang: String,
    pub endpoint: String,
    /// The known Wikibase the endpoint is (by `wikibase=` or its host); `None`: another one.
    pub instance: Option<Instance>,
    /// The property ids read (the instance's, or Wikidata's, with `props=` on top).
    pub props: Props,
    /// `props=` as given (kept in shared links).
    pub props_param: Option<String>,
    /// The SPARQL query service (the instance's by default, or `sparql=`).
    pub sparql: Option<String>,
    /// `sparql=` as given (kept in shared links).
    pub sparql_given: bool,
    pub cap: usize,
    pub fetch: FetchMode,
    pub timeout_s: u32,
    /// Draw every descendant of the roots (the people, if any, are not needed then).
    pub descendants: bool,
}

impl Ask {
    /// An empty question in a language.
    pub fn new(lang: &str) -> Ask {
        Ask {
            people: Vec::new(),
            roots: Vec::new(),
            lang: lang.to_string(),
            endpoint: DEFAULT_ENDPOINT.to_string(),
            instance: Some(Instance::wikidata()),
            props: Props::wikidata(),
            props_param: None,
            sparql: Instance::wikidata().sparql.map(str::to_string),
            sparql_given: false,
            cap: DEFAULT_CAP,
            // Wikidata has a query service: the measured faster way (see the README).
            fetch: FetchMode::Sparql,
            timeout_s: DEFAULT_TIMEOUT_S,
            descendants: false,
        }
    }

    /// Explore down from roots, rather than relate upward.
    pub fn explores(&self) -> bool {
        !self.roots.is_empty()
    }

    pub fn is_default_endpoint(&self) -> bool {
        self.endpoint == DEFAULT_ENDPOINT
    }

    /// Points the question at another Wikibase: its instance (by host), property ids and query
    /// service follow, unless given explicitly.
    pub fn set_endpoint(&mut self, endpoint: &str) {
        let was_default = self.fetch == self.default_fetch();
        self.endpoint = endpoint.to_string();
        self.instance = Instance::by_endpoint(endpoint);
        if self.props_param.is_none() {
            self.props = self
                .instance
                .as_ref()
                .map_or_else(Props::wikidata, |i| i.props.clone());
        }
        if !self.sparql_given {
            self.sparql = self
                .instance
                .as_ref()
                .and_then(|i| i.sparql)
                .map(str::to_string);
        }
        if was_default {
            self.fetch = self.default_fetch();
        }
    }

    /// How entities are read unless `fetch=` says otherwise: the query service where there is
    /// one (measured faster: one query instead of a request per generation), else
    /// `wbgetentities`.
    pub fn default_fetch(&self) -> FetchMode {
        if self.sparql.is_some() {
            FetchMode::Sparql
        } else {
            FetchMode::GetEntities
        }
    }

    /// The name of the Wikibase the data comes from (`FactGrid`), or its address.
    pub fn source_name(&self) -> String {
        match &self.instance {
            Some(i) => i.name.to_string(),
            None => self.endpoint.clone(),
        }
    }

    /// A person's page on the question's Wikibase (`…/wiki/Q42`, FactGrid's `…/wiki/Item:Q42`).
    pub fn page_url(&self, q: Qid) -> String {
        let path = self.instance.as_ref().map_or("/wiki/", |i| i.page_path);
        format!("{}{path}{q}", self.endpoint.trim_end_matches('/'))
    }

    /// What cannot be shown because the Wikibase lacks a property id, in words.
    pub fn cannot_show(&self) -> Vec<String> {
        self.props
            .missing()
            .into_iter()
            .map(|role| {
                format!(
                    "No {} property is known for {}: {}.",
                    role.key(),
                    self.source_name(),
                    role.lost()
                )
            })
            .collect()
    }

    /// Whether the question draws every descendant of the roots.
    /// How many generations (relate) or degrees (explore) the search goes.
    pub fn max_generations(&self) -> u32 {
        self.crawl_config().max_generations
    }

    pub fn all_descendants(&self) -> bool {
        self.descendants && !self.roots.is_empty()
    }

    /// Whether the question can be run, and if not, why, in words.
    pub fn check(&self) -> Result<(), String> {
        if self.descendants && self.roots.is_empty() {
            return Err("Add a root whose descendants to draw.".into());
        }
        if self.all_descendants() {
            return Ok(());
        }
        if self.explores() {
            if self.people.is_empty() {
                return Err("Add at least one person to reach from the roots.".into());
            }
        } else if self.people.len() < 2 {
            return Err("Add at least two people to relate (or a root to explore from).".into());
        }
        Ok(())
    }

    /// The people or the roots.
    pub fn list(&self, which: Which) -> &[Qid] {
        match which {
            Which::People => &self.people,
            Which::Roots => &self.roots,
        }
    }

    fn list_mut(&mut self, which: Which) -> &mut Vec<Qid> {
        match which {
            Which::People => &mut self.people,
            Which::Roots => &mut self.roots,
        }
    }

    /// Adds `q` to a list (nothing when it is there already); refuses, in words, when the list
    /// is full.
    pub fn add(&mut self, which: Which, q: Qid) -> Result<(), String> {
        let max = which.max();
        let list = self.list_mut(which);
        if list.contains(&q) {
            Ok(())
        } else if list.len() >= max {
            Err(format!("At most {max} here."))
        } else {
            list.push(q);
            Ok(())
        }
    }

    /// Removes `q` from a list.
    pub fn remove(&mut self, which: Which, q: Qid) {
        self.list_mut(which).retain(|x| *x != q);
    }

    /// Puts a classic question in the form (its ids are well formed; any that were not would
    /// be left out).
    pub fn apply(&mut self, preset: &Preset) {
        self.people = preset
            .people
            .iter()
            .filter_map(|s| s.parse().ok())
            .collect();
        self.roots = preset.roots.iter().filter_map(|s| s.parse().ok()).collect();
    }

    /// The crawl that answers this question: relate upward, or explore down from the roots.
    pub fn crawl_config(&self) -> CrawlConfig {
        let mut config = if self.all_descendants() {
            CrawlConfig::descendants(self.roots.clone())
        } else if self.explores() {
            CrawlConfig::explore(self.roots.clone(), self.people.clone())
        } else {
            CrawlConfig::relate(self.people.clone())
        };
        config.fetch = self.fetch;
        config.languages = vec![self.lang.clone()];
        config.props = self.props.clone();
        config.sparql = self.sparql.clone();
        if let Some(i) = &self.instance {
            config.iris = Iris {
                entity: i.entity_iri.to_string(),
                truthy: i.truthy_iri.to_string(),
            };
        }
        config
    }

    /// The request timeout in milliseconds.
    pub fn timeout_ms(&self) -> u32 {
        self.timeout_s.saturating_mul(1000)
    }

    /// The query string that reproduces this question (without the leading `?`).
    pub fn to_query(&self, lang_default: &str) -> String {
        let list = |v: &[Qid]| v.iter().map(Qid::to_string).collect::<Vec<_>>().join(",");
        let mut parts = Vec::new();
        if !self.people.is_empty() {
            parts.push(format!("people={}", list(&self.people)));
        }
        if !self.roots.is_empty() {
            parts.push(format!("roots={}", list(&self.roots)));
        }
        if self.descendants {
            parts.push("descendants=1".into());
        }
        if self.lang != lang_default || !parts.is_empty() {
            parts.push(format!("lang={}", self.lang));
        }
        if !self.is_default_endpoint() {
            parts.push(format!(
                "endpoint={}",
                wikikin_core::encode_component(&self.endpoint)
            ));
        }
        if let Some(i) = &self.instance {
            if i.key != "wikidata" && Instance::by_endpoint(&self.endpoint).as_ref() != Some(i) {
                parts.push(format!("wikibase={}", i.key));
            }
        }
        if let Some(p) = &self.props_param {
            parts.push(format!("props={}", wikikin_core::encode_component(p)));
        }
        if self.sparql_given {
            if let Some(s) = &self.sparql {
                parts.push(format!("sparql={}", wikikin_core::encode_component(s)));
            }
        }
        if self.cap != DEFAULT_CAP {
            parts.push(format!("cap={}", self.cap));
        }
        if self.fetch != self.default_fetch() {
            parts.push(
                match self.fetch {
                    FetchMode::GetEntities => "fetch=wbgetentities",
                    FetchMode::EntityData => "fetch=entitydata",
                    FetchMode::Sparql => "fetch=sparql",
                }
                .into(),
            );
        }
        if self.timeout_s != DEFAULT_TIMEOUT_S {
            parts.push(format!("timeout={}", self.timeout_s));
        }
        parts.join("&")
    }
}

/// The crawl that loads a few people (for the chips' labels and years) through the same
/// engine: one that explores zero degrees from them.
pub fn lookup_config(ids: Vec<Qid>, lang: &str) -> CrawlConfig {
    let mut config = CrawlConfig::explore(ids.clone(), ids);
    config.max_generations = 0;
    config.children_fallback = false;
    config.languages = vec![lang.to_string()];
    config
}

pub use crate::from_url::{
    from_query, lang_from_browser, read_cap, read_ids, read_lang, valid_lang, FromUrl,
};

//! [`Store`]: the entities already known in this page's life. It outlives a crawl: the next
//! question reuses what the last one fetched.

use crate::entity::Person;
use crate::graph::Map;
use crate::Qid;
use std::collections::BTreeSet;

/// Entities already known in this page's life; persists across crawls.
#[derive(Clone, Debug, Default)]
pub struct Store {
    pub(crate) languages: Vec<String>,
    pub(crate) persons: Map<Qid, Person>,
    pub(crate) missing: BTreeSet<Qid>,
    pub(crate) redirects: Map<Qid, Qid>,
    pub(crate) bytes: u64,
    /// People whose record holds only their parents, sex, years, image and label (from a
    /// query service's ancestry or descendants in one query): not their children or spouses.
    pub(crate) partial: BTreeSet<Qid>,
}

impl Store {
    pub fn new() -> Store {
        Store::default()
    }

    /// An empty store for these label languages (what [`crate::CrawlConfig::languages`] will
    /// ask), so that people [`inserted`](Store::insert) before a crawl are kept by it.
    pub fn with_languages(languages: Vec<String>) -> Store {
        Store {
            languages,
            ..Store::default()
        }
    }

    /// The label languages the store's entities were read in.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// Entities held (people and missing ids).
    pub fn len(&self) -> usize {
        self.persons.len() + self.missing.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Follows known redirects.
    pub fn canonical(&self, q: Qid) -> Qid {
        let mut q = q;
        for _ in 0..=self.redirects.len() {
            match self.redirects.get(&q) {
                Some(&t) if t != q => q = t,
                _ => break,
            }
        }
        q
    }

    pub fn person(&self, q: Qid) -> Option<&Person> {
        self.persons.get(&self.canonical(q))
    }

    pub fn is_missing(&self, q: Qid) -> bool {
        self.missing.contains(&self.canonical(q))
    }

    /// Whether the store can answer for this id without a request.
    pub fn holds(&self, q: Qid) -> bool {
        self.person(q).is_some() || self.is_missing(q)
    }

    /// Adds a person (e.g. restored by the app); replaces an older copy.
    pub fn insert(&mut self, p: Person) {
        self.missing.remove(&p.id);
        self.partial.remove(&p.id);
        self.persons.insert(p.id, p);
    }

    /// Adds a partial record (parents, sex, years, image, label), unless a full one is held.
    pub fn insert_partial(&mut self, p: Person) {
        if self.persons.contains_key(&p.id) && !self.partial.contains(&p.id) {
            return;
        }
        self.missing.remove(&p.id);
        self.partial.insert(p.id);
        self.persons.insert(p.id, p);
    }

    /// Whether the record held lacks children and spouses.
    pub fn is_partial(&self, q: Qid) -> bool {
        self.partial.contains(&self.canonical(q))
    }

    /// Bytes of entity data received over the store's life.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    pub fn clear(&mut self) {
        *self = Store {
            languages: std::mem::take(&mut self.languages),
            ..Store::default()
        };
    }

    /// Empties the store if it was filled for other label languages.
    pub(crate) fn for_languages(mut self, languages: &[String]) -> Store {
        if self.languages != languages {
            self.clear();
            self.languages = languages.to_vec();
        }
        self
    }
}

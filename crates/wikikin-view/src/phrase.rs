//! Typed phrases: what the page says, as text and the people it names, so that the app shows each
//! person as it likes (a link, a highlighted name) without looking for names in text.

use serde::Serialize;
use wikikin_core::Qid;

/// A part of a phrase: plain text, or a person (shown by their label).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Piece {
    Text(String),
    Person(Qid),
}

/// A phrase: its pieces in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Phrase(pub Vec<Piece>);

impl Phrase {
    /// A phrase of text only.
    pub fn text(t: impl Into<String>) -> Phrase {
        Phrase(vec![Piece::Text(t.into())])
    }

    /// Appends text (merged with text before it).
    pub fn push_text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if let Some(Piece::Text(last)) = self.0.last_mut() {
            last.push_str(t);
        } else {
            self.0.push(Piece::Text(t.to_string()));
        }
    }

    /// Appends a person.
    pub fn push_person(&mut self, q: Qid) {
        self.0.push(Piece::Person(q));
    }

    /// Appends another phrase.
    pub fn append(&mut self, other: Phrase) {
        for p in other.0 {
            match p {
                Piece::Text(t) => self.push_text(&t),
                Piece::Person(q) => self.push_person(q),
            }
        }
    }

    /// The people it names, in order (each once).
    pub fn people(&self) -> Vec<Qid> {
        let mut out: Vec<Qid> = Vec::new();
        for p in &self.0 {
            if let Piece::Person(q) = p {
                if !out.contains(q) {
                    out.push(*q);
                }
            }
        }
        out
    }

    /// The phrase as plain text, each person by `name`.
    pub fn to_text(&self, name: &dyn Fn(Qid) -> String) -> String {
        let mut s = String::new();
        for p in &self.0 {
            match p {
                Piece::Text(t) => s.push_str(t),
                Piece::Person(q) => s.push_str(&name(*q)),
            }
        }
        s
    }

    /// Whether it says nothing.
    pub fn is_empty(&self) -> bool {
        self.0
            .iter()
            .all(|p| matches!(p, Piece::Text(t) if t.is_empty()))
    }
}

impl From<wikikin_kinship::Phrase<Qid>> for Phrase {
    fn from(p: wikikin_kinship::Phrase<Qid>) -> Phrase {
        let mut out = Phrase::default();
        for piece in p.0 {
            match piece {
                wikikin_kinship::Piece::Text(t) => out.push_text(&t),
                wikikin_kinship::Piece::Person(q) => out.push_person(q),
            }
        }
        out
    }
}

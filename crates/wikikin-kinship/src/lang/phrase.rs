//! Typed phrases: text and person pieces, so a page can render each person as a link without
//! matching text. A frame never inflects a name: the person piece is the whole label.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One piece of a phrase: some text, or a person (rendered by the caller, e.g. as a link).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Piece<Id> {
    Text(String),
    Person(Id),
}

/// A sentence or phrase as pieces ("B", " is ", "A", "'s third cousin").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Phrase<Id>(pub Vec<Piece<Id>>);

impl<Id: Copy> Phrase<Id> {
    pub fn new() -> Self {
        Phrase(Vec::new())
    }

    /// Appends text (merged with a text piece before it).
    pub fn text(&mut self, s: &str) -> &mut Self {
        if s.is_empty() {
            return self;
        }
        if let Some(Piece::Text(last)) = self.0.last_mut() {
            last.push_str(s);
        } else {
            self.0.push(Piece::Text(s.to_string()));
        }
        self
    }

    pub fn person(&mut self, id: Id) -> &mut Self {
        self.0.push(Piece::Person(id));
        self
    }

    /// Appends another phrase.
    pub fn extend(&mut self, other: &Phrase<Id>) -> &mut Self {
        for p in &other.0 {
            match p {
                Piece::Text(s) => self.text(s),
                Piece::Person(id) => self.person(*id),
            };
        }
        self
    }

    /// The people in the phrase, in order.
    pub fn people(&self) -> Vec<Id> {
        self.0
            .iter()
            .filter_map(|p| match p {
                Piece::Person(id) => Some(*id),
                Piece::Text(_) => None,
            })
            .collect()
    }

    /// The phrase as plain text, each person by `name`.
    pub fn to_text(&self, name: &dyn Fn(Id) -> String) -> String {
        self.display(name).to_string()
    }

    /// A `Display` of the phrase, each person by `name`.
    pub fn display<'a>(&'a self, name: &'a dyn Fn(Id) -> String) -> impl fmt::Display + 'a {
        Shown { phrase: self, name }
    }
}

struct Shown<'a, Id> {
    phrase: &'a Phrase<Id>,
    name: &'a dyn Fn(Id) -> String,
}

impl<Id: Copy> fmt::Display for Shown<'_, Id> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.phrase.0 {
            match p {
                Piece::Text(s) => f.write_str(s)?,
                Piece::Person(id) => f.write_str(&(self.name)(*id))?,
            }
        }
        Ok(())
    }
}

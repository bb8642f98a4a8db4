//! Parsing Wikidata entity JSON (`Special:EntityData/Q42.json` and `wbgetentities`) into [`Person`].
//!
//! Only what the app uses is built: labels and descriptions in the wanted languages, and the
//! statements P21 (sex), P569/P570 (birth/death), P18 (image), P22/P25 (father/mother), P40
//! (child), P26 (spouse). The family statements (P22, P25, P26, P40) are kept whole as
//! [`Statement`]s: id, rank, references summed up, doubt and kinship qualifiers. Everything else
//! — other claims, the references of other statements, aliases, sitelinks, other languages — is
//! skipped with [`serde::de::IgnoredAny`] and never allocated.

use crate::{Qid, Sex};
use serde::de::DeserializeSeed;
use serde::{Deserialize, Serialize};
use std::fmt;

mod build;
mod claims;
mod date;
mod raw;
mod refs;
mod statement;

use build::build_person;
pub(crate) use build::sex_of;
use claims::*;
use raw::*;

pub use date::{Date, Precision};
pub use statement::{
    Calendar, DateDetail, FamilyProp, Kinship, Rank, Reference, Statement, ADOPTED_CHILD,
    ADOPTED_DAUGHTER, ADOPTED_SON, ADOPTIVE_FATHER, ADOPTIVE_MOTHER, ADOPTIVE_PARENT, CIRCA,
    DISPUTED, HYPOTHETICALLY, PRESUMABLY, STEPDAUGHTER, STEPSON,
};

/// One person as the app needs them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: Qid,
    /// Label by the language fallback chain (wanted languages, then `mul`, then `en`, then any).
    pub label: Option<String>,
    pub description: Option<String>,
    pub sex: Sex,
    pub birth: Option<Date>,
    pub death: Option<Date>,
    /// Commons file name (P18), e.g. `Douglas adams portrait cropped.jpg`.
    pub image: Option<String>,
    pub fathers: Vec<Qid>,
    pub mothers: Vec<Qid>,
    pub children: Vec<Qid>,
    pub spouses: Vec<Qid>,
    /// What the item is an instance of (P31 on Wikidata; empty when not stated or not read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instance_of: Vec<Qid>,
    /// The father is stated as unknown (`somevalue`) or none (`novalue`) and no father is given.
    pub father_unknown: bool,
    /// The mother is stated as unknown (`somevalue`) or none (`novalue`) and no mother is given.
    pub mother_unknown: bool,
    /// The statements behind `fathers`, `mothers`, `spouses` and `children` (the best-ranked
    /// ones with an item value), with their sources. Empty when the source gave none (the
    /// query service's truthy values).
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// The birth date's statement id and calendar.
    #[serde(default)]
    pub birth_detail: DateDetail,
    /// The death date's statement id and calendar.
    #[serde(default)]
    pub death_detail: DateDetail,
}

impl Person {
    /// Whether the item is stated to be something other than a human (`human`: the instance's
    /// item for a human; without one, or without the statement, nothing is claimed).
    pub fn is_not_human(&self, human: Option<Qid>) -> bool {
        human.is_some_and(|h| !self.instance_of.is_empty() && !self.instance_of.contains(&h))
    }

    /// A person with only an id.
    pub fn new(id: Qid) -> Person {
        Person {
            id,
            label: None,
            description: None,
            sex: Sex::Unknown,
            birth: None,
            death: None,
            image: None,
            fathers: Vec::new(),
            mothers: Vec::new(),
            children: Vec::new(),
            spouses: Vec::new(),
            instance_of: Vec::new(),
            father_unknown: false,
            mother_unknown: false,
            statements: Vec::new(),
            birth_detail: DateDetail::default(),
            death_detail: DateDetail::default(),
        }
    }

    /// The family statements of one property.
    pub fn statements_of(&self, prop: FamilyProp) -> impl Iterator<Item = &Statement> + '_ {
        self.statements.iter().filter(move |s| s.prop == prop)
    }

    /// The label, or the Q-id when there is none.
    pub fn name(&self) -> String {
        self.label.clone().unwrap_or_else(|| self.id.to_string())
    }

    /// Life years like `1819–1901`, `c. 1040–1093`, `1950–`, `–1066`; empty when neither is known.
    pub fn years(&self) -> String {
        let year = |d: &Date| {
            let y = Date::year_text(d.year);
            if d.circa {
                format!("c. {y}")
            } else {
                y
            }
        };
        match (&self.birth, &self.death) {
            (None, None) => String::new(),
            (Some(b), None) => format!("{}–", year(b)),
            (None, Some(d)) => format!("–{}", year(d)),
            (Some(b), Some(d)) => format!("{}–{}", year(b), year(d)),
        }
    }
}

/// Text from the network made safe to put beside our own words: bidirectional embedding,
/// override and isolate controls (U+202A–U+202E, U+2066–U+2069) are removed, so an unbalanced
/// right-to-left override in a label cannot reverse the rest of a sentence on screen; other
/// control characters become spaces. Everything else (right-to-left scripts, combining marks,
/// emoji) is kept as it is.
pub fn clean_text(s: String) -> String {
    let bad = |c: char| {
        matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            || (c.is_control() && c != ' ')
    };
    if !s.chars().any(bad) {
        return s;
    }
    s.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// What one response held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub persons: Vec<Person>,
    /// Ids the server says do not exist.
    pub missing: Vec<Qid>,
    /// `(asked, real)`: the asked id is a redirect to the real one.
    pub redirects: Vec<(Qid, Qid)>,
    /// Entries that were not items (properties, lexemes, unreadable ids): skipped.
    pub skipped: usize,
}

/// Why a response could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The JSON ended early (a cut-off download).
    Truncated,
    /// Not JSON at all.
    Syntax,
    /// JSON, but not the shape of an entity response.
    Shape,
    /// The API answered with an error object.
    Api,
}

/// A response that could not be read, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

impl From<serde_json::Error> for ParseError {
    fn from(e: serde_json::Error) -> Self {
        use serde_json::error::Category;
        let (kind, message) = match e.classify() {
            Category::Eof => (
                ParseErrorKind::Truncated,
                format!(
                    "the response was cut short: the JSON ends early (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            ),
            Category::Syntax | Category::Io => (
                ParseErrorKind::Syntax,
                format!("the response is not valid JSON: {e}"),
            ),
            Category::Data => (
                ParseErrorKind::Shape,
                format!("the response is not a Wikidata entity response: {e}"),
            ),
        };
        ParseError { kind, message }
    }
}

/// Parses an entity response (either shape). `languages` are the wanted label languages, best
/// first; `mul`, then `en`, then any language follow them automatically.
pub fn parse_entities(body: &[u8], languages: &[String]) -> Result<Parsed, ParseError> {
    parse_entities_with(body, languages, &crate::Props::wikidata())
}

/// [`parse_entities`] for an instance with these property ids.
pub fn parse_entities_with(
    body: &[u8],
    languages: &[String],
    props: &crate::Props,
) -> Result<Parsed, ParseError> {
    let keys = ClaimKeys::new(props);
    let chain = crate::config::language_chain(languages);
    let mut de = serde_json::Deserializer::from_slice(body);
    let raw = ResponseSeed {
        chain: &chain,
        keys: &keys,
    }
    .deserialize(&mut de)?;
    de.end()?;
    if let Some(err) = raw.error {
        return Err(ParseError {
            kind: ParseErrorKind::Api,
            message: err,
        });
    }
    if !raw.had_entities {
        return Err(ParseError {
            kind: ParseErrorKind::Shape,
            message: "the response has no \"entities\": it is not a Wikidata entity response"
                .into(),
        });
    }
    let mut out = Parsed::default();
    for e in raw.entities {
        let key_id = e.key.parse::<Qid>().ok();
        let own_id = e.id.as_deref().and_then(|s| s.parse::<Qid>().ok());
        let Some(id) = own_id.or(key_id) else {
            out.skipped += 1;
            continue;
        };
        if let Some((from, to)) = &e.redirect {
            if let (Ok(from), Ok(to)) = (from.parse::<Qid>(), to.parse::<Qid>()) {
                if from != to && !out.redirects.contains(&(from, to)) {
                    out.redirects.push((from, to));
                }
            }
        }
        if let Some(key) = key_id {
            if key != id && !out.redirects.contains(&(key, id)) {
                out.redirects.push((key, id));
            }
        }
        if e.missing {
            out.missing.push(id);
            continue;
        }
        if e.kind.as_deref().is_some_and(|t| t != "item") {
            out.skipped += 1;
            continue;
        }
        out.persons.push(build_person(id, e, props));
    }
    Ok(out)
}

#[cfg(test)]
mod clean_text_tests {
    use super::clean_text;

    #[test]
    fn clean_text_drops_bidi_controls_and_keeps_scripts() {
        assert_eq!(clean_text("Spoof \u{202E}eman".into()), "Spoof eman");
        assert_eq!(clean_text("a\u{2067}b\u{2069}c".into()), "abc");
        assert_eq!(clean_text("tab\there\u{0}".into()), "tab here ");
        let kept = "محمد e\u{301} 👑 Ελισάβετ";
        assert_eq!(clean_text(kept.into()), kept);
    }
}

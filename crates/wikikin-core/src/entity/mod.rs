//! Parsing Wikidata entity JSON (`Special:EntityData/Q42.json` and `wbgetentities`) into [`Person`].
//!
//! Only what the app uses is built: labels and descriptions in the wanted languages, and the
//! statements P21 (sex), P569/P570 (birth/death), P18 (image), P22/P25 (father/mother), P40
//! (child), P26 (spouse). Everything else — other claims, references, aliases, sitelinks, other
//! languages — is skipped with [`serde::de::IgnoredAny`] and never allocated.

use crate::{Qid, Sex};
use serde::de::DeserializeSeed;
use serde::{Deserialize, Serialize};
use std::fmt;

mod claims;
mod date;
mod raw;

use claims::*;
use raw::*;

pub use date::{Date, Precision};

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
    /// The father is stated as unknown (`somevalue`) or none (`novalue`) and no father is given.
    pub father_unknown: bool,
    /// The mother is stated as unknown (`somevalue`) or none (`novalue`) and no mother is given.
    pub mother_unknown: bool,
}

impl Person {
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
            father_unknown: false,
            mother_unknown: false,
        }
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

fn build_person(id: Qid, e: RawEntity, props: &crate::Props) -> Person {
    let c = e.claims;
    let (fathers, father_unknown) = items(&c.p22);
    let (mothers, mother_unknown) = items(&c.p25);
    let no_father = fathers.iter().all(|q| *q == id);
    let no_mother = mothers.iter().all(|q| *q == id);
    let (children, _) = items(&c.p40);
    let (spouses, _) = items(&c.p26);
    let (sexes, _) = items(&c.p21);
    let sex = sexes
        .iter()
        .find_map(|q| sex_of(*q, props))
        .unwrap_or(Sex::Unknown);
    let image = best(&c.p18).find_map(|s| match &s.mainsnak.datavalue {
        Some(DataValue {
            value: SnakValue::Str(f),
        }) if s.mainsnak.snaktype == SnakType::Value && !f.trim().is_empty() => Some(f.clone()),
        _ => None,
    });
    Person {
        id,
        label: e.label.map(|(_, v)| clean_text(v)),
        description: e.description.map(|(_, v)| clean_text(v)),
        sex,
        birth: date(&c.p569),
        death: date(&c.p570),
        image,
        fathers: fathers.into_iter().filter(|q| *q != id).collect(),
        mothers: mothers.into_iter().filter(|q| *q != id).collect(),
        children: children.into_iter().filter(|q| *q != id).collect(),
        spouses: spouses.into_iter().filter(|q| *q != id).collect(),
        father_unknown: father_unknown && no_father,
        mother_unknown: mother_unknown && no_mother,
    }
}

/// The sex an item of the sex property stands for (Wikidata also: trans man Q2449503, trans
/// woman Q1052281).
pub(crate) fn sex_of(q: Qid, props: &crate::Props) -> Option<Sex> {
    let wikidata = props.sex == Some(crate::Pid(21));
    if Some(q) == props.male || (wikidata && q == Qid(2449503)) {
        Some(Sex::Male)
    } else if Some(q) == props.female || (wikidata && q == Qid(1052281)) {
        Some(Sex::Female)
    } else {
        None
    }
}

/// The statements that count: the preferred ones if any, else the normal ones; never deprecated.
fn best(stmts: &[RawStatement]) -> impl Iterator<Item = &RawStatement> {
    let has_preferred = stmts.iter().any(|s| s.rank == Rank::Preferred);
    let wanted = if has_preferred {
        Rank::Preferred
    } else {
        Rank::Normal
    };
    stmts.iter().filter(move |s| s.rank == wanted)
}

/// Item values of the best statements (deduplicated, in order), and whether an unknown/none
/// value was stated.
fn items(stmts: &[RawStatement]) -> (Vec<Qid>, bool) {
    let mut out = Vec::new();
    let mut unknown = false;
    for s in best(stmts) {
        match s.mainsnak.snaktype {
            SnakType::SomeValue | SnakType::NoValue => unknown = true,
            SnakType::Value => {
                if let Some(q) = s.mainsnak.datavalue.as_ref().and_then(|d| d.value.item()) {
                    if !out.contains(&q) {
                        out.push(q);
                    }
                }
            }
            SnakType::Other => {}
        }
    }
    (out, unknown)
}

const CIRCA: Qid = Qid(5727902);

fn date(stmts: &[RawStatement]) -> Option<Date> {
    best(stmts).find_map(|s| {
        if s.mainsnak.snaktype != SnakType::Value {
            return None;
        }
        let (time, precision) = match s.mainsnak.datavalue.as_ref().map(|d| &d.value) {
            Some(SnakValue::Object {
                time: Some(t),
                precision,
                ..
            }) => (t, precision.unwrap_or(11)),
            _ => return None,
        };
        let mut d = Date::from_wikidata(time, precision)?;
        d.circa = s.qualifiers.p1480.iter().any(|q| {
            q.snaktype == SnakType::Value
                && q.datavalue.as_ref().and_then(|d| d.value.item()) == Some(CIRCA)
        });
        Some(d)
    })
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

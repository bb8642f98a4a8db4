//! Parsing Wikidata entity JSON (`Special:EntityData/Q42.json` and `wbgetentities`) into [`Person`].
//!
//! Only what the app uses is built: labels and descriptions in the wanted languages, and the
//! statements P21 (sex), P569/P570 (birth/death), P18 (image), P22/P25 (father/mother), P40
//! (child), P26 (spouse). Everything else — other claims, references, aliases, sitelinks, other
//! languages — is skipped with [`serde::de::IgnoredAny`] and never allocated.

use crate::{Qid, Sex};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// How precise a date is (Wikidata's `precision`: 7 century, 8 decade, 9 year, 10 month, 11 day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Century,
    Decade,
    Year,
    Month,
    Day,
}

/// A date as Wikidata gives it, with its precision. Years are historical: `-44` is 44 BCE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i64,
    /// 1–12, or 0 when unknown.
    pub month: u8,
    /// 1–31, or 0 when unknown.
    pub day: u8,
    pub precision: Precision,
    /// Qualified "circa" (P1480 = Q5727902).
    pub circa: bool,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl Date {
    /// Parses Wikidata's time string (`+1819-05-24T00:00:00Z`, `-0044-03-15T00:00:00Z`) with a
    /// Wikidata precision number. Returns `None` for anything malformed or less precise than a
    /// century.
    pub fn from_wikidata(time: &str, precision: u64) -> Option<Date> {
        let precision = match precision {
            7 => Precision::Century,
            8 => Precision::Decade,
            9 => Precision::Year,
            10 => Precision::Month,
            11..=14 => Precision::Day,
            _ => return None,
        };
        let (negative, rest) = match time.as_bytes().first()? {
            b'+' => (false, time.get(1..)?),
            b'-' => (true, time.get(1..)?),
            _ => (false, time),
        };
        let mut parts = rest.splitn(3, '-');
        let year_text = parts.next()?;
        if year_text.is_empty()
            || year_text.len() > 17
            || !year_text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let year: i64 = year_text.parse().ok()?;
        let year = if negative { -year } else { year };
        let month: u8 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(0);
        let day: u8 = parts
            .next()
            .and_then(|d| d.get(..2))
            .and_then(|d| d.parse().ok())
            .unwrap_or(0);
        let month = if month <= 12 { month } else { 0 };
        let day = if day <= 31 { day } else { 0 };
        // A precision the value cannot support falls back to what it does have.
        let precision = match precision {
            Precision::Day if month == 0 => Precision::Year,
            Precision::Day if day == 0 => Precision::Month,
            Precision::Month if month == 0 => Precision::Year,
            p => p,
        };
        Some(Date {
            year,
            month,
            day,
            precision,
            circa: false,
        })
    }

    fn year_text(year: i64) -> String {
        if year < 0 {
            format!("{} BCE", year.unsigned_abs())
        } else {
            year.to_string()
        }
    }
}

impl fmt::Display for Date {
    /// `1819`, `May 1819`, `24 May 1819`, `c. 1819`, `1810s`, `19th century`, `44 BCE`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.circa {
            f.write_str("c. ")?;
        }
        let month_name = MONTHS.get(usize::from(self.month).wrapping_sub(1)).copied();
        match (self.precision, month_name) {
            (Precision::Day, Some(m)) if self.day > 0 => {
                write!(f, "{} {} {}", self.day, m, Self::year_text(self.year))
            }
            (Precision::Month, Some(m)) | (Precision::Day, Some(m)) => {
                write!(f, "{} {}", m, Self::year_text(self.year))
            }
            (Precision::Decade, _) => {
                if self.year < 0 {
                    write!(f, "{}s BCE", (self.year.unsigned_abs() / 10) * 10)
                } else {
                    write!(f, "{}s", (self.year / 10) * 10)
                }
            }
            (Precision::Century, _) => {
                let abs = i64::try_from(self.year.unsigned_abs()).unwrap_or(i64::MAX);
                let century = (abs.saturating_sub(1)) / 100 + 1;
                if self.year < 0 {
                    write!(f, "{} century BCE", ordinal(century))
                } else {
                    write!(f, "{} century", ordinal(century))
                }
            }
            _ => f.write_str(&Self::year_text(self.year)),
        }
    }
}

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
    let mut chain: Vec<&str> = Vec::with_capacity(languages.len() + 2);
    for l in languages.iter().map(String::as_str).chain(["mul", "en"]) {
        if !l.is_empty() && !chain.contains(&l) {
            chain.push(l);
        }
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let raw = ResponseSeed { chain: &chain }.deserialize(&mut de)?;
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
        out.persons.push(build_person(id, e));
    }
    Ok(out)
}

fn build_person(id: Qid, e: RawEntity) -> Person {
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
        .find_map(|q| match q.0 {
            6581097 | 2449503 => Some(Sex::Male),
            6581072 | 1052281 => Some(Sex::Female),
            _ => None,
        })
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

// ---------------------------------------------------------------------------------------------
// Raw shapes and their skipping deserializers.

/// A map key or short string, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

struct RawResponse {
    entities: Vec<RawEntity>,
    had_entities: bool,
    error: Option<String>,
}

struct ResponseSeed<'c> {
    chain: &'c [&'c str],
}

impl<'de> DeserializeSeed<'de> for ResponseSeed<'_> {
    type Value = RawResponse;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawResponse, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ResponseSeed<'_> {
    type Value = RawResponse;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object with \"entities\"")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawResponse, A::Error> {
        let mut out = RawResponse {
            entities: Vec::new(),
            had_entities: false,
            error: None,
        };
        while let Some(key) = map.next_key::<Key>()? {
            match &*key.0 {
                "entities" => {
                    out.had_entities = true;
                    out.entities = map.next_value_seed(EntitiesSeed { chain: self.chain })?;
                }
                "error" => {
                    let e: ApiError = map.next_value()?;
                    let code = e.code.unwrap_or_else(|| "error".into());
                    let info = e.info.unwrap_or_else(|| "no details given".into());
                    out.error = Some(format!("Wikidata answered with an error: {info} ({code})"));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(out)
    }
}

#[derive(Deserialize)]
struct ApiError {
    code: Option<String>,
    info: Option<String>,
}

struct EntitiesSeed<'c> {
    chain: &'c [&'c str],
}

impl<'de> DeserializeSeed<'de> for EntitiesSeed<'_> {
    type Value = Vec<RawEntity>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EntitiesSeed<'_> {
    type Value = Vec<RawEntity>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of entities")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(key) = map.next_key::<Key>()? {
            let mut e = map.next_value_seed(EntitySeed { chain: self.chain })?;
            e.key = key.0.into_owned();
            out.push(e);
        }
        Ok(out)
    }
    /// PHP writes an empty object as `[]`.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Vec::new())
    }
}

#[derive(Default)]
struct RawEntity {
    key: String,
    id: Option<String>,
    kind: Option<String>,
    missing: bool,
    redirect: Option<(String, String)>,
    /// (rank in the language chain, text)
    label: Option<(usize, String)>,
    description: Option<(usize, String)>,
    claims: RawClaims,
}

struct EntitySeed<'c> {
    chain: &'c [&'c str],
}

impl<'de> DeserializeSeed<'de> for EntitySeed<'_> {
    type Value = RawEntity;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

#[derive(Deserialize)]
struct RawRedirect {
    from: Option<String>,
    to: Option<String>,
}

impl<'de> Visitor<'de> for EntitySeed<'_> {
    type Value = RawEntity;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an entity object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut e = RawEntity::default();
        while let Some(key) = map.next_key::<Key>()? {
            match &*key.0 {
                "id" => e.id = Some(map.next_value::<Key>()?.0.into_owned()),
                "type" => e.kind = Some(map.next_value::<Key>()?.0.into_owned()),
                "missing" => {
                    map.next_value::<IgnoredAny>()?;
                    e.missing = true;
                }
                "redirects" => {
                    let r: RawRedirect = map.next_value()?;
                    if let (Some(f), Some(t)) = (r.from, r.to) {
                        e.redirect = Some((f, t));
                    }
                }
                "labels" => e.label = map.next_value_seed(TermsSeed { chain: self.chain })?,
                "descriptions" => {
                    e.description = map.next_value_seed(TermsSeed { chain: self.chain })?
                }
                "claims" | "statements" => e.claims = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(e)
    }
}

/// Picks the best term by the language chain; keeps the first other language as a last resort.
struct TermsSeed<'c> {
    chain: &'c [&'c str],
}

#[derive(Deserialize)]
struct Term {
    value: String,
}

impl<'de> DeserializeSeed<'de> for TermsSeed<'_> {
    type Value = Option<(usize, String)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_> {
    type Value = Option<(usize, String)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of terms by language")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut best: Option<(usize, String)> = None;
        while let Some(lang) = map.next_key::<Key>()? {
            let rank = self
                .chain
                .iter()
                .position(|l| *l == &*lang.0)
                .unwrap_or(self.chain.len());
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                let t: Term = map.next_value()?;
                best = Some((rank, t.value));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(best)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

#[derive(Default)]
struct RawClaims {
    p21: Vec<RawStatement>,
    p22: Vec<RawStatement>,
    p25: Vec<RawStatement>,
    p26: Vec<RawStatement>,
    p40: Vec<RawStatement>,
    p18: Vec<RawStatement>,
    p569: Vec<RawStatement>,
    p570: Vec<RawStatement>,
}

impl<'de> Deserialize<'de> for RawClaims {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawClaims;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of claims by property")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawClaims, A::Error> {
                let mut c = RawClaims::default();
                while let Some(p) = map.next_key::<Key>()? {
                    let slot = match &*p.0 {
                        "P21" => &mut c.p21,
                        "P22" => &mut c.p22,
                        "P25" => &mut c.p25,
                        "P26" => &mut c.p26,
                        "P40" => &mut c.p40,
                        "P18" => &mut c.p18,
                        "P569" => &mut c.p569,
                        "P570" => &mut c.p570,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    let list: Lenient<Vec<RawStatement>> = map.next_value()?;
                    slot.extend(list.0);
                }
                Ok(c)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawClaims, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(RawClaims::default())
            }
        }
        d.deserialize_any(V)
    }
}

/// A list of statements where an element of the wrong shape is dropped, not fatal.
struct Lenient<T>(T);

impl<'de> Deserialize<'de> for Lenient<Vec<RawStatement>> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Lenient<Vec<RawStatement>>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of statements")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<MaybeStatement>()? {
                    if let Some(s) = s.0 {
                        out.push(s);
                    }
                }
                Ok(Lenient(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Lenient(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A statement, or `None` if the element is not an object.
struct MaybeStatement(Option<RawStatement>);

impl<'de> Deserialize<'de> for MaybeStatement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MaybeStatement;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a statement")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut s = RawStatement::default();
                let mut has_snak = false;
                while let Some(k) = map.next_key::<Key>()? {
                    match &*k.0 {
                        "mainsnak" => {
                            s.mainsnak = map.next_value()?;
                            has_snak = true;
                        }
                        "rank" => s.rank = map.next_value()?,
                        "qualifiers" => s.qualifiers = map.next_value()?,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(MaybeStatement(has_snak.then_some(s)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MaybeStatement(None))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Default)]
struct RawStatement {
    mainsnak: RawSnak,
    rank: Rank,
    qualifiers: RawQualifiers,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Rank {
    Preferred,
    #[default]
    Normal,
    Deprecated,
}

impl<'de> Deserialize<'de> for Rank {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let k = Key::deserialize(d)?;
        Ok(match &*k.0 {
            "preferred" => Rank::Preferred,
            "deprecated" => Rank::Deprecated,
            _ => Rank::Normal,
        })
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SnakType {
    Value,
    SomeValue,
    NoValue,
    #[default]
    Other,
}

impl<'de> Deserialize<'de> for SnakType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let k = Key::deserialize(d)?;
        Ok(match &*k.0 {
            "value" => SnakType::Value,
            "somevalue" => SnakType::SomeValue,
            "novalue" => SnakType::NoValue,
            _ => SnakType::Other,
        })
    }
}

#[derive(Default, Deserialize)]
struct RawSnak {
    #[serde(default)]
    snaktype: SnakType,
    #[serde(default)]
    datavalue: Option<DataValue>,
}

#[derive(Deserialize)]
struct DataValue {
    value: SnakValue,
}

/// The parts of a datavalue we read: an item id, a time, or a string.
enum SnakValue {
    Str(String),
    Object {
        id: Option<Qid>,
        numeric_id: Option<u64>,
        time: Option<String>,
        precision: Option<u64>,
    },
    Other,
}

impl SnakValue {
    fn item(&self) -> Option<Qid> {
        match self {
            SnakValue::Object { id: Some(q), .. } => Some(*q),
            SnakValue::Object {
                id: None,
                numeric_id: Some(n),
                time: None,
                ..
            } if *n > 0 => Some(Qid(*n)),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for SnakValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SnakValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a datavalue")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SnakValue, E> {
                Ok(SnakValue::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<SnakValue, E> {
                Ok(SnakValue::Str(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SnakValue, A::Error> {
                let mut id = None;
                let mut numeric_id = None;
                let mut time = None;
                let mut precision = None;
                let mut entity_type_ok = true;
                while let Some(k) = map.next_key::<Key>()? {
                    match &*k.0 {
                        "id" => {
                            let s: Key = map.next_value()?;
                            id = s.0.parse::<Qid>().ok();
                        }
                        "numeric-id" => numeric_id = map.next_value::<Num>()?.0,
                        "entity-type" => {
                            let s: Key = map.next_value()?;
                            entity_type_ok = &*s.0 == "item";
                        }
                        "time" => time = Some(map.next_value::<Key>()?.0.into_owned()),
                        "precision" => precision = map.next_value::<Num>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                if !entity_type_ok {
                    return Ok(SnakValue::Other);
                }
                Ok(SnakValue::Object {
                    id,
                    numeric_id,
                    time,
                    precision,
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SnakValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(SnakValue::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// A non-negative integer, or `None` for anything else (strings, negatives, floats, null).
struct Num(Option<u64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
                Ok(Num(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num(u64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Num, E> {
                Ok(Num(None))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
                Ok(Num(v.parse().ok()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Num, E> {
                Ok(Num(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Num, E> {
                Ok(Num(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Num, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Num(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Num, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Num(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// Qualifiers: only P1480 (sourcing circumstances, for "circa") is kept.
#[derive(Default)]
struct RawQualifiers {
    p1480: Vec<RawSnak>,
}

impl<'de> Deserialize<'de> for RawQualifiers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawQualifiers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of qualifiers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawQualifiers, A::Error> {
                let mut q = RawQualifiers::default();
                while let Some(k) = map.next_key::<Key>()? {
                    if &*k.0 == "P1480" {
                        q.p1480 = map.next_value()?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(q)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawQualifiers, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(RawQualifiers::default())
            }
        }
        d.deserialize_any(V)
    }
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

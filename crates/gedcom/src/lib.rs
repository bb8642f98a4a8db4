//! A small GEDCOM 5.5 reader for genealogies as real programs write them (PAF, Family Tree
//! Maker, MyHeritage): `CHAR ANSEL/ANSI/UTF-8` (and UTF-16 with a byte-order mark), CR, LF or
//! CRLF line ends, `CONT`/`CONC`, `NAME Given /Surname/` with underscores, dates with
//! modifiers and dual years, `FAMS`/`FAMC`, `HUSB`/`WIFE`/`CHIL`, `OBJE`/`FILE`.
//!
//! Input is untrusted: every problem is a [`GedcomError`] (fatal, with its line number) or a
//! [`Warning`] (recorded, parsing goes on). Nothing here panics on any input.
//!
//! ```
//! let g = wikikin_gedcom::parse(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Victoria /Hanover/\n0 TRLR\n").unwrap();
//! assert_eq!(g.individuals[0].name, "Victoria Hanover");
//! ```

mod ansel;
mod date;

pub use date::{DateModifier, GedDate, Precision, Ymd};

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// A fatal problem, with the 1-based line number where it was found (0: the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GedcomError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GedcomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "GEDCOM: {}", self.message)
        } else {
            write!(f, "GEDCOM line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for GedcomError {}

/// Something odd that did not stop the parse (an unreadable date, a dangling pointer, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The character set the file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Ansel,
    /// `ANSI`: Windows-1252 in practice.
    Ansi,
    Utf8,
    /// `ASCII`: read as UTF-8 (a superset); stray high bytes fall back to Windows-1252.
    Ascii,
    Utf16Le,
    Utf16Be,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Individual {
    /// Cross-reference id without the `@`s, e.g. `"I1"`.
    pub xref: String,
    /// Clean display name: given names, surname and suffix, underscores as spaces, single
    /// spaces, e.g. `"Elizabeth II Alexandra Mary Windsor"`. Empty if the record has no NAME.
    pub name: String,
    /// Given names, cleaned (`"Elizabeth II Alexandra Mary"`).
    pub given: String,
    /// Surname between the slashes, cleaned (`"Windsor"`); empty if none.
    pub surname: String,
    /// Display forms of any further NAME lines.
    pub aliases: Vec<String>,
    pub sex: Sex,
    /// First TITL.
    pub title: Option<String>,
    pub birth: Option<GedDate>,
    pub birth_place: Option<String>,
    pub death: Option<GedDate>,
    pub death_place: Option<String>,
    /// First multimedia FILE (inline `OBJE`/`FILE` or through an `OBJE @O1@` record).
    pub image: Option<String>,
    /// Families where this person is a child (FAMC), xrefs without `@`.
    pub famc: Vec<String>,
    /// Families where this person is a spouse (FAMS), xrefs without `@`.
    pub fams: Vec<String>,
    /// Line of the `0 @I1@ INDI` record.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    pub xref: String,
    pub husband: Option<String>,
    pub wife: Option<String>,
    pub children: Vec<String>,
    pub marriage: Option<GedDate>,
    pub line: usize,
}

/// A parsed file.
#[derive(Debug, Clone, Default)]
pub struct Gedcom {
    pub individuals: Vec<Individual>,
    pub families: Vec<Family>,
    pub warnings: Vec<Warning>,
    /// `CHAR` as declared (or `None` if the header had none).
    pub charset: Option<Charset>,
    /// `HEAD.SOUR`, the program that wrote the file.
    pub source: Option<String>,
    indi_index: HashMap<String, usize>,
    fam_index: HashMap<String, usize>,
}

impl Gedcom {
    pub fn individual(&self, xref: &str) -> Option<&Individual> {
        self.indi_index
            .get(xref.trim_matches('@'))
            .and_then(|&i| self.individuals.get(i))
    }

    pub fn family(&self, xref: &str) -> Option<&Family> {
        self.fam_index
            .get(xref.trim_matches('@'))
            .and_then(|&i| self.families.get(i))
    }

    /// Index of an individual in `individuals`.
    pub fn individual_index(&self, xref: &str) -> Option<usize> {
        self.indi_index.get(xref.trim_matches('@')).copied()
    }

    /// (father, mother) from the first FAMC family that names them.
    pub fn parents(&self, xref: &str) -> (Option<&Individual>, Option<&Individual>) {
        let mut father = None;
        let mut mother = None;
        if let Some(ind) = self.individual(xref) {
            for f in ind.famc.iter().filter_map(|f| self.family(f)) {
                if father.is_none() {
                    father = f.husband.as_deref().and_then(|h| self.individual(h));
                }
                if mother.is_none() {
                    mother = f.wife.as_deref().and_then(|w| self.individual(w));
                }
            }
        }
        (father, mother)
    }

    /// Children over all FAMS families, in file order, without repeats.
    pub fn children(&self, xref: &str) -> Vec<&Individual> {
        let mut out: Vec<&Individual> = Vec::new();
        if let Some(ind) = self.individual(xref) {
            for f in ind.fams.iter().filter_map(|f| self.family(f)) {
                for c in f.children.iter().filter_map(|c| self.individual(c)) {
                    if !out.iter().any(|o| o.xref == c.xref) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// Spouses over all FAMS families.
    pub fn spouses(&self, xref: &str) -> Vec<&Individual> {
        let mut out: Vec<&Individual> = Vec::new();
        if let Some(ind) = self.individual(xref) {
            for f in ind.fams.iter().filter_map(|f| self.family(f)) {
                for s in [&f.husband, &f.wife].into_iter().flatten() {
                    if s != &ind.xref {
                        if let Some(p) = self.individual(s) {
                            if !out.iter().any(|o| o.xref == p.xref) {
                                out.push(p);
                            }
                        }
                    }
                }
            }
        }
        out
    }
}

/// Read and parse a file.
pub fn parse_file(path: impl AsRef<Path>) -> Result<Gedcom, GedcomError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| GedcomError {
        line: 0,
        message: format!("cannot read {}: {e}", path.display()),
    })?;
    parse(&bytes)
}

/// Parse GEDCOM bytes.
pub fn parse(bytes: &[u8]) -> Result<Gedcom, GedcomError> {
    let mut warnings = Vec::new();
    let (lines, charset) = decode_lines(bytes, &mut warnings)?;
    let records = build_tree(&lines)?;
    let mut g = extract(records, warnings);
    g.charset = charset;
    Ok(g)
}

// ---------------------------------------------------------------------------------------------
// Bytes → text lines

fn err(line: usize, message: impl Into<String>) -> GedcomError {
    GedcomError {
        line,
        message: message.into(),
    }
}

/// Split raw bytes on CR, LF or CRLF (and LFCR), keeping 1-based line numbers.
fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'\r') => {
                out.push(bytes.get(start..i).unwrap_or(&[]));
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            Some(b'\n') => {
                out.push(bytes.get(start..i).unwrap_or(&[]));
                i += if bytes.get(i + 1) == Some(&b'\r') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(bytes.get(start..).unwrap_or(&[]));
    }
    out
}

/// Find `1 CHAR X` among the first lines (ASCII-compatible encodings only).
fn declared_charset(lines: &[&[u8]]) -> Option<(Charset, usize)> {
    for (i, l) in lines.iter().enumerate().take(200) {
        let text = String::from_utf8_lossy(l);
        let words: Vec<&str> = text.split_whitespace().collect();
        if let [lvl, tag, value, ..] = words.as_slice() {
            if *lvl == "1" && tag.eq_ignore_ascii_case("CHAR") {
                let cs = match value.to_ascii_uppercase().as_str() {
                    "ANSEL" => Charset::Ansel,
                    "ANSI" | "WINDOWS-1252" | "CP1252" | "ISO-8859-1" | "LATIN1" | "IBMPC" => {
                        Charset::Ansi
                    }
                    "UTF-8" | "UTF8" | "UNICODE" => Charset::Utf8,
                    "ASCII" => Charset::Ascii,
                    _ => return Some((Charset::Ascii, i + 1)),
                };
                return Some((cs, i + 1));
            }
        }
        if i > 0 && text.trim_start().starts_with('0') {
            // Header is over.
            break;
        }
    }
    None
}

type DecodedLines = (Vec<(usize, String)>, Option<Charset>);

fn decode_lines(bytes: &[u8], warnings: &mut Vec<Warning>) -> Result<DecodedLines, GedcomError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err(0, "the file is empty"));
    }
    // UTF-16 needs decoding before splitting.
    for (bom, enc, cs) in [
        (&[0xFF, 0xFE][..], encoding_rs::UTF_16LE, Charset::Utf16Le),
        (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE, Charset::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            if had_errors {
                warnings.push(Warning {
                    line: 0,
                    message: "invalid UTF-16 sequences replaced by U+FFFD".into(),
                });
            }
            let lines = split_lines(text.as_bytes())
                .into_iter()
                .enumerate()
                .map(|(i, l)| (i + 1, String::from_utf8_lossy(l).into_owned()))
                .collect();
            return Ok((lines, Some(cs)));
        }
    }
    let (bytes, bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let raw = split_lines(bytes);
    let declared = declared_charset(&raw);
    let charset = if bom {
        if let Some((cs, line)) = declared {
            if cs != Charset::Utf8 && cs != Charset::Ascii {
                warnings.push(Warning {
                    line,
                    message: format!("CHAR says {cs:?} but the file starts with a UTF-8 byte-order mark; reading UTF-8"),
                });
            }
        }
        Charset::Utf8
    } else {
        // GEDCOM 5.5 says ANSEL is the default, but files without CHAR are nearly always ASCII/UTF-8.
        declared.map(|(c, _)| c).unwrap_or(Charset::Utf8)
    };
    let mut out = Vec::with_capacity(raw.len());
    for (i, l) in raw.into_iter().enumerate() {
        let n = i + 1;
        let text = match charset {
            Charset::Ansel => {
                let (s, bad) = ansel::decode(l);
                if bad > 0 {
                    warnings.push(Warning {
                        line: n,
                        message: format!("{bad} byte(s) undefined in ANSEL replaced by U+FFFD"),
                    });
                }
                s
            }
            Charset::Ansi => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(l)
                .0
                .into_owned(),
            _ => match std::str::from_utf8(l) {
                Ok(s) => s.to_string(),
                Err(_) => {
                    warnings.push(Warning {
                        line: n,
                        message: "not valid UTF-8; read as Windows-1252".into(),
                    });
                    encoding_rs::WINDOWS_1252
                        .decode_without_bom_handling(l)
                        .0
                        .into_owned()
                }
            },
        };
        out.push((n, text));
    }
    let declared_cs = if bom {
        Some(Charset::Utf8)
    } else {
        declared.map(|(c, _)| c)
    };
    Ok((out, declared_cs))
}

// ---------------------------------------------------------------------------------------------
// Lines → tree

#[derive(Debug, Clone)]
struct Node {
    line: usize,
    xref: Option<String>,
    tag: String,
    value: String,
    children: Vec<Node>,
}

impl Node {
    fn child(&self, tag: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.tag == tag)
    }
}

struct Line {
    level: usize,
    xref: Option<String>,
    tag: String,
    value: String,
}

fn parse_line(n: usize, text: &str) -> Result<Line, GedcomError> {
    if text.contains('\0') {
        return Err(err(
            n,
            "contains a NUL byte: this is not a GEDCOM text line",
        ));
    }
    let t = text.trim_start();
    let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (lvl, rest) = t.split_at(digits_end);
    if lvl.is_empty() {
        let shown: String = t.chars().take(20).collect();
        return Err(err(
            n,
            format!("expected a level number at the start of the line, found {shown:?}"),
        ));
    }
    if lvl.len() > 2 {
        return Err(err(n, format!("level {lvl} is too deep (at most 99)")));
    }
    let level: usize = lvl
        .parse()
        .map_err(|_| err(n, format!("bad level {lvl:?}")))?;
    if !rest.starts_with([' ', '\t']) {
        return Err(err(
            n,
            format!("expected a space after level {level}, found {rest:?}"),
        ));
    }
    let rest = rest.trim_start_matches([' ', '\t']);
    let (xref, rest) = if let Some(after) = rest.strip_prefix('@') {
        match after.find('@') {
            Some(end) => {
                let (id, tail) = after.split_at(end);
                let tail = tail.get(1..).unwrap_or("");
                if id.is_empty() {
                    return Err(err(n, "empty cross-reference @@"));
                }
                (Some(id.to_string()), tail.trim_start_matches([' ', '\t']))
            }
            None => return Err(err(n, "cross-reference opened with @ but never closed")),
        }
    } else {
        (None, rest)
    };
    let tag_end = rest.find([' ', '\t']).unwrap_or(rest.len());
    let (tag, value) = rest.split_at(tag_end);
    if tag.is_empty() {
        return Err(err(n, format!("missing tag after level {level}")));
    }
    if !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        let shown: String = tag.chars().take(20).collect();
        return Err(err(n, format!("invalid tag {shown:?}")));
    }
    // Exactly one delimiter; keep the rest of the value as written (CONC may rely on spaces).
    let value = value
        .strip_prefix([' ', '\t'])
        .unwrap_or(value)
        .trim_end_matches(['\r', '\n']);
    Ok(Line {
        level,
        xref,
        tag: tag.to_ascii_uppercase(),
        value: value.to_string(),
    })
}

fn build_tree(lines: &[(usize, String)]) -> Result<Vec<Node>, GedcomError> {
    let mut records: Vec<Node> = Vec::new();
    let mut stack: Vec<Node> = Vec::new();
    let mut seen_any = false;
    for (n, text) in lines {
        let n = *n;
        if text.trim().is_empty() {
            continue; // blank lines are common at the end of files
        }
        let l = parse_line(n, text)?;
        if !seen_any && l.level != 0 {
            return Err(err(
                n,
                format!(
                    "the first record must start at level 0, found level {}",
                    l.level
                ),
            ));
        }
        seen_any = true;
        if l.level > stack.len() {
            return Err(err(
                n,
                format!(
                    "level jumps from {} to {} (a line may go at most one level deeper)",
                    stack.len().saturating_sub(1),
                    l.level
                ),
            ));
        }
        // Close deeper nodes.
        while stack.len() > l.level {
            if let Some(done) = stack.pop() {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => records.push(done),
                }
            }
        }
        if l.tag == "CONT" || l.tag == "CONC" {
            match stack.last_mut() {
                Some(parent) => {
                    if l.tag == "CONT" {
                        parent.value.push('\n');
                    }
                    parent.value.push_str(&l.value);
                    continue;
                }
                None => return Err(err(n, format!("{} at level 0 continues nothing", l.tag))),
            }
        }
        stack.push(Node {
            line: n,
            xref: l.xref,
            tag: l.tag,
            value: l.value,
            children: Vec::new(),
        });
    }
    while let Some(done) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(done),
            None => records.push(done),
        }
    }
    if records.is_empty() {
        return Err(err(0, "no GEDCOM records found"));
    }
    Ok(records)
}

// ---------------------------------------------------------------------------------------------
// Tree → individuals and families

fn clean(s: &str) -> String {
    s.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pointer(v: &str) -> Option<String> {
    let v = v.trim();
    let inner = v.strip_prefix('@')?.strip_suffix('@')?;
    if inner.is_empty() || inner.contains('@') {
        None
    } else {
        Some(inner.to_string())
    }
}

/// `Given /Surname/ suffix` → (display, given, surname).
///
/// The surname is between the last two slashes, so a slash inside a given name (say an
/// HTML-looking `</b>`) does not cut it; with a single slash there is no surname and the text
/// is kept as it is.
fn split_name(v: &str) -> (String, String, String) {
    let slashes: Vec<usize> = v.match_indices('/').map(|(i, _)| i).collect();
    let (given, surname, suffix) = match slashes.as_slice() {
        [.., a, b] => (
            v.get(..*a).unwrap_or(""),
            v.get(a + 1..*b).unwrap_or(""),
            v.get(b + 1..).unwrap_or(""),
        ),
        _ => (v, "", ""),
    };
    let (g, s, x) = (clean(given), clean(surname), clean(suffix));
    let display = [g.as_str(), s.as_str(), x.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (display, g, s)
}

fn event_date(ev: &Node, who: &str, warnings: &mut Vec<Warning>) -> Option<GedDate> {
    let d = ev.child("DATE")?;
    match GedDate::parse(&d.value) {
        Ok(date) => Some(date),
        Err(e) => {
            warnings.push(Warning {
                line: d.line,
                message: format!("{who} {}: {e}", ev.tag),
            });
            None
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn extract(records: Vec<Node>, mut warnings: Vec<Warning>) -> Gedcom {
    let mut g = Gedcom::default();
    let mut objects: HashMap<String, String> = HashMap::new();
    for r in &records {
        match r.tag.as_str() {
            "HEAD" => {
                g.source = r.child("SOUR").and_then(|s| non_empty(&s.value));
            }
            "OBJE" => {
                if let (Some(x), Some(f)) = (&r.xref, r.child("FILE")) {
                    if let Some(file) = non_empty(&f.value) {
                        objects.insert(x.clone(), file);
                    }
                }
            }
            _ => {}
        }
    }
    for r in records {
        match r.tag.as_str() {
            "INDI" => {
                let Some(xref) = r.xref.clone() else {
                    warnings.push(Warning {
                        line: r.line,
                        message: "INDI record without a cross-reference id; skipped".into(),
                    });
                    continue;
                };
                let mut ind = Individual {
                    xref: xref.clone(),
                    name: String::new(),
                    given: String::new(),
                    surname: String::new(),
                    aliases: Vec::new(),
                    sex: Sex::Unknown,
                    title: None,
                    birth: None,
                    birth_place: None,
                    death: None,
                    death_place: None,
                    image: None,
                    famc: Vec::new(),
                    fams: Vec::new(),
                    line: r.line,
                };
                for c in &r.children {
                    match c.tag.as_str() {
                        "NAME" => {
                            let (display, given, surname) = split_name(&c.value);
                            if ind.name.is_empty() && ind.given.is_empty() {
                                ind.name = display;
                                ind.given = given;
                                ind.surname = surname;
                            } else if !display.is_empty() && display != ind.name {
                                ind.aliases.push(display);
                            }
                        }
                        "SEX" => {
                            ind.sex = match c.value.trim().to_ascii_uppercase().as_str() {
                                "M" | "MALE" => Sex::Male,
                                "F" | "FEMALE" => Sex::Female,
                                _ => Sex::Unknown,
                            }
                        }
                        "TITL" if ind.title.is_none() => {
                            ind.title = non_empty(&c.value);
                        }
                        "BIRT" if ind.birth.is_none() => {
                            ind.birth = event_date(c, &xref, &mut warnings);
                            ind.birth_place = c.child("PLAC").and_then(|p| non_empty(&p.value));
                        }
                        "DEAT" if ind.death.is_none() => {
                            ind.death = event_date(c, &xref, &mut warnings);
                            ind.death_place = c.child("PLAC").and_then(|p| non_empty(&p.value));
                        }
                        "OBJE" if ind.image.is_none() => {
                            ind.image = match pointer(&c.value) {
                                Some(p) => objects.get(&p).cloned(),
                                None => c.child("FILE").and_then(|f| non_empty(&f.value)),
                            };
                        }
                        "FAMC" | "FAMS" => match pointer(&c.value) {
                            Some(p) => {
                                let list = if c.tag == "FAMC" {
                                    &mut ind.famc
                                } else {
                                    &mut ind.fams
                                };
                                if !list.contains(&p) {
                                    list.push(p);
                                }
                            }
                            None => warnings.push(Warning {
                                line: c.line,
                                message: format!(
                                    "{} value {:?} is not a @pointer@",
                                    c.tag, c.value
                                ),
                            }),
                        },
                        _ => {}
                    }
                }
                if g.indi_index.contains_key(&xref) {
                    warnings.push(Warning {
                        line: r.line,
                        message: format!("duplicate individual @{xref}@; later record ignored"),
                    });
                    continue;
                }
                g.indi_index.insert(xref, g.individuals.len());
                g.individuals.push(ind);
            }
            "FAM" => {
                let Some(xref) = r.xref.clone() else {
                    warnings.push(Warning {
                        line: r.line,
                        message: "FAM record without a cross-reference id; skipped".into(),
                    });
                    continue;
                };
                let mut fam = Family {
                    xref: xref.clone(),
                    husband: None,
                    wife: None,
                    children: Vec::new(),
                    marriage: None,
                    line: r.line,
                };
                for c in &r.children {
                    let slot = match c.tag.as_str() {
                        "HUSB" | "WIFE" | "CHIL" => c.tag.as_str(),
                        "MARR" => {
                            if fam.marriage.is_none() {
                                fam.marriage = event_date(c, &xref, &mut warnings);
                            }
                            continue;
                        }
                        _ => continue,
                    };
                    let Some(p) = pointer(&c.value) else {
                        warnings.push(Warning {
                            line: c.line,
                            message: format!("{slot} value {:?} is not a @pointer@", c.value),
                        });
                        continue;
                    };
                    match slot {
                        "HUSB" if fam.husband.is_none() => fam.husband = Some(p),
                        "WIFE" if fam.wife.is_none() => fam.wife = Some(p),
                        "CHIL" => {
                            if !fam.children.contains(&p) {
                                fam.children.push(p)
                            }
                        }
                        _ => warnings.push(Warning {
                            line: c.line,
                            message: format!("second {slot} in family @{xref}@ ignored"),
                        }),
                    }
                }
                if g.fam_index.contains_key(&xref) {
                    warnings.push(Warning {
                        line: r.line,
                        message: format!("duplicate family @{xref}@; later record ignored"),
                    });
                    continue;
                }
                g.fam_index.insert(xref, g.families.len());
                g.families.push(fam);
            }
            _ => {}
        }
    }
    // Dangling pointers.
    for f in &g.families {
        for p in [&f.husband, &f.wife]
            .into_iter()
            .flatten()
            .chain(f.children.iter())
        {
            if !g.indi_index.contains_key(p) {
                warnings.push(Warning {
                    line: f.line,
                    message: format!("family @{}@ points to missing individual @{p}@", f.xref),
                });
            }
        }
    }
    for i in &g.individuals {
        for f in i.famc.iter().chain(i.fams.iter()) {
            if !g.fam_index.contains_key(f) {
                warnings.push(Warning {
                    line: i.line,
                    message: format!("individual @{}@ points to missing family @{f}@", i.xref),
                });
            }
        }
    }
    g.warnings = warnings;
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            split_name("Elizabeth_II Alexandra Mary/Windsor/"),
            (
                "Elizabeth II Alexandra Mary Windsor".into(),
                "Elizabeth II Alexandra Mary".into(),
                "Windsor".into()
            )
        );
        assert_eq!(
            split_name("Frederick_III  //"),
            ("Frederick III".into(), "Frederick III".into(), "".into())
        );
        assert_eq!(
            split_name("John /Smith/ Jr."),
            ("John Smith Jr.".into(), "John".into(), "Smith".into())
        );
        assert_eq!(split_name("Plain Name").0, "Plain Name");
        assert_eq!(split_name("/Only/").0, "Only");
        assert_eq!(
            split_name("<script>alert(1)</script>").0,
            "<script>alert(1)</script>"
        );
        assert_eq!(
            split_name("<b>x</b> /Y/"),
            ("<b>x</b> Y".into(), "<b>x</b>".into(), "Y".into())
        );
    }

    #[test]
    fn line_splitting() {
        assert_eq!(split_lines(b"a\r\nb\rc\nd").len(), 4);
        assert_eq!(split_lines(b"a\n\rb\n").len(), 2);
    }
}

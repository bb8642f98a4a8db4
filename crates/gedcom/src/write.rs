//! A GEDCOM 5.5.1 writer (UTF-8, lineage-linked) from a generic model: people, families,
//! sources and citations. 5.5.1 has no citation on `FAMC`/`CHIL` pointers, so a parent link
//! is cited on the child's record and a marriage on the family or its `MARR` event.
//!
//! Values are written as the standard asks: `@` doubled, new lines as `CONT`, long values
//! cut into `CONC` lines (never at a space, so no reader loses one), lines under 255 bytes.

use crate::Sex;
use std::fmt::Write as _;

/// What to write.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Export {
    pub people: Vec<ExportPerson>,
    pub families: Vec<ExportFamily>,
    pub sources: Vec<ExportSource>,
    /// `HEAD.SOUR`: the program (letters, digits; e.g. `WIKIKIN`).
    pub program: String,
}

/// One individual. `id` is the xref without `@`s (`I1`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportPerson {
    pub id: String,
    pub given: String,
    pub surname: String,
    pub sex: Option<Sex>,
    pub birth: Option<ExportDate>,
    pub death: Option<ExportDate>,
    /// Citations on the record (a parent link is cited here, on the child).
    pub citations: Vec<ExportCitation>,
}

/// One family: husband, wife, children (person ids), the marriage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportFamily {
    pub id: String,
    pub husband: Option<String>,
    pub wife: Option<String>,
    pub children: Vec<String>,
    /// Whether a `MARR` event is written (the couple is known married).
    pub married: bool,
    pub marriage: Option<ExportDate>,
    /// Citations on the family record.
    pub citations: Vec<ExportCitation>,
    /// Citations on its `MARR` event (written only when `married`).
    pub marriage_citations: Vec<ExportCitation>,
}

/// A `0 @S1@ SOUR` record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportSource {
    pub id: String,
    pub title: String,
}

/// `n SOUR @S1@` with `PAGE` (e.g. the statement's URL with its references summed up).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportCitation {
    pub source: String,
    pub page: String,
}

/// A date by year, month (0: unknown) and day (0: unknown). Years are historical (−44 is
/// 44 BCE).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportDate {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    /// `ABT`.
    pub about: bool,
    /// A Julian-calendar date (`@#DJULIAN@`).
    pub julian: bool,
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

impl ExportDate {
    /// The GEDCOM form: `24 MAY 1819`, `MAY 1819`, `1819`, `ABT 1819`, `44 B.C.`,
    /// `@#DJULIAN@ 5 JAN 1700`.
    pub fn gedcom(&self) -> String {
        let mut out = String::new();
        if self.julian {
            out.push_str("@#DJULIAN@ ");
        }
        if self.about {
            out.push_str("ABT ");
        }
        let month = MONTHS.get(usize::from(self.month).wrapping_sub(1));
        if let Some(m) = month {
            if (1..=31).contains(&self.day) {
                let _ = write!(out, "{} ", self.day);
            }
            let _ = write!(out, "{m} ");
        }
        if self.year < 0 {
            let _ = write!(out, "{} B.C.", self.year.unsigned_abs());
        } else {
            let _ = write!(out, "{}", self.year);
        }
        out
    }
}

struct Out(String);

impl Out {
    /// One tag with its value; `@` doubled, new lines as CONT, long runs as CONC.
    fn line(&mut self, level: u8, tag: &str, value: &str) {
        let value = value.replace('@', "@@");
        for (i, part) in value.split('\n').enumerate() {
            let part = part.trim_end_matches('\r');
            let (lvl, t) = if i == 0 {
                (level, tag)
            } else {
                (level + 1, "CONT")
            };
            let mut chunks = chunks(part, 200).into_iter();
            let first = chunks.next().unwrap_or_default();
            self.raw(lvl, t, first);
            for c in chunks {
                self.raw(level + 1, "CONC", c);
            }
        }
    }

    fn raw(&mut self, level: u8, tag: &str, value: &str) {
        if value.is_empty() {
            let _ = writeln!(self.0, "{level} {tag}");
        } else {
            let _ = writeln!(self.0, "{level} {tag} {value}");
        }
    }

    fn record(&mut self, tag: &str, id: &str) {
        let _ = writeln!(self.0, "0 @{}@ {tag}", clean_id(id));
    }

    fn pointer(&mut self, level: u8, tag: &str, id: &str) {
        let _ = writeln!(self.0, "{level} {tag} @{}@", clean_id(id));
    }

    fn citations(&mut self, level: u8, cs: &[ExportCitation]) {
        for c in cs {
            self.pointer(level, "SOUR", &c.source);
            if !c.page.is_empty() {
                self.line(level + 1, "PAGE", &c.page);
            }
        }
    }
}

/// Pieces of at most `max` bytes, on char boundaries, never starting or ending with a space
/// where that can be helped.
fn chunks(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while rest.len() > max {
        let mut cut = max;
        while cut > 0 && !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Move back until neither side of the cut is a space.
        let bytes = rest.as_bytes();
        let mut c = cut;
        while c > 1
            && (bytes.get(c - 1) == Some(&b' ')
                || bytes.get(c) == Some(&b' ')
                || !rest.is_char_boundary(c))
        {
            c -= 1;
        }
        if c > 1 {
            cut = c;
        }
        let (a, b) = rest.split_at(cut);
        out.push(a);
        rest = b;
    }
    out.push(rest);
    out
}

/// An xref id: letters, digits, `_` and `-` only.
fn clean_id(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

/// A name part without the slashes that delimit the surname.
fn name_part(s: &str) -> String {
    s.replace(['/', '\n', '\r'], " ").trim().to_string()
}

/// Writes the file.
pub fn write(e: &Export) -> String {
    let mut o = Out(String::new());
    o.raw(0, "HEAD", "");
    let program = clean_id(&e.program);
    o.raw(
        1,
        "SOUR",
        if program.is_empty() {
            "WIKIKIN"
        } else {
            &program
        },
    );
    o.raw(1, "GEDC", "");
    o.raw(2, "VERS", "5.5.1");
    o.raw(2, "FORM", "LINEAGE-LINKED");
    o.raw(1, "CHAR", "UTF-8");
    for p in &e.people {
        o.record("INDI", &p.id);
        let given = name_part(&p.given);
        let surname = name_part(&p.surname);
        let name = match (given.is_empty(), surname.is_empty()) {
            (_, false) => format!("{given} /{surname}/").trim().to_string(),
            (false, true) => given.clone(),
            (true, true) => String::new(),
        };
        if !name.is_empty() {
            o.line(1, "NAME", &name);
        }
        match p.sex {
            Some(Sex::Male) => o.raw(1, "SEX", "M"),
            Some(Sex::Female) => o.raw(1, "SEX", "F"),
            Some(Sex::Unknown) => o.raw(1, "SEX", "U"),
            None => {}
        }
        for (tag, d) in [("BIRT", &p.birth), ("DEAT", &p.death)] {
            if let Some(d) = d {
                o.raw(1, tag, "");
                o.raw(2, "DATE", &d.gedcom());
            }
        }
        for f in &e.families {
            if f.husband.as_deref() == Some(&p.id) || f.wife.as_deref() == Some(&p.id) {
                o.pointer(1, "FAMS", &f.id);
            }
        }
        for f in &e.families {
            if f.children.contains(&p.id) {
                o.pointer(1, "FAMC", &f.id);
            }
        }
        o.citations(1, &p.citations);
    }
    for f in &e.families {
        o.record("FAM", &f.id);
        if let Some(h) = &f.husband {
            o.pointer(1, "HUSB", h);
        }
        if let Some(w) = &f.wife {
            o.pointer(1, "WIFE", w);
        }
        for c in &f.children {
            o.pointer(1, "CHIL", c);
        }
        if f.married {
            o.raw(
                1,
                "MARR",
                if f.marriage.is_none() && f.marriage_citations.is_empty() {
                    "Y"
                } else {
                    ""
                },
            );
            if let Some(d) = &f.marriage {
                o.raw(2, "DATE", &d.gedcom());
            }
            o.citations(2, &f.marriage_citations);
        }
        o.citations(1, &f.citations);
    }
    for s in &e.sources {
        o.record("SOUR", &s.id);
        if !s.title.is_empty() {
            o.line(1, "TITL", &s.title);
        }
    }
    o.raw(0, "TRLR", "");
    o.0
}

//! The parsed file: [`Gedcom`] with its [`Individual`]s and [`Family`]s, and the lookups over
//! them (by xref, parents, children, spouses).

use std::collections::HashMap;

use crate::{Charset, GedDate, Warning};

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
    /// Source citations on the record and on its BIRT/DEAT events (`event` says which).
    pub citations: Vec<Citation>,
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
    /// Source citations on the family record and on its MARR event.
    pub citations: Vec<Citation>,
    pub line: usize,
}

/// A `0 @S1@ SOUR` record.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub xref: String,
    /// `TITL`.
    pub title: Option<String>,
    pub line: usize,
}

/// A source citation (`1 SOUR @S1@` with `2 PAGE …`, or `1 SOUR text` without a record).
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The `SOUR` record pointed to, without `@`s.
    pub source: Option<String>,
    /// The citation's own text when it points to no record.
    pub text: Option<String>,
    /// `PAGE`: where in the source.
    pub page: Option<String>,
    /// The event cited on (`BIRT`, `DEAT`, `MARR`); `None` for the record itself.
    pub event: Option<String>,
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
    /// `SOUR` records, in file order.
    pub sources: Vec<Source>,
    pub(crate) sour_index: HashMap<String, usize>,
    pub(crate) indi_index: HashMap<String, usize>,
    pub(crate) fam_index: HashMap<String, usize>,
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

    /// A `SOUR` record by xref (`"S1"` or `"@S1@"`).
    pub fn source_record(&self, xref: &str) -> Option<&Source> {
        self.sour_index
            .get(xref.trim_matches('@'))
            .and_then(|&i| self.sources.get(i))
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

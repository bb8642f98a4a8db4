//! The people drawn as GEDCOM 5.5.1 (UTF-8), with a source citation on every link the
//! standard lets us cite: a parent link on the child's record (5.5.1 has none on `FAMC`/`CHIL`
//! pointers), a marriage on the family's `MARR` event. Each citation points to one source, the
//! Wikibase itself, with `PAGE` = the statement's URL and its references summed up.

use crate::answer::Answer;
use crate::sourced::SourcedLink;
use std::collections::HashMap;
use wikikin_core::{Date, Precision, Qid, Sex};
use wikikin_gedcom::{
    Export, ExportCitation, ExportDate, ExportFamily, ExportPerson, ExportSource, Sex as GedSex,
};

/// The xref of the single source record (the Wikibase).
pub const SOURCE_ID: &str = "S1";

impl Answer {
    /// The drawing as a GEDCOM model (see [`Answer::to_gedcom`]).
    pub fn gedcom_export(&self) -> Export {
        let tree = &self.tree;
        let xref: HashMap<Qid, String> = tree
            .persons
            .iter()
            .enumerate()
            .map(|(i, q)| (*q, format!("I{}", i + 1)))
            .collect();
        let cite = |l: &SourcedLink, fallback: Qid| ExportCitation {
            source: SOURCE_ID.to_string(),
            page: citation_page(self, l, fallback),
        };
        let mut people: Vec<ExportPerson> = tree
            .persons
            .iter()
            .map(|q| {
                let p = self.persons.get(q);
                let (given, surname) = names(p.and_then(|p| p.label.as_deref()), *q);
                ExportPerson {
                    id: xref.get(q).cloned().unwrap_or_default(),
                    given,
                    surname,
                    sex: p.map(|p| match p.sex {
                        Sex::Male => GedSex::Male,
                        Sex::Female => GedSex::Female,
                        Sex::Unknown => GedSex::Unknown,
                    }),
                    birth: p
                        .and_then(|p| p.birth.as_ref())
                        .map(|d| export_date(d, p.is_some_and(|p| julian(&p.birth_detail)))),
                    death: p
                        .and_then(|p| p.death.as_ref())
                        .map(|d| export_date(d, p.is_some_and(|p| julian(&p.death_detail)))),
                    citations: Vec::new(),
                }
            })
            .collect();
        let index: HashMap<Qid, usize> = tree
            .persons
            .iter()
            .enumerate()
            .map(|(i, q)| (*q, i))
            .collect();
        let mut families = Vec::new();
        for (ci, (x, y)) in tree.couples.iter().enumerate() {
            let partners: Vec<Qid> = std::iter::once(*x).chain(*y).collect();
            let sex_of = |q: &Qid| self.persons.get(q).map_or(Sex::Unknown, |p| p.sex);
            let (husband, wife) = match (partners.first(), partners.get(1)) {
                (Some(a), Some(b)) if sex_of(a) == Sex::Female || sex_of(b) == Sex::Male => {
                    (Some(*b), Some(*a))
                }
                (Some(a), Some(b)) => (Some(*a), Some(*b)),
                (Some(a), None) if sex_of(a) == Sex::Female => (None, Some(*a)),
                (Some(a), None) => (Some(*a), None),
                _ => (None, None),
            };
            let children: Vec<Qid> = tree
                .edges
                .iter()
                .filter(|e| e.couple == ci)
                .map(|e| e.child)
                .collect();
            // Each parent link, cited on the child.
            for c in &children {
                for p in &partners {
                    let l = self.link_sources(*c, *p);
                    if l.kind.is_some() {
                        if let Some(person) = index.get(c).and_then(|i| people.get_mut(*i)) {
                            person.citations.push(cite(&l, *c));
                        }
                    }
                }
            }
            let marriage = match (husband, wife) {
                (Some(h), Some(w)) => {
                    let l = self.link_sources(h, w);
                    (l.kind == Some(wikikin_core::graph::LinkKind::Spouse)).then_some(l)
                }
                _ => None,
            };
            let id_of = |q: Option<Qid>| q.and_then(|q| xref.get(&q).cloned());
            families.push(ExportFamily {
                id: format!("F{}", ci + 1),
                husband: id_of(husband),
                wife: id_of(wife),
                children: children
                    .iter()
                    .filter_map(|c| xref.get(c).cloned())
                    .collect(),
                married: marriage.is_some(),
                marriage: None,
                citations: Vec::new(),
                marriage_citations: marriage
                    .iter()
                    .map(|l| cite(l, husband.unwrap_or(*x)))
                    .collect(),
            });
        }
        Export {
            people,
            families,
            sources: vec![ExportSource {
                id: SOURCE_ID.to_string(),
                title: self.ask.source_name(),
            }],
            program: "WIKIKIN".to_string(),
        }
    }

    /// The GEDCOM file's text.
    pub fn to_gedcom(&self) -> String {
        wikikin_gedcom::write(&self.gedcom_export())
    }
}

/// `PAGE`: the statement's URL (or the person's page), the link in words, its references.
fn citation_page(a: &Answer, l: &SourcedLink, fallback: Qid) -> String {
    let url = l
        .url
        .clone()
        .unwrap_or_else(|| a.ask.page_url(l.on_item.unwrap_or(fallback)));
    let mut page = format!(
        "{url} — {} of {}: {}",
        l.what,
        a.name(l.from),
        l.references_words
    );
    if !l.doubt_words.is_empty() {
        page.push_str(&format!(" ({})", l.doubt_words.join(", ")));
    }
    if l.one_sided {
        page.push_str(" (stated on one side only)");
    }
    page
}

/// GEDCOM's given name and surname from a label: the whole label as the given name (a
/// Wikidata label does not say which part is the surname), or the Q-id when there is none.
fn names(label: Option<&str>, q: Qid) -> (String, String) {
    match label {
        Some(l) if !l.trim().is_empty() => (l.trim().to_string(), String::new()),
        _ => (q.to_string(), String::new()),
    }
}

fn julian(d: &wikikin_core::entity::DateDetail) -> bool {
    d.calendar == wikikin_core::entity::Calendar::Julian
}

/// A Wikidata date as far as its precision goes (a decade or century as `ABT` its year).
pub fn export_date(d: &Date, julian: bool) -> ExportDate {
    let (month, day) = match d.precision {
        Precision::Day => (d.month, d.day),
        Precision::Month => (d.month, 0),
        _ => (0, 0),
    };
    ExportDate {
        year: d.year,
        month,
        day,
        about: d.circa || d.precision < Precision::Year,
        julian,
    }
}

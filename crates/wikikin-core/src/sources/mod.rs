//! Where each link comes from, summed up for the page: the sources of each step of a path
//! and how sure the whole path is ([`quality`]), the data problems a genealogist would flag
//! ([`rules::check`]: two blood fathers or mothers, impossible dates), and links to the
//! statements on the instance ([`links`]). Pure: it reads a [`FamilyGraph`] and [`Person`]s.

use crate::graph::{FamilyGraph, LinkKind};
use crate::{Pid, Qid};
use std::fmt;

pub mod links;
pub mod rules;
pub mod when;

pub use links::{statement_ref_url, statement_url};
pub use rules::{check, Rule, SourceProblem};
pub use when::Span;

/// What stands behind a link (`data-sources`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// At least one real reference (stated in, a URL, …).
    Referenced,
    /// Only references that say it was imported from a wiki (P143/P4656).
    Imported,
    /// No reference at all.
    None,
    /// Read without its statements (the query service's truthy values): not known yet.
    Unknown,
}

impl SourceKind {
    /// `referenced`, `imported`, `none`, `unknown` (the `data-sources` value).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Referenced => "referenced",
            SourceKind::Imported => "imported",
            SourceKind::None => "none",
            SourceKind::Unknown => "unknown",
        }
    }

    /// Of one statement.
    pub fn of(s: &crate::entity::Statement) -> SourceKind {
        if s.is_referenced() {
            SourceKind::Referenced
        } else if s.is_imported_only() {
            SourceKind::Imported
        } else {
            SourceKind::None
        }
    }
}

/// A statement named on the page: on whose item, which property, its id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatementRef {
    pub item: Qid,
    pub prop: Pid,
    /// The statement id (GUID); empty when not known.
    pub id: String,
}

/// One step of a path (`[data-testid=link]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub from: Qid,
    pub to: Qid,
    /// What `to` is to `from` (`None`: no such link in the graph).
    pub kind: Option<LinkKind>,
    /// The better statement's property (`data-prop`).
    pub prop: Option<Pid>,
    /// The better statement (`None` when read without statements).
    pub statement: Option<StatementRef>,
    pub sources: SourceKind,
    /// The doubt qualifiers' values (`data-doubt`).
    pub doubt: Vec<Qid>,
    /// Only one side states it.
    pub one_sided: bool,
}

impl Step {
    /// The `data-doubt` value: the ids comma-separated, or empty.
    pub fn doubt_attr(&self) -> String {
        doubt_attr(&self.doubt)
    }
}

/// Ids comma-separated (`Q18912752,Q18122778`), or empty.
pub fn doubt_attr(ids: &[Qid]) -> String {
    ids.iter()
        .map(|q| q.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The step from `from` to `to`, with the better statement of the link between them.
pub fn step(graph: &FamilyGraph, from: Qid, to: Qid) -> Step {
    match graph.stated(to, from) {
        Some((kind, s)) => {
            let st = &s.best.statement;
            Step {
                from,
                to,
                kind: Some(kind),
                prop: Some(st.property()),
                statement: Some(StatementRef {
                    item: s.best.item,
                    prop: st.property(),
                    id: st.id.clone(),
                }),
                sources: SourceKind::of(st),
                doubt: st.doubt(),
                one_sided: s.one_sided,
            }
        }
        None => Step {
            from,
            to,
            kind: None,
            prop: None,
            statement: None,
            sources: SourceKind::Unknown,
            doubt: Vec::new(),
            one_sided: false,
        },
    }
}

/// Every step of a path of people (`[a, b, c]` → a→b, b→c).
pub fn steps(graph: &FamilyGraph, path: &[Qid]) -> Vec<Step> {
    path.windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(step(graph, *a, *b)),
            _ => None,
        })
        .collect()
}

/// How sure a path is, in one reading (the most worrying first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// `k` of `n` links are marked with a doubt (disputed, presumably, …).
    Doubtful { k: usize, n: usize },
    /// `k` of `n` links have no reference at all.
    Unreferenced { k: usize, n: usize },
    /// `k` of `n` links are only imported from a wiki.
    Imported { k: usize, n: usize },
    /// Every link is referenced.
    AllReferenced { n: usize },
    /// Some links' sources are not known yet (and nothing worse is known).
    Unknown { k: usize, n: usize },
    /// No links.
    Empty,
}

/// The quality summary of a path: counts and the reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quality {
    pub links: usize,
    pub referenced: usize,
    pub imported: usize,
    pub unreferenced: usize,
    pub unknown: usize,
    pub doubtful: usize,
    pub one_sided: usize,
    pub reading: Reading,
}

/// Sums up the steps of a path.
pub fn quality(steps: &[Step]) -> Quality {
    let n = steps.len();
    let count = |f: &dyn Fn(&Step) -> bool| steps.iter().filter(|s| f(s)).count();
    let referenced = count(&|s| s.sources == SourceKind::Referenced);
    let imported = count(&|s| s.sources == SourceKind::Imported);
    let unreferenced = count(&|s| s.sources == SourceKind::None);
    let unknown = count(&|s| s.sources == SourceKind::Unknown);
    let doubtful = count(&|s| !s.doubt.is_empty());
    let one_sided = count(&|s| s.one_sided);
    let reading = if n == 0 {
        Reading::Empty
    } else if doubtful > 0 {
        Reading::Doubtful { k: doubtful, n }
    } else if unreferenced > 0 {
        Reading::Unreferenced { k: unreferenced, n }
    } else if imported > 0 {
        Reading::Imported { k: imported, n }
    } else if unknown > 0 {
        Reading::Unknown { k: unknown, n }
    } else {
        Reading::AllReferenced { n }
    };
    Quality {
        links: n,
        referenced,
        imported,
        unreferenced,
        unknown,
        doubtful,
        one_sided,
        reading,
    }
}

impl fmt::Display for Reading {
    /// Short English: `every link referenced`, `2 of 5 links only imported`, …
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let links = |n: &usize| if *n == 1 { "link" } else { "links" };
        match self {
            Reading::Doubtful { k, n } => write!(f, "{k} of {n} {} marked doubtful", links(n)),
            Reading::Unreferenced { k, n } => {
                write!(f, "{k} of {n} {} without any reference", links(n))
            }
            Reading::Imported { k, n } => write!(f, "{k} of {n} {} only imported", links(n)),
            Reading::AllReferenced { n: 1 } => f.write_str("the link is referenced"),
            Reading::AllReferenced { .. } => f.write_str("every link referenced"),
            Reading::Unknown { k, n } => {
                write!(f, "the sources of {k} of {n} {} not read yet", links(n))
            }
            Reading::Empty => f.write_str("no links"),
        }
    }
}

#[cfg(test)]
mod tests;

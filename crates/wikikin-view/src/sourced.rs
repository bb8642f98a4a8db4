//! Where each link of an answer comes from, for the page: every step of each relationship line
//! (from the ancestors down) and of each connection, with the statement behind it, its
//! references in words, its doubts, whether only one side states it; how sure each
//! relationship is, in words; and the data problems of the people on the paths
//! ([`wikikin_core::sources::check`]) worded with links to the statements. Pure: it reads the
//! answer's [`Answer::graph`] and [`Answer::persons`].

use crate::answer::{Answer, ConnLine, Line};

mod problems;
mod words;

pub use problems::{SourcedProblem, StatementLink};
use std::collections::HashMap;
use wikikin_core::entity::{Kinship, Rank, Reference, Statement};
use wikikin_core::graph::LinkKind;
use wikikin_core::sources::{self, Quality, SourceKind};
use wikikin_core::{Qid, Sex};
pub use words::{doubt_word, host, iso_date, reading_words};

/// One step of a path, as the page shows it (`[data-testid=link]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcedLink {
    /// `data-from`, `data-to`.
    pub from: Qid,
    pub to: Qid,
    /// What `to` is to `from` (`None`: no such link known).
    pub kind: Option<LinkKind>,
    /// Adoptive, foster or step when the parent statement says so.
    pub kinship: Option<Kinship>,
    /// What `to` is to `from` in words: `father`, `adoptive mother`, `daughter`, `wife`, `link`.
    pub what: String,
    /// `data-prop`: the property id read (`P22`), or empty when not known.
    pub prop: String,
    /// `data-sources`: see [`SourceKind::as_str`].
    pub sources: SourceKind,
    /// The doubt qualifiers' values (P1480 then P5102).
    pub doubt_ids: Vec<Qid>,
    /// The doubts in words (`disputed`, `presumably`, or the item's label / Q-id).
    pub doubt_words: Vec<String>,
    /// Only one side states it (only the child's P22/P25, only the parent's P40, one spouse).
    pub one_sided: bool,
    /// Whose item holds the statement shown (the better one).
    pub on_item: Option<Qid>,
    pub rank: Option<Rank>,
    /// The statement's page on the instance (`…/wiki/Q9682#P22`); `None` when not known.
    pub url: Option<String>,
    /// Each reference summed up (`stated in The Peerage (Q21401824) · thepeerage.com ·
    /// retrieved 2020-05-01`, `imported from English Wikipedia`).
    pub references: Vec<String>,
    /// The references in one line (`; `-joined), or `no reference` / `sources not read yet`.
    pub references_words: String,
}

impl SourcedLink {
    /// `data-sources`.
    pub fn sources_attr(&self) -> &'static str {
        self.sources.as_str()
    }

    /// `data-doubt`: the ids comma-separated, or empty.
    pub fn doubt_attr(&self) -> String {
        sources::doubt_attr(&self.doubt_ids)
    }

    /// Drawn dashed: without a real reference, or with a doubt.
    pub fn is_weak(&self) -> bool {
        self.sources != SourceKind::Referenced || !self.doubt_ids.is_empty()
    }
}

/// The links of one relationship (its two lines of descent) or one connection, and how sure
/// it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathSources {
    /// A relationship: the line down to `a` then the line down to `b` (each from the
    /// ancestor); a connection: one chain from `a` to `b`.
    pub paths: Vec<Vec<SourcedLink>>,
    pub quality: Quality,
    /// The reading in words (`every link referenced`, `2 of 8 links only imported`,
    /// `3 links without any reference`, `a link marked disputed`).
    pub reading: String,
    /// Indices into [`Sourced::problems`] of the problems about people on these paths.
    pub problems: Vec<usize>,
}

impl PathSources {
    /// Every link, the paths one after the other.
    pub fn links(&self) -> impl Iterator<Item = &SourcedLink> + '_ {
        self.paths.iter().flatten()
    }
}

/// Everything about sources for one answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sourced {
    /// One per [`Answer::lines`], in order.
    pub lines: Vec<PathSources>,
    /// One per [`Answer::conns`], in order.
    pub conns: Vec<PathSources>,
    pub problems: Vec<SourcedProblem>,
}

/// Labels of items often met in references (used when no other label is known).
const KNOWN_LABELS: [(Qid, &str); 6] = [
    (Qid(328), "English Wikipedia"),
    (Qid(48183), "German Wikipedia"),
    (Qid(8447), "French Wikipedia"),
    (Qid(21401824), "The Peerage"),
    (Qid(19847326), "Genealogics"),
    (Qid(2013), "Wikidata"),
];

impl Answer {
    /// The sources of every relationship and connection, and the data problems, with the
    /// labels known to the answer (see [`Answer::sourced_with`]).
    pub fn sourced(&self) -> Sourced {
        self.sourced_with(&HashMap::new())
    }

    /// The same, with extra labels (e.g. of the stated-in items, from one labels request).
    pub fn sourced_with(&self, labels: &HashMap<Qid, String>) -> Sourced {
        let problems = self.source_problems_with(labels);
        let mut lines: Vec<PathSources> = self
            .lines
            .iter()
            .map(|l| self.line_sources_with(l, labels))
            .collect();
        let mut conns: Vec<PathSources> = self
            .conns
            .iter()
            .map(|c| self.conn_sources_with(c, labels))
            .collect();
        for ps in lines.iter_mut().chain(conns.iter_mut()) {
            let on: Vec<Qid> = ps.links().flat_map(|l| [l.from, l.to]).collect();
            ps.problems = problems
                .iter()
                .enumerate()
                .filter(|(_, p)| on.contains(&self.graph.canonical(p.problem.child)))
                .map(|(i, _)| i)
                .collect();
        }
        Sourced {
            lines,
            conns,
            problems,
        }
    }

    /// The links of a relationship line: down from the ancestor to `a`, then to `b`.
    pub fn line_sources(&self, line: &Line) -> PathSources {
        self.line_sources_with(line, &HashMap::new())
    }

    fn line_sources_with(&self, line: &Line, labels: &HashMap<Qid, String>) -> PathSources {
        let paths = [&line.rel.path_a, &line.rel.path_b]
            .into_iter()
            .map(|p| self.path_links(p, labels))
            .collect();
        path_sources(paths, labels, self)
    }

    /// The links of a connection, from `a` to `b`.
    pub fn conn_sources(&self, c: &ConnLine) -> PathSources {
        self.conn_sources_with(c, &HashMap::new())
    }

    fn conn_sources_with(&self, c: &ConnLine, labels: &HashMap<Qid, String>) -> PathSources {
        let paths = vec![self.path_links(&c.conn.path, labels)];
        path_sources(paths, labels, self)
    }

    fn path_links(&self, path: &[Qid], labels: &HashMap<Qid, String>) -> Vec<SourcedLink> {
        path.windows(2)
            .filter_map(|w| match w {
                [a, b] => Some(self.link_sources_with(*a, *b, labels)),
                _ => None,
            })
            .collect()
    }

    /// The step from `from` to `to`, with its statement.
    pub fn link_sources(&self, from: Qid, to: Qid) -> SourcedLink {
        self.link_sources_with(from, to, &HashMap::new())
    }

    fn link_sources_with(&self, from: Qid, to: Qid, labels: &HashMap<Qid, String>) -> SourcedLink {
        let step = sources::step(&self.graph, from, to);
        let stated = self.graph.stated(to, from);
        let best: Option<(Qid, &Statement)> = stated.map(|(_, s)| (s.best.item, &s.best.statement));
        let kinship = match step.kind {
            Some(LinkKind::Parent) => self.graph.kinship(to, from),
            Some(LinkKind::Child) => self.graph.kinship(from, to),
            _ => None,
        };
        let references: Vec<String> = best
            .map(|(_, st)| {
                st.references
                    .iter()
                    .map(|r| self.reference_words(r, labels))
                    .collect()
            })
            .unwrap_or_default();
        let references_words = if references.is_empty() {
            match step.sources {
                SourceKind::Unknown => "sources not read yet".to_string(),
                _ => "no reference".to_string(),
            }
        } else {
            references.join("; ")
        };
        SourcedLink {
            from,
            to,
            kind: step.kind,
            kinship,
            what: self.what(step.kind, kinship, to),
            prop: step.prop.map(|p| p.to_string()).unwrap_or_default(),
            sources: step.sources,
            doubt_words: step
                .doubt
                .iter()
                .map(|q| doubt_word(*q).map_or_else(|| self.label(*q, labels), str::to_string))
                .collect(),
            doubt_ids: step.doubt,
            one_sided: step.one_sided,
            on_item: best.map(|(q, _)| q),
            rank: best.map(|(_, st)| st.rank),
            url: step
                .statement
                .as_ref()
                .map(|s| self.statement_href(s.item, &s.prop.to_string())),
            references,
            references_words,
        }
    }

    /// A statement's page on the question's Wikibase (`…/wiki/Q9682#P22`; FactGrid's
    /// `…/wiki/Item:Q409#P141`), as [`wikikin_core::sources::statement_url`] words it.
    pub fn statement_href(&self, item: Qid, prop: &str) -> String {
        format!("{}#{prop}", self.ask.page_url(item))
    }

    /// An item's label: from `labels`, the people loaded, a few well-known items, else its
    /// Q-id.
    pub fn label(&self, q: Qid, labels: &HashMap<Qid, String>) -> String {
        labels
            .get(&q)
            .cloned()
            .or_else(|| self.persons.get(&q).and_then(|p| p.label.clone()))
            .or_else(|| {
                KNOWN_LABELS
                    .iter()
                    .find(|(k, _)| *k == q)
                    .map(|(_, l)| l.to_string())
            })
            .unwrap_or_else(|| q.to_string())
    }

    /// One reference in words: `stated in The Peerage (Q21401824) · thepeerage.com ·
    /// retrieved 2020-05-01`, or `imported from English Wikipedia`.
    pub fn reference_words(&self, r: &Reference, labels: &HashMap<Qid, String>) -> String {
        let mut parts: Vec<String> = Vec::new();
        for q in &r.stated_in {
            let l = self.label(*q, labels);
            parts.push(if l == q.to_string() {
                format!("stated in {q}")
            } else {
                format!("stated in {l} ({q})")
            });
        }
        for u in &r.urls {
            parts.push(host(u).to_string());
        }
        if r.imported || (parts.is_empty() && !r.imported_from.is_empty()) {
            let from: Vec<String> = r
                .imported_from
                .iter()
                .map(|q| self.label(*q, labels))
                .collect();
            parts.push(if from.is_empty() {
                "imported from a wiki".to_string()
            } else {
                format!("imported from {}", from.join(", "))
            });
        }
        if let Some(d) = &r.retrieved {
            parts.push(format!("retrieved {}", iso_date(d)));
        }
        if parts.is_empty() {
            "a reference".to_string()
        } else {
            parts.join(" · ")
        }
    }

    fn what(&self, kind: Option<LinkKind>, kinship: Option<Kinship>, to: Qid) -> String {
        let sex = self.persons.get(&to).map_or(Sex::Unknown, |p| p.sex);
        let pick = |m: &'static str, f: &'static str, u: &'static str| match sex {
            Sex::Male => m,
            Sex::Female => f,
            Sex::Unknown => u,
        };
        let base = match kind {
            Some(LinkKind::Parent) => pick("father", "mother", "parent"),
            Some(LinkKind::Child) => pick("son", "daughter", "child"),
            Some(LinkKind::Spouse) => pick("husband", "wife", "spouse"),
            None => "link",
        };
        match kinship {
            Some(Kinship::Step) => format!("step{base}"),
            Some(k) => format!("{} {base}", k.as_str()),
            None => base.to_string(),
        }
    }
}

fn path_sources(
    paths: Vec<Vec<SourcedLink>>,
    labels: &HashMap<Qid, String>,
    answer: &Answer,
) -> PathSources {
    let steps: Vec<sources::Step> = paths
        .iter()
        .flatten()
        .map(|l| sources::Step {
            from: l.from,
            to: l.to,
            kind: l.kind,
            prop: None,
            statement: None,
            sources: l.sources,
            doubt: l.doubt_ids.clone(),
            one_sided: l.one_sided,
        })
        .collect();
    let quality = sources::quality(&steps);
    let doubts: Vec<String> = {
        let mut d: Vec<String> = Vec::new();
        for l in paths.iter().flatten() {
            for (q, w) in l.doubt_ids.iter().zip(&l.doubt_words) {
                let w = doubt_word(*q).map_or_else(|| answer.label(*q, labels), |_| w.clone());
                if !d.contains(&w) {
                    d.push(w);
                }
            }
        }
        d
    };
    PathSources {
        paths,
        reading: reading_words(&quality, &doubts),
        quality,
        problems: Vec::new(),
    }
}

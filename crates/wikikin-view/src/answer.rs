//! What the page shows after a crawl: the relationships in words, the people reached per level,
//! what failed, and the tree with its layout — all derived once from the core's result.

use crate::known::Known;
pub use crate::limits::limit_words;
use crate::question::Ask;
use crate::text::clip;
use serde::Serialize;
use std::collections::HashMap;
use wikikin_core::{
    Connection, CrawlResult, LevelCount, Outcome, OutcomeKind, Person, PersonFailure, Progress,
    Qid, Relationship, Sex,
};
use wikikin_kinship::{
    ancestors_list, connection_link, connection_phrase, kin_term, layout, link_term,
    relationship_phrase, Kin, Lang, LayoutOptions,
};

/// The language the page words things in: the question's (`lang=`) when it is one of the eight,
/// else English.
pub fn page_lang(ask: &Ask) -> Lang {
    Lang::from_code(&ask.lang).unwrap_or(Lang::En)
}

/// The tree drawn, with Wikidata ids.
pub type Tree = wikikin_kinship::Tree<Qid>;
/// Its layout.
pub type Layout = wikikin_kinship::Layout<Qid>;

/// How many colours the relationships cycle through (see `style/tree.css`).
pub const COLOURS: usize = 8;

/// One relationship, in words.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    #[serde(flatten)]
    pub rel: Relationship,
    pub words: String,
    /// The term alone: what b is to a ("third cousin"), in the page's language.
    pub term: String,
    pub through: String,
    /// The whole sentence as pieces ("B is A's third cousin — through X & Y"), in the page's
    /// language: the ancestors are shown as links.
    #[serde(skip)]
    pub phrase: crate::phrase::Phrase,
    /// What the language needs to word it (the linking people's sexes along its lines).
    #[serde(skip)]
    pub kin: wikikin_kinship::Kin,
    pub colour: usize,
}

impl Line {
    /// The ancestors' Q-ids, comma-separated (`data-ancestors`).
    pub fn ancestors_attr(&self) -> String {
        let ids: Vec<String> = self.rel.ancestors.iter().map(Qid::to_string).collect();
        ids.join(",")
    }
}

/// One connection through marriage, in words, with its hooks.
#[derive(Clone, Debug, Serialize)]
pub struct ConnLine {
    #[serde(flatten)]
    pub conn: Connection,
    /// Who it is about: what `b` is to `a`.
    pub a: Qid,
    pub b: Qid,
    /// The single English term where there is one (`daughter-in-law`), else empty.
    pub term: String,
    pub words: String,
    /// The words as pieces (the people of the chain as persons).
    #[serde(skip)]
    pub phrase: crate::phrase::Phrase,
    pub colour: usize,
}

impl ConnLine {
    /// `data-path`: the Q-ids from a to b, comma-separated.
    pub fn path_attr(&self) -> String {
        let ids: Vec<String> = self.conn.path.iter().map(Qid::to_string).collect();
        ids.join(",")
    }

    /// `data-links`: `parent`, `child` or `spouse` per step from a, comma-separated.
    pub fn links_attr(&self) -> String {
        let steps: Vec<&str> = self.conn.steps.iter().map(|s| s.as_str()).collect();
        steps.join(",")
    }
}

/// A link to a person's page on the endpoint, with the person's name as its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonLink {
    pub qid: Qid,
    pub href: String,
    pub name: String,
}

/// One person of the explore list: reached at a degree, or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReachedRow {
    pub link: PersonLink,
    /// `data-degree`: the degree, or empty when not reached.
    pub degree: String,
    /// The words after the name (` reached at degree 3`, ` not reached`).
    pub words: String,
}

/// What the details card says about one person of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonDetails {
    pub name: String,
    pub description: Option<String>,
    pub born: Option<String>,
    pub died: Option<String>,
    pub href: String,
    /// `Q9682 on Wikidata`, or `… on the endpoint`.
    pub link_text: String,
}

/// Everything shown for a finished (or stopped) crawl.
#[derive(Clone, Debug)]
pub struct Answer {
    pub ask: Ask,
    pub outcome: Outcome,
    pub people: Vec<Qid>,
    pub roots: Vec<Qid>,
    pub persons: HashMap<Qid, Person>,
    pub lines: Vec<Line>,
    /// Connections through marriage (relating two people), after the relationships.
    pub conns: Vec<ConnLine>,
    /// How far the connection search looked, in words (`None` when it did not run).
    pub conn_searched: Option<String>,
    pub direct: Vec<String>,
    pub levels: Vec<LevelCount>,
    pub reached: Vec<(Qid, Option<u32>)>,
    pub failures: Vec<PersonFailure>,
    pub missing: Vec<Qid>,
    pub redirected: Vec<(Qid, Qid)>,
    /// Problems in the data (conflicting parents, cycles), in words, each once.
    pub problems: Vec<String>,
    /// Where the searches stopped (a limit is not a problem in the data), in words, with names.
    pub limits: Vec<String>,
    /// Where the query service could not answer and entity JSON was read instead, in words.
    pub fallbacks: Vec<String>,
    pub tree: Tree,
    pub layout: Layout,
    pub progress: Progress,
    pub elapsed_ms: f64,
    /// The family as read, with the statements behind each link (see [`crate::sourced`]).
    pub graph: wikikin_core::FamilyGraph,
}

/// The card size and spacing of the drawing, in pixels.
pub fn layout_options() -> LayoutOptions {
    LayoutOptions {
        box_width: 172.0,
        box_height: 60.0,
        partner_gap: 20.0,
        gap: 36.0,
        row_gap: 56.0,
        ..LayoutOptions::default()
    }
}

impl Answer {
    pub fn build(
        ask: Ask,
        outcome: Outcome,
        result: CrawlResult,
        progress: Progress,
        elapsed_ms: f64,
    ) -> Answer {
        let persons: HashMap<Qid, Person> =
            result.persons.iter().map(|p| (p.id, p.clone())).collect();
        let name = |q: Qid| display_name(&persons, q);
        let sex = |q: Qid| persons.get(&q).map(|p| p.sex).unwrap_or(Sex::Unknown);
        let explores = ask.explores();
        let (roots, people): (Vec<Qid>, Vec<Qid>) = if explores {
            let n = ask.roots.len().min(result.people.len());
            let (r, p) = result.people.split_at(n);
            (r.to_vec(), p.to_vec())
        } else {
            (Vec::new(), result.people.clone())
        };
        // The core found the relationships (and connections) the same way for every question.
        let rels = result.relationships.clone();
        let lang = page_lang(&ask);
        let lines: Vec<Line> = rels
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let kin = Kin::of(r, &sex);
                // The sentence without its ancestors is the words; with them, the whole line.
                let bare = Relationship {
                    ancestors: Vec::new(),
                    ..r.clone()
                };
                let words = relationship_phrase(lang, &bare, &kin, &name, &sex).to_text(&name);
                Line {
                    rel: r.clone(),
                    words,
                    term: kin_term(lang, &kin, sex(r.b)),
                    through: ancestors_list(lang, &r.ancestors, &name).to_text(&name),
                    phrase: relationship_phrase(lang, r, &kin, &name, &sex).into(),
                    kin,
                    colour: i % COLOURS,
                }
            })
            .collect();
        let direct = result
            .direct_ancestors
            .iter()
            .map(|d| {
                format!(
                    "{} is a direct ancestor of {}, {} generation{} up.",
                    name(d.ancestor),
                    name(d.descendant),
                    d.generations,
                    if d.generations == 1 { "" } else { "s" }
                )
            })
            .collect();
        let mut problems: Vec<String> = result.problems.iter().map(|p| p.describe(name)).collect();
        problems.dedup();
        let limits: Vec<String> = result
            .kinship_problems
            .iter()
            .map(|p| limit_words(p, &name))
            .collect();
        // The family as the answer knows it: the graph, with the sex of people fetched for their
        // names only (not in the graph) from their entities.
        let known = Known {
            graph: &result.graph,
            persons: &persons,
        };
        let conns: Vec<ConnLine> = result
            .connections
            .iter()
            .flat_map(|c| c.found.iter().map(move |f| (c.a, c.b, f)))
            .enumerate()
            .map(|(k, (a, b, c))| {
                let phrase = connection_phrase(lang, &known, c, &name);
                ConnLine {
                    conn: c.clone(),
                    a,
                    b,
                    term: connection_link(&known, c)
                        .map(|l| link_term(lang, l, wikikin_kinship::Pedigree::sex(&known, b)))
                        .unwrap_or_default(),
                    words: phrase.to_text(&name),
                    phrase: phrase.into(),
                    colour: (lines.len() + k) % COLOURS,
                }
            })
            .collect();
        let conn_searched = result.connections.as_ref().map(|c| {
            format!(
                "Connections through marriage were searched up to {} link{} between {} and {}.",
                c.searched_links,
                if c.searched_links == 1 { "" } else { "s" },
                name(c.a),
                name(c.b)
            )
        });
        let fallbacks = result.fallbacks.iter().map(|f| f.to_string()).collect();
        let drawn = result.tree.clone();
        let geometry = layout(&drawn, &layout_options());
        Answer {
            ask,
            outcome,
            people,
            roots,
            lines,
            direct,
            levels: result.levels.clone(),
            reached: result.reached.clone(),
            failures: result.failures.clone(),
            missing: result.missing.clone(),
            redirected: result.redirected.clone(),
            problems,
            limits,
            fallbacks,
            conns,
            conn_searched,
            tree: drawn,
            layout: geometry,
            progress,
            elapsed_ms,
            persons,
            graph: result.graph,
        }
    }

    pub fn name(&self, q: Qid) -> String {
        display_name(&self.persons, q)
    }

    /// A link to `q`'s page on the question's endpoint.
    pub fn link(&self, q: Qid) -> PersonLink {
        PersonLink {
            qid: q,
            href: self.ask.page_url(q),
            name: self.name(q),
        }
    }

    /// The sentence shown when there is no relationship and no direct line to show, in words
    /// that say why; `None` when there is something to show.
    pub fn no_relationship(&self) -> Option<&'static str> {
        let cancelled = self.outcome.kind() == OutcomeKind::Cancelled;
        let nothing = self.lines.is_empty() && self.direct.is_empty() && self.conns.is_empty();
        if !(cancelled || nothing) {
            return None;
        }
        Some(match self.outcome.kind() {
            OutcomeKind::Cancelled => "Cancelled before a common ancestor was found.",
            OutcomeKind::Failed => "No answer: the crawl failed (see above).",
            _ if self.ask.explores() && self.reached.iter().any(|(_, d)| d.is_none()) => {
                "Not every person was reached from the roots within the limits."
            }
            _ if self.ask.all_descendants() => "Every descendant of the roots is drawn below.",
            _ if self.people.len() < 2 => "Add a second person to name a relationship.",
            _ => {
                "No common ancestor and no connection through marriage was found within the limits."
            }
        })
    }

    /// The links to a line's common ancestors, each with the separator written before it
    /// (``, `, `, ` & ` before the last).
    pub fn through_links(&self, line: &Line) -> Vec<(&'static str, PersonLink)> {
        let n = line.rel.ancestors.len();
        line.rel
            .ancestors
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let sep = if i == 0 {
                    ""
                } else if i + 1 == n {
                    " & "
                } else {
                    ", "
                };
                (sep, self.link(*q))
            })
            .collect()
    }

    /// The heading of the explore section and the name of its levels: degrees from the roots
    /// when exploring towards people, generations below them when drawing every descendant.
    pub fn levels_words(&self) -> (&'static str, &'static str) {
        if self.ask.descendants {
            ("Descendants by generation", "Generation")
        } else {
            ("Reached from the roots", "Degree")
        }
    }

    /// Explore mode: who was reached at which degree (empty when relating).
    pub fn reached_rows(&self) -> Vec<ReachedRow> {
        if !self.ask.explores() {
            return Vec::new();
        }
        self.reached
            .iter()
            .map(|(q, d)| ReachedRow {
                link: self.link(*q),
                degree: d.map(|d| d.to_string()).unwrap_or_default(),
                words: match d {
                    Some(d) => format!(" reached at degree {d}"),
                    None => " not reached".to_string(),
                },
            })
            .collect()
    }

    /// The ids the server does not have, in words (`None` when there are none).
    pub fn missing_text(&self) -> Option<String> {
        (!self.missing.is_empty()).then(|| {
            let list: Vec<String> = self.missing.iter().map(Qid::to_string).collect();
            format!(
                "Not on the server (deleted or never existed): {}",
                list.join(", ")
            )
        })
    }

    /// The merged items that were followed, in words (`None` when there are none).
    pub fn redirected_text(&self) -> Option<String> {
        (!self.redirected.is_empty()).then(|| {
            let list: Vec<String> = self
                .redirected
                .iter()
                .map(|(f, t)| format!("{f} → {t}"))
                .collect();
            format!("Merged items followed: {}", list.join(", "))
        })
    }

    /// What the details card shows for `q` (its name and link even when not loaded).
    pub fn details(&self, q: Qid) -> PersonDetails {
        let p = self.persons.get(&q);
        PersonDetails {
            name: clip(&self.name(q), 200),
            description: p
                .and_then(|p| p.description.as_deref())
                .map(|d| clip(d, 300)),
            born: p
                .and_then(|p| p.birth.as_ref())
                .map(|d| format!("Born {d}")),
            died: p
                .and_then(|p| p.death.as_ref())
                .map(|d| format!("Died {d}")),
            href: self.ask.page_url(q),
            link_text: format!(
                "{q} on {}",
                if self.ask.instance.is_some() {
                    self.ask.source_name()
                } else {
                    "the endpoint".to_string()
                }
            ),
        }
    }

    /// The file name of the downloads, without the extension (`wikikin-Q9682-Q80976`).
    pub fn file_stem(&self) -> String {
        let ids: Vec<String> = self.people.iter().map(|q| q.to_string()).collect();
        format!("wikikin-{}", ids.join("-"))
    }

    pub fn succeeded(&self) -> bool {
        self.outcome.answered()
    }

    /// The result as JSON for the export button.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Export<'a> {
            question: String,
            endpoint: &'a str,
            outcome: String,
            relationships: &'a [Line],
            connections: &'a [ConnLine],
            direct_ancestors: &'a [String],
            reached: Vec<(Qid, Option<u32>)>,
            failures: Vec<(Qid, String)>,
            problems: &'a [String],
            persons: Vec<&'a Person>,
            tree: &'a Tree,
        }
        let mut persons: Vec<&Person> = self.persons.values().collect();
        wikikin_sort::sort_by_key(&mut persons, |p| p.id);
        let export = Export {
            question: self.ask.to_query(""),
            endpoint: &self.ask.endpoint,
            outcome: self.outcome.to_string(),
            relationships: &self.lines,
            connections: &self.conns,
            direct_ancestors: &self.direct,
            reached: self.reached.clone(),
            failures: self
                .failures
                .iter()
                .map(|f| (f.id, f.to_string()))
                .collect(),
            problems: &self.problems,
            persons,
            tree: &self.tree,
        };
        serde_json::to_string_pretty(&export).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

/// A person's label, or their Q-id when unknown.
pub fn display_name(persons: &HashMap<Qid, Person>, q: Qid) -> String {
    persons
        .get(&q)
        .and_then(|p| p.label.clone())
        .unwrap_or_else(|| q.to_string())
}

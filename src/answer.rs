//! What the page shows after a crawl: the relationships in words, the people reached per level,
//! what failed, and the tree with its layout — all derived once from the core's result.

use crate::question::Ask;
use serde::Serialize;
use std::collections::HashMap;
use wikikin_core::{
    CrawlResult, LevelCount, Outcome, OutcomeKind, Person, PersonFailure, Progress, Qid, Sex,
};
use wikikin_kinship::{
    ancestors_phrase, describe, kinship_all, layout, tree, Layout, LayoutOptions, Limits,
    Relationship, Tree,
};

/// How many colours the relationships cycle through (see `style/tree.css`).
pub const COLOURS: usize = 8;

/// One relationship, in words.
#[derive(Clone, Debug, Serialize)]
pub struct Line {
    #[serde(flatten)]
    pub rel: Relationship,
    pub words: String,
    pub through: String,
    pub colour: usize,
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
    pub direct: Vec<String>,
    pub levels: Vec<LevelCount>,
    pub reached: Vec<(Qid, Option<u32>)>,
    pub failures: Vec<PersonFailure>,
    pub missing: Vec<Qid>,
    pub redirected: Vec<(Qid, Qid)>,
    pub problems: Vec<String>,
    pub tree: Tree,
    pub layout: Layout,
    pub progress: Progress,
    pub elapsed_ms: f64,
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
        // Explore mode loads the lines down from the roots; the relationships among the people
        // are then found on what was loaded.
        let (rels, mut problems_k) = if explores {
            let k = kinship_all(&result.graph, &people, &Limits::default());
            (k.relationships, k.problems)
        } else {
            (
                result.relationships.clone(),
                result.kinship_problems.clone(),
            )
        };
        let lines: Vec<Line> = rels
            .iter()
            .enumerate()
            .map(|(i, r)| Line {
                rel: r.clone(),
                words: describe(r, &name, &sex),
                through: ancestors_phrase(&r.ancestors, &name),
                colour: i % COLOURS,
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
        problems.extend(problems_k.drain(..).map(|p| p.to_string()));
        problems.dedup();
        let drawn = tree(&result.graph, &rels, &roots, &people);
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
            tree: drawn,
            layout: geometry,
            progress,
            elapsed_ms,
            persons,
        }
    }

    pub fn name(&self, q: Qid) -> String {
        display_name(&self.persons, q)
    }

    pub fn succeeded(&self) -> bool {
        matches!(
            self.outcome.kind,
            OutcomeKind::Done | OutcomeKind::LimitReached(_)
        )
    }

    /// The result as JSON for the export button.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Export<'a> {
            question: String,
            endpoint: &'a str,
            outcome: &'a str,
            relationships: &'a [Line],
            direct_ancestors: &'a [String],
            reached: Vec<(Qid, Option<u32>)>,
            failures: Vec<(Qid, &'a str)>,
            problems: &'a [String],
            persons: Vec<&'a Person>,
            tree: &'a Tree,
        }
        let mut persons: Vec<&Person> = self.persons.values().collect();
        persons.sort_by_key(|p| p.id);
        let export = Export {
            question: self.ask.to_query(""),
            endpoint: &self.ask.endpoint,
            outcome: &self.outcome.message,
            relationships: &self.lines,
            direct_ancestors: &self.direct,
            reached: self.reached.clone(),
            failures: self
                .failures
                .iter()
                .map(|f| (f.id, f.message.as_str()))
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

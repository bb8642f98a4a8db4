//! The data problems of the people on an answer's paths, worded, with links to the statements
//! that disagree.

use crate::answer::Answer;
use std::collections::HashMap;
use wikikin_core::sources::{self, Rule, SourceProblem};
use wikikin_core::Qid;

/// A link to a statement named by a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementLink {
    /// `Q123 P22`.
    pub text: String,
    pub href: String,
}

/// A data problem, in words, with the statements that disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcedProblem {
    pub problem: SourceProblem,
    /// `rule` in kebab case (`two-fathers`, `parent-born-after-child`, …), for a data hook.
    pub rule: &'static str,
    pub words: String,
    pub statements: Vec<StatementLink>,
}

impl Answer {
    /// The data problems of the people on the shown paths and the people drawn.
    pub fn source_problems(&self) -> Vec<SourcedProblem> {
        self.source_problems_with(&HashMap::new())
    }

    pub(super) fn source_problems_with(
        &self,
        labels: &HashMap<Qid, String>,
    ) -> Vec<SourcedProblem> {
        let mut children: Vec<Qid> = self.tree.persons.clone();
        for l in &self.lines {
            children.extend(l.rel.path_a.iter().chain(&l.rel.path_b));
        }
        for c in &self.conns {
            children.extend(&c.conn.path);
        }
        let person = |q: Qid| self.persons.get(&q);
        sources::check(&self.graph, &person, &self.ask.props, &children)
            .into_iter()
            .map(|p| self.problem_words(p, labels))
            .collect()
    }

    fn problem_words(&self, p: SourceProblem, labels: &HashMap<Qid, String>) -> SourcedProblem {
        let name = |q: Qid| self.label(q, labels);
        let child = name(p.child);
        let parents: Vec<String> = p.parents.iter().map(|q| name(*q)).collect();
        let parent = parents.join(" and ");
        let (rule, words) = match p.rule {
            Rule::TwoFathers => (
                "two-fathers",
                format!("{child} has more than one father by blood: {parent}."),
            ),
            Rule::TwoMothers => (
                "two-mothers",
                format!("{child} has more than one mother by blood: {parent}."),
            ),
            Rule::ParentBornAfterChild => (
                "parent-born-after-child",
                format!("{parent}, a parent of {child}, was born after {child}."),
            ),
            Rule::MotherTooYoung => (
                "mother-too-young",
                format!(
                    "{parent} was younger than {} at the birth of {child}.",
                    sources::rules::MOTHER_MIN_AGE
                ),
            ),
            Rule::MotherTooOld => (
                "mother-too-old",
                format!(
                    "{parent} was older than {} at the birth of {child}.",
                    sources::rules::MOTHER_MAX_AGE
                ),
            ),
            Rule::MotherDiedBeforeBirth => (
                "mother-died-before-birth",
                format!("{parent}, the mother of {child}, died before the birth."),
            ),
            Rule::FatherDiedBeforeBirth => (
                "father-died-before-birth",
                format!("{parent}, the father of {child}, died more than a year before the birth."),
            ),
        };
        let statements = p
            .statements
            .iter()
            .map(|s| StatementLink {
                text: format!("{} {}", s.item, s.prop),
                href: self.statement_href(s.item, &s.prop.to_string()),
            })
            .collect();
        SourcedProblem {
            problem: p,
            rule,
            words,
            statements,
        }
    }
}

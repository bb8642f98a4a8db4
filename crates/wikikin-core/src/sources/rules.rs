//! The conflicts and impossibilities flagged next to an answer: two blood fathers (or
//! mothers) at the best rank; a parent born after the child; a mother younger than 12 or older
//! than 60 at the birth; a mother who died before it; a father who died more than a year
//! before it. Dates are compared only as far as precision and calendar allow (see
//! [`super::when`]): a rule fires only when it holds for every day the dates can mean.

use super::when::{years_in_days, Span, SLACK_DAYS};
use super::StatementRef;
use crate::entity::DateDetail;
use crate::graph::FamilyGraph;
use crate::{Date, Person, Pid, Props, Qid};

/// Which rule a problem breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Two or more fathers by blood.
    TwoFathers,
    /// Two or more mothers by blood.
    TwoMothers,
    ParentBornAfterChild,
    /// The mother was younger than 12 at the birth.
    MotherTooYoung,
    /// The mother was older than 60 at the birth.
    MotherTooOld,
    MotherDiedBeforeBirth,
    /// The father died more than a year before the birth.
    FatherDiedBeforeBirth,
}

/// A problem found, with the statements that disagree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceProblem {
    pub rule: Rule,
    pub child: Qid,
    /// The parents concerned (sorted).
    pub parents: Vec<Qid>,
    /// The parent links' statements and the dates' statements.
    pub statements: Vec<StatementRef>,
}

/// The youngest a mother can be at a birth, in years.
pub const MOTHER_MIN_AGE: i64 = 12;
/// The oldest a mother can be at a birth, in years.
pub const MOTHER_MAX_AGE: i64 = 60;

/// Checks the parents of each of `children` (blood links only: an adoptive, foster or step
/// parent is no conflict and has no birth to check). `person` gives the loaded people.
pub fn check<'p>(
    graph: &FamilyGraph,
    person: &dyn Fn(Qid) -> Option<&'p Person>,
    props: &Props,
    children: &[Qid],
) -> Vec<SourceProblem> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for &c in children {
        let c = graph.canonical(c);
        if seen.contains(&c) {
            continue;
        }
        seen.push(c);
        let fathers = graph.fathers(c);
        let mothers = graph.mothers(c);
        for (rule, ps) in [(Rule::TwoFathers, &fathers), (Rule::TwoMothers, &mothers)] {
            if ps.len() > 1 {
                let mut statements = Vec::new();
                for &p in ps.iter() {
                    statements.extend(link_refs(graph, p, c));
                }
                out.push(SourceProblem {
                    rule,
                    child: c,
                    parents: ps.clone(),
                    statements,
                });
            }
        }
        let Some(child) = person(c) else { continue };
        let Some(born) = span(child.birth.as_ref(), &child.birth_detail) else {
            continue;
        };
        let parents = wikikin_kinship::Pedigree::parents(graph, c);
        for p in parents {
            let Some(parent) = person(p) else { continue };
            let is_mother = mothers.contains(&p);
            let is_father = fathers.contains(&p);
            let p_born = span(parent.birth.as_ref(), &parent.birth_detail);
            let p_died = span(parent.death.as_ref(), &parent.death_detail);
            let mut found = |rule: Rule, parent_date: Option<Pid>, detail: &DateDetail| {
                let mut statements = link_refs(graph, p, c);
                if let Some(pid) = props.birth {
                    statements.push(date_ref(c, pid, &child.birth_detail));
                }
                if let Some(pid) = parent_date {
                    statements.push(date_ref(p, pid, detail));
                }
                out.push(SourceProblem {
                    rule,
                    child: c,
                    parents: vec![p],
                    statements,
                });
            };
            if let Some(pb) = p_born {
                if pb.earliest > born.latest {
                    found(
                        Rule::ParentBornAfterChild,
                        props.birth,
                        &parent.birth_detail,
                    );
                } else if is_mother && born.latest - pb.earliest < years_in_days(MOTHER_MIN_AGE) {
                    found(Rule::MotherTooYoung, props.birth, &parent.birth_detail);
                } else if is_mother && born.earliest - pb.latest > years_in_days(MOTHER_MAX_AGE) {
                    found(Rule::MotherTooOld, props.birth, &parent.birth_detail);
                }
            }
            if let Some(pd) = p_died {
                if is_mother && pd.latest < born.earliest {
                    found(
                        Rule::MotherDiedBeforeBirth,
                        props.death,
                        &parent.death_detail,
                    );
                } else if is_father && born.earliest - pd.latest > SLACK_DAYS {
                    found(
                        Rule::FatherDiedBeforeBirth,
                        props.death,
                        &parent.death_detail,
                    );
                }
            }
        }
    }
    out
}

fn span(d: Option<&Date>, detail: &DateDetail) -> Option<Span> {
    d.and_then(|d| Span::of(d, detail.calendar))
}

fn date_ref(item: Qid, prop: Pid, d: &DateDetail) -> StatementRef {
    StatementRef {
        item,
        prop,
        id: d.statement.clone().unwrap_or_default(),
    }
}

/// The statements of the parent link (without statements: none named).
fn link_refs(graph: &FamilyGraph, parent: Qid, child: Qid) -> Vec<StatementRef> {
    graph
        .parent_statements(parent, child)
        .iter()
        .map(|l| StatementRef {
            item: l.item,
            prop: l.statement.property(),
            id: l.statement.id.clone(),
        })
        .collect()
}

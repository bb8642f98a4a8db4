//! Every descendant of the roots by generation: a view that can be read and scrolled at any
//! size (a tree of hundreds of people drawn to fit a screen is a sliver), one heading per
//! generation and the people of it in order of their names.

use crate::answer::Answer;
use std::collections::BTreeMap;
use wikikin_core::Qid;

/// At most this many people are listed in one generation (the rest are in the whole tree).
pub const MAX_LISTED: usize = 1_000;

/// One person of a generation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenPerson {
    pub qid: Qid,
    pub name: String,
    pub years: String,
    /// One of the roots or of the people asked about.
    pub asked: bool,
}

/// One generation below the roots (0: the roots).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generation {
    pub level: u32,
    /// "Generation 2 · 9 people".
    pub heading: String,
    pub people: Vec<GenPerson>,
    /// How many people the generation has (more than listed beyond [`MAX_LISTED`]).
    pub total: usize,
    /// "… and 120 more (in the whole tree)" when not all are listed.
    pub more: Option<String>,
}

/// The descendants of the answer's roots by generation, the roots first.
pub fn generations(answer: &Answer) -> Vec<Generation> {
    // Down the drawn tree from the roots: a child is one generation below the parent who is a
    // descendant (the partners who married in are not descendants themselves).
    let mut level: std::collections::HashMap<Qid, u32> =
        answer.roots.iter().map(|q| (*q, 0)).collect();
    loop {
        let mut changed = false;
        for e in &answer.tree.edges {
            let Some((x, y)) = answer.tree.couples.get(e.couple).copied() else {
                continue;
            };
            let parent = [Some(x), y]
                .into_iter()
                .flatten()
                .filter_map(|p| level.get(&p).copied())
                .min();
            if let Some(g) = parent {
                let better = level.get(&e.child).is_none_or(|c| *c > g + 1);
                if better {
                    level.insert(e.child, g + 1);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut by: BTreeMap<u32, Vec<Qid>> = BTreeMap::new();
    for (q, g) in level {
        by.entry(g).or_default().push(q);
    }
    by.into_iter()
        .map(|(level, mut ids)| {
            ids.dedup();
            let n = ids.len();
            let mut people: Vec<GenPerson> = ids
                .into_iter()
                .map(|q| GenPerson {
                    qid: q,
                    name: answer.name(q),
                    years: answer
                        .persons
                        .get(&q)
                        .map(|p| p.years())
                        .unwrap_or_default(),
                    asked: answer.roots.contains(&q) || answer.people.contains(&q),
                })
                .collect();
            wikikin_sort::sort_by(&mut people, |a, b| {
                a.name.cmp(&b.name).then(a.qid.cmp(&b.qid))
            });
            let more = (n > MAX_LISTED)
                .then(|| format!("… and {} more (in the whole tree)", n - MAX_LISTED));
            people.truncate(MAX_LISTED);
            let heading = match (level, n) {
                (0, 1) => "The root".to_string(),
                (0, _) => format!("The roots · {n}"),
                (_, 1) => format!("Generation {level} · 1 person"),
                _ => format!("Generation {level} · {n} people"),
            };
            Generation {
                level,
                heading,
                people,
                total: n,
                more,
            }
        })
        .collect()
}

impl Answer {
    /// "A, B and C" by name.
    pub fn name_list(&self, people: &[Qid]) -> String {
        let names: Vec<String> = people.iter().map(|q| self.name(*q)).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }
}

impl Answer {
    /// Where a fit that cannot show the whole tree readably centres the view: the middle of the
    /// people asked about (else of the roots), in the layout's coordinates.
    pub fn focus_point(&self) -> Option<(f64, f64)> {
        let ids: &[Qid] = if self.people.is_empty() {
            &self.roots
        } else {
            &self.people
        };
        let pts: Vec<(f64, f64)> = self
            .layout
            .boxes
            .iter()
            .filter(|b| ids.contains(&b.id))
            .map(|b| (b.x + b.w / 2.0, b.y + b.h / 2.0))
            .collect();
        let n = pts.len() as f64;
        (n > 0.0).then(|| {
            (
                pts.iter().map(|p| p.0).sum::<f64>() / n,
                pts.iter().map(|p| p.1).sum::<f64>() / n,
            )
        })
    }
}

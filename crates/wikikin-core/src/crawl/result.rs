//! What a crawl found, assembled once for every question: the people, the levels table,
//! failures, and the relationships computed by `wikikin-kinship` with the configuration's
//! limits (the same call for every question).

use super::question::Draw;
use super::scheduler::UNREACHED;
use super::Crawl;
use crate::entity::Person;
use crate::graph::{FamilyGraph, Problem};
use crate::outcome::PersonFailure;
use crate::Qid;

/// Counts for one generation (relate) or degree (explore).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LevelCount {
    pub level: u32,
    /// People known at this level.
    pub known: usize,
    /// People loaded at this level.
    pub loaded: usize,
}

/// "`ancestor` is a direct ancestor of `descendant`, `generations` up".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirectAncestor {
    pub ancestor: Qid,
    pub descendant: Qid,
    pub generations: u32,
}

/// The connections through marriage between the two people related.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionReport {
    /// What b is to a: `people = [a, b]`.
    pub a: Qid,
    pub b: Qid,
    /// The shortest chains through a marriage (fewest marriages first, at most 5), kept only
    /// when they have fewer links than the closest blood relationship (or there is none).
    pub found: Vec<crate::Connection>,
    /// Every chain of up to this many links is known: none shorter was missed.
    pub searched_links: u32,
    /// How the search ended (`None`: the crawl ended first, e.g. at the entity limit).
    pub end: Option<super::ConnectEnd>,
}

/// What the answer is made of (see [`Crawl::found_now`]): computed once when the searches end,
/// reused by the names fetch and by [`Crawl::result`].
#[derive(Clone)]
pub(super) struct Found {
    pub(super) kinship: wikikin_kinship::Kinship<Qid>,
    pub(super) report: Option<ConnectionReport>,
    pub(super) connections: Vec<crate::Connection>,
    pub(super) tree: wikikin_kinship::Tree<Qid>,
}

/// What [`Found`] was computed from: the graph's changes and the connection search's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct FoundKey {
    graph_changes: u64,
    connect: Option<(u32, Option<super::ConnectEnd>)>,
}

/// Levels past this are left out of the levels table (a table of thousands of rows says
/// nothing more; explore and relate stop at their limits long before).
const MAX_LEVELS: usize = 4096;

/// What a crawl found.
#[derive(Clone, Debug)]
pub struct CrawlResult {
    /// The asked people (relate) or roots then targets (explore), after redirects.
    pub people: Vec<Qid>,
    /// `(asked, real)` for asked ids that were redirects.
    pub redirected: Vec<(Qid, Qid)>,
    pub graph: FamilyGraph,
    /// Every person loaded in this crawl, by id.
    pub persons: Vec<Person>,
    /// Problems in the data: conflicting parents, and cycles of parent links.
    pub problems: Vec<Problem>,
    pub failures: Vec<PersonFailure>,
    /// Ids that do not exist on the server.
    pub missing: Vec<Qid>,
    pub levels: Vec<LevelCount>,
    /// The people related (relate: the asked ones; explore: the targets) that are direct
    /// ancestors of others of them.
    pub direct_ancestors: Vec<DirectAncestor>,
    /// Explore: each target and the degree it was reached at (None: not reached).
    pub reached: Vec<(Qid, Option<u32>)>,
    /// Every relationship between each pair of the people related, closest first per pair
    /// (`wikikin_kinship::kinship_all` on the graph, with [`crate::CrawlConfig::kinship_limits`]).
    pub relationships: Vec<crate::Relationship>,
    /// Where the relationship search stopped (its generation and ancestor limits). Cycles it
    /// found are data problems: they are in [`CrawlResult::problems`], once.
    pub kinship_problems: Vec<crate::KinshipProblem>,
    /// Relating two people: the connections through marriage.
    pub connections: Option<ConnectionReport>,
    /// Where the query service could not give what was asked and entity JSON was read instead.
    pub fallbacks: Vec<crate::outcome::Fallback>,
    /// The part of the family to draw: every line from the relationships' ancestors (or the
    /// roots) to the people, the chains through marriage, and the couples.
    pub tree: wikikin_kinship::Tree<Qid>,
}

impl Crawl {
    fn levels(&self) -> Vec<LevelCount> {
        let mut levels: Vec<LevelCount> = Vec::new();
        for (q, _, level) in self.sched.known() {
            if level == UNREACHED || !self.searches.counts(q) {
                continue;
            }
            let Ok(i) = usize::try_from(level) else {
                continue;
            };
            if i > MAX_LEVELS {
                continue;
            }
            if levels.len() <= i {
                levels.resize_with(i + 1, LevelCount::default);
            }
            if let Some(l) = levels.get_mut(i) {
                l.known += 1;
                if self.graph.is_loaded(q) {
                    l.loaded += 1;
                }
            }
        }
        for (i, l) in levels.iter_mut().enumerate() {
            l.level = u32::try_from(i).unwrap_or(u32::MAX);
        }
        levels
    }

    fn direct_ancestors(&self, related: &[Qid]) -> Vec<DirectAncestor> {
        let limits = self.config.kinship_limits();
        let mut direct = Vec::new();
        for a in related {
            for d in related {
                if a == d {
                    continue;
                }
                if let Some(generations) =
                    wikikin_kinship::generations_up(&self.graph, *d, *a, &limits)
                {
                    direct.push(DirectAncestor {
                        ancestor: *a,
                        descendant: *d,
                        generations,
                    });
                }
            }
        }
        direct
    }

    fn found_key(&self) -> FoundKey {
        FoundKey {
            graph_changes: self.graph_changes,
            connect: self
                .searches
                .connect()
                .map(|c| (c.certain_links(), c.end())),
        }
    }

    /// The answer as it stands, computed again only if what it depends on changed since it
    /// was last (and kept for [`Crawl::result`]).
    pub(super) fn found_now(&mut self) -> Found {
        let key = self.found_key();
        if let Some((k, found)) = &self.found {
            if *k == key {
                return found.clone();
            }
        }
        let found = self.find();
        self.found = Some((key, found.clone()));
        found
    }

    /// What the answer is made of, computed the one way every question uses: the
    /// relationships among the people related, the connections through marriage, and the tree
    /// to draw (both kinds of lines, from the ancestors or the roots).
    fn find(&self) -> Found {
        let limits = self.config.kinship_limits();
        let related = self.roles.related();
        let kinship = wikikin_kinship::kinship_all(&self.graph, related, &limits);
        let report = self.connections(&kinship.relationships);
        let connections = report.as_ref().map(|c| c.found.clone()).unwrap_or_default();
        let tree = match self.roles.draw {
            // Every descendant is drawn, not only lines to some people.
            Draw::Descendants => {
                wikikin_kinship::descendants_tree(&self.graph, self.roles.roots(), self.roles.depth)
            }
            Draw::Lines => wikikin_kinship::tree_with_connections(
                &self.graph,
                &kinship.relationships,
                &connections,
                self.roles.roots(),
                related,
                &limits,
            ),
        };
        Found {
            kinship,
            report,
            connections,
            tree,
        }
    }

    fn connections(&self, relationships: &[crate::Relationship]) -> Option<ConnectionReport> {
        let connect = self.searches.connect()?;
        let (a, b) = connect.pair();
        let found = connect.result(&self.seen());
        let blood = relationships
            .iter()
            .filter(|r| (r.a, r.b) == (a, b) || (r.a, r.b) == (b, a))
            .map(|r| r.ga + r.gb)
            .min();
        let closer = |c: &crate::Connection| {
            blood.is_none_or(|d| u32::try_from(c.links()).is_ok_and(|l| l < d))
        };
        Some(ConnectionReport {
            a,
            b,
            found: found.found.into_iter().filter(closer).collect(),
            searched_links: found.searched_links,
            end: connect.end(),
        })
    }

    /// What was found so far (complete once [`Crawl::outcome`] is `Some`).
    pub fn result(&self) -> CrawlResult {
        let persons: Vec<Person> = self
            .sched
            .loaded_order()
            .iter()
            .filter_map(|q| self.store.person(*q).cloned())
            .collect();
        let mut failures: Vec<PersonFailure> = self
            .sched
            .failures()
            .iter()
            .filter(|(q, _)| !self.searches.only_named(**q))
            .map(|(q, r)| PersonFailure {
                id: *q,
                reason: r.clone(),
            })
            .collect();
        wikikin_sort::sort_by_key(&mut failures, |f| f.id);
        let mut missing: Vec<Qid> = self
            .sched
            .known()
            .filter(|(_, state, _)| *state == super::scheduler::State::Missing)
            .map(|(q, _, _)| q)
            .collect();
        wikikin_sort::sort(&mut missing);
        missing.dedup();
        let targets = &self.roles.targets;
        let reached = targets
            .iter()
            .map(|t| {
                let d = self.sched.level(*t);
                (*t, (d <= self.roles.depth).then_some(d))
            })
            .collect();
        let mut people = self.roles.asked.clone();
        people.extend(targets.iter().copied());
        let key = self.found_key();
        let Found {
            kinship,
            report,
            tree,
            ..
        } = match &self.found {
            Some((k, found)) if *k == key => found.clone(),
            _ => self.find(),
        };
        // Cycles are found once, by the relationship search; they are problems in the data.
        let mut problems = self.graph.problems();
        let mut limits_met = Vec::new();
        for p in kinship.problems {
            match p {
                wikikin_kinship::Problem::OwnAncestors { people } => {
                    problems.push(Problem::OwnAncestor { people })
                }
                other => limits_met.push(other),
            }
        }
        CrawlResult {
            connections: report,
            tree,
            fallbacks: self.source.fallbacks().to_vec(),
            relationships: kinship.relationships,
            kinship_problems: limits_met,
            direct_ancestors: self.direct_ancestors(self.roles.related()),
            people,
            redirected: self.redirected.clone(),
            graph: self.graph.clone(),
            persons,
            problems,
            failures,
            missing,
            levels: self.levels(),
            reached,
        }
    }
}

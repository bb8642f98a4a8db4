//! The explore search: breadth-first by degree from the roots over father/mother/child links,
//! until every target is reached and no closer path can appear.
//!
//! It also climbs from the targets up their own father/mother links (half the degree limit at
//! most), so that a target whose parents' child lists omit them is still reached: the two
//! searches meet in the middle.

use super::scheduler::{State, UNREACHED};
use super::search::{Ctx, Search, View};
use crate::graph::Map;
use crate::outcome::{Ending, ExploreEnd, Invalid};
use crate::Qid;
use std::collections::VecDeque;
use wikikin_kinship::Pedigree;

pub(crate) struct Explore {
    targets: Vec<Qid>,
    /// Generations up from a target, for the people of the climb from the targets.
    up: Map<Qid, u32>,
}

impl Explore {
    /// Targets as asked; the crawl makes them canonical with the store's redirects.
    pub(crate) fn new(targets: Vec<Qid>) -> Explore {
        Explore {
            targets,
            up: Map::default(),
        }
    }

    /// Every target reached within the degree limit.
    fn all_reached(&self, view: &View<'_>) -> bool {
        let max = view.config.max_generations;
        !self.targets.is_empty() && self.targets.iter().all(|t| view.level(*t) <= max)
    }

    /// Could loading someone at degree `d` still bring a target closer? Until every target is
    /// reached, yes; then only if `d + 2 <=` the farthest target's degree (a path through it
    /// would reach a target in fewer steps). Entities from the store can reach the targets
    /// early along longer lines; this keeps the degrees those of a true breadth-first search.
    fn could_shorten(&self, d: u32, view: &View<'_>) -> bool {
        if !self.all_reached(view) {
            return true;
        }
        let farthest = self.farthest(view);
        d.saturating_add(2) <= farthest
    }

    fn farthest(&self, view: &View<'_>) -> u32 {
        self.targets
            .iter()
            .map(|t| view.level(*t))
            .max()
            .unwrap_or(0)
    }

    /// Whether someone linked lies beyond the degree limit (not loaded for it, or loaded by
    /// the climb from the targets).
    fn degree_cut(&self, view: &View<'_>) -> bool {
        let max = view.config.max_generations;
        view.sched
            .known()
            .any(|(_, _, level)| level != UNREACHED && level > max)
    }

    /// Up from a target: while `q` is not reached from the roots, its parents are wanted.
    fn climb(&mut self, q: Qid, ctx: &mut Ctx<'_>) {
        let Some(&k) = self.up.get(&q) else {
            return;
        };
        let max_up = ctx.config.max_generations.div_ceil(2);
        if k >= max_up || ctx.sched.level(q) != UNREACHED || self.all_reached(&ctx.view()) {
            return;
        }
        for p in ctx.graph.parents(q) {
            let e = self.up.entry(p).or_insert(k + 1);
            *e = (*e).min(k + 1);
            ctx.know(p);
            ctx.want(p);
        }
    }

    /// Parents and children of `q` in the graph.
    fn neighbours(q: Qid, ctx: &Ctx<'_>) -> Vec<Qid> {
        let mut nbs = ctx.graph.parents(q);
        nbs.extend(ctx.graph.children(q));
        nbs
    }
}

impl Search for Explore {
    fn start(&mut self, roots: &[Qid], ctx: &mut Ctx<'_>) -> Result<(), Invalid> {
        if roots.is_empty() {
            return Err(Invalid::NoRoot);
        }
        self.targets = self
            .targets
            .iter()
            .map(|q| ctx.store.canonical(*q))
            .collect();
        for q in roots {
            ctx.know(*q);
            ctx.lower_level(*q, 0);
            ctx.want(*q);
        }
        for t in self.targets.clone() {
            self.up.insert(t, 0);
            ctx.know(t);
            ctx.want(t);
        }
        Ok(())
    }

    fn loaded(&mut self, q: Qid, ctx: &mut Ctx<'_>) {
        let max = ctx.config.max_generations;
        // q itself may be closer through a loaded neighbour that q alone links to (P40).
        let best = Self::neighbours(q, ctx)
            .into_iter()
            .filter(|nb| ctx.graph.is_loaded(*nb))
            .map(|nb| ctx.sched.level(nb))
            .min()
            .unwrap_or(UNREACHED);
        if best != UNREACHED {
            ctx.lower_level(q, best.saturating_add(1));
        }
        let mut work: VecDeque<Qid> = VecDeque::new();
        work.push_back(q);
        let mut steps = 0usize;
        while let Some(x) = work.pop_front() {
            steps += 1;
            if steps > 50_000_000 {
                break;
            }
            let d = ctx.sched.level(x);
            if d == UNREACHED {
                continue;
            }
            // A neighbour that is loaded links back to x; relax it and go on from it.
            for nb in Self::neighbours(x, ctx) {
                let nd = d.saturating_add(1);
                ctx.know(nb);
                if !ctx.lower_level(nb, nd) {
                    continue;
                }
                let view = ctx.view();
                match view.state(nb) {
                    Some(State::Loaded) => work.push_back(nb),
                    Some(State::Known)
                        if nd <= max
                            && (self.could_shorten(nd, &view) || self.targets.contains(&nb)) =>
                    {
                        ctx.want(nb)
                    }
                    _ => {}
                }
            }
        }
        self.climb(q, ctx);
        if self.all_reached(&ctx.view()) {
            // Fetch any unloaded target itself; the rest of the queue is dropped as it comes up.
            for t in self.targets.clone() {
                ctx.want(t);
            }
        }
    }

    fn still_wanted(&self, q: Qid, view: &View<'_>) -> bool {
        view.sched.is_known(q)
            && (self.could_shorten(view.level(q), view) || self.targets.contains(&q))
    }

    fn redirected(&mut self, from: Qid, to: Qid) {
        for t in &mut self.targets {
            if *t == from {
                *t = to;
            }
        }
        if let Some(k) = self.up.remove(&from) {
            let e = self.up.entry(to).or_insert(k);
            *e = (*e).min(k);
        }
    }

    fn spreads(&self) -> bool {
        // It stops once the targets are reached and nothing can come closer.
        true
    }

    fn counts(&self, _q: Qid) -> bool {
        true
    }

    fn targets(&self) -> &[Qid] {
        &self.targets
    }

    fn related<'a>(&'a self, _people: &'a [Qid]) -> &'a [Qid] {
        &self.targets
    }

    fn roots<'a>(&self, people: &'a [Qid]) -> &'a [Qid] {
        people
    }

    fn ending(&self, view: &View<'_>, entity_limit: bool) -> Ending {
        let degree = view.config.max_generations;
        Ending::Explore(if self.all_reached(view) {
            ExploreEnd::Reached {
                targets: self.targets.len(),
                farthest: self.farthest(view),
            }
        } else if entity_limit {
            ExploreEnd::EntityLimit {
                max: view.config.max_entities,
            }
        } else if self.degree_cut(view) {
            ExploreEnd::DegreeLimit { degree }
        } else if self.targets.is_empty() {
            ExploreEnd::Explored { degree }
        } else {
            ExploreEnd::LinksRanOut
        })
    }
}

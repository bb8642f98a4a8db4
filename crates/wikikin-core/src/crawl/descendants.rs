//! The descendants search: everyone below the roots, generation by generation, by children
//! links (a parent's P40, or the child's own P22/P25 once the child is known), within the
//! generation limit. Nothing stops it early: every descendant is wanted, and drawn.

use super::scheduler::{State, UNREACHED};
use super::search::{Ctx, Search, View};
use crate::outcome::{DescendantsEnd, Ending, Invalid};
use crate::Qid;
use wikikin_kinship::Pedigree;

#[derive(Default)]
pub(crate) struct Descendants;

impl Search for Descendants {
    fn start(&mut self, roots: &[Qid], ctx: &mut Ctx<'_>) -> Result<(), Invalid> {
        if roots.is_empty() {
            return Err(Invalid::NoRoot);
        }
        for q in roots {
            ctx.know(*q);
            ctx.lower_level(*q, 0);
            ctx.want(*q);
        }
        Ok(())
    }

    fn loaded(&mut self, q: Qid, ctx: &mut Ctx<'_>) {
        // q may come before its parent (a whole-lines answer): its level then comes later, and
        // is passed down through everyone already loaded below it.
        let max = ctx.config.max_generations;
        let mut work = vec![q];
        let mut steps = 0usize;
        while let Some(x) = work.pop() {
            steps += 1;
            if steps > 50_000_000 {
                break;
            }
            let level = ctx.sched.level(x);
            if level == UNREACHED {
                continue;
            }
            let next = level.saturating_add(1);
            for c in ctx.graph.children(x) {
                ctx.know(c);
                if !ctx.lower_level(c, next) {
                    continue;
                }
                match ctx.sched.state(c) {
                    Some(State::Loaded) => work.push(c),
                    _ if next <= max => ctx.want(c),
                    _ => {}
                }
            }
        }
        // Its own parents already loaded give it a level.
        if ctx.sched.level(q) == UNREACHED {
            let best = ctx
                .graph
                .parents(q)
                .into_iter()
                .map(|p| ctx.sched.level(p))
                .min()
                .unwrap_or(UNREACHED);
            if best != UNREACHED && ctx.lower_level(q, best.saturating_add(1)) {
                self.loaded(q, ctx);
            }
        }
    }

    fn still_wanted(&self, q: Qid, view: &View<'_>) -> bool {
        view.sched.is_known(q) && view.level(q) <= view.config.max_generations
    }

    fn redirected(&mut self, _from: Qid, _to: Qid) {}

    fn spreads(&self) -> bool {
        false
    }

    fn counts(&self, _q: Qid) -> bool {
        true
    }

    fn targets(&self) -> &[Qid] {
        &[]
    }

    fn related<'a>(&'a self, _people: &'a [Qid]) -> &'a [Qid] {
        &[]
    }

    fn roots<'a>(&self, people: &'a [Qid]) -> &'a [Qid] {
        people
    }

    fn ending(&self, view: &View<'_>, entity_limit: bool) -> Ending {
        let max = view.config.max_generations;
        let loaded: Vec<u32> = view
            .sched
            .known()
            .filter(|(_, state, level)| *state == State::Loaded && *level != UNREACHED)
            .map(|(_, _, level)| level)
            .collect();
        let people = loaded.len();
        let generations = loaded.iter().copied().max().unwrap_or(0);
        let beyond = view
            .sched
            .known()
            .any(|(_, _, level)| level != UNREACHED && level > max);
        Ending::Descendants(if entity_limit {
            DescendantsEnd::EntityLimit {
                max: view.config.max_entities,
            }
        } else if beyond {
            DescendantsEnd::GenerationLimit {
                people,
                generations: max,
            }
        } else {
            DescendantsEnd::Complete {
                people,
                generations,
            }
        })
    }
}

//! The explore search: breadth-first by degree from the roots over father/mother/child links,
//! until every target is reached and no closer path can appear.
//!
//! It also climbs from the targets up their own father/mother links (half the degree limit at
//! most), so that a target whose parents' child lists omit them is still reached: the two
//! searches meet in the middle.

use super::scheduler::{State, UNREACHED};
use super::search::{Search, Seen, Turn, MAX_SEARCH_STEPS};
use crate::graph::Map;
use crate::outcome::{Ending, ExploreEnd, Guard, Invalid};
use crate::Qid;
use std::collections::VecDeque;
use wikikin_kinship::Pedigree;

/// The targets are the question's ([`Seen::roles`]); the search keeps only the climb.
#[derive(Default)]
pub(crate) struct Explore {
    /// Generations up from a target, for the people of the climb from the targets.
    up: Map<Qid, u32>,
}

impl Explore {
    /// Every target reached within the degree limit.
    fn all_reached(&self, seen: &Seen<'_>) -> bool {
        let max = seen.roles.depth;
        let targets = &seen.roles.targets;
        !targets.is_empty() && targets.iter().all(|t| seen.level(*t) <= max)
    }

    /// Could loading someone at degree `d` still bring a target closer? Until every target is
    /// reached, yes; then only if `d + 2 <=` the farthest target's degree (a path through it
    /// would reach a target in fewer steps). Entities from the store can reach the targets
    /// early along longer lines; this keeps the degrees those of a true breadth-first search.
    fn could_shorten(&self, d: u32, seen: &Seen<'_>) -> bool {
        if !self.all_reached(seen) {
            return true;
        }
        let farthest = self.farthest(seen);
        d.saturating_add(2) <= farthest
    }

    fn farthest(&self, seen: &Seen<'_>) -> u32 {
        seen.roles
            .targets
            .iter()
            .map(|t| seen.level(*t))
            .max()
            .unwrap_or(0)
    }

    /// Whether someone linked lies beyond the degree limit (not loaded for it, or loaded by
    /// the climb from the targets).
    fn degree_cut(&self, seen: &Seen<'_>) -> bool {
        let max = seen.roles.depth;
        seen.sched
            .known()
            .any(|(_, _, level)| level != UNREACHED && level > max)
    }

    /// Up from a target: while `q` is not reached from the roots, its parents are wanted.
    fn climb(&mut self, q: Qid, turn: &mut Turn<'_>) {
        let Some(&k) = self.up.get(&q) else {
            return;
        };
        let max_up = turn.roles.depth.div_ceil(2);
        if k >= max_up || turn.sched.level(q) != UNREACHED || self.all_reached(&turn.seen()) {
            return;
        }
        for p in turn.graph.parents(q) {
            let e = self.up.entry(p).or_insert(k + 1);
            *e = (*e).min(k + 1);
            turn.know(p);
            turn.want(p);
        }
    }

    /// Parents and children of `q` in the graph.
    fn neighbours(q: Qid, turn: &Turn<'_>) -> Vec<Qid> {
        let mut nbs = turn.graph.parents(q);
        nbs.extend(turn.graph.children(q));
        nbs
    }
}

impl Search for Explore {
    fn start(&mut self, turn: &mut Turn<'_>) -> Result<(), Invalid> {
        let roots = turn.roles.asked.clone();
        if roots.is_empty() {
            return Err(Invalid::NoRoot);
        }
        for q in roots {
            turn.know(q);
            turn.lower_level(q, 0);
            turn.want(q);
        }
        for t in turn.roles.targets.clone() {
            self.up.insert(t, 0);
            turn.know(t);
            turn.want(t);
        }
        Ok(())
    }

    fn loaded(&mut self, q: Qid, turn: &mut Turn<'_>) {
        let max = turn.roles.depth;
        // q itself may be closer through a loaded neighbour that q alone links to (P40).
        let best = Self::neighbours(q, turn)
            .into_iter()
            .filter(|nb| turn.graph.is_loaded(*nb))
            .map(|nb| turn.sched.level(nb))
            .min()
            .unwrap_or(UNREACHED);
        if best != UNREACHED {
            turn.lower_level(q, best.saturating_add(1));
        }
        let mut work: VecDeque<Qid> = VecDeque::new();
        work.push_back(q);
        let mut steps = 0usize;
        while let Some(x) = work.pop_front() {
            steps += 1;
            if steps > MAX_SEARCH_STEPS {
                turn.cut(Guard::SearchSteps {
                    max: MAX_SEARCH_STEPS,
                });
                break;
            }
            let d = turn.sched.level(x);
            if d == UNREACHED {
                continue;
            }
            // A neighbour that is loaded links back to x; relax it and go on from it.
            for nb in Self::neighbours(x, turn) {
                let nd = d.saturating_add(1);
                turn.know(nb);
                if !turn.lower_level(nb, nd) {
                    continue;
                }
                let seen = turn.seen();
                match seen.state(nb) {
                    Some(State::Loaded) => work.push_back(nb),
                    Some(State::Known)
                        if nd <= max
                            && (self.could_shorten(nd, &seen)
                                || seen.roles.targets.contains(&nb)) =>
                    {
                        turn.want(nb)
                    }
                    _ => {}
                }
            }
        }
        self.climb(q, turn);
        if self.all_reached(&turn.seen()) {
            // Fetch any unloaded target itself; the rest of the queue is dropped as it comes up.
            for t in turn.roles.targets.clone() {
                turn.want(t);
            }
        }
    }

    fn still_wanted(&self, q: Qid, seen: &Seen<'_>) -> bool {
        seen.sched.is_known(q)
            && (self.could_shorten(seen.level(q), seen) || seen.roles.targets.contains(&q))
    }

    fn redirected(&mut self, from: Qid, to: Qid) {
        if let Some(k) = self.up.remove(&from) {
            let e = self.up.entry(to).or_insert(k);
            *e = (*e).min(k);
        }
    }

    fn counts(&self, _q: Qid) -> bool {
        true
    }

    fn ending(&self, seen: &Seen<'_>, entity_limit: bool) -> Option<Ending> {
        let degree = seen.roles.depth;
        Some(Ending::Explore(if self.all_reached(seen) {
            ExploreEnd::Reached {
                targets: seen.roles.targets.len(),
                farthest: self.farthest(seen),
            }
        } else if entity_limit {
            ExploreEnd::EntityLimit {
                max: seen.config.max_entities,
            }
        } else if self.degree_cut(seen) {
            ExploreEnd::DegreeLimit { degree }
        } else if seen.roles.targets.is_empty() {
            ExploreEnd::Explored { degree }
        } else {
            ExploreEnd::LinksRanOut
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CrawlConfig;
    use crate::crawl::testkit::{q, Kit};
    use crate::Sex::{Female, Male};

    #[test]
    fn a_root_is_needed() {
        let mut kit = Kit::new(CrawlConfig::explore(vec![], vec![q(1)]));
        assert_eq!(kit.start(&mut Explore::default()), Err(Invalid::NoRoot));
    }

    /// 1 → 2 → 3 by the parents' child lists only; 3 is the target.
    fn line() -> Kit {
        let mut kit = Kit::new(CrawlConfig::explore(vec![q(1)], vec![q(3)]));
        kit.person(1, Male, (&[], &[]), &[2]);
        kit.person(2, Female, (&[], &[]), &[3]);
        kit.person(3, Male, (&[], &[]), &[]);
        kit
    }

    #[test]
    fn breadth_first_down_to_the_target() {
        let mut kit = line();
        let mut explore = Explore::default();
        assert_eq!(kit.start(&mut explore), Ok(()));
        kit.run(&mut explore);
        assert_eq!((kit.level(1), kit.level(2), kit.level(3)), (0, 1, 2));
        assert_eq!(
            kit.ending(&explore),
            Some(Ending::Explore(ExploreEnd::Reached {
                targets: 1,
                farthest: 2
            }))
        );
    }

    #[test]
    fn the_climb_from_a_target_follows_its_own_parent_links() {
        // 3 states its mother 2; 2 lists no child.
        let mut kit = Kit::new(CrawlConfig::explore(vec![q(1)], vec![q(3)]));
        kit.person(1, Male, (&[], &[]), &[2]);
        kit.person(2, Female, (&[], &[]), &[]);
        kit.person(3, Male, (&[], &[2]), &[]);
        let mut explore = Explore::default();
        assert_eq!(kit.start(&mut explore), Ok(()));
        kit.run(&mut explore);
        assert_eq!(kit.level(3), 2);
        assert_eq!(explore.up.get(&q(2)), Some(&1));
        explore.redirected(q(2), q(7));
        assert_eq!(explore.up.get(&q(7)), Some(&1));
    }

    #[test]
    fn beyond_the_degree_limit_the_target_is_not_reached() {
        let mut kit = line();
        kit.depth(1);
        let mut explore = Explore::default();
        assert_eq!(kit.start(&mut explore), Ok(()));
        kit.run(&mut explore);
        assert_eq!(
            kit.ending(&explore),
            Some(Ending::Explore(ExploreEnd::DegreeLimit { degree: 1 }))
        );
        assert_eq!(
            explore.ending(&kit.seen(), true),
            Some(Ending::Explore(ExploreEnd::EntityLimit { max: 5000 }))
        );
    }
}

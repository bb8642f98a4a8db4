//! The descendants search: everyone below the roots, generation by generation, by children
//! links (a parent's P40, or the child's own P22/P25 once the child is known), within the
//! generation limit. Nothing stops it early: every descendant is wanted, and drawn.

use super::scheduler::{State, UNREACHED};
use super::search::{Search, Seen, Turn, MAX_SEARCH_STEPS};
use crate::outcome::{DescendantsEnd, Ending, Guard, Invalid};
use crate::Qid;
use wikikin_kinship::Pedigree;

#[derive(Default)]
pub(crate) struct Descendants;

impl Search for Descendants {
    fn start(&mut self, turn: &mut Turn<'_>) -> Result<(), Invalid> {
        let roots = turn.roles.asked.clone();
        if roots.is_empty() {
            return Err(Invalid::NoRoot);
        }
        for q in &roots {
            turn.know(*q);
            turn.lower_level(*q, 0);
            turn.want(*q);
        }
        Ok(())
    }

    fn loaded(&mut self, q: Qid, turn: &mut Turn<'_>) {
        // q may come before its parent (a whole-lines answer): its level then comes later, and
        // is passed down through everyone already loaded below it.
        let max = turn.roles.depth;
        let mut work = vec![q];
        let mut steps = 0usize;
        while let Some(x) = work.pop() {
            steps += 1;
            if steps > MAX_SEARCH_STEPS {
                turn.cut(Guard::SearchSteps {
                    max: MAX_SEARCH_STEPS,
                });
                break;
            }
            let level = turn.sched.level(x);
            if level == UNREACHED {
                continue;
            }
            let next = level.saturating_add(1);
            for c in turn.graph.children(x) {
                turn.know(c);
                if !turn.lower_level(c, next) {
                    continue;
                }
                match turn.sched.state(c) {
                    Some(State::Loaded) => work.push(c),
                    _ if next <= max => turn.want(c),
                    _ => {}
                }
            }
        }
        // Its own parents already loaded give it a level.
        if turn.sched.level(q) == UNREACHED {
            let best = turn
                .graph
                .parents(q)
                .into_iter()
                .map(|p| turn.sched.level(p))
                .min()
                .unwrap_or(UNREACHED);
            if best != UNREACHED && turn.lower_level(q, best.saturating_add(1)) {
                self.loaded(q, turn);
            }
        }
    }

    fn still_wanted(&self, q: Qid, seen: &Seen<'_>) -> bool {
        seen.sched.is_known(q) && seen.level(q) <= seen.roles.depth
    }

    fn redirected(&mut self, _from: Qid, _to: Qid) {}

    fn counts(&self, _q: Qid) -> bool {
        true
    }

    fn ending(&self, seen: &Seen<'_>, entity_limit: bool) -> Option<Ending> {
        let max = seen.roles.depth;
        let loaded: Vec<u32> = seen
            .sched
            .known()
            .filter(|(_, state, level)| *state == State::Loaded && *level != UNREACHED)
            .map(|(_, _, level)| level)
            .collect();
        let people = loaded.len();
        let generations = loaded.iter().copied().max().unwrap_or(0);
        let beyond = seen
            .sched
            .known()
            .any(|(_, _, level)| level != UNREACHED && level > max);
        Some(Ending::Descendants(if entity_limit {
            DescendantsEnd::EntityLimit {
                max: seen.config.max_entities,
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
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CrawlConfig;
    use crate::crawl::testkit::{q, Kit};
    use crate::Sex::{Female, Male};

    /// 1 has children 2 and 3; 2 has 4, who states only their own father.
    fn family(generations: u32) -> Kit {
        let mut kit = Kit::new(CrawlConfig::descendants(vec![q(1)]));
        kit.depth(generations);
        kit.person(1, Male, (&[], &[]), &[2, 3]);
        kit.person(2, Male, (&[], &[]), &[]);
        kit.person(3, Female, (&[], &[]), &[]);
        kit.person(4, Female, (&[2], &[]), &[]);
        kit
    }

    #[test]
    fn a_root_is_needed() {
        let mut kit = Kit::new(CrawlConfig::descendants(vec![]));
        assert_eq!(kit.start(&mut Descendants), Err(Invalid::NoRoot));
    }

    #[test]
    fn every_generation_down() {
        let mut kit = family(60);
        assert_eq!(kit.start(&mut Descendants), Ok(()));
        kit.run(&mut Descendants);
        // 4 is named by no parent's child list: not reached from above.
        assert_eq!((kit.level(2), kit.level(3)), (1, 1));
        assert_eq!(
            kit.ending(&Descendants),
            Some(Ending::Descendants(DescendantsEnd::Complete {
                people: 3,
                generations: 1
            }))
        );
        // Loaded later (a lineage query's answer), 4 takes its level from its father.
        kit.load(&mut Descendants, 4);
        assert_eq!(kit.level(4), 2);
    }

    #[test]
    fn later_generations_beyond_the_limit_are_a_limit() {
        let mut kit = family(0);
        assert_eq!(kit.start(&mut Descendants), Ok(()));
        kit.run(&mut Descendants);
        assert_eq!(kit.state(2), Some(State::Known));
        assert!(!Descendants.still_wanted(q(2), &kit.seen()));
        assert_eq!(
            kit.ending(&Descendants),
            Some(Ending::Descendants(DescendantsEnd::GenerationLimit {
                people: 1,
                generations: 0
            }))
        );
    }
}

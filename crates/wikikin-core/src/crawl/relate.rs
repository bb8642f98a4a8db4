//! The relate search: upward from every asked person at once, by generation. An ancestor is
//! fetched while it could still be a lowest common ancestor: a person above someone who is
//! already an ancestor of everyone asked cannot be, so the search stops there.
//!
//! Exactness: a common ancestor found along one line may still lie above another common
//! ancestor along a line the search stopped climbing (George I above Louise of Hesse-Cassel,
//! for Nicholas II and George V). So while two or more separate lowest candidates remain (a
//! couple is one candidate), the search also climbs above the common ancestors, within the
//! generation limit; a candidate reached from below is no longer lowest. With one candidate
//! left nothing can lie above another, and the climb stops.

use super::scheduler::State;
use super::search::{Search, Seen, Turn, MAX_SEARCH_STEPS};
use crate::graph::Map;
use crate::outcome::{Ending, Guard, Invalid, RelateEnd};
use crate::Qid;
use std::collections::VecDeque;
use wikikin_kinship::Pedigree;

#[derive(Default)]
pub(crate) struct Relate {
    /// Bit i set when the id is asked person i or their known ancestor.
    reach: Map<Qid, u64>,
    /// Wanted as a possible missing parent of this child (children fallback).
    spouse_for: Map<Qid, Qid>,
    /// Bits of all asked people.
    all: u64,
    /// Climbing above the common ancestors too (see the module docs).
    climbing: bool,
}

impl Relate {
    fn reach(&self, q: Qid) -> u64 {
        self.reach.get(&q).copied().unwrap_or(0)
    }

    /// An ancestor of everyone asked.
    fn covered(&self, q: Qid) -> bool {
        self.all != 0 && self.reach(q) & self.all == self.all
    }

    /// A person above an ancestor of everyone asked cannot be a lowest common ancestor.
    fn above_covered(&self, q: Qid, seen: &Seen<'_>) -> bool {
        seen.graph.children(q).into_iter().any(|c| self.covered(c))
    }

    /// Passes reach up the parent links from the work list, wanting what may matter.
    fn propagate(&mut self, mut work: VecDeque<Qid>, turn: &mut Turn<'_>) {
        let max_gen = turn.roles.depth;
        let mut steps = 0usize;
        while let Some(c) = work.pop_front() {
            steps += 1;
            if steps > MAX_SEARCH_STEPS {
                turn.cut(Guard::SearchSteps {
                    max: MAX_SEARCH_STEPS,
                });
                break;
            }
            let reach = self.reach(c);
            if reach == 0 || !turn.sched.is_known(c) {
                continue;
            }
            let level = turn.sched.level(c);
            for p in turn.graph.parents(c) {
                turn.know(p);
                let entry = self.reach.entry(p).or_insert(0);
                let old = *entry;
                *entry |= reach;
                let reach_changed = *entry != old;
                let level_changed = turn.lower_level(p, level.saturating_add(1));
                if !reach_changed && !level_changed {
                    continue;
                }
                work.push_back(p);
                let seen = turn.seen();
                if seen.state(p) == Some(State::Known)
                    && seen.level(p) <= max_gen
                    && (self.climbing || !self.above_covered(p, &seen))
                {
                    turn.want(p);
                }
            }
        }
    }

    /// `child` has one parent but not the other (and the data does not say it is unknown).
    fn needs_other_parent(&self, child: Qid, seen: &Seen<'_>) -> bool {
        let Some(p) = seen.store.person(child) else {
            return false;
        };
        let g = seen.graph;
        let fathers = g.fathers(child);
        let mothers = g.mothers(child);
        let any_parent = !g.parents(child).is_empty();
        (fathers.is_empty() && !mothers.is_empty() && !p.father_unknown)
            || (mothers.is_empty() && !fathers.is_empty() && !p.mother_unknown)
            || (any_parent && fathers.is_empty() && mothers.is_empty())
    }

    /// Children fallback: the known parent's spouses are candidates for the missing one.
    fn check_fallback(&mut self, child: Qid, turn: &mut Turn<'_>) {
        let seen = turn.seen();
        if !seen.graph.is_loaded(child)
            || self.reach(child) == 0
            || self.covered(child)
            || seen.level(child).saturating_add(1) > seen.roles.depth
            || !self.needs_other_parent(child, &seen)
        {
            return;
        }
        let level = seen.level(child).saturating_add(1);
        let parents = turn.graph.parents(child);
        for known in &parents {
            if !turn.graph.is_loaded(*known) {
                continue;
            }
            for s in turn.graph.spouses(*known) {
                if parents.contains(&s) {
                    continue;
                }
                turn.know(s);
                if turn.sched.state(s) != Some(State::Known) {
                    continue;
                }
                self.spouse_for.insert(s, child);
                turn.lower_level(s, level);
                turn.want(s);
            }
        }
    }

    /// How many separate lowest candidates there are: common ancestors of everyone with no
    /// common ancestor among their children, a couple (sharing a child) counting once.
    fn open_candidates(&self, seen: &Seen<'_>) -> usize {
        let lowest: Vec<Qid> = self
            .reach
            .iter()
            .filter(|(q, _)| self.covered(**q))
            .map(|(q, _)| *q)
            .filter(|q| !self.above_covered(*q, seen))
            .collect();
        // Union by shared children.
        let mut group: Map<Qid, usize> = Map::default();
        let mut parent: Vec<usize> = (0..lowest.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while let Some(&p) = parent.get(i) {
                if p == i {
                    break;
                }
                i = p;
            }
            i
        }
        for (i, q) in lowest.iter().enumerate() {
            for c in seen.graph.children(*q) {
                match group.get(&c) {
                    Some(&j) => {
                        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                        if let Some(slot) = parent.get_mut(ri) {
                            *slot = rj;
                        }
                    }
                    None => {
                        group.insert(c, i);
                    }
                }
            }
        }
        (0..lowest.len())
            .filter(|i| root(&mut parent, *i) == *i)
            .count()
    }

    /// Whether some ancestor this search would want lies beyond the generation limit (whether
    /// or not another search loaded it).
    fn generation_cut(&self, seen: &Seen<'_>) -> bool {
        let max = seen.roles.depth;
        seen.sched.known().any(|(q, _, level)| {
            seen.reached(q) && level > max && self.reach(q) != 0 && !self.above_covered(q, seen)
        })
    }
}

impl Search for Relate {
    fn start(&mut self, turn: &mut Turn<'_>) -> Result<(), Invalid> {
        let people = turn.roles.asked.clone();
        if people.len() < 2 {
            return Err(Invalid::TooFewPeople);
        }
        if people.len() > 64 {
            return Err(Invalid::TooManyPeople);
        }
        self.all = if people.len() == 64 {
            u64::MAX
        } else {
            (1u64 << people.len()) - 1
        };
        for (i, q) in people.iter().enumerate() {
            turn.know(*q);
            turn.lower_level(*q, 0);
            *self.reach.entry(*q).or_insert(0) |= 1u64 << i;
            turn.want(*q);
        }
        Ok(())
    }

    fn loaded(&mut self, q: Qid, turn: &mut Turn<'_>) {
        // Upward: q's known parents get q's reach; and any known children of q that are in the
        // search pass their reach up to q (links stated on q's side, P40).
        let mut work: VecDeque<Qid> = VecDeque::new();
        work.push_back(q);
        let children = turn.graph.children(q);
        work.extend(children.iter().copied().filter(|c| self.reach(*c) != 0));
        self.propagate(work, turn);
        if turn.config.children_fallback {
            self.check_fallback(q, turn);
            for c in children {
                if self.reach(c) != 0 {
                    self.check_fallback(c, turn);
                }
            }
        }
    }

    fn step(&mut self, turn: &mut Turn<'_>) {
        let climb = self.all != 0 && self.open_candidates(&turn.seen()) >= 2;
        if climb == self.climbing {
            return;
        }
        self.climbing = climb;
        if climb {
            // Want what the pruning left above the common ancestors.
            let max = turn.roles.depth;
            let seen = turn.seen();
            let skipped: Vec<Qid> = self
                .reach
                .iter()
                .filter(|(q, r)| {
                    **r != 0 && seen.state(**q) == Some(State::Known) && seen.level(**q) <= max
                })
                .map(|(q, _)| *q)
                .collect();
            for q in skipped {
                turn.want(q);
            }
        }
    }

    fn still_wanted(&self, q: Qid, seen: &Seen<'_>) -> bool {
        if !seen.sched.is_known(q) {
            return false;
        }
        if self.reach(q) != 0 {
            let level = seen.level(q);
            return level == 0
                || !self.above_covered(q, seen)
                || (self.climbing && level <= seen.roles.depth);
        }
        // A spouse wanted as the missing parent of a child.
        match self.spouse_for.get(&q) {
            Some(&child) => !self.covered(child) && self.needs_other_parent(child, seen),
            None => false,
        }
    }

    fn redirected(&mut self, from: Qid, to: Qid) {
        if let Some(r) = self.reach.remove(&from) {
            *self.reach.entry(to).or_insert(0) |= r;
        }
        if let Some(child) = self.spouse_for.remove(&from) {
            self.spouse_for.entry(to).or_insert(child);
        }
    }

    fn counts(&self, q: Qid) -> bool {
        self.reach(q) != 0
    }

    fn ending(&self, seen: &Seen<'_>, entity_limit: bool) -> Option<Ending> {
        Some(Ending::Relate(if entity_limit {
            RelateEnd::EntityLimit {
                max: seen.config.max_entities,
            }
        } else if self.generation_cut(seen) {
            RelateEnd::GenerationLimit {
                generations: seen.roles.depth,
            }
        } else {
            RelateEnd::Searched
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CrawlConfig;
    use crate::crawl::testkit::{q, Kit};
    use crate::outcome::Ending;
    use crate::Sex::{Female, Male};

    #[test]
    fn two_people_are_needed_and_at_most_64() {
        let mut kit = Kit::new(CrawlConfig::relate(vec![q(1)]));
        assert_eq!(
            kit.start(&mut Relate::default()),
            Err(Invalid::TooFewPeople)
        );
        let many = (1..=65).map(q).collect();
        let mut kit = Kit::new(CrawlConfig::relate(many));
        assert_eq!(
            kit.start(&mut Relate::default()),
            Err(Invalid::TooManyPeople)
        );
    }

    /// 1 and 4 are half-siblings through their father 2, whose parents are 6 and 7.
    fn half_siblings() -> Kit {
        let mut kit = Kit::new(CrawlConfig::relate(vec![q(1), q(4)]));
        kit.person(1, Male, (&[2], &[3]), &[]);
        kit.person(4, Female, (&[2], &[5]), &[]);
        kit.person(2, Male, (&[6], &[7]), &[]);
        for n in [3, 5, 7] {
            kit.person(n, Female, (&[], &[]), &[]);
        }
        kit.person(6, Male, (&[], &[]), &[]);
        kit
    }

    #[test]
    fn nothing_above_the_one_common_ancestor_is_fetched() {
        let mut kit = half_siblings();
        let mut relate = Relate::default();
        assert_eq!(kit.start(&mut relate), Ok(()));
        kit.run(&mut relate);
        assert_eq!(kit.loaded, [q(1), q(4), q(2), q(3), q(5)]);
        assert_eq!(
            kit.state(6),
            Some(State::Known),
            "above 2, ancestor of both"
        );
        assert!(!relate.still_wanted(q(6), &kit.seen()));
        assert_eq!((kit.level(2), kit.level(6)), (1, 2));
        assert!(relate.counts(q(6)) && !relate.counts(q(99)));
        assert_eq!(
            kit.ending(&relate),
            Some(Ending::Relate(RelateEnd::Searched))
        );
    }

    #[test]
    fn ancestors_beyond_the_generation_limit_are_a_limit() {
        let mut kit = half_siblings();
        kit.depth(0);
        let mut relate = Relate::default();
        assert_eq!(kit.start(&mut relate), Ok(()));
        kit.run(&mut relate);
        assert_eq!(kit.loaded, [q(1), q(4)]);
        assert_eq!(
            kit.ending(&relate),
            Some(Ending::Relate(RelateEnd::GenerationLimit {
                generations: 0
            }))
        );
    }

    #[test]
    fn a_missing_father_is_found_among_the_mothers_spouses() {
        let mut kit = Kit::new(CrawlConfig::relate(vec![q(1), q(9)]));
        kit.person(1, Male, (&[], &[3]), &[]);
        kit.person(3, Female, (&[], &[]), &[]);
        kit.person(8, Male, (&[], &[]), &[1]);
        kit.person(9, Male, (&[], &[]), &[]);
        kit.marry(3, 8);
        let mut relate = Relate::default();
        assert_eq!(kit.start(&mut relate), Ok(()));
        kit.run(&mut relate);
        assert!(kit.loaded.contains(&q(8)));
        assert_eq!(kit.graph.fathers(q(1)), [q(8)]);
    }

    #[test]
    fn a_redirect_carries_the_reach() {
        let mut relate = Relate::default();
        relate.reach.insert(q(1), 0b01);
        relate.spouse_for.insert(q(5), q(1));
        relate.redirected(q(1), q(2));
        relate.redirected(q(5), q(6));
        assert_eq!(relate.reach(q(2)), 0b01);
        assert_eq!(relate.reach(q(1)), 0);
        assert_eq!(relate.spouse_for.get(&q(6)), Some(&q(1)));
    }
}

//! The connection search: breadth-first from both people at once over parent, child and spouse
//! links, expanding the side with the smaller frontier one whole level at a time, until the
//! shortest chains through a marriage are certain (or cannot beat the closest blood
//! relationship, or the link limit is reached).
//!
//! Why it is certain: when every person within `ka` links of a and within `kb` links of b is
//! loaded, every chain of up to `ka + kb + 2` links is known: each of its links has a loaded
//! end (within `ka` of a or within `kb` of b), and a loaded entity states its own links. So
//! once the shortest chain found on the loaded graph has at most `ka + kb + 2` links, no
//! shorter one can appear. (A link stated only on an entity never loaded stays unseen, to this
//! search as to any other reading entities: that is what the query service's reverse links
//! are for.)

use super::scheduler::State;
use super::search::{Search, Seen, Turn};
use crate::graph::{Map, Set};
use crate::outcome::Invalid;
use crate::Qid;
use wikikin_kinship::{connections, neighbours, ConnectLimits, Connections};

/// How the connection search ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectEnd {
    /// The shortest chains through a marriage are certain (or there is none within the link
    /// limit).
    Certain,
    /// No chain through a marriage can be shorter than the closest blood relationship.
    BloodIsCloser,
    /// The entities ran out (limit or failures) before it was certain.
    Unfinished,
}

/// One side of the search.
#[derive(Default)]
struct Side {
    /// Links from this side's person, for everyone reached.
    dist: Map<Qid, u32>,
    /// The people at `level` links, to be expanded next.
    frontier: Vec<Qid>,
    /// Links of the frontier.
    level: u32,
}

pub(crate) struct Connect {
    a: Qid,
    b: Qid,
    limits: ConnectLimits,
    sides: [Side; 2],
    /// The side being expanded (its whole frontier is wanted).
    expanding: usize,
    wanted: Set<Qid>,
    end: Option<ConnectEnd>,
}

impl Connect {
    pub(crate) fn new(a: Qid, b: Qid, limits: ConnectLimits) -> Connect {
        let side = |q: Qid| Side {
            dist: Map::from_iter([(q, 0)]),
            frontier: vec![q],
            level: 0,
        };
        Connect {
            a,
            b,
            limits,
            sides: [side(a), side(b)],
            expanding: 0,
            wanted: Set::default(),
            end: None,
        }
    }

    pub(crate) fn pair(&self) -> (Qid, Qid) {
        (self.a, self.b)
    }

    pub(crate) fn end(&self) -> Option<ConnectEnd> {
        self.end
    }

    /// Links every chain of which is known: `ka + kb + 2`, the frontier levels added (a side's
    /// frontier is one link beyond what it loaded; see the module docs).
    pub(crate) fn certain_links(&self) -> u32 {
        let [sa, sb] = &self.sides;
        sa.level + sb.level
    }

    /// Whether a frontier person needs nothing more (loaded whole, or can't be had).
    fn settled(seen: &Seen<'_>, q: Qid) -> bool {
        let loaded = matches!(seen.state(q), Some(State::Loaded)) || seen.graph.is_loaded(q);
        (loaded && !seen.store.is_partial(q))
            || matches!(seen.state(q), Some(State::Missing | State::Failed))
    }

    /// The frontier of `side` is loaded: the people one link further become its frontier.
    fn expand(&mut self, side: usize, turn: &Turn<'_>) {
        let Some(s) = self.sides.get_mut(side) else {
            return;
        };
        let next_level = s.level + 1;
        let mut next = Vec::new();
        for x in std::mem::take(&mut s.frontier) {
            self.wanted.remove(&x);
            for (_, y) in neighbours(turn.graph, x) {
                if let std::collections::hash_map::Entry::Vacant(e) = s.dist.entry(y) {
                    e.insert(next_level);
                    next.push(y);
                }
            }
        }
        s.frontier = next;
        s.level = next_level;
    }

    /// Ends the search when the shortest chains are certain, or cannot matter.
    fn judge(&mut self, turn: &Turn<'_>) {
        let certain = self.certain_links();
        let max = self.limits.max_links;
        let limits = ConnectLimits {
            max_links: certain.min(max),
            ..self.limits
        };
        let found: Connections<Qid> = connections(turn.graph, self.a, self.b, &limits);
        if !found.found.is_empty() || certain >= max {
            self.end = Some(ConnectEnd::Certain);
            return;
        }
        // A blood relationship on what is loaded bounds what is worth finding: a chain through
        // a marriage is shown only when it is shorter.
        let blood =
            wikikin_kinship::relate(turn.graph, self.a, self.b, &turn.config.kinship_limits())
                .iter()
                .map(|r| r.ga + r.gb)
                .min();
        if blood.is_some_and(|d| certain + 1 >= d) {
            self.end = Some(ConnectEnd::BloodIsCloser);
            return;
        }
        let [sa, sb] = &self.sides;
        if sa.frontier.is_empty() && sb.frontier.is_empty() {
            self.end = Some(ConnectEnd::Certain);
        }
    }

    /// The side whose frontier costs less to load (fewer people not loaded yet; a side with
    /// none left is not expanded).
    fn next_side(&self, seen: &Seen<'_>) -> usize {
        let cost = |s: &Side| {
            s.frontier
                .iter()
                .filter(|q| !Self::settled(seen, **q))
                .count()
        };
        let [sa, sb] = &self.sides;
        match (sa.frontier.is_empty(), sb.frontier.is_empty()) {
            (true, _) => 1,
            (_, true) => 0,
            _ if cost(sa) <= cost(sb) => 0,
            _ => 1,
        }
    }

    /// The connections on what was loaded, to the links known for certain.
    pub(crate) fn result(&self, seen: &Seen<'_>) -> Connections<Qid> {
        let limits = ConnectLimits {
            max_links: self.certain_links().min(self.limits.max_links),
            ..self.limits
        };
        connections(seen.graph, self.a, self.b, &limits)
    }
}

impl Search for Connect {
    fn start(&mut self, _turn: &mut Turn<'_>) -> Result<(), Invalid> {
        // Its frontiers are the two people: wanted at the first step.
        Ok(())
    }

    /// Goes as far as what is loaded allows; wants the next frontier.
    fn step(&mut self, turn: &mut Turn<'_>) {
        while self.end.is_none() {
            let seen = turn.seen();
            let side = self.expanding;
            let Some(s) = self.sides.get(side) else {
                return;
            };
            let open: Vec<Qid> = s
                .frontier
                .iter()
                .copied()
                .filter(|q| !Self::settled(&seen, *q))
                .collect();
            if !open.is_empty() {
                for q in open {
                    turn.know(q);
                    self.wanted.insert(q);
                    turn.want_full(q);
                }
                // Still unsettled and nothing left to ask for: the crawl ends without us.
                return;
            }
            self.expand(side, turn);
            self.judge(turn);
            if self.end.is_none() {
                self.expanding = self.next_side(&turn.seen());
            }
        }
    }

    fn still_wanted(&self, q: Qid, _seen: &Seen<'_>) -> bool {
        self.end.is_none() && self.wanted.contains(&q)
    }

    fn redirected(&mut self, from: Qid, to: Qid) {
        for q in [&mut self.a, &mut self.b] {
            if *q == from {
                *q = to;
            }
        }
        for side in &mut self.sides {
            if let Some(d) = side.dist.remove(&from) {
                let e = side.dist.entry(to).or_insert(d);
                *e = (*e).min(d);
            }
            for q in &mut side.frontier {
                if *q == from {
                    *q = to;
                }
            }
        }
        if self.wanted.remove(&from) {
            self.wanted.insert(to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CrawlConfig;
    use crate::crawl::testkit::{q, Kit};
    use crate::Sex::{Female, Male};

    fn connect(kit: &Kit) -> Connect {
        let limits = ConnectLimits {
            max_links: kit.config.max_links,
            ..ConnectLimits::default()
        };
        Connect::new(q(1), q(2), limits)
    }

    #[test]
    fn a_marriage_is_certain_after_one_side_is_loaded() {
        let mut kit = Kit::new(CrawlConfig::relate(vec![q(1), q(2)]));
        kit.person(1, Male, (&[], &[]), &[]);
        kit.person(2, Female, (&[], &[]), &[]);
        kit.marry(1, 2);
        let mut c = connect(&kit);
        assert_eq!(kit.start(&mut c), Ok(()));
        assert!(
            !c.still_wanted(q(1), &kit.seen()),
            "nothing wanted before a step"
        );
        kit.run(&mut c);
        assert_eq!(kit.loaded, [q(1)], "b's side was never needed");
        assert_eq!(c.end(), Some(ConnectEnd::Certain));
        let found = c.result(&kit.seen());
        assert_eq!(found.found.len(), 1);
        assert_eq!(found.found.first().map(|c| c.links()), Some(1));
    }

    #[test]
    fn strangers_are_certain_once_both_sides_run_out() {
        let mut kit = Kit::new(CrawlConfig::relate(vec![q(1), q(2)]));
        kit.person(1, Male, (&[], &[]), &[]);
        kit.person(2, Female, (&[], &[]), &[]);
        let mut c = connect(&kit);
        kit.run(&mut c);
        assert_eq!(kit.loaded, [q(1), q(2)]);
        assert_eq!(c.end(), Some(ConnectEnd::Certain));
        assert!(c.result(&kit.seen()).found.is_empty());
    }

    #[test]
    fn a_redirect_moves_the_pair_and_the_frontier() {
        let kit = Kit::new(CrawlConfig::relate(vec![q(1), q(2)]));
        let mut c = connect(&kit);
        c.wanted.insert(q(1));
        c.redirected(q(1), q(5));
        assert_eq!(c.pair(), (q(5), q(2)));
        assert!(c.wanted.contains(&q(5)));
        assert_eq!(c.sides[0].frontier, [q(5)]);
    }
}

//! What a question *is*, as data: [`Roles`], built once from the [`Question`] — who is asked,
//! the targets, whose relationships the answer gives, what the drawing hangs from, whether the
//! queue is spread, which lineage queries go first, whether the connection search runs — and
//! the question's search. The only place the crawl looks at which question it was asked.

use super::descendants::Descendants;
use super::explore::Explore;
use super::relate::Relate;
use super::search::Search;
use crate::config::{CrawlConfig, Question};
use crate::sparql::Lineage;
use crate::store::Store;
use crate::Qid;

/// Whose relationships the answer gives, of the question's people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Related {
    /// The people asked (relate).
    Asked,
    /// The targets (explore).
    Targets,
    /// No one (descendants).
    Nobody,
}

/// What the tree draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Draw {
    /// The lines from the relationships' ancestors (or the roots) to the people related, the
    /// chains through marriage, the couples.
    Lines,
    /// Every descendant of the roots.
    Descendants,
}

/// A lineage query (everyone up or down from some people), sent before anything else when
/// the crawl reads the query service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LineageQuery {
    pub(crate) way: Lineage,
    pub(crate) ids: Vec<Qid>,
    pub(crate) depth: u32,
}

/// The question as data (see the module docs). Ids are canonical and follow redirects.
#[derive(Clone, Debug)]
pub(crate) struct Roles {
    /// The question's people (relate) or roots (explore, descendants), in order, once each.
    pub(crate) asked: Vec<Qid>,
    /// The people the answer is about besides the asked ones (explore: the targets).
    pub(crate) targets: Vec<Qid>,
    pub(crate) related: Related,
    /// The drawing hangs from the asked people too (they are roots: explore, descendants).
    pub(crate) rooted: bool,
    pub(crate) draw: Draw,
    /// Only some of a queued level will be needed (the search stops early), so a request
    /// carries no more ids than it takes to spread the queue over the slots.
    pub(crate) spreads: bool,
    /// How far the search goes: generations up (relate) or down (descendants), or the degree
    /// (explore) — [`CrawlConfig::max_generations`], named for what it is in each question.
    pub(crate) depth: u32,
    /// The lineage queries to send first when reading the query service, last first.
    pub(crate) lineage: Vec<LineageQuery>,
    /// Everyone a descendants lineage query brings is one of the wanted: loaded at once.
    pub(crate) lineage_loads_all: bool,
    /// The pair the connection search through marriage runs between, if it runs.
    pub(crate) connect: Option<(Qid, Qid)>,
}

impl Roles {
    /// The roles of the configured question, with ids made canonical by the store's redirects;
    /// also the `(asked, real)` pairs of the asked ids that were redirects.
    pub(crate) fn new(config: &CrawlConfig, store: &Store) -> (Roles, Vec<(Qid, Qid)>) {
        let depth = config.max_generations;
        let (seeds, targets, related, rooted, draw, spreads) = match &config.question {
            Question::Relate { people } => {
                (people, &[][..], Related::Asked, false, Draw::Lines, false)
            }
            Question::Explore { roots, targets } => (
                roots,
                &targets[..],
                Related::Targets,
                true,
                Draw::Lines,
                true,
            ),
            Question::Descendants { roots } => (
                roots,
                &[][..],
                Related::Nobody,
                true,
                Draw::Descendants,
                false,
            ),
        };
        let mut asked = Vec::new();
        let mut redirected = Vec::new();
        for &q in seeds {
            let r = store.canonical(q);
            if r != q {
                redirected.push((q, r));
            }
            if !asked.contains(&r) {
                asked.push(r);
            }
        }
        let targets: Vec<Qid> = targets.iter().map(|q| store.canonical(*q)).collect();
        let query = |way, ids: &[Qid], depth| LineageQuery {
            way,
            ids: ids.to_vec(),
            depth,
        };
        // Relating: the ancestry of everyone asked in one query; exploring: the descendants of
        // the roots and the ancestry of the targets (half the degree limit up, as the climb
        // from them goes); descendants: everyone below the roots.
        let lineage = match (&config.question, targets.is_empty()) {
            (Question::Relate { .. }, _) => vec![query(Lineage::Ancestors, &asked, depth)],
            (Question::Explore { .. }, false) => vec![
                query(Lineage::Ancestors, &targets, depth.div_ceil(2)),
                query(Lineage::Descendants, &asked, depth),
            ],
            (Question::Explore { .. } | Question::Descendants { .. }, _) => {
                vec![query(Lineage::Descendants, &asked, depth)]
            }
        };
        let connect = match (&config.question, asked.as_slice()) {
            (Question::Relate { .. }, [a, b]) if config.connections => Some((*a, *b)),
            _ => None,
        };
        let roles = Roles {
            lineage_loads_all: matches!(config.question, Question::Descendants { .. }),
            asked,
            targets,
            related,
            rooted,
            draw,
            spreads,
            depth,
            lineage,
            connect,
        };
        (roles, redirected)
    }

    /// The question's search.
    pub(crate) fn search(config: &CrawlConfig) -> Box<dyn Search> {
        match config.question {
            Question::Relate { .. } => Box::<Relate>::default(),
            Question::Explore { .. } => Box::<Explore>::default(),
            Question::Descendants { .. } => Box::<Descendants>::default(),
        }
    }

    /// The people whose relationships the answer gives.
    pub(crate) fn related(&self) -> &[Qid] {
        match self.related {
            Related::Asked => &self.asked,
            Related::Targets => &self.targets,
            Related::Nobody => &[],
        }
    }

    /// The people the drawing hangs from besides the relationships' ancestors.
    pub(crate) fn roots(&self) -> &[Qid] {
        if self.rooted {
            &self.asked
        } else {
            &[]
        }
    }

    /// Whether an id is one of the question's own (asked or target).
    pub(crate) fn is_own(&self, q: Qid) -> bool {
        self.asked.contains(&q) || self.targets.contains(&q)
    }

    /// `from` is a redirect to `to`: the question's people follow it.
    pub(crate) fn redirected(&mut self, from: Qid, to: Qid) {
        for q in self.asked.iter_mut().chain(self.targets.iter_mut()) {
            if *q == from {
                *q = to;
            }
        }
        if let Some((a, b)) = self.connect.as_mut() {
            for q in [a, b] {
                if *q == from {
                    *q = to;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: u64) -> Qid {
        Qid(n)
    }

    #[test]
    fn relate_asks_the_ancestry_of_everyone_and_connects_a_pair() {
        let config = CrawlConfig::relate(vec![q(1), q(2), q(1)]);
        let (roles, redirected) = Roles::new(&config, &Store::default());
        assert_eq!(roles.asked, [q(1), q(2)]);
        assert!(redirected.is_empty());
        assert_eq!(roles.related(), [q(1), q(2)]);
        assert!(roles.roots().is_empty());
        assert_eq!(roles.draw, Draw::Lines);
        assert!(!roles.spreads);
        assert_eq!(roles.connect, Some((q(1), q(2))));
        assert_eq!(
            roles.lineage,
            [LineageQuery {
                way: Lineage::Ancestors,
                ids: vec![q(1), q(2)],
                depth: 10
            }]
        );
    }

    #[test]
    fn explore_relates_the_targets_and_climbs_half_way_from_them() {
        let config = CrawlConfig::explore(vec![q(1)], vec![q(2), q(3)]);
        let (roles, _) = Roles::new(&config, &Store::default());
        assert_eq!(roles.related(), [q(2), q(3)]);
        assert_eq!(roles.roots(), [q(1)]);
        assert!(roles.spreads);
        assert_eq!(roles.connect, None);
        let ways: Vec<(Lineage, u32)> = roles.lineage.iter().map(|l| (l.way, l.depth)).collect();
        assert_eq!(ways, [(Lineage::Ancestors, 6), (Lineage::Descendants, 12)]);
    }

    #[test]
    fn descendants_draws_everyone_below_the_roots() {
        let config = CrawlConfig::descendants(vec![q(1)]);
        let (mut roles, _) = Roles::new(&config, &Store::default());
        assert_eq!(roles.draw, Draw::Descendants);
        assert!(roles.related().is_empty());
        assert!(roles.lineage_loads_all);
        roles.redirected(q(1), q(9));
        assert_eq!(roles.roots(), [q(9)]);
        assert!(roles.is_own(q(9)) && !roles.is_own(q(1)));
    }

    #[test]
    fn more_than_two_people_have_no_connection_search() {
        let config = CrawlConfig::relate(vec![q(1), q(2), q(3)]);
        assert_eq!(Roles::new(&config, &Store::default()).0.connect, None);
    }
}

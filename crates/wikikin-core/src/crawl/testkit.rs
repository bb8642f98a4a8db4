//! For the searches' unit tests: a family in a store, and a [`Kit`] that runs one search over
//! it the way the crawl does (load what is wanted, tell the search, step) — with no network,
//! no source, no phases.

use super::question::Roles;
use super::scheduler::{Scheduler, State};
use super::search::{Search, Seen, Turn};
use crate::config::CrawlConfig;
use crate::entity::Person;
use crate::graph::FamilyGraph;
use crate::outcome::{Ending, Guard, Invalid};
use crate::store::Store;
use crate::{Qid, Sex};

pub(crate) fn q(n: u64) -> Qid {
    Qid(n)
}

/// Everything a search sees, owned.
pub(crate) struct Kit {
    pub(crate) config: CrawlConfig,
    pub(crate) roles: Roles,
    pub(crate) graph: FamilyGraph,
    pub(crate) store: Store,
    pub(crate) sched: Scheduler,
    pub(crate) cut: Option<Guard>,
    /// Ids loaded, in order.
    pub(crate) loaded: Vec<Qid>,
}

impl Kit {
    pub(crate) fn new(config: CrawlConfig) -> Kit {
        let config = config.sanitised();
        let store = Store::new();
        let (roles, _) = Roles::new(&config, &store);
        Kit {
            sched: Scheduler::new(&config),
            config,
            roles,
            graph: FamilyGraph::new(),
            store,
            cut: None,
            loaded: Vec::new(),
        }
    }

    /// Puts a person in the "network" (the store): `sex`, then their parents (a father and a
    /// mother by sex of the ids given in `fathers` / `mothers`), children and spouses.
    pub(crate) fn person(&mut self, n: u64, sex: Sex, parents: (&[u64], &[u64]), children: &[u64]) {
        let mut p = Person::new(q(n));
        p.sex = sex;
        p.fathers = parents.0.iter().copied().map(q).collect();
        p.mothers = parents.1.iter().copied().map(q).collect();
        p.children = children.iter().copied().map(q).collect();
        self.store.insert(p);
    }

    /// Marries two people already in the store.
    pub(crate) fn marry(&mut self, a: u64, b: u64) {
        for (x, y) in [(a, b), (b, a)] {
            if let Some(mut p) = self.store.person(q(x)).cloned() {
                p.spouses.push(q(y));
                self.store.insert(p);
            }
        }
    }

    /// Sets the question's generation (or degree) limit.
    pub(crate) fn depth(&mut self, depth: u32) {
        self.config.max_generations = depth;
        self.roles.depth = depth;
    }

    pub(crate) fn turn(&mut self, chain: u32) -> Turn<'_> {
        Turn {
            config: &self.config,
            roles: &self.roles,
            graph: &self.graph,
            store: &self.store,
            sched: &mut self.sched,
            chain,
            cut: &mut self.cut,
        }
    }

    pub(crate) fn seen(&self) -> Seen<'_> {
        Seen {
            config: &self.config,
            roles: &self.roles,
            graph: &self.graph,
            store: &self.store,
            sched: &self.sched,
        }
    }

    pub(crate) fn start(&mut self, search: &mut dyn Search) -> Result<(), Invalid> {
        let mut turn = self.turn(0);
        search.start(&mut turn)
    }

    /// Loads `n` into the graph and tells the search, as the crawl does.
    pub(crate) fn load(&mut self, search: &mut dyn Search, n: u64) {
        let Some(p) = self.store.person(q(n)).cloned() else {
            return;
        };
        self.sched.know(q(n), 0);
        self.sched.mark_loaded(q(n));
        self.graph.add_person(&p);
        self.loaded.push(q(n));
        let mut turn = self.turn(0);
        search.loaded(q(n), &mut turn);
    }

    /// Loads what the store holds of what was wanted; whether it loaded anything.
    fn drain(&mut self, search: &mut dyn Search) -> bool {
        let mut any = false;
        while let Some((x, _)) = self.sched.next_from_store() {
            self.load(search, x.0);
            any = true;
        }
        any
    }

    /// Runs the search until it wants nothing more: everything it wants from the "network"
    /// is answered from the store at once, in the queue's order (ids not there are missing).
    pub(crate) fn run(&mut self, search: &mut dyn Search) {
        for _ in 0..1000 {
            self.drain(search);
            let mut turn = self.turn(0);
            search.step(&mut turn);
            let drained = self.drain(search);
            let seen = self.seen();
            let plan = self
                .sched
                .plan(1, false, false, |x| search.still_wanted(x, &seen));
            let sent = self.sched.commit(plan, 1);
            if sent.is_empty() && !drained {
                return;
            }
            for r in sent {
                self.sched.answered(r.id, 0);
                for x in r.qids {
                    if self.store.person(x).is_some() {
                        self.load(search, x.0);
                    } else {
                        self.sched.mark_missing(x);
                    }
                }
            }
        }
    }

    pub(crate) fn state(&self, n: u64) -> Option<State> {
        self.sched.state(q(n))
    }

    pub(crate) fn level(&self, n: u64) -> u32 {
        self.sched.level(q(n))
    }

    pub(crate) fn ending(&self, search: &dyn Search) -> Option<Ending> {
        search.ending(&self.seen(), false)
    }
}

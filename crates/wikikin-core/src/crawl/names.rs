//! Names, never bare ids: once the searches are done, the people the answer will show that no
//! search loaded (a common ancestor's partner, a co-parent in the drawing, an unreached target,
//! someone in a chain through marriage) are fetched for their labels and years, in one batched
//! request where the fetch mode allows. They do not join the family graph, so they cannot
//! change the answer, and a failure to name someone is not a failure of the crawl.

use super::Crawl;
use crate::graph::Set;
use crate::Qid;

/// At most this many people are named after the searches.
const MAX_NAMES: usize = 200;

impl Crawl {
    /// When no search has work left, wants the names of the people shown but not loaded.
    pub(super) fn name_when_done(&mut self) {
        if self.names.is_some() || self.cancelled || self.invalid.is_some() {
            return;
        }
        let view = self.view();
        if self.sched.work_left(|q| self.wanted(q, &view)) && !self.sched.at_entity_limit() {
            return;
        }
        let unnamed: Set<Qid> = self
            .shown()
            .into_iter()
            .filter(|q| !self.graph.is_loaded(*q) && self.store.person(*q).is_none())
            .filter(|q| !self.store.is_missing(*q) && !self.sched.failures.contains_key(q))
            .take(MAX_NAMES)
            .collect();
        self.sched.allow_more(unnamed.len());
        let mut wanted: Vec<Qid> = unnamed.iter().copied().collect();
        wanted.sort();
        self.names = Some(unnamed);
        for q in wanted {
            self.sched.know(q);
            self.sched.want(q, &self.store);
        }
        self.drain_loads();
    }

    /// Whether an id was fetched only for its name.
    pub(super) fn only_named(&self, q: Qid) -> bool {
        self.names.as_ref().is_some_and(|n| n.contains(&q))
    }

    /// Everyone the answer shows: the drawing, the chains, the targets, the problems.
    fn shown(&self) -> Vec<Qid> {
        let f = self.findings();
        let mut out: Vec<Qid> = f.tree.persons.clone();
        for (x, y) in &f.tree.couples {
            out.push(*x);
            out.extend(*y);
        }
        for r in &f.kinship.relationships {
            out.extend(r.ancestors.iter().copied());
        }
        for c in &f.connections {
            out.extend(c.path.iter().copied());
        }
        out.extend(self.search.targets().iter().copied());
        for p in self.graph.problems() {
            match p {
                crate::Problem::ConflictingParents { parents, .. } => out.extend(parents),
                crate::Problem::OwnAncestor { people } => out.extend(people),
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

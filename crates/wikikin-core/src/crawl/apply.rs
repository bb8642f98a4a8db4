//! Folding an answer into the crawl: entities or records into the store, redirects followed,
//! the people asked loaded into the family graph (and told to the searches), what is missing
//! marked, and who the answer left out failed.

use super::{scheduler, Crawl};
use crate::entity::parse_entities_with;
use crate::outcome::PersonFailReason;
use crate::Qid;
use std::collections::BTreeSet;

impl Crawl {
    pub(super) fn apply_body(&mut self, asked: &[Qid], chain: u32, body: &[u8]) {
        match parse_entities_with(body, &self.config.languages, &self.config.props) {
            Ok(parsed) => self.apply_parsed(asked, chain, parsed, body.len(), false),
            Err(e) => {
                for &q in asked {
                    self.sched
                        .fail(q, PersonFailReason::Unreadable(e.to_string()));
                }
            }
        }
    }

    /// Entities (or records) that came for `asked`, from either source. `partial`: the records
    /// of a query service's ancestry or descendants query (no spouses, no children recorded only
    /// on the child's side) but for the asked people's: kept in the store for the searches to
    /// take, only the asked people loaded at once.
    pub(super) fn apply_parsed(
        &mut self,
        asked: &[Qid],
        chain: u32,
        parsed: crate::Parsed,
        bytes: usize,
        partial: bool,
    ) {
        self.sched
            .note_entities(bytes, parsed.persons.len() + parsed.missing.len());
        let mut redirects = parsed.redirects.clone();
        // Special:EntityData follows redirects silently: asked Q1, got only Q2.
        if let ([asked], [only]) = (asked, parsed.persons.as_slice()) {
            if only.id != *asked && !redirects.iter().any(|(f, _)| f == asked) {
                redirects.push((*asked, only.id));
            }
        }
        for (from, to) in redirects {
            self.apply_redirect(from, to, chain);
        }
        let mut answered: BTreeSet<Qid> = BTreeSet::new();
        for q in &parsed.missing {
            answered.insert(*q);
            self.store.missing.insert(*q);
            if self.sched.is_known(*q) {
                self.sched.note_fetched();
                self.sched.mark_missing(*q);
            }
        }
        // Every record into the store first: loading one may want the others.
        let mut to_load = Vec::new();
        for p in parsed.persons {
            answered.insert(p.id);
            if partial && !asked.contains(&p.id) {
                self.store.insert_partial(p);
            } else {
                // The asked people's records are whole (a lines query asks theirs whole too).
                self.store.insert(p.clone());
                to_load.push(p);
            }
        }
        for p in to_load {
            let q = p.id;
            if matches!(
                self.sched.state(q),
                Some(scheduler::State::Loaded | scheduler::State::Missing)
            ) {
                continue;
            }
            self.sched.know(q, chain);
            self.sched.note_fetched();
            self.load(p, chain);
        }
        for &q in asked {
            let real = self.store.canonical(q);
            if answered.contains(&real) || answered.contains(&q) {
                continue;
            }
            if real != q {
                // A merged item whose answer named only where it went (a query's owl:sameAs):
                // the real one is asked for next.
                self.searches.name_moved(q, real);
                self.sched.know(real, chain);
                self.sched.want(real, &self.store);
                continue;
            }
            self.sched.fail(q, PersonFailReason::NotInAnswer);
        }
    }

    /// `from` is a redirect to `to`, said by an answer `chain` requests deep.
    fn apply_redirect(&mut self, from: Qid, to: Qid, chain: u32) {
        if from == to {
            return;
        }
        self.store.redirects.insert(from, to);
        self.graph.add_redirect(from, to);
        self.graph_changes += 1;
        if self.roles.is_own(from) && !self.redirected.iter().any(|(f, _)| *f == from) {
            self.redirected.push((from, to));
        }
        self.roles.redirected(from, to);
        self.sched.redirect(from, to, chain);
        self.searches.redirected(from, to);
    }
}

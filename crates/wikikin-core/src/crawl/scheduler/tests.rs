//! The scheduler on its own: queue order, batching, the store, retries and the hold, failures,
//! redirects and the entity limit — without a search or a network.

use super::{Scheduler, State, UNREACHED};
use crate::config::{CrawlConfig, FetchMode};
use crate::entity::Person;
use crate::outcome::{PersonFailReason, RequestFailure};
use crate::store::Store;
use crate::Qid;

fn q(n: u64) -> Qid {
    Qid(n)
}

fn sched_with(edit: impl FnOnce(&mut CrawlConfig)) -> Scheduler {
    let mut config = CrawlConfig::relate(vec![q(1), q(2)]);
    edit(&mut config);
    Scheduler::new(&config.sanitised())
}

/// Knows and wants `ids` at `level`.
fn want_at(s: &mut Scheduler, store: &Store, ids: &[u64], level: u32) {
    for &n in ids {
        s.know(q(n), 0);
        s.lower_level(q(n), level);
        s.want(q(n), store);
    }
}

/// Polls at `now` with `slots` free, everything still wanted.
fn poll(s: &mut Scheduler, now: f64, slots: usize) -> Vec<Vec<Qid>> {
    if !s.open(now, slots) {
        return Vec::new();
    }
    let plan = s.plan(slots, false, false, |_| true);
    s.commit(plan, slots).into_iter().map(|r| r.qids).collect()
}

#[test]
fn lower_levels_go_first_and_are_spread_over_the_slots() {
    let store = Store::new();
    let mut s = sched_with(|_| {});
    want_at(&mut s, &store, &[5, 6], 2);
    want_at(&mut s, &store, &[3, 4], 1);
    assert_eq!(s.state(q(3)), Some(State::Queued));
    assert_eq!(s.queued(), 4);
    // One slot: everything in one batch, by level then by when it was wanted.
    let mut one = sched_with(|_| {});
    want_at(&mut one, &store, &[5, 6], 2);
    want_at(&mut one, &store, &[3, 4], 1);
    assert_eq!(poll(&mut one, 0.0, 1), [vec![q(3), q(4), q(5), q(6)]]);
    // Two slots: two requests of two.
    assert_eq!(poll(&mut s, 0.0, 2), [vec![q(3), q(4)], vec![q(5), q(6)]]);
    assert_eq!(s.state(q(3)), Some(State::InFlight));
    assert_eq!(s.requests_in_flight(), 2);
    assert_eq!(s.ids_in_flight(), 4);
    assert_eq!(s.counts().requests, 2);
}

#[test]
fn a_lowered_level_moves_up_the_queue() {
    let store = Store::new();
    let mut s = sched_with(|c| c.fetch = FetchMode::EntityData);
    want_at(&mut s, &store, &[1], 3);
    want_at(&mut s, &store, &[2], 4);
    assert!(s.lower_level(q(2), 1));
    assert!(!s.lower_level(q(2), 2), "levels only go down");
    assert_eq!(s.level(q(2)), 1);
    // EntityData: one id per request.
    assert_eq!(poll(&mut s, 0.0, 1), [vec![q(2)]]);
    assert_eq!(s.level(q(9)), UNREACHED);
}

#[test]
fn the_chain_is_one_more_than_the_deepest_answer_that_named_an_id() {
    let store = Store::new();
    let mut s = sched_with(|_| {});
    s.know(q(1), 2);
    s.know(q(1), 0); // known already: keeps its chain
    s.know(q(2), 4);
    s.want(q(1), &store);
    s.want(q(2), &store);
    assert!(s.open(0.0, 1));
    let plan = s.plan(1, false, false, |_| true);
    let sent = s.commit(plan, 1);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent.first().map(|r| r.chain), Some(5));
    assert_eq!(s.counts().max_chain, 5);
}

#[test]
fn what_the_store_holds_is_loaded_without_a_request() {
    let mut store = Store::new();
    store.insert(Person::new(q(7)));
    let mut s = sched_with(|_| {});
    s.know(q(7), 3);
    s.want(q(7), &store);
    assert_eq!(s.queued(), 0, "not in the ready queue");
    assert_eq!(s.next_from_store(), Some((q(7), 3)));
    assert_eq!(s.next_from_store(), None);
    s.note_cached();
    s.mark_loaded(q(7));
    assert_eq!(s.state(q(7)), Some(State::Loaded));
    assert_eq!(s.loaded_order(), [q(7)]);
    assert_eq!(s.loaded_count(), 1);
    // Wanted whole while only a partial record is stored: asked from the network.
    let mut partial = Store::new();
    partial.insert_partial(Person::new(q(8)));
    s.know(q(8), 0);
    s.want_as(q(8), &partial, true);
    assert_eq!(s.queued(), 1);
}

#[test]
fn ids_no_longer_wanted_are_set_aside() {
    let store = Store::new();
    let mut s = sched_with(|_| {});
    want_at(&mut s, &store, &[1, 2, 3], 0);
    assert!(s.open(0.0, 1));
    let plan = s.plan(1, false, false, |x| x != q(2));
    let sent = s.commit(plan, 1);
    assert_eq!(sent.first().map(|r| r.qids.clone()), Some(vec![q(1), q(3)]));
    assert_eq!(s.state(q(2)), Some(State::Known));
    assert!(s.work_left(|_| false), "a request is in flight");
}

#[test]
fn a_429_holds_every_request_until_retry_after_then_gives_up() {
    let store = Store::new();
    let mut s = sched_with(|c| c.max_attempts = 2);
    want_at(&mut s, &store, &[1, 2], 0);
    let sent = poll(&mut s, 0.0, 1);
    assert_eq!(sent, [vec![q(1), q(2)]]);
    let id = crate::RequestId(1);
    let req = s.answered(id, 10);
    assert!(req.is_some());
    assert_eq!(s.counts().bytes, 10);
    s.retry_later(q(1), 100.0, Some(5000.0), 429);
    assert_eq!(s.state(q(1)), Some(State::Waiting));
    assert!(s.last_attempt(q(1)));
    assert_eq!(s.counts().retries, 1);
    // Held: nothing goes out before 5.1 s, even with slots free.
    assert!(!s.open(5000.0, 4));
    assert_eq!(s.next_wake(), Some(5100.0));
    assert!(s.open(5100.0, 4));
    assert_eq!(s.state(q(1)), Some(State::Queued));
    // The last attempt refused again: a failure, in words of its own.
    s.retry_later(q(1), 6000.0, None, 503);
    assert_eq!(
        s.failures().get(&q(1)),
        Some(&PersonFailReason::KeptRefusing {
            status: 503,
            attempts: 2
        })
    );
    assert_eq!(s.state(q(1)), Some(State::Failed));
}

#[test]
fn a_first_timeout_is_retried_the_second_fails() {
    let store = Store::new();
    let mut s = sched_with(|_| {});
    want_at(&mut s, &store, &[1], 0);
    assert_eq!(poll(&mut s, 0.0, 1), [vec![q(1)]]);
    s.no_answer(crate::RequestId(1), &RequestFailure::Timeout);
    assert_eq!(s.state(q(1)), Some(State::Queued));
    assert_eq!(s.counts().retries, 1);
    assert_eq!(poll(&mut s, 0.0, 1), [vec![q(1)]]);
    s.no_answer(crate::RequestId(2), &RequestFailure::Timeout);
    assert_eq!(
        s.failures().get(&q(1)),
        Some(&PersonFailReason::TimedOutTwice)
    );
    // An aborted request fails at once.
    want_at(&mut s, &store, &[2], 0);
    assert_eq!(poll(&mut s, 0.0, 1), [vec![q(2)]]);
    s.no_answer(crate::RequestId(3), &RequestFailure::Aborted);
    assert_eq!(s.failures().get(&q(2)), Some(&PersonFailReason::Aborted));
}

#[test]
fn a_redirect_hands_over_level_and_chain() {
    let store = Store::new();
    let mut s = sched_with(|_| {});
    s.know(q(1), 1);
    s.lower_level(q(1), 2);
    s.want(q(1), &store);
    s.redirect(q(1), q(9), 4);
    assert_eq!(s.state(q(1)), None);
    assert!(!s.is_known(q(1)));
    assert_eq!(s.level(q(9)), 2);
    assert_eq!(
        s.state(q(9)),
        Some(State::Known),
        "wanted again by the search"
    );
    assert_eq!(s.queued(), 0);
    s.want(q(9), &store);
    assert!(s.open(0.0, 1));
    let plan = s.plan(1, false, false, |_| true);
    let sent = s.commit(plan, 1);
    assert_eq!(
        sent.first().map(|r| r.chain),
        Some(2),
        "the lower chain, plus one"
    );
    // A redirect of an unknown id changes nothing.
    s.redirect(q(5), q(6), 0);
    assert!(!s.is_known(q(6)));
}

#[test]
fn the_entity_limit_cuts_and_says_so() {
    let mut store = Store::new();
    store.insert(Person::new(q(2)));
    let mut s = sched_with(|c| c.max_entities = 1);
    want_at(&mut s, &store, &[1], 0);
    assert_eq!(poll(&mut s, 0.0, 4), [vec![q(1)]]);
    s.answered(crate::RequestId(1), 10);
    s.note_fetched();
    s.mark_loaded(q(1));
    assert!(s.at_entity_limit());
    // From the store: cut at the limit.
    want_at(&mut s, &store, &[2], 1);
    assert!(s.entity_cut());
    assert_eq!(s.next_from_store(), None);
    // From the network: nothing goes out.
    want_at(&mut s, &store, &[3], 1);
    assert!(poll(&mut s, 0.0, 4).is_empty());
    // The names after the searches are allowed beyond it.
    s.allow_more(1);
    assert!(!s.at_entity_limit());
    assert_eq!(poll(&mut s, 0.0, 4), [vec![q(3)]]);
}

#[test]
fn send_now_takes_ids_out_of_the_queue_in_a_request_of_their_own() {
    let store = Store::new();
    let mut s = sched_with(|_| {});
    want_at(&mut s, &store, &[1, 2], 0);
    let r = s.send_now(&[q(1), q(2), q(3)]);
    assert_eq!(
        r.map(|r| r.qids),
        Some(vec![q(1), q(2)]),
        "unknown ids left out"
    );
    assert_eq!(s.queued(), 0);
    assert_eq!(s.send_now(&[q(1)]), None, "already in flight");
    // Requeued after an answer that must be asked again another way.
    s.requeue(q(1));
    assert_eq!(s.state(q(1)), Some(State::Queued));
    s.drop_request(crate::RequestId(1));
    assert_eq!(s.requests_in_flight(), 0);
}

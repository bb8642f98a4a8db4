//! Browser tests of the fetch driver against a real replica (real `fetch`, real CORS): the cap,
//! cancelling, reusing the store, an unreachable endpoint; and the page's shared store.
//!
//! The replica's address comes in at compile time as `WIKIKIN_TEST_ENDPOINT` (`.ci/test.sh` sets
//! it). Without it the network tests are skipped loudly — except in CI.

// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;
use wikikin::driver::{run_crawl, CancelHandle, Finished};
use wikikin_core::{CrawlConfig, FetchMode, OutcomeKind, Qid, Store};

wasm_bindgen_test_configure!(run_in_browser);

/// A crawl as the page runs one (6 at once, 30 s a request), not cancelled, progress unheard.
async fn crawl(config: CrawlConfig, store: Store, ep: &str) -> Finished {
    run_crawl(
        config,
        store,
        ep,
        6,
        30_000,
        CancelHandle::default(),
        |_| {},
    )
    .await
}

/// Elizabeth II ↔ Philip's relationships as [`expected_royal`] gives them, in order.
fn relationships_of(result: &wikikin_core::CrawlResult) -> Vec<Expected> {
    let mut got: Vec<Expected> = result
        .relationships
        .iter()
        .map(|r| {
            assert_eq!((r.a, r.b), (q("Q9682"), q("Q80976")));
            (
                r.ancestors.iter().map(Qid::to_string).collect(),
                (r.degree, r.removed, r.ga, r.gb),
            )
        })
        .collect();
    got.sort_by_key(|(_, k)| *k);
    got
}

#[wasm_bindgen_test]
async fn driver_relates_elizabeth_and_philip_through_real_fetch() {
    let Some(ep) = endpoint() else { return };
    let expected = expected_royal(ep).await;
    // One entity per request (`Special:EntityData`): URLs no other test fetches, so the
    // browser's HTTP cache cannot answer for the replica and its counts are exact.
    reset_replica(ep).await;
    let mut config = relate_config();
    config.fetch = FetchMode::EntityData;
    let updates = Rc::new(Cell::new(0usize));
    let seen = updates.clone();
    let Finished {
        outcome,
        result,
        store,
        progress,
    } = run_crawl(
        config,
        Store::new(),
        ep,
        6,
        30_000,
        CancelHandle::default(),
        move |p| {
            assert!(p.requests_in_flight <= 6, "the cap holds: {p:?}");
            seen.set(seen.get() + 1);
        },
    )
    .await;
    assert!(succeeded(outcome.kind()), "{}", outcome.to_string());
    assert!(
        updates.get() > 3,
        "progress was reported ({})",
        updates.get()
    );
    assert!(progress.fetched > 50, "{progress:?}");
    assert_eq!(progress.failed, 0, "{progress:?}");
    assert!(result.failures.is_empty(), "{:?}", result.failures);
    assert_eq!(relationships_of(&result), expected);
    let elizabeth = result.persons.iter().find(|p| p.id == q("Q9682")).unwrap();
    assert_eq!(elizabeth.label.as_deref(), Some("Elizabeth II"));
    assert!(
        store.len() >= progress.fetched,
        "the store kept what was fetched"
    );

    // What the replica saw: every request the driver counted, each entity once, at most the
    // cap at a time, and no CORS preflight (the requests are CORS-simple).
    let stats = replica_json(ep, "/__replica/stats").await;
    let n = |k: &str| stats[k].as_u64().unwrap_or(u64::MAX);
    assert_eq!(n("requests"), progress.requests as u64, "{stats}");
    assert_eq!(
        progress.requests, progress.fetched,
        "one entity per request"
    );
    assert_eq!(n("max_served_per_id"), 1, "{stats}");
    assert!(n("peak_inflight") <= 6, "{stats}");
    assert_eq!(n("preflight"), 0, "{stats}");
}

// A query too long for a GET goes as a form-encoded POST through the browser's real fetch: the
// replica serves it as a POST, with no CORS preflight, and the answer is the same.
#[wasm_bindgen_test]
async fn driver_posts_long_queries_without_a_preflight() {
    let Some(ep) = endpoint() else { return };
    let expected = expected_royal(ep).await;
    reset_replica(ep).await;
    let mut config = relate_config();
    config.fetch = FetchMode::Sparql;
    config.sparql = Some(format!("{ep}/sparql"));
    // A long label-language chain makes every query longer than a GET may be.
    config.languages = (0..400).map(|i| format!("de-x{i}")).collect();
    let Finished {
        outcome, result, ..
    } = crawl(config, Store::new(), ep).await;
    assert!(succeeded(outcome.kind()), "{}", outcome.to_string());
    assert!(result.fallbacks.is_empty(), "{:?}", result.fallbacks);
    assert_eq!(relationships_of(&result), expected);
    let stats = replica_json(ep, "/__replica/stats").await;
    let n = |k: &str| stats[k].as_u64().unwrap_or(u64::MAX);
    let queries = stats["by_kind"]["sparql"].as_u64().unwrap_or(0);
    assert!(queries > 0, "{stats}");
    assert_eq!(n("sparql_posts"), queries, "every query a POST: {stats}");
    assert_eq!(n("preflight"), 0, "{stats}");
}

// Cancels from another task, as the Cancel button does. The final figures must not count the
// aborted requests as failed or still in flight (a regression test: both used to happen).
#[wasm_bindgen_test]
async fn driver_cancel_mid_crawl_ends_cancelled_and_stops_requests() {
    let Some(ep) = endpoint() else { return };
    let cancel = CancelHandle::default();
    let requests = Rc::new(Cell::new(0usize));
    let seen = requests.clone();
    // Explore down from Victoria one entity per request: hundreds of requests, so a cancel
    // after a few is certainly mid-crawl.
    let mut config = CrawlConfig::explore(qs(&["Q9439"]), qs(&["Q9682", "Q80976"]));
    config.languages = vec!["en".into()];
    config.fetch = FetchMode::EntityData;
    let canceller = cancel.clone();
    let watched = requests.clone();
    let cancelled_at = Rc::new(Cell::new(None::<usize>));
    let at = cancelled_at.clone();
    wasm_bindgen_futures::spawn_local(async move {
        while watched.get() < 5 {
            sleep(1).await;
        }
        at.set(Some(watched.get()));
        canceller.cancel();
    });
    let finished = run_crawl(
        config,
        Store::new(),
        ep,
        4,
        30_000,
        cancel.clone(),
        move |p| seen.set(p.requests),
    )
    .await;
    assert_eq!(
        finished.outcome.kind(),
        OutcomeKind::Cancelled,
        "{}",
        finished.outcome
    );
    assert!(cancel.is_cancelled());
    let at = cancelled_at.get().expect("cancelled by the other task");
    assert!(
        finished.progress.requests <= at + 4,
        "no new requests after the cancel: {} at cancel, {} at the end",
        at,
        finished.progress.requests
    );
    assert!(finished.progress.requests < 100, "{:?}", finished.progress);
    assert!(
        finished.result.reached.iter().any(|(_, d)| d.is_none()),
        "not every person was reached: {:?}",
        finished.result.reached
    );
    // And the replica sees nothing more once it has ended (after a moment for requests that
    // were already on the wire when they were aborted to land).
    sleep(300).await;
    let ended = replica_requests(ep).await;
    sleep(400).await;
    assert_eq!(
        replica_requests(ep).await,
        ended,
        "requests after the crawl was cancelled"
    );
    assert_eq!(
        (
            finished.progress.requests_in_flight,
            finished.progress.in_flight
        ),
        (0, 0),
        "nothing is in flight once the crawl has ended: {:?}",
        finished.progress
    );
}

// Cancelling synchronously inside `on_progress`, within the driver's own task, used to spin
// forever: a regression test.
#[wasm_bindgen_test]
async fn driver_cancel_from_the_progress_callback_ends_cancelled() {
    let Some(ep) = endpoint() else { return };
    let cancel = CancelHandle::default();
    let from_progress = cancel.clone();
    let cancelled_at = Rc::new(Cell::new(None::<usize>));
    let at = cancelled_at.clone();
    let mut config = CrawlConfig::explore(qs(&["Q9439"]), qs(&["Q9682", "Q80976"]));
    config.languages = vec!["en".into()];
    config.fetch = FetchMode::EntityData;
    let finished = run_crawl(config, Store::new(), ep, 4, 30_000, cancel, move |p| {
        if p.requests >= 3 && at.get().is_none() {
            at.set(Some(p.requests));
            from_progress.cancel();
        }
    })
    .await;
    assert_eq!(
        finished.outcome.kind(),
        OutcomeKind::Cancelled,
        "{}",
        finished.outcome
    );
    let at = cancelled_at.get().expect("cancelled from the callback");
    assert_eq!(
        finished.progress.requests, at,
        "no request after the cancel"
    );
}

#[wasm_bindgen_test]
async fn driver_cancelled_before_start_makes_no_request() {
    let Some(ep) = endpoint() else { return };
    let cancel = CancelHandle::default();
    cancel.cancel();
    let before = replica_requests(ep).await;
    let finished = run_crawl(relate_config(), Store::new(), ep, 6, 30_000, cancel, |_| {}).await;
    assert_eq!(finished.outcome.kind(), OutcomeKind::Cancelled);
    assert_eq!(finished.progress.requests, 0);
    assert_eq!(replica_requests(ep).await, before);
}

#[wasm_bindgen_test]
async fn driver_reusing_the_store_makes_zero_requests() {
    let Some(ep) = endpoint() else { return };
    let first = crawl(relate_config(), Store::new(), ep).await;
    assert!(
        succeeded(first.outcome.kind()),
        "{}",
        first.outcome.to_string()
    );
    assert!(first.store.len() > 50);
    let before = replica_requests(ep).await;
    let Finished {
        store,
        result: first_result,
        ..
    } = first;
    let second = crawl(relate_config(), store, ep).await;
    let after = replica_requests(ep).await;
    assert!(
        succeeded(second.outcome.kind()),
        "{}",
        second.outcome.to_string()
    );
    assert_eq!(second.progress.requests, 0, "{:?}", second.progress);
    assert_eq!(
        after, before,
        "the replica saw no request on the second run"
    );
    assert!(second.progress.cached > 0, "{:?}", second.progress);
    let key = |r: &wikikin_core::CrawlResult| {
        let mut v: Vec<(Vec<Qid>, u32, u32)> = r
            .relationships
            .iter()
            .map(|x| (x.ancestors.clone(), x.ga, x.gb))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        key(&second.result),
        key(&first_result),
        "the same answer from the store"
    );
    assert_eq!(key(&second.result).len(), 3);
}

#[wasm_bindgen_test]
async fn driver_reports_an_unreachable_endpoint_in_words() {
    // Port 9 (discard) on localhost refuses connections: every request fails fast.
    let finished = run_crawl(
        relate_config(),
        Store::new(),
        "http://127.0.0.1:9",
        6,
        5_000,
        CancelHandle::default(),
        |_| {},
    )
    .await;
    assert_eq!(
        finished.outcome.kind(),
        OutcomeKind::Failed,
        "{}",
        finished.outcome
    );
    assert!(!finished.outcome.to_string().is_empty());
    assert!(!finished.result.failures.is_empty());
    assert!(
        finished
            .result
            .failures
            .iter()
            .all(|f| f.to_string().contains("could not be reached")),
        "{:?}",
        finished.result.failures
    );
}

type ExploreKey = (Vec<(Qid, Option<u32>)>, Vec<(Vec<Qid>, u32, u32)>);

/// What an explore answer is compared by: who was reached at which degree, and the
/// relationships found.
fn explore_key(r: &wikikin_core::CrawlResult) -> ExploreKey {
    let mut rels: Vec<(Vec<Qid>, u32, u32)> = r
        .relationships
        .iter()
        .map(|x| (x.ancestors.clone(), x.ga, x.gb))
        .collect();
    rels.sort();
    let mut reached = r.reached.clone();
    reached.sort();
    (reached, rels)
}

// Regression test: an explore crawl on a store filled by an earlier explore from fewer roots
// used to reach Philip at degree 4 instead of 3.
#[wasm_bindgen_test]
async fn driver_explore_on_a_reused_store_answers_like_a_fresh_crawl() {
    let Some(ep) = endpoint() else { return };
    let explore = |roots: &[&str]| {
        let mut c = CrawlConfig::explore(qs(roots), qs(&["Q9682", "Q80976"]));
        c.languages = vec!["en".into()];
        c
    };
    let run = |config: CrawlConfig, store: Store| async move { crawl(config, store, ep).await };
    let fresh = run(explore(&["Q9439", "Q151305"]), Store::new()).await;
    assert!(
        succeeded(fresh.outcome.kind()),
        "{}",
        fresh.outcome.to_string()
    );
    let (reached, _) = explore_key(&fresh.result);
    assert_eq!(
        reached,
        vec![(q("Q9682"), Some(4)), (q("Q80976"), Some(3))],
        "Philip is 3 below Christian IX, Elizabeth 4 below both"
    );

    let first = run(explore(&["Q9439"]), Store::new()).await;
    assert!(
        succeeded(first.outcome.kind()),
        "{}",
        first.outcome.to_string()
    );
    let again = run(explore(&["Q9439", "Q151305"]), first.store).await;
    assert!(
        succeeded(again.outcome.kind()),
        "{}",
        again.outcome.to_string()
    );
    assert_eq!(
        explore_key(&again.result),
        explore_key(&fresh.result),
        "the same question on a reused store gives the same answer"
    );
}

// The page's store is lent to one crawl at a time: a second borrower waits until the first
// gives it back, and gets everything the first fetched (never an empty store).
#[wasm_bindgen_test]
async fn the_shared_store_is_lent_in_turn_and_comes_back_full() {
    let Some(ep) = endpoint() else { return };
    let shared = wikikin::store::SharedStore::default();
    let first_done = Rc::new(Cell::new(false));
    let first = {
        let shared = shared.clone();
        let done = first_done.clone();
        async move {
            shared
                .lend(|store| async move {
                    assert!(store.is_empty());
                    let f = crawl(relate_config(), store, ep).await;
                    done.set(true);
                    let fetched = f.store.len();
                    (f.store, fetched)
                })
                .await
        }
    };
    let second = {
        let shared = shared.clone();
        let done = first_done.clone();
        async move {
            shared
                .lend(|store| async move {
                    assert!(done.get(), "lent only once the first crawl gave it back");
                    let held = store.len();
                    let f = crawl(relate_config(), store, ep).await;
                    (f.store, (held, f.progress.requests, f.outcome.kind()))
                })
                .await
        }
    };
    let (fetched, (held, requests, kind)) = futures::join!(first, second);
    assert!(fetched > 50, "the first crawl filled the store: {fetched}");
    assert_eq!(held, fetched, "the second borrower got the whole store");
    assert!(succeeded(kind));
    assert_eq!(requests, 0, "answered from the store");
    assert!(shared.entities().await >= fetched);
}

//! Runs the core's sans-IO crawl with real requests: as many in flight as the polite cap allows,
//! each abortable, the retry timer the core asks for, and cancellation from outside. All the
//! decisions (what to fetch, retries, when it is done) are the core's.

use crate::api;
use futures::channel::oneshot;
use futures::future::{select, Either, LocalBoxFuture};
use futures::stream::FuturesUnordered;
use futures::{FutureExt, StreamExt};
use gloo_timers::future::TimeoutFuture;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use wikikin_core::{
    Crawl, CrawlConfig, CrawlResult, Outcome, Progress, RequestFailure, RequestId, Store,
};

/// Cancels a crawl: every request in flight is aborted (`AbortController`) and the crawl ends as
/// cancelled. Cheap to clone; all clones cancel the same crawl.
#[derive(Clone, Default)]
pub struct CancelHandle(Rc<CancelInner>);

#[derive(Default)]
struct CancelInner {
    cancelled: Cell<bool>,
    next_key: Cell<u64>,
    controllers: RefCell<HashMap<u64, web_sys::AbortController>>,
    wakers: RefCell<Vec<oneshot::Sender<()>>>,
}

impl CancelHandle {
    pub fn cancel(&self) {
        self.0.cancelled.set(true);
        self.abort_requests();
        for waker in self.0.wakers.borrow_mut().drain(..) {
            let _ = waker.send(());
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.get()
    }

    /// Requests aborted so far (none stay registered after they end).
    fn abort_requests(&self) {
        let controllers: Vec<_> = self.0.controllers.borrow_mut().drain().collect();
        for (_, c) in controllers {
            c.abort();
        }
    }

    /// A fresh controller for one request, registered so that `cancel` aborts it.
    fn controller(&self) -> Option<(u64, web_sys::AbortController)> {
        let c = web_sys::AbortController::new().ok()?;
        if self.is_cancelled() {
            c.abort();
        }
        let key = self.0.next_key.get();
        self.0.next_key.set(key + 1);
        self.0.controllers.borrow_mut().insert(key, c.clone());
        Some((key, c))
    }

    fn release(&self, key: u64) {
        self.0.controllers.borrow_mut().remove(&key);
    }

    /// Resolves when `cancel` is called.
    fn wait(&self) -> oneshot::Receiver<()> {
        let (tx, rx) = oneshot::channel();
        if self.is_cancelled() {
            let _ = tx.send(());
        } else {
            self.0.wakers.borrow_mut().push(tx);
        }
        rx
    }
}

/// How a crawl ended and what it found.
pub struct Finished {
    pub outcome: Outcome,
    pub result: CrawlResult,
    pub store: Store,
    pub progress: Progress,
}

type InFlight = LocalBoxFuture<'static, (RequestId, Result<api::Reply, RequestFailure>)>;

/// Runs one crawl to its end against `endpoint` with at most `cap` requests in flight.
/// `on_progress` sees the figures after every event.
pub async fn run_crawl(
    config: CrawlConfig,
    store: Store,
    endpoint: &str,
    cap: usize,
    timeout_ms: u32,
    cancel: CancelHandle,
    mut on_progress: impl FnMut(&Progress),
) -> Finished {
    let cap = cap.max(1);
    let mut crawl = Crawl::new(config, store);
    let mut in_flight: FuturesUnordered<InFlight> = FuturesUnordered::new();
    // The ids of the requests in `in_flight`, to tell the crawl about those dropped unanswered.
    let mut out: HashSet<RequestId> = HashSet::new();
    let mut stuck = false;
    loop {
        if cancel.is_cancelled() && crawl.outcome().is_none() {
            crawl.cancel();
        }
        let now = api::now_ms();
        if crawl.outcome().is_none() {
            let free = cap.saturating_sub(in_flight.len());
            if free > 0 {
                for req in crawl.poll(now, free) {
                    let call = crawl.call(endpoint, &req);
                    let id = req.id;
                    out.insert(id);
                    match cancel.controller() {
                        Some((key, controller)) => {
                            let handle = cancel.clone();
                            in_flight.push(
                                async move {
                                    let reply = api::send(&call, &controller, timeout_ms).await;
                                    handle.release(key);
                                    (id, reply)
                                }
                                .boxed_local(),
                            );
                        }
                        None => {
                            out.remove(&id);
                            crawl.on_failure(
                                id,
                                now,
                                RequestFailure::Network(
                                    "this browser cannot abort requests".into(),
                                ),
                            )
                        }
                    }
                }
            }
        } else if !in_flight.is_empty() {
            // Ended (a limit, or cancelled) with requests still out: nothing more is needed, so
            // they are aborted and dropped rather than waited for.
            cancel.abort_requests();
            in_flight.clear();
            for id in out.drain() {
                crawl.on_failure(id, now, RequestFailure::Aborted);
            }
        }
        on_progress(&crawl.progress());

        let wake_in = crawl
            .next_wake()
            .map(|t| (t - now).clamp(0.0, 600_000.0).ceil() as u32);
        if in_flight.is_empty() {
            if crawl.outcome().is_some() {
                break;
            }
            match wake_in {
                Some(ms) => {
                    let _ = select(TimeoutFuture::new(ms), cancel.wait()).await;
                }
                None => {
                    // Nothing in flight, nothing to wait for and no outcome: ask once more,
                    // then stop rather than spin.
                    if stuck {
                        break;
                    }
                    stuck = true;
                }
            }
            continue;
        }
        stuck = false;
        let timer: LocalBoxFuture<'static, ()> = match wake_in {
            Some(ms) => TimeoutFuture::new(ms).boxed_local(),
            None => futures::future::pending().boxed_local(),
        };
        // Once cancelled, the next round ends the crawl; racing the (already resolved)
        // cancellation again would never yield to the browser.
        let cancelled: LocalBoxFuture<'static, ()> = if cancel.is_cancelled() {
            futures::future::ready(()).boxed_local()
        } else {
            cancel.wait().map(|_| ()).boxed_local()
        };
        match select(in_flight.next(), select(timer, cancelled)).await {
            Either::Left((Some((id, reply)), _)) => {
                out.remove(&id);
                // A cancel aborts requests at once: their "aborted" answers are the cancel's,
                // not failures of the people asked for.
                if cancel.is_cancelled() && crawl.outcome().is_none() {
                    crawl.cancel();
                }
                let now = api::now_ms();
                match reply {
                    Ok(r) => {
                        crawl.on_response(id, now, r.status, r.retry_after.as_deref(), &r.body)
                    }
                    Err(f) => crawl.on_failure(id, now, f),
                }
            }
            Either::Left((None, _)) | Either::Right(_) => {}
        }
    }
    let progress = crawl.progress();
    let outcome = crawl.outcome().unwrap_or(Outcome::Stalled);
    let result = crawl.result();
    Finished {
        outcome,
        result,
        store: crawl.into_store(),
        progress,
    }
}

/// Loads a few people (for the chips' labels and years) through the same engine, with the
/// crawl `wikikin_view::question::lookup_config` makes.
pub async fn lookup(
    config: CrawlConfig,
    store: Store,
    endpoint: &str,
    cap: usize,
    cancel: CancelHandle,
) -> Finished {
    run_crawl(config, store, endpoint, cap, 20_000, cancel, |_| {}).await
}

//! The signals the page's parts share, and the two things the page starts: a crawl that answers
//! the question, and the look-up of the chips' labels. Both run the core's crawl through
//! [`driver`](crate::driver) on the page's [`SharedStore`]; what to show is computed by
//! `wikikin-view`.

use crate::driver::{self, CancelHandle, Finished};
use crate::store::SharedStore;
use crate::{api, reveal};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use wikikin_core::{Progress, Qid};
use wikikin_view::chips::{unlabelled, ChipInfo};
use wikikin_view::question::lookup_config;
use wikikin_view::{Answer, Ask, Live};

/// State that lives as long as the page and is not reactive: the entities fetched so far (not
/// fetched again), the handles that cancel the running crawl and the look-ups in progress (by
/// key), and which question is the latest.
#[derive(Default)]
struct PageState {
    store: SharedStore,
    cancel: Option<CancelHandle>,
    lookups: HashMap<u64, CancelHandle>,
    next_lookup: u64,
    generation: u64,
}

/// The signals the page's parts share.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub ask: RwSignal<Ask>,
    pub messages: RwSignal<Vec<String>>,
    pub live: RwSignal<Live>,
    pub answer: RwSignal<Option<Arc<Answer>>>,
    pub chips: RwSignal<HashMap<Qid, ChipInfo>>,
    pub selected: RwSignal<Option<Qid>>,
    page: StoredValue<PageState, LocalStorage>,
}

impl Ctx {
    pub fn new(ask: Ask, messages: Vec<String>) -> Ctx {
        Ctx {
            ask: RwSignal::new(ask),
            messages: RwSignal::new(messages),
            live: RwSignal::new(Live::default()),
            answer: RwSignal::new(None),
            chips: RwSignal::new(HashMap::new()),
            selected: RwSignal::new(None),
            page: StoredValue::new_local(PageState::default()),
        }
    }

    /// The page's store (`None` once the page is gone).
    pub fn store(self) -> Option<SharedStore> {
        self.page.try_with_value(|p| p.store.clone())
    }

    /// Cancels the running crawl, if any: it ends at once and gives the store back.
    pub fn cancel(self) {
        if let Some(Some(c)) = self.page.try_update_value(|p| p.cancel.take()) {
            c.cancel();
        }
    }

    /// Cancels the running crawl and every look-up: the page is going away.
    pub fn stop(self) {
        self.cancel();
        if let Some(lookups) = self
            .page
            .try_update_value(|p| std::mem::take(&mut p.lookups))
        {
            for c in lookups.into_values() {
                c.cancel();
            }
        }
    }

    fn is_current(self, generation: u64) -> bool {
        self.page.try_with_value(|p| p.generation) == Some(generation)
    }

    /// Runs the question in the form. A crawl still running is cancelled first, and this one
    /// waits for the store it gives back. A look-up of chip labels in progress is not cancelled
    /// (its ids would be asked again): it is small, and this crawl waits for it to end.
    pub fn run(self) {
        let ask = self.ask.get_untracked();
        if let Err(why) = ask.check() {
            self.messages.set(vec![why]);
            return;
        }
        self.cancel();
        let Some(store) = self.store() else {
            return;
        };
        let cancel = CancelHandle::default();
        let generation = self
            .page
            .try_update_value(|p| {
                p.cancel = Some(cancel.clone());
                p.generation += 1;
                p.generation
            })
            .unwrap_or(0);
        let started = api::now_ms();
        self.live.set(Live::starting(started));
        self.selected.set(None);
        reveal::progress();
        let ticking = cancel.clone();
        let live = self.live;
        spawn_local(async move {
            // The elapsed-time display ticks while the crawl runs.
            // `try_*`: the page may be gone (unmounted) while this runs.
            while !ticking.is_cancelled() && live.try_with_untracked(Live::running) == Some(true) {
                live.try_update(|l| l.now_ms = api::now_ms());
                gloo_timers::future::TimeoutFuture::new(200).await;
            }
        });
        spawn_local(async move {
            let pending: Rc<Cell<Option<Progress>>> = Rc::default();
            let on_progress = move |p: &Progress| {
                // At most one page update per frame: the figures change after every answer,
                // and re-rendering for each would delay the requests they release.
                let first = pending.replace(Some(*p)).is_none();
                if first {
                    let pending = pending.clone();
                    request_animation_frame(move || {
                        if let Some(p) = pending.take().filter(|_| self.is_current(generation)) {
                            live.try_update(|l| l.advance(p, api::now_ms()));
                        }
                    });
                }
            };
            let config = ask.crawl_config();
            let (outcome, result, progress) = store
                .lend(|store| async {
                    let Finished {
                        outcome,
                        result,
                        store,
                        progress,
                    } = driver::run_crawl(
                        config,
                        store,
                        &ask.endpoint,
                        ask.cap,
                        ask.timeout_ms(),
                        cancel,
                        on_progress,
                    )
                    .await;
                    (store, (outcome, result, progress))
                })
                .await;
            if !self.is_current(generation) {
                return; // a newer question replaced this one, or the page is gone
            }
            let elapsed = api::now_ms() - started;
            let answer = Answer::build(ask, outcome.clone(), result, progress, elapsed);
            self.chips.update(|chips| {
                for p in answer.persons.values() {
                    chips.insert(p.id, ChipInfo::of_person(p));
                }
            });
            self.answer.set(Some(Arc::new(answer)));
            self.live.update(|l| {
                l.finish(
                    &outcome.kind(),
                    progress,
                    started + elapsed,
                    &outcome.to_string(),
                )
            });
            self.page.try_update_value(|p| p.cancel = None);
        });
    }

    /// Fetches labels for chips that have none (not while a crawl runs: the cap is for both).
    pub fn look_up_chips(self) {
        let ask = self.ask.get_untracked();
        if self.live.with_untracked(Live::running) {
            return;
        }
        let wanted = self.chips.with_untracked(|c| unlabelled(&ask, c));
        if wanted.is_empty() {
            return;
        }
        let Some(store) = self.store() else {
            return;
        };
        let cancel = CancelHandle::default();
        let Some(key) = self.page.try_update_value(|p| {
            p.next_lookup += 1;
            p.lookups.insert(p.next_lookup, cancel.clone());
            p.next_lookup
        }) else {
            return;
        };
        // Look-ups take the store in turn: one asked while another runs finds what that one
        // fetched in the store, and asks only for the rest.
        spawn_local(async move {
            let config = lookup_config(wanted, &ask.lang);
            let finished = store
                .lend(|store| async {
                    let f = driver::lookup(config, store, &ask.endpoint, ask.cap, cancel).await;
                    (f.store, f.result)
                })
                .await;
            self.page.try_update_value(|p| p.lookups.remove(&key));
            self.chips.try_update(|chips| {
                for p in &finished.persons {
                    chips.insert(p.id, ChipInfo::of_person(p));
                }
            });
        });
    }
}

/// The shared signals (panics only if a component is used outside `Page`, a programming error).
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

//! The signals the page's parts share, and the two things the page starts: a crawl that answers
//! the question, and the look-up of the chips' labels. Both run the core's crawl through
//! [`driver`](crate::driver) on the page's [`SharedStore`]; what to show is computed by
//! `wikikin-view`.

use crate::driver::{self, CancelHandle, Finished};
use crate::store::SharedStore;
use crate::{api, history, reveal};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use wikikin_core::{Progress, Qid};
use wikikin_view::chart::Selection;
use wikikin_view::chips::{infos_from, problems, unlabelled, ChipInfo};
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
    /// The answers given on this page, by question (its query string), with their final
    /// figures: Back and Forward show them again without fetching.
    answers: HashMap<String, (Arc<Answer>, Live)>,
    /// The question of the history entry shown, once it was asked.
    asked: Option<String>,
    /// The page's default language (left out of the URL).
    lang_default: String,
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
    /// The relationship or connection the chart shows (and the tree highlights).
    pub selection: RwSignal<Option<Selection>>,
    /// Whether the chart or the whole tree is shown.
    pub tab: RwSignal<Tab>,
    /// Whether the form is unfolded (on a narrow screen it folds away once a question is asked).
    pub form_open: RwSignal<bool>,
    /// Why the question in the form cannot be answered as it stands (a person who does not
    /// exist, …): the headline then, in place of an answer.
    pub notice: RwSignal<Option<String>>,
    page: StoredValue<PageState, LocalStorage>,
}

/// What the drawing area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The chart of the selected relationship.
    Chart,
    /// The whole genealogy drawn.
    Tree,
}

/// How a question comes to be asked, for the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    /// By the user (the button, Enter, a classic question, a link in the answer): a new
    /// history entry.
    New,
    /// By the URL (opening a shared link, Back or Forward): the entry is already there.
    FromUrl,
}

impl Ctx {
    pub fn new(ask: Ask, messages: Vec<String>, lang_default: &str) -> Ctx {
        Ctx {
            ask: RwSignal::new(ask),
            messages: RwSignal::new(messages),
            live: RwSignal::new(Live::default()),
            answer: RwSignal::new(None),
            chips: RwSignal::new(HashMap::new()),
            selected: RwSignal::new(None),
            selection: RwSignal::new(None),
            tab: RwSignal::new(Tab::Chart),
            form_open: RwSignal::new(true),
            notice: RwSignal::new(None),
            page: StoredValue::new_local(PageState {
                lang_default: lang_default.to_string(),
                ..PageState::default()
            }),
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
        self.ask_question(Asked::New);
    }

    /// The question's key: its query string (as the URL shows it).
    pub fn query_of(self, ask: &Ask) -> String {
        let lang = self
            .page
            .try_with_value(|p| p.lang_default.clone())
            .unwrap_or_default();
        ask.to_query(&lang)
    }

    /// Shows the answer given earlier to the question in the form, if there is one (Back and
    /// Forward): `true` when it was shown, nothing fetched.
    pub fn restore(self) -> bool {
        let key = self.ask.with_untracked(|a| self.query_of(a));
        let Some(Some((answer, live))) = self.page.try_with_value(|p| p.answers.get(&key).cloned())
        else {
            return false;
        };
        self.cancel();
        self.page.try_update_value(|p| {
            p.generation += 1;
            p.asked = Some(key);
        });
        self.show(answer, live);
        true
    }

    fn show(self, answer: Arc<Answer>, live: Live) {
        self.selected.set(None);
        self.selection.set(Selection::initial(&answer));
        history::title(&answer);
        self.answer.set(Some(answer));
        self.live.set(live);
    }

    /// Asks the question in the form: a new history entry when the user asked it.
    pub fn ask_question(self, how: Asked) {
        let mut ask = self.ask.get_untracked();
        if let Err(why) = ask.check() {
            self.messages.set(vec![why]);
            return;
        }
        // People known not to be relatable are said at their chips; the others are still
        // related when there are enough of them, else nothing is crawled.
        let bad = self.chips.with_untracked(|c| problems(&ask, c));
        self.notice.set(None);
        if !bad.is_empty() {
            let mut fewer = ask.clone();
            fewer.people.retain(|q| !bad.iter().any(|(b, _)| b == q));
            fewer.roots.retain(|q| !bad.iter().any(|(b, _)| b == q));
            if fewer.check().is_err()
                || fewer.roots.len() < ask.roots.len() && fewer.all_descendants()
            {
                self.cancel();
                self.answer.set(None);
                self.live.set(Live::default());
                let words: Vec<String> = bad.into_iter().map(|(_, why)| why).collect();
                self.notice.set(Some(words.join(" ")));
                return;
            }
            ask = fewer;
        }
        let key = self.query_of(&ask);
        self.form_open.set(false);
        if how == Asked::New {
            let before = self.page.try_with_value(|p| p.asked.clone()).flatten();
            history::push(before.as_deref(), &key);
        }
        self.page.try_update_value(|p| p.asked = Some(key.clone()));
        history::title_asking(&ask);
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
        self.selection.set(None);
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
            let persons: Vec<wikikin_core::Person> = answer.persons.values().cloned().collect();
            let infos = infos_from(
                &persons,
                &answer.missing,
                &answer.redirected,
                &answer.ask.source_name(),
                answer.ask.props.human,
            );
            self.chips.update(|chips| chips.extend(infos));
            let answer = Arc::new(answer);
            let mut live = self.live.get_untracked();
            live.finish(
                &outcome.kind(),
                progress,
                started + elapsed,
                &outcome.to_string(),
            );
            self.page.try_update_value(|p| {
                p.cancel = None;
                // A cancelled question is asked again, not shown again.
                if outcome.kind() != wikikin_core::OutcomeKind::Cancelled {
                    p.answers.insert(key, (answer.clone(), live.clone()));
                }
            });
            self.show(answer, live);
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
            let infos = infos_from(
                &finished.persons,
                &finished.missing,
                &finished.redirected,
                &ask.source_name(),
                ask.props.human,
            );
            self.chips.try_update(|chips| chips.extend(infos));
        });
    }
}

/// The shared signals (panics only if a component is used outside `Page`, a programming error).
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

//! wikikin — how are these people related? A thin Leptos shell over the pure core crates
//! (`wikikin-core` crawls and parses, `wikikin-kinship` names and lays out): it wires signals to
//! the core, runs its requests in the browser and draws the result.

pub mod answer;
pub mod api;
pub mod bench_api;
pub mod draw;
pub mod driver;
pub mod export;
pub mod question;
mod tree_view;
mod warm;
mod widgets;

use answer::Answer;
use driver::{CancelHandle, Finished};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;
use question::{from_query, lang_from_browser, Ask};
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use wikikin_core::{CrawlConfig, OutcomeKind, Progress, Qid, Store};

pub use tree_view::TreeView;
pub use widgets::{PeopleField, ProgressPanel, Relationships};

/// The page's crawl state, as `data-state` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    Idle,
    Running,
    Done,
    Failed,
    Cancelled,
}

impl RunState {
    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Idle => "idle",
            RunState::Running => "running",
            RunState::Done => "done",
            RunState::Failed => "failed",
            RunState::Cancelled => "cancelled",
        }
    }
}

/// What the progress panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Live {
    pub state: RunState,
    pub progress: Progress,
    pub started_ms: f64,
    pub now_ms: f64,
    pub message: String,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            state: RunState::Idle,
            progress: Progress::default(),
            started_ms: 0.0,
            now_ms: 0.0,
            message: String::new(),
        }
    }
}

/// A chip's words: label and years (or description).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChipInfo {
    pub label: String,
    pub detail: String,
}

/// State that lives as long as the page and is not reactive: the entities fetched so far (not
/// fetched again) and the handle that cancels the running crawl.
#[derive(Default)]
struct PageState {
    store: Option<Store>,
    busy: bool,
    cancel: Option<CancelHandle>,
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
    fn new(ask: Ask, messages: Vec<String>) -> Ctx {
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

    /// Waits until no other crawl holds the page's store, then takes it.
    async fn take_store(self) -> Store {
        for _ in 0..200 {
            let taken = self.page.try_update_value(|p| {
                if p.busy {
                    None
                } else {
                    p.busy = true;
                    Some(p.store.take().unwrap_or_default())
                }
            });
            match taken {
                Some(Some(store)) => return store,
                Some(None) => gloo_timers::future::TimeoutFuture::new(15).await,
                None => return Store::new(),
            }
        }
        Store::new()
    }

    fn give_back_store(self, store: Store) {
        self.page.try_update_value(|p| {
            p.store = Some(store);
            p.busy = false;
        });
    }

    /// Cancels the running crawl, if any.
    pub fn cancel(self) {
        if let Some(Some(c)) = self.page.try_update_value(|p| p.cancel.take()) {
            c.cancel();
        }
    }

    /// Runs the question in the form.
    pub fn run(self) {
        let ask = self.ask.get_untracked();
        if let Err(why) = ask.check() {
            self.messages.set(vec![why]);
            return;
        }
        self.cancel();
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
        self.live.set(Live {
            state: RunState::Running,
            started_ms: started,
            now_ms: started,
            message: "Starting…".into(),
            ..Live::default()
        });
        self.selected.set(None);
        reveal_progress();
        let ticking = cancel.clone();
        let live = self.live;
        spawn_local(async move {
            // The elapsed-time display ticks while the crawl runs.
            // `try_*`: the page may be gone (unmounted) while this runs.
            while !ticking.is_cancelled()
                && live.try_with_untracked(|l| l.state == RunState::Running) == Some(true)
            {
                live.try_update(|l| l.now_ms = api::now_ms());
                gloo_timers::future::TimeoutFuture::new(200).await;
            }
        });
        spawn_local(async move {
            let store = self.take_store().await;
            let mut config = if ask.explores() {
                CrawlConfig::explore(ask.roots.clone(), ask.people.clone())
            } else {
                CrawlConfig::relate(ask.people.clone())
            };
            config.fetch = ask.fetch;
            config.languages = vec![ask.lang.clone()];
            let live = self.live;
            let page = self.page;
            let pending: Rc<Cell<Option<Progress>>> = Rc::default();
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
                ask.timeout_s.saturating_mul(1000),
                cancel,
                move |p| {
                    // At most one page update per frame: the figures change after every
                    // answer, and re-rendering for each would delay the requests they release.
                    let first = pending.replace(Some(*p)).is_none();
                    if first {
                        let pending = pending.clone();
                        request_animation_frame(move || {
                            let current =
                                page.try_with_value(|pg| pg.generation) == Some(generation);
                            if let Some(p) = pending.take().filter(|_| current) {
                                live.try_update(|l| {
                                    if l.state == RunState::Running {
                                        l.progress = p;
                                        l.now_ms = api::now_ms();
                                        l.message = format!("Crawling generation {}…", p.level);
                                    }
                                });
                            }
                        });
                    }
                },
            )
            .await;
            self.give_back_store(store);
            let current = self.page.try_with_value(|p| p.generation) == Some(generation);
            if !current {
                return; // a newer question replaced this one, or the page is gone
            }
            let elapsed = api::now_ms() - started;
            let state = match outcome.kind {
                OutcomeKind::Done | OutcomeKind::LimitReached(_) => RunState::Done,
                OutcomeKind::Failed => RunState::Failed,
                OutcomeKind::Cancelled => RunState::Cancelled,
            };
            let answer = Answer::build(ask, outcome.clone(), result, progress, elapsed);
            self.chips.update(|chips| {
                for p in answer.persons.values() {
                    chips.insert(
                        p.id,
                        ChipInfo {
                            label: p.name(),
                            detail: p.years(),
                        },
                    );
                }
            });
            self.answer.set(Some(Arc::new(answer)));
            self.live.update(|l| {
                l.state = state;
                l.progress = progress;
                l.now_ms = started + elapsed;
                l.message = outcome.message.clone();
            });
            self.page.update_value(|p| p.cancel = None);
        });
    }

    /// Fetches labels for chips that have none (not while a crawl runs: the cap is for both).
    pub fn look_up_chips(self) {
        let ask = self.ask.get_untracked();
        if self.live.with_untracked(|l| l.state == RunState::Running) {
            return;
        }
        let wanted: Vec<Qid> = self.chips.with_untracked(|c| {
            ask.people
                .iter()
                .chain(&ask.roots)
                .filter(|q| !c.contains_key(q))
                .copied()
                .collect()
        });
        if wanted.is_empty() {
            return;
        }
        spawn_local(async move {
            let store = self.take_store().await;
            let finished = driver::lookup(
                wanted,
                store,
                &ask.endpoint,
                &ask.lang,
                ask.cap,
                CancelHandle::default(),
            )
            .await;
            self.chips.try_update(|chips| {
                for p in &finished.result.persons {
                    chips.insert(
                        p.id,
                        ChipInfo {
                            label: p.name(),
                            detail: p.years(),
                        },
                    );
                }
            });
            self.give_back_store(finished.store);
        });
    }
}

/// The classic questions, one click each.
pub const PRESETS: &[(&str, &[&str], &[&str])] = &[
    ("Elizabeth II & Prince Philip", &["Q9682", "Q80976"], &[]),
    (
        "Elizabeth II & Philip, down from Victoria and Christian IX",
        &["Q9682", "Q80976"],
        &["Q9439", "Q151305"],
    ),
    (
        "Christian IX to Nicholas II and Felipe VI",
        &["Q40787", "Q191045"],
        &["Q151305"],
    ),
];

/// The whole page, inside a router so the question can live in the URL.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Page/>
        </Router>
    }
}

/// The page: reads the question from the URL, keeps the URL in step with the form, runs a
/// complete question on load.
#[component]
pub fn Page() -> impl IntoView {
    let query = use_query_map();
    let browser_lang = lang_from_browser(web_sys::window().and_then(|w| w.navigator().language()));
    let from_url = query.with_untracked(|q| from_query(|k| q.get(k), &browser_lang));
    let ctx = Ctx::new(from_url.ask.clone(), from_url.messages.clone());
    provide_context(ctx);
    bench_api::register(ctx);
    warm::when_idle();

    // The form is the URL: every change replaces the query (no history entry).
    let lang_default = browser_lang.clone();
    Effect::new(move |_| {
        let q = ctx.ask.with(|a| a.to_query(&lang_default));
        if let Some(w) = web_sys::window() {
            let path = w.location().pathname().unwrap_or_default();
            let url = if q.is_empty() {
                path
            } else {
                format!("{path}?{q}")
            };
            if let Ok(history) = w.history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    });
    // Chips without a label get one (when idle).
    Effect::new(move |_| {
        ctx.ask
            .with(|a| (a.people.len(), a.roots.len(), a.endpoint.clone()));
        ctx.look_up_chips();
    });
    if from_url.run {
        ctx.run();
    }
    on_cleanup(move || ctx.cancel());

    let endpoint_note = move || {
        let a = ctx.ask.get();
        (!a.is_default_endpoint()).then(|| {
            view! {
                <p class="endpoint-note" data-testid="endpoint">
                    "Data from " <strong>{a.endpoint.clone()}</strong> " — not Wikidata"
                </p>
            }
        })
    };

    view! {
        <header class="top">
            <h1>"wikikin"</h1>
            <p class="tagline">"How are these people related? Live from Wikidata."</p>
            {endpoint_note}
        </header>
        <div class="layout">
            <section class="panel" aria-label="Question and answer">
                <widgets::AskForm/>
            </section>
            <section class="stage" aria-label="Answer and family tree">
                <div class="results">
                    <ProgressPanel/>
                    <widgets::AnswerPanel/>
                </div>
                <TreeView/>
            </section>
        </div>
    }
}

/// On a narrow screen the answer is below the form: bring the progress into view when a
/// question starts.
fn reveal_progress() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let narrow = w
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .is_some_and(|px| px < 760.0);
    if !narrow {
        return;
    }
    spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(50).await;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=progress]").ok().flatten())
        {
            el.scroll_into_view();
        }
    });
}

/// The shared signals (panics only if a component is used outside `Page`, a programming error).
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

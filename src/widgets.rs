//! The form, the progress panel and the answer in words.

use crate::answer::Answer;
use crate::question::{valid_lang, Ask, MAX_CAP, MAX_PEOPLE, MAX_ROOTS};
use crate::{api, use_ctx, ChipInfo, RunState, PRESETS};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wikikin_core::{entity_page_url, parse_person_input, OutcomeKind, Qid, SearchHit};

/// Which list of the question a field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    People,
    Roots,
}

fn list_of(a: &Ask, which: Which) -> &Vec<Qid> {
    match which {
        Which::People => &a.people,
        Which::Roots => &a.roots,
    }
}

fn list_mut(a: &mut Ask, which: Which) -> &mut Vec<Qid> {
    match which {
        Which::People => &mut a.people,
        Which::Roots => &mut a.roots,
    }
}

/// The question: people, roots, language, presets, and the buttons.
#[component]
pub fn AskForm() -> impl IntoView {
    let ctx = use_ctx();
    let running = move || ctx.live.with(|l| l.state == RunState::Running);
    let copied = RwSignal::new(false);
    let copy_link = move |_| {
        if let Some(w) = web_sys::window() {
            let href = w.location().href().unwrap_or_default();
            let _ = w.navigator().clipboard().write_text(&href);
            copied.set(true);
        }
    };
    let preset = move |people: &'static [&'static str], roots: &'static [&'static str]| {
        move |_| {
            ctx.ask.update(|a| {
                a.people = people.iter().filter_map(|s| s.parse().ok()).collect();
                a.roots = roots.iter().filter_map(|s| s.parse().ok()).collect();
            });
            ctx.messages.set(Vec::new());
            ctx.run();
        }
    };
    view! {
        <form class="ask" aria-label="Question" on:submit=move |ev| {
            ev.prevent_default();
            ctx.messages.set(Vec::new());
            ctx.run();
        }>
            <ul class="messages" data-testid="messages" aria-live="polite">
                {move || ctx.messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
            <PeopleField which=Which::People label="People to relate" max=MAX_PEOPLE
                hint="Two or more: a Q-id (Q9682), a Wikidata link, or type a name."/>
            <PeopleField which=Which::Roots label="Roots (optional)" max=MAX_ROOTS
                hint="Ancestors to explore down from, breadth-first, until the people are reached."/>
            <fieldset>
                <legend>"Options"</legend>
                <div class="row">
                    <label for="lang">"Label language"</label>
                    <input id="lang" size="6" maxlength="20"
                        prop:value=move || ctx.ask.with(|a| a.lang.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().to_ascii_lowercase();
                            if valid_lang(&v) {
                                ctx.ask.update(|a| a.lang = v);
                            } else {
                                ctx.messages.set(vec![format!("“{}” is not a language code like en or de.", v.chars().take(20).collect::<String>())]);
                            }
                        }/>
                    <label for="cap">"Requests at once"</label>
                    <input id="cap" type="number" min="1" max=MAX_CAP.to_string()
                        prop:value=move || ctx.ask.with(|a| a.cap.to_string())
                        on:change=move |ev| {
                            if let Ok(c) = event_target_value(&ev).parse::<usize>() {
                                ctx.ask.update(|a| a.cap = c.clamp(1, MAX_CAP));
                            }
                        }/>
                </div>
            </fieldset>
            <div class="actions">
                <button type="submit" class="btn primary" data-testid="run" disabled=running>"Find the relationship"</button>
                <button type="button" class="btn" data-testid="cancel" disabled=move || !running()
                    on:click=move |_| ctx.cancel()>"Cancel"</button>
                <button type="button" class="btn" data-testid="copy-link" on:click=copy_link>
                    {move || if copied.get() { "Link copied" } else { "Copy link" }}
                </button>
            </div>
            <fieldset>
                <legend>"Classic questions"</legend>
                <div class="presets">
                    {PRESETS.iter().enumerate().map(|(i, (title, people, roots))| view! {
                        <button type="button" class="btn" data-testid=format!("preset-{i}")
                            on:click=preset(people, roots)>{*title}</button>
                    }).collect_view()}
                </div>
            </fieldset>
        </form>
    }
}

/// A list of people as chips, with an input that takes a Q-id, a link or a name (search as you
/// type).
#[component]
pub fn PeopleField(
    which: Which,
    label: &'static str,
    hint: &'static str,
    max: usize,
) -> impl IntoView {
    let ctx = use_ctx();
    let id = match which {
        Which::People => "people",
        Which::Roots => "roots",
    };
    let text = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let search_abort: StoredValue<Option<web_sys::AbortController>, LocalStorage> =
        StoredValue::new_local(None);
    let add = move |q: Qid, info: Option<ChipInfo>| {
        if let Some(info) = info {
            ctx.chips.update(|c| {
                c.entry(q).or_insert(info);
            });
        }
        let mut full = false;
        ctx.ask.update(|a| {
            let list = list_mut(a, which);
            if list.contains(&q) {
            } else if list.len() >= max {
                full = true;
            } else {
                list.push(q);
            }
        });
        if full {
            ctx.messages.set(vec![format!("At most {max} here.")]);
        }
        text.set(String::new());
        query.set(String::new());
        open.set(false);
    };
    // Search: only names (not ids), debounced, not while crawling (the politeness cap), and the
    // previous search aborted.
    let results = LocalResource::new(move || {
        let q = query.get();
        let (endpoint, lang) = ctx
            .ask
            .with_untracked(|a| (a.endpoint.clone(), a.lang.clone()));
        async move {
            if q.chars().count() < 2 {
                return Ok(Vec::<SearchHit>::new());
            }
            let abort = web_sys::AbortController::new().map_err(|_| "cannot search".to_string())?;
            search_abort.update_value(|old| {
                if let Some(old) = old.replace(abort.clone()) {
                    old.abort();
                }
            });
            api::search(&endpoint, &q, &lang, &abort).await
        }
    });
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        text.set(v.clone());
        let looks_like_id = parse_person_input(&v).is_ok();
        if looks_like_id || v.trim().chars().count() < 2 {
            open.set(false);
            return;
        }
        spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(250).await;
            let still = text.with_untracked(|t| *t == v);
            let crawling = ctx.live.with_untracked(|l| l.state == RunState::Running);
            if still && !crawling {
                query.set(v.trim().to_string());
                open.set(true);
            }
        });
    };
    let commit = move || {
        let v = text.get_untracked();
        if v.trim().is_empty() {
            return;
        }
        match parse_person_input(&v) {
            Ok(q) => add(q, None),
            Err(why) => {
                // A name: take the first search hit if there is one.
                let first = results
                    .get_untracked()
                    .and_then(|r| r.ok())
                    .and_then(|hits| hits.into_iter().next());
                match first {
                    Some(hit) => add(
                        hit.id,
                        Some(ChipInfo {
                            label: hit.label.clone(),
                            detail: hit.description.clone().unwrap_or_default(),
                        }),
                    ),
                    None => ctx.messages.set(vec![why]),
                }
            }
        }
    };
    let list_id: &'static str = match which {
        Which::People => "people-suggestions",
        Which::Roots => "roots-suggestions",
    };
    view! {
        <fieldset data-testid=format!("field-{id}")>
            <legend>{label}</legend>
            <p class="hint" id=format!("{id}-hint")>{hint}</p>
            <div class="chips" role="list" aria-label=label>
                {move || {
                    let ids = ctx.ask.with(|a| list_of(a, which).clone());
                    ids.into_iter().map(|q| {
                        let info = ctx.chips.with(|c| c.get(&q).cloned());
                        let (name, detail) = match info {
                            Some(i) => (i.label, i.detail),
                            None => (q.to_string(), String::new()),
                        };
                        let remove_label = format!("Remove {name}");
                        let tooltip = format!("{name} ({q}) {detail}");
                        view! {
                            <span class="chip" role="listitem" data-testid="chip" data-qid=q.to_string() title=tooltip>
                                <span class="chip-text">{name}</span>
                                <span class="chip-years">{detail}</span>
                                <button type="button" aria-label=remove_label on:click=move |_| {
                                    ctx.ask.update(|a| list_mut(a, which).retain(|x| *x != q));
                                }>"×"</button>
                            </span>
                        }
                    }).collect_view()
                }}
            </div>
            <div class="adder">
                <label class="sr-only" for=format!("{id}-input")>{format!("Add to {label}")}</label>
                <input id=format!("{id}-input") data-testid=format!("{id}-input") autocomplete="off"
                    placeholder="Q-id, link or name" aria-describedby=format!("{id}-hint")
                    aria-controls=list_id
                    prop:value=move || text.get()
                    on:input=on_input
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            commit();
                        } else if ev.key() == "Escape" {
                            open.set(false);
                        }
                    }/>
                <button type="button" class="btn" on:click=move |_| commit()>"Add"</button>
                <Show when=move || open.get()>
                    <Transition fallback=|| view! { <ul class="suggestions"><li>"Searching…"</li></ul> }>
                        <ul class="suggestions" id=list_id role="listbox">
                            {move || match results.get() {
                                None => view! { <li>"Searching…"</li> }.into_any(),
                                Some(Err(why)) => view! { <li>{why}</li> }.into_any(),
                                Some(Ok(hits)) if hits.is_empty() => view! { <li>"No match."</li> }.into_any(),
                                Some(Ok(hits)) => hits.into_iter().map(|hit| {
                                    let info = ChipInfo {
                                        label: hit.label.clone(),
                                        detail: hit.description.clone().unwrap_or_default(),
                                    };
                                    view! {
                                        <li role="option">
                                            <button type="button" on:click=move |_| add(hit.id, Some(info.clone()))>
                                                {hit.label.clone()} " (" {hit.id.to_string()} ")"
                                                <span class="desc">{hit.description.clone().unwrap_or_default()}</span>
                                            </button>
                                        </li>
                                    }
                                }).collect_view().into_any(),
                            }}
                        </ul>
                    </Transition>
                </Show>
            </div>
        </fieldset>
    }
}

fn bytes_text(b: u64) -> String {
    if b >= 1_000_000 {
        format!("{:.1} MB", b as f64 / 1e6)
    } else {
        format!("{:.0} kB", b as f64 / 1e3)
    }
}

/// Live progress: state, a bar, the figures and elapsed time.
#[component]
pub fn ProgressPanel() -> impl IntoView {
    let ctx = use_ctx();
    let live = ctx.live;
    let fig = move |name: &'static str, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! { <div><dt>{name}</dt><dd>{value}</dd></div> }
    };
    view! {
        <section class="progress" data-testid="progress" aria-live="polite"
            data-state=move || live.with(|l| l.state.as_str())
            data-chain=move || live.with(|l| l.progress.chain.to_string())
            data-bytes=move || live.with(|l| l.progress.bytes.to_string())
            data-requests=move || live.with(|l| l.progress.requests.to_string())
            data-fetched=move || live.with(|l| l.progress.fetched.to_string())
            data-elapsed-ms=move || live.with(|l| format!("{:.0}", (l.now_ms - l.started_ms).max(0.0)))>
            <p class="status" data-testid="status">{move || live.with(|l| l.message.clone())}</p>
            <progress aria-label="Crawl progress"
                max=move || live.with(|l| (l.progress.fetched + l.progress.in_flight + l.progress.queued).max(1).to_string())
                value=move || live.with(|l| l.progress.fetched.to_string())/>
            <dl class="figures">
                {fig("Generation", Box::new(move || live.with(|l| l.progress.level.to_string())))}
                {fig("Known", Box::new(move || live.with(|l| l.progress.known.to_string())))}
                {fig("Fetched", Box::new(move || live.with(|l| l.progress.fetched.to_string())))}
                {fig("In flight", Box::new(move || live.with(|l| l.progress.in_flight.to_string())))}
                {fig("Failed", Box::new(move || live.with(|l| l.progress.failed.to_string())))}
                {fig("Retries", Box::new(move || live.with(|l| l.progress.retries.to_string())))}
                {fig("Requests", Box::new(move || live.with(|l| l.progress.requests.to_string())))}
                {fig("Received", Box::new(move || live.with(|l| bytes_text(l.progress.bytes))))}
                {fig("Elapsed", Box::new(move || live.with(|l| format!("{:.1} s", ((l.now_ms - l.started_ms) / 1000.0).max(0.0)))))}
            </dl>
        </section>
    }
}

/// The answer: relationships in words, direct lines, explore levels, failures and data problems.
#[component]
pub fn AnswerPanel() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.answer.get().map(|a| {
            view! {
                <section class="answer" data-testid="answer">
                    <Relationships answer=a.clone()/>
                    <Explored answer=a.clone()/>
                    <Troubles answer=a/>
                </section>
            }
        })
    }
}

fn person_link(a: &Answer, q: Qid) -> impl IntoView {
    view! {
        <a href=entity_page_url(&a.ask.endpoint, q) target="_blank" rel="noopener noreferrer"
            data-qid=q.to_string()>{a.name(q)}</a>
    }
}

/// One line per relationship, with its data attributes for tests and its colour in the tree.
#[component]
pub fn Relationships(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    let empty = a.lines.is_empty() && a.direct.is_empty();
    let none_text = match a.outcome.kind {
        OutcomeKind::Cancelled => "Cancelled before a common ancestor was found.",
        OutcomeKind::Failed => "No answer: the crawl failed (see above).",
        _ if a.ask.explores() && a.reached.iter().any(|(_, d)| d.is_none()) => {
            "Not every person was reached from the roots within the limits."
        }
        _ if a.people.len() < 2 => "Add a second person to name a relationship.",
        _ => "No common ancestor was found within the limits.",
    };
    view! {
        <h2>"Relationships"</h2>
        {empty.then(|| view! { <p data-testid="no-relationship">{none_text}</p> })}
        <ul class="relationships">
            {a.direct.iter().map(|d| view! { <li class="relationship" data-testid="direct">{d.clone()}</li> }).collect_view()}
            {a.lines.iter().map(|l| {
                let r = &l.rel;
                let ancestors: Vec<String> = r.ancestors.iter().map(Qid::to_string).collect();
                let links = r.ancestors.iter().enumerate().map(|(i, q)| {
                    let sep = if i == 0 { "" } else if i + 1 == r.ancestors.len() { " & " } else { ", " };
                    view! { {sep}{person_link(&a, *q)} }
                }).collect_view();
                view! {
                    <li class=format!("relationship k{}", l.colour) data-testid="relationship"
                        data-a=r.a.to_string() data-b=r.b.to_string() data-kind=r.kind.as_str()
                        data-degree=r.degree.to_string() data-removed=r.removed.to_string()
                        data-half=r.half.to_string() data-double=r.double.to_string()
                        data-ga=r.ga.to_string() data-gb=r.gb.to_string()
                        data-ancestors=ancestors.join(",")>
                        <span class="words">{l.words.clone()}</span>
                        {(!r.ancestors.is_empty()).then(|| view! { " — through " {links} })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Explore mode: who was reached at which degree, and the counts per level.
#[component]
fn Explored(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    (a.ask.explores()).then(|| {
        view! {
            <h2>"Reached from the roots"</h2>
            <ul data-testid="reached">
                {a.reached.iter().map(|(q, d)| {
                    let text = match d {
                        Some(d) => format!(" reached at degree {d}"),
                        None => " not reached".to_string(),
                    };
                    view! { <li data-qid=q.to_string() data-degree=d.map(|d| d.to_string()).unwrap_or_default()>
                        {person_link(&a, *q)}{text}</li> }
                }).collect_view()}
            </ul>
            <table class="levels" data-testid="levels">
                <thead><tr><th>"Degree"</th><th>"People known"</th><th>"Loaded"</th></tr></thead>
                <tbody>
                    {a.levels.iter().map(|l| view! {
                        <tr><td>{l.level}</td><td>{l.known}</td><td>{l.loaded}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

/// What could not be fetched, and problems found in the data.
#[component]
fn Troubles(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    let failures = (!a.failures.is_empty()).then(|| {
        view! {
            <h2>"Could not load"</h2>
            <ul class="failures" data-testid="failures">
                {a.failures.iter().map(|f| view! {
                    <li data-qid=f.id.to_string()>{person_link(&a, f.id)} ": " {f.message.clone()}</li>
                }).collect_view()}
            </ul>
        }
    });
    let missing = (!a.missing.is_empty()).then(|| {
        let list: Vec<String> = a.missing.iter().map(Qid::to_string).collect();
        view! { <p data-testid="missing">"Not on the server (deleted or never existed): " {list.join(", ")}</p> }
    });
    let redirected = (!a.redirected.is_empty()).then(|| {
        let list: Vec<String> = a
            .redirected
            .iter()
            .map(|(f, t)| format!("{f} → {t}"))
            .collect();
        view! { <p data-testid="redirected">"Merged items followed: " {list.join(", ")}</p> }
    });
    let problems = (!a.problems.is_empty()).then(|| {
        view! {
            <h2>"Problems in the data"</h2>
            <ul class="problems" data-testid="problems">
                {a.problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    view! { {failures}{missing}{redirected}{problems} }
}

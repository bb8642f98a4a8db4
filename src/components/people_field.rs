//! A list of people as chips, with an input that takes a Q-id, a link or a name (search as you
//! type).

use crate::{api, use_ctx};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wikikin_core::{parse_person_input, Qid, SearchHit};
use wikikin_view::chips::{Chip, ChipInfo};
use wikikin_view::question::Which;
use wikikin_view::search::{search_text, SEARCH_DEBOUNCE_MS};
use wikikin_view::Live;

/// The people (or the roots) of the question.
#[component]
pub fn PeopleField(which: Which, label: &'static str, hint: &'static str) -> impl IntoView {
    let ctx = use_ctx();
    let id = which.id();
    let text = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    // The search in flight: aborted when a newer one starts and when the field goes away.
    let in_flight: StoredValue<Option<web_sys::AbortController>, LocalStorage> =
        StoredValue::new_local(None);
    let abort_search = move || {
        if let Some(Some(c)) = in_flight.try_update_value(Option::take) {
            c.abort();
        }
    };
    on_cleanup(abort_search);
    let add = move |q: Qid, info: Option<ChipInfo>| {
        if let Some(info) = info {
            ctx.chips.update(|c| {
                c.entry(q).or_insert(info);
            });
        }
        let mut refused = None;
        ctx.ask.update(|a| refused = a.add(which, q).err());
        if let Some(why) = refused {
            ctx.messages.set(vec![why]);
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
        abort_search();
        async move {
            if q.chars().count() < 2 {
                return Ok(Vec::<SearchHit>::new());
            }
            let abort = web_sys::AbortController::new().map_err(|_| "cannot search".to_string())?;
            in_flight.try_update_value(|c| *c = Some(abort.clone()));
            api::search(&endpoint, &q, &lang, &abort).await
        }
    });
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        text.set(v.clone());
        let Some(name) = search_text(&v) else {
            open.set(false);
            return;
        };
        spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(SEARCH_DEBOUNCE_MS).await;
            let still = text.try_with_untracked(|t| *t == v) == Some(true);
            let crawling = ctx.live.try_with_untracked(Live::running) != Some(false);
            if still && !crawling {
                query.set(name);
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
                    Some(hit) => add(hit.id, Some(ChipInfo::of_hit(&hit))),
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
                    let ids = ctx.ask.with(|a| a.list(which).to_vec());
                    ids.into_iter().map(|q| {
                        let chip = ctx.chips.with(|c| Chip::new(q, c.get(&q)));
                        let bad = chip.problem.is_some();
                        view! {
                            <span class="chip" class:bad=bad role="listitem" data-testid="chip" data-qid=q.to_string() title=chip.tooltip>
                                <span class="chip-text">{chip.name}</span>
                                <span class="chip-years">{chip.detail}</span>
                                {chip.problem.map(|p| view! { <span class="chip-problem" data-testid="chip-problem" role="alert">{p}</span> })}
                                <button type="button" aria-label=chip.remove_label on:click=move |_| {
                                    ctx.ask.update(|a| a.remove(which, q));
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
                    aria-controls=move || open.get().then_some(list_id)
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
                        <ul class="suggestions" id=list_id aria-label="Suggestions" aria-live="polite">
                            {move || match results.get() {
                                None => view! { <li>"Searching…"</li> }.into_any(),
                                Some(Err(why)) => view! { <li>{why}</li> }.into_any(),
                                Some(Ok(hits)) if hits.is_empty() => view! { <li>"No match."</li> }.into_any(),
                                Some(Ok(hits)) => hits.into_iter().map(|hit| {
                                    let info = ChipInfo::of_hit(&hit);
                                    view! {
                                        <li>
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

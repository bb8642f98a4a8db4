//! The question: people, roots, language, presets, and the buttons.

use crate::components::PeopleField;
use crate::use_ctx;
use leptos::prelude::*;
use wikikin_view::question::{read_cap, read_lang, Preset, Which, MAX_CAP, PRESETS};
use wikikin_view::Live;

/// The form; submitting it runs the question.
#[component]
pub fn AskForm() -> impl IntoView {
    let ctx = use_ctx();
    let running = move || ctx.live.with(Live::running);
    let copied = RwSignal::new(false);
    let copy_link = move |_| {
        if let Some(w) = web_sys::window() {
            let href = w.location().href().unwrap_or_default();
            let _ = w.navigator().clipboard().write_text(&href);
            copied.set(true);
        }
    };
    let preset = move |p: &'static Preset| {
        move |_| {
            ctx.ask.update(|a| a.apply(p));
            ctx.messages.set(Vec::new());
            ctx.run();
        }
    };
    view! {
        <form class="ask" id="ask-form" aria-label="Question" on:submit=move |ev| {
            ev.prevent_default();
            ctx.messages.set(Vec::new());
            ctx.run();
        }>
            <ul class="messages" data-testid="messages" aria-live="polite">
                {move || ctx.messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
            <PeopleField which=Which::People label="People to relate"
                hint="Two or more: a Q-id (Q9682), a Wikidata link, or type a name."/>
            <PeopleField which=Which::Roots label="Roots (optional)"
                hint="Ancestors to explore down from, breadth-first, until the people are reached."/>
            <fieldset>
                <legend>"Options"</legend>
                <div class="row">
                    <label>
                        <input type="checkbox" data-testid="descendants"
                            prop:checked=move || ctx.ask.with(|a| a.descendants)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ctx.ask.update(|a| a.descendants = on);
                            }/>
                        " Draw every descendant of the roots"
                    </label>
                </div>
                <div class="row">
                    <label for="lang">"Label language"</label>
                    <input id="lang" size="6" maxlength="20"
                        prop:value=move || ctx.ask.with(|a| a.lang.clone())
                        on:change=move |ev| match read_lang(&event_target_value(&ev)) {
                            Ok(lang) => ctx.ask.update(|a| a.lang = lang),
                            Err(why) => ctx.messages.set(vec![why]),
                        }/>
                    <label for="cap">"Requests at once"</label>
                    <input id="cap" type="number" min="1" max=MAX_CAP.to_string()
                        prop:value=move || ctx.ask.with(|a| a.cap.to_string())
                        on:change=move |ev| {
                            if let Some(c) = read_cap(&event_target_value(&ev)) {
                                ctx.ask.update(|a| a.cap = c);
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
                    {PRESETS.iter().enumerate().map(|(i, p)| view! {
                        <button type="button" class="btn" data-testid=format!("preset-{i}")
                            on:click=preset(p)>{p.title}</button>
                    }).collect_view()}
                </div>
            </fieldset>
        </form>
    }
}

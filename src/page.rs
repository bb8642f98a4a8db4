//! The page: reads the question from the URL, keeps the URL in step with the form (editing
//! replaces the history entry, asking adds one), shows a question again on Back and Forward,
//! runs a complete question on load, and lays out the answer (first), the drawing and the form.

use crate::components::{AnswerFirst, AskForm, Drawing, EndpointNote};
use crate::ctx::{Asked, Ctx};
use crate::history;
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use wikikin_view::question::{from_query, lang_from_browser};

#[component]
pub fn Page() -> impl IntoView {
    let browser_lang = lang_from_browser(web_sys::window().and_then(|w| w.navigator().language()));
    let from_url = {
        let params = query_pairs();
        from_query(|k| first_value(&params, k), &browser_lang)
    };
    let ctx = Ctx::new(
        from_url.ask.clone(),
        from_url.messages.clone(),
        &browser_lang,
    );
    provide_context(ctx);
    #[cfg(feature = "bench")]
    crate::bench_api::register(ctx);
    crate::warm::when_idle();

    // The form is the URL: every change replaces the query (no history entry).
    Effect::new(move |_| {
        let q = ctx.ask.with(|a| ctx.query_of(a));
        history::replace(&q);
    });
    // Chips without a label get one (when idle).
    Effect::new(move |_| {
        ctx.ask
            .with(|a| (a.people.len(), a.roots.len(), a.endpoint.clone()));
        ctx.look_up_chips();
    });
    // Back and Forward: the question of that entry, and its answer again if it was given here.
    let lang = browser_lang.clone();
    let on_pop = Closure::<dyn Fn()>::new(move || {
        let params = query_pairs();
        let f = from_query(|k| first_value(&params, k), &lang);
        ctx.ask.set(f.ask);
        ctx.messages.set(f.messages);
        if !ctx.restore() && f.run {
            ctx.ask_question(Asked::FromUrl);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    }
    let on_pop = StoredValue::new_local(Some(on_pop));
    // On a narrow screen the form folds away once a question is asked, so the answer comes
    // first (a wide screen shows both side by side).
    let form_open = ctx.form_open;
    form_open.set(!from_url.run);
    if from_url.run {
        ctx.ask_question(Asked::FromUrl);
    }
    on_cleanup(move || {
        ctx.stop();
        if let (Some(w), Some(Some(f))) = (web_sys::window(), on_pop.try_update_value(Option::take))
        {
            let _ = w.remove_event_listener_with_callback("popstate", f.as_ref().unchecked_ref());
        }
    });

    view! {
        <header class="top">
            <p class="brand">"wikikin"</p>
            <p class="tagline">"How are these people related? Live from Wikidata."</p>
            <EndpointNote/>
        </header>
        <div class="layout">
            <section class="panel" aria-label="Question" class:collapsed=move || !form_open.get()>
                <button type="button" class="btn form-toggle" data-testid="form-toggle"
                    aria-expanded=move || form_open.get().to_string() aria-controls="ask-form"
                    on:click=move |_| form_open.update(|o| *o = !*o)>
                    {move || if form_open.get() { "Hide the question" } else { "Change the question" }}
                </button>
                <AskForm/>
            </section>
            <main class="stage" id="answer">
                <h1 class="sr-only">"wikikin: how are these people related?"</h1>
                <AnswerFirst/>
                <Drawing/>
            </main>
        </div>
    }
}

/// The value of the first `k` in the pairs, as `URLSearchParams.get` gives it.
fn first_value(params: &[(String, String)], k: &str) -> Option<String> {
    params
        .iter()
        .find(|(key, _)| key == k)
        .map(|(_, v)| v.clone())
}

/// The pairs of the page's query string, decoded as the browser's `URLSearchParams` does.
fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let entries = js_sys::try_iter(&params.entries()).ok().flatten();
    for pair in entries.into_iter().flatten().flatten() {
        let pair = js_sys::Array::from(&pair);
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.push((k, v));
        }
    }
    out
}

//! The page: reads the question from the URL, keeps the URL in step with the form, runs a
//! complete question on load, and lays out the form, the answer and the tree.

use crate::components::{AnswerPanel, AskForm, EndpointNote, ProgressPanel, TreeView};
use crate::ctx::Ctx;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wikikin_view::question::{from_query, lang_from_browser};

#[component]
pub fn Page() -> impl IntoView {
    let query = use_query_map();
    let browser_lang = lang_from_browser(web_sys::window().and_then(|w| w.navigator().language()));
    let from_url = query.with_untracked(|q| from_query(|k| q.get(k), &browser_lang));
    let ctx = Ctx::new(from_url.ask.clone(), from_url.messages.clone());
    provide_context(ctx);
    #[cfg(feature = "bench")]
    crate::bench_api::register(ctx);
    crate::warm::when_idle();

    // The form is the URL: every change replaces the query (no history entry).
    let lang_default = browser_lang.clone();
    Effect::new(move |_| {
        let q = ctx.ask.with(|a| a.to_query(&lang_default));
        replace_query(&q);
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
    on_cleanup(move || ctx.stop());

    view! {
        <header class="top">
            <h1>"wikikin"</h1>
            <p class="tagline">"How are these people related? Live from Wikidata."</p>
            <EndpointNote/>
        </header>
        <div class="layout">
            <section class="panel" aria-label="Question and answer">
                <AskForm/>
            </section>
            <section class="stage" aria-label="Answer and family tree">
                <div class="results">
                    <ProgressPanel/>
                    <AnswerPanel/>
                </div>
                <TreeView/>
            </section>
        </div>
    }
}

/// Replaces the page's query string with `q` (no navigation, no history entry).
fn replace_query(q: &str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let path = w.location().pathname().unwrap_or_default();
    let url = if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

//! Live progress: state, a bar, the figures and elapsed time.

use crate::use_ctx;
use leptos::prelude::*;
use wikikin_view::progress::FIGURES;

/// The crawl's progress, with its test hooks (`data-state`, `data-requests`…).
#[component]
pub fn ProgressPanel() -> impl IntoView {
    let live = use_ctx().live;
    view! {
        <section class="progress" data-testid="progress" aria-live="polite"
            data-state=move || live.with(|l| l.state.as_str())
            data-chain=move || live.with(|l| l.progress.chain.to_string())
            data-bytes=move || live.with(|l| l.progress.bytes.to_string())
            data-requests=move || live.with(|l| l.progress.requests.to_string())
            data-fetched=move || live.with(|l| l.progress.fetched.to_string())
            data-elapsed-ms=move || live.with(|l| l.elapsed_attr())>
            <p class="status" data-testid="status">{move || live.with(|l| l.message.clone())}</p>
            <progress aria-label="Crawl progress"
                max=move || live.with(|l| l.bar().0.to_string())
                value=move || live.with(|l| l.bar().1.to_string())/>
            <dl class="figures">
                {FIGURES.iter().map(|(name, value)| {
                    let value = *value;
                    view! { <div><dt>{*name}</dt><dd>{move || live.with(value)}</dd></div> }
                }).collect_view()}
            </dl>
        </section>
    }
}

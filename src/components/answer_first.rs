//! The answer first: one headline sentence, the search folded into one quiet line (details on
//! demand; the progress stays visible while the search runs), then the relationships and
//! connections — each selectable for the chart — and what went wrong on the way. The headline's
//! place is kept from the start, so nothing jumps when the answer arrives.

use crate::components::{
    Connections, Explored, PhraseView, ProgressPanel, Relationships, Troubles,
};
use crate::use_ctx;
use leptos::prelude::*;
use wikikin_view::headline::{headline, running_headline, summary};
use wikikin_view::phrase::Phrase;

/// The headline, the folded status and the answer's lists.
#[component]
pub fn AnswerFirst() -> impl IntoView {
    let ctx = use_ctx();
    let running = move || ctx.live.with(|l| l.running());
    let idle = move || ctx.live.with(|l| l.state == wikikin_view::RunState::Idle);
    let phrase = move || -> Option<Phrase> {
        if running() {
            return Some(ctx.ask.with(running_headline));
        }
        if let Some(n) = ctx.notice.get() {
            return Some(Phrase::text(n));
        }
        ctx.answer.with(|a| a.as_ref().map(|a| headline(a)))
    };
    // The headline with the people named. While running it is an element of another type than
    // the answer's, so the answer's headline is a new `h2`, not the running "Finding how …" one
    // with new text: the browser counts text once per block element, so only a new element is
    // a paint of its own (the LCP element).
    let words = move || {
        let answered = !running();
        phrase().map(|p| {
            // While running, the people are named as far as the chips know them.
            let answer = ctx.answer.get();
            let chips = ctx.chips.get();
            let name = move |q: wikikin_core::Qid| {
                answer
                    .as_ref()
                    .filter(|a| a.persons.contains_key(&q))
                    .map(|a| a.name(q))
                    .or_else(|| chips.get(&q).map(|c| c.label.clone()))
                    .unwrap_or_else(|| q.to_string())
            };
            if answered {
                view! {
                    <h2 id="headline" class="headline" data-testid="headline" data-said="">
                        <PhraseView phrase=p name=name/>
                    </h2>
                }
                .into_any()
            } else {
                view! {
                    <h2 id="headline" class="headline" data-testid="headline">
                        <PhraseView phrase=p name=name/>
                    </h2>
                }
                .into_any()
            }
        })
    };
    let state = move || ctx.live.with(|l| l.state.as_str());
    let folded = move || {
        (!running())
            .then(|| ctx.answer.with(|a| a.as_ref().map(|a| summary(a))))
            .flatten()
    };
    view! {
        <section class="answer-first" data-state=state aria-labelledby="headline">
            {move || match words() {
                Some(w) => w,
                None => view! {
                    <h2 id="headline" class="headline" data-testid="headline">
                        <span class="muted">"Ask how two or more people are related: pick a classic question or add people."</span>
                    </h2>
                }.into_any(),
            }}
            <div class="search-line" class:hidden=idle>
                {move || folded().map(|s| view! { <p class="summary" data-testid="summary">{s}</p> })}
                <details class="search-details" data-testid="search-details" prop:open=running>
                    <summary>{move || if running() { "Search in progress" } else { "How the search went" }}</summary>
                    <ProgressPanel/>
                </details>
            </div>
            {move || ctx.answer.get().filter(|_| !running()).map(|a| view! {
                <div class="answer" data-testid="answer">
                    <Relationships answer=a.clone()/>
                    <Connections answer=a.clone()/>
                    <Explored answer=a.clone()/>
                    <Troubles answer=a/>
                </div>
            })}
        </section>
    }
}

//! The answer: relationships and connections through marriage in words, direct lines, explore
//! levels, failures, data problems, where the searches stopped and query-service fallbacks.

use crate::components::{Connections, Explored, Relationships, Troubles};
use crate::use_ctx;
use leptos::prelude::*;

/// The finished answer, when there is one.
#[component]
pub fn AnswerPanel() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.answer.get().map(|a| {
            view! {
                <section class="answer" data-testid="answer">
                    <Relationships answer=a.clone()/>
                    <Connections answer=a.clone()/>
                    <Explored answer=a.clone()/>
                    <Troubles answer=a/>
                </section>
            }
        })
    }
}

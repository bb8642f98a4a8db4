//! The answer: relationships in words, direct lines, explore levels, failures and data problems.

use crate::components::{Explored, Relationships, Troubles};
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
                    <Explored answer=a.clone()/>
                    <Troubles answer=a/>
                </section>
            }
        })
    }
}

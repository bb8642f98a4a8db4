//! What could not be fetched, and problems found in the data.

use crate::components::PersonLink;
use leptos::prelude::*;
use std::sync::Arc;
use wikikin_view::Answer;

/// Failures, missing and merged items, and problems in the data (each only when there are some).
#[component]
pub fn Troubles(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    let failures = (!a.failures.is_empty()).then(|| {
        view! {
            <h2>"Could not load"</h2>
            <ul class="failures" data-testid="failures">
                {a.failures.iter().map(|f| view! {
                    <li data-qid=f.id.to_string()><PersonLink link=a.link(f.id)/> ": " {f.to_string()}</li>
                }).collect_view()}
            </ul>
        }
    });
    let missing = a
        .missing_text()
        .map(|text| view! { <p data-testid="missing">{text}</p> });
    let redirected = a
        .redirected_text()
        .map(|text| view! { <p data-testid="redirected">{text}</p> });
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

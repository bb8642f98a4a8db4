//! What could not be fetched, problems found in the data, where the searches stopped, and where
//! the query service could not answer.

use crate::components::PersonLink;
use leptos::prelude::*;
use std::sync::Arc;
use wikikin_view::Answer;

/// A titled list of sentences (nothing when there are none).
fn sentences(title: &'static str, testid: &'static str, items: &[String]) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <h3>{title}</h3>
            <ul class=testid data-testid=testid>
                {items.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
            </ul>
        }
    })
}

/// Failures, missing and merged items, problems in the data, the search limits met (a limit is
/// not a problem in the data) and the query-service fallbacks (each only when there are some).
#[component]
pub fn Troubles(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    let failures = (!a.failures.is_empty()).then(|| {
        view! {
            <h3>"Could not load"</h3>
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
    let problems = sentences("Problems in the data", "problems", &a.problems);
    let limits = sentences("Where the search stopped", "limits", &a.limits);
    let fallbacks = sentences(
        "Where the query service could not answer",
        "fallbacks",
        &a.fallbacks,
    );
    view! { {failures}{missing}{redirected}{problems}{limits}{fallbacks} }
}

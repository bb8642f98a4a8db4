//! Explore mode: who was reached at which degree, and the counts per level.

use crate::components::PersonLink;
use leptos::prelude::*;
use std::sync::Arc;
use wikikin_view::Answer;

/// The people reached from the roots and the levels table (nothing when relating).
#[component]
pub fn Explored(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    let (heading, level) = a.levels_words();
    (a.ask.explores()).then(|| {
        view! {
            <h2>{heading}</h2>
            <ul data-testid="reached">
                {a.reached_rows().into_iter().map(|row| {
                    let qid = row.link.qid.to_string();
                    view! { <li data-qid=qid data-degree=row.degree>
                        <PersonLink link=row.link/>{row.words}</li> }
                }).collect_view()}
            </ul>
            <table class="levels" data-testid="levels">
                <thead><tr><th>{level}</th><th>"People known"</th><th>"Loaded"</th></tr></thead>
                <tbody>
                    {a.levels.iter().map(|l| view! {
                        <tr><td>{l.level}</td><td>{l.known}</td><td>{l.loaded}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

//! Explore mode: who was reached at which degree, and the counts per level. For every
//! descendant of the roots the list is long and the drawing shows them by generation: it folds
//! away (details on demand).

use crate::components::PersonLink;
use leptos::prelude::*;
use std::sync::Arc;
use wikikin_view::Answer;

/// The people reached from the roots and the levels table (nothing when relating).
#[component]
pub fn Explored(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    let (heading, level) = a.levels_words();
    let folded = a.ask.all_descendants();
    (a.ask.explores()).then(|| {
        let body = view! {
            <ul data-testid="reached">
                {a.reached_rows().into_iter().map(|row| {
                    let qid = row.link.qid.to_string();
                    view! { <li data-qid=qid data-degree=row.degree>
                        <PersonLink link=row.link/>{row.words}</li> }
                }).collect_view()}
            </ul>
            <table class="levels" data-testid="levels">
                <caption class="sr-only">{heading}</caption>
                <thead><tr><th scope="col">{level}</th><th scope="col">"People known"</th><th scope="col">"Loaded"</th></tr></thead>
                <tbody>
                    {a.levels.iter().map(|l| view! {
                        <tr><td>{l.level}</td><td>{l.known}</td><td>{l.loaded}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        };
        if folded {
            view! {
                <details class="reached-list">
                    <summary>{format!("{heading}: the counts ({} generations)", a.levels.len())}</summary>
                    {body}
                </details>
            }
            .into_any()
        } else {
            view! { <h3>{heading}</h3>{body} }.into_any()
        }
    })
}

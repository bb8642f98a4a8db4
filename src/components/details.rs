//! The card about the person under the pointer or focus in the chart or the tree.

use crate::ctx::Tab;
use crate::use_ctx;
use leptos::prelude::*;

/// Name, description, dates and a link of the selected person (nothing when none is), in the
/// view of `tab` while it is the one shown.
#[component]
pub fn Details(tab: Tab) -> impl IntoView {
    let ctx = use_ctx();
    move || {
        if ctx.tab.get() != tab {
            return None;
        }
        let q = ctx.selected.get()?;
        let d = ctx.answer.with(|a| a.as_ref().map(|a| a.details(q)))?;
        Some(view! {
            <aside class="details" data-testid="details" aria-live="polite">
                <h3>{d.name}</h3>
                {d.description.map(|d| view! { <p>{d}</p> })}
                {d.born.map(|b| view! { <p>{b}</p> })}
                {d.died.map(|d| view! { <p>{d}</p> })}
                <p><a href=d.href target="_blank" rel="noopener noreferrer">{d.link_text}</a></p>
            </aside>
        })
    }
}

//! Connections through marriage: one line per chain, its people as links, with its data
//! attributes for tests and its colour in the tree; each selectable for the chart like a
//! relationship. A marriage of the two people themselves is shown first, with the relationships
//! ([`marriage_items`]); the longer chains after them ([`Connections`]), then how far the search
//! looked.

use crate::components::phrase_view::phrase_links;
use crate::components::relationships::{pick_keys, PickButton};
use crate::components::PersonLink;
use crate::use_ctx;
use leptos::prelude::*;
use std::sync::Arc;
use wikikin_view::answer::ConnLine;
use wikikin_view::chart::Selection;
use wikikin_view::Answer;

/// One connection as a list item: `data-a`, `data-b`, `data-path`, `data-links`, `data-term`,
/// its colour class, `aria-current` when the chart shows it, and its words with the people as
/// links, followed by the people of the chain the words do not name.
pub fn connection_item(a: &Answer, k: usize, c: &ConnLine) -> impl IntoView {
    let ctx = use_ctx();
    let sel = Selection::Connection(k);
    let (phrase, unnamed) = a.connection_phrase(c);
    let n = unnamed.len();
    let through = (n > 0).then(|| {
        let links = unnamed
            .into_iter()
            .enumerate()
            .map(|(i, q)| {
                let sep = match i {
                    0 => "",
                    _ if i + 1 == n => " & ",
                    _ => ", ",
                };
                view! { {sep}<PersonLink link=a.link(q)/> }
            })
            .collect_view();
        view! { " — through " {links} }
    });
    let class = if Answer::is_marriage(c) {
        format!("relationship connection marriage k{}", c.colour)
    } else {
        format!("relationship connection k{}", c.colour)
    };
    let current = move || (ctx.selection.get() == Some(sel)).then_some("true");
    view! {
        <li class=class data-testid="connection" aria-current=current
            data-a=c.a.to_string() data-b=c.b.to_string()
            data-path=c.path_attr() data-links=c.links_attr() data-term=c.term.clone()
            on:click=move |ev| pick_keys(&ev, sel)>
            <PickButton sel/>
            <span class="words">{phrase_links(a, phrase)}</span>{through}
        </li>
    }
}

/// The marriage of the two people, when they are or were married (first in the answer).
pub fn marriage_items(a: &Answer) -> impl IntoView {
    a.conns
        .iter()
        .enumerate()
        .filter(|(_, c)| Answer::is_marriage(c))
        .map(|(k, c)| connection_item(a, k, c))
        .collect_view()
}

/// The other connections through marriage, and how far the search for them looked.
#[component]
pub fn Connections(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    let others: Vec<(usize, &ConnLine)> = a
        .conns
        .iter()
        .enumerate()
        .filter(|(_, c)| !Answer::is_marriage(c))
        .collect();
    let list = (!others.is_empty()).then(|| {
        view! {
            <h3>"Connections through marriage"</h3>
            <ul class="relationships connections" data-testid="connections">
                {others.iter().map(|(k, c)| connection_item(&a, *k, c)).collect_view()}
            </ul>
        }
    });
    let searched = a
        .conn_searched
        .clone()
        .map(|s| view! { <p class="searched" data-testid="connections-searched">{s}</p> });
    view! { {list}{searched} }
}

//! One line per relationship, with its data attributes for tests and its colour in the tree.
//! A marriage of the two people comes first ("Diana is Charles III's wife").

use crate::components::connections::marriage_items;
use crate::components::PersonLink;
use leptos::prelude::*;
use std::sync::Arc;
use wikikin_view::Answer;

/// The marriage of the two people (if any), the direct lines and the relationships in words,
/// or why there are none.
#[component]
pub fn Relationships(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    view! {
        <h2>"Relationships"</h2>
        {a.no_relationship().map(|why| view! { <p data-testid="no-relationship">{why}</p> })}
        <ul class="relationships">
            {marriage_items(&a)}
            {a.direct.iter().map(|d| view! { <li class="relationship" data-testid="direct">{d.clone()}</li> }).collect_view()}
            {a.lines.iter().map(|l| {
                let r = &l.rel;
                let links = a.through_links(l).into_iter().map(|(sep, link)| {
                    view! { {sep}<PersonLink link/> }
                }).collect_view();
                view! {
                    <li class=format!("relationship k{}", l.colour) data-testid="relationship"
                        data-a=r.a.to_string() data-b=r.b.to_string() data-kind=r.kind.as_str()
                        data-degree=r.degree.to_string() data-removed=r.removed.to_string()
                        data-half=r.half.to_string() data-double=r.double.to_string()
                        data-ga=r.ga.to_string() data-gb=r.gb.to_string()
                        data-ancestors=l.ancestors_attr()>
                        <span class="words">{l.words.clone()}</span>
                        {(!r.ancestors.is_empty()).then(|| view! { " — through " {links} })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

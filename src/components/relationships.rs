//! One line per relationship, with its data attributes for tests and its colour in the tree,
//! selectable for the chart (a click on the line, or its "Show" button by Enter or Space; the
//! line the chart shows has `aria-current="true"`). The button is beside the person links, not
//! around them. A marriage of the two people comes first ("Diana is Charles III's wife").

use crate::components::connections::marriage_items;
use crate::components::PersonLink;
use crate::use_ctx;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wikikin_view::chart::Selection;
use wikikin_view::Answer;

/// Selects `sel` for the chart, unless the click was on a link of the line (that opens the
/// person's page).
pub fn pick_keys(ev: &web_sys::MouseEvent, sel: Selection) {
    let on_link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a, button").ok().flatten())
        .is_some();
    if !on_link {
        use_ctx().selection.set(Some(sel));
    }
}

/// The button that shows a line in the chart (pressed when shown).
#[component]
pub fn PickButton(sel: Selection) -> impl IntoView {
    let ctx = use_ctx();
    let shown = move || ctx.selection.get() == Some(sel);
    view! {
        <button type="button" class="pick" aria-label="Show in the chart"
            aria-pressed=move || shown().to_string()
            on:click=move |_| { ctx.selection.set(Some(sel)); ctx.tab.set(crate::ctx::Tab::Chart); }>
        </button>
    }
}

/// The marriage of the two people (if any), the direct lines and the relationships in words,
/// or why there are none.
#[component]
pub fn Relationships(answer: Arc<Answer>) -> impl IntoView {
    let ctx = use_ctx();
    let a = answer;
    let any = !(a.lines.is_empty()
        && a.conns.iter().all(|c| !Answer::is_marriage(c))
        && a.direct.is_empty());
    view! {
        {a.no_relationship().map(|why| view! { <p data-testid="no-relationship">{why}</p> })}
        {any.then(|| view! { <h3 class="sr-only">"Relationships"</h3> })}
        <ul class="relationships">
            {marriage_items(&a)}
            {a.direct.iter().map(|d| view! { <li class="relationship" data-testid="direct">{d.clone()}</li> }).collect_view()}
            {a.lines.iter().enumerate().map(|(i, l)| {
                let r = &l.rel;
                let sel = Selection::Relationship(i);
                let current = move || (ctx.selection.get() == Some(sel)).then_some("true");
                let links = a.through_links(l).into_iter().map(|(sep, link)| {
                    view! { {sep}<PersonLink link/> }
                }).collect_view();
                view! {
                    <li class=format!("relationship k{}", l.colour) data-testid="relationship"
                        aria-current=current
                        data-a=r.a.to_string() data-b=r.b.to_string() data-kind=r.kind.as_str()
                        data-degree=r.degree.to_string() data-removed=r.removed.to_string()
                        data-half=r.half.to_string() data-double=r.double.to_string()
                        data-ga=r.ga.to_string() data-gb=r.gb.to_string()
                        data-ancestors=l.ancestors_attr()
                        on:click=move |ev| pick_keys(&ev, sel)>
                        <PickButton sel/>
                        <span class="words">{l.words.clone()}</span>
                        {(!r.ancestors.is_empty()).then(|| view! { " — through " {links} })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

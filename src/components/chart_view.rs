//! The chart of the selected relationship (`[data-testid=chart]`), drawn from `wikikin-view`'s
//! chart model, or for every descendant of the roots a view by generation. One tab stop: the
//! arrow keys (and Home, End) move between the people; focus or a click shows the person's
//! details.

use crate::use_ctx;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wikikin_core::Qid;
use wikikin_view::chart::{chart, step_from, Chart};
use wikikin_view::chart_svg::chart_markup;
use wikikin_view::generations::generations;

/// The person of an event's target: the nearest element with `data-qid`.
fn qid_at(target: Option<web_sys::EventTarget>) -> Option<(web_sys::Element, Qid)> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let holder = el.closest("[data-qid]").ok()??;
    let q = holder.get_attribute("data-qid")?.parse().ok()?;
    Some((holder, q))
}

/// Moves the roving tab stop inside `root` by an arrow key over `cards` (id, column, row).
fn rove(ev: &web_sys::KeyboardEvent, cards: &[(Qid, u32, u32)]) {
    let Some((el, q)) = qid_at(ev.target()) else {
        return;
    };
    let Some(next) = step_from(cards, q, &ev.key()) else {
        return;
    };
    ev.prevent_default();
    let Some(root) = el.closest("[data-testid=chart]").ok().flatten() else {
        return;
    };
    let Ok(Some(target)) = root.query_selector(&format!("[data-qid=\"{next}\"]")) else {
        return;
    };
    let _ = el.set_attribute("tabindex", "-1");
    let _ = target.set_attribute("tabindex", "0");
    if let Some(t) = target.dyn_ref::<web_sys::HtmlElement>() {
        let _ = t.focus();
    } else if let Some(t) = target.dyn_ref::<web_sys::SvgElement>() {
        let _ = t.focus();
    }
}

/// The chart, or the generations of every descendant, or nothing before an answer.
#[component]
pub fn ChartView() -> impl IntoView {
    let ctx = use_ctx();
    let model = Memo::new(move |_| -> Option<Chart> {
        let sel = ctx.selection.get()?;
        ctx.answer.with(|a| a.as_ref().and_then(|a| chart(a, sel)))
    });
    let select = move |ev: web_sys::Event| {
        if let Some((_, q)) = qid_at(ev.target()) {
            ctx.selected.set(Some(q));
        }
    };
    let chart_part = move || {
        model.get().map(|c| {
            let cards: Vec<(Qid, u32, u32)> =
                c.cards.iter().map(|k| (k.qid, k.col, k.row)).collect();
            let markup = chart_markup(&c, None, true);
            view! {
                <svg class="chart" data-testid="chart" role="group" aria-label=c.title.clone()
                    width=format!("{:.0}", c.width) height=format!("{:.0}", c.height)
                    viewBox=format!("0 0 {:.0} {:.0}", c.width, c.height)
                    data-colour=c.colour.to_string()
                    on:keydown=move |ev| rove(&ev, &cards)
                    on:click=move |ev| select(ev.into())
                    on:focusin=move |ev| select(ev.into())
                    inner_html=markup>
                </svg>
            }
        })
    };
    let generations_part = move || {
        let rows = ctx.answer.with(|a| {
            a.as_ref()
                .filter(|a| a.ask.all_descendants())
                .map(|a| (generations(a), a.clone()))
        });
        rows.map(|(rows, a)| {
            let mut cards: Vec<(Qid, u32, u32)> = Vec::new();
            for (r, g) in rows.iter().enumerate() {
                for (c, p) in g.people.iter().enumerate() {
                    cards.push((p.qid, c as u32, r as u32));
                }
            }
            let first = cards.first().map(|c| c.0);
            let label = format!("{} by generation", a.name_list(&a.roots));
            view! {
                <div class="generations" data-testid="chart" role="group" aria-label=label
                    on:keydown=move |ev| rove(&ev, &cards)
                    on:click=move |ev| select(ev.into())
                    on:focusin=move |ev| select(ev.into())>
                    {rows.into_iter().map(|g| view! {
                        <section class="generation">
                            <h3>{g.heading}</h3>
                            <div class="people">
                                {g.people.into_iter().map(|p| {
                                    let tab = if Some(p.qid) == first { "0" } else { "-1" };
                                    view! {
                                        <div class="gen-card" data-qid=p.qid.to_string() tabindex=tab role="button"
                                            class:asked=p.asked>
                                            <span class="name">{p.name}</span>
                                            <span class="years">{p.years}</span>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                            {g.more.map(|m| view! { <p class="more">{m}</p> })}
                        </section>
                    }).collect_view()}
                </div>
            }
        })
    };
    view! {
        <div class="chart-scroll">
            {move || match generations_part() {
                Some(g) => g.into_any(),
                None => chart_part().into_any(),
            }}
        </div>
    }
}

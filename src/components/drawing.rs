//! The drawing area under the answer: the chart of the selected relationship, or — one click
//! away — the whole genealogy with that relationship's lines highlighted; the exports of what is
//! shown, and the details of the person in focus.

use crate::components::{ChartView, Details, TreeView};
use crate::ctx::Tab;
use crate::{export, use_ctx};
use leptos::prelude::*;
use wikikin_view::chart::chart;

/// Tabs (chart | whole tree), the exports, and the two views (the hidden one stays in place).
#[component]
pub fn Drawing() -> impl IntoView {
    let ctx = use_ctx();
    let has_answer = move || ctx.answer.with(|a| a.is_some()) && !ctx.live.with(|l| l.running());
    let on_chart = move || ctx.tab.get() == Tab::Chart;
    let tab = move |t: Tab| move |_| ctx.tab.set(t);
    let current_chart = move || {
        let sel = ctx.selection.get_untracked()?;
        ctx.answer.with_untracked(|a| {
            a.as_ref()
                .and_then(|a| chart(a, sel).map(|c| (a.clone(), c)))
        })
    };
    let export_svg = move |_| {
        if on_chart() {
            if let Some((a, c)) = current_chart() {
                export::chart_svg(&a, &c);
                return;
            }
        }
        ctx.answer.with_untracked(|a| {
            if let Some(a) = a {
                export::svg(a)
            }
        })
    };
    let export_png = move |_| {
        if on_chart() {
            if let Some((a, c)) = current_chart() {
                export::chart_png(&a, &c);
                return;
            }
        }
        ctx.answer.with_untracked(|a| {
            if let Some(a) = a {
                export::png(a)
            }
        })
    };
    let no_export = move || {
        !ctx.answer
            .with(|a| a.as_ref().is_some_and(|a| !a.layout.boxes.is_empty()))
    };
    let highlight = move || {
        ctx.selection
            .get()
            .and_then(|s| ctx.answer.with(|a| a.as_ref().and_then(|a| s.colour(a))))
    };
    view! {
        <section class="drawing" aria-label="Drawing" class:hidden=move || !has_answer()>
            <div class="toolbar" role="toolbar" aria-label="Drawing">
                <button type="button" class="btn tab" data-testid="show-chart"
                    aria-pressed=move || on_chart().to_string() on:click=tab(Tab::Chart)>
                    {move || if ctx.answer.with(|a| a.as_ref().is_some_and(|a| a.ask.all_descendants())) { "By generation" } else { "Chart" }}
                </button>
                <button type="button" class="btn tab" data-testid="show-tree"
                    aria-pressed=move || (!on_chart()).to_string() on:click=tab(Tab::Tree)>
                    "Whole tree"
                </button>
                <span class="spacer"></span>
                <span class="hint" aria-hidden="true">"Export:"</span>
                <button type="button" class="btn" data-testid="export-svg" aria-label="Export SVG"
                    disabled=no_export on:click=export_svg>"SVG"</button>
                <button type="button" class="btn" data-testid="export-png" aria-label="Export PNG"
                    disabled=no_export on:click=export_png>"PNG"</button>
                <button type="button" class="btn" data-testid="export-json" aria-label="Export JSON"
                    disabled=no_export
                    on:click=move |_| ctx.answer.with_untracked(|a| if let Some(a) = a { export::json(a) })>"JSON"</button>
                <button type="button" class="btn" data-testid="export-gedcom" aria-label="Export GEDCOM"
                    disabled=no_export
                    on:click=move |_| ctx.answer.with_untracked(|a| if let Some(a) = a { export::gedcom(a) })>"GEDCOM"</button>
            </div>
            <div class="chart-area" class:hidden=move || !on_chart()>
                <ChartView/>
                <Details tab=Tab::Chart/>
            </div>
            <div class="tree-area" class:hidden=on_chart
                data-highlight=move || highlight().map(|c| c.to_string()).unwrap_or_default()>
                <TreeView/>
            </div>
        </section>
    }
}

//! The tree on the page: the drawing from `draw`, pan (drag), zoom (wheel, buttons, keyboard),
//! fit to view, details on hover/focus, and the export buttons.

use crate::{draw, export, use_ctx};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wikikin_core::{entity_page_url, Qid};

/// Pan and zoom: `translate(x y) scale(k)`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    x: f64,
    y: f64,
    k: f64,
}

const MIN_ZOOM: f64 = 0.002;
const MAX_ZOOM: f64 = 4.0;

fn svg_size(svg: &web_sys::Element) -> (f64, f64) {
    let r = svg.get_bounding_client_rect();
    (r.width().max(1.0), r.height().max(1.0))
}

/// The view that shows the whole drawing, centred, at most at natural size.
fn fit(svg: Option<&web_sys::Element>, width: f64, height: f64) -> View {
    let (cw, ch) = svg.map(svg_size).unwrap_or((1000.0, 700.0));
    let pad = 24.0;
    let k = ((cw - 2.0 * pad) / width.max(1.0))
        .min((ch - 2.0 * pad) / height.max(1.0))
        .clamp(MIN_ZOOM, 1.0);
    View {
        x: (cw - width * k) / 2.0,
        y: (ch - height * k) / 2.0,
        k,
    }
}

/// Zooms by `factor` about the point `(px, py)` of the SVG.
fn zoom_about(v: View, factor: f64, px: f64, py: f64) -> View {
    let k = (v.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let f = k / v.k;
    View {
        x: px - (px - v.x) * f,
        y: py - (py - v.y) * f,
        k,
    }
}

fn qid_at(target: Option<web_sys::EventTarget>) -> Option<Qid> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let holder = el.closest("[data-qid]").ok()??;
    holder.get_attribute("data-qid")?.parse().ok()
}

#[component]
pub fn TreeView() -> impl IntoView {
    let ctx = use_ctx();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let view_state = RwSignal::new(View {
        x: 0.0,
        y: 0.0,
        k: 1.0,
    });
    // (pointer x, pointer y, moved far enough to be a drag)
    let drag: StoredValue<Option<(f64, f64, bool)>> = StoredValue::new(None);
    let dragged = StoredValue::new(false);

    // The level of detail follows the zoom and, close up on a large tree, the part in view;
    // the markup is rebuilt only when that changes (not on every pan frame).
    // A new answer is drawn at the view that fits it (the fit itself is applied by the effect
    // below, after the first render): drawing it first at the old view would draw it twice.
    let fitted_for = StoredValue::new(0usize);
    let detail = Memo::new(move |_| {
        let (people, size, id) = ctx.answer.with(|a| {
            a.as_ref()
                .map(|a| {
                    let id = Arc::as_ptr(a) as usize;
                    (a.layout.boxes.len(), (a.layout.width, a.layout.height), id)
                })
                .unwrap_or((0, (0.0, 0.0), 0))
        });
        let svg = svg_ref.get_untracked();
        let mut v = view_state.get();
        if id != 0 && id != fitted_for.get_value() {
            v = fit(svg.as_ref().map(|s| s.as_ref()), size.0, size.1);
        }
        let (cw, ch) = svg.map(|s| svg_size(&s)).unwrap_or((1000.0, 700.0));
        let k = v.k.max(MIN_ZOOM);
        let view = (-v.x / k, -v.y / k, (cw - v.x) / k, (ch - v.y) / k);
        draw::detail_for(people, k, view)
    });
    let markup = Memo::new(move |_| {
        let detail = detail.get();
        ctx.answer
            .with(|a| {
                a.as_ref().map(|a| {
                    draw::markup(
                        a,
                        draw::DrawOptions {
                            images: true,
                            detail,
                        },
                    )
                })
            })
            .unwrap_or_default()
    });
    let title = move || {
        ctx.answer
            .with(|a| a.as_ref().map(|a| draw::title(a)))
            .unwrap_or_else(|| "Family tree".into())
    };
    let desc = move || {
        ctx.answer
            .with(|a| a.as_ref().map(|a| draw::description(a)))
            .unwrap_or_else(|| "Nothing drawn yet: ask a question.".into())
    };
    let fit_now = move || {
        let size = ctx
            .answer
            .with_untracked(|a| a.as_ref().map(|a| (a.layout.width, a.layout.height)));
        if let Some((w, h)) = size {
            let svg = svg_ref.get_untracked();
            view_state.set(fit(svg.as_ref().map(|s| s.as_ref()), w, h));
        }
    };
    // A new drawing is fitted to the view.
    Effect::new(move |_| {
        let id = ctx
            .answer
            .with(|a| a.as_ref().map(|a| Arc::as_ptr(a) as usize).unwrap_or(0));
        fit_now();
        fitted_for.set_value(id);
    });
    let zoom_centre = move |factor: f64| {
        let (cw, ch) = svg_ref
            .get_untracked()
            .map(|s| svg_size(&s))
            .unwrap_or((1000.0, 700.0));
        view_state.update(|v| *v = zoom_about(*v, factor, cw / 2.0, ch / 2.0));
    };

    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        drag.set_value(Some((ev.client_x() as f64, ev.client_y() as f64, false)));
        dragged.set_value(false);
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let Some((x0, y0, moving)) = drag.get_value() else {
            return;
        };
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let (dx, dy) = (x - x0, y - y0);
        if !moving && dx.abs() + dy.abs() < 4.0 {
            return;
        }
        if !moving {
            if let Some(svg) = svg_ref.get_untracked() {
                let _ = svg.set_pointer_capture(ev.pointer_id());
                let _ = svg.class_list().add_1("dragging");
            }
        }
        dragged.set_value(true);
        drag.set_value(Some((x, y, true)));
        view_state.update(|v| {
            v.x += dx;
            v.y += dy;
        });
    };
    let end_drag = move |_ev: web_sys::PointerEvent| {
        drag.set_value(None);
        if let Some(svg) = svg_ref.get_untracked() {
            let _ = svg.class_list().remove_1("dragging");
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let r = svg.get_bounding_client_rect();
        let (px, py) = (
            ev.client_x() as f64 - r.left(),
            ev.client_y() as f64 - r.top(),
        );
        let factor = (-ev.delta_y() * 0.0015).exp().clamp(0.5, 2.0);
        view_state.update(|v| *v = zoom_about(*v, factor, px, py));
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let step = 60.0;
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                zoom_centre(1.25);
                true
            }
            "-" | "_" => {
                zoom_centre(0.8);
                true
            }
            "0" => {
                fit_now();
                true
            }
            "ArrowLeft" => {
                view_state.update(|v| v.x += step);
                true
            }
            "ArrowRight" => {
                view_state.update(|v| v.x -= step);
                true
            }
            "ArrowUp" => {
                view_state.update(|v| v.y += step);
                true
            }
            "ArrowDown" => {
                view_state.update(|v| v.y -= step);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    // A click at the end of a drag does not open the person.
    let on_click = move |ev: web_sys::MouseEvent| {
        if dragged.get_value() {
            ev.prevent_default();
            dragged.set_value(false);
        }
    };
    let on_over = move |ev: web_sys::PointerEvent| {
        if let Some(q) = qid_at(ev.target()) {
            ctx.selected.set(Some(q));
        }
    };
    let on_focusin = move |ev: web_sys::FocusEvent| {
        if let Some(q) = qid_at(ev.target()) {
            ctx.selected.set(Some(q));
        }
    };
    let transform = move || {
        let v = view_state.get();
        format!("translate({:.2} {:.2}) scale({:.4})", v.x, v.y, v.k)
    };
    let has_tree = move || {
        ctx.answer
            .with(|a| a.as_ref().is_some_and(|a| !a.layout.boxes.is_empty()))
    };
    let details = move || {
        let q = ctx.selected.get()?;
        ctx.answer.with(|a| {
            let a = a.as_ref()?;
            let p = a.persons.get(&q);
            let born = p.and_then(|p| p.birth.as_ref()).map(|d| format!("Born {d}"));
            let died = p.and_then(|p| p.death.as_ref()).map(|d| format!("Died {d}"));
            let description = p
                .and_then(|p| p.description.as_deref())
                .map(|d| draw::clip(d, 300));
            Some(view! {
                <aside class="details" data-testid="details" aria-live="polite">
                    <h3>{draw::clip(&a.name(q), 200)}</h3>
                    {description.map(|d| view! { <p>{d}</p> })}
                    {born.map(|b| view! { <p>{b}</p> })}
                    {died.map(|d| view! { <p>{d}</p> })}
                    <p><a href=entity_page_url(&a.ask.endpoint, q) target="_blank" rel="noopener noreferrer">
                        {format!("{q} on {}", if a.ask.is_default_endpoint() { "Wikidata" } else { "the endpoint" })}
                    </a></p>
                </aside>
            })
        })
    };
    let export_disabled = move || !has_tree();
    view! {
        <div class="toolbar" role="toolbar" aria-label="Tree controls">
            <button type="button" class="btn" aria-label="Zoom in" data-testid="zoom-in" on:click=move |_| zoom_centre(1.25)>"+"</button>
            <button type="button" class="btn" aria-label="Zoom out" data-testid="zoom-out" on:click=move |_| zoom_centre(0.8)>"−"</button>
            <button type="button" class="btn" data-testid="fit" on:click=move |_| fit_now()>"Fit"</button>
            <span class="spacer"></span>
            <span class="hint">"Export:"</span>
            <button type="button" class="btn" data-testid="export-svg" disabled=export_disabled
                on:click=move |_| ctx.answer.with_untracked(|a| if let Some(a) = a { export::svg(a) })>"SVG"</button>
            <button type="button" class="btn" data-testid="export-png" disabled=export_disabled
                on:click=move |_| ctx.answer.with_untracked(|a| if let Some(a) = a { export::png(a) })>"PNG"</button>
            <button type="button" class="btn" data-testid="export-json" disabled=export_disabled
                on:click=move |_| ctx.answer.with_untracked(|a| if let Some(a) = a { export::json(a) })>"JSON"</button>
        </div>
        <div class="canvas">
            <svg class="tree" data-testid="tree" node_ref=svg_ref tabindex="0" role="img"
                aria-labelledby="tree-title tree-desc"
                on:pointerdown=on_pointerdown on:pointermove=on_pointermove
                on:pointerup=end_drag on:pointercancel=end_drag
                on:wheel=on_wheel on:keydown=on_keydown on:click=on_click
                on:pointerover=on_over on:focusin=on_focusin>
                <title id="tree-title">{title}</title>
                <desc id="tree-desc">{desc}</desc>
                <g class="viewport" data-testid="viewport" transform=transform inner_html=move || markup.get()></g>
            </svg>
            {move || (!has_tree()).then(|| view! {
                <p class="empty">"The family tree appears here. Pick a classic question, or add people and press “Find the relationship”. Drag to pan, wheel or +/− to zoom."</p>
            })}
            {details}
        </div>
    }
}

//! The tree on the page: the drawing from `draw`, pan (drag), zoom (wheel, buttons, keyboard),
//! fit to view, details on hover/focus, and the export buttons.

use crate::components::Details;
use crate::use_ctx;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wikikin_core::Qid;
use wikikin_view::chart::{step_from, tree_cards};
use wikikin_view::draw::{description, title};
use wikikin_view::viewport::{starts_drag, View, DEFAULT_SIZE, ZOOM_IN, ZOOM_OUT};
use wikikin_view::{detail_for, markup, DrawOptions};

/// The SVG element's size on screen, in CSS pixels (at least 1 × 1).
fn svg_size(svg: &web_sys::Element) -> (f64, f64) {
    let r = svg.get_bounding_client_rect();
    (r.width().max(1.0), r.height().max(1.0))
}

/// The person under an event's target: the nearest element with `data-qid`.
fn qid_at(target: Option<web_sys::EventTarget>) -> Option<Qid> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let holder = el.closest("[data-qid]").ok()??;
    holder.get_attribute("data-qid")?.parse().ok()
}

/// Moves the tree's one tab stop from `from` to `to` and focuses `to` (once drawn).
fn focus_person(svg: Option<web_sys::SvgElement>, from: Qid, to: Qid) {
    let Some(svg) = svg else {
        return;
    };
    let link = |q: Qid| {
        svg.query_selector(&format!("g.person[data-qid=\"{q}\"] a"))
            .ok()
            .flatten()
    };
    if let Some(a) = link(from) {
        let _ = a.set_attribute("tabindex", "-1");
    }
    if let Some(a) = link(to) {
        let _ = a.set_attribute("tabindex", "0");
        if let Some(a) = a.dyn_ref::<web_sys::SvgElement>() {
            let _ = a.focus();
        }
    }
}

/// The drawing with pan (drag), zoom (wheel, buttons, keyboard), fit, details and exports.
#[component]
pub fn TreeView() -> impl IntoView {
    let ctx = use_ctx();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let view_state = RwSignal::new(View::default());
    // (pointer x, pointer y, moved far enough to be a drag)
    let drag: StoredValue<Option<(f64, f64, bool)>> = StoredValue::new(None);
    let dragged = StoredValue::new(false);
    let size = move || {
        svg_ref
            .get_untracked()
            .map(|s| svg_size(&s))
            .unwrap_or(DEFAULT_SIZE)
    };

    // The level of detail follows the zoom and, close up on a large tree, the part in view;
    // the markup is rebuilt only when that changes (not on every pan frame).
    // A new answer is drawn at the view that fits it (the fit itself is applied by the effect
    // below, after the first render): drawing it first at the old view would draw it twice.
    let fitted_for = StoredValue::new(0usize);
    let detail = Memo::new(move |_| {
        let (people, drawing, id) = ctx.answer.with(|a| {
            a.as_ref()
                .map(|a| {
                    let id = Arc::as_ptr(a) as usize;
                    (
                        a.layout.boxes.len(),
                        (a.layout.width, a.layout.height, a.focus_point()),
                        id,
                    )
                })
                .unwrap_or((0, (0.0, 0.0, None), 0))
        });
        let size = size();
        let mut v = view_state.get();
        if id != 0 && id != fitted_for.get_value() {
            v = View::fit_at(size, drawing.0, drawing.1, drawing.2);
        }
        detail_for(people, v.k, v.visible(size))
    });
    let drawing = Memo::new(move |_| {
        let detail = detail.get();
        ctx.answer
            .with(|a| {
                a.as_ref().map(|a| {
                    markup(
                        a,
                        DrawOptions {
                            images: true,
                            detail,
                        },
                    )
                })
            })
            .unwrap_or_default()
    });
    let tree_title = move || {
        ctx.answer
            .with(|a| a.as_ref().map(|a| title(a)))
            .unwrap_or_else(|| "Family tree".into())
    };
    let desc = move || {
        ctx.answer
            .with(|a| a.as_ref().map(|a| description(a)))
            .unwrap_or_else(|| "Nothing drawn yet: ask a question.".into())
    };
    let fitted = move || {
        ctx.answer
            .with_untracked(|a| {
                a.as_ref()
                    .map(|a| (a.layout.width, a.layout.height, a.focus_point()))
            })
            .map(|(w, h, f)| View::fit_at(size(), w, h, f))
    };
    let fit_now = move || {
        if let Some(v) = fitted() {
            view_state.set(v);
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
    // The tree is drawn while hidden behind the chart: it is fitted again when shown, at its
    // real size.
    Effect::new(move |was: Option<crate::ctx::Tab>| {
        let tab = ctx.tab.get();
        if tab == crate::ctx::Tab::Tree && was != Some(tab) {
            request_animation_frame(fit_now);
        }
        tab
    });
    let zoom_centre = move |factor: f64| {
        let (cw, ch) = size();
        view_state.update(|v| *v = v.zoom_about(factor, cw / 2.0, ch / 2.0));
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
        if !moving && !starts_drag(dx, dy) {
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
        let factor = View::wheel_factor(ev.delta_y());
        view_state.update(|v| *v = v.zoom_about(factor, px, py));
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        // On a person, the arrow keys move to the nearest person that way (one tab stop for
        // the whole tree), and the view follows.
        if let Some(q) = qid_at(ev.target()) {
            let next = ctx.answer.with_untracked(|a| {
                a.as_ref().and_then(|a| {
                    let cards = tree_cards(a);
                    step_from(&cards, q, &key).and_then(|n| {
                        a.layout
                            .boxes
                            .iter()
                            .find(|b| b.id == n)
                            .map(|b| (n, b.x + b.w / 2.0, b.y + b.h / 2.0))
                    })
                })
            });
            if let Some((n, bx, by)) = next {
                ev.prevent_default();
                let (cw, ch) = size();
                view_state.update(|v| {
                    let (sx, sy) = (v.x + bx * v.k, v.y + by * v.k);
                    if sx < 40.0 || sx > cw - 40.0 || sy < 40.0 || sy > ch - 40.0 {
                        v.x = cw / 2.0 - bx * v.k;
                        v.y = ch / 2.0 - by * v.k;
                    }
                });
                focus_person(svg_ref.get_untracked(), q, n);
                return;
            }
        }
        let fit = if key == "0" { fitted() } else { None };
        if let Some(next) = view_state.get_untracked().on_key(&key, size(), fit) {
            ev.prevent_default();
            view_state.set(next);
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
    let transform = move || view_state.get().transform();
    let has_tree = move || {
        ctx.answer
            .with(|a| a.as_ref().is_some_and(|a| !a.layout.boxes.is_empty()))
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Tree controls">
            <button type="button" class="btn" aria-label="Zoom in" data-testid="zoom-in" on:click=move |_| zoom_centre(ZOOM_IN)>"+"</button>
            <button type="button" class="btn" aria-label="Zoom out" data-testid="zoom-out" on:click=move |_| zoom_centre(ZOOM_OUT)>"−"</button>
            <button type="button" class="btn" data-testid="fit" on:click=move |_| fit_now()>"Fit"</button>
        </div>
        <div class="canvas">
            <svg class="tree" data-testid="tree" node_ref=svg_ref tabindex="0" role="group"
                aria-labelledby="tree-title" aria-describedby="tree-desc"
                on:pointerdown=on_pointerdown on:pointermove=on_pointermove
                on:pointerup=end_drag on:pointercancel=end_drag
                on:wheel=on_wheel on:keydown=on_keydown on:click=on_click
                on:pointerover=on_over on:focusin=on_focusin>
                <title id="tree-title">{tree_title}</title>
                <desc id="tree-desc">{desc}</desc>
                <g class="viewport" data-testid="viewport" transform=transform inner_html=move || drawing.get()></g>
            </svg>
            {move || (!has_tree()).then(|| view! {
                <p class="empty">"The family tree appears here. Pick a classic question, or add people and press “Find the relationship”. Drag to pan, wheel or +/− to zoom."</p>
            })}
            <Details tab=crate::ctx::Tab::Tree/>
        </div>
    }
}

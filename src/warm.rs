//! Warms up, while the page is idle after it starts, the wasm code that turns a finished crawl
//! into a drawing.
//!
//! Browsers compile WebAssembly lazily: a function is compiled the first time it runs, with a
//! quick baseline compiler, and only recompiled optimised once it has run a while. The code
//! that answers a question (the crawl's last steps, kinship, layout, the SVG markup) otherwise
//! first runs when the user's answer arrives, and that first drawing was measured at nearly
//! twice the time of later ones (bench/README.md, figure 6). So once the page is idle it answers
//! a synthetic question from a store filled with synthetic people — the same code path as a
//! real answer, with no request — and draws a larger synthetic tree to a string three times (once
//! is not enough for the browser to optimise the layout and markup code), a step per idle period
//! (20–40 ms each). Nothing it makes is shown or kept. The synthetic answers are
//! `wikikin_view::synthetic`'s; this file only schedules them.
//!
//! When it is over, `<html>` carries `data-warm="<ms of work>"` and `data-warm-steps` (the ms of
//! each step); benchmarks wait for it.

use crate::api::now_ms;
use std::time::Duration;
use wikikin_view::synthetic::{parse_sample, small_question_answer, synthetic_answer};
use wikikin_view::{detail_for, markup, Detail, DrawOptions};

/// Schedules the warm-up, one step per idle period.
pub fn when_idle() {
    step(0, String::new(), 0.0);
}

/// Parse, answer a small question, then draw the larger tree three times.
const STEPS: usize = 5;

fn step(i: usize, steps: String, spent_ms: f64) {
    let run = move || {
        let t0 = now_ms();
        match i {
            0 => {
                let _ = parse_sample();
            }
            1 => answer_small_question(),
            _ => draw_large_tree(),
        }
        let took = now_ms() - t0;
        let spent = spent_ms + took;
        let steps = if steps.is_empty() {
            format!("{took:.0}")
        } else {
            format!("{steps}+{took:.0}")
        };
        if i + 1 < STEPS {
            step(i + 1, steps, spent);
        } else if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("data-warm", &format!("{spent:.0}"));
            let _ = html.set_attribute("data-warm-steps", &steps);
        }
    };
    // Safari has no requestIdleCallback: a short timeout instead.
    if leptos::prelude::request_idle_callback_with_handle(run.clone()).is_err() {
        leptos::prelude::set_timeout(run, Duration::from_millis(100));
    }
}

/// A relate question answered from a store of synthetic people, and its full markup.
fn answer_small_question() {
    if let Some(answer) = small_question_answer() {
        let _ = markup(
            &answer,
            DrawOptions {
                images: true,
                detail: Detail::Full,
            },
        );
    }
}

/// A tree larger than the full-detail limit: the large-tree layout and the overview markup.
fn draw_large_tree() {
    let answer = synthetic_answer(500, 5, &mut now_ms).0;
    let _ = markup(
        &answer,
        DrawOptions {
            images: true,
            detail: detail_for(answer.layout.boxes.len(), 0.0, (0.0, 0.0, 0.0, 0.0)),
        },
    );
}

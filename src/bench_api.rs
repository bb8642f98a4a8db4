//! Entry points for the in-browser benchmarks (bench/), exported to JavaScript through
//! `window.wasmBindings`. Only in builds with the `bench` feature (`bash bench/run.sh` builds
//! one); the production page does not carry them.
//!
//! - [`bench_parse`]: our wasm entity parser (`wikikin_core::parse_entities`) on a response body,
//!   timed inside wasm, with a digest of what it read so the JavaScript side can check that its
//!   `JSON.parse` reader read the same fields.
//! - [`bench_draw`]: a synthetic pedigree of about N people (`wikikin_kinship::synthetic::royal_like`),
//!   laid out with the app's options, rendered to the app's SVG markup (`draw::markup`) and put
//!   into the page's `g[data-testid=viewport]`, each step timed.
//!
//! Both return plain `Float64Array`s (see each function for the order) and fail with a message
//! in words, never a panic.

use crate::api::now_ms;
use wasm_bindgen::prelude::*;
use wikikin_core::{parse_entities, Parsed};
use wikikin_view::synthetic::synthetic_answer;
use wikikin_view::{detail_for, markup, DrawOptions};

/// What a parse read, as numbers both readers can compute: `[entities, persons with a label,
/// label characters, family links (P22+P25+P40+P26 ids), dated births + deaths, images,
/// sum of Q-id numbers of all links mod 1e9]`.
fn digest(p: &Parsed) -> [f64; 7] {
    let mut d = [0.0; 7];
    d[0] = (p.persons.len() + p.missing.len()) as f64;
    let mut sum: u64 = 0;
    for person in &p.persons {
        if let Some(l) = &person.label {
            d[1] += 1.0;
            d[2] += l.chars().count() as f64;
        }
        let links = person
            .fathers
            .iter()
            .chain(&person.mothers)
            .chain(&person.children)
            .chain(&person.spouses);
        for q in links {
            d[3] += 1.0;
            sum = (sum + q.0) % 1_000_000_000;
        }
        d[4] += person.birth.is_some() as u8 as f64 + person.death.is_some() as u8 as f64;
        d[5] += person.image.is_some() as u8 as f64;
    }
    d[6] = sum as f64;
    d
}

/// Parses `body` (an entity response, either shape) `reps` times with labels in `lang`, after
/// one untimed warm-up parse; `reps == 0` parses exactly once, timed, with no warm-up (to time
/// a single call from JavaScript, copy of the body included).
/// Returns `[total ms, ms per parse, …the 7 digest numbers of the last parse]`.
#[wasm_bindgen]
pub fn bench_parse(body: &[u8], lang: &str, reps: u32) -> Result<Vec<f64>, JsError> {
    let languages = vec![lang.to_string()];
    let parse = || {
        parse_entities(body, &languages)
            .map_err(|e| JsError::new(&format!("cannot parse the body: {e}")))
    };
    if reps == 0 {
        let t0 = now_ms();
        let once = parse()?;
        let total = now_ms() - t0;
        let mut out = vec![total, total];
        out.extend(digest(&once));
        return Ok(out);
    }
    // One parse outside the clock: fails early on a bad body and warms up.
    let mut last = parse()?;
    let t0 = now_ms();
    for _ in 0..reps {
        last = parse()?;
    }
    let total = now_ms() - t0;
    let mut out = vec![total, total / f64::from(reps)];
    out.extend(digest(&last));
    Ok(out)
}

/// Builds a synthetic pedigree of about `n` people (`seed` fixes it), lays it out with the app's
/// options, renders the app's SVG markup and, when `insert` is true, puts it into the page's
/// `g[data-testid=viewport]`.
///
/// Returns `[people, boxes, child edges, generate ms, layout ms, answer ms, markup ms,
/// insert ms, markup bytes, width, height, rows]`; the insert time is 0 when not inserted.
#[wasm_bindgen]
pub fn bench_draw(n: u32, seed: u32, insert: bool) -> Result<Vec<f64>, JsError> {
    let (answer, [t0, t1, t2, t3]) = synthetic_answer(n, seed, &mut now_ms);
    let svg = markup(
        &answer,
        DrawOptions {
            images: true,
            // What the page draws for a tree fitted to the view.
            detail: detail_for(answer.layout.boxes.len(), 0.0, (0.0, 0.0, 0.0, 0.0)),
        },
    );
    let t4 = now_ms();
    let mut insert_ms = 0.0;
    if insert {
        let viewport = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("g[data-testid=viewport]").ok().flatten())
            .ok_or_else(|| JsError::new("the page has no g[data-testid=viewport] to draw into"))?;
        viewport.set_inner_html(&svg);
        insert_ms = now_ms() - t4;
    }
    let l = &answer.layout;
    Ok(vec![
        answer.tree.persons.len() as f64,
        l.boxes.len() as f64,
        l.edges.len() as f64,
        t1 - t0,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        insert_ms,
        svg.len() as f64,
        l.width,
        l.height,
        f64::from(l.rows),
    ])
}

/// The app's markup of the same synthetic drawing as [`bench_draw`], as a string (for
/// experiments on the DOM side: what costs style, layout and paint).
#[wasm_bindgen]
pub fn bench_markup(n: u32, seed: u32) -> String {
    let (answer, _) = synthetic_answer(n, seed, &mut now_ms);
    markup(
        &answer,
        DrawOptions {
            images: true,
            // What the page draws for a tree fitted to the view.
            detail: detail_for(answer.layout.boxes.len(), 0.0, (0.0, 0.0, 0.0, 0.0)),
        },
    )
}

thread_local! {
    /// The page's shared signals, once the page has registered them (see [`register`]).
    static PAGE: std::cell::Cell<Option<crate::Ctx>> = const { std::cell::Cell::new(None) };
}

/// Called by the page once it has its signals, so that [`bench_show`] can put a drawing through
/// the app's own pipeline (answer signal → level of detail → markup → pan/zoom group → fit).
pub fn register(ctx: crate::Ctx) {
    PAGE.with(|p| p.set(Some(ctx)));
}

/// Shows a synthetic pedigree of about `n` people as the page's answer, exactly as a finished
/// crawl would (the tree view then draws it at its level of detail and fits it to the view).
/// Returns `[people, boxes, generate ms, layout ms, answer ms, set ms]`; the drawing itself
/// happens in the page's next reactive tick, so time it from JavaScript (e.g. to the second
/// animation frame after this call).
#[wasm_bindgen]
pub fn bench_show(n: u32, seed: u32) -> Result<Vec<f64>, JsError> {
    let ctx = PAGE.with(|p| p.get()).ok_or_else(|| {
        JsError::new("the page has not registered its signals (bench_api::register is not called)")
    })?;
    let (answer, [t0, t1, t2, t3]) = synthetic_answer(n, seed, &mut now_ms);
    let people = answer.tree.persons.len() as f64;
    let boxes = answer.layout.boxes.len() as f64;
    use leptos::prelude::Set;
    ctx.selected.set(None);
    ctx.answer.set(Some(std::sync::Arc::new(answer)));
    let t4 = now_ms();
    Ok(vec![people, boxes, t1 - t0, t2 - t1, t3 - t2, t4 - t3])
}

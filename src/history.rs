//! The browser's history: asking a question adds an entry (so Back shows the question before),
//! editing the form only replaces the entry's URL, and the page's title names the question.

use wasm_bindgen::JsValue;
use wikikin_view::headline::{page_title, page_title_asking};
use wikikin_view::{Answer, Ask};

/// The page's path with `q` as its query.
fn url_of(w: &web_sys::Window, q: &str) -> String {
    let path = w.location().pathname().unwrap_or_default();
    if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    }
}

/// The query of the page's URL as it is now (without the `?`).
fn current_query(w: &web_sys::Window) -> String {
    let search = w.location().search().unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_string()
}

/// Replaces the page's query string with `q` (no navigation, no history entry).
pub fn replace(q: &str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    if current_query(&w) == q {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url_of(&w, q)));
    }
}

/// A new entry for the question `q`. The entry shown now gets back the URL of the question it
/// answered (`asked`, if any), which editing the form may have replaced; an entry no question
/// was asked in (the landing page, edited into this question) simply becomes this one.
pub fn push(asked: Option<&str>, q: &str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let Ok(history) = w.history() else {
        return;
    };
    match asked {
        Some(before) if before != q => {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url_of(&w, before)));
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url_of(&w, q)));
        }
        _ => {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url_of(&w, q)));
        }
    }
}

fn set_title(t: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(t);
    }
}

/// The title while the question is asked.
pub fn title_asking(ask: &Ask) {
    set_title(&page_title_asking(ask));
}

/// The title once it is answered.
pub fn title(answer: &Answer) {
    set_title(&page_title(answer));
}

//! On a narrow screen the form folds away when a question starts: the answer is brought into
//! view (the page may have been scrolled down the form).

use leptos::task::spawn_local;

/// Narrower than this (CSS pixels), the layout is one column.
const NARROW_PX: f64 = 760.0;

/// Scrolls the progress panel into view on a narrow screen, a moment after it changed.
pub fn progress() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let narrow = w
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .is_some_and(|px| px < NARROW_PX);
    if !narrow {
        return;
    }
    spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(50).await;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("#answer").ok().flatten())
        {
            el.scroll_into_view();
        }
    });
}

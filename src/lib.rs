//! wikikin — how are these people related? A thin Leptos shell over the pure crates
//! (`wikikin-core` crawls and parses, `wikikin-kinship` names and lays out, `wikikin-view`
//! computes everything the page shows): it wires signals to them, runs their requests in the
//! browser and draws what they computed.

// The shell handles network data too (answers, search hits): no panics on it.
pub mod api;
#[cfg(feature = "bench")]
pub mod bench_api;
pub mod components;
pub mod ctx;
pub mod driver;
pub mod export;
mod history;
mod page;
mod reveal;
pub mod store;
mod warm;

use leptos::prelude::*;

pub use ctx::{use_ctx, Ctx};
pub use page::Page;

/// The whole page. The question lives in the URL: `page.rs` reads it (and again on Back and
/// Forward), `history.rs` writes it; no router is needed for one page.
#[component]
pub fn App() -> impl IntoView {
    view! { <Page/> }
}

//! wikikin — how are these people related? A thin Leptos shell over the pure core crates.

use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="top">
            <h1>"wikikin"</h1>
            <p class="tagline">"How are these people related? Live from Wikidata."</p>
        </header>
        <main>
            <form class="ask" on:submit=|ev| ev.prevent_default()>
                <label for="people">"People"</label>
                <input id="people" name="people" placeholder="Q9682, Q80976" />
                <button type="submit">"Relate"</button>
            </form>
            <section data-testid="progress" data-state="idle"></section>
            <svg data-testid="tree" role="img" aria-labelledby="tree-title tree-desc">
                <title id="tree-title">"Family tree"</title>
                <desc id="tree-desc">"No question asked yet."</desc>
            </svg>
        </main>
    }
}

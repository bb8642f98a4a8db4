//! The note under the title when the data does not come from Wikidata.

use crate::use_ctx;
use leptos::prelude::*;

/// `Data from <endpoint> — not Wikidata`, when the endpoint is another Wikibase or a replica.
#[component]
pub fn EndpointNote() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let a = ctx.ask.get();
        (!a.is_default_endpoint()).then(|| {
            view! {
                <p class="endpoint-note" data-testid="endpoint">
                    "Data from " <strong>{a.endpoint.clone()}</strong> " — not Wikidata"
                </p>
            }
        })
    }
}

//! The note under the title when the data does not come from Wikidata: which Wikibase (or
//! replica) it is, and what cannot be shown for lack of a property id.

use crate::use_ctx;
use leptos::prelude::*;

/// `Data from FactGrid (https://database.factgrid.de) — not Wikidata`, or `Data from <endpoint>`,
/// with the properties the instance lacks in words.
#[component]
pub fn EndpointNote() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let a = ctx.ask.get();
        let gaps = a.cannot_show();
        (!a.is_default_endpoint() || !gaps.is_empty()).then(|| {
            let name = a
                .instance
                .as_ref()
                .filter(|i| i.key != "wikidata")
                .map(|i| format!("{} ", i.name));
            view! {
                <p class="endpoint-note" data-testid="endpoint"
                    data-wikibase=a.instance.as_ref().map(|i| i.key).unwrap_or("other")>
                    "Data from " {name} <strong>{a.endpoint.clone()}</strong> " — not Wikidata"
                </p>
                <ul class="endpoint-gaps" data-testid="cannot-show">
                    {gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                </ul>
            }
        })
    }
}

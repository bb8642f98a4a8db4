//! A person's name linking to their page on the endpoint.

use leptos::prelude::*;
use wikikin_view::answer;

/// The link `wikikin_view` made for a person: their name, to their page, with `data-qid`.
#[component]
pub fn PersonLink(link: answer::PersonLink) -> impl IntoView {
    view! {
        <a href=link.href target="_blank" rel="noopener noreferrer"
            data-qid=link.qid.to_string()>{link.name}</a>
    }
}

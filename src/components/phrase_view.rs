//! A typed phrase of the view model on the page: its text, and each person as a link to their
//! page ([`PhraseLinks`]) or as a name in bold ([`PhraseView`]).

use crate::components::PersonLink;
use leptos::prelude::*;
use wikikin_core::Qid;
use wikikin_view::phrase::{Phrase, Piece};
use wikikin_view::Answer;

/// The phrase with each person's name in bold (`b.who[data-qid]`).
#[component]
pub fn PhraseView(phrase: Phrase, name: impl Fn(Qid) -> String + 'static) -> impl IntoView {
    phrase
        .0
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.into_any(),
            Piece::Person(q) => {
                view! { <b class="who" data-qid=q.to_string()>{name(q)}</b> }.into_any()
            }
        })
        .collect_view()
}

/// The phrase with each person a link to their page on the answer's endpoint.
pub fn phrase_links(a: &Answer, phrase: Phrase) -> impl IntoView {
    phrase
        .0
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.into_any(),
            Piece::Person(q) => view! { <PersonLink link=a.link(q)/> }.into_any(),
        })
        .collect_view()
}

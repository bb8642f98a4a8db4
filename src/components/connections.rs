//! Connections through marriage: one line per chain, its people as links, with its data
//! attributes for tests and its colour in the tree. A marriage of the two people themselves is
//! shown first, with the relationships ([`MarriageItems`]); the longer chains after them
//! ([`Connections`]), then how far the search looked.

use crate::components::PersonLink;
use leptos::prelude::*;
use std::sync::Arc;
use wikikin_core::Qid;
use wikikin_view::answer::ConnLine;
use wikikin_view::Answer;

/// The two people are (or were) married: the chain is the one marriage.
pub fn is_marriage(c: &ConnLine) -> bool {
    c.links_attr() == "spouse"
}

/// A part of a connection's words: plain text, or a person of its chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Person(Qid),
}

/// `words` cut into text and the names of `people` (each `(id, name)`), so that the names can
/// be shown as links. A name counts only as a whole (not inside a longer word); the longest name
/// that fits is taken first ("Charles Spencer" before "Charles"); of two people with the same
/// name, the one not yet shown (in chain order) is taken.
pub fn split_names(words: &str, people: &[(Qid, String)]) -> Vec<Part> {
    let mut names: Vec<&(Qid, String)> = people.iter().filter(|(_, n)| !n.is_empty()).collect();
    names.sort_by_key(|(_, n)| std::cmp::Reverse(n.len()));
    let mut used: Vec<Qid> = Vec::new();
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while let Some(rest) = words.get(i..).filter(|r| !r.is_empty()) {
        let before_ok = words[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let hit = before_ok
            .then(|| {
                names.iter().find(|(_, n)| {
                    rest.starts_with(n.as_str())
                        && rest[n.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                })
            })
            .flatten();
        match hit {
            Some((_, name)) => {
                let same: Vec<Qid> = people
                    .iter()
                    .filter(|(_, n)| n == name)
                    .map(|(q, _)| *q)
                    .collect();
                let q = same
                    .iter()
                    .find(|q| !used.contains(q))
                    .or(same.first())
                    .copied();
                if let Some(q) = q {
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Person(q));
                    used.push(q);
                }
                i += name.len();
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                text.push(c);
                i += c.len_utf8();
            }
        }
    }
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    parts
}

/// One connection as a list item: `data-a`, `data-b`, `data-path`, `data-links`, `data-term`,
/// its colour class, and its words with the people as links, followed by the people of the chain
/// the words do not name ("Diana is Elizabeth II's daughter-in-law — through Charles III").
pub fn connection_item(a: &Answer, c: &ConnLine) -> impl IntoView {
    let mut people: Vec<(Qid, String)> = Vec::new();
    for q in &c.conn.path {
        if !people.iter().any(|(p, _)| p == q) {
            people.push((*q, a.name(*q)));
        }
    }
    let parts = split_names(&c.words, &people);
    // The people of the chain its words do not name (the spouse of an in-law), in chain order:
    // "— through Charles III". Not the parent two siblings share (a parent step then a child
    // step): the chain stands for the siblings, through either parent.
    let step = |i: usize| c.conn.steps.get(i).map(|s| s.as_str());
    let mut unnamed: Vec<Qid> = Vec::new();
    for (i, q) in c.conn.path.iter().enumerate() {
        let apex = i > 0 && step(i - 1) == Some("parent") && step(i) == Some("child");
        if !apex && !unnamed.contains(q) && !parts.contains(&Part::Person(*q)) {
            unnamed.push(*q);
        }
    }
    let n = unnamed.len();
    let mut parts = parts;
    if n > 0 {
        // "… daughter-in-law — through Charles III", like a relationship's line.
        if let Some(Part::Text(t)) = parts.last_mut() {
            if let Some(stripped) = t.strip_suffix('.') {
                *t = stripped.to_string();
            }
        }
    }
    let through = (n > 0).then(|| {
        let links = unnamed
            .into_iter()
            .enumerate()
            .map(|(i, q)| {
                let sep = match i {
                    0 => "",
                    _ if i + 1 == n => " & ",
                    _ => ", ",
                };
                view! { {sep}<PersonLink link=a.link(q)/> }
            })
            .collect_view();
        view! { " — through " {links} }
    });
    let words = parts
        .into_iter()
        .map(|part| match part {
            Part::Text(t) => t.into_any(),
            Part::Person(q) => view! { <PersonLink link=a.link(q)/> }.into_any(),
        })
        .collect_view();
    let class = if is_marriage(c) {
        format!("relationship connection marriage k{}", c.colour)
    } else {
        format!("relationship connection k{}", c.colour)
    };
    view! {
        <li class=class data-testid="connection"
            data-a=c.a.to_string() data-b=c.b.to_string()
            data-path=c.path_attr() data-links=c.links_attr() data-term=c.term.clone()>
            <span class="words">{words}</span>{through}
        </li>
    }
}

/// The marriage of the two people, when they are or were married (first in the answer).
pub fn marriage_items(a: &Answer) -> impl IntoView {
    a.conns
        .iter()
        .filter(|c| is_marriage(c))
        .map(|c| connection_item(a, c))
        .collect_view()
}

/// The other connections through marriage, and how far the search for them looked.
#[component]
pub fn Connections(answer: Arc<Answer>) -> impl IntoView {
    let a = answer;
    let others: Vec<&ConnLine> = a.conns.iter().filter(|c| !is_marriage(c)).collect();
    let list = (!others.is_empty()).then(|| {
        view! {
            <h2>"Connections through marriage"</h2>
            <ul class="relationships connections" data-testid="connections">
                {others.iter().map(|c| connection_item(&a, c)).collect_view()}
            </ul>
        }
    });
    let searched = a
        .conn_searched
        .clone()
        .map(|s| view! { <p class="searched" data-testid="connections-searched">{s}</p> });
    view! { {list}{searched} }
}

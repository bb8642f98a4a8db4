//! The answer as people read it first: one headline sentence that says it all ("Prince Philip,
//! Duke of Edinburgh is Elizabeth II's husband, and also her second cousin once removed, third
//! cousin and fourth cousin."; "George V and Nicholas II of Russia are first cousins."), the
//! headline while the search runs, and the one quiet line the search's figures fold into
//! ("1 query · 178 kB · 0.4 s · 10 generations searched").

use crate::answer::Answer;
use crate::phrase::Phrase;
use crate::progress::bytes_text;
use crate::question::Ask;
use wikikin_core::{FetchMode, OutcomeKind, Qid, Sex};
use wikikin_kinship::{headline as kinship_headline, Kind, Link, Said};

/// "A, B and C" (people), "A and B", "A".
fn list_people(people: &[Qid]) -> Phrase {
    let mut p = Phrase::default();
    let n = people.len();
    for (i, q) in people.iter().enumerate() {
        if i > 0 {
            p.push_text(if i + 1 == n { " and " } else { ", " });
        }
        p.push_person(*q);
    }
    p
}

/// The blood relationships of one pair, closest first (fewest generations up), each term once.
fn pair_lines(answer: &Answer, a: Qid, b: Qid) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..answer.lines.len())
        .filter(|i| {
            answer
                .lines
                .get(*i)
                .is_some_and(|l| l.rel.a == a && l.rel.b == b && l.rel.kind != Kind::Same)
        })
        .collect();
    wikikin_sort::sort_by_key(&mut idx, |i| {
        answer
            .lines
            .get(*i)
            .map(|l| (l.rel.ga + l.rel.gb, l.rel.ga.max(l.rel.gb), *i))
    });
    let mut seen: Vec<String> = Vec::new();
    idx.retain(|i| {
        let t = answer
            .lines
            .get(*i)
            .map(|l| l.term.clone())
            .unwrap_or_default();
        let new = !seen.contains(&t);
        seen.push(t);
        new
    });
    idx
}

/// The headline of a finished answer.
pub fn headline(answer: &Answer) -> Phrase {
    // Asked people who are not people: said plainly, whatever else was found.
    let not_people: Vec<String> = answer
        .people
        .iter()
        .chain(&answer.roots)
        .filter_map(|q| {
            let to = answer
                .redirected
                .iter()
                .find(|(f, _)| f == q)
                .map_or(*q, |(_, t)| *t);
            answer.persons.get(&to)
        })
        .filter(|p| p.is_not_human(answer.ask.props.human))
        .filter_map(|p| crate::chips::ChipInfo::not_a_person(p, &answer.ask.source_name()).problem)
        .collect();
    if !not_people.is_empty() && answer.lines.is_empty() && answer.conns.is_empty() {
        return Phrase::text(not_people.join(" "));
    }
    let kind = answer.outcome.kind();
    if kind == OutcomeKind::Failed {
        // Asked people the instance does not have: said plainly.
        let gone: Vec<Qid> = answer
            .people
            .iter()
            .chain(&answer.roots)
            .filter(|q| answer.missing.contains(q))
            .copied()
            .collect();
        if !gone.is_empty() {
            let source = answer.ask.source_name();
            let words: Vec<String> = gone
                .iter()
                .map(|q| format!("{q} does not exist on {source}."))
                .collect();
            return Phrase::text(words.join(" "));
        }
        let mut p = Phrase::text("No answer: ");
        p.push_text(&sentence(&answer.outcome.to_string()));
        return p;
    }
    if answer.ask.all_descendants() {
        return descendants_headline(answer);
    }
    if let [a, b] = answer.people.as_slice() {
        if let Some(p) = pair_headline(answer, *a, *b) {
            return p;
        }
    } else if answer.people.len() > 2 && !(answer.lines.is_empty() && answer.conns.is_empty()) {
        let mut pairs = std::collections::BTreeSet::new();
        pairs.extend(
            answer
                .lines
                .iter()
                .map(|l| (l.rel.a, l.rel.b))
                .chain(answer.conns.iter().map(|c| (c.a, c.b))),
        );
        let mut p = list_people(&answer.people);
        let n = answer.lines.len() + answer.conns.len();
        p.push_text(&format!(
            ": {n} relationship{} between {} pair{} of them.",
            if n == 1 { "" } else { "s" },
            pairs.len(),
            if pairs.len() == 1 { "" } else { "s" }
        ));
        return p;
    }
    if answer.ask.explores() {
        if let Some(p) = explore_headline(answer) {
            return p;
        }
    }
    Phrase::text(
        answer
            .no_relationship()
            .unwrap_or("No relationship was found."),
    )
}

/// "B is A's husband, and also her third cousin." / "A and B are first cousins." / the
/// connection through marriage — in the page's language; `None` when the pair is not related.
fn pair_headline(answer: &Answer, a: Qid, b: Qid) -> Option<Phrase> {
    let lang = crate::answer::page_lang(&answer.ask);
    let marriage = answer
        .conns
        .iter()
        .find(|c| c.a == a && c.b == b && Answer::is_marriage(c));
    let lines = pair_lines(answer, a, b);
    if marriage.is_none() && lines.is_empty() {
        // A chain through marriage only: its own sentence.
        let c = answer.conns.iter().find(|c| c.a == a && c.b == b)?;
        let mut p = c.phrase.clone();
        if let Some(crate::phrase::Piece::Text(t)) = p.0.last_mut() {
            if !t.ends_with('.') {
                t.push('.');
            }
        } else {
            p.push_text(".");
        }
        return Some(p);
    }
    let mut said: Vec<Said> = Vec::new();
    if marriage.is_some() {
        said.push(Said::Link(Link::Spouse));
    }
    said.extend(
        lines
            .iter()
            .filter_map(|i| answer.lines.get(*i).map(|l| Said::Kin(l.kin.clone()))),
    );
    let sex = |q: Qid| answer.persons.get(&q).map_or(Sex::Unknown, |p| p.sex);
    let name = |q: Qid| answer.name(q);
    Some(kinship_headline(lang, a, b, (sex(a), sex(b)), &said, &name).into())
}

/// "Every descendant of Queen Victoria: 332 people in 6 generations."
fn descendants_headline(answer: &Answer) -> Phrase {
    let mut p = Phrase::text("Every descendant of ");
    p.append(list_people(&answer.roots));
    let gens = crate::generations::generations(answer);
    let found: usize = gens.iter().filter(|g| g.level > 0).map(|g| g.total).sum();
    let generations = gens.iter().filter(|g| g.level > 0).count();
    p.push_text(&format!(
        ": {found} {} in {generations} generation{}.",
        if found == 1 { "person" } else { "people" },
        if generations == 1 { "" } else { "s" }
    ));
    p
}

/// "From Queen Victoria, Elizabeth II is 4 steps down and Prince Philip 5."
fn explore_headline(answer: &Answer) -> Option<Phrase> {
    let reached: Vec<(Qid, u32)> = answer
        .reached
        .iter()
        .filter_map(|(q, d)| d.map(|d| (*q, d)))
        .collect();
    if reached.is_empty() {
        return None;
    }
    let mut p = Phrase::text("From ");
    p.append(list_people(&answer.roots));
    p.push_text(", ");
    let n = reached.len();
    for (i, (q, d)) in reached.iter().enumerate() {
        if i > 0 {
            p.push_text(if i + 1 == n { " and " } else { ", " });
        }
        p.push_person(*q);
        p.push_text(&format!(
            " is reached in {d} step{}",
            if *d == 1 { "" } else { "s" }
        ));
    }
    let missing = answer.reached.len() - n;
    if missing > 0 {
        p.push_text(&format!("; {missing} not within the limits"));
    }
    p.push_text(".");
    Some(p)
}

/// The headline while the search runs: "Finding how Elizabeth II and Prince Philip are related…".
pub fn running_headline(ask: &Ask) -> Phrase {
    if ask.all_descendants() {
        let mut p = Phrase::text("Finding every descendant of ");
        p.append(list_people(&ask.roots));
        p.push_text("…");
        return p;
    }
    let mut p = Phrase::text("Finding how ");
    p.append(list_people(&ask.people));
    p.push_text(" are related…");
    p
}

/// Capitalised and ending in a full stop.
fn sentence(s: &str) -> String {
    let s = s.trim();
    let mut out: String = s.chars().take(1).flat_map(char::to_uppercase).collect();
    out.extend(s.chars().skip(1));
    if !out.ends_with(['.', '!', '?', '…']) {
        out.push('.');
    }
    out
}

/// The search's figures in one quiet line: "1 query · 178 kB · 0.4 s · 10 generations
/// searched".
pub fn summary(answer: &Answer) -> String {
    let p = &answer.progress;
    let queries = answer.ask.fetch == FetchMode::Sparql && answer.fallbacks.is_empty();
    let n = p.requests;
    let requests = match (queries, n) {
        (_, 0) => "no request (all known)".to_string(),
        (true, 1) => "1 query".to_string(),
        (true, _) => format!("{n} queries"),
        (false, 1) => "1 request".to_string(),
        (false, _) => format!("{n} requests"),
    };
    let mut parts = vec![
        requests,
        bytes_text(p.bytes),
        format!("{:.1} s", answer.elapsed_ms / 1000.0),
    ];
    let g = answer.ask.max_generations();
    parts.push(if answer.ask.all_descendants() {
        format!("{} generations down", p.level)
    } else if answer.ask.explores() {
        format!("{} degrees searched", p.level)
    } else {
        format!("{g} generations searched")
    });
    if answer.outcome.kind() == OutcomeKind::Cancelled {
        parts.push("cancelled".to_string());
    }
    parts.join(" · ")
}

/// The people of a question by name, for titles: "Elizabeth II & Prince Philip".
fn names_of(people: &[Qid], name: &dyn Fn(Qid) -> String) -> String {
    let names: Vec<String> = people.iter().map(|q| name(*q)).collect();
    crate::text::clip(&names.join(" & "), 120)
}

/// The page's title while a question is asked (the people by Q-id until their names are known).
pub fn page_title_asking(ask: &Ask) -> String {
    let people = if ask.all_descendants() {
        &ask.roots
    } else {
        &ask.people
    };
    format!("{} — wikikin", names_of(people, &|q| q.to_string()))
}

/// The page's title once answered: "Elizabeth II & Prince Philip — wikikin".
pub fn page_title(answer: &Answer) -> String {
    let people = if answer.ask.all_descendants() {
        &answer.roots
    } else {
        &answer.people
    };
    format!("{} — wikikin", names_of(people, &|q| answer.name(q)))
}

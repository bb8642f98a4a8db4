//! Warms up, while the page is idle after it starts, the wasm code that turns a finished crawl
//! into a drawing.
//!
//! Browsers compile WebAssembly lazily: a function is compiled the first time it runs, with a
//! quick baseline compiler, and only recompiled optimised once it has run a while. The code
//! that answers a question (the crawl's last steps, kinship, layout, the SVG markup) otherwise
//! first runs when the user's answer arrives, and that first drawing was measured at nearly
//! twice the time of later ones (bench/README.md, figure 6). So once the page is idle it answers
//! a synthetic question from a store filled with synthetic people — the same code path as a
//! real answer, with no request — and draws a larger synthetic tree to a string three times (once
//! is not enough for the browser to optimise the layout and markup code), a step per idle period
//! (20–40 ms each). Nothing it makes is shown or kept.
//!
//! When it is over, `<html>` carries `data-warm="<ms of work>"` and `data-warm-steps` (the ms of
//! each step); benchmarks wait for it.

use crate::answer::{layout_options, Answer};
use crate::api::now_ms;
use crate::draw::{detail_for, markup, Detail, DrawOptions};
use crate::question::Ask;
use std::collections::HashMap;
use std::time::Duration;
use wikikin_core::{
    parse_entities, Crawl, CrawlConfig, Date, Outcome, OutcomeKind, Person, Precision, Progress,
    Qid, Sex, Store,
};
use wikikin_kinship::synthetic::{royal_like, Synthetic};
use wikikin_kinship::{layout, Pedigree};

/// Schedules the warm-up, one step per idle period.
pub fn when_idle() {
    step(0, String::new(), 0.0);
}

/// Parse, answer a small question, then draw the larger tree three times.
const STEPS: usize = 5;

fn step(i: usize, steps: String, spent_ms: f64) {
    let run = move || {
        let t0 = now_ms();
        match i {
            0 => parse_sample(),
            1 => answer_small_question(),
            _ => draw_large_tree(),
        }
        let took = now_ms() - t0;
        let spent = spent_ms + took;
        let steps = if steps.is_empty() {
            format!("{took:.0}")
        } else {
            format!("{steps}+{took:.0}")
        };
        if i + 1 < STEPS {
            step(i + 1, steps, spent);
        } else if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("data-warm", &format!("{spent:.0}"));
            let _ = html.set_attribute("data-warm-steps", &steps);
        }
    };
    // Safari has no requestIdleCallback: a short timeout instead.
    if leptos::prelude::request_idle_callback_with_handle(run.clone()).is_err() {
        leptos::prelude::set_timeout(run, Duration::from_millis(100));
    }
}

/// An entity answer in Wikidata's shape, with every field the parser reads.
const SAMPLE: &str = r#"{"entities":{"Q1":{"type":"item","id":"Q1","labels":{"en":{"language":"en","value":"Sample Person"}},"descriptions":{"en":{"language":"en","value":"a person"}},"claims":{"P21":[{"mainsnak":{"snaktype":"value","property":"P21","datavalue":{"value":{"entity-type":"item","numeric-id":6581097,"id":"Q6581097"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}],"P569":[{"mainsnak":{"snaktype":"value","property":"P569","datavalue":{"value":{"time":"+1900-01-02T00:00:00Z","timezone":0,"before":0,"after":0,"precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","rank":"preferred"}],"P22":[{"mainsnak":{"snaktype":"value","property":"P22","datavalue":{"value":{"entity-type":"item","numeric-id":2,"id":"Q2"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}],"P25":[{"mainsnak":{"snaktype":"somevalue","property":"P25","datatype":"wikibase-item"},"type":"statement","rank":"normal"}],"P40":[{"mainsnak":{"snaktype":"value","property":"P40","datavalue":{"value":{"entity-type":"item","numeric-id":3,"id":"Q3"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"deprecated"}],"P18":[{"mainsnak":{"snaktype":"value","property":"P18","datavalue":{"value":"Sample.jpg","type":"string"},"datatype":"commonsMedia"},"type":"statement","rank":"normal"}]}},"Q4":{"id":"Q4","missing":""}}}"#;

fn parse_sample() {
    let _ = parse_entities(SAMPLE.as_bytes(), &["en".to_string()]);
}

/// A relate question answered from a store of synthetic people: the crawl's end, kinship,
/// the answer's layout (the small-tree engines) and its full markup.
fn answer_small_question() {
    let syn = royal_like(60, 5);
    let mut store = Store::with_languages(vec!["en".into()]);
    for p in synthetic_persons(&syn).into_values() {
        store.insert(p);
    }
    let people: Vec<Qid> = syn.youngest.iter().take(2).copied().collect();
    let mut ask = Ask::new("en");
    ask.people = people.clone();
    let crawl = Crawl::new(CrawlConfig::relate(people), store);
    let Some(outcome) = crawl.outcome() else {
        return;
    };
    let answer = Answer::build(ask, outcome, crawl.result(), crawl.progress(), 0.0);
    let _ = markup(
        &answer,
        DrawOptions {
            images: true,
            detail: Detail::Full,
        },
    );
}

/// A tree larger than the full-detail limit: the large-tree layout and the overview markup.
fn draw_large_tree() {
    let answer = synthetic_answer(500, 5).0;
    let _ = markup(
        &answer,
        DrawOptions {
            images: true,
            detail: detail_for(answer.layout.boxes.len(), 0.0, (0.0, 0.0, 0.0, 0.0)),
        },
    );
}

/// A person of a synthetic pedigree with the words the cards show: a name, life years and a
/// description, like a loaded Wikidata person.
pub(crate) fn synthetic_person(q: Qid, generation: u32, ped: &impl Pedigree) -> Person {
    let mut p = Person::new(q);
    p.sex = ped.sex(q);
    let year = 1500 + i64::from(generation) * 28 + (q.0 % 9) as i64;
    p.label = Some(format!("Synthetic Person {}", q.0));
    p.description = Some(format!(
        "member of synthetic family, generation {generation}"
    ));
    p.birth = Some(Date {
        year,
        month: 1 + (q.0 % 12) as u8,
        day: 1 + (q.0 % 28) as u8,
        precision: Precision::Day,
        circa: false,
    });
    p.death = Some(Date {
        year: year + 40 + (q.0 % 40) as i64,
        month: 0,
        day: 0,
        precision: Precision::Year,
        circa: q.0.is_multiple_of(7),
    });
    let parents = ped.parents(q);
    p.fathers = parents
        .iter()
        .copied()
        .filter(|x| ped.sex(*x) != Sex::Female)
        .collect();
    p.mothers = parents
        .iter()
        .copied()
        .filter(|x| ped.sex(*x) == Sex::Female)
        .collect();
    p.children = ped.children(q);
    p.spouses = ped.spouses(q);
    p
}

/// Every person of a synthetic pedigree, by id.
fn synthetic_persons(syn: &Synthetic) -> HashMap<Qid, Person> {
    syn.tree
        .persons
        .iter()
        .map(|q| {
            let generation = usize::try_from(q.0.saturating_sub(1))
                .ok()
                .and_then(|i| syn.generation.get(i))
                .copied()
                .unwrap_or(0);
            (*q, synthetic_person(*q, generation, &syn.pedigree))
        })
        .collect()
}

/// A synthetic pedigree of about `n` people drawn whole, as an [`Answer`] with its layout, and
/// the clock at the start, after generating, after the layout and after building the answer.
pub(crate) fn synthetic_answer(n: u32, seed: u32) -> (Answer, [f64; 4]) {
    let t0 = now_ms();
    let syn = royal_like(n as usize, u64::from(seed));
    let persons = synthetic_persons(&syn);
    let t1 = now_ms();
    let geometry = layout(&syn.tree, &layout_options());
    let t2 = now_ms();
    let mut ask = Ask::new("en");
    ask.people = syn.youngest.iter().take(2).copied().collect();
    ask.roots = syn.founders.iter().take(2).copied().collect();
    let answer = Answer {
        people: ask.people.clone(),
        roots: ask.roots.clone(),
        ask,
        outcome: Outcome {
            kind: OutcomeKind::Done,
            message: "synthetic".into(),
        },
        persons,
        lines: Vec::new(),
        direct: Vec::new(),
        levels: Vec::new(),
        reached: Vec::new(),
        failures: Vec::new(),
        missing: Vec::new(),
        redirected: Vec::new(),
        problems: Vec::new(),
        tree: syn.tree,
        layout: geometry,
        progress: Progress::default(),
        elapsed_ms: 0.0,
    };
    let t3 = now_ms();
    (answer, [t0, t1, t2, t3])
}

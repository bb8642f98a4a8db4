//! Synthetic questions and answers, made without a network: the warm-up of the page and the
//! benchmarks run the same code a real answer runs on them.

use crate::answer::{layout_options, Answer};
use crate::question::Ask;
use std::collections::HashMap;
use wikikin_core::{
    parse_entities, Crawl, CrawlConfig, Date, Ending, Outcome, Parsed, Person, Precision, Progress,
    Qid, RelateEnd, Sex, Store,
};
use wikikin_kinship::synthetic::{royal_like, Synthetic};
use wikikin_kinship::{layout, Pedigree, PersonId, SimplePedigree, Tree, TreeEdge};

/// A synthetic person's Wikidata-style id: the same number.
fn qid(p: PersonId) -> Qid {
    Qid(p.0)
}

/// A synthetic pedigree seen with Wikidata-style ids.
struct AsQids<'a>(&'a SimplePedigree);

impl Pedigree for AsQids<'_> {
    type Id = Qid;
    fn parents(&self, q: Qid) -> Vec<Qid> {
        self.0.parents(PersonId(q.0)).into_iter().map(qid).collect()
    }
    fn children(&self, q: Qid) -> Vec<Qid> {
        self.0
            .children(PersonId(q.0))
            .into_iter()
            .map(qid)
            .collect()
    }
    fn spouses(&self, q: Qid) -> Vec<Qid> {
        self.0.spouses(PersonId(q.0)).into_iter().map(qid).collect()
    }
    fn sex(&self, q: Qid) -> Sex {
        self.0.sex(PersonId(q.0))
    }
}

/// A synthetic tree with Wikidata-style ids.
fn tree_of(t: &Tree<PersonId>) -> Tree<Qid> {
    Tree {
        persons: t.persons.iter().copied().map(qid).collect(),
        couples: t
            .couples
            .iter()
            .map(|(x, y)| (qid(*x), y.map(qid)))
            .collect(),
        edges: t
            .edges
            .iter()
            .map(|e| TreeEdge {
                couple: e.couple,
                child: qid(e.child),
                rels: e.rels.clone(),
                roots: e.roots.clone(),
                conns: e.conns.clone(),
            })
            .collect(),
    }
}

/// An entity answer in Wikidata's shape, with every field the parser reads.
pub const SAMPLE: &str = r#"{"entities":{"Q1":{"type":"item","id":"Q1","labels":{"en":{"language":"en","value":"Sample Person"}},"descriptions":{"en":{"language":"en","value":"a person"}},"claims":{"P21":[{"mainsnak":{"snaktype":"value","property":"P21","datavalue":{"value":{"entity-type":"item","numeric-id":6581097,"id":"Q6581097"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}],"P569":[{"mainsnak":{"snaktype":"value","property":"P569","datavalue":{"value":{"time":"+1900-01-02T00:00:00Z","timezone":0,"before":0,"after":0,"precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","rank":"preferred"}],"P22":[{"mainsnak":{"snaktype":"value","property":"P22","datavalue":{"value":{"entity-type":"item","numeric-id":2,"id":"Q2"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}],"P25":[{"mainsnak":{"snaktype":"somevalue","property":"P25","datatype":"wikibase-item"},"type":"statement","rank":"normal"}],"P40":[{"mainsnak":{"snaktype":"value","property":"P40","datavalue":{"value":{"entity-type":"item","numeric-id":3,"id":"Q3"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"deprecated"}],"P18":[{"mainsnak":{"snaktype":"value","property":"P18","datavalue":{"value":"Sample.jpg","type":"string"},"datatype":"commonsMedia"},"type":"statement","rank":"normal"}]}},"Q4":{"id":"Q4","missing":""}}}"#;

/// Parses [`SAMPLE`] (one person with every field the parser reads, one missing item).
pub fn parse_sample() -> Option<Parsed> {
    parse_entities(SAMPLE.as_bytes(), &["en".to_string()]).ok()
}

/// A relate question answered from a store of about 60 synthetic people, with no request: the
/// crawl's end, kinship and the answer's layout (the small-tree engines). `None` if the crawl
/// did not end on the store alone.
pub fn small_question_answer() -> Option<Answer> {
    let syn = royal_like(60, 5);
    let mut store = Store::with_languages(vec!["en".into()]);
    for p in synthetic_persons(&syn).into_values() {
        store.insert(p);
    }
    let people: Vec<Qid> = syn.youngest.iter().take(2).copied().map(qid).collect();
    let mut ask = Ask::new("en");
    ask.people = people.clone();
    let crawl = Crawl::new(CrawlConfig::relate(people), store);
    let outcome = crawl.outcome()?;
    Some(Answer::build(
        ask,
        outcome,
        crawl.result(),
        crawl.progress(),
        0.0,
    ))
}

/// A person of a synthetic pedigree with the words the cards show: a name, life years and a
/// description, like a loaded Wikidata person.
pub fn synthetic_person(q: Qid, generation: u32, ped: &impl Pedigree<Id = Qid>) -> Person {
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
pub fn synthetic_persons(syn: &Synthetic) -> HashMap<Qid, Person> {
    syn.tree
        .persons
        .iter()
        .map(|q| {
            let generation = usize::try_from(q.0.saturating_sub(1))
                .ok()
                .and_then(|i| syn.generation.get(i))
                .copied()
                .unwrap_or(0);
            (
                qid(*q),
                synthetic_person(qid(*q), generation, &AsQids(&syn.pedigree)),
            )
        })
        .collect()
}

/// A synthetic pedigree of about `n` people (`seed` fixes it) drawn whole, as an [`Answer`]
/// with its layout, and `clock` read at the start, after generating, after the layout and after
/// building the answer.
pub fn synthetic_answer(n: u32, seed: u32, clock: &mut dyn FnMut() -> f64) -> (Answer, [f64; 4]) {
    let t0 = clock();
    let syn = royal_like(n as usize, u64::from(seed));
    let persons = synthetic_persons(&syn);
    let t1 = clock();
    let drawn = tree_of(&syn.tree);
    let geometry = layout(&drawn, &layout_options());
    let t2 = clock();
    let mut ask = Ask::new("en");
    ask.people = syn.youngest.iter().take(2).copied().map(qid).collect();
    ask.roots = syn.founders.iter().take(2).copied().map(qid).collect();
    let answer = Answer {
        graph: wikikin_core::FamilyGraph::default(),
        people: ask.people.clone(),
        roots: ask.roots.clone(),
        ask,
        outcome: Outcome::Ended {
            ending: Ending::Relate(RelateEnd::Searched),
            failed: 0,
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
        limits: Vec::new(),
        fallbacks: Vec::new(),
        conns: Vec::new(),
        conn_searched: None,
        tree: drawn,
        layout: geometry,
        progress: Progress::default(),
        elapsed_ms: 0.0,
    };
    let t3 = clock();
    (answer, [t0, t1, t2, t3])
}

//! Names, never bare ids: everyone the answer shows has an entity with a label, fetched for
//! its name when no search loaded it.

mod common;

use common::{royal, serve, ENDPOINT};
use wikidata_replica::Payload;
use wikikin_core::sim::{self, SimConfig};
use wikikin_core::{Crawl, CrawlConfig, FetchMode, Qid, Store};

fn everyone_shown_is_named(config: CrawlConfig) -> (usize, usize) {
    let r = royal(Payload::Lean);
    let mut crawl = Crawl::new(config, Store::new());
    let cfg = SimConfig {
        endpoint: ENDPOINT.into(),
        ..SimConfig::default()
    };
    sim::run(&mut crawl, &cfg, |req| serve(&r, req));
    let res = crawl.result();
    let named = |q: Qid| {
        res.persons
            .iter()
            .any(|p| p.id == q && p.label.as_deref().is_some_and(|l| !l.is_empty()))
    };
    let mut shown: Vec<Qid> = res.tree.persons.clone();
    for (x, y) in &res.tree.couples {
        shown.push(*x);
        shown.extend(*y);
    }
    for q in &shown {
        assert!(named(*q), "{q} is shown without a name");
    }
    let only_named = res
        .persons
        .iter()
        .filter(|p| !crawl.graph().is_loaded(p.id))
        .count();
    (shown.len(), only_named)
}

#[test]
fn the_explore_tree_names_everyone() {
    let mut config = CrawlConfig::explore(vec![Qid(9439)], vec![Qid(9682), Qid(80976)]);
    config.fetch = FetchMode::GetEntities;
    let (shown, named) = everyone_shown_is_named(config);
    assert!(shown > 10);
    assert!(
        named > 0,
        "some co-parents were fetched for their names only"
    );
}

#[test]
fn the_relate_tree_names_everyone() {
    let config = CrawlConfig::relate(vec![Qid(40787), Qid(269412)]);
    everyone_shown_is_named(config);
    let config = CrawlConfig::relate(vec![Qid(9682), Qid(80976)]);
    everyone_shown_is_named(config);
}

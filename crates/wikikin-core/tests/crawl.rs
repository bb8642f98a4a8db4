//! The crawl engine on hand-built families through the simulated network.

use std::collections::BTreeMap;
use wikikin_core::sim::{self, family_server, SimConfig, SimReply, SimRequest};
use wikikin_core::{
    Crawl, CrawlConfig, FetchMode, Limit, OutcomeKind, Person, Qid, RequestId, Sex, Store,
};
use wikikin_kinship::Pedigree;

/// (id, sex, father, mother); 0 = none. Children and spouses are filled in from both sides.
fn family(rows: &[(u64, Sex, u64, u64)]) -> Vec<Person> {
    let mut people: BTreeMap<u64, Person> = BTreeMap::new();
    for &(id, sex, _, _) in rows {
        let mut p = Person::new(Qid(id));
        p.sex = sex;
        p.label = Some(format!("Person {id}"));
        people.insert(id, p);
    }
    for &(id, _, f, m) in rows {
        for (parent, is_father) in [(f, true), (m, false)] {
            if parent == 0 {
                continue;
            }
            if let Some(p) = people.get_mut(&id) {
                if is_father {
                    p.fathers.push(Qid(parent));
                } else {
                    p.mothers.push(Qid(parent));
                }
            }
            if let Some(pp) = people.get_mut(&parent) {
                pp.children.push(Qid(id));
            }
        }
        if f != 0 && m != 0 {
            if let Some(pf) = people.get_mut(&f) {
                if !pf.spouses.contains(&Qid(m)) {
                    pf.spouses.push(Qid(m));
                }
            }
            if let Some(pm) = people.get_mut(&m) {
                if !pm.spouses.contains(&Qid(f)) {
                    pm.spouses.push(Qid(f));
                }
            }
        }
    }
    people.into_values().collect()
}

use Sex::{Female as F, Male as M};

/// Great-grandparents 1+2; grandparents 3+4 (child of 1,2 is 3) ... first cousins 9 and 10.
fn cousins() -> Vec<Person> {
    family(&[
        (100, M, 0, 0),
        (101, F, 0, 0),
        (1, M, 100, 101),
        (2, F, 0, 0),
        (3, M, 1, 2),
        (4, F, 0, 0),
        (5, F, 1, 2),
        (6, M, 0, 0),
        (9, M, 3, 4),
        (10, F, 6, 5),
    ])
}

fn sim_cfg(cap: usize) -> SimConfig {
    SimConfig {
        max_in_flight: cap,
        ..SimConfig::default()
    }
}

fn relate(people: &[u64], mode: FetchMode) -> CrawlConfig {
    let mut c = CrawlConfig::relate(people.iter().map(|&q| Qid(q)).collect());
    c.fetch = mode;
    c
}

#[test]
fn first_cousins_found_and_their_ancestors_pruned() {
    for mode in [FetchMode::EntityData, FetchMode::GetEntities] {
        let fam = cousins();
        let mut crawl = Crawl::new(relate(&[9, 10], mode), Store::new());
        let rep = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
        let out = crawl.outcome().unwrap();
        assert_eq!(out.kind(), OutcomeKind::Done, "{out:?}");
        let g = crawl.graph();
        assert_eq!(g.parents(Qid(9)), vec![Qid(3), Qid(4)]);
        assert_eq!(g.parents(Qid(3)), vec![Qid(1), Qid(2)]);
        assert_eq!(g.parents(Qid(5)), vec![Qid(1), Qid(2)]);
        // 1 and 2 are ancestors of both: their parents are never fetched.
        assert!(!rep.answered.contains_key(&Qid(100)), "{:?}", rep.answered);
        assert!(!rep.answered.contains_key(&Qid(101)));
        assert!(rep.answered.values().all(|n| *n == 1), "fetched twice");
        // 9,10 | 3,4,6,5 | 1,2: three dependent levels.
        assert_eq!(rep.levels, 3);
        assert_eq!(rep.wall_ms, 300.0);
        assert!(!rep.stalled);
        let res = crawl.result();
        assert!(res.failures.is_empty() && res.problems.is_empty());
        assert_eq!(res.levels[0].known, 2);
        assert_eq!(res.levels[2].loaded, 2);
    }
}

#[test]
fn direct_ancestor_is_answered() {
    let fam = cousins();
    let mut crawl = Crawl::new(relate(&[9, 1], FetchMode::GetEntities), Store::new());
    let rep = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
    let res = crawl.result();
    assert_eq!(res.direct_ancestors.len(), 1);
    let d = res.direct_ancestors[0];
    assert_eq!(
        (d.ancestor, d.descendant, d.generations),
        (Qid(1), Qid(9), 2)
    );
    // 1 is an ancestor of both asked, so 1's parents are not searched.
    assert!(!rep.answered.contains_key(&Qid(100)));
}

#[test]
fn children_fallback_finds_the_missing_father_through_the_mothers_spouse() {
    let mut fam = cousins();
    // 3 names only his mother; his father 1 lists him in P40 and is 2's spouse.
    for p in fam.iter_mut() {
        if p.id == Qid(3) {
            p.fathers.clear();
        }
    }
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::GetEntities), Store::new());
    let rep = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
    assert_eq!(crawl.graph().fathers(Qid(3)), vec![Qid(1)]);
    assert!(rep.answered.contains_key(&Qid(1)));
    // Without the fallback, 1 is still found from 5's side, so check a case where he is not:
    let mut fam2 = family(&[
        (1, M, 0, 0),
        (2, F, 0, 0),
        (3, M, 0, 2),
        (4, F, 0, 0),
        (9, M, 3, 4),
        (10, F, 0, 0),
    ]);
    for p in fam2.iter_mut() {
        if p.id == Qid(1) {
            p.children.push(Qid(3));
            p.spouses.push(Qid(2));
        }
        if p.id == Qid(2) {
            p.spouses.push(Qid(1));
        }
    }
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::GetEntities), Store::new());
    sim::run(&mut crawl, &sim_cfg(6), family_server(&fam2));
    assert_eq!(crawl.graph().fathers(Qid(3)), vec![Qid(1)]);
    let mut cfg = relate(&[9, 10], FetchMode::GetEntities);
    cfg.children_fallback = false;
    // The connection search through marriage walks spouse links too: off, to see the fallback.
    cfg.connections = false;
    let mut crawl = Crawl::new(cfg, Store::new());
    sim::run(&mut crawl, &sim_cfg(6), family_server(&fam2));
    assert!(crawl.graph().fathers(Qid(3)).is_empty());
}

/// A full binary pedigree `gens` deep above person 1 (ids as heap indices), plus a second
/// person `2^gens * 4` whose father is the top-left ancestor.
fn pedigree(gens: u32) -> (Vec<Person>, u64) {
    let mut rows = Vec::new();
    let top = 1u64 << gens;
    for i in 1..(top * 2) {
        let (f, m) = if i < top { (2 * i, 2 * i + 1) } else { (0, 0) };
        rows.push((i, if i % 2 == 0 { M } else { F }, f, m));
    }
    let other = top * 4;
    rows.push((other, M, top, 0));
    (family(&rows), other)
}

#[test]
fn never_more_in_flight_than_the_cap_and_no_id_fetched_twice() {
    let (fam, other) = pedigree(6);
    for mode in [FetchMode::EntityData, FetchMode::GetEntities] {
        for cap in [1, 2, 6, 16] {
            let mut cfg = relate(&[1, other], mode);
            cfg.max_generations = 20;
            let mut crawl = Crawl::new(cfg, Store::new());
            let sc = SimConfig {
                jitter_ms: if mode == FetchMode::EntityData {
                    50.0
                } else {
                    0.0
                },
                seed: cap as u64,
                ..sim_cfg(cap)
            };
            let rep = sim::run(&mut crawl, &sc, family_server(&fam));
            assert!(
                rep.max_in_flight <= cap,
                "{mode:?} cap {cap}: {}",
                rep.max_in_flight
            );
            assert!(rep.answered.values().all(|n| *n == 1), "{mode:?} cap {cap}");
            assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
            // Everyone in the pedigree was needed (no pruning possible except above the top).
            assert_eq!(rep.entities_fetched, fam.len(), "{mode:?} cap {cap}");
            if mode == FetchMode::GetEntities && cap >= 6 {
                // Batching keeps it to one round trip per generation.
                assert_eq!(rep.wall_ms, 700.0, "cap {cap}");
            }
            let p = crawl.progress();
            assert_eq!(p.in_flight, 0);
            assert_eq!(p.fetched, fam.len());
        }
    }
}

#[test]
fn batches_spread_over_free_slots() {
    let (fam, other) = pedigree(4);
    let mut crawl = Crawl::new(relate(&[1, other], FetchMode::GetEntities), Store::new());
    // By hand: first poll with 1 slot gets both asked in one request.
    let r = crawl.poll(0.0, 1);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].qids, vec![Qid(1), Qid(other)]);
    let found: Vec<&Person> = fam.iter().filter(|p| r[0].qids.contains(&p.id)).collect();
    crawl.on_response(r[0].id, 100.0, 200, None, &sim::response_json(&found, &[]));
    // Now 1's parents 2,3 and other's father 16 are ready: 3 ids over 2 slots = batches of 2.
    let r = crawl.poll(100.0, 2);
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].qids.len(), 2);
    assert_eq!(r[1].qids.len(), 1);
    assert!(r.iter().all(|x| x.chain == 2));
    assert_eq!(crawl.progress().requests_in_flight, 2);
    assert_eq!(crawl.progress().in_flight, 3);
    assert!(crawl.poll(100.0, 0).is_empty());
    // An unknown request id is ignored.
    crawl.on_response(RequestId(999), 100.0, 200, None, b"{}");
}

#[test]
fn large_entities_are_batched_by_bytes() {
    let (fam, other) = pedigree(4);
    // (batch_bytes, ids in the one request a single free slot gets once 2,3,16 are ready)
    for (batch_bytes, expected) in [(0, 3), (1_000_000, 3), (400_000, 1), (700_000, 2)] {
        let mut cfg = relate(&[1, other], FetchMode::GetEntities);
        cfg.batch_bytes = batch_bytes;
        let mut crawl = Crawl::new(cfg, Store::new());
        let r = crawl.poll(0.0, 1);
        assert_eq!(r[0].qids.len(), 2, "nothing is known of sizes yet");
        let found: Vec<&Person> = fam.iter().filter(|p| r[0].qids.contains(&p.id)).collect();
        // Two entities in 600 kB (JSON allows the trailing whitespace): 300 kB each.
        let mut body = sim::response_json(&found, &[]);
        body.resize(600_000, b' ');
        crawl.on_response(r[0].id, 100.0, 200, None, &body);
        assert!(crawl.result().failures.is_empty());
        let r = crawl.poll(100.0, 1);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].qids.len(), expected, "batch_bytes {batch_bytes}");
        // The rest wait for the next free slot, not for more bytes to come back.
        assert_eq!(crawl.progress().queued, 3 - expected);
        let r2 = crawl.poll(100.0, 6);
        assert_eq!(r2.iter().map(|x| x.qids.len()).sum::<usize>(), 3 - expected);
    }
    // Special:EntityData is one id per request whatever the sizes.
    let mut crawl = Crawl::new(relate(&[1, other], FetchMode::EntityData), Store::new());
    assert_eq!(crawl.poll(0.0, 6).len(), 2);
}

#[test]
fn exploring_spreads_a_small_queue_rather_than_packing_it() {
    // Person 1 with 20 children; the target (99) is not among them.
    let mut rows = vec![(1, M, 0, 0)];
    rows.extend((2..22).map(|i| (i, F, 1, 0)));
    let fam = family(&rows);
    let mut crawl = Crawl::new(
        CrawlConfig::explore(vec![Qid(1)], vec![Qid(99)]),
        Store::new(),
    );
    let r = crawl.poll(0.0, 6);
    let found: Vec<&Person> = fam.iter().filter(|p| p.id == Qid(1)).collect();
    let mut body = sim::response_json(&found, &[]);
    body.resize(300_000, b' ');
    crawl.on_response(r[0].id, 100.0, 200, None, &body);
    // 300 kB entities: 3 fit in 1 MB. 20 queued over 4 free slots: 3 each.
    let r = crawl.poll(100.0, 4);
    assert_eq!(
        r.iter().map(|x| x.qids.len()).collect::<Vec<_>>(),
        [3, 3, 3, 3]
    );
    // 8 left and 5 slots in all (4 busy): 2 each is enough to spread them, not 3.
    let r = crawl.poll(100.0, 1);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].qids.len(), 2);
}

#[test]
fn urls_are_cors_simple_gets() {
    let mut cfg = relate(&[42, 1], FetchMode::GetEntities);
    cfg.languages = vec!["de".into(), "en".into()];
    let mut crawl = Crawl::new(cfg, Store::new());
    let r = crawl.poll(0.0, 1);
    assert_eq!(
        crawl.url("https://www.wikidata.org/", &r[0]),
        "https://www.wikidata.org/w/api.php?action=wbgetentities&ids=Q42%7CQ1&props=labels%7Cdescriptions%7Cclaims&languages=de%7Cen%7Cmul&languagefallback=1&format=json&origin=*"
    );
    let mut crawl = Crawl::new(relate(&[42, 1], FetchMode::EntityData), Store::new());
    let r = crawl.poll(0.0, 6);
    assert_eq!(r.len(), 2);
    assert_eq!(
        crawl.url("http://localhost:8080", &r[0]),
        "http://localhost:8080/wiki/Special:EntityData/Q42.json"
    );
}

/// A server that misbehaves for some ids.
fn faulty<'a>(
    fam: &'a [Person],
    mut fault: impl FnMut(Qid, u32) -> Option<SimReply> + 'a,
) -> impl FnMut(&SimRequest) -> SimReply + 'a {
    let mut good = family_server(fam);
    let mut attempts: BTreeMap<Qid, u32> = BTreeMap::new();
    move |r: &SimRequest| {
        for q in &r.request.qids {
            let a = attempts.entry(*q).or_insert(0);
            *a += 1;
            if let Some(reply) = fault(*q, *a) {
                return reply;
            }
        }
        good(r)
    }
}

#[test]
fn http_500_is_a_per_person_failure_and_the_crawl_goes_on() {
    let fam = cousins();
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::EntityData), Store::new());
    let rep = sim::run(
        &mut crawl,
        &sim_cfg(6),
        faulty(&fam, |q, _| (q == Qid(4)).then(|| SimReply::status(500))),
    );
    let out = crawl.outcome().unwrap();
    assert_eq!(out.kind(), OutcomeKind::Done, "{out:?}");
    assert!(
        out.to_string().contains("1 person could not be fetched"),
        "{}",
        out.to_string()
    );
    let res = crawl.result();
    assert_eq!(res.failures.len(), 1);
    assert_eq!(res.failures[0].id, Qid(4));
    assert!(res.failures[0]
        .to_string()
        .contains("HTTP 500 Internal Server Error"));
    assert!(crawl.graph().is_loaded(Qid(1)));
    assert_eq!(rep.answered.get(&Qid(4)), None);
}

#[test]
fn asked_person_failing_fails_the_crawl_in_words() {
    let fam = cousins();
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::EntityData), Store::new());
    sim::run(
        &mut crawl,
        &sim_cfg(6),
        faulty(&fam, |q, _| (q == Qid(10)).then(|| SimReply::status(404))),
    );
    let out = crawl.outcome().unwrap();
    assert_eq!(out.kind(), OutcomeKind::Failed);
    assert!(
        out.to_string().contains("Q10 was not found"),
        "{}",
        out.to_string()
    );
    // A missing entity (wbgetentities "missing") is a result, and also fails the question.
    let mut crawl = Crawl::new(relate(&[9, 77], FetchMode::GetEntities), Store::new());
    sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    let out = crawl.outcome().unwrap();
    assert_eq!(out.kind(), OutcomeKind::Failed);
    assert!(
        out.to_string().contains("Q77 does not exist"),
        "{}",
        out.to_string()
    );
    assert_eq!(crawl.result().missing, vec![Qid(77)]);
}

#[test]
fn http_429_waits_for_retry_after_then_succeeds() {
    let fam = cousins();
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::EntityData), Store::new());
    let rep = sim::run(
        &mut crawl,
        &sim_cfg(6),
        faulty(&fam, |q, a| {
            (q == Qid(3) && a == 1).then(|| SimReply::Http {
                status: 429,
                retry_after: Some("2".into()),
                body: b"slow down".to_vec(),
            })
        }),
    );
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
    assert!(crawl.graph().is_loaded(Qid(1)));
    // 9,10 at 100; 3 refused at 200 (1,2 come through 5); 3 asked again at 2200, here at 2300.
    assert_eq!(rep.wall_ms, 2300.0);
    assert_eq!(crawl.progress().retries, 1);
    assert!(crawl.result().failures.is_empty());
}

#[test]
fn http_503_without_retry_after_backs_off_and_gives_up() {
    let fam = cousins();
    let mut cfg = relate(&[9, 10], FetchMode::EntityData);
    cfg.default_retry_ms = 1000.0;
    let mut crawl = Crawl::new(cfg, Store::new());
    let rep = sim::run(
        &mut crawl,
        &sim_cfg(6),
        faulty(&fam, |q, _| (q == Qid(4)).then(|| SimReply::status(503))),
    );
    let res = crawl.result();
    assert_eq!(res.failures.len(), 1);
    assert!(
        res.failures[0].to_string().contains("503"),
        "{}",
        res.failures[0].to_string()
    );
    assert!(res.failures[0].to_string().contains("3 attempts"));
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
    // Waits of 1 s then 2 s.
    assert!(rep.wall_ms >= 3200.0, "{}", rep.wall_ms);
    assert_eq!(rep.urls.iter().filter(|u| u.contains("Q4.json")).count(), 3);
}

#[test]
fn truncated_json_is_a_parse_failure_in_words() {
    let fam = cousins();
    let body = sim::response_json(&[&fam[4]], &[]);
    let cut = body[..body.len() / 2].to_vec();
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::EntityData), Store::new());
    sim::run(
        &mut crawl,
        &sim_cfg(6),
        faulty(&fam, move |q, _| {
            (q == Qid(3)).then(|| SimReply::ok(cut.clone()))
        }),
    );
    let res = crawl.result();
    assert_eq!(res.failures.len(), 1);
    assert!(
        res.failures[0].to_string().contains("cut short"),
        "{}",
        res.failures[0].to_string()
    );
}

#[test]
fn timeouts_are_retried_once() {
    let fam = cousins();
    let sc = SimConfig {
        timeout_ms: 1000.0,
        ..sim_cfg(6)
    };
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::EntityData), Store::new());
    let rep = sim::run(
        &mut crawl,
        &sc,
        faulty(&fam, |q, a| {
            (q == Qid(3) && a == 1).then_some(SimReply::Timeout)
        }),
    );
    assert!(crawl.result().failures.is_empty());
    assert!(crawl.graph().is_loaded(Qid(3)));
    // 3 is sent at 100, times out at 1100, is answered at 1200 (1,2 came through 5 meanwhile).
    assert_eq!(rep.wall_ms, 1200.0);
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::EntityData), Store::new());
    sim::run(
        &mut crawl,
        &sc,
        faulty(&fam, |q, _| (q == Qid(3)).then_some(SimReply::Timeout)),
    );
    let res = crawl.result();
    assert_eq!(res.failures.len(), 1);
    assert!(res.failures[0].to_string().contains("timed out twice"));
    // Network errors likewise.
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::EntityData), Store::new());
    sim::run(
        &mut crawl,
        &sc,
        faulty(&fam, |q, _| {
            (q == Qid(3)).then(|| SimReply::NetworkError("connection reset".into()))
        }),
    );
    assert!(crawl.result().failures[0]
        .to_string()
        .contains("connection reset"));
}

#[test]
fn entity_limit_is_a_reported_outcome_with_the_partial_result() {
    let (fam, other) = pedigree(6);
    let mut cfg = relate(&[1, other], FetchMode::GetEntities);
    cfg.max_entities = 20;
    let mut crawl = Crawl::new(cfg, Store::new());
    let rep = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    let out = crawl.outcome().unwrap();
    assert_eq!(
        out.kind(),
        OutcomeKind::LimitReached(Limit::Entities),
        "{out:?}"
    );
    assert!(out.to_string().contains("limit of 20"));
    // The search loaded 20; the people it shows but did not load were then fetched for their
    // names only (they do not join the family graph).
    let res = crawl.result();
    let searched = res
        .persons
        .iter()
        .filter(|p| crawl.graph().is_loaded(p.id))
        .count();
    assert_eq!(searched, 20);
    let named = res.persons.len() - searched;
    assert_eq!(rep.entities_fetched, 20 + named);
    for p in res
        .persons
        .iter()
        .filter(|p| !crawl.graph().is_loaded(p.id))
    {
        assert!(
            res.tree.persons.contains(&p.id),
            "{} named but not shown",
            p.id
        );
    }
}

#[test]
fn generation_limit_is_a_reported_outcome() {
    let fam = cousins();
    let mut cfg = relate(&[9, 10], FetchMode::GetEntities);
    cfg.max_generations = 1;
    // What the blood search fetches (the connection search has its own limit, in links).
    cfg.connections = false;
    let mut crawl = Crawl::new(cfg, Store::new());
    let rep = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    let out = crawl.outcome().unwrap();
    assert_eq!(
        out.kind(),
        OutcomeKind::LimitReached(Limit::Generations),
        "{out:?}"
    );
    assert!(out.to_string().contains("1 generations"));
    assert!(!rep.answered.contains_key(&Qid(1)));
}

#[test]
fn cancel_stops_everything() {
    let (fam, other) = pedigree(6);
    let mut crawl = Crawl::new(relate(&[1, other], FetchMode::EntityData), Store::new());
    let sc = SimConfig {
        cancel_at_ms: Some(250.0),
        ..sim_cfg(6)
    };
    let rep = sim::run(&mut crawl, &sc, family_server(&fam));
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Cancelled);
    assert_eq!(rep.wall_ms, 250.0);
    assert!(crawl.poll(1000.0, 6).is_empty());
    assert_eq!(crawl.next_wake(), None);
}

#[test]
fn the_store_persists_across_crawls() {
    let fam = cousins();
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::GetEntities), Store::new());
    let first = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    assert!(first.requests > 0);
    let store = crawl.into_store();
    assert_eq!(store.len(), 8);
    // Same question again: nothing fetched.
    let mut crawl = Crawl::new(relate(&[10, 9], FetchMode::GetEntities), store);
    let again = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    assert_eq!(again.requests, 0);
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
    assert_eq!(crawl.progress().cached, 8);
    assert_eq!(crawl.graph().parents(Qid(3)), vec![Qid(1), Qid(2)]);
    // A different question reuses what it can.
    let store = crawl.into_store();
    let mut crawl = Crawl::new(relate(&[9, 1], FetchMode::GetEntities), store);
    let third = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    assert_eq!(third.requests, 0);
    // Other label languages start afresh.
    let store = crawl.into_store();
    let mut cfg = relate(&[9, 10], FetchMode::GetEntities);
    cfg.languages = vec!["fr".into()];
    let crawl = Crawl::new(cfg, store);
    assert_eq!(crawl.progress().cached, 0);
}

#[test]
fn a_store_filled_beforehand_answers_without_a_request() {
    let mut store = Store::with_languages(vec!["en".into()]);
    for p in cousins() {
        store.insert(p);
    }
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::GetEntities), store);
    assert!(crawl.poll(0.0, 6).is_empty());
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
    assert_eq!(crawl.progress().requests, 0);
    let res = crawl.result();
    assert_eq!(res.relationships.len(), 1, "{:?}", res.relationships);
    // The same store under another language is emptied: nothing is answered from it.
    let mut store = Store::with_languages(vec!["de".into()]);
    for p in cousins() {
        store.insert(p);
    }
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::GetEntities), store);
    assert!(!crawl.poll(0.0, 6).is_empty());
}

#[test]
fn redirects_map_the_asked_id_to_the_real_one() {
    let fam = cousins();
    let ten = fam.iter().find(|p| p.id == Qid(10)).unwrap().clone();
    // Q55 is a redirect to Q10: EntityData follows it silently.
    let mut inner = family_server(&fam);
    let server = move |r: &SimRequest| {
        if r.request.qids == [Qid(55)] {
            let p = &ten;
            return SimReply::ok(sim::response_json(&[p], &[]));
        }
        inner(r)
    };
    let mut crawl = Crawl::new(relate(&[9, 55], FetchMode::EntityData), Store::new());
    sim::run(&mut crawl, &sim_cfg(6), server);
    assert_eq!(crawl.outcome().unwrap().kind(), OutcomeKind::Done);
    let res = crawl.result();
    assert_eq!(res.redirected, vec![(Qid(55), Qid(10))]);
    assert_eq!(res.people, vec![Qid(9), Qid(10)]);
    assert!(crawl.graph().is_loaded(Qid(1)));
    // Next crawl: the store knows the redirect.
    let store = crawl.into_store();
    let crawl = Crawl::new(relate(&[55, 9], FetchMode::EntityData), store);
    assert_eq!(crawl.people(), &[Qid(10), Qid(9)]);
}

#[test]
fn explore_breadth_first_with_per_level_counts() {
    let fam = cousins();
    let mut cfg = CrawlConfig::explore(vec![Qid(1)], vec![Qid(9), Qid(10)]);
    cfg.fetch = FetchMode::GetEntities;
    let mut crawl = Crawl::new(cfg, Store::new());
    let rep = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    let out = crawl.outcome().unwrap();
    assert_eq!(out.kind(), OutcomeKind::Done, "{out:?}");
    let res = crawl.result();
    assert_eq!(res.reached, vec![(Qid(9), Some(2)), (Qid(10), Some(2))]);
    // Level 0: 1; level 1: 100, 101, 3, 5; level 2: 9, 10 (and the parents' other children).
    assert_eq!(res.levels[0].known, 1);
    assert_eq!(res.levels[1].known, 4);
    assert!(rep.answered.values().all(|n| *n == 1));
    // Unreachable target within the limit.
    let mut cfg = CrawlConfig::explore(vec![Qid(100)], vec![Qid(10)]);
    cfg.max_generations = 1;
    let mut crawl = Crawl::new(cfg, Store::new());
    sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    assert_eq!(
        crawl.outcome().unwrap().kind(),
        OutcomeKind::LimitReached(Limit::Generations)
    );
}

#[test]
fn bad_questions_fail_in_words() {
    let c = Crawl::new(relate(&[9], FetchMode::GetEntities), Store::new());
    assert!(c.outcome().unwrap().to_string().contains("at least two"));
    let c = Crawl::new(relate(&[9, 9], FetchMode::GetEntities), Store::new());
    assert_eq!(c.outcome().unwrap().kind(), OutcomeKind::Failed);
    let c = Crawl::new(CrawlConfig::explore(vec![], vec![]), Store::new());
    assert_eq!(c.outcome().unwrap().kind(), OutcomeKind::Failed);
}

#[test]
fn cycles_in_the_data_do_not_loop() {
    // 1's father is 2, 2's father is 1 (bad data), and 3's father is 1.
    let mut fam = family(&[(1, M, 2, 0), (2, M, 0, 0), (3, M, 1, 0), (4, M, 2, 0)]);
    for p in fam.iter_mut() {
        if p.id == Qid(2) {
            p.fathers.push(Qid(1));
        }
    }
    let mut crawl = Crawl::new(relate(&[3, 4], FetchMode::GetEntities), Store::new());
    let rep = sim::run(&mut crawl, &sim_cfg(6), family_server(&fam));
    assert!(crawl.outcome().is_some());
    assert!(!rep.stalled);
    let probs = crawl.result().problems;
    assert!(
        probs
            .iter()
            .any(|p| p.to_string().contains("own ancestors")),
        "{probs:?}"
    );
}

#[test]
fn odd_answers_are_per_person_failures_in_words() {
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::GetEntities), Store::new());
    let r = crawl.poll(0.0, 6);
    assert_eq!(r.len(), 2);
    // An answer that leaves an asked id out.
    crawl.on_response(r[0].id, 100.0, 200, None, &sim::response_json(&[], &[]));
    // An API error object.
    crawl.on_response(
        r[1].id,
        100.0,
        200,
        None,
        br#"{"error":{"code":"maxlag","info":"Waiting for a database server: 6 seconds lagged."}}"#,
    );
    let res = crawl.result();
    assert_eq!(res.failures.len(), 2);
    assert!(res.failures[0].to_string().contains("did not include Q9"));
    assert!(res.failures[1].to_string().contains("6 seconds lagged"));
    let out = crawl.outcome().unwrap();
    assert_eq!(out.kind(), OutcomeKind::Failed);
    assert!(out.to_string().contains("Q9") && out.to_string().contains("Q10"));
    // An HTML page where JSON was expected.
    let mut crawl = Crawl::new(relate(&[9, 10], FetchMode::EntityData), Store::new());
    let r = crawl.poll(0.0, 6);
    crawl.on_response(
        r[0].id,
        100.0,
        200,
        None,
        b"<!DOCTYPE html><html>Error</html>",
    );
    assert!(crawl.result().failures[0]
        .to_string()
        .contains("not valid JSON"));
    // The progress bar moves.
    let p = crawl.progress();
    assert_eq!((p.failed, p.in_flight, p.requests), (1, 1, 2));
    assert!((p.fraction() - 0.5).abs() < 1e-9);
}

/// A 429 that makes an id give up still holds back every other request for its Retry-After.
#[test]
fn a_final_429_still_holds_back_the_other_requests() {
    let mut cfg = CrawlConfig::relate(vec![Qid(1), Qid(2)]);
    cfg.fetch = FetchMode::EntityData;
    cfg.max_attempts = 1;
    let mut crawl = Crawl::new(cfg, Store::new());
    let first = crawl.poll(0.0, 1);
    assert_eq!(first.len(), 1);
    crawl.on_response(first[0].id, 10.0, 429, Some("5"), b"");
    assert_eq!(crawl.result().failures.len(), 1, "the id gave up");
    assert!(crawl.poll(20.0, 6).is_empty(), "held back by Retry-After");
    assert_eq!(crawl.next_wake(), Some(5010.0));
    let later = crawl.poll(5010.0, 6);
    assert_eq!(later.len(), 1);
    assert_ne!(later[0].qids, first[0].qids);
}

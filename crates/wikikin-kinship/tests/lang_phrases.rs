//! Sentences and headlines in each language (typed phrases with person pieces), and the
//! properties of every language's terms: distinct relationships get distinct terms, no English
//! word leaks into another language, every language has every phrase kind.

use wikikin_kinship::*;

mod phrase_support;

use phrase_support::*;

/// Every language.
const WRITTEN: [Lang; 8] = Lang::ALL;

#[test]
fn headlines() {
    let said = philip_said();
    assert_eq!(
        headline_text(Lang::En, 1, 2, &said),
        "Prince Philip, Duke of Edinburgh is Elizabeth II's husband, and also her second cousin \
         once removed, third cousin and fourth cousin."
    );
    assert_eq!(
        headline_text(Lang::De, 1, 2, &said),
        "Prince Philip, Duke of Edinburgh ist der Ehemann von Elizabeth II und außerdem ihr Onkel \
         3. Grades, ihr Cousin 3. Grades und ihr Cousin 4. Grades."
    );
    assert_eq!(
        headline_text(Lang::Sv, 1, 2, &said),
        "Prince Philip, Duke of Edinburgh är make till Elizabeth II och även hennes fars \
         tremänning, fyrmänning och femmänning."
    );
    assert_eq!(
        headline_text(Lang::Es, 1, 2, &said),
        "Prince Philip, Duke of Edinburgh es esposo de Elizabeth II y, además, su tío tercero, \
         primo tercero y primo cuarto."
    );
    let cousins = [Said::Kin(Kin::new(2, 2))];
    assert_eq!(
        headline_text(Lang::En, 5, 6, &cousins),
        "George V and Nicholas II of Russia are first cousins."
    );
    assert_eq!(
        headline_text(Lang::De, 5, 6, &cousins),
        "George V und Nicholas II of Russia sind Cousins."
    );
    assert_eq!(
        headline_text(Lang::Sv, 5, 6, &cousins),
        "George V och Nicholas II of Russia är kusiner."
    );
    assert_eq!(
        headline_text(Lang::Es, 5, 6, &cousins),
        "George V y Nicholas II of Russia son primos hermanos."
    );
    // Spanish "y" becomes "e" before an i- sound.
    assert_eq!(
        headline_text(Lang::Es, 5, 7, &cousins),
        "George V e Isabel son primos hermanos."
    );
    let married_cousins = [Said::Link(Link::Spouse), Said::Kin(Kin::new(4, 4))];
    assert_eq!(
        headline_text(Lang::En, 1, 5, &married_cousins),
        "Elizabeth II and George V are married, and also third cousins."
    );
    assert!(headline_text(Lang::En, 1, 2, &[]).is_empty());
}

#[test]
fn headline_is_typed() {
    let h = headline(
        Lang::De,
        q(1),
        q(2),
        (Sex::Female, Sex::Male),
        &philip_said(),
        &name,
    );
    assert_eq!(h.people(), vec![q(2), q(1)]);
    let json = serde_json::to_string(&h).unwrap();
    assert!(
        json.starts_with(r#"[{"person":2},{"text":" ist der Ehemann von "},{"person":1}"#),
        "{json}"
    );
}

#[test]
fn relationship_sentences() {
    let r = rel(1, 2, 4, 4, &[3, 4]);
    let k = Kin::of(&r, &sex);
    let say = |lang| relationship_phrase(lang, &r, &k, &name, &sex).to_text(&name);
    assert_eq!(
        say(Lang::En),
        "Prince Philip, Duke of Edinburgh is Elizabeth II's third cousin — through Christian IX & Louise"
    );
    assert_eq!(
        say(Lang::De),
        "Prince Philip, Duke of Edinburgh ist ein Cousin 3. Grades von Elizabeth II — über Christian IX & Louise"
    );
    assert_eq!(
        say(Lang::Sv),
        "Prince Philip, Duke of Edinburgh är fyrmänning till Elizabeth II — genom Christian IX och Louise"
    );
    assert_eq!(
        say(Lang::Es),
        "Prince Philip, Duke of Edinburgh es primo tercero de Elizabeth II — a través de Christian IX y Louise"
    );
    let r = rel(2, 7, 2, 2, &[3, 7]);
    assert!(
        relationship_phrase(Lang::Es, &r, &Kin::of(&r, &sex), &name, &sex)
            .to_text(&name)
            .ends_with("Christian IX e Isabel")
    );
    // The direct-line sentences.
    let r = rel(1, 3, 3, 0, &[3]);
    let direct = |lang| direct_line_phrase(lang, &r, &name, &sex).map(|p| p.to_text(&name));
    assert_eq!(
        direct(Lang::En).unwrap(),
        "Christian IX is a direct ancestor of Elizabeth II"
    );
    assert_eq!(
        direct(Lang::De).unwrap(),
        "Christian IX ist ein direkter Vorfahre von Elizabeth II"
    );
    assert_eq!(
        direct(Lang::Sv).unwrap(),
        "Christian IX är en direkt anfader till Elizabeth II"
    );
    assert_eq!(
        direct(Lang::Es).unwrap(),
        "Christian IX es antepasado directo de Elizabeth II"
    );
    assert_eq!(
        direct_line_phrase(Lang::De, &rel(1, 2, 2, 2, &[]), &name, &sex),
        None
    );
}

/// Kin::of reads the linking people of the relationship's own lines.
#[test]
fn nordic_terms_from_the_lines() {
    // 10 → 11F → 12M → a(13);  10 → 14M → b(15M): b is a's mother's... (ga 3, gb 2)
    let mut r = rel(13, 15, 3, 2, &[10]);
    r.path_a = vec![q(10), q(11), q(12), q(13)];
    r.path_b = vec![q(10), q(14), q(15)];
    let s = |x: PersonId| match x.0 {
        11 => Sex::Female,
        12 | 14 | 15 => Sex::Male,
        _ => Sex::Unknown,
    };
    let k = Kin::of(&r, &s);
    assert_eq!(k.a_line, vec![Sex::Male, Sex::Female]);
    assert_eq!(k.b_line, vec![Sex::Male]);
    assert_eq!(kin_term(Lang::Sv, &k, Sex::Male), "fars kusin");
    // A linking sex unknown: the neutral word.
    let k = Kin::of(&r, &|x: PersonId| {
        if x.0 == 12 {
            Sex::Unknown
        } else {
            s(x)
        }
    });
    assert_eq!(kin_term(Lang::Sv, &k, Sex::Male), "förälders kusin");
}

#[test]
fn connections_in_every_language() {
    let p = family();
    // 21 → her son 22 → his wife 24: the daughter-in-law.
    let c = Connection {
        path: vec![q(21), q(22), q(24)],
        steps: vec![Step::Child, Step::Spouse],
    };
    let say = |lang| connection_phrase(lang, &p, &c, &name).to_text(&name);
    assert_eq!(say(Lang::En), "P24 is P21's daughter-in-law.");
    assert_eq!(say(Lang::De), "P24 ist die Schwiegertochter von P21.");
    assert_eq!(say(Lang::Sv), "P24 är svärdotter till P21.");
    assert_eq!(say(Lang::Es), "P24 es nuera de P21.");
    // 24 → her husband 22 → his sister 23 → her husband 25: a chain.
    let c = Connection {
        path: vec![q(24), q(22), q(20), q(23), q(25)],
        steps: vec![Step::Spouse, Step::Parent, Step::Child, Step::Spouse],
    };
    let say = |lang| connection_phrase(lang, &p, &c, &name).to_text(&name);
    assert_eq!(
        say(Lang::En),
        "P24 → her husband P22 → his sister P23 → her husband P25"
    );
    assert_eq!(
        say(Lang::De),
        "P24 → ihr Ehemann P22 → seine Schwester P23 → ihr Ehemann P25"
    );
    assert_eq!(
        say(Lang::Sv),
        "P24 → hennes make P22 → hans syster P23 → hennes make P25"
    );
    assert_eq!(
        say(Lang::Es),
        "P24 → su esposo P22 → su hermana P23 → su esposo P25"
    );
    assert_eq!(
        connection_phrase(Lang::De, &p, &c, &name).people(),
        vec![q(24), q(22), q(23), q(25)]
    );
}

/// Within each language, for a fixed sex of b and fixed linking sexes, distinct (ga, gb, half)
/// up to 12 generations get distinct terms.
#[test]
fn distinct_relationships_get_distinct_terms() {
    for lang in WRITTEN {
        for s in [Sex::Male, Sex::Female, Sex::Unknown] {
            for line in [Sex::Male, Sex::Female, Sex::Unknown] {
                let mut seen = std::collections::HashMap::new();
                for ga in 0..=12u32 {
                    for gb in 0..=12u32 {
                        for half in [false, true] {
                            // Direct lines and self are never half.
                            if half && (ga == 0 || gb == 0) || (ga, gb) == (0, 0) {
                                continue;
                            }
                            let k = Kin {
                                half,
                                a_line: vec![line; 12],
                                b_line: vec![line; 12],
                                ..Kin::new(ga, gb)
                            };
                            let t = kin_term(lang, &k, s);
                            // English "removed" is the same both ways, by its convention.
                            let key = if lang == Lang::En && ga >= 2 && gb >= 2 {
                                (ga.min(gb), ga.max(gb), half)
                            } else {
                                (ga, gb, half)
                            };
                            if let Some(other) = seen.insert(t.clone(), key).filter(|o| *o != key) {
                                panic!(
                                    "{lang:?} {s:?} {line:?}: {t:?} for {other:?} and {:?}",
                                    (ga, gb, half)
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

const ENGLISH: [&str; 27] = [
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "great",
    "father",
    "mother",
    "brother",
    "sister",
    "daughter",
    "removed",
    "once",
    "twice",
    "thrice",
    "half",
    "step",
    "husband",
    "wife",
    "spouse",
    "child",
    "sibling",
    "times",
    "first",
    "third",
    "fourth",
    "grandfather",
    "law",
];

/// The English words in `text` that are not also words of `lang` (Danish "niece").
fn english_words(lang: Lang, text: &str) -> Vec<String> {
    let own: &[&str] = if lang == Lang::Da { &["niece"] } else { &[] };
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| !own.contains(&w.as_str()))
        .filter(|w| {
            ENGLISH.contains(&w.as_str())
                || w.starts_with("grand") && w.len() > 6 && !w.contains('-')
        })
        .collect()
}

/// No English kinship word in another language's terms, phrases or headlines.
#[test]
fn no_english_leaks() {
    let links = [
        Link::Spouse,
        Link::ParentInLaw,
        Link::ChildInLaw,
        Link::SiblingInLaw,
        Link::StepParent,
        Link::StepChild,
        Link::StepSibling,
        Link::GrandparentInLaw,
        Link::GrandchildInLaw,
    ];
    for lang in WRITTEN.into_iter().filter(|l| *l != Lang::En) {
        let mut texts = Vec::new();
        for s in [Sex::Male, Sex::Female, Sex::Unknown] {
            for ga in 0..=12 {
                for gb in 0..=12 {
                    for flags in 0..8u8 {
                        let k = Kin {
                            half: flags & 1 != 0,
                            double: flags & 2 != 0,
                            adoptive: flags & 4 != 0,
                            a_line: vec![s; 12],
                            b_line: vec![s; 12],
                            ..Kin::new(ga, gb)
                        };
                        texts.push(kin_term(lang, &k, s));
                    }
                }
            }
            for l in links {
                texts.push(link_term(lang, l, s));
            }
        }
        texts.push(headline_text(lang, 1, 2, &philip_said()));
        texts.push(headline_text(
            lang,
            5,
            6,
            &[Said::Link(Link::Spouse), Said::Kin(Kin::new(2, 2))],
        ));
        for t in texts {
            assert!(
                english_words(lang, &t).is_empty(),
                "{lang:?}: English in {t:?}: {:?}",
                english_words(lang, &t)
            );
        }
    }
}

/// Every language has every phrase kind, each with its people as pieces.
#[test]
fn every_language_has_every_phrase() {
    let p = family();
    let r = rel(1, 2, 4, 3, &[3, 4]);
    let k = Kin::of(&r, &sex);
    let chain = Connection {
        path: vec![q(24), q(22), q(20), q(23), q(25)],
        steps: vec![Step::Spouse, Step::Parent, Step::Child, Step::Spouse],
    };
    let one = Connection {
        path: vec![q(21), q(22), q(24)],
        steps: vec![Step::Child, Step::Spouse],
    };
    for lang in WRITTEN {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
        let s = relationship_phrase(lang, &r, &k, &name, &sex);
        assert_eq!(s.people(), vec![q(2), q(1), q(3), q(4)], "{lang:?}");
        let d = direct_line_phrase(lang, &rel(1, 3, 3, 0, &[3]), &name, &sex).unwrap();
        assert_eq!(d.people(), vec![q(3), q(1)], "{lang:?}");
        assert_eq!(
            ancestors_list(lang, &[q(3), q(4)], &name).people(),
            vec![q(3), q(4)]
        );
        assert_eq!(
            connection_phrase(lang, &p, &one, &name).people(),
            vec![q(24), q(21)]
        );
        assert_eq!(connection_phrase(lang, &p, &chain, &name).people().len(), 4);
        let h = headline(
            lang,
            q(1),
            q(2),
            (Sex::Female, Sex::Male),
            &philip_said(),
            &name,
        );
        assert_eq!(h.people(), vec![q(2), q(1)], "{lang:?}");
        let h = headline(
            lang,
            q(5),
            q(6),
            (Sex::Male, Sex::Male),
            &[Said::Kin(Kin::new(2, 2))],
            &name,
        );
        assert_eq!(h.people(), vec![q(5), q(6)], "{lang:?}");
        if lang != Lang::En {
            assert_ne!(
                s.to_text(&name),
                relationship_phrase(Lang::En, &r, &k, &name, &sex).to_text(&name),
                "{lang:?} says it in English"
            );
        }
    }
    assert_eq!(Lang::from_code("de-AT"), Some(Lang::De));
    assert_eq!(Lang::from_code("no"), Some(Lang::Nb));
    assert_eq!(Lang::from_code("xx"), None);
    assert_eq!(Lang::ALL.len(), 8);
}

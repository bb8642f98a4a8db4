//! The term-table helpers shared by `lang_terms.rs` and `lang_terms_more.rs`.

use wikikin_kinship::*;

/// A case: ga, gb, `a`'s line (from a's parent up) and `b`'s line (from the ancestor's child
/// down) as M/F/U letters, b's sex, flags (h half, d double, a adoptive), the expected term.
pub type Case = (
    u32,
    u32,
    &'static str,
    &'static str,
    char,
    &'static str,
    &'static str,
);

pub fn sex(c: char) -> Sex {
    match c {
        'M' => Sex::Male,
        'F' => Sex::Female,
        _ => Sex::Unknown,
    }
}

pub fn kin(ga: u32, gb: u32, a: &str, b: &str, flags: &str) -> Kin {
    Kin {
        half: flags.contains('h'),
        double: flags.contains('d'),
        adoptive: flags.contains('a'),
        a_line: a.chars().map(sex).collect(),
        b_line: b.chars().map(sex).collect(),
        ..Kin::new(ga, gb)
    }
}

pub fn check(lang: Lang, cases: &[Case], links: &[(Link, char, &str)]) {
    assert!(cases.len() + links.len() >= 40, "{lang:?}: too few cases");
    let mut bad = Vec::new();
    for &(ga, gb, a, b, s, flags, want) in cases {
        let got = kin_term(lang, &kin(ga, gb, a, b, flags), sex(s));
        if got != want {
            bad.push(format!(
                "({ga},{gb},{a:?},{b:?},{s},{flags:?}): got {got:?}, want {want:?}"
            ));
        }
    }
    for &(l, s, want) in links {
        let got = link_term(lang, l, sex(s));
        if got != want {
            bad.push(format!("{l:?} {s}: got {got:?}, want {want:?}"));
        }
    }
    assert!(bad.is_empty(), "{lang:?}:\n{}", bad.join("\n"));
}

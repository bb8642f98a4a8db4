//! English words for a [`Relationship`], generated from its structure only.

use crate::lang::{ancestors_list, direct_line_phrase, kin_term, Kin, Lang};
use crate::{Kind, Relationship, Sex};

const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// `1` → "first" … `12` → "twelfth", then "13th", "21st", "22nd", "23rd", "111th"; `0` → "0th".
pub fn ordinal(n: u32) -> String {
    if let Some(word) = (n as usize).checked_sub(1).and_then(|i| ORDINALS.get(i)) {
        return (*word).to_string();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `1` → "once", `2` → "twice", `3` → "thrice", then "4 times".
pub fn times(n: u32) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        3 => "thrice".to_string(),
        _ => format!("{n} times"),
    }
}

/// The "great-" prefix for `n` greats: "", "great-", "great-great-", "great-great-great-", then
/// "fourth great-", "fifth great-" …
pub(crate) fn greats(n: u32) -> String {
    if n <= 3 {
        "great-".repeat(n as usize)
    } else {
        format!("{} great-", ordinal(n))
    }
}

/// What `b` is to `a`, in words, for `b` of the given sex: "third cousin once removed",
/// "great-grandmother", "half-brother", "double first cousin", "great-aunt", "self".
/// (English; [`crate::kin_term`] for every language.)
pub fn term<Id>(r: &Relationship<Id>, sex_b: Sex) -> String {
    let k = Kin {
        half: r.half,
        double: r.double,
        ..Kin::new(r.ga, r.gb)
    };
    kin_term(Lang::En, &k, sex_b)
}

/// One sentence: "Philip is Elizabeth II's third cousin", "Victoria is Charles III's
/// great-great-great-grandmother", "Anne and Anne are the same person".
pub fn describe<Id: Copy>(
    r: &Relationship<Id>,
    name: &dyn Fn(Id) -> String,
    sex: &dyn Fn(Id) -> Sex,
) -> String {
    let (na, nb) = (name(r.a), name(r.b));
    if r.kind == Kind::Same {
        return format!("{nb} and {na} are the same person");
    }
    format!("{nb} is {na}'s {}", term(r, sex(r.b)))
}

/// For a direct line, "Victoria is a direct ancestor of Charles III" (or "… a direct descendant
/// of …"); `None` for other kinds.
pub fn direct_line<Id: Copy>(r: &Relationship<Id>, name: &dyn Fn(Id) -> String) -> Option<String> {
    direct_line_phrase(Lang::En, r, name, &|_| Sex::Unknown).map(|p| p.to_text(name))
}

/// The ancestors of a relationship by name: "Queen Victoria & Prince Albert", one name alone,
/// or "A, B & C". Empty for no ancestors.
pub fn ancestors_phrase<Id: Copy>(ancestors: &[Id], name: &dyn Fn(Id) -> String) -> String {
    ancestors_list(Lang::En, ancestors, name).to_text(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PersonId;

    fn rel(ga: u32, gb: u32, half: bool, double: bool) -> Relationship<PersonId> {
        Relationship {
            a: PersonId(1),
            b: PersonId(2),
            kind: Kind::from_generations(ga, gb),
            degree: ga.min(gb).saturating_sub(1),
            removed: ga.abs_diff(gb),
            half,
            double,
            double_with: Vec::new(),
            ga,
            gb,
            ancestors: vec![PersonId(3)],
            path_a: Vec::new(),
            path_b: Vec::new(),
        }
    }

    #[test]
    fn terms_from_structure() {
        use Sex::*;
        let cases: &[(u32, u32, bool, bool, Sex, &str)] = &[
            (5, 5, false, false, Male, "fourth cousin"),
            (5, 7, false, false, Female, "fourth cousin twice removed"),
            (4, 3, false, false, Male, "second cousin once removed"),
            (3, 6, false, false, Male, "second cousin thrice removed"),
            (2, 6, false, false, Male, "first cousin 4 times removed"),
            (14, 14, false, false, Male, "13th cousin"),
            (2, 2, true, true, Unknown, "double half-first cousin"),
            (1, 1, true, false, Female, "half-sister"),
            (3, 1, true, false, Male, "half-great-uncle"),
            (1, 4, false, false, Female, "great-great-niece"),
            (1, 0, false, false, Female, "mother"),
            (5, 0, false, false, Female, "great-great-great-grandmother"),
            (8, 0, false, false, Male, "sixth great-grandfather"),
            (0, 2, false, false, Unknown, "grandchild"),
            (0, 0, false, false, Male, "self"),
        ];
        for &(ga, gb, half, double, sex, want) in cases {
            assert_eq!(term(&rel(ga, gb, half, double), sex), want, "{ga} {gb}");
        }
    }

    #[test]
    fn direct_lines_in_words() {
        let name = |q: PersonId| format!("P{}", q.0);
        assert_eq!(
            direct_line(&rel(5, 0, false, false), &name).as_deref(),
            Some("P2 is a direct ancestor of P1")
        );
        assert_eq!(
            direct_line(&rel(0, 3, false, false), &name).as_deref(),
            Some("P2 is a direct descendant of P1")
        );
        assert_eq!(direct_line(&rel(2, 2, false, false), &name), None);
    }

    #[test]
    fn ordinals_and_times() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 0]
            .iter()
            .map(|n| ordinal(*n))
            .collect();
        assert_eq!(
            got,
            [
                "first", "second", "third", "fourth", "eleventh", "twelfth", "13th", "21st",
                "22nd", "23rd", "101st", "111th", "112th", "0th"
            ]
        );
        assert_eq!(times(1), "once");
        assert_eq!(times(2), "twice");
        assert_eq!(times(3), "thrice");
        assert_eq!(times(4), "4 times");
        assert_eq!(greats(0), "");
        assert_eq!(greats(3), "great-great-great-");
        assert_eq!(greats(4), "fourth great-");
    }

    #[test]
    fn phrases() {
        let name = |q: PersonId| format!("P{}", q.0);
        assert_eq!(ancestors_phrase(&[], &name), "");
        assert_eq!(ancestors_phrase(&[PersonId(1)], &name), "P1");
        assert_eq!(
            ancestors_phrase(&[PersonId(1), PersonId(2)], &name),
            "P1 & P2"
        );
        assert_eq!(
            ancestors_phrase(&[PersonId(1), PersonId(2), PersonId(3)], &name),
            "P1, P2 & P3"
        );
    }
}

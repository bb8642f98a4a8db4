//! English: "third cousin once removed", "great-great-grandmother", "half-brother", "double
//! first cousin"; in-law and step- words. The words of [`crate::term`] (which wraps these).

use super::{by_sex, gender, Gender, Grammar, Hop, Kin, Link, Slot, Term};
use crate::words::greats;
use crate::{ordinal, times, Kind, Sex};

pub(crate) struct En;

/// The English word of a connection, for `b` of sex `sex`.
pub(crate) fn link_static(l: Link, sex: Sex) -> &'static str {
    let (m, f, u) = match l {
        Link::Spouse => ("husband", "wife", "spouse"),
        Link::ParentInLaw => ("father-in-law", "mother-in-law", "parent-in-law"),
        Link::ChildInLaw => ("son-in-law", "daughter-in-law", "child-in-law"),
        Link::SiblingInLaw => ("brother-in-law", "sister-in-law", "sibling-in-law"),
        Link::StepParent => ("stepfather", "stepmother", "stepparent"),
        Link::StepChild => ("stepson", "stepdaughter", "stepchild"),
        Link::StepSibling => ("stepbrother", "stepsister", "stepsibling"),
        Link::GrandparentInLaw => (
            "grandfather-in-law",
            "grandmother-in-law",
            "grandparent-in-law",
        ),
        Link::GrandchildInLaw => (
            "grandson-in-law",
            "granddaughter-in-law",
            "grandchild-in-law",
        ),
    };
    by_sex(sex, m, f, u)
}

fn cousin(k: &Kin) -> String {
    if k.removed() == 0 {
        format!("{} cousin", ordinal(k.degree()))
    } else {
        format!(
            "{} cousin {} removed",
            ordinal(k.degree()),
            times(k.removed())
        )
    }
}

fn text(k: &Kin, sex_b: Sex) -> String {
    let adoptive = if k.adoptive { "adoptive " } else { "" };
    let base = match k.kind() {
        Kind::Same => return "self".to_string(),
        Kind::Ancestor | Kind::Descendant => {
            let g = k.ga.max(k.gb);
            let word = if k.kind() == Kind::Ancestor {
                by_sex(sex_b, "father", "mother", "parent")
            } else {
                by_sex(sex_b, "son", "daughter", "child")
            };
            // Direct lines are never half or double in these words.
            return match g {
                0 | 1 => format!("{adoptive}{word}"),
                _ => format!("{adoptive}{}grand{word}", greats(g - 2)),
            };
        }
        Kind::Sibling => by_sex(sex_b, "brother", "sister", "sibling").to_string(),
        Kind::AuntUncle => format!(
            "{}{}",
            greats(k.ga.saturating_sub(2)),
            by_sex(sex_b, "uncle", "aunt", "aunt or uncle")
        ),
        Kind::NieceNephew => format!(
            "{}{}",
            greats(k.gb.saturating_sub(2)),
            by_sex(sex_b, "nephew", "niece", "niece or nephew")
        ),
        Kind::Cousin => cousin(k),
    };
    let half = if k.half { "half-" } else { "" };
    let double = if k.double { "double " } else { "" };
    format!("{double}{adoptive}{half}{base}")
}

impl Grammar for En {
    fn term(&self, k: &Kin, sex_b: Sex) -> Term {
        Term::new(text(k, sex_b), gender(sex_b))
    }

    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let mut word = text(k, both);
        if k.kind() == Kind::Sibling {
            word.push('s');
        } else {
            // "double first cousin" → "double first cousins"
            word = word.replacen("cousin", "cousins", 1);
        }
        Some(word)
    }

    fn link(&self, l: Link, sex: Sex) -> Term {
        Term::new(link_static(l, sex), gender(sex))
    }

    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let word = match l {
            Link::Spouse => "married",
            Link::SiblingInLaw => {
                by_sex(both, "brothers-in-law", "sisters-in-law", "siblings-in-law")
            }
            Link::StepSibling => by_sex(both, "stepbrothers", "stepsisters", "stepsiblings"),
            _ => return None,
        };
        Some(word.to_string())
    }

    fn hop(&self, h: Hop, sex: Sex) -> Term {
        let word = match h {
            Hop::Parent => by_sex(sex, "father", "mother", "parent"),
            Hop::Child => by_sex(sex, "son", "daughter", "child"),
            Hop::Spouse => by_sex(sex, "husband", "wife", "spouse"),
            Hop::Sibling => by_sex(sex, "brother", "sister", "sibling"),
        };
        Term::new(word, Gender::N)
    }

    fn poss(&self, owner: Sex, t: &Term) -> String {
        format!("{} {}", by_sex(owner, "his", "her", "their"), t.text)
    }

    fn is_of(&self, t: &Term, _a_label: &str) -> Vec<Slot> {
        vec![
            Slot::B,
            Slot::T(" is ".into()),
            Slot::A,
            Slot::T(format!("'s {}", t.text)),
        ]
    }

    fn through(&self) -> &'static str {
        " — through "
    }

    fn and(&self, _next: &str) -> &'static str {
        " and "
    }

    fn amp(&self, _next: &str) -> &'static str {
        " & "
    }

    fn direct(&self, ancestor: bool, _sex_b: Sex, _a_label: &str) -> Vec<Slot> {
        let what = if ancestor { "ancestor" } else { "descendant" };
        vec![
            Slot::B,
            Slot::T(format!(" is a direct {what} of ")),
            Slot::A,
        ]
    }

    fn also(&self) -> &'static str {
        ", and also "
    }

    fn poss_each(&self) -> bool {
        false
    }

    fn are(&self) -> &'static str {
        " are "
    }

    fn same(&self) -> &'static str {
        "the same person"
    }
}

//! French (kinship-terms.md, "French"): arrière-grand-père, grand-oncle, cousin germain, cousin
//! issu de germain, oncle à la mode de Bretagne, "cousin germain d'un grand-parent", "fils d'un
//! cousin issu de germain"; never the civil or canon degrees. Masculine where the sex is unknown
//! unless a neutral word exists (parent, enfant). Frame: "B est le cousin issu de germain de A",
//! "… d'Élisabeth": the frame elides, the name stays whole.

use super::{by_sex, Gender, Grammar, Hop, Kin, Link, Slot, Term};
use crate::{Kind, Sex};

pub(crate) struct Fr;

/// Masculine / feminine (masculine where unknown).
fn mf(sex: Sex, m: &str, f: &str) -> String {
    if sex == Sex::Female { f } else { m }.to_string()
}

fn arr(n: u32) -> String {
    "arrière-".repeat(n as usize)
}

/// père, grand-père, arrière-grand-père, arrière-arrière-grand-père; then "ancêtre à la {g}e
/// génération".
fn anc(g: u32, sex: Sex) -> String {
    match g {
        0 | 1 => by_sex(sex, "père", "mère", "parent").to_string(),
        2..=4 => format!(
            "{}{}",
            arr(g - 2),
            by_sex(sex, "grand-père", "grand-mère", "grand-parent")
        ),
        _ => format!("ancêtre à la {g}e génération"),
    }
}

/// fils, petit-fils, arrière-petit-fils, arrière-arrière-petit-fils; then "descendant(e) à la
/// {g}e génération".
fn desc(g: u32, sex: Sex) -> String {
    match g {
        0 | 1 => by_sex(sex, "fils", "fille", "enfant").to_string(),
        2..=4 => format!(
            "{}{}",
            arr(g - 2),
            by_sex(sex, "petit-fils", "petite-fille", "petit-enfant")
        ),
        _ => format!(
            "{} à la {g}e génération",
            mf(sex, "descendant", "descendante")
        ),
    }
}

/// cousin germain, cousin issu de germain, cousin issu d'issu de germain; then "cousin éloigné
/// (ancêtres communs à la {n + 1}e génération)".
fn cousin(n: u32, sex: Sex) -> String {
    let c = mf(sex, "cousin", "cousine");
    let issu = mf(sex, "issu", "issue");
    match n {
        0 | 1 => format!("{c} {}", mf(sex, "germain", "germaine")),
        2 => format!("{c} {issu} de germain"),
        3 => format!("{c} {issu} d'issu de germain"),
        _ => format!(
            "{c} {} (ancêtres communs à la {}e génération)",
            mf(sex, "éloigné", "éloignée"),
            n + 1
        ),
    }
}

fn text(k: &Kin, sex: Sex) -> String {
    let (n, r) = (k.degree(), k.removed());
    match k.kind() {
        Kind::Same => "la même personne".to_string(),
        Kind::Ancestor => anc(k.ga, sex),
        Kind::Descendant => desc(k.gb, sex),
        Kind::Sibling => by_sex(sex, "frère", "sœur", "frère ou sœur").to_string(),
        Kind::AuntUncle => match k.ga {
            2 => mf(sex, "oncle", "tante"),
            // grand-oncle, arrière-grand-oncle, and one more arrière- per generation beyond.
            g => format!("{}{}", arr(g - 3), mf(sex, "grand-oncle", "grand-tante")),
        },
        Kind::NieceNephew => match k.gb {
            2 => mf(sex, "neveu", "nièce"),
            g => format!("{}{}", arr(g - 3), mf(sex, "petit-neveu", "petite-nièce")),
        },
        Kind::Cousin if r == 0 => cousin(n, sex),
        Kind::Cousin if n == 1 && r == 1 => {
            let w = if k.older() {
                mf(sex, "oncle", "tante")
            } else {
                mf(sex, "neveu", "nièce")
            };
            format!("{w} à la mode de Bretagne")
        }
        Kind::Cousin if k.older() => format!("{} d'un {}", cousin(n, sex), anc(r, Sex::Unknown)),
        Kind::Cousin => format!("{} d'un {}", desc(r, sex), cousin(n, Sex::Male)),
    }
}

/// A prefix on each alternative: "demi-" + "frère ou sœur" → "demi-frère ou demi-sœur".
fn prefix(p: &str, t: &str) -> String {
    t.split(" ou ")
        .map(|w| format!("{p}{w}"))
        .collect::<Vec<_>>()
        .join(" ou ")
}

/// A word after the head of a term ("cousin germain adoptif d'un parent").
fn after_head(t: &str, w: &str) -> String {
    for cut in [" d'un ", " à la ", " ("] {
        if let Some((head, rest)) = t.split_once(cut) {
            return format!("{head} {w}{cut}{rest}");
        }
    }
    format!("{t} {w}")
}

/// Elision before a vowel: "l'oncle", "d'Élisabeth". (An h is not elided: whether it is mute
/// cannot be told from the spelling, "de Habsbourg".)
fn vowel(s: &str) -> bool {
    s.chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| "aeiouyàâäéèêëîïôöûüœæ".contains(c))
}

fn de(label: &str) -> &'static str {
    if vowel(label) {
        "d'"
    } else {
        "de "
    }
}

fn gender_of(sex: Sex) -> Gender {
    if sex == Sex::Female {
        Gender::F
    } else {
        Gender::M
    }
}

impl Grammar for Fr {
    fn term(&self, k: &Kin, sex_b: Sex) -> Term {
        let mut t = text(k, sex_b);
        let direct = matches!(k.kind(), Kind::Ancestor | Kind::Descendant | Kind::Same);
        if k.half && !direct {
            t = prefix("demi-", &t);
        }
        if k.double && !direct {
            t = format!("double {t}");
        }
        if k.adoptive {
            t = after_head(&t, &mf(sex_b, "adoptif", "adoptive"));
        }
        Term::new(t, gender_of(sex_b))
    }

    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let f = sex_a == Sex::Female && sex_b == Sex::Female;
        let s = if f { Sex::Female } else { Sex::Male };
        let mut w = match k.kind() {
            Kind::Sibling if sex_a != sex_b => "frère et sœur".to_string(),
            Kind::Sibling => mf(s, "frères", "sœurs"),
            Kind::Cousin => {
                let n = k.degree();
                let c = mf(s, "cousins", "cousines");
                let issus = mf(s, "issus", "issues");
                match n {
                    0 | 1 => format!("{c} {}", mf(s, "germains", "germaines")),
                    2 => format!("{c} {issus} de germains"),
                    3 => format!("{c} {issus} d'issus de germains"),
                    _ => format!(
                        "{c} {} (ancêtres communs à la {}e génération)",
                        mf(s, "éloignés", "éloignées"),
                        n + 1
                    ),
                }
            }
            _ => return None,
        };
        if k.half {
            w = prefix("demi-", &w);
        }
        if k.double {
            w = format!("doubles {w}");
        }
        Some(w)
    }

    fn link(&self, l: Link, sex: Sex) -> Term {
        let w = match l {
            Link::Spouse => by_sex(sex, "mari", "épouse", "conjoint"),
            Link::ParentInLaw => by_sex(sex, "beau-père", "belle-mère", "beau-parent"),
            Link::ChildInLaw => by_sex(sex, "gendre", "belle-fille", "gendre"),
            Link::SiblingInLaw => {
                by_sex(sex, "beau-frère", "belle-sœur", "beau-frère ou belle-sœur")
            }
            // Step-relations said so as not to be read as in-laws (the file's advice).
            Link::StepParent => by_sex(
                sex,
                "beau-père (mari de la mère)",
                "belle-mère (épouse du père)",
                "conjoint d'un parent",
            ),
            Link::StepChild => by_sex(
                sex,
                "fils du conjoint",
                "fille du conjoint",
                "enfant du conjoint",
            ),
            // Beyond the table: "quasi-frère", the word French uses for a step-sibling.
            Link::StepSibling => by_sex(
                sex,
                "quasi-frère",
                "quasi-sœur",
                "quasi-frère ou quasi-sœur",
            ),
            Link::GrandparentInLaw => by_sex(
                sex,
                "grand-père du conjoint",
                "grand-mère du conjoint",
                "grand-parent du conjoint",
            ),
            Link::GrandchildInLaw => by_sex(
                sex,
                "mari d'un petit-enfant",
                "épouse d'un petit-enfant",
                "conjoint d'un petit-enfant",
            ),
        };
        Term::new(w, gender_of(sex)).definite(true)
    }

    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let f = sex_a == Sex::Female && sex_b == Sex::Female;
        let m = sex_a == Sex::Male && sex_b == Sex::Male;
        let w = match l {
            Link::Spouse => {
                if f {
                    "mariées"
                } else {
                    "mariés"
                }
            }
            Link::SiblingInLaw if m => "beaux-frères",
            Link::SiblingInLaw if f => "belles-sœurs",
            Link::StepSibling if m => "quasi-frères",
            Link::StepSibling if f => "quasi-sœurs",
            _ => return None,
        };
        Some(w.to_string())
    }

    fn hop(&self, h: Hop, sex: Sex) -> Term {
        let w = match h {
            Hop::Parent => by_sex(sex, "père", "mère", "parent"),
            Hop::Child => by_sex(sex, "fils", "fille", "enfant"),
            Hop::Spouse => by_sex(sex, "mari", "épouse", "conjoint"),
            Hop::Sibling => by_sex(sex, "frère", "sœur", "frère ou sœur"),
        };
        Term::new(w, gender_of(sex))
    }

    /// "son fils", "sa fille", "son épouse": by the word, not the owner.
    fn poss(&self, _owner: Sex, t: &Term) -> String {
        let p = if t.gender == Gender::F && !vowel(&t.text) {
            "sa"
        } else {
            "son"
        };
        format!("{p} {}", t.text)
    }

    fn is_of(&self, t: &Term, a_label: &str) -> Vec<Slot> {
        let art = if vowel(&t.text) {
            "l'"
        } else if t.gender == Gender::F {
            "la "
        } else {
            "le "
        };
        vec![
            Slot::B,
            Slot::T(format!(" est {art}{} {}", t.text, de(a_label))),
            Slot::A,
        ]
    }

    fn through(&self) -> &'static str {
        " — par "
    }

    fn and(&self, _next: &str) -> &'static str {
        " et "
    }

    fn direct(&self, ancestor: bool, sex_b: Sex, a_label: &str) -> Vec<Slot> {
        let f = sex_b == Sex::Female;
        let what = match (ancestor, f) {
            (true, false) => "un ancêtre direct",
            (true, true) => "une ancêtre directe",
            (false, false) => "un descendant direct",
            (false, true) => "une descendante directe",
        };
        vec![
            Slot::B,
            Slot::T(format!(" est {what} {}", de(a_label))),
            Slot::A,
        ]
    }

    fn also(&self) -> &'static str {
        ", et aussi "
    }

    fn poss_each(&self) -> bool {
        true
    }

    fn are(&self) -> &'static str {
        " sont "
    }

    fn same(&self) -> &'static str {
        "la même personne"
    }
}

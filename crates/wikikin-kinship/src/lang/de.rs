//! German (kinship-terms.md, "German"): Urgroßvater, Großonkel, Cousin 3. Grades, Onkel 3.
//! Grades (a parent's second cousin), Halb-, Doppel-, Schwieger-, Stief-. Frame: "B ist ein
//! Cousin 3. Grades von A" — "von" + name never inflects it.

use super::{by_sex, Gender, Grammar, Hop, Kin, Link, Slot, Term};
use crate::{Kind, Sex};

pub(crate) struct De;

/// A sexed German term: male / female / neutral ("X oder Y" where German has no neutral word).
fn sexed(sex: Sex, m: &str, f: &str, u: &str, ug: Gender) -> Term {
    match sex {
        Sex::Male => Term::new(m, Gender::M),
        Sex::Female => Term::new(f, Gender::F),
        Sex::Unknown => Term::new(u, ug),
    }
}

/// "oder"-alternatives each given the prefix: "Halb" + "Onkel oder Tante" → "Halbonkel oder
/// Halbtante".
fn prefix(p: &str, text: &str) -> String {
    text.split(" oder ")
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => format!("{p}{}{}", first.to_lowercase(), c.as_str()),
                None => p.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" oder ")
}

/// "Groß" with `urs` × "Ur" before it, capitalised: "Groß", "Urgroß", "Ururgroß".
fn gross(urs: u32) -> String {
    if urs == 0 {
        "Groß".to_string()
    } else {
        format!("Ur{}groß", "ur".repeat(urs as usize - 1))
    }
}

/// Onkel / Tante for `g` generations up from the sibling of an ancestor (1: Onkel, 2:
/// Großonkel, 3: Urgroßonkel …).
fn uncle(g: u32, sex: Sex) -> Term {
    let pre = if g <= 1 { String::new() } else { gross(g - 2) };
    let (m, f) = if pre.is_empty() {
        ("Onkel".to_string(), "Tante".to_string())
    } else {
        (format!("{pre}onkel"), format!("{pre}tante"))
    };
    sexed(sex, &m, &f, &format!("{m} oder {f}"), Gender::M)
}

fn nephew(g: u32, sex: Sex) -> Term {
    let pre = if g <= 1 { String::new() } else { gross(g - 2) };
    let (m, f) = if pre.is_empty() {
        ("Neffe".to_string(), "Nichte".to_string())
    } else {
        (format!("{pre}neffe"), format!("{pre}nichte"))
    };
    sexed(sex, &m, &f, &format!("{m} oder {f}"), Gender::M)
}

fn base(k: &Kin, sex: Sex) -> Term {
    let ur = |n: u32| "Ur".to_string() + &"ur".repeat(n.saturating_sub(1) as usize);
    match k.kind() {
        Kind::Same => Term::new("dieselbe Person", Gender::F),
        Kind::Ancestor => match k.ga {
            0 | 1 => sexed(sex, "Vater", "Mutter", "Elternteil", Gender::N).definite(true),
            2 => sexed(sex, "Großvater", "Großmutter", "Großelternteil", Gender::N),
            3..=5 => {
                let u = ur(k.ga - 2);
                sexed(
                    sex,
                    &format!("{u}großvater"),
                    &format!("{u}großmutter"),
                    &format!("{u}großelternteil"),
                    Gender::N,
                )
            }
            g => sexed(
                sex,
                &format!("Vorfahre in der {g}. Generation"),
                &format!("Vorfahrin in der {g}. Generation"),
                &format!("Vorfahre oder Vorfahrin in der {g}. Generation"),
                Gender::M,
            ),
        },
        Kind::Descendant => match k.gb {
            0 | 1 => sexed(sex, "Sohn", "Tochter", "Kind", Gender::N),
            2 => sexed(sex, "Enkel", "Enkelin", "Enkelkind", Gender::N),
            3..=5 => {
                let u = ur(k.gb - 2);
                sexed(
                    sex,
                    &format!("{u}enkel"),
                    &format!("{u}enkelin"),
                    &format!("{u}enkelkind"),
                    Gender::N,
                )
            }
            g => Term::new(format!("Nachkomme in der {g}. Generation"), Gender::M),
        },
        Kind::Sibling => sexed(sex, "Bruder", "Schwester", "Geschwister", Gender::N),
        Kind::AuntUncle => uncle(k.ga - 1, sex),
        Kind::NieceNephew => nephew(k.gb - 1, sex),
        Kind::Cousin => {
            let n = k.degree();
            let r = k.removed();
            let grade = |t: Term| Term {
                text: t
                    .text
                    .split(" oder ")
                    .map(|w| format!("{w} {}. Grades", n + 1))
                    .collect::<Vec<_>>()
                    .join(" oder "),
                ..t
            };
            if r == 0 {
                let t = sexed(sex, "Cousin", "Cousine", "Cousin oder Cousine", Gender::M);
                if n == 1 {
                    t
                } else {
                    Term {
                        text: t
                            .text
                            .split(" oder ")
                            .map(|w| format!("{w} {n}. Grades"))
                            .collect::<Vec<_>>()
                            .join(" oder "),
                        ..t
                    }
                }
            } else if k.older() {
                grade(uncle(r, sex))
            } else {
                grade(nephew(r, sex))
            }
        }
    }
}

impl Grammar for De {
    fn term(&self, k: &Kin, sex_b: Sex) -> Term {
        let mut t = base(k, sex_b);
        let direct = matches!(k.kind(), Kind::Ancestor | Kind::Descendant | Kind::Same);
        if k.half && !direct {
            t.text = prefix("Halb", &t.text);
        }
        if k.double && !direct {
            t.text = prefix("Doppel", &t.text);
        }
        if k.adoptive {
            t.text = prefix("Adoptiv", &t.text);
        }
        t
    }

    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let n = k.degree();
        let mut word = match k.kind() {
            Kind::Sibling => by_sex(both, "Brüder", "Schwestern", "Geschwister").to_string(),
            Kind::Cousin => {
                let w = by_sex(both, "Cousins", "Cousinen", "Cousins");
                if n == 1 {
                    w.to_string()
                } else {
                    format!("{w} {n}. Grades")
                }
            }
            _ => return None,
        };
        if k.half {
            word = prefix("Halb", &word);
        }
        if k.double {
            word = prefix("Doppel", &word);
        }
        Some(word)
    }

    fn link(&self, l: Link, sex: Sex) -> Term {
        let (m, f, u, ug) = match l {
            Link::Spouse => ("Ehemann", "Ehefrau", "Ehepartner", Gender::M),
            Link::ParentInLaw => (
                "Schwiegervater",
                "Schwiegermutter",
                "Schwiegerelternteil",
                Gender::N,
            ),
            Link::ChildInLaw => (
                "Schwiegersohn",
                "Schwiegertochter",
                "Schwiegerkind",
                Gender::N,
            ),
            Link::SiblingInLaw => (
                "Schwager",
                "Schwägerin",
                "Schwager oder Schwägerin",
                Gender::M,
            ),
            Link::StepParent => ("Stiefvater", "Stiefmutter", "Stiefelternteil", Gender::N),
            Link::StepChild => ("Stiefsohn", "Stieftochter", "Stiefkind", Gender::N),
            Link::StepSibling => (
                "Stiefbruder",
                "Stiefschwester",
                "Stiefgeschwister",
                Gender::N,
            ),
            // Beyond the table, in its spirit: Schwieger- before the grandparent / grandchild.
            Link::GrandparentInLaw => (
                "Schwiegergroßvater",
                "Schwiegergroßmutter",
                "Schwiegergroßelternteil",
                Gender::N,
            ),
            Link::GrandchildInLaw => (
                "Schwiegerenkel",
                "Schwiegerenkelin",
                "Schwiegerenkelkind",
                Gender::N,
            ),
        };
        sexed(sex, m, f, u, ug).definite(true)
    }

    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let w = match l {
            Link::Spouse => "verheiratet",
            Link::SiblingInLaw if both != Sex::Unknown => {
                by_sex(both, "Schwager", "Schwägerinnen", "")
            }
            Link::StepSibling => by_sex(both, "Stiefbrüder", "Stiefschwestern", "Stiefgeschwister"),
            _ => return None,
        };
        Some(w.to_string())
    }

    fn hop(&self, h: Hop, sex: Sex) -> Term {
        match h {
            Hop::Parent => sexed(sex, "Vater", "Mutter", "Elternteil", Gender::N),
            Hop::Child => sexed(sex, "Sohn", "Tochter", "Kind", Gender::N),
            Hop::Spouse => sexed(sex, "Ehemann", "Ehefrau", "Ehepartner", Gender::M),
            Hop::Sibling => sexed(sex, "Bruder", "Schwester", "Geschwister", Gender::N),
        }
    }

    fn poss(&self, owner: Sex, t: &Term) -> String {
        // Unknown owner: the masculine (grammatical default), as kinship-terms.md does for fr/es.
        let stem = if owner == Sex::Female { "ihr" } else { "sein" };
        let ending = if t.gender == Gender::F { "e" } else { "" };
        format!("{stem}{ending} {}", t.text)
    }

    fn is_of(&self, t: &Term, _a_label: &str) -> Vec<Slot> {
        let article = match (t.definite, t.gender) {
            (true, Gender::M) => "der",
            (true, Gender::F) => "die",
            (true, Gender::N) => "das",
            (false, Gender::F) => "eine",
            (false, _) => "ein",
        };
        vec![
            Slot::B,
            Slot::T(format!(" ist {article} {} von ", t.text)),
            Slot::A,
        ]
    }

    fn through(&self) -> &'static str {
        " — über "
    }

    fn and(&self, _next: &str) -> &'static str {
        " und "
    }

    fn amp(&self, _next: &str) -> &'static str {
        " & "
    }

    fn direct(&self, ancestor: bool, sex_b: Sex, _a_label: &str) -> Vec<Slot> {
        let what = match (ancestor, sex_b) {
            (true, Sex::Female) => "eine direkte Vorfahrin",
            (true, _) => "ein direkter Vorfahre",
            (false, _) => "ein direkter Nachkomme",
        };
        vec![Slot::B, Slot::T(format!(" ist {what} von ")), Slot::A]
    }

    fn also(&self) -> &'static str {
        " und außerdem "
    }

    fn poss_each(&self) -> bool {
        true
    }

    fn are(&self) -> &'static str {
        " sind "
    }

    fn same(&self) -> &'static str {
        "dieselbe Person"
    }
}

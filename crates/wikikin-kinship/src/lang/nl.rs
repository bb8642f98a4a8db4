//! Dutch (kinship-terms.md, "Dutch"): numbered, because the everyday words are ambiguous.
//! "neef" / "nicht" mean both cousin and nephew/niece, so they appear only as "volle neef /
//! volle nicht" (first cousins); nephews and nieces, further cousins and removed cousins are
//! described through the linking people: "zoon van een broer", "zoon van een volle neef van de
//! vader". Frame: "B is een oudoom van A".

use super::{by_sex, Gender, Grammar, Hop, Kin, Link, Slot, Term};
use crate::{Kind, Sex};

pub(crate) struct Nl;

/// vader, grootvader, overgrootvader, betovergrootvader; beyond the table, in its spirit:
/// "voorvader in de {g}e generatie".
fn anc(g: u32, sex: Sex) -> String {
    let w = |m: &str, f: &str, u: &str| by_sex(sex, m, f, u).to_string();
    match g {
        0 | 1 => w("vader", "moeder", "ouder"),
        2 => w("grootvader", "grootmoeder", "grootouder"),
        3 => w("overgrootvader", "overgrootmoeder", "overgrootouder"),
        4 => w(
            "betovergrootvader",
            "betovergrootmoeder",
            "betovergrootouder",
        ),
        _ => format!(
            "{} in de {g}e generatie",
            by_sex(sex, "voorvader", "voormoeder", "voorouder")
        ),
    }
}

/// zoon, kleinzoon, achterkleinzoon, achterachterkleinzoon; then "afstammeling in de {g}e
/// generatie" (beyond the table).
fn desc(g: u32, sex: Sex) -> String {
    let base = by_sex(sex, "zoon", "dochter", "kind");
    match g {
        0 | 1 => base.to_string(),
        2 => format!("klein{base}"),
        3 => format!("achterklein{base}"),
        4 => format!("achterachterklein{base}"),
        _ => format!("afstammeling in de {g}e generatie"),
    }
}

fn sibling(sex: Sex) -> &'static str {
    by_sex(sex, "broer", "zus", "broer of zus")
}

fn text(k: &Kin, sex: Sex) -> String {
    let (ga, gb) = (k.ga, k.gb);
    match k.kind() {
        Kind::Same => "dezelfde persoon".to_string(),
        Kind::Ancestor => anc(ga, sex),
        Kind::Descendant => desc(gb, sex),
        Kind::Sibling => {
            let h = if k.half { "half" } else { "" };
            by_sex(
                sex,
                format!("{h}broer"),
                format!("{h}zus"),
                format!("{h}broer of {h}zus"),
            )
        }
        Kind::AuntUncle => match ga {
            2 => by_sex(sex, "oom", "tante", "oom of tante").to_string(),
            3 => by_sex(sex, "oudoom", "oudtante", "oudoom of oudtante").to_string(),
            // Beyond the table: the sibling of an ancestor.
            _ => format!("{} van de {}", sibling(sex), anc(ga - 1, k.up(ga - 2))),
        },
        Kind::NieceNephew => format!("{} van een {}", desc(gb - 1, sex), sibling(k.down(0))),
        Kind::Cousin => {
            // a's ancestor u generations up and b's ancestor w generations up are first cousins.
            let (u, w) = (ga - 2, gb - 2);
            let cs = if w == 0 {
                sex
            } else {
                k.down(gb.saturating_sub(w + 1))
            };
            let cousin = by_sex(cs, "volle neef", "volle nicht", "volle neef of nicht");
            let mut t = if w == 0 {
                cousin.to_string()
            } else {
                format!("{} van een {cousin}", desc(w, sex))
            };
            if u > 0 {
                t = format!("{t} van de {}", anc(u, k.up(u - 1)));
            }
            t
        }
    }
}

impl Grammar for Nl {
    fn term(&self, k: &Kin, sex_b: Sex) -> Term {
        let mut t = text(k, sex_b);
        let direct = matches!(k.kind(), Kind::Ancestor | Kind::Descendant | Kind::Same);
        if k.half && !direct && k.kind() != Kind::Sibling {
            t = format!("{t} (van halve bloede)");
        }
        if k.double && !direct {
            t = format!("{t} (dubbel)");
        }
        if k.adoptive {
            t = if t.contains(' ') {
                format!("{t} (adoptie)")
            } else {
                format!("adoptie{t}")
            };
        }
        let definite = k.kind() == Kind::Ancestor && k.ga == 1;
        Term::new(t, Gender::N).definite(definite)
    }

    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let h = if k.half { "half" } else { "" };
        let w = match (k.kind(), k.degree()) {
            (Kind::Sibling, _) => by_sex(
                both,
                format!("{h}broers"),
                format!("{h}zussen"),
                format!("{h}broer en {h}zus"),
            ),
            (Kind::Cousin, 1) if !k.half => {
                by_sex(both, "volle neven", "volle nichten", "volle neef en nicht").to_string()
            }
            _ => return None,
        };
        Some(if k.double { format!("{w} (dubbel)") } else { w })
    }

    fn link(&self, l: Link, sex: Sex) -> Term {
        let (m, f, u, definite) = match l {
            Link::Spouse => ("echtgenoot", "echtgenote", "echtgenoot of echtgenote", true),
            Link::ParentInLaw => ("schoonvader", "schoonmoeder", "schoonouder", false),
            Link::ChildInLaw => ("schoonzoon", "schoondochter", "schoonkind", false),
            Link::SiblingInLaw => ("zwager", "schoonzus", "zwager of schoonzus", false),
            Link::StepParent => ("stiefvader", "stiefmoeder", "stiefouder", false),
            Link::StepChild => ("stiefzoon", "stiefdochter", "stiefkind", false),
            Link::StepSibling => ("stiefbroer", "stiefzus", "stiefbroer of stiefzus", false),
            // Beyond the table: described through the partner.
            Link::GrandparentInLaw => (
                "grootvader van de partner",
                "grootmoeder van de partner",
                "grootouder van de partner",
                false,
            ),
            Link::GrandchildInLaw => (
                "echtgenoot van een kleinkind",
                "echtgenote van een kleinkind",
                "partner van een kleinkind",
                false,
            ),
        };
        Term::new(by_sex(sex, m, f, u), Gender::N).definite(definite)
    }

    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let w = match l {
            Link::Spouse => "getrouwd",
            Link::SiblingInLaw if both != Sex::Unknown => {
                by_sex(both, "zwagers", "schoonzussen", "")
            }
            Link::StepSibling if both != Sex::Unknown => {
                by_sex(both, "stiefbroers", "stiefzussen", "")
            }
            _ => return None,
        };
        Some(w.to_string())
    }

    fn hop(&self, h: Hop, sex: Sex) -> Term {
        let w = match h {
            Hop::Parent => by_sex(sex, "vader", "moeder", "ouder"),
            Hop::Child => by_sex(sex, "zoon", "dochter", "kind"),
            Hop::Spouse => by_sex(sex, "echtgenoot", "echtgenote", "partner"),
            Hop::Sibling => sibling(sex),
        };
        Term::new(w, Gender::N)
    }

    fn poss(&self, owner: Sex, t: &Term) -> String {
        format!("{} {}", by_sex(owner, "zijn", "haar", "diens"), t.text)
    }

    fn is_of(&self, t: &Term, _a_label: &str) -> Vec<Slot> {
        let art = if t.definite { "de" } else { "een" };
        vec![
            Slot::B,
            Slot::T(format!(" is {art} {} van ", t.text)),
            Slot::A,
        ]
    }

    fn through(&self) -> &'static str {
        " — via "
    }

    fn and(&self, _next: &str) -> &'static str {
        " en "
    }

    fn direct(&self, ancestor: bool, _sex_b: Sex, _a_label: &str) -> Vec<Slot> {
        let what = if ancestor {
            "voorouder"
        } else {
            "afstammeling"
        };
        vec![
            Slot::B,
            Slot::T(format!(" is een directe {what} van ")),
            Slot::A,
        ]
    }

    fn also(&self) -> &'static str {
        ", en ook "
    }

    fn poss_each(&self) -> bool {
        false
    }

    fn are(&self) -> &'static str {
        " zijn "
    }

    fn same(&self) -> &'static str {
        "dezelfde persoon"
    }
}

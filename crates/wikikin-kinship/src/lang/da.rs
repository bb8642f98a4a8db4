//! Danish (kinship-terms.md, "Danish"): farfar, oldefar, tipoldefar; sønnesøn, oldebarn;
//! farbror, faster; nevø, niece; fætter / kusine (n = 1), næstsøskendebarn (n = 2), and beyond
//! through the linking people, as Danish genealogists do ("fars næstsøskendebarns søn");
//! "fars fætter", "fætters søn". Frame: "B er fars fætter til A".

use super::nordic::{gen, pick};
use super::{by_sex, Gender, Grammar, Hop, Kin, Link, Slot, Term};
use crate::{Kind, Sex};

pub(crate) struct Da;

const PARENT: [&str; 3] = ["far", "mor", "forælder"];
const CHILD: [&str; 3] = ["søn", "datter", "barn"];
const SIBLING: [&str; 3] = ["bror", "søster", "søskende"];

/// `a`'s ancestor `g` generations up: `parent` is the sex of a's parent on the line, `top` the
/// ancestor's. far; farfar / bedstefar (line unknown); oldefar (3), tipoldefar (4),
/// tiptipoldefar (5), and one more "tip" per generation beyond (extending the table).
fn anc(g: u32, parent: Sex, top: Sex) -> String {
    match g {
        0 | 1 => pick(top, &PARENT).to_string(),
        2 => match (parent, top) {
            (Sex::Unknown, _) => by_sex(top, "bedstefar", "bedstemor", "bedsteforælder").into(),
            (_, Sex::Unknown) => format!("{} forælder", gen(pick(parent, &PARENT))),
            _ => format!("{}{}", pick(parent, &PARENT), pick(top, &PARENT)),
        },
        _ => format!("{}olde{}", "tip".repeat(g as usize - 3), pick(top, &PARENT)),
    }
}

/// A descendant `g` generations down: `first` the sex of the first child on the line, `last`
/// the descendant's. søn; sønnesøn / barnebarn; oldebarn (3), tipoldebarn (4) ….
fn desc(g: u32, first: Sex, last: Sex) -> String {
    match g {
        0 | 1 => pick(last, &CHILD).to_string(),
        2 => match (first, last) {
            (Sex::Unknown, _) | (_, Sex::Unknown) => "barnebarn".to_string(),
            _ => format!(
                "{}{}",
                by_sex(first, "sønne", "datter", ""),
                pick(last, &CHILD)
            ),
        },
        _ => format!("{}oldebarn", "tip".repeat(g as usize - 3)),
    }
}

fn halv(k: &Kin, w: String) -> String {
    let w = if k.half { format!("halv{w}") } else { w };
    if k.double {
        format!("dobbelt{w}")
    } else {
        w
    }
}

fn text(k: &Kin, sex: Sex) -> String {
    let (ga, gb) = (k.ga, k.gb);
    match k.kind() {
        Kind::Same => "samme person".to_string(),
        Kind::Ancestor => anc(ga, k.up(0), sex),
        Kind::Descendant => desc(gb, k.down(0), sex),
        Kind::Sibling => halv(k, pick(sex, &SIBLING).to_string()),
        Kind::AuntUncle => {
            let p = k.up(0);
            if ga == 2 && p != Sex::Unknown && sex != Sex::Unknown {
                let w = match (p, sex) {
                    (Sex::Male, Sex::Male) => "farbror",
                    (Sex::Male, _) => "faster",
                    (_, Sex::Male) => "morbror",
                    _ => "moster",
                };
                return halv(k, w.to_string());
            }
            // Beyond the table: the sibling of an ancestor, "farfars bror".
            let top = anc(ga - 1, p, k.up(ga - 2));
            format!("{} {}", gen(&top), halv(k, pick(sex, &SIBLING).into()))
        }
        Kind::NieceNephew => {
            let c = if gb == 2 { sex } else { k.down(1) };
            let first = halv(
                k,
                by_sex(c, "nevø", "niece", "nevø eller niece").to_string(),
            );
            if gb <= 2 {
                first
            } else {
                // Beyond the table: "nevøs søn".
                format!("{} {}", gen(&first), desc(gb - 2, k.down(2), sex))
            }
        }
        Kind::Cousin => {
            let (n, r) = (k.degree(), k.removed());
            // n ≥ 3: through the linking people, up to the parents, grandparents … who are
            // second cousins ("fars næstsøskendebarns søn").
            let m = n.saturating_sub(2);
            let u = m + if k.older() { r } else { 0 };
            let w = m + if k.older() { 0 } else { r };
            let cs = if w == 0 {
                sex
            } else {
                k.down(gb.saturating_sub(w + 1))
            };
            let cousin = if n <= 1 {
                by_sex(cs, "fætter", "kusine", "søskendebarn")
            } else {
                "næstsøskendebarn"
            };
            let mut parts = Vec::new();
            if u > 0 {
                parts.push(gen(&anc(u, k.up(0), k.up(u - 1))));
            }
            let cousin = halv(k, cousin.to_string());
            parts.push(if w > 0 { gen(&cousin) } else { cousin });
            if w > 0 {
                parts.push(desc(w, k.down(gb.saturating_sub(w)), sex));
            }
            parts.join(" ")
        }
    }
}

impl Grammar for Da {
    fn term(&self, k: &Kin, sex_b: Sex) -> Term {
        let t = text(k, sex_b);
        let t = if k.adoptive { format!("adoptiv{t}") } else { t };
        Term::new(t, Gender::N)
    }

    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let w = match (k.kind(), k.degree()) {
            (Kind::Sibling, _) => by_sex(both, "brødre", "søstre", "søskende"),
            (Kind::Cousin, 1) => by_sex(both, "fætre", "kusiner", "søskendebørn"),
            (Kind::Cousin, 2) => "næstsøskendebørn",
            _ => return None,
        };
        Some(halv(k, w.to_string()))
    }

    fn link(&self, l: Link, sex: Sex) -> Term {
        let (m, f, u) = match l {
            Link::Spouse => ("mand", "hustru", "ægtefælle"),
            Link::ParentInLaw => ("svigerfar", "svigermor", "svigerforælder"),
            Link::ChildInLaw => ("svigersøn", "svigerdatter", "svigerbarn"),
            Link::SiblingInLaw => ("svoger", "svigerinde", "svoger eller svigerinde"),
            Link::StepParent => ("stedfar", "stedmor", "stedforælder"),
            Link::StepChild => ("stedsøn", "steddatter", "stedbarn"),
            Link::StepSibling => ("stedbror", "stedsøster", "stedsøskende"),
            // Beyond the table: described through the spouse, with both lines named.
            Link::GrandparentInLaw => (
                "ægtefælles farfar eller morfar",
                "ægtefælles farmor eller mormor",
                "ægtefælles bedsteforælder",
            ),
            Link::GrandchildInLaw => (
                "barnebarns mand",
                "barnebarns hustru",
                "barnebarns ægtefælle",
            ),
        };
        Term::new(by_sex(sex, m, f, u), Gender::N)
    }

    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let w = match l {
            Link::Spouse => "gift",
            Link::SiblingInLaw if both != Sex::Unknown => by_sex(both, "svogre", "svigerinder", ""),
            Link::StepSibling => by_sex(both, "stedbrødre", "stedsøstre", "stedsøskende"),
            _ => return None,
        };
        Some(w.to_string())
    }

    fn hop(&self, h: Hop, sex: Sex) -> Term {
        let w = match h {
            Hop::Parent => pick(sex, &PARENT),
            Hop::Child => pick(sex, &CHILD),
            Hop::Spouse => by_sex(sex, "mand", "hustru", "ægtefælle"),
            Hop::Sibling => pick(sex, &SIBLING),
        };
        Term::new(w, Gender::N)
    }

    fn poss(&self, owner: Sex, t: &Term) -> String {
        format!("{} {}", by_sex(owner, "hans", "hendes", "dennes"), t.text)
    }

    fn is_of(&self, t: &Term, _a_label: &str) -> Vec<Slot> {
        vec![Slot::B, Slot::T(format!(" er {} til ", t.text)), Slot::A]
    }

    fn through(&self) -> &'static str {
        " — gennem "
    }

    fn and(&self, _next: &str) -> &'static str {
        " og "
    }

    fn direct(&self, ancestor: bool, sex_b: Sex, _a_label: &str) -> Vec<Slot> {
        let what = if ancestor {
            by_sex(sex_b, "forfader", "formoder", "forfader")
        } else {
            "efterkommer"
        };
        vec![
            Slot::B,
            Slot::T(format!(" er en direkte {what} til ")),
            Slot::A,
        ]
    }

    fn also(&self) -> &'static str {
        " og også "
    }

    fn poss_each(&self) -> bool {
        false
    }

    fn are(&self) -> &'static str {
        " er "
    }

    fn same(&self) -> &'static str {
        "samme person"
    }
}

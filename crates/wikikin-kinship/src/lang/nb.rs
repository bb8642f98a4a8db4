//! Norwegian Bokmål (kinship-terms.md, "Norwegian"): as Swedish, Norwegian words — farfars far,
//! morbror, brorsønn, fetter / kusine / søskenbarn, "fars tremenning", "fetters sønn".
//! Frame: "B er fars tremenning til A".

use super::nordic::{a_up, b_down, down, gen, pick, up, Line};
use super::{by_sex, Gender, Grammar, Hop, Kin, Link, Slot, Term};
use crate::{Kind, Sex};

pub(crate) struct Nb;

const LINE: Line = Line {
    parent: ["far", "mor", "forelder"],
    child: ["sønn", "datter", "barn"],
    child_stem: ["sønne", "datter", "barne"],
    grandchild: "barnebarn",
};
const SIBLING: [&str; 3] = ["bror", "søster", "søsken"];

/// fetter / kusine / søskenbarn (n = 1), tremenning (2) … femmenning (4), seksmenning (5); beyond
/// the table, in its spirit: sjumenning … timenning, then "11-menning".
fn cousin(n: u32, sex: Sex) -> String {
    const WORDS: [&str; 8] = [
        "tremenning",
        "firmenning",
        "femmenning",
        "seksmenning",
        "sjumenning",
        "åttemenning",
        "nimenning",
        "timenning",
    ];
    if n <= 1 {
        return by_sex(sex, "fetter", "kusine", "søskenbarn").to_string();
    }
    match WORDS.get(n as usize - 2) {
        Some(w) => (*w).to_string(),
        None => format!("{}-menning", n + 1),
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
    match k.kind() {
        Kind::Same => "samme person".to_string(),
        Kind::Ancestor => {
            let mut line = a_up(k, k.ga.saturating_sub(1));
            line.push(sex);
            up(&LINE, &line)
        }
        Kind::Descendant => down(&LINE, &b_down(k, 0, sex)),
        Kind::Sibling => halv(k, pick(sex, &SIBLING).to_string()),
        Kind::AuntUncle => {
            let p = k.up(0);
            if k.ga == 2 && p != Sex::Unknown && sex != Sex::Unknown {
                let w = match (p, sex) {
                    (Sex::Male, Sex::Male) => "farbror",
                    (Sex::Male, _) => "faster",
                    (_, Sex::Male) => "morbror",
                    _ => "moster",
                };
                return halv(k, w.to_string());
            }
            let line = a_up(k, k.ga.saturating_sub(1));
            format!(
                "{} {}",
                gen(&up(&LINE, &line)),
                halv(k, pick(sex, &SIBLING).into())
            )
        }
        Kind::NieceNephew => {
            let s = k.down(0);
            let c = if k.gb == 2 { sex } else { k.down(1) };
            let first = match (s, c) {
                (Sex::Unknown, _) => by_sex(c, "nevø", "niese", "nevø eller niese").to_string(),
                (_, Sex::Unknown) => format!("{} barn", gen(pick(s, &SIBLING))),
                // brorsønn, brordatter, søstersønn, søsterdatter
                _ => format!("{}{}", pick(s, &SIBLING), pick(c, &LINE.child)),
            };
            let first = halv(k, first);
            if k.gb <= 2 {
                first
            } else {
                format!("{} {}", gen(&first), down(&LINE, &b_down(k, 2, sex)))
            }
        }
        Kind::Cousin => {
            let r = k.removed();
            // The cousin of the pair: b itself, or b's ancestor at a's generation (younger b).
            let cs = if r == 0 || k.older() {
                sex
            } else {
                k.down(k.ga.saturating_sub(1))
            };
            let c = halv(k, cousin(k.degree(), cs));
            if r == 0 {
                c
            } else if k.older() {
                format!("{} {c}", gen(&up(&LINE, &a_up(k, r))))
            } else {
                format!("{} {}", gen(&c), down(&LINE, &b_down(k, k.ga, sex)))
            }
        }
    }
}

impl Grammar for Nb {
    fn term(&self, k: &Kin, sex_b: Sex) -> Term {
        let t = text(k, sex_b);
        let t = if k.adoptive { format!("adoptiv{t}") } else { t };
        Term::new(t, Gender::N)
    }

    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let w = match k.kind() {
            Kind::Sibling => by_sex(both, "brødre", "søstre", "søsken").to_string(),
            Kind::Cousin if k.degree() == 1 => {
                by_sex(both, "fettere", "kusiner", "søskenbarn").to_string()
            }
            Kind::Cousin => format!("{}er", cousin(k.degree(), both)),
            _ => return None,
        };
        Some(halv(k, w))
    }

    fn link(&self, l: Link, sex: Sex) -> Term {
        let (m, f, u) = match l {
            Link::Spouse => ("ektemann", "kone", "ektefelle"),
            Link::ParentInLaw => ("svigerfar", "svigermor", "svigerforelder"),
            Link::ChildInLaw => ("svigersønn", "svigerdatter", "svigerbarn"),
            Link::SiblingInLaw => ("svoger", "svigerinne", "svoger eller svigerinne"),
            Link::StepParent => ("stefar", "stemor", "steforelder"),
            Link::StepChild => ("stesønn", "stedatter", "stebarn"),
            Link::StepSibling => ("stebror", "stesøster", "stesøsken"),
            // Beyond the table: described through the spouse, with both lines named.
            Link::GrandparentInLaw => (
                "ektefelles farfar eller morfar",
                "ektefelles farmor eller mormor",
                "ektefelles besteforelder",
            ),
            Link::GrandchildInLaw => (
                "barnebarns ektemann",
                "barnebarns kone",
                "barnebarns ektefelle",
            ),
        };
        Term::new(by_sex(sex, m, f, u), Gender::N)
    }

    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let w = match l {
            Link::Spouse => "gift",
            Link::SiblingInLaw if both != Sex::Unknown => {
                by_sex(both, "svogere", "svigerinner", "")
            }
            Link::StepSibling => by_sex(both, "stebrødre", "stesøstre", "stesøsken"),
            _ => return None,
        };
        Some(w.to_string())
    }

    fn hop(&self, h: Hop, sex: Sex) -> Term {
        let w = match h {
            Hop::Parent => pick(sex, &LINE.parent),
            Hop::Child => pick(sex, &LINE.child),
            Hop::Spouse => by_sex(sex, "ektemann", "kone", "ektefelle"),
            Hop::Sibling => pick(sex, &SIBLING),
        };
        Term::new(w, Gender::N)
    }

    fn poss(&self, owner: Sex, t: &Term) -> String {
        format!("{} {}", by_sex(owner, "hans", "hennes", "dennes"), t.text)
    }

    fn is_of(&self, t: &Term, _a_label: &str) -> Vec<Slot> {
        vec![Slot::B, Slot::T(format!(" er {} til ", t.text)), Slot::A]
    }

    fn through(&self) -> &'static str {
        " — gjennom "
    }

    fn and(&self, _next: &str) -> &'static str {
        " og "
    }

    fn direct(&self, ancestor: bool, sex_b: Sex, _a_label: &str) -> Vec<Slot> {
        let what = if ancestor {
            by_sex(sex_b, "forfar", "formor", "forfar")
        } else {
            "etterkommer"
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

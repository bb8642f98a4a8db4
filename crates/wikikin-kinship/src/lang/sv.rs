//! Swedish (kinship-terms.md, "Swedish"): descriptive, through the sexes of the linking people
//! of the relationship's own line — farfars far, morbror, brorsdotter, "fars tremänning",
//! "kusins sonson"; the neutral word (förälder, barn, syskon) where a linking sex is unknown.
//! Frame: "B är fars tremänning till A".

use super::nordic::{a_up, b_down, down, gen, pick, up, Line};
use super::{by_sex, Gender, Grammar, Hop, Kin, Link, Slot, Term};
use crate::{Kind, Sex};

pub(crate) struct Sv;

const LINE: Line = Line {
    parent: ["far", "mor", "förälder"],
    child: ["son", "dotter", "barn"],
    child_stem: ["son", "dotter", "barn"],
    grandchild: "barnbarn",
};
const SIBLING: [&str; 3] = ["bror", "syster", "syskon"];

/// kusin (n = 1), tremänning (2) … tiomänning (9); beyond the table, in its spirit,
/// "11-männing" (digits for n + 1 > 10).
fn cousin(n: u32) -> String {
    const WORDS: [&str; 9] = [
        "kusin",
        "tremänning",
        "fyrmänning",
        "femmänning",
        "sexmänning",
        "sjumänning",
        "åttamänning",
        "niomänning",
        "tiomänning",
    ];
    match n.checked_sub(1).and_then(|i| WORDS.get(i as usize)) {
        Some(w) => (*w).to_string(),
        None => format!("{}-männing", n + 1),
    }
}

fn halv(k: &Kin, w: String) -> String {
    let w = if k.half { format!("halv{w}") } else { w };
    if k.double {
        format!("dubbel{w}")
    } else {
        w
    }
}

fn text(k: &Kin, sex: Sex) -> String {
    match k.kind() {
        Kind::Same => "samma person".to_string(),
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
                (Sex::Unknown, Sex::Unknown) => "syskonbarn".to_string(),
                (Sex::Unknown, _) => format!("syskons {}", pick(c, &LINE.child)),
                // brorson, brorsdotter, systerson, systerdotter; "brors barn"
                (_, Sex::Unknown) => format!("{} barn", gen(pick(s, &SIBLING))),
                // bror + son, but brors + dotter / barn: "brorsdotter", "brorsbarn"
                (Sex::Male, Sex::Male) => "brorson".to_string(),
                (Sex::Male, _) => format!("brors{}", pick(c, &LINE.child)),
                (_, _) => format!("syster{}", pick(c, &LINE.child)),
            };
            let first = halv(k, first);
            if k.gb <= 2 {
                first
            } else {
                format!("{} {}", gen(&first), down(&LINE, &b_down(k, 2, sex)))
            }
        }
        Kind::Cousin => {
            let c = halv(k, cousin(k.degree()));
            let r = k.removed();
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

impl Grammar for Sv {
    fn term(&self, k: &Kin, sex_b: Sex) -> Term {
        let t = text(k, sex_b);
        let t = if k.adoptive { format!("adoptiv{t}") } else { t };
        Term::new(t, Gender::N)
    }

    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let w = match k.kind() {
            Kind::Sibling => by_sex(both, "bröder", "systrar", "syskon").to_string(),
            Kind::Cousin if k.degree() == 1 => "kusiner".to_string(),
            Kind::Cousin => format!("{}ar", cousin(k.degree())),
            _ => return None,
        };
        Some(halv(k, w))
    }

    fn link(&self, l: Link, sex: Sex) -> Term {
        let (m, f, u) = match l {
            Link::Spouse => ("make", "maka", "make"),
            Link::ParentInLaw => ("svärfar", "svärmor", "svärförälder"),
            Link::ChildInLaw => ("svärson", "svärdotter", "svärbarn"),
            Link::SiblingInLaw => ("svåger", "svägerska", "svåger eller svägerska"),
            Link::StepParent => ("styvfar", "styvmor", "styvförälder"),
            Link::StepChild => ("styvson", "styvdotter", "styvbarn"),
            Link::StepSibling => ("styvbror", "styvsyster", "styvsyskon"),
            // Beyond the table: described through the spouse, with both lines named.
            Link::GrandparentInLaw => (
                "makes farfar eller morfar",
                "makes farmor eller mormor",
                "makes far- eller morförälder",
            ),
            Link::GrandchildInLaw => ("barnbarns make", "barnbarns maka", "barnbarns make"),
        };
        Term::new(by_sex(sex, m, f, u), Gender::N)
    }

    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let both = if sex_a == sex_b { sex_a } else { Sex::Unknown };
        let w = match l {
            Link::Spouse => "gifta",
            Link::SiblingInLaw if both != Sex::Unknown => by_sex(both, "svågrar", "svägerskor", ""),
            Link::StepSibling => by_sex(both, "styvbröder", "styvsystrar", "styvsyskon"),
            _ => return None,
        };
        Some(w.to_string())
    }

    fn hop(&self, h: Hop, sex: Sex) -> Term {
        let w = match h {
            Hop::Parent => pick(sex, &LINE.parent),
            Hop::Child => pick(sex, &LINE.child),
            Hop::Spouse => by_sex(sex, "make", "maka", "make"),
            Hop::Sibling => pick(sex, &SIBLING),
        };
        Term::new(w, Gender::N)
    }

    fn poss(&self, owner: Sex, t: &Term) -> String {
        format!("{} {}", by_sex(owner, "hans", "hennes", "dennes"), t.text)
    }

    fn is_of(&self, t: &Term, _a_label: &str) -> Vec<Slot> {
        vec![Slot::B, Slot::T(format!(" är {} till ", t.text)), Slot::A]
    }

    fn through(&self) -> &'static str {
        " — genom "
    }

    fn and(&self, _next: &str) -> &'static str {
        " och "
    }

    fn direct(&self, ancestor: bool, sex_b: Sex, _a_label: &str) -> Vec<Slot> {
        let what = if ancestor {
            by_sex(sex_b, "anfader", "anmoder", "förfader")
        } else {
            "ättling"
        };
        vec![
            Slot::B,
            Slot::T(format!(" är en direkt {what} till ")),
            Slot::A,
        ]
    }

    fn also(&self) -> &'static str {
        " och även "
    }

    fn poss_each(&self) -> bool {
        false
    }

    fn are(&self) -> &'static str {
        " är "
    }

    fn same(&self) -> &'static str {
        "samma person"
    }
}

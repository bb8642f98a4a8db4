//! Spanish (kinship-terms.md, "Spanish"): bisabuelo, tío abuelo, primo hermano, prima tercera
//! (ordinals in words up to the tenth, agreeing), tío segundo (a parent's first cousin),
//! "primo hermano de un abuelo", "nieto de un primo hermano". Masculine where the sex is unknown
//! unless a neutral word exists (progenitor, cónyuge). Frame: "B es tío tercero de A".

use super::{by_sex, gender, Grammar, Hop, Kin, Link, Slot, Term};
use crate::{Kind, Sex};

pub(crate) struct Es;

/// Masculine / feminine by sex (masculine for unknown).
fn mf(sex: Sex, m: &str, f: &str) -> String {
    if sex == Sex::Female { f } else { m }.to_string()
}

/// The ordinal that agrees: 2 → segundo / segunda … 10 → décimo; `None` beyond the tenth.
fn ordinal(n: u32, sex: Sex) -> Option<String> {
    const WORDS: [&str; 9] = [
        "segund", "tercer", "cuart", "quint", "sext", "séptim", "octav", "noven", "décim",
    ];
    let stem = WORDS.get(n.checked_sub(2)? as usize)?;
    Some(format!(
        "{stem}{}",
        if sex == Sex::Female { "a" } else { "o" }
    ))
}

/// abuelo, bisabuelo, tatarabuelo, trastatarabuelo (g = 2 … 5); then "antepasado de {g}
/// generaciones".
fn ancestor(g: u32, sex: Sex) -> String {
    match g {
        0 | 1 => by_sex(sex, "padre", "madre", "progenitor").to_string(),
        2..=5 => {
            let pre = ["", "bis", "tatar", "trastatar"]
                .get(g as usize - 2)
                .copied()
                .unwrap_or_default();
            format!("{pre}{}", mf(sex, "abuelo", "abuela"))
        }
        _ => format!(
            "{} de {g} generaciones",
            mf(sex, "antepasado", "antepasada")
        ),
    }
}

/// hijo, nieto, bisnieto, tataranieto, chozno (g = 1 … 5); then "descendiente de {g}
/// generaciones".
fn descendant(g: u32, sex: Sex) -> String {
    match g {
        0 | 1 => mf(sex, "hijo", "hija"),
        2 => mf(sex, "nieto", "nieta"),
        3 => mf(sex, "bisnieto", "bisnieta"),
        4 => mf(sex, "tataranieto", "tataranieta"),
        5 => mf(sex, "chozno", "chozna"),
        _ => format!("descendiente de {g} generaciones"),
    }
}

/// primo hermano, prima segunda … décima; "primo de grado {n}" beyond the tenth.
fn cousin(n: u32, sex: Sex) -> String {
    let p = mf(sex, "primo", "prima");
    if n <= 1 {
        return format!("{p} {}", mf(sex, "hermano", "hermana"));
    }
    match ordinal(n, sex) {
        Some(o) => format!("{p} {o}"),
        None => format!("{p} de grado {n}"),
    }
}

fn text(k: &Kin, sex: Sex) -> String {
    let (ga, gb, n, r) = (k.ga, k.gb, k.degree(), k.removed());
    match k.kind() {
        Kind::Same => "la misma persona".to_string(),
        Kind::Ancestor => ancestor(ga, sex),
        Kind::Descendant => descendant(gb, sex),
        Kind::Sibling => mf(sex, "hermano", "hermana"),
        Kind::AuntUncle => match ga {
            2 => mf(sex, "tío", "tía"),
            3..=5 => format!("{} {}", mf(sex, "tío", "tía"), ancestor(ga - 1, sex)),
            // Beyond the table (its "hermano de un antepasado" form): the sibling of an ancestor.
            _ => format!(
                "{} de un {}",
                mf(sex, "hermano", "hermana"),
                ancestor(ga - 1, Sex::Male)
            ),
        },
        Kind::NieceNephew => match gb {
            2 => mf(sex, "sobrino", "sobrina"),
            3..=5 => format!(
                "{} {}",
                mf(sex, "sobrino", "sobrina"),
                descendant(gb - 1, sex)
            ),
            // Beyond the table: a descendant of a sibling.
            _ => format!("{} de un hermano", descendant(gb - 1, sex)),
        },
        Kind::Cousin if r == 0 => cousin(n, sex),
        Kind::Cousin if r == 1 => {
            let head = if k.older() {
                mf(sex, "tío", "tía")
            } else {
                mf(sex, "sobrino", "sobrina")
            };
            match ordinal(n + 1, sex) {
                Some(o) => format!("{head} {o}"),
                // Beyond the tenth, in the spirit of "primo de grado {n}".
                None => format!("{head} de grado {}", n + 1),
            }
        }
        Kind::Cousin if k.older() => format!("{} de un {}", cousin(n, sex), ancestor(r, Sex::Male)),
        Kind::Cousin => format!("{} de un {}", descendant(r, sex), cousin(n, Sex::Male)),
    }
}

/// Adds a word after the head of a term: before its first " de " (so "primo hermano adoptivo de
/// un abuelo"), or at the end.
fn after_head(t: &str, w: &str) -> String {
    match t.split_once(" de ") {
        Some((head, rest)) => format!("{head} {w} de {rest}"),
        None => format!("{t} {w}"),
    }
}

impl Grammar for Es {
    fn term(&self, k: &Kin, sex_b: Sex) -> Term {
        let mut t = text(k, sex_b);
        let direct = matches!(k.kind(), Kind::Ancestor | Kind::Descendant | Kind::Same);
        if k.half && k.kind() == Kind::Sibling {
            t = format!("{} {t}", mf(sex_b, "medio", "media"));
        } else if k.half && !direct {
            // Chosen once, for every half relationship beyond siblings.
            t = after_head(&t, "por un solo lado");
        }
        if k.double && !direct {
            t = format!("doble {t}");
        }
        if k.adoptive {
            t = after_head(&t, &mf(sex_b, "adoptivo", "adoptiva"));
        }
        Term::new(t, gender(sex_b))
    }

    fn plural(&self, k: &Kin, sex_a: Sex, sex_b: Sex) -> Option<String> {
        // Masculine plural for mixed or unknown, feminine only when both are women.
        let both = if sex_a == Sex::Female && sex_b == Sex::Female {
            Sex::Female
        } else {
            Sex::Male
        };
        let one = self.term(k, both).text;
        let w = match k.kind() {
            Kind::Sibling | Kind::Cousin => one
                .split(' ')
                .map(|w| match w {
                    "de" | "un" | "grado" | "por" | "solo" | "lado" => w.to_string(),
                    _ if w.chars().all(|c| c.is_ascii_digit()) => w.to_string(),
                    "doble" => "dobles".to_string(),
                    _ => format!("{w}s"),
                })
                .collect::<Vec<_>>()
                .join(" "),
            _ => return None,
        };
        Some(w)
    }

    fn link(&self, l: Link, sex: Sex) -> Term {
        let w = match l {
            Link::Spouse => by_sex(sex, "esposo", "esposa", "cónyuge").to_string(),
            Link::ParentInLaw => mf(sex, "suegro", "suegra"),
            Link::ChildInLaw => mf(sex, "yerno", "nuera"),
            Link::SiblingInLaw => mf(sex, "cuñado", "cuñada"),
            Link::StepParent => mf(sex, "padrastro", "madrastra"),
            Link::StepChild => mf(sex, "hijastro", "hijastra"),
            Link::StepSibling => mf(sex, "hermanastro", "hermanastra"),
            // Beyond the table: Spanish "político" for relations by marriage.
            Link::GrandparentInLaw => mf(sex, "abuelo político", "abuela política"),
            Link::GrandchildInLaw => mf(sex, "nieto político", "nieta política"),
        };
        Term::new(w, gender(sex))
    }

    fn link_plural(&self, l: Link, sex_a: Sex, sex_b: Sex) -> Option<String> {
        let f = sex_a == Sex::Female && sex_b == Sex::Female;
        let w = match l {
            Link::Spouse => {
                if f {
                    "esposas"
                } else {
                    "esposos"
                }
            }
            Link::SiblingInLaw => {
                if f {
                    "cuñadas"
                } else {
                    "cuñados"
                }
            }
            Link::StepSibling => {
                if f {
                    "hermanastras"
                } else {
                    "hermanastros"
                }
            }
            _ => return None,
        };
        Some(w.to_string())
    }

    fn hop(&self, h: Hop, sex: Sex) -> Term {
        let w = match h {
            Hop::Parent => by_sex(sex, "padre", "madre", "progenitor").to_string(),
            Hop::Child => mf(sex, "hijo", "hija"),
            Hop::Spouse => by_sex(sex, "esposo", "esposa", "cónyuge").to_string(),
            Hop::Sibling => mf(sex, "hermano", "hermana"),
        };
        Term::new(w, gender(sex))
    }

    fn poss(&self, _owner: Sex, t: &Term) -> String {
        format!("su {}", t.text)
    }

    fn is_of(&self, t: &Term, _a_label: &str) -> Vec<Slot> {
        vec![Slot::B, Slot::T(format!(" es {} de ", t.text)), Slot::A]
    }

    fn through(&self) -> &'static str {
        " — a través de "
    }

    /// "y", but "e" before the sound i ("Alberto e Isabel", "e Hilda"; "y Hierro", "y Hielo").
    fn and(&self, next: &str) -> &'static str {
        let lower = next.to_lowercase();
        let rest = lower.strip_prefix('h').unwrap_or(&lower);
        let mut c = rest.chars();
        let i_sound = matches!(c.next(), Some('i' | 'í'))
            && !matches!(
                c.next(),
                Some('a' | 'e' | 'o' | 'u' | 'á' | 'é' | 'ó' | 'ú')
            );
        if i_sound {
            " e "
        } else {
            " y "
        }
    }

    fn direct(&self, ancestor: bool, sex_b: Sex, _a_label: &str) -> Vec<Slot> {
        let what = match (ancestor, sex_b == Sex::Female) {
            (true, false) => "antepasado directo",
            (true, true) => "antepasada directa",
            (false, false) => "descendiente directo",
            (false, true) => "descendiente directa",
        };
        vec![Slot::B, Slot::T(format!(" es {what} de ")), Slot::A]
    }

    fn also(&self) -> &'static str {
        " y, además, "
    }

    fn poss_each(&self) -> bool {
        false
    }

    fn are(&self) -> &'static str {
        " son "
    }

    fn same(&self) -> &'static str {
        "la misma persona"
    }
}

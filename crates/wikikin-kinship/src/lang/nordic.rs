//! What Swedish, Norwegian and Danish share: words built through the sexes of the linking
//! people ("farfars far", "fars tremänning", "kusins sonson").

use crate::Sex;

/// One language's words for the line compounds.
pub(crate) struct Line {
    /// far, mor, förälder
    pub parent: [&'static str; 3],
    /// son, dotter, barn
    pub child: [&'static str; 3],
    /// The first part of a compound of two children ("son" → "sonson"; nb "sønne" → "sønnesønn").
    pub child_stem: [&'static str; 3],
    /// The neutral grandchild ("barnbarn").
    pub grandchild: &'static str,
}

pub(crate) fn pick(sex: Sex, w: &[&'static str; 3]) -> &'static str {
    let [m, f, u] = *w;
    super::by_sex(sex, m, f, u)
}

/// The genitive: "far" → "fars"; a word ending in s stays ("förälders" is "förälder" + s).
pub(crate) fn gen(w: &str) -> String {
    if w.ends_with('s') {
        w.to_string()
    } else {
        format!("{w}s")
    }
}

/// Ancestors by sex, from `a` upward: "far", "farfar", "farfars far", "farfars farfar" … in
/// pairs; a pair with an unknown sex stays apart ("förälders far").
pub(crate) fn up(l: &Line, sexes: &[Sex]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&s) = sexes.get(i) {
        match sexes.get(i + 1) {
            Some(&t) if s != Sex::Unknown && t != Sex::Unknown => {
                parts.push(format!("{}{}", pick(s, &l.parent), pick(t, &l.parent)));
                i += 2;
            }
            _ => {
                parts.push(pick(s, &l.parent).to_string());
                i += 1;
            }
        }
    }
    join_gen(&parts)
}

/// Descendants by sex, from the first child down: "son", "sonson", "sonsons son" …;
/// "barnbarn" where both are unknown.
pub(crate) fn down(l: &Line, sexes: &[Sex]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&s) = sexes.get(i) {
        match sexes.get(i + 1) {
            Some(&Sex::Unknown) if s == Sex::Unknown => {
                parts.push(l.grandchild.to_string());
                i += 2;
            }
            Some(&t) if s != Sex::Unknown && t != Sex::Unknown => {
                parts.push(format!("{}{}", pick(s, &l.child_stem), pick(t, &l.child)));
                i += 2;
            }
            _ => {
                parts.push(pick(s, &l.child).to_string());
                i += 1;
            }
        }
    }
    join_gen(&parts)
}

/// "farfar", "far" → "farfars far".
pub(crate) fn join_gen(parts: &[String]) -> String {
    let n = parts.len();
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| if i + 1 < n { gen(p) } else { p.clone() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `a`'s line from the parent upward, `n` people (unknown where not given).
pub(crate) fn a_up(k: &super::Kin, n: u32) -> Vec<Sex> {
    (0..n).map(|i| k.up(i)).collect()
}

/// `b`'s line: the people below the common ancestor from depth `from` + 1 down to `b`'s
/// parent, then `b` itself.
pub(crate) fn b_down(k: &super::Kin, from: u32, sex_b: Sex) -> Vec<Sex> {
    let mut v: Vec<Sex> = (from..k.gb.saturating_sub(1)).map(|i| k.down(i)).collect();
    v.push(sex_b);
    v
}

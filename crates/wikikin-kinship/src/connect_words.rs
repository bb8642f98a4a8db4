//! English words for a [`Connection`] through marriage: what `b` (the last person) is to `a`
//! (the first), by `b`'s sex — "daughter-in-law", "stepbrother", "the wife of Elizabeth II's
//! son Charles III", or the chain person by person.
//!
//! The blood parts of a chain are named by [`term`] (through a [`Relationship`] built from the
//! segment's generations), so cousins, greats and removals read as everywhere else.

use crate::{term, Connection, Kind, Pedigree, Relationship, Sex, Step};

fn by_sex(
    sex: Sex,
    male: &'static str,
    female: &'static str,
    unknown: &'static str,
) -> &'static str {
    match sex {
        Sex::Male => male,
        Sex::Female => female,
        Sex::Unknown => unknown,
    }
}

fn spouse_word(sex: Sex) -> &'static str {
    by_sex(sex, "husband", "wife", "spouse")
}

fn step_word(step: Step, sex: Sex) -> &'static str {
    match step {
        Step::Parent => by_sex(sex, "father", "mother", "parent"),
        Step::Child => by_sex(sex, "son", "daughter", "child"),
        Step::Spouse => spouse_word(sex),
    }
}

fn pronoun(sex: Sex) -> &'static str {
    by_sex(sex, "his", "her", "their")
}

/// `parent` is a known parent of `child` (from either side of the data).
fn is_parent<P: Pedigree>(p: &P, child: P::Id, parent: P::Id) -> bool {
    p.parents(child).contains(&parent) || p.children(parent).contains(&child)
}

/// `x` and `y` have a known parent in common.
fn share_parent<P: Pedigree>(p: &P, x: P::Id, y: P::Id) -> bool {
    p.parents(x).iter().any(|q| is_parent(p, y, *q))
}

/// The single English word for what the last person of `c` is to the first, where there is
/// one: husband/wife/spouse, (grand)parent-in-law, (grand)child-in-law, sibling-in-law,
/// stepparent, stepchild, stepsibling (each by the last person's sex, neutral when unknown).
/// `None` for other chains, and for a parent's spouse who is one's own parent, a spouse's child
/// who is one's own child, or a step-parent's child who shares a parent with one.
pub fn connection_term<P: Pedigree>(p: &P, c: &Connection<P::Id>) -> Option<&'static str> {
    use Step::{Child, Parent, Spouse};
    let a = *c.path.first()?;
    let b = *c.path.last()?;
    if c.path.len() != c.steps.len() + 1 {
        return None;
    }
    let sex = p.sex(b);
    let at = |i: usize| c.path.get(i).copied();
    match c.steps.as_slice() {
        [Spouse] => Some(spouse_word(sex)),
        [Spouse, Parent] => Some(by_sex(
            sex,
            "father-in-law",
            "mother-in-law",
            "parent-in-law",
        )),
        [Child, Spouse] => Some(by_sex(sex, "son-in-law", "daughter-in-law", "child-in-law")),
        [Spouse, Parent, Child] | [Parent, Child, Spouse] => {
            // The Parent→Child pair goes through a parent both siblings share.
            let (x, y) = if c.steps.first() == Some(&Spouse) {
                (at(1)?, b)
            } else {
                (a, at(2)?)
            };
            share_parent(p, x, y).then_some(by_sex(
                sex,
                "brother-in-law",
                "sister-in-law",
                "sibling-in-law",
            ))
        }
        [Parent, Spouse] => {
            (!is_parent(p, a, b)).then_some(by_sex(sex, "stepfather", "stepmother", "stepparent"))
        }
        [Spouse, Child] => {
            (!is_parent(p, b, a)).then_some(by_sex(sex, "stepson", "stepdaughter", "stepchild"))
        }
        [Parent, Spouse, Child] => (!share_parent(p, a, b)).then_some(by_sex(
            sex,
            "stepbrother",
            "stepsister",
            "stepsibling",
        )),
        [Spouse, Parent, Parent] => Some(by_sex(
            sex,
            "grandfather-in-law",
            "grandmother-in-law",
            "grandparent-in-law",
        )),
        [Child, Child, Spouse] => Some(by_sex(
            sex,
            "grandson-in-law",
            "granddaughter-in-law",
            "grandchild-in-law",
        )),
        _ => None,
    }
}

/// A blood segment shaped up*down* (parent steps, then child steps): its generations up and
/// down. `None` for any other shape (or a marriage inside).
fn up_down(steps: &[Step]) -> Option<(u32, u32)> {
    let up = steps.iter().take_while(|s| **s == Step::Parent).count();
    let rest = steps.get(up..)?;
    if !rest.iter().all(|s| *s == Step::Child) {
        return None;
    }
    Some((u32::try_from(up).ok()?, u32::try_from(rest.len()).ok()?))
}

/// What `to` is to `from`, `ga` generations up and `gb` down, in the words of [`term`]
/// (never half or double: a chain shows one line only).
fn blood_term<Id: Copy>(from: Id, to: Id, ga: u32, gb: u32, sex: Sex) -> String {
    let r = Relationship {
        a: from,
        b: to,
        kind: Kind::from_generations(ga, gb),
        degree: ga.min(gb).saturating_sub(1),
        removed: ga.abs_diff(gb),
        half: false,
        double: false,
        double_with: Vec::new(),
        ga,
        gb,
        ancestors: Vec::new(),
        path_a: Vec::new(),
        path_b: Vec::new(),
    };
    term(&r, sex)
}

/// A phrase for what the last person of `c` is to the first, for a list item:
///
/// - one word: "Diana is Elizabeth II's daughter-in-law.";
/// - one marriage between blood relationships (each up*down* shaped, or empty): "Diana is the
///   wife of Elizabeth II's son Charles.", "Ruth is the third cousin of Anne's husband Tim.",
///   "Charles Spencer is the brother of Diana, the wife of Elizabeth II's son Charles.";
/// - otherwise the chain, person by person, a parent-then-child pair through a shared parent
///   named as a sibling: "Elizabeth II → her son Charles → his wife Diana → her brother
///   Charles Spencer → his wife Victoria".
pub fn describe_connection<P: Pedigree>(
    p: &P,
    c: &Connection<P::Id>,
    name: &dyn Fn(P::Id) -> String,
) -> String {
    let (Some(&a), Some(&b)) = (c.path.first(), c.path.last()) else {
        return String::new();
    };
    if let Some(word) = connection_term(p, c) {
        return format!("{} is {}'s {word}.", name(b), name(a));
    }
    one_marriage(p, c, name).unwrap_or_else(|| chain(p, c, name))
}

/// The phrase for exactly one marriage joining two up*down* blood segments; `None` otherwise.
fn one_marriage<P: Pedigree>(
    p: &P,
    c: &Connection<P::Id>,
    name: &dyn Fn(P::Id) -> String,
) -> Option<String> {
    if c.marriages() != 1 || c.path.len() != c.steps.len() + 1 {
        return None;
    }
    let m = c.steps.iter().position(|s| *s == Step::Spouse)?;
    let (left, right) = (c.steps.get(..m)?, c.steps.get(m + 1..)?);
    let ((la, lb), (ra, rb)) = (up_down(left)?, up_down(right)?);
    let (a, s1, s2, b) = (
        *c.path.first()?,
        *c.path.get(m)?,
        *c.path.get(m + 1)?,
        *c.path.last()?,
    );
    let (na, nb) = (name(a), name(b));
    let spouse = spouse_word(p.sex(s2));
    let lword = || blood_term(a, s1, la, lb, p.sex(s1));
    let rword = || blood_term(s2, b, ra, rb, p.sex(b));
    Some(match (left.is_empty(), right.is_empty()) {
        // Both empty is a single marriage, which has its word.
        (true, true) => format!("{nb} is {na}'s {spouse}."),
        (false, true) => format!("{nb} is the {spouse} of {na}'s {} {}.", lword(), name(s1)),
        (true, false) => format!("{nb} is the {} of {na}'s {spouse} {}.", rword(), name(s2)),
        (false, false) => format!(
            "{nb} is the {} of {}, the {spouse} of {na}'s {} {}.",
            rword(),
            name(s2),
            lword(),
            name(s1)
        ),
    })
}

/// The chain person by person: "A → her son C → his wife D → her brother S".
fn chain<P: Pedigree>(p: &P, c: &Connection<P::Id>, name: &dyn Fn(P::Id) -> String) -> String {
    let Some(&a) = c.path.first() else {
        return String::new();
    };
    let mut out = name(a);
    let mut i = 0;
    while let (Some(&step), Some(&from), Some(&next)) =
        (c.steps.get(i), c.path.get(i), c.path.get(i + 1))
    {
        // A parent then a child of that parent: a sibling, in one word.
        let sibling = match (c.steps.get(i + 1), c.path.get(i + 2)) {
            (Some(Step::Child), Some(&to))
                if step == Step::Parent && is_parent(p, from, next) && is_parent(p, to, next) =>
            {
                Some(to)
            }
            _ => None,
        };
        let (to, word) = match sibling {
            Some(to) => (to, by_sex(p.sex(to), "brother", "sister", "sibling")),
            None => (next, step_word(step, p.sex(next))),
        };
        out.push_str(&format!(" → {} {word} {}", pronoun(p.sex(from)), name(to)));
        i += if sibling.is_some() { 2 } else { 1 };
    }
    out
}

//! The language-independent assembly: terms and frames of a [`Grammar`] made into [`Phrase`]s
//! with person pieces.

use super::{Grammar, Hop, Kin, Lang, Link, Phrase, Said, Slot, Term};
use crate::{Connection, Kind, Pedigree, Relationship, Sex, Step};

/// What `b` is to `a`, in words of `lang`, for `b` of sex `sex_b`.
pub fn kin_term(lang: Lang, k: &Kin, sex_b: Sex) -> String {
    lang.grammar().term(k, sex_b).text
}

/// The single word of a connection through marriage, for `b` of sex `sex_b`.
pub fn link_term(lang: Lang, l: Link, sex_b: Sex) -> String {
    lang.grammar().link(l, sex_b).text
}

fn put<Id: Copy>(out: &mut Phrase<Id>, slots: Vec<Slot>, a: Id, b: Id) {
    for s in slots {
        match s {
            Slot::T(t) => out.text(&t),
            Slot::A => out.person(a),
            Slot::B => out.person(b),
        };
    }
}

/// "B is A's T" as a phrase.
pub(crate) fn is_of_phrase<Id: Copy>(
    g: &dyn Grammar,
    a: Id,
    b: Id,
    t: &Term,
    name: &dyn Fn(Id) -> String,
) -> Phrase<Id> {
    let mut out = Phrase::new();
    put(&mut out, g.is_of(t, &name(a)), a, b);
    out
}

/// The ancestors joined: "Queen Victoria & Prince Albert", "A, B & C" (each language's
/// conjunction; Spanish "y" → "e" before an i- sound).
pub fn ancestors_list<Id: Copy>(
    lang: Lang,
    ancestors: &[Id],
    name: &dyn Fn(Id) -> String,
) -> Phrase<Id> {
    let g = lang.grammar();
    let mut out = Phrase::new();
    let n = ancestors.len();
    for (i, q) in ancestors.iter().enumerate() {
        if i + 1 == n && i > 0 {
            out.text(g.amp(&name(*q)));
        } else if i > 0 {
            out.text(", ");
        }
        out.person(*q);
    }
    out
}

/// The relationship sentence: "B is A's third cousin — through X & Y" ("B ist ein Cousin 3.
/// Grades von A — über X & Y"); the "through" part only where there are ancestors. `k` is the
/// relationship's kin (e.g. [`Kin::of`]); the sexes are `b`'s for the term.
pub fn relationship_phrase<Id: Copy>(
    lang: Lang,
    r: &Relationship<Id>,
    k: &Kin,
    name: &dyn Fn(Id) -> String,
    sex: &dyn Fn(Id) -> Sex,
) -> Phrase<Id> {
    let g = lang.grammar();
    let mut out = Phrase::new();
    if r.kind == Kind::Same {
        out.person(r.b)
            .text(g.and(&name(r.a)))
            .person(r.a)
            .text(g.are())
            .text(g.same());
        return out;
    }
    out = is_of_phrase(g, r.a, r.b, &g.term(k, sex(r.b)), name);
    if !r.ancestors.is_empty() {
        out.text(g.through());
        out.extend(&ancestors_list(lang, &r.ancestors, name));
    }
    out
}

/// For a direct line, "B is a direct ancestor of A" ("… descendant …"); `None` otherwise.
pub fn direct_line_phrase<Id: Copy>(
    lang: Lang,
    r: &Relationship<Id>,
    name: &dyn Fn(Id) -> String,
    sex: &dyn Fn(Id) -> Sex,
) -> Option<Phrase<Id>> {
    let ancestor = match r.kind {
        Kind::Ancestor => true,
        Kind::Descendant => false,
        _ => return None,
    };
    let mut out = Phrase::new();
    put(
        &mut out,
        lang.grammar().direct(ancestor, sex(r.b), &name(r.a)),
        r.a,
        r.b,
    );
    Some(out)
}

/// `parent` is a known parent of `child` (from either side of the data).
pub(crate) fn is_parent<P: Pedigree>(p: &P, child: P::Id, parent: P::Id) -> bool {
    p.parents(child).contains(&parent) || p.children(parent).contains(&child)
}

/// `x` and `y` have a known parent in common.
fn share_parent<P: Pedigree>(p: &P, x: P::Id, y: P::Id) -> bool {
    p.parents(x).iter().any(|q| is_parent(p, y, *q))
}

/// Which single word a connection has, if any: spouse, (grand)parent-in-law,
/// (grand)child-in-law, sibling-in-law, step-parent/-child/-sibling. `None` for other chains,
/// and for a parent's spouse who is one's own parent, a spouse's child who is one's own child,
/// or a step-parent's child who shares a parent with one.
pub fn connection_link<P: Pedigree>(p: &P, c: &Connection<P::Id>) -> Option<Link> {
    use Step::{Child, Parent, Spouse};
    let a = *c.path.first()?;
    let b = *c.path.last()?;
    if c.path.len() != c.steps.len() + 1 {
        return None;
    }
    let at = |i: usize| c.path.get(i).copied();
    match c.steps.as_slice() {
        [Spouse] => Some(Link::Spouse),
        [Spouse, Parent] => Some(Link::ParentInLaw),
        [Child, Spouse] => Some(Link::ChildInLaw),
        [Spouse, Parent, Child] | [Parent, Child, Spouse] => {
            // The Parent→Child pair goes through a parent both siblings share.
            let (x, y) = if c.steps.first() == Some(&Spouse) {
                (at(1)?, b)
            } else {
                (a, at(2)?)
            };
            share_parent(p, x, y).then_some(Link::SiblingInLaw)
        }
        [Parent, Spouse] => (!is_parent(p, a, b)).then_some(Link::StepParent),
        [Spouse, Child] => (!is_parent(p, b, a)).then_some(Link::StepChild),
        [Parent, Spouse, Child] => (!share_parent(p, a, b)).then_some(Link::StepSibling),
        [Spouse, Parent, Parent] => Some(Link::GrandparentInLaw),
        [Child, Child, Spouse] => Some(Link::GrandchildInLaw),
        _ => None,
    }
}

/// A connection in words of `lang`: "Diana is Elizabeth II's daughter-in-law." where there is
/// one word; in English also "Diana is the wife of Elizabeth II's son Charles."; otherwise the
/// chain person by person, "A → her son C → his wife D → her brother S".
pub fn connection_phrase<P: Pedigree>(
    lang: Lang,
    p: &P,
    c: &Connection<P::Id>,
    name: &dyn Fn(P::Id) -> String,
) -> Phrase<P::Id> {
    let g = lang.grammar();
    let (Some(&a), Some(&b)) = (c.path.first(), c.path.last()) else {
        return Phrase::new();
    };
    if let Some(l) = connection_link(p, c) {
        let mut out = is_of_phrase(g, a, b, &g.link(l, p.sex(b)), name);
        out.text(".");
        return out;
    }
    if lang == Lang::En {
        if let Some(out) = one_marriage_en(p, c) {
            return out;
        }
    }
    chain(g, p, c)
}

/// The English phrase for exactly one marriage joining two up*down* blood segments.
pub(crate) fn one_marriage_en<P: Pedigree>(p: &P, c: &Connection<P::Id>) -> Option<Phrase<P::Id>> {
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
    let g = Lang::En.grammar();
    let spouse = g.link(Link::Spouse, p.sex(s2)).text;
    let lword = || g.term(&Kin::new(la, lb), p.sex(s1)).text;
    let rword = || g.term(&Kin::new(ra, rb), p.sex(b)).text;
    let mut out = Phrase::new();
    out.person(b);
    match (left.is_empty(), right.is_empty()) {
        (true, true) => out.text(" is ").person(a).text(&format!("'s {spouse}.")),
        (false, true) => out
            .text(&format!(" is the {spouse} of "))
            .person(a)
            .text(&format!("'s {} ", lword()))
            .person(s1)
            .text("."),
        (true, false) => out
            .text(&format!(" is the {} of ", rword()))
            .person(a)
            .text(&format!("'s {spouse} "))
            .person(s2)
            .text("."),
        (false, false) => out
            .text(&format!(" is the {} of ", rword()))
            .person(s2)
            .text(&format!(", the {spouse} of "))
            .person(a)
            .text(&format!("'s {} ", lword()))
            .person(s1)
            .text("."),
    };
    Some(out)
}

/// A blood segment shaped up*down*: its generations up and down.
fn up_down(steps: &[Step]) -> Option<(u32, u32)> {
    let up = steps.iter().take_while(|s| **s == Step::Parent).count();
    let rest = steps.get(up..)?;
    if !rest.iter().all(|s| *s == Step::Child) {
        return None;
    }
    Some((u32::try_from(up).ok()?, u32::try_from(rest.len()).ok()?))
}

/// The chain person by person: "A → her son C → his wife D → her brother S".
fn chain<P: Pedigree>(g: &dyn Grammar, p: &P, c: &Connection<P::Id>) -> Phrase<P::Id> {
    let mut out = Phrase::new();
    let Some(&a) = c.path.first() else {
        return out;
    };
    out.person(a);
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
        let (to, hop) = match sibling {
            Some(to) => (to, Hop::Sibling),
            None => (
                next,
                match step {
                    Step::Parent => Hop::Parent,
                    Step::Child => Hop::Child,
                    Step::Spouse => Hop::Spouse,
                },
            ),
        };
        let word = g.hop(hop, p.sex(to));
        out.text(&format!(" → {} ", g.poss(p.sex(from), &word)))
            .person(to);
        i += if sibling.is_some() { 2 } else { 1 };
    }
    out
}

/// The headline for a pair: one sentence that says it all. `said`: the connection word first
/// (if any), then the blood relationships closest first. "B is A's husband, and also her second
/// cousin once removed, third cousin and fourth cousin."; where every term reads the same both
/// ways, the plural: "A and B are first cousins." Empty when nothing is said.
pub fn headline<Id: Copy>(
    lang: Lang,
    a: Id,
    b: Id,
    sexes: (Sex, Sex),
    said: &[Said],
    name: &dyn Fn(Id) -> String,
) -> Phrase<Id> {
    let g = lang.grammar();
    let (sex_a, sex_b) = sexes;
    let mut out = Phrase::new();
    if said.is_empty() {
        return out;
    }
    let plurals: Option<Vec<String>> = said
        .iter()
        .map(|s| match s {
            Said::Link(l) => g.link_plural(*l, sex_a, sex_b),
            Said::Kin(k) if k.symmetric() => g.plural(k, sex_a, sex_b),
            Said::Kin(_) => None,
        })
        .collect();
    if let Some(plurals) = plurals {
        out.person(a).text(g.and(&name(b))).person(b).text(g.are());
        let mut items = plurals.into_iter();
        if let Some(first) = items.next() {
            out.text(&first);
        }
        let rest: Vec<String> = items.collect();
        if !rest.is_empty() {
            out.text(g.also()).text(&join(g, &rest));
        }
        out.text(".");
        return out;
    }
    let terms: Vec<Term> = said
        .iter()
        .map(|s| match s {
            Said::Link(l) => g.link(*l, sex_b),
            Said::Kin(k) => g.term(k, sex_b),
        })
        .collect();
    let Some((first, rest)) = terms.split_first() else {
        return out;
    };
    out = is_of_phrase(g, a, b, first, name);
    if !rest.is_empty() {
        let items: Vec<String> = rest
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if g.poss_each() || i == 0 {
                    g.poss(sex_a, t)
                } else {
                    t.text.clone()
                }
            })
            .collect();
        out.text(g.also()).text(&join(g, &items));
    }
    out.text(".");
    out
}

/// "x, y and z" with the language's conjunction.
fn join(g: &dyn Grammar, items: &[String]) -> String {
    let mut out = String::new();
    let n = items.len();
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == n { g.and(s) } else { ", " });
        }
        out.push_str(s);
    }
    out
}

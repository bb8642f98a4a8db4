//! English words for a [`Connection`] through marriage (wrappers over [`crate::lang`], which
//! has them in every language): what `b` (the last person) is to `a` (the first), by `b`'s
//! sex — "daughter-in-law", "stepbrother", "the wife of Elizabeth II's son Charles III", or
//! the chain person by person.

use crate::lang::{connection_link, connection_phrase, en_link_static, Lang};
use crate::{Connection, Pedigree};

/// The single English word for what the last person of `c` is to the first, where there is
/// one: husband/wife/spouse, (grand)parent-in-law, (grand)child-in-law, sibling-in-law,
/// stepparent, stepchild, stepsibling (each by the last person's sex, neutral when unknown).
/// `None` for other chains, and for a parent's spouse who is one's own parent, a spouse's child
/// who is one's own child, or a step-parent's child who shares a parent with one.
pub fn connection_term<P: Pedigree>(p: &P, c: &Connection<P::Id>) -> Option<&'static str> {
    let b = *c.path.last()?;
    connection_link(p, c).map(|l| en_link_static(l, p.sex(b)))
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
    connection_phrase(Lang::En, p, c, name).to_text(name)
}

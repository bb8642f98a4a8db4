//! Which statements state each link: a parent link from both sides (P22/P25 on the child, P40
//! on the parent), a marriage from both spouses; the better one; and the kinship qualifier
//! that makes a parent link adoptive, foster or step (not a line of blood).

use super::{FamilyGraph, Map};
use crate::entity::{FamilyProp, Kinship, Rank, Statement};
use crate::Qid;

/// A statement behind a link, with the item it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkStatement {
    /// Whose item states it (the child for P22/P25, the parent for P40, a spouse for P26).
    pub item: Qid,
    pub statement: Statement,
}

impl LinkStatement {
    /// Better first: preferred rank, then referenced over imported over none, then without
    /// doubt, then the child's own P22/P25 over the parent's P40; then by item and id.
    fn order_key(&self) -> (u8, u8, bool, bool, Qid, &str) {
        let s = &self.statement;
        let rank = match s.rank {
            Rank::Preferred => 0,
            Rank::Normal => 1,
            Rank::Deprecated => 2,
        };
        let sources = if s.is_referenced() {
            0
        } else if s.is_imported_only() {
            1
        } else {
            2
        };
        (
            rank,
            sources,
            !s.doubt().is_empty(),
            s.prop == FamilyProp::Child,
            self.item,
            s.id.as_str(),
        )
    }
}

/// The statements of one link and the better one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stated<'a> {
    /// The better statement (see [`FamilyGraph::stated`]).
    pub best: &'a LinkStatement,
    /// Every statement of the link, better first.
    pub all: &'a [LinkStatement],
    /// Only one side states it (only the child's P22/P25 or only the parent's P40; only one
    /// spouse's P26).
    pub one_sided: bool,
}

/// What kind of link two people have, as the statements say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// The first is a parent of the second.
    Parent,
    /// The first is a child of the second.
    Child,
    Spouse,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Statements {
    /// (parent, child) → statements, better first.
    parents: Map<(Qid, Qid), Vec<LinkStatement>>,
    /// (lower, higher) → statements, better first.
    spouses: Map<(Qid, Qid), Vec<LinkStatement>>,
}

fn pair(a: Qid, b: Qid) -> (Qid, Qid) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn insert(list: &mut Vec<LinkStatement>, new: LinkStatement) {
    let same = |l: &LinkStatement| {
        l.item == new.item
            && l.statement.prop == new.statement.prop
            && l.statement.id == new.statement.id
            && l.statement.target == new.statement.target
    };
    if let Some(old) = list.iter_mut().find(|l| same(l)) {
        *old = new;
    } else {
        list.push(new);
    }
    wikikin_sort::sort_by(list, |a, b| a.order_key().cmp(&b.order_key()));
}

impl Statements {
    pub(super) fn add(&mut self, g_resolve: impl Fn(Qid) -> Qid, item: Qid, stmts: &[Statement]) {
        let id = g_resolve(item);
        for s in stmts {
            let t = g_resolve(s.target);
            if t == id {
                continue;
            }
            let ls = LinkStatement {
                item: id,
                statement: s.clone(),
            };
            match s.prop {
                FamilyProp::Father | FamilyProp::Mother => {
                    insert(self.parents.entry((t, id)).or_default(), ls)
                }
                FamilyProp::Child => insert(self.parents.entry((id, t)).or_default(), ls),
                FamilyProp::Spouse => insert(self.spouses.entry(pair(id, t)).or_default(), ls),
            }
        }
    }

    /// Moves everything said of `from` to `to`.
    pub(super) fn redirect(&mut self, from: Qid, to: Qid) {
        let re = |q: Qid| if q == from { to } else { q };
        for (map, sym) in [(&mut self.parents, false), (&mut self.spouses, true)] {
            let keys: Vec<(Qid, Qid)> = map
                .keys()
                .filter(|(a, b)| *a == from || *b == from)
                .copied()
                .collect();
            for k in keys {
                let Some(list) = map.remove(&k) else { continue };
                let (a, b) = (re(k.0), re(k.1));
                if a == b {
                    continue;
                }
                let key = if sym { pair(a, b) } else { (a, b) };
                let slot = map.entry(key).or_default();
                for mut l in list {
                    l.item = re(l.item);
                    insert(slot, l);
                }
            }
        }
    }

    pub(super) fn parent_link(&self, parent: Qid, child: Qid) -> &[LinkStatement] {
        self.parents
            .get(&(parent, child))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub(super) fn spouse_link(&self, a: Qid, b: Qid) -> &[LinkStatement] {
        self.spouses
            .get(&pair(a, b))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Adoptive, foster or step, when a statement of the link says so.
    pub(super) fn kinship(&self, parent: Qid, child: Qid) -> Option<Kinship> {
        self.parent_link(parent, child)
            .iter()
            .find_map(|l| l.statement.kinship())
    }
}

impl FamilyGraph {
    /// Adds statements read later than the person (e.g. the references of the shown links
    /// from one query-service query after the answer). They describe links only: the links
    /// themselves come from [`FamilyGraph::add_person`].
    pub fn add_statements(&mut self, item: Qid, statements: &[Statement]) {
        let redirects = &self.redirects;
        self.stated
            .add(|q| super::resolve_in(redirects, q), item, statements);
    }

    /// The statements of the parent link `parent` → `child`, better first (empty when the
    /// link was read without them, e.g. from the query service's truthy values).
    pub fn parent_statements(&self, parent: Qid, child: Qid) -> &[LinkStatement] {
        self.stated
            .parent_link(self.resolve(parent), self.resolve(child))
    }

    /// The P26 statements of a marriage, better first.
    pub fn spouse_statements(&self, a: Qid, b: Qid) -> &[LinkStatement] {
        self.stated.spouse_link(self.resolve(a), self.resolve(b))
    }

    /// The statements of the link between `a` and `b` (a parent of b, a child of b, or a
    /// spouse, looked up in that order), the better one, and whether only one side states it.
    /// `None` when there is no such link or it was read without its statements.
    pub fn stated(&self, a: Qid, b: Qid) -> Option<(LinkKind, Stated<'_>)> {
        let (a, b) = (self.resolve(a), self.resolve(b));
        let tries = [
            (LinkKind::Parent, self.stated.parent_link(a, b), b, a),
            (LinkKind::Child, self.stated.parent_link(b, a), a, b),
            (LinkKind::Spouse, self.stated.spouse_link(a, b), a, b),
        ];
        tries.into_iter().find_map(|(kind, all, one, other)| {
            let best = all.first()?;
            let on = |q: Qid| all.iter().any(|l| l.item == q);
            Some((
                kind,
                Stated {
                    best,
                    all,
                    one_sided: !(on(one) && on(other)),
                },
            ))
        })
    }

    /// Adoptive, foster or step when a statement of the link `parent` → `child` says so (such
    /// a link is not a line of blood: [`wikikin_kinship::Pedigree`] does not return it).
    pub fn kinship(&self, parent: Qid, child: Qid) -> Option<Kinship> {
        self.stated
            .kinship(self.resolve(parent), self.resolve(child))
    }

    /// Whether the link `parent` → `child` is a line of blood (no adoptive/foster/step
    /// qualifier on its statements).
    pub fn is_blood(&self, parent: Qid, child: Qid) -> bool {
        self.kinship(parent, child).is_none()
    }

    /// The adoptive, foster and step parents of a person, with the kind (sorted by id).
    pub fn adoptive_parents(&self, child: Qid) -> Vec<(Qid, Kinship)> {
        let c = self.resolve(child);
        let mut v: Vec<(Qid, Kinship)> = self
            .all_parents(c)
            .into_iter()
            .filter_map(|p| self.stated.kinship(p, c).map(|k| (p, k)))
            .collect();
        wikikin_sort::sort_by_key(&mut v, |(q, _)| *q);
        v
    }

    /// The adoptive, foster and step children of a person, with the kind (sorted by id).
    pub fn adoptive_children(&self, parent: Qid) -> Vec<(Qid, Kinship)> {
        let p = self.resolve(parent);
        let mut v: Vec<(Qid, Kinship)> = self
            .all_children(p)
            .into_iter()
            .filter_map(|c| self.stated.kinship(p, c).map(|k| (c, k)))
            .collect();
        wikikin_sort::sort_by_key(&mut v, |(q, _)| *q);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{Reference, ADOPTIVE_FATHER, DISPUTED};
    use crate::{Person, Sex};
    use wikikin_kinship::Pedigree;

    fn st(prop: FamilyProp, pid: u32, target: u64, id: &str) -> Statement {
        Statement {
            id: id.into(),
            prop,
            pid,
            rank: Rank::Normal,
            target: Qid(target),
            references: Vec::new(),
            sourcing: Vec::new(),
            nature: Vec::new(),
            kinship_items: Vec::new(),
        }
    }

    fn referenced() -> Vec<Reference> {
        vec![Reference {
            stated_in: vec![Qid(5)],
            ..Reference::default()
        }]
    }

    /// 1 (father) and 2 (mother) of 3; 1's P40 is referenced, 3's P22 is not; 2 only on 3.
    fn family() -> FamilyGraph {
        let mut g = FamilyGraph::new();
        let mut child = Person::new(Qid(3));
        child.fathers = vec![Qid(1)];
        child.mothers = vec![Qid(2)];
        child.statements = vec![
            st(FamilyProp::Father, 22, 1, "Q3$f"),
            st(FamilyProp::Mother, 25, 2, "Q3$m"),
        ];
        let mut father = Person::new(Qid(1));
        father.sex = Sex::Male;
        father.children = vec![Qid(3)];
        father.spouses = vec![Qid(2)];
        let mut p40 = st(FamilyProp::Child, 40, 3, "Q1$c");
        p40.references = referenced();
        father.statements = vec![p40, st(FamilyProp::Spouse, 26, 2, "Q1$s")];
        g.add_person(&child);
        g.add_person(&father);
        g
    }

    #[test]
    fn both_sides_are_kept_and_the_better_one_is_first() {
        let g = family();
        let all = g.parent_statements(Qid(1), Qid(3));
        assert_eq!(all.len(), 2);
        let (kind, s) = g.stated(Qid(1), Qid(3)).unwrap();
        assert_eq!(kind, LinkKind::Parent);
        assert_eq!(s.best.item, Qid(1), "the referenced P40 beats the bare P22");
        assert_eq!(s.best.statement.pid, 40);
        assert!(!s.one_sided);
        let (kind, s) = g.stated(Qid(3), Qid(2)).unwrap();
        assert_eq!(kind, LinkKind::Child);
        assert_eq!(s.best.statement.id, "Q3$m");
        assert!(s.one_sided, "only the child states the mother");
        let (kind, s) = g.stated(Qid(2), Qid(1)).unwrap();
        assert_eq!(kind, LinkKind::Spouse);
        assert!(s.one_sided && s.best.item == Qid(1));
        assert!(g.stated(Qid(1), Qid(9)).is_none());
        // Adding the same person again does not double the statements.
        let mut again = Person::new(Qid(3));
        again.fathers = vec![Qid(1)];
        again.statements = vec![st(FamilyProp::Father, 22, 1, "Q3$f")];
        let mut g2 = g.clone();
        g2.add_person(&again);
        assert_eq!(g2.parent_statements(Qid(1), Qid(3)).len(), 2);
    }

    #[test]
    fn rank_then_sources_then_doubt_decide_the_better_one() {
        let mut a = st(FamilyProp::Father, 22, 1, "a");
        a.references = referenced();
        a.nature = vec![DISPUTED];
        let mut b = st(FamilyProp::Father, 22, 1, "b");
        b.references = referenced();
        let mut c = st(FamilyProp::Father, 22, 1, "c");
        c.rank = Rank::Preferred;
        let mut list = Vec::new();
        for s in [a, b, c] {
            insert(
                &mut list,
                LinkStatement {
                    item: Qid(3),
                    statement: s,
                },
            );
        }
        let ids: Vec<&str> = list.iter().map(|l| l.statement.id.as_str()).collect();
        assert_eq!(ids, vec!["c", "b", "a"]);
    }

    #[test]
    fn an_adoptive_father_is_no_line_of_blood() {
        let mut g = family();
        // 4 is 3's adoptive father (P22 qualified P1039 adoptive father) and states 3 as a
        // child too.
        let mut child = Person::new(Qid(3));
        child.fathers = vec![Qid(1), Qid(4)];
        child.mothers = vec![Qid(2)];
        let mut adoptive = st(FamilyProp::Father, 22, 4, "Q3$a");
        adoptive.kinship_items = vec![ADOPTIVE_FATHER];
        child.statements = vec![
            st(FamilyProp::Father, 22, 1, "Q3$f"),
            st(FamilyProp::Mother, 25, 2, "Q3$m"),
            adoptive,
        ];
        g.add_person(&child);
        let mut four = Person::new(Qid(4));
        four.sex = Sex::Male;
        four.children = vec![Qid(3)];
        four.statements = vec![st(FamilyProp::Child, 40, 3, "Q4$c")];
        g.add_person(&four);
        assert_eq!(g.parents(Qid(3)), vec![Qid(1), Qid(2)]);
        assert!(g.children(Qid(4)).is_empty());
        assert_eq!(g.fathers(Qid(3)), vec![Qid(1)]);
        assert!(g.problems().is_empty(), "an adoptive father is no conflict");
        assert_eq!(
            g.adoptive_parents(Qid(3)),
            vec![(Qid(4), Kinship::Adoptive)]
        );
        assert_eq!(
            g.adoptive_children(Qid(4)),
            vec![(Qid(3), Kinship::Adoptive)]
        );
        assert!(!g.is_blood(Qid(4), Qid(3)) && g.is_blood(Qid(1), Qid(3)));
        // Still a link, with its statements, for the words.
        assert_eq!(g.links().count(), 3);
        assert_eq!(g.parent_statements(Qid(4), Qid(3)).len(), 2);
    }

    #[test]
    fn statements_can_come_after_the_links() {
        let mut g = FamilyGraph::new();
        let mut child = Person::new(Qid(3));
        child.fathers = vec![Qid(1)];
        g.add_person(&child);
        assert!(
            g.stated(Qid(3), Qid(1)).is_none(),
            "read without statements"
        );
        let mut s = st(FamilyProp::Father, 22, 1, "Q3$f");
        s.kinship_items = vec![ADOPTIVE_FATHER];
        g.add_statements(Qid(3), &[s]);
        let (kind, stated) = g.stated(Qid(3), Qid(1)).unwrap();
        assert_eq!(kind, LinkKind::Child);
        assert!(stated.one_sided);
        assert!(g.parents(Qid(3)).is_empty(), "now known adoptive");
    }

    #[test]
    fn redirects_move_the_statements() {
        let mut g = family();
        g.add_redirect(Qid(1), Qid(11));
        assert!(g.parent_statements(Qid(11), Qid(3)).len() == 2);
        assert_eq!(
            g.parent_statements(Qid(1), Qid(3)).len(),
            2,
            "the old id resolves"
        );
        assert_eq!(g.spouse_statements(Qid(2), Qid(11)).len(), 1);
        assert_eq!(g.parent_statements(Qid(11), Qid(3))[0].item, Qid(11));
    }
}

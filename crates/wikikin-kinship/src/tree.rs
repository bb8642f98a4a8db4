//! The part of the family worth drawing: every line of descent from the common ancestors (or
//! the roots) down to the people asked about, with the co-parents beside them.

use crate::{ancestry, Connection, Limits, Pedigree, Relationship, Step};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

/// A child hanging from a couple (or a single parent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeEdge<Id> {
    /// Index into [`Tree::couples`]: the parents.
    pub couple: usize,
    pub child: Id,
    /// Indices into the relationships given to [`tree`] whose lines use this edge.
    pub rels: Vec<usize>,
    /// Indices into the extra roots given to [`tree`] whose lines use this edge.
    pub roots: Vec<usize>,
    /// Indices into the connections given to [`tree_with_connections`] whose chains use this
    /// edge.
    #[serde(default)]
    pub conns: Vec<usize>,
}

/// The subgraph to draw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tree<Id> {
    /// Everyone to draw, sorted by id.
    pub persons: Vec<Id>,
    /// Couples `(x, Some(y))` with `x < y`, or single parents `(x, None)`, sorted.
    pub couples: Vec<(Id, Option<Id>)>,
    /// Parent-couple → child links, sorted by (couple, child).
    pub edges: Vec<TreeEdge<Id>>,
}

impl<Id> Default for Tree<Id> {
    fn default() -> Self {
        Tree {
            persons: Vec::new(),
            couples: Vec::new(),
            edges: Vec::new(),
        }
    }
}

impl<Id: Copy + Ord> Tree<Id> {
    /// Index of a couple in [`Tree::couples`], in either order of the partners.
    pub fn couple_index(&self, x: Id, y: Option<Id>) -> Option<usize> {
        let key = couple_key(x, y);
        self.couples.binary_search(&key).ok()
    }
}

type Couple<Id> = (Id, Option<Id>);
/// The relationships, roots and connections whose lines use a link.
type Tags = (BTreeSet<usize>, BTreeSet<usize>, BTreeSet<usize>);

fn couple_key<Id: Copy + Ord>(x: Id, y: Option<Id>) -> Couple<Id> {
    match y {
        Some(y) if y < x => (y, Some(x)),
        Some(y) if y == x => (x, None),
        _ => (x, y),
    }
}

/// [`tree_with_limits`] with the default [`Limits`].
pub fn tree<P: Pedigree>(
    p: &P,
    rels: &[Relationship<P::Id>],
    extra_roots: &[P::Id],
    people: &[P::Id],
) -> Tree<P::Id> {
    tree_with_limits(p, rels, extra_roots, people, &Limits::default())
}

/// The tree to draw for the relationships `rels` (every line of descent from each one's
/// ancestors to its `a` and `b`) and for explore mode (every line from each of `extra_roots` to
/// each of `people`). Everyone in `people`, `extra_roots` and the relationships is a person of the
/// tree even when no line reaches them. `limits` bounds the upward search from each target.
pub fn tree_with_limits<P: Pedigree>(
    p: &P,
    rels: &[Relationship<P::Id>],
    extra_roots: &[P::Id],
    people: &[P::Id],
    limits: &Limits,
) -> Tree<P::Id> {
    tree_with_connections(p, rels, &[], extra_roots, people, limits)
}

/// [`tree_with_limits`], with the chains of the connections through marriage `conns` too: their
/// people, their parent-child links (tagged with the connection) and their marriages (couples).
pub fn tree_with_connections<P: Pedigree>(
    p: &P,
    rels: &[Relationship<P::Id>],
    conns: &[Connection<P::Id>],
    extra_roots: &[P::Id],
    people: &[P::Id],
    limits: &Limits,
) -> Tree<P::Id> {
    enum Tag {
        Rel(usize),
        Root(usize),
    }
    let mut persons: BTreeSet<P::Id> = BTreeSet::new();
    persons.extend(people.iter().copied());
    persons.extend(extra_roots.iter().copied());
    // (sources, target, tag)
    let mut lines: Vec<(Vec<P::Id>, P::Id, Tag)> = Vec::new();
    for (i, r) in rels.iter().enumerate() {
        persons.extend([r.a, r.b]);
        persons.extend(r.ancestors.iter().copied());
        lines.push((r.ancestors.clone(), r.a, Tag::Rel(i)));
        if r.b != r.a {
            lines.push((r.ancestors.clone(), r.b, Tag::Rel(i)));
        }
    }
    for (j, root) in extra_roots.iter().enumerate() {
        for &t in people {
            lines.push((vec![*root], t, Tag::Root(j)));
        }
    }

    // parent → child links, each with its tags.
    let mut links: BTreeMap<(P::Id, P::Id), Tags> = BTreeMap::new();
    let mut ancestries = BTreeMap::new();
    for (sources, target, tag) in &lines {
        let (anc, down) = ancestries.entry(*target).or_insert_with(|| {
            let anc = ancestry(p, *target, limits);
            // Children as the ancestry saw them (from the child's side).
            let mut down: HashMap<P::Id, Vec<P::Id>> = HashMap::new();
            for q in &anc.order {
                for parent in anc.parents_of(*q) {
                    down.entry(*parent).or_default().push(*q);
                }
            }
            (anc, down)
        });
        // Walk down from the sources, only through ancestors of the target: every line of descent.
        let mut seen: HashSet<P::Id> = HashSet::new();
        let mut queue: VecDeque<P::Id> = VecDeque::new();
        for s in sources {
            if anc.contains(*s) && seen.insert(*s) {
                queue.push_back(*s);
            }
        }
        while let Some(x) = queue.pop_front() {
            persons.insert(x);
            let mut kids = p.children(x);
            for q in down.get(&x).map(Vec::as_slice).unwrap_or(&[]) {
                if !kids.contains(q) {
                    kids.push(*q);
                }
            }
            for c in kids {
                if c == x || !anc.contains(c) {
                    continue;
                }
                let entry = links.entry((x, c)).or_default();
                match tag {
                    Tag::Rel(i) => entry.0.insert(*i),
                    Tag::Root(j) => entry.1.insert(*j),
                };
                if seen.insert(c) {
                    queue.push_back(c);
                }
            }
        }
    }

    // The chains of the connections: each parent-child step is a link; marriages are couples.
    let mut marriages: BTreeSet<Couple<P::Id>> = BTreeSet::new();
    for (k, c) in conns.iter().enumerate() {
        persons.extend(c.path.iter().copied());
        for ((step, x), y) in c.steps.iter().zip(&c.path).zip(c.path.iter().skip(1)) {
            match step {
                Step::Parent => {
                    links.entry((*y, *x)).or_default().2.insert(k);
                }
                Step::Child => {
                    links.entry((*x, *y)).or_default().2.insert(k);
                }
                Step::Spouse => {
                    marriages.insert(couple_key(*x, Some(*y)));
                }
            }
        }
    }

    let couples_of_rels: Vec<Couple<P::Id>> = rels
        .iter()
        .filter_map(|r| match r.ancestors[..] {
            [x, y] => Some(couple_key(x, Some(y))),
            _ => None,
        })
        .collect();
    marriages.extend(couples_of_rels);
    assemble(p, persons, links, marriages)
}

/// Groups parent→child links into couples (a child hangs from its parent and that parent's
/// co-parent), adds the given couples and the spouses who are both in the tree.
fn assemble<P: Pedigree>(
    p: &P,
    mut persons: BTreeSet<P::Id>,
    links: BTreeMap<(P::Id, P::Id), Tags>,
    marriages: BTreeSet<Couple<P::Id>>,
) -> Tree<P::Id> {
    // Group the links into couples: a child hangs from its parent and that parent's co-parent.
    let mut edges: BTreeMap<(Couple<P::Id>, P::Id), Tags> = BTreeMap::new();
    let mut couples: BTreeSet<(P::Id, Option<P::Id>)> = BTreeSet::new();
    for ((x, c), (rs, js, ks)) in links {
        let others: Vec<P::Id> = p.parents(c).into_iter().filter(|q| *q != x).collect();
        let spouses = p.spouses(x);
        let co = others
            .iter()
            .copied()
            .filter(|q| persons.contains(q) || spouses.contains(q))
            .min()
            .or_else(|| others.iter().copied().min());
        let key = couple_key(x, co);
        couples.insert(key);
        let entry = edges.entry((key, c)).or_default();
        entry.0.extend(rs);
        entry.1.extend(js);
        entry.2.extend(ks);
    }
    couples.extend(marriages);
    for (x, y) in &couples {
        persons.insert(*x);
        if let Some(y) = y {
            persons.insert(*y);
        }
    }
    // Spouses who are both in the tree.
    for &x in &persons {
        for y in p.spouses(x) {
            if y != x && persons.contains(&y) {
                couples.insert(couple_key(x, Some(y)));
            }
        }
    }
    let couples: Vec<(P::Id, Option<P::Id>)> = couples.into_iter().collect();
    let edges: Vec<TreeEdge<P::Id>> = edges
        .into_iter()
        .filter_map(|((key, child), (rs, js, ks))| {
            let couple = couples.binary_search(&key).ok()?;
            Some(TreeEdge {
                couple,
                child,
                rels: rs.into_iter().collect(),
                roots: js.into_iter().collect(),
                conns: ks.into_iter().collect(),
            })
        })
        .collect();
    Tree {
        persons: persons.into_iter().collect(),
        couples,
        edges,
    }
}

/// The tree of everyone descending from `roots` within `generations` (by children links, on
/// either side of the data), with the co-parents beside them: every descendant is drawn, not
/// only the lines to some people. Time O(D + L) for D descendants and L links among them.
pub fn descendants_tree<P: Pedigree>(p: &P, roots: &[P::Id], generations: u32) -> Tree<P::Id> {
    let mut persons: BTreeSet<P::Id> = BTreeSet::new();
    persons.extend(roots.iter().copied());
    let mut links: BTreeMap<(P::Id, P::Id), Tags> = BTreeMap::new();
    let mut frontier: Vec<P::Id> = roots.to_vec();
    for _ in 0..generations {
        let mut next = Vec::new();
        for x in frontier {
            for c in p.children(x) {
                if c == x {
                    continue;
                }
                links.entry((x, c)).or_default();
                if persons.insert(c) {
                    next.push(c);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    assemble(p, persons, links, BTreeSet::new())
}

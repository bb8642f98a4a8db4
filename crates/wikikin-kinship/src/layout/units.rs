//! The people of a tree as indices, and *units*: a person with their partners in the tree, side
//! by side (a chain of marriages in chain order), the nodes of the layered graph.

use super::graph::Seg;
use crate::Tree;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// The people of a tree as indices: everyone in [`Tree::persons`], then anyone the couples or
/// edges name that the list lacks.
pub(super) struct People<Id> {
    pub(super) persons: Vec<Id>,
    /// Each couple's partners, as indices into `persons`.
    pub(super) couples: Vec<(usize, Option<usize>)>,
    /// Each edge's child, as an index into `persons`.
    pub(super) children: Vec<usize>,
}

impl<Id: Copy + Eq + Hash> People<Id> {
    pub(super) fn of(tree: &Tree<Id>) -> People<Id> {
        let mut persons: Vec<Id> = tree.persons.clone();
        let mut index: HashMap<Id, usize> = HashMap::new();
        for (i, q) in persons.iter().enumerate() {
            index.entry(*q).or_insert(i);
        }
        let mut need = |q: Id, persons: &mut Vec<Id>| match index.entry(q) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                e.insert(persons.len());
                persons.push(q);
                persons.len() - 1
            }
        };
        let mut couples = Vec::with_capacity(tree.couples.len());
        for (x, y) in &tree.couples {
            let i = need(*x, &mut persons);
            let j = y.map(|y| need(y, &mut persons));
            couples.push((i, j));
        }
        let children = tree
            .edges
            .iter()
            .map(|e| need(e.child, &mut persons))
            .collect();
        People {
            persons,
            couples,
            children,
        }
    }
}

/// Partners gathered into units, and where each person and each couple's join point sits in
/// their unit.
pub(super) struct Units {
    /// The members of each unit (person indices), left to right.
    pub(super) members: Vec<Vec<usize>>,
    /// Each person's unit.
    pub(super) unit_of: Vec<usize>,
    /// Each person's offset from their unit's left side.
    pub(super) offset: Vec<f64>,
    /// Per couple of the tree: (unit, offset of the join point in it, is a couple of two).
    pub(super) joins: Vec<(usize, f64, bool)>,
    pub(super) box_width: f64,
    partner_gap: f64,
}

impl Units {
    /// Partners joined by couples form a unit.
    pub(super) fn new<Id>(people: &People<Id>, box_width: f64, partner_gap: f64) -> Units {
        let n = people.persons.len();
        let mut uf = UnionFind::new(n);
        let mut partner_adj: Vec<Vec<usize>> = vec![Vec::new(); n];
        for &(i, j) in &people.couples {
            if let Some(j) = j {
                if i != j && i < n && j < n {
                    uf.union(i, j);
                    if partner_adj.get(i).is_some_and(|list| !list.contains(&j)) {
                        for (from, to) in [(i, j), (j, i)] {
                            if let Some(list) = partner_adj.get_mut(from) {
                                list.push(to);
                            }
                        }
                    }
                }
            }
        }
        let mut unit_members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            unit_members.entry(uf.find(i)).or_default().push(i);
        }
        let members: Vec<Vec<usize>> = unit_members
            .into_values()
            .map(|members| order_unit(&members, &partner_adj))
            .collect();
        let mut units = Units {
            members,
            unit_of: vec![0; n],
            offset: vec![0.0; n],
            joins: Vec::new(),
            box_width,
            partner_gap,
        };
        units.place(people);
        units
    }

    /// Sets each person's unit and offset, and the join points, from the members' order.
    pub(super) fn place<Id>(&mut self, people: &People<Id>) {
        let (bw, pgap) = (self.box_width, self.partner_gap);
        for (u, members) in self.members.iter().enumerate() {
            for (k, &i) in members.iter().enumerate() {
                if let (Some(unit), Some(offset)) =
                    (self.unit_of.get_mut(i), self.offset.get_mut(i))
                {
                    *unit = u;
                    *offset = k as f64 * (bw + pgap);
                }
            }
        }
        let unit = |i: usize| self.unit_of.get(i).copied().unwrap_or(0);
        let centre = |i: usize| self.offset.get(i).copied().unwrap_or(0.0) + bw / 2.0;
        self.joins = people
            .couples
            .iter()
            .map(|&(i, j)| match j {
                Some(j) if j != i => (unit(i), (centre(i) + centre(j)) / 2.0, true),
                _ => (unit(i), centre(i), false),
            })
            .collect();
    }

    /// The width of unit `u`: its boxes side by side, the partner gap between them.
    pub(super) fn width(&self, u: usize) -> f64 {
        let k = self.members.get(u).map_or(0, Vec::len) as f64;
        k * self.box_width + (k - 1.0).max(0.0) * self.partner_gap
    }

    /// Unit-level parent → child edges `(tree edge index, parent unit, child unit)`, leaving out
    /// a child in its parents' own unit.
    pub(super) fn edges<Id>(
        &self,
        tree: &Tree<Id>,
        people: &People<Id>,
    ) -> Vec<(usize, usize, usize)> {
        tree.edges
            .iter()
            .enumerate()
            .filter_map(|(k, e)| {
                let (pu, _, _) = *self.joins.get(e.couple)?;
                let cu = *people.children.get(k).and_then(|&c| self.unit_of.get(c))?;
                (pu != cu).then_some((k, pu, cu))
            })
            .collect()
    }

    /// Turns couples round whose partners' parents are placed the other way round (e.g. a
    /// husband whose family is on the right of his wife's). True if any unit was turned; the
    /// caller then calls [`Units::place`].
    pub(super) fn turn_round(&mut self, segs: &[Seg], lefts: &[f64]) -> bool {
        let nu = self.members.len();
        let mut into_unit: Vec<Vec<usize>> = vec![Vec::new(); nu];
        for (k, seg) in segs.iter().enumerate() {
            if seg.child.is_some() {
                if let Some(list) = into_unit.get_mut(seg.lower) {
                    list.push(k);
                }
            }
        }
        let mut flipped = false;
        for (members, into) in self.members.iter_mut().zip(&into_unit) {
            if members.len() < 2 || into.len() < 2 {
                continue;
            }
            let from: Vec<(usize, f64)> = into
                .iter()
                .filter_map(|&k| {
                    let seg = segs.get(k)?;
                    let i = seg.child?;
                    let pos = members.iter().position(|&m| m == i)?;
                    Some((pos, lefts.get(seg.upper)? + seg.up_port))
                })
                .collect();
            let (mut agree, mut against) = (0, 0);
            for (i, a) in from.iter().enumerate() {
                for b in from.iter().skip(i + 1) {
                    if a.0 == b.0 {
                        continue;
                    }
                    let same_way = (a.0 < b.0) == (a.1 < b.1);
                    if a.1 != b.1 {
                        if same_way {
                            agree += 1;
                        } else {
                            against += 1;
                        }
                    }
                }
            }
            if against > agree {
                members.reverse();
                flipped = true;
            }
        }
        flipped
    }
}

/// Orders the members of a unit so that partners sit side by side: along the chain when the
/// partner links form a chain, else with the most-married person in the middle.
fn order_unit(members: &[usize], adj: &[Vec<usize>]) -> Vec<usize> {
    let Some(&first) = members.first() else {
        return Vec::new();
    };
    if members.len() == 1 {
        return vec![first];
    }
    let degree = |i: usize| adj.get(i).map(Vec::len).unwrap_or(0);
    let is_path = members.iter().all(|&i| degree(i) <= 2)
        && members.iter().map(|&i| degree(i)).sum::<usize>() == 2 * (members.len() - 1);
    if is_path {
        let start = members
            .iter()
            .copied()
            .filter(|&i| degree(i) == 1)
            .min()
            .unwrap_or(first);
        let mut out = vec![start];
        let mut prev = usize::MAX;
        let mut cur = start;
        while out.len() < members.len() {
            let next = adj
                .get(cur)
                .and_then(|list| list.iter().copied().find(|&j| j != prev));
            match next {
                Some(j) => {
                    out.push(j);
                    prev = cur;
                    cur = j;
                }
                None => break,
            }
        }
        if out.len() == members.len() {
            return out;
        }
    }
    // A star or a tangle: centre, partners alternately left and right, then the rest.
    let mut sorted = members.to_vec();
    wikikin_sort::sort_by_key(&mut sorted, |&i| (std::cmp::Reverse(degree(i)), i));
    let centre = sorted.first().copied().unwrap_or(first);
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut partners: Vec<usize> = adj.get(centre).cloned().unwrap_or_default();
    wikikin_sort::sort(&mut partners);
    for (k, j) in partners.iter().enumerate() {
        if k % 2 == 0 {
            right.push(*j);
        } else {
            left.push(*j);
        }
    }
    left.reverse();
    let mut out = left;
    out.push(centre);
    out.extend(right);
    for i in sorted {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Disjoint sets over `0..n`; an index outside is its own set.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }
    fn parent(&self, x: usize) -> usize {
        self.parent.get(x).copied().unwrap_or(x)
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent(x) != x {
            let grandparent = self.parent(self.parent(x));
            if let Some(p) = self.parent.get_mut(x) {
                *p = grandparent;
            }
            x = grandparent;
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index becomes the root, for determinism.
        let (root, child) = (ra.min(rb), ra.max(rb));
        if let Some(p) = self.parent.get_mut(child) {
            *p = root;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_order_is_a_chain() {
        // 0 - 1 - 2 (1 married twice)
        let adj = vec![vec![1], vec![0, 2], vec![1]];
        assert_eq!(order_unit(&[0, 1, 2], &adj), vec![0, 1, 2]);
        // star: 0 married to 1, 2, 3
        let adj = vec![vec![1, 2, 3], vec![0], vec![0], vec![0]];
        let order = order_unit(&[0, 1, 2, 3], &adj);
        assert_eq!(order.len(), 4);
        let c = order.iter().position(|&x| x == 0).unwrap();
        assert!(c > 0 && c < 3);
    }
}

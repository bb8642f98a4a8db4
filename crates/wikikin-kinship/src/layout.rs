//! Geometry for a [`Tree`]: generations as rows, partners side by side, children hanging from
//! their parents' join point, few crossings. No SVG here: boxes, points and polylines.
//!
//! Partners are first gathered into *units* (a person with their partners in the tree, side by
//! side); units are the nodes of a layered graph whose edges go from a parent's unit to a child's
//! unit. Rows are generations: each unit's row is set by walking the family from a first unit
//! (+1 down to a child, −1 up to a parent), so rows line up across branches whenever the data is
//! consistent, then repaired so that every child is below its parents. Edges longer than one row
//! get a chain of dummy nodes.
//!
//! The order within rows and the x coordinates come from one of two engines:
//! - the `rust-sugiyama` crate (barycenter crossing minimisation with transposition and
//!   Brandes–Köpf coordinates), given our units, our dummies and so our rows; its result is
//!   checked (same rows, no overlap) and otherwise dropped;
//! - a layered layout of our own ([`Engine::Layered`]): depth-first initial order, barycenter
//!   sweeps with the partners' join points as ports (keeping the order with fewest crossings),
//!   and a weighted least-squares placement (pool-adjacent-violators) alternately towards
//!   parents and children. It is much faster at thousands of people, and on family trees it
//!   usually has fewer crossings, so [`Engine::Auto`] runs both on small trees and keeps the
//!   better, and only ours on large ones.

use crate::{Qid, Tree};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, VecDeque};

/// Which layout algorithm orders rows and places boxes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Engine {
    /// Up to [`LayoutOptions::sugiyama_max`] layered nodes, both engines, keeping the result
    /// with fewer crossings (rust-sugiyama on a tie); `Layered` above.
    #[default]
    Auto,
    /// The `rust-sugiyama` crate (falls back to `Layered` if its result does not fit our rows).
    Sugiyama,
    /// Our own layered barycenter ordering with least-squares placement.
    Layered,
}

/// Sizes and spacing, in any unit (pixels for the app).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayoutOptions {
    pub box_width: f64,
    pub box_height: f64,
    /// Horizontal space between partners.
    pub partner_gap: f64,
    /// Horizontal space between neighbouring families in a row.
    pub gap: f64,
    /// Vertical space between rows (the child lines run in it).
    pub row_gap: f64,
    pub engine: Engine,
    /// With [`Engine::Auto`], the largest layered graph (units + dummies) given to rust-sugiyama.
    pub sugiyama_max: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            box_width: 160.0,
            box_height: 56.0,
            partner_gap: 24.0,
            gap: 40.0,
            row_gap: 64.0,
            engine: Engine::Auto,
            sugiyama_max: 400,
        }
    }
}

/// A person's box: top-left corner `(x, y)`, size `(w, h)`, and generation row (0 = top).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonBox {
    pub qid: Qid,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub row: u32,
}

impl PersonBox {
    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

/// Where a couple's children hang from: between the partners (mid-height), or under a single
/// parent's box.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Join {
    /// Index into [`Tree::couples`].
    pub couple: usize,
    pub x: f64,
    pub y: f64,
}

/// A child line: a polyline from the join point to the top of the child's box, with
/// orthogonal elbows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChildEdge {
    /// Index into [`Tree::edges`].
    pub edge: usize,
    pub child: Qid,
    pub points: Vec<(f64, f64)>,
}

/// The geometry of a tree.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// One box per person, in the order of [`Tree::persons`] (plus anyone the couples or edges
    /// name that the persons list lacks, at the end).
    pub boxes: Vec<PersonBox>,
    /// One per couple, in the order of [`Tree::couples`].
    pub joins: Vec<Join>,
    /// One per tree edge, in the order of [`Tree::edges`].
    pub edges: Vec<ChildEdge>,
    pub width: f64,
    pub height: f64,
    pub rows: u32,
    /// The engine that produced the coordinates.
    pub engine: Engine,
    /// Edge crossings between neighbouring rows (child lines, counted at the row gaps).
    pub crossings: usize,
}

impl Layout {
    /// The box of a person.
    pub fn box_of(&self, q: Qid) -> Option<&PersonBox> {
        self.boxes.iter().find(|b| b.qid == q)
    }
}

/// A node of the layered graph: a unit of partners, or a dummy on a long edge.
struct Node {
    width: f64,
    row: usize,
}

/// An edge between neighbouring rows, with its attachment offsets from each node's left side.
#[derive(Clone, Copy)]
struct Seg {
    upper: usize,
    up_port: f64,
    lower: usize,
    low_port: f64,
    /// The couple it hangs from, when the upper node is that couple's unit.
    couple: Option<usize>,
    /// The child it ends at, when the lower node is the child's unit.
    child: Option<usize>,
}

/// Lays out a tree. Deterministic: the same tree and options give the same layout.
pub fn layout(tree: &Tree, opts: &LayoutOptions) -> Layout {
    let bw = opts.box_width.max(0.0);
    let bh = opts.box_height.max(0.0);
    let pgap = opts.partner_gap.max(0.0);

    // People, with anyone the couples or edges name added.
    let mut persons: Vec<Qid> = tree.persons.clone();
    let mut pidx: HashMap<Qid, usize> = HashMap::new();
    for (i, q) in persons.iter().enumerate() {
        pidx.entry(*q).or_insert(i);
    }
    let mut need = |q: Qid, persons: &mut Vec<Qid>| {
        if let std::collections::hash_map::Entry::Vacant(e) = pidx.entry(q) {
            e.insert(persons.len());
            persons.push(q);
        }
    };
    for (x, y) in &tree.couples {
        need(*x, &mut persons);
        if let Some(y) = y {
            need(*y, &mut persons);
        }
    }
    for e in &tree.edges {
        need(e.child, &mut persons);
    }
    let n = persons.len();
    let at = |q: Qid| pidx.get(&q).copied().unwrap_or(0);

    // Units: partners joined by couples.
    let mut uf = UnionFind::new(n);
    let mut partner_adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (x, y) in &tree.couples {
        if let Some(y) = y {
            let (i, j) = (at(*x), at(*y));
            if i != j {
                uf.union(i, j);
                if !partner_adj[i].contains(&j) {
                    partner_adj[i].push(j);
                    partner_adj[j].push(i);
                }
            }
        }
    }
    let mut unit_members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        unit_members.entry(uf.find(i)).or_default().push(i);
    }
    let mut units: Vec<Vec<usize>> = unit_members
        .into_values()
        .map(|members| order_unit(&members, &partner_adj))
        .collect();
    // Each person's unit and offset from the unit's left side.
    let place_members = |units: &[Vec<usize>]| {
        let mut unit_of = vec![0usize; n];
        let mut offset = vec![0.0f64; n];
        for (u, members) in units.iter().enumerate() {
            for (k, &i) in members.iter().enumerate() {
                unit_of[i] = u;
                offset[i] = k as f64 * (bw + pgap);
            }
        }
        (unit_of, offset)
    };
    let (unit_of, mut offset) = place_members(&units);
    let mut nodes: Vec<Node> = units
        .iter()
        .map(|members| {
            let k = members.len() as f64;
            Node {
                width: k * bw + (k - 1.0).max(0.0) * pgap,
                row: 0,
            }
        })
        .collect();
    let nu = units.len();

    // Join offsets within the unit, per couple: (unit, offset, is a couple).
    let join_offsets = |offset: &[f64]| -> Vec<(usize, f64, bool)> {
        tree.couples
            .iter()
            .map(|(x, y)| {
                let i = at(*x);
                match y.map(at) {
                    Some(j) if j != i => {
                        let (ci, cj) = (offset[i] + bw / 2.0, offset[j] + bw / 2.0);
                        (unit_of[i], (ci + cj) / 2.0, true)
                    }
                    _ => (unit_of[i], offset[i] + bw / 2.0, false),
                }
            })
            .collect()
    };
    let mut join_offset = join_offsets(&offset);

    // Unit-level parent → child edges (tree edge index, parent unit, child unit).
    let uedges: Vec<(usize, usize, usize)> = tree
        .edges
        .iter()
        .enumerate()
        .filter_map(|(k, e)| {
            let (pu, _, _) = *join_offset.get(e.couple)?;
            let cu = unit_of[at(e.child)];
            (pu != cu).then_some((k, pu, cu))
        })
        .collect();

    let rows = assign_rows(nu, &uedges);
    for (u, r) in rows.iter().enumerate() {
        nodes[u].row = *r;
    }

    // Segments between neighbouring rows, with dummies on long edges.
    let mut segs: Vec<Seg> = Vec::new();
    // For each tree edge, its segments from the parents down to the child.
    let mut chains: Vec<Vec<usize>> = vec![Vec::new(); tree.edges.len()];
    for &(k, pu, cu) in &uedges {
        let (rp, rc) = (rows[pu], rows[cu]);
        if rc <= rp {
            continue; // a back edge in cyclic data: drawn straight, not layered
        }
        let Some(e) = tree.edges.get(k) else { continue };
        let up_port = join_offset.get(e.couple).map(|j| j.1).unwrap_or(0.0);
        let low_port = offset[at(e.child)] + bw / 2.0;
        let mut chain = Vec::new();
        let mut prev = (pu, up_port);
        for r in rp + 1..rc {
            let d = nodes.len();
            nodes.push(Node { width: 0.0, row: r });
            chain.push(segs.len());
            segs.push(Seg {
                upper: prev.0,
                up_port: prev.1,
                lower: d,
                low_port: 0.0,
                couple: (prev.0 == pu).then_some(e.couple),
                child: None,
            });
            prev = (d, 0.0);
        }
        chain.push(segs.len());
        segs.push(Seg {
            upper: prev.0,
            up_port: prev.1,
            lower: cu,
            low_port,
            couple: (prev.0 == pu).then_some(e.couple),
            child: Some(at(e.child)),
        });
        chains[k] = chain;
    }

    let nrows = nodes.iter().map(|v| v.row + 1).max().unwrap_or(0);
    let mut lg = Layered {
        nodes,
        segs,
        nrows,
        gap: opts.gap.max(0.0),
    };
    let own = |lg: &Layered| {
        let layers = lg.order();
        let lefts = lg.place(&layers);
        let crossings = lg.crossings(&layers, &lefts);
        (lefts, layers, crossings, Engine::Layered)
    };
    let crate_layout = |lg: &Layered| {
        lg.sugiyama(bh).map(|(lefts, layers)| {
            let crossings = lg.crossings(&layers, &lefts);
            (lefts, layers, crossings, Engine::Sugiyama)
        })
    };
    let (mut lefts, layers, mut crossings, engine) = match opts.engine {
        Engine::Layered => own(&lg),
        Engine::Sugiyama => crate_layout(&lg).unwrap_or_else(|| own(&lg)),
        Engine::Auto if lg.nodes.len() <= opts.sugiyama_max => {
            // Both, keeping the one with fewer crossings (rust-sugiyama on a tie).
            let mine = own(&lg);
            match crate_layout(&lg) {
                Some(theirs) if theirs.2 <= mine.2 => theirs,
                _ => mine,
            }
        }
        Engine::Auto => own(&lg),
    };

    // Turn couples round whose partners' parents are placed the other way round (e.g. a
    // husband whose family is on the right of his wife's), then place again.
    let mut into_unit: Vec<Vec<usize>> = vec![Vec::new(); nu];
    for (k, seg) in lg.segs.iter().enumerate() {
        if seg.child.is_some() && seg.lower < nu {
            into_unit[seg.lower].push(k);
        }
    }
    let mut flipped = false;
    for (u, members) in units.iter_mut().enumerate() {
        if members.len() < 2 || into_unit[u].len() < 2 {
            continue;
        }
        let from: Vec<(usize, f64)> = into_unit[u]
            .iter()
            .filter_map(|&k| {
                let seg = lg.segs[k];
                let i = seg.child?;
                let pos = members.iter().position(|&m| m == i)?;
                Some((pos, lefts[seg.upper] + seg.up_port))
            })
            .collect();
        let (mut agree, mut against) = (0, 0);
        for (i, a) in from.iter().enumerate() {
            for b in &from[i + 1..] {
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
    if flipped {
        offset = place_members(&units).1;
        join_offset = join_offsets(&offset);
        for seg in &mut lg.segs {
            if let Some(c) = seg.couple {
                seg.up_port = join_offset.get(c).map_or(seg.up_port, |j| j.1);
            }
            if let Some(i) = seg.child {
                seg.low_port = offset[i] + bw / 2.0;
            }
        }
        if engine == Engine::Layered {
            lefts = lg.place(&layers);
        }
        crossings = lg.crossings(&layers, &lefts);
    }

    // Shift everything so the leftmost box starts at 0.
    let min_left = lefts.iter().copied().fold(f64::INFINITY, f64::min);
    let shift = if min_left.is_finite() { -min_left } else { 0.0 };
    let lefts: Vec<f64> = lefts.iter().map(|x| x + shift).collect();
    let row_top = |r: usize| r as f64 * (bh + opts.row_gap);

    // Horizontal runs in each row gap: the runs from one attachment point form a bus; buses
    // that overlap get different heights in the gap.
    let mut track_y = vec![opts.row_gap / 2.0; lg.segs.len()];
    {
        let mut buses: BTreeMap<(usize, u64), (f64, f64, Vec<usize>)> = BTreeMap::new();
        for (k, seg) in lg.segs.iter().enumerate() {
            let xu = lefts[seg.upper] + seg.up_port;
            let xl = lefts[seg.lower] + seg.low_port;
            let bus =
                buses
                    .entry((seg.upper, seg.up_port.to_bits()))
                    .or_insert((xu, xu, Vec::new()));
            bus.0 = bus.0.min(xl);
            bus.1 = bus.1.max(xl);
            bus.2.push(k);
        }
        let mut per_gap: BTreeMap<usize, Vec<(f64, f64, Vec<usize>)>> = BTreeMap::new();
        for ((upper, _), bus) in buses {
            per_gap.entry(lg.nodes[upper].row).or_default().push(bus);
        }
        let margin = opts.partner_gap.max(1.0) / 2.0;
        for (_, mut gap_buses) in per_gap {
            gap_buses.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            let mut track_end: Vec<f64> = Vec::new();
            let mut tracks = Vec::with_capacity(gap_buses.len());
            for bus in &gap_buses {
                let t = match track_end.iter().position(|end| *end + margin < bus.0) {
                    Some(t) => t,
                    None => {
                        track_end.push(f64::NEG_INFINITY);
                        track_end.len() - 1
                    }
                };
                track_end[t] = bus.1;
                tracks.push(t);
            }
            let n_tracks = track_end.len() as f64;
            for (bus, t) in gap_buses.iter().zip(tracks) {
                let y = opts.row_gap * (t as f64 + 1.0) / (n_tracks + 1.0);
                for &k in &bus.2 {
                    track_y[k] = y;
                }
            }
        }
    }

    let boxes: Vec<PersonBox> = persons
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let u = unit_of[i];
            PersonBox {
                qid: *q,
                x: lefts.get(u).copied().unwrap_or(0.0) + offset[i],
                y: row_top(rows[u]),
                w: bw,
                h: bh,
                row: rows[u] as u32,
            }
        })
        .collect();
    let joins: Vec<Join> = join_offset
        .iter()
        .enumerate()
        .map(|(c, &(u, off, couple))| Join {
            couple: c,
            x: lefts.get(u).copied().unwrap_or(0.0) + off,
            y: row_top(rows[u]) + if couple { bh / 2.0 } else { bh },
        })
        .collect();
    let edges: Vec<ChildEdge> = tree
        .edges
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let child = &boxes[at(e.child)];
            let (jx, jy) = joins
                .get(e.couple)
                .map(|j| (j.x, j.y))
                .unwrap_or((0.0, 0.0));
            let (cx, ctop) = (child.cx(), child.y);
            let mut points = vec![(jx, jy)];
            let mut x = jx;
            for &k in &chains[k] {
                let seg = lg.segs[k];
                let mid = row_top(lg.nodes[seg.upper].row) + bh + track_y[k];
                let next = lefts[seg.lower] + seg.low_port;
                points.push((x, mid));
                points.push((next, mid));
                x = next;
            }
            points.push((cx, ctop));
            points.dedup();
            ChildEdge {
                edge: k,
                child: e.child,
                points,
            }
        })
        .collect();
    let width = lg
        .nodes
        .iter()
        .zip(&lefts)
        .map(|(v, l)| l + v.width)
        .fold(0.0f64, f64::max);
    let height = if nrows == 0 {
        0.0
    } else {
        row_top(nrows - 1) + bh
    };
    Layout {
        boxes,
        joins,
        edges,
        width,
        height,
        rows: nrows as u32,
        engine,
        crossings,
    }
}

/// Orders the members of a unit so that partners sit side by side: along the chain when the
/// partner links form a chain, else with the most-married person in the middle.
fn order_unit(members: &[usize], adj: &[Vec<usize>]) -> Vec<usize> {
    if members.len() <= 1 {
        return members.to_vec();
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
            .unwrap_or(members[0]);
        let mut out = vec![start];
        let mut prev = usize::MAX;
        let mut cur = start;
        while out.len() < members.len() {
            let next = adj[cur].iter().copied().find(|&j| j != prev);
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
    sorted.sort_by_key(|&i| (std::cmp::Reverse(degree(i)), i));
    let centre = sorted[0];
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut partners: Vec<usize> = adj[centre].clone();
    partners.sort_unstable();
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

/// Rows for units: generation offsets walked from a first unit of each connected part
/// (+1 parent → child), then pushed down so every child is below all its parents, then each part
/// shifted to start at row 0.
fn assign_rows(nu: usize, uedges: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut adj: Vec<Vec<(usize, i64)>> = vec![Vec::new(); nu];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); nu];
    let mut indeg = vec![0usize; nu];
    for &(_, pu, cu) in uedges {
        adj[pu].push((cu, 1));
        adj[cu].push((pu, -1));
        down[pu].push(cu);
        indeg[cu] += 1;
    }
    // Generation offsets by walking the family.
    let mut pot: Vec<Option<i64>> = vec![None; nu];
    let mut comp = vec![usize::MAX; nu];
    let mut ncomp = 0;
    for s in 0..nu {
        if pot[s].is_some() {
            continue;
        }
        pot[s] = Some(0);
        comp[s] = ncomp;
        let mut queue = VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            let pu = pot[u].unwrap_or(0);
            for &(v, d) in &adj[u] {
                if pot[v].is_none() {
                    pot[v] = Some(pu + d);
                    comp[v] = ncomp;
                    queue.push_back(v);
                }
            }
        }
        ncomp += 1;
    }
    let mut row: Vec<i64> = pot.iter().map(|p| p.unwrap_or(0)).collect();
    // Repair in topological order; a cycle is broken at its smallest unit.
    let mut done = vec![false; nu];
    let mut ready: std::collections::BTreeSet<usize> = (0..nu).filter(|&u| indeg[u] == 0).collect();
    let mut next_forced = 0usize;
    let mut processed = 0;
    while processed < nu {
        let u = match ready.pop_first() {
            Some(u) => u,
            None => {
                while next_forced < nu && done[next_forced] {
                    next_forced += 1;
                }
                if next_forced >= nu {
                    break;
                }
                next_forced
            }
        };
        if done[u] {
            continue;
        }
        done[u] = true;
        processed += 1;
        for &v in &down[u] {
            if done[v] {
                continue;
            }
            row[v] = row[v].max(row[u] + 1);
            indeg[v] = indeg[v].saturating_sub(1);
            if indeg[v] == 0 {
                ready.insert(v);
            }
        }
    }
    let mut min_row = vec![i64::MAX; ncomp];
    for u in 0..nu {
        min_row[comp[u]] = min_row[comp[u]].min(row[u]);
    }
    (0..nu)
        .map(|u| (row[u] - min_row[comp[u]]).max(0) as usize)
        .collect()
}

struct Layered {
    nodes: Vec<Node>,
    segs: Vec<Seg>,
    nrows: usize,
    gap: f64,
}

impl Layered {
    fn port_frac(&self, node: usize, port: f64) -> f64 {
        let w = self.nodes[node].width;
        if w > 0.0 {
            (port / w).clamp(0.0, 0.999)
        } else {
            0.5
        }
    }

    /// Initial order: depth-first from the top rows, so branches stay together.
    fn initial_order(&self) -> Vec<Vec<usize>> {
        let mut down: Vec<Vec<(f64, usize)>> = vec![Vec::new(); self.nodes.len()];
        for s in &self.segs {
            down[s.upper].push((s.up_port, s.lower));
        }
        for list in &mut down {
            list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        }
        let mut starts: Vec<usize> = (0..self.nodes.len()).collect();
        starts.sort_by_key(|&v| (self.nodes[v].row, v));
        let mut seen = vec![false; self.nodes.len()];
        let mut layers: Vec<Vec<usize>> = vec![Vec::new(); self.nrows];
        for s in starts {
            if seen[s] {
                continue;
            }
            let mut stack = vec![s];
            while let Some(v) = stack.pop() {
                if seen[v] {
                    continue;
                }
                seen[v] = true;
                if let Some(layer) = layers.get_mut(self.nodes[v].row) {
                    layer.push(v);
                }
                for &(_, c) in down[v].iter().rev() {
                    if !seen[c] {
                        stack.push(c);
                    }
                }
            }
        }
        layers
    }

    /// Barycenter sweeps down and up, keeping the order with the fewest crossings.
    fn order(&self) -> Vec<Vec<usize>> {
        let mut layers = self.initial_order();
        let mut up_segs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        let mut down_segs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for (k, s) in self.segs.iter().enumerate() {
            up_segs[s.lower].push(k);
            down_segs[s.upper].push(k);
        }
        let mut pos = vec![0usize; self.nodes.len()];
        let set_pos = |layers: &Vec<Vec<usize>>, pos: &mut Vec<usize>| {
            for layer in layers {
                for (i, v) in layer.iter().enumerate() {
                    pos[*v] = i;
                }
            }
        };
        set_pos(&layers, &mut pos);
        let mut best = layers.clone();
        let mut best_cross = self.count_by_pos(&layers, &pos);
        let sweeps = if self.segs.len() > 20_000 { 6 } else { 12 };
        for sweep in 0..sweeps {
            if best_cross == 0 {
                break;
            }
            let downward = sweep % 2 == 0;
            let rows: Vec<usize> = if downward {
                (1..self.nrows).collect()
            } else {
                (0..self.nrows.saturating_sub(1)).rev().collect()
            };
            for r in rows {
                let mut keyed: Vec<(f64, usize)> = layers[r]
                    .iter()
                    .map(|&v| {
                        let (list, far) = if downward {
                            (&up_segs[v], true)
                        } else {
                            (&down_segs[v], false)
                        };
                        let mut sum = 0.0;
                        let mut count = 0.0;
                        for &k in list {
                            let s = self.segs[k];
                            let (node, port) = if far {
                                (s.upper, s.up_port)
                            } else {
                                (s.lower, s.low_port)
                            };
                            sum += pos[node] as f64 + self.port_frac(node, port);
                            count += 1.0;
                        }
                        let key = if count > 0.0 {
                            sum / count
                        } else {
                            pos[v] as f64 + 0.5
                        };
                        (key, v)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                layers[r] = keyed.into_iter().map(|(_, v)| v).collect();
                for (i, v) in layers[r].iter().enumerate() {
                    pos[*v] = i;
                }
            }
            let c = self.count_by_pos(&layers, &pos);
            if c < best_cross {
                best_cross = c;
                best = layers.clone();
            }
        }
        best
    }

    fn count_by_pos(&self, layers: &[Vec<usize>], pos: &[usize]) -> usize {
        let key: Vec<f64> = (0..self.nodes.len()).map(|v| pos[v] as f64).collect();
        self.count_crossings(layers.len(), &key)
    }

    /// Crossings between neighbouring rows, the segments attached at `key[node] + port`.
    fn count_crossings(&self, nrows: usize, key: &[f64]) -> usize {
        let mut per_row: Vec<Vec<(f64, f64)>> = vec![Vec::new(); nrows];
        for s in &self.segs {
            let r = self.nodes[s.upper].row;
            if let Some(list) = per_row.get_mut(r) {
                list.push((
                    key[s.upper] + self.port_frac(s.upper, s.up_port),
                    key[s.lower] + self.port_frac(s.lower, s.low_port),
                ));
            }
        }
        per_row
            .into_iter()
            .map(|mut list| {
                list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
                let mut lows: Vec<f64> = list.into_iter().map(|(_, l)| l).collect();
                inversions(&mut lows)
            })
            .sum()
    }

    /// Crossings of a finished layout (order from the x coordinates).
    fn crossings(&self, layers: &[Vec<usize>], lefts: &[f64]) -> usize {
        let mut key = vec![0.0; self.nodes.len()];
        for layer in layers {
            let mut sorted = layer.clone();
            sorted.sort_by(|a, b| lefts[*a].total_cmp(&lefts[*b]));
            for (i, v) in sorted.iter().enumerate() {
                key[*v] = i as f64;
            }
        }
        self.count_crossings(self.nrows, &key)
    }

    fn gap_between(&self, a: usize, b: usize) -> f64 {
        if self.nodes[a].width == 0.0 || self.nodes[b].width == 0.0 {
            self.gap / 2.0
        } else {
            self.gap
        }
    }

    /// x coordinates (left sides): packed, then alternately pulled towards the parents' join
    /// points and the children, keeping the order and the gaps (weighted least squares).
    fn place(&self, layers: &[Vec<usize>]) -> Vec<f64> {
        let mut left = vec![0.0f64; self.nodes.len()];
        for layer in layers {
            let mut x = 0.0;
            for (i, &v) in layer.iter().enumerate() {
                if i > 0 {
                    x += self.gap_between(layer[i - 1], v);
                }
                left[v] = x;
                x += self.nodes[v].width;
            }
        }
        let mut up_segs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        let mut down_segs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for (k, s) in self.segs.iter().enumerate() {
            up_segs[s.lower].push(k);
            down_segs[s.upper].push(k);
        }
        // Ending with an upward pass: parents centred over their children where rows allow.
        let passes = [false, true, false, true, false, true, false];
        for &downward in &passes {
            let rows: Vec<usize> = if downward {
                (1..layers.len()).collect()
            } else {
                (0..layers.len().saturating_sub(1)).rev().collect()
            };
            for r in rows {
                let layer = &layers[r];
                let mut desired = Vec::with_capacity(layer.len());
                let mut weight = Vec::with_capacity(layer.len());
                for &v in layer {
                    let list = if downward { &up_segs[v] } else { &down_segs[v] };
                    if list.is_empty() {
                        desired.push(left[v]);
                        weight.push(1e-3);
                        continue;
                    }
                    let mut sum = 0.0;
                    for &k in list {
                        let s = self.segs[k];
                        sum += if downward {
                            left[s.upper] + s.up_port - s.low_port
                        } else {
                            left[s.lower] + s.low_port - s.up_port
                        };
                    }
                    desired.push(sum / list.len() as f64);
                    weight.push(list.len() as f64);
                }
                let widths: Vec<f64> = layer.iter().map(|&v| self.nodes[v].width).collect();
                let gaps: Vec<f64> = layer
                    .windows(2)
                    .map(|w| self.gap_between(w[0], w[1]))
                    .collect();
                let placed = place_row(&widths, &gaps, &desired, &weight);
                for (i, &v) in layer.iter().enumerate() {
                    left[v] = placed[i];
                }
            }
        }
        left
    }

    /// The rust-sugiyama layout, or `None` if it does not keep our rows or overlaps.
    fn sugiyama(&self, bh: f64) -> Option<(Vec<f64>, Vec<Vec<usize>>)> {
        use rust_sugiyama::configure::{Config, CrossingMinimization, RankingType};
        let vertices: Vec<(u32, (f64, f64))> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, v)| (i as u32, (v.width.max(1.0), bh.max(1.0))))
            .collect();
        let mut edges: Vec<(u32, u32)> = self
            .segs
            .iter()
            .map(|s| (s.upper as u32, s.lower as u32))
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let config = Config {
            minimum_length: 1,
            vertex_spacing: self.gap,
            dummy_vertices: false,
            dummy_size: 1.0,
            ranking_type: RankingType::MinimizeEdgeLength,
            c_minimization: CrossingMinimization::Barycenter,
            transpose: true,
        };
        let parts = rust_sugiyama::from_vertices_and_edges(&vertices, &edges, &config);
        let mut left = vec![f64::NAN; self.nodes.len()];
        // Parts side by side, in order of their smallest node.
        let mut parts: Vec<_> = parts
            .into_iter()
            .filter_map(|(coords, _, _)| {
                let first = coords.iter().map(|c| c.0).min()?;
                Some((first, coords))
            })
            .collect();
        parts.sort_by_key(|p| p.0);
        let mut x0 = 0.0;
        for (_, coords) in parts {
            // The part's ranks (from y) must be our rows, up to a shift.
            let mut ys: Vec<f64> = coords.iter().map(|c| c.1 .1).collect();
            ys.sort_by(f64::total_cmp);
            ys.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
            let mut shift: Option<i64> = None;
            let mut min_x = f64::INFINITY;
            let mut max_x = f64::NEG_INFINITY;
            for &(id, (x, y)) in &coords {
                let node = self.nodes.get(id)?;
                let rank = ys.iter().position(|v| (v - y).abs() < 1e-6)? as i64;
                let d = node.row as i64 - rank;
                if *shift.get_or_insert(d) != d {
                    return None;
                }
                let l = x - node.width.max(1.0) / 2.0;
                min_x = min_x.min(l);
                max_x = max_x.max(l + node.width);
                left[id] = l;
            }
            for &(id, _) in &coords {
                left[id] += x0 - min_x;
            }
            x0 += max_x - min_x + self.gap;
        }
        if left.iter().any(|x| !x.is_finite()) {
            return None;
        }
        let mut layers: Vec<Vec<usize>> = vec![Vec::new(); self.nrows];
        for (v, node) in self.nodes.iter().enumerate() {
            layers.get_mut(node.row)?.push(v);
        }
        for layer in &mut layers {
            layer.sort_by(|a, b| left[*a].total_cmp(&left[*b]));
            for w in layer.windows(2) {
                let need = self.nodes[w[0]].width + self.gap_between(w[0], w[1]) * 0.5;
                if left[w[1]] - left[w[0]] < need - 1e-6 {
                    return None;
                }
            }
        }
        Some((left, layers))
    }
}

/// Left sides for boxes of `widths` in this order, at least `gaps` apart, as close as possible
/// (weighted least squares) to `desired`: isotonic regression by pool-adjacent-violators.
fn place_row(widths: &[f64], gaps: &[f64], desired: &[f64], weight: &[f64]) -> Vec<f64> {
    let n = widths.len();
    let mut s = vec![0.0; n];
    for i in 1..n {
        s[i] = s[i - 1] + widths[i - 1] + gaps.get(i - 1).copied().unwrap_or(0.0);
    }
    // Blocks of (weighted mean, total weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(n);
    for i in 0..n {
        let mut b = (desired[i] - s[i], weight[i].max(1e-9), 1usize);
        while let Some(&last) = blocks.last() {
            if last.0 <= b.0 {
                break;
            }
            blocks.pop();
            let w = last.1 + b.1;
            b = ((last.0 * last.1 + b.0 * b.1) / w, w, last.2 + b.2);
        }
        blocks.push(b);
    }
    let mut out = Vec::with_capacity(n);
    for (value, _, count) in blocks {
        for _ in 0..count {
            let i = out.len();
            out.push(value + s[i]);
        }
    }
    out
}

/// Number of pairs i < j with v[i] > v[j] (merge sort).
fn inversions(v: &mut [f64]) -> usize {
    let n = v.len();
    if n < 2 {
        return 0;
    }
    let mid = n / 2;
    let mut count = inversions(&mut v[..mid]) + inversions(&mut v[mid..]);
    let mut merged = Vec::with_capacity(n);
    let (mut i, mut j) = (0, mid);
    while i < mid && j < n {
        if v[j] < v[i] {
            count += mid - i;
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..n]);
    v.copy_from_slice(&merged);
    count
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index becomes the root, for determinism.
        if ra < rb {
            self.parent[rb] = ra;
        } else if rb < ra {
            self.parent[ra] = rb;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inversions_count() {
        assert_eq!(inversions(&mut [1.0, 2.0, 3.0]), 0);
        assert_eq!(inversions(&mut [3.0, 2.0, 1.0]), 3);
        assert_eq!(inversions(&mut [1.0, 1.0, 0.5]), 2);
    }

    #[test]
    fn place_row_keeps_gaps_and_fits() {
        let out = place_row(&[10.0, 10.0], &[5.0], &[0.0, 0.0], &[1.0, 1.0]);
        assert_eq!(out, vec![-7.5, 7.5]);
        let out = place_row(&[10.0, 10.0], &[5.0], &[0.0, 100.0], &[1.0, 1.0]);
        assert_eq!(out, vec![0.0, 100.0]);
    }

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

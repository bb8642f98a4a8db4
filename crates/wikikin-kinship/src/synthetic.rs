//! Deterministic royal-like pedigrees of any size, for benchmarks and tests.

use crate::{Pedigree, PersonId, Sex, SimplePedigree, Tree, TreeEdge};

/// A generated pedigree and the tree of all of it.
#[derive(Clone, Debug)]
pub struct Synthetic {
    pub pedigree: SimplePedigree,
    /// The founding couples' people (generation 0).
    pub founders: Vec<PersonId>,
    /// The people of the last generation.
    pub youngest: Vec<PersonId>,
    /// Generation of each person, indexed by `PersonId.0 - 1`.
    pub generation: Vec<u32>,
    /// Everyone, every couple and every parent → child link, as a [`Tree`] to lay out.
    pub tree: Tree<PersonId>,
}

/// A small linear congruential generator (deterministic across platforms).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

/// About `people` persons (at least): a few founding couples; every couple has 2–4 children;
/// children marry someone from outside (no known parents) or, one time in eight, a cousin of the
/// same generation from another family. Ids are 1, 2, 3, … Same `seed`, same pedigree.
pub fn royal_like(people: usize, seed: u64) -> Synthetic {
    let mut rng = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut p = SimplePedigree::new();
    let mut generation: Vec<u32> = Vec::new();
    let mut couples: Vec<(PersonId, PersonId)> = Vec::new();
    let mut links: Vec<(usize, PersonId)> = Vec::new(); // (couple index, child)
    let new_person = |sex: Sex, gen: u32, p: &mut SimplePedigree, generation: &mut Vec<u32>| {
        generation.push(gen);
        let q = PersonId(generation.len() as u64);
        p.set_sex(q, sex);
        q
    };
    let founders_n = (people / 400).clamp(1, 8);
    // Couples with children to come, as indices into `couples`.
    let mut current: Vec<usize> = Vec::new();
    let mut founders = Vec::new();
    for _ in 0..founders_n {
        let h = new_person(Sex::Male, 0, &mut p, &mut generation);
        let w = new_person(Sex::Female, 0, &mut p, &mut generation);
        p.add_couple(h, w);
        founders.extend([h, w]);
        current.push(couples.len());
        couples.push((h, w));
    }
    let mut gen = 0;
    let mut youngest = founders.clone();
    while generation.len() < people && !current.is_empty() {
        gen += 1;
        // Children of this generation, with their family (couple index).
        let mut kids: Vec<(PersonId, usize)> = Vec::new();
        for &ci in &current {
            let Some(&(h, w)) = couples.get(ci) else {
                continue;
            };
            for _ in 0..2 + rng.below(3) {
                let sex = if rng.below(2) == 0 {
                    Sex::Male
                } else {
                    Sex::Female
                };
                let c = new_person(sex, gen, &mut p, &mut generation);
                p.add_parent(c, h).add_parent(c, w);
                links.push((ci, c));
                kids.push((c, ci));
            }
        }
        youngest = kids.iter().map(|k| k.0).collect();
        if generation.len() >= people {
            break;
        }
        // Marriages: each unmarried child marries a cousin (1 in 8) or an outsider; three
        // couples in five have children.
        let mut married = vec![false; kids.len()];
        let mut next: Vec<usize> = Vec::new();
        for (i, &(c, fam)) in kids.iter().enumerate() {
            match married.get_mut(i) {
                Some(m) if !*m => *m = true,
                _ => continue,
            }
            let male = p.sex(c) == Sex::Male;
            let cousin = if rng.below(8) == 0 {
                kids.iter()
                    .zip(&married)
                    .enumerate()
                    .skip(i + 1)
                    .find(|(_, (kid, m))| {
                        !**m && kid.1 != fam && (p.sex(kid.0) == Sex::Male) != male
                    })
                    .map(|(j, (kid, _))| (j, kid.0))
            } else {
                None
            };
            let spouse = match cousin {
                Some((j, kid)) => {
                    if let Some(m) = married.get_mut(j) {
                        *m = true;
                    }
                    kid
                }
                None => new_person(
                    if male { Sex::Female } else { Sex::Male },
                    gen,
                    &mut p,
                    &mut generation,
                ),
            };
            let (h, w) = if male { (c, spouse) } else { (spouse, c) };
            p.add_couple(h, w);
            if rng.below(5) < 3 {
                next.push(couples.len());
            }
            couples.push((h, w));
        }
        current = next;
    }
    let mut tree = Tree {
        persons: (1..=generation.len() as u64).map(PersonId).collect(),
        couples: Vec::new(),
        edges: Vec::new(),
    };
    // Couples sorted as the tree wants them, edges re-indexed.
    let mut keyed: Vec<((PersonId, Option<PersonId>), usize)> = couples
        .iter()
        .enumerate()
        .map(|(i, (h, w))| ((*h.min(w), Some(*h.max(w))), i))
        .collect();
    wikikin_sort::sort(&mut keyed);
    let mut index = vec![0usize; couples.len()];
    for (k, (_, i)) in keyed.iter().enumerate() {
        if let Some(slot) = index.get_mut(*i) {
            *slot = k;
        }
    }
    tree.couples = keyed.into_iter().map(|(c, _)| c).collect();
    tree.edges = links
        .into_iter()
        .map(|(ci, child)| TreeEdge {
            couple: index.get(ci).copied().unwrap_or(0),
            child,
            rels: Vec::new(),
            roots: vec![0],
            conns: Vec::new(),
        })
        .collect();
    wikikin_sort::sort_by_key(&mut tree.edges, |e| (e.couple, e.child));
    Synthetic {
        pedigree: p,
        founders,
        youngest,
        generation,
        tree,
    }
}

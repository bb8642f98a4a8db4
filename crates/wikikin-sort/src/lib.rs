//! One stable sort shared by every call site (see README.md: the standard library's sort is
//! copied into the wasm once per element type and comparator; this one is compiled once).
//!
//! [`sort_by`], [`sort_by_key`] and [`sort`] behave like the slice methods of the same names:
//! stable, O(n log n) comparisons. The work is one non-generic merge sort of positions
//! ([`sort_positions`]); the generic part only compares through the caller's closure and then
//! moves the elements into place ([`permute`]).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let Ok(n) = u32::try_from(v.len()) else {
        // More than four billion elements cannot be in a wasm32 page's memory; natively, fall
        // back to the standard sort rather than sort a prefix.
        v.sort_by(cmp);
        return;
    };
    let order = {
        let items: &[T] = v;
        let mut compare = |a: u32, b: u32| match (items.get(a as usize), items.get(b as usize)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        };
        sort_positions(n, &mut compare)
    };
    permute(v, order);
}

/// Sorts `v` stably by the key `f` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` stably in ascending order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Runs sorted by insertion before the first merge pass.
const RUN: usize = 8;

/// The positions `0..n` in the order `cmp` sorts them, stably: a bottom-up merge sort over runs
/// of [`RUN`] sorted by insertion. Not generic, so the wasm carries it once.
#[inline(never)]
fn sort_positions(n: u32, cmp: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n).collect();
    let len = a.len();
    for run in a.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 {
                let (Some(&prev), Some(&cur)) = (run.get(j - 1), run.get(j)) else {
                    break;
                };
                if cmp(prev, cur) != Ordering::Greater {
                    break;
                }
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut b: Vec<u32> = Vec::with_capacity(len);
    let mut width = RUN;
    while width < len {
        b.clear();
        for pair in a.chunks(2 * width) {
            let (left, right) = pair.split_at(width.min(pair.len()));
            let (mut i, mut j) = (0, 0);
            while let (Some(&x), Some(&y)) = (left.get(i), right.get(j)) {
                // Ties from the left first: stable.
                if cmp(y, x) == Ordering::Less {
                    b.push(y);
                    j += 1;
                } else {
                    b.push(x);
                    i += 1;
                }
            }
            b.extend(left.iter().skip(i));
            b.extend(right.iter().skip(j));
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Puts `v` in the order `order` gives (`v[i]` becomes the old `v[order[i]]`), following each
/// cycle of the permutation with swaps. `order` must be a permutation of `0..v.len()`; positions
/// outside it are left where they are.
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    for start in 0..order.len() {
        let mut j = start;
        while let Some(&next) = order.get(j) {
            let next = next as usize;
            // Mark `j` as placed.
            if let Some(slot) = order.get_mut(j) {
                *slot = j as u32;
            }
            if next == start || next == j || next >= v.len() {
                break;
            }
            v.swap(j, next);
            j = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so failures reproduce.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed.max(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_on_many_sizes_and_seeds() {
        for n in [
            0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 64, 100, 257, 1000, 4099,
        ] {
            for seed in 1..6 {
                for modulo in [2, 10, 1_000_000] {
                    let v = numbers(seed * 7919 + n as u64, n, modulo);
                    let mut ours = v.clone();
                    let mut std = v.clone();
                    sort(&mut ours);
                    std.sort();
                    assert_eq!(ours, std, "n={n} seed={seed} modulo={modulo}");
                }
            }
        }
    }

    #[test]
    fn is_stable_like_sort_by_key() {
        for n in [5, 40, 333, 2048] {
            // (key, original position): equal keys must keep their positions' order.
            let v: Vec<(u64, usize)> = numbers(n as u64, n, 5)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n={n}");
        }
    }

    #[test]
    fn sorted_reversed_and_equal_inputs() {
        let n = 1500;
        let mut up: Vec<u32> = (0..n).collect();
        let mut down: Vec<u32> = (0..n).rev().collect();
        let mut same = vec![3u32; n as usize];
        sort(&mut up);
        sort(&mut down);
        sort(&mut same);
        assert_eq!(up, (0..n).collect::<Vec<_>>());
        assert_eq!(down, (0..n).collect::<Vec<_>>());
        assert!(same.iter().all(|&x| x == 3));
    }

    #[test]
    fn moves_owned_values_without_losing_any() {
        let words: Vec<String> = numbers(42, 600, 97)
            .into_iter()
            .map(|k| format!("w{k:03}"))
            .collect();
        let mut ours = words.clone();
        let mut std = words;
        sort_by(&mut ours, |a, b| b.cmp(a));
        std.sort_by(|a, b| b.cmp(a));
        assert_eq!(ours, std);
    }

    #[test]
    fn floats_by_total_order() {
        let mut v = vec![3.5, -0.0, f64::NAN, 0.0, -2.0, f64::INFINITY, 1e-9];
        let mut std = v.clone();
        sort_by(&mut v, f64::total_cmp);
        std.sort_by(f64::total_cmp);
        assert_eq!(format!("{v:?}"), format!("{std:?}"));
    }

    #[test]
    fn an_inconsistent_comparator_does_not_panic_or_lose_elements() {
        let mut v: Vec<u32> = (0..300).collect();
        let mut calls = 0u32;
        sort_by(&mut v, |_, _| {
            calls += 1;
            if calls.is_multiple_of(3) {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        });
        let mut back = v.clone();
        back.sort();
        assert_eq!(back, (0..300).collect::<Vec<_>>());
    }
}

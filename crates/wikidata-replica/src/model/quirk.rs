//! Quirk bits (see the README for who gets which), and how they are assigned.

use super::{mix2, quirk, Data, NONE, REDIRECT_QID_BASE};

/// A deprecated statement naming the paternal grandfather as father; the true father is `preferred`.
pub const DEPRECATED_FATHER: u8 = 1;
/// No known father → P22 `somevalue`; no known mother → P25 `novalue`.
pub const UNKNOWN_PARENT: u8 = 2;
/// The parents' items do not list this child under P40.
pub const ONE_SIDED: u8 = 4;
/// Merged: an old id `Q8000…` redirects here, and relatives' statements use the old id.
pub const REDIRECTED: u8 = 8;
/// The item was deleted: 404/missing, though relatives still link to it.
pub const DELETED: u8 = 16;
/// P22/P25 (and P31) statements appear twice with different statement ids.
pub const DUPLICATE: u8 = 32;

impl Data {
    /// Assign quirks deterministically from `seed` (see the README).
    pub fn apply_quirks(&mut self, seed: u64) {
        let salt = |k: u64, q: u32| {
            mix2(
                seed ^ 0x5155_4952_4b53,
                k.wrapping_mul(1_000_003) ^ q as u64,
            ) % 1000
        };
        let n = self.people.len();
        for i in 0..n {
            let Some(p) = self.people.get(i) else { break };
            let q = p.qid;
            let real = self.real_qids.contains(&q);
            let mut bits = 0u8;
            let grandfather = self
                .people
                .get(p.father as usize)
                .map(|f| f.father)
                .unwrap_or(NONE);
            if grandfather != NONE && salt(1, q) < 30 {
                bits |= quirk::DEPRECATED_FATHER;
            }
            if (p.father == NONE || p.mother == NONE) && salt(2, q) < 300 {
                bits |= quirk::UNKNOWN_PARENT;
            }
            if (p.father != NONE || p.mother != NONE) && salt(3, q) < 50 {
                bits |= quirk::ONE_SIDED;
            }
            if salt(4, q) < 30 {
                bits |= quirk::REDIRECTED;
            }
            if !real && p.children.is_empty() && salt(5, q) < 10 {
                bits |= quirk::DELETED;
            }
            if salt(6, q) < 30 {
                bits |= quirk::DUPLICATE;
            }
            if bits & quirk::REDIRECTED != 0 {
                self.redirects
                    .insert(REDIRECT_QID_BASE + i as u32, i as u32);
            }
            if let Some(p) = self.people.get_mut(i) {
                p.quirks = bits;
            }
        }
    }
}

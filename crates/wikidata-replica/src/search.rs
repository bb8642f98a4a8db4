//! Prefix search over labels, aliases and the later words of labels (so "victoria" finds
//! "Queen Victoria"), case-insensitive, built on first use.

use crate::model::{quirk, Data};

#[derive(Clone, Copy)]
struct Entry {
    off: u32,
    len: u32,
    idx: u32,
    /// `u32::MAX`: the label; otherwise the alias index.
    alias: u32,
}

pub struct SearchIndex {
    arena: String,
    entries: Vec<Entry>,
}

/// One hit.
pub struct Hit {
    pub idx: u32,
    /// The alias that matched, if it was not the label.
    pub alias: Option<String>,
}

fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

impl SearchIndex {
    pub fn build(d: &Data) -> SearchIndex {
        let mut arena = String::new();
        let mut entries = Vec::new();
        let mut add = |arena: &mut String, key: &str, idx: u32, alias: u32| {
            let key = fold(key);
            if key.is_empty() {
                return;
            }
            let (Ok(off), Ok(len)) = (u32::try_from(arena.len()), u32::try_from(key.len())) else {
                return;
            };
            arena.push_str(&key);
            entries.push(Entry {
                off,
                len,
                idx,
                alias,
            });
        };
        for (i, p) in d.people.iter().enumerate() {
            if p.quirks & quirk::DELETED != 0 {
                continue;
            }
            let idx = i as u32;
            let label = d.label(idx);
            add(&mut arena, label, idx, u32::MAX);
            // Later words of the label.
            for (n, (pos, _)) in label.match_indices(' ').enumerate() {
                if n >= 4 {
                    break;
                }
                if let Some(rest) = label.get(pos + 1..) {
                    add(&mut arena, rest, idx, u32::MAX);
                }
            }
            if let Some(al) = d.aliases.get(&idx) {
                for (k, a) in al.iter().enumerate() {
                    add(&mut arena, a, idx, k as u32);
                }
            }
        }
        let key = |e: &Entry| -> &str {
            arena
                .get(e.off as usize..(e.off + e.len) as usize)
                .unwrap_or("")
        };
        entries.sort_by(|a, b| key(a).cmp(key(b)).then(a.idx.cmp(&b.idx)));
        SearchIndex { arena, entries }
    }

    fn key(&self, e: &Entry) -> &str {
        self.arena
            .get(e.off as usize..(e.off as usize + e.len as usize))
            .unwrap_or("")
    }

    /// Up to `offset + limit + 1` distinct people whose label/alias starts with `query`.
    /// Exact matches come first, then shorter keys.
    pub fn find(&self, d: &Data, query: &str, want: usize) -> Vec<Hit> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let start = self.entries.partition_point(|e| self.key(e) < q.as_str());
        let mut cands: Vec<(bool, usize, u32, u32)> = Vec::new();
        for e in self.entries.iter().skip(start).take(20_000) {
            let k = self.key(e);
            if !k.starts_with(q.as_str()) {
                break;
            }
            cands.push((k != q, k.len(), e.idx, e.alias));
        }
        cands.sort();
        let mut out: Vec<Hit> = Vec::new();
        for (_, _, idx, alias) in cands {
            if out.iter().any(|h| h.idx == idx) {
                continue;
            }
            let alias = (alias != u32::MAX)
                .then(|| {
                    d.aliases
                        .get(&idx)
                        .and_then(|al| al.get(alias as usize))
                        .map(|a| a.to_string())
                })
                .flatten();
            out.push(Hit { idx, alias });
            if out.len() >= want {
                break;
            }
        }
        out
    }
}

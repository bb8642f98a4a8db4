//! The endpoints, one file each: `Special:EntityData` ([`entity_data`]), `wbgetentities`
//! ([`get_entities`]), `wbsearchentities` ([`search_entities`]), `Special:FilePath`
//! ([`file_path`]) and `/__replica/*` ([`control`]). What they share is here: which entity an id
//! names, and its padding.

mod control;
mod entity_data;
pub(crate) mod file_path;
mod get_entities;
mod search_entities;
pub(crate) mod sparql;

use crate::model::quirk;
use crate::Replica;

impl Replica {
    fn pad_for(&self, idx: u32) -> Option<usize> {
        self.big.get(&idx).copied()
    }

    /// Index of a live entity for an id, and whether it came through a redirect.
    fn resolve(&self, q: u32) -> Option<(u32, Option<u32>)> {
        if let Some(&idx) = self.data.by_qid.get(&q) {
            let p = self.data.person(idx)?;
            if p.quirks & quirk::DELETED != 0 {
                return None;
            }
            return Some((idx, None));
        }
        let &idx = self.data.redirects.get(&q)?;
        let p = self.data.person(idx)?;
        if p.quirks & quirk::DELETED != 0 {
            return None;
        }
        Some((idx, Some(q)))
    }
}

//! A connection through marriage as the page shows it: its typed phrase and the people of its
//! chain that the phrase does not name ("— through Charles III"), and whether it is the
//! marriage of the two people themselves.

use crate::answer::{Answer, ConnLine};
use wikikin_core::Qid;

impl Answer {
    /// A connection's words as a typed phrase (its people as persons), and the people of the
    /// chain the words do not name, in chain order — "Diana is Elizabeth II's daughter-in-law"
    /// is shown "— through Charles III". Not the parent two siblings share (a parent step then a
    /// child step): the chain stands for the siblings, through either parent. With such people,
    /// the phrase loses its full stop (the "through" follows it).
    pub fn connection_phrase(&self, c: &ConnLine) -> (crate::phrase::Phrase, Vec<Qid>) {
        let mut phrase = c.phrase.clone();
        let named = phrase.people();
        let step = |i: usize| c.conn.steps.get(i).map(|s| s.as_str());
        let mut unnamed: Vec<Qid> = Vec::new();
        for (i, q) in c.conn.path.iter().enumerate() {
            let apex = i > 0 && step(i - 1) == Some("parent") && step(i) == Some("child");
            if !apex && !unnamed.contains(q) && !named.contains(q) {
                unnamed.push(*q);
            }
        }
        if !unnamed.is_empty() {
            if let Some(crate::phrase::Piece::Text(t)) = phrase.0.last_mut() {
                if let Some(stripped) = t.strip_suffix('.') {
                    *t = stripped.to_string();
                }
            }
        }
        (phrase, unnamed)
    }

    /// Whether a connection is the marriage of the two people themselves.
    pub fn is_marriage(c: &ConnLine) -> bool {
        matches!(c.conn.steps.as_slice(), [wikikin_kinship::Step::Spouse])
    }
}

//! How far the upward searches go.

use serde::{Deserialize, Serialize};

/// How far the upward search goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Generations above each person (1 = parents).
    pub max_generations: u32,
    /// Ancestors kept per person (the person included).
    pub max_ancestors: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_generations: 40,
            max_ancestors: 200_000,
        }
    }
}

//! The algorithms over a [`crate::Pedigree`], one per file (in the style of petgraph's `algo`):
//! free functions, each documented with its complexity, all bounded by the same
//! [`crate::Limits`].
//!
//! - `lca`: lowest common ancestors — [`crate::relate`], [`crate::kinship`] and their `_all`
//!   forms, the single entry points for how people are related;
//! - `generations_up`: direct lines — [`crate::generations_up`];
//! - `cycles`: cycles of parent links — [`crate::cycles`];
//! - `connections`: the shortest chains through a marriage — [`crate::connections`].

pub mod connections;
pub mod cycles;
pub mod generations_up;
pub mod lca;

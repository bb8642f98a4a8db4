//! The algorithms over a [`crate::Pedigree`], one per file (in the style of petgraph's `algo`):
//! free functions, each documented with its complexity.

pub mod cycles;
pub mod lca;

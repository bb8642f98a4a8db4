//! Direct lines: how many generations separate a person from one of their ancestors.

use crate::ancestry::search;
use crate::{Limits, Pedigree};

/// The fewest generations from `descendant` up to `ancestor` (1 = a parent; 0 when they are
/// the same person), or `None` if `ancestor` is not among the ancestors found within `limits`
/// (`max_generations` above `descendant`, `max_ancestors` kept). The same search as
/// [`crate::ancestry`], stopped as soon as `ancestor` is reached, so it agrees with
/// `ancestry(p, descendant, limits).generations(ancestor)`.
///
/// Time O(A + L) for the A ancestors visited before `ancestor` is reached and the L parent
/// links among them; never loops on cycles in the data.
pub fn generations_up<P: Pedigree>(
    p: &P,
    descendant: P::Id,
    ancestor: P::Id,
    limits: &Limits,
) -> Option<u32> {
    search(p, descendant, limits, Some(ancestor)).generations(ancestor)
}

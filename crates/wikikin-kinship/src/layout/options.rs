//! What the caller chooses: the engine and the sizes.

use serde::{Deserialize, Serialize};

/// Which layout algorithm orders rows and places boxes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Engine {
    /// Up to [`LayoutOptions::sugiyama_max`] layered nodes, both engines, keeping the result
    /// with fewer crossings (rust-sugiyama on a tie); `Layered` above, and always without the
    /// crate's `sugiyama` feature.
    #[default]
    Auto,
    /// The `rust-sugiyama` crate (falls back to `Layered` if its result does not fit our rows, or
    /// if the crate is built without its `sugiyama` feature).
    Sugiyama,
    /// Our own layered barycenter ordering with least-squares placement.
    Layered,
}

/// Sizes and spacing, in any unit (pixels for the app).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayoutOptions {
    pub box_width: f64,
    pub box_height: f64,
    /// Horizontal space between partners.
    pub partner_gap: f64,
    /// Horizontal space between neighbouring families in a row.
    pub gap: f64,
    /// Vertical space between rows (the child lines run in it).
    pub row_gap: f64,
    pub engine: Engine,
    /// With [`Engine::Auto`], the largest layered graph (units + dummies) given to rust-sugiyama.
    pub sugiyama_max: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            box_width: 160.0,
            box_height: 56.0,
            partner_gap: 24.0,
            gap: 40.0,
            row_gap: 64.0,
            engine: Engine::Auto,
            sugiyama_max: 400,
        }
    }
}

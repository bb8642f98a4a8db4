//! The engine choice: our own layered layout, the rust-sugiyama crate, or both and the better.

use super::graph::Layered;
use super::{Engine, LayoutOptions};

/// Left sides per node, the row orders, the crossings and the engine that produced them.
pub(super) type Placed = (Vec<f64>, Vec<Vec<usize>>, usize, Engine);

/// Orders the rows and places the nodes with the engine `opts` asks for (see [`Engine`]).
pub(super) fn run(lg: &Layered, opts: &LayoutOptions, bh: f64) -> Placed {
    let own = |lg: &Layered| {
        let layers = lg.order();
        let lefts = lg.place(&layers);
        let crossings = lg.crossings(&layers, &lefts);
        (lefts, layers, crossings, Engine::Layered)
    };
    let crate_layout = |lg: &Layered| {
        sugiyama(lg, bh).map(|(lefts, layers)| {
            let crossings = lg.crossings(&layers, &lefts);
            (lefts, layers, crossings, Engine::Sugiyama)
        })
    };
    match opts.engine {
        Engine::Layered => own(lg),
        Engine::Sugiyama => crate_layout(lg).unwrap_or_else(|| own(lg)),
        Engine::Auto if lg.nodes.len() <= opts.sugiyama_max => {
            // Both, keeping the one with fewer crossings (rust-sugiyama on a tie).
            let mine = own(lg);
            match crate_layout(lg) {
                Some(theirs) if theirs.2 <= mine.2 => theirs,
                _ => mine,
            }
        }
        Engine::Auto => own(lg),
    }
}

/// The rust-sugiyama layout (see `sugiyama.rs`), when the crate is built in.
#[cfg(feature = "sugiyama")]
fn sugiyama(lg: &Layered, bh: f64) -> Option<(Vec<f64>, Vec<Vec<usize>>)> {
    lg.sugiyama(bh)
}

/// Without the `sugiyama` feature (the web app's build) there is no second engine: every
/// engine choice is our own layered layout.
#[cfg(not(feature = "sugiyama"))]
fn sugiyama(_: &Layered, _: f64) -> Option<(Vec<f64>, Vec<Vec<usize>>)> {
    None
}

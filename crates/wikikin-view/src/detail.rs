//! How much of the tree to draw at a zoom: every card in full, an overview of bare boxes, or
//! full cards only in a window around the view; for a very large tree, rows of merged boxes
//! from afar and only the window close up.

/// How much of each card to draw. Large trees seen from afar are drawn as bare boxes (text
/// is unreadable there and costs the browser most of its time); close up, full cards are drawn
/// only inside a window around the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Detail {
    /// Every card in full.
    Full,
    /// Every person as a bare box (still one element carrying `data-qid`).
    Overview,
    /// Full cards for the boxes meeting this rectangle of the drawing `(x0, y0, x1, y1)`,
    /// bare boxes elsewhere.
    Window(f64, f64, f64, f64),
    /// A very large tree from afar: each row's boxes merged into runs wherever they are less
    /// than this many drawing units apart (2 screen pixels, rounded up to a power of two so
    /// that zooming redraws once an octave); the lines left out (a blur at that zoom). Only
    /// the people asked, the roots and the common ancestors stay boxes of their own.
    Dense(f64),
    /// A very large tree close up: full cards for the boxes meeting this rectangle, and
    /// nothing of what lies outside it (off screen: the window is three views wide).
    Only(f64, f64, f64, f64),
}

/// Up to this many people, every card is always drawn in full.
pub const FULL_DETAIL_MAX: usize = 400;
/// Below this zoom a large tree is drawn as an overview.
pub const OVERVIEW_ZOOM: f64 = 0.35;
/// From this many people on, a tree is very large: drawn [`Detail::Dense`] from afar and
/// [`Detail::Only`] close up (a DOM element per person costs the browser ~20 µs each).
pub const DENSE_MIN: usize = 20_000;

/// The level of detail for a tree of `people` seen at zoom `k` through the drawing rectangle
/// `view` (x0, y0, x1, y1). The window is the view grown by one view-size on each side and
/// snapped to a grid of view-sized cells, so panning redraws only when it crosses a cell.
pub fn detail_for(people: usize, k: f64, view: (f64, f64, f64, f64)) -> Detail {
    if people <= FULL_DETAIL_MAX {
        return Detail::Full;
    }
    let dense = people >= DENSE_MIN;
    if k < OVERVIEW_ZOOM {
        if !dense {
            return Detail::Overview;
        }
        // 2 screen pixels in drawing units, rounded up to a power of two.
        let px2 = 2.0 / k.max(1e-9);
        return Detail::Dense(2f64.powi(px2.log2().ceil().clamp(0.0, 60.0) as i32));
    }
    let (w, h) = ((view.2 - view.0).max(1.0), (view.3 - view.1).max(1.0));
    let snap = |v: f64, step: f64| (v / step).floor() * step;
    let x0 = snap(view.0, w) - w;
    let y0 = snap(view.1, h) - h;
    if dense {
        return Detail::Only(x0, y0, x0 + 3.0 * w, y0 + 3.0 * h);
    }
    Detail::Window(x0, y0, x0 + 3.0 * w, y0 + 3.0 * h)
}

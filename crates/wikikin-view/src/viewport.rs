//! Pan and zoom arithmetic of the tree view: the view that fits the drawing, zooming about a
//! point, the part of the drawing in view, and what the keyboard does. The page only measures
//! its SVG element and applies the result.

/// Pan and zoom: `translate(x y) scale(k)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x: f64,
    pub y: f64,
    pub k: f64,
}

/// The smallest zoom a fit goes to: the cards' 13 px names stay above 11 px.
pub const READABLE_ZOOM: f64 = 0.85;
/// The furthest the tree can be zoomed out by hand (a 10^5-person tree still fits a screen).
pub const MIN_ZOOM: f64 = 0.002;
/// The closest the tree can be zoomed in.
pub const MAX_ZOOM: f64 = 4.0;
/// The SVG size assumed before the page has measured it.
pub const DEFAULT_SIZE: (f64, f64) = (1000.0, 700.0);
/// Padding around a fitted drawing, in pixels.
const FIT_PAD: f64 = 24.0;
/// How far an arrow key pans, in pixels.
const KEY_STEP: f64 = 60.0;
/// Zoom factors of the buttons and keys.
pub const ZOOM_IN: f64 = 1.25;
pub const ZOOM_OUT: f64 = 0.8;

impl Default for View {
    fn default() -> Self {
        View {
            x: 0.0,
            y: 0.0,
            k: 1.0,
        }
    }
}

impl View {
    /// The view that shows a `width` × `height` drawing whole, centred in an SVG of `size`, at
    /// most at natural size.
    pub fn fit(size: (f64, f64), width: f64, height: f64) -> View {
        View::fit_at(size, width, height, None)
    }

    /// Fits a drawing of `width` × `height` without making it unreadable: never below
    /// [`READABLE_ZOOM`]. A drawing larger than the view at that zoom is shown around `focus`
    /// (a point of the drawing, e.g. the people asked about), within its edges; the user pans
    /// to the rest.
    pub fn fit_at(size: (f64, f64), width: f64, height: f64, focus: Option<(f64, f64)>) -> View {
        let (cw, ch) = size;
        let k = ((cw - 2.0 * FIT_PAD) / width.max(1.0))
            .min((ch - 2.0 * FIT_PAD) / height.max(1.0))
            .clamp(READABLE_ZOOM, 1.0);
        let place = |view: f64, extent: f64, at: Option<f64>| {
            if extent * k <= view - 2.0 * FIT_PAD {
                (view - extent * k) / 2.0
            } else {
                let want = at.map_or(FIT_PAD, |f| view / 2.0 - f * k);
                want.clamp(view - FIT_PAD - extent * k, FIT_PAD)
            }
        };
        View {
            x: place(cw, width, focus.map(|f| f.0)),
            y: place(ch, height, focus.map(|f| f.1)),
            k,
        }
    }

    /// Zooms by `factor` about the point `(px, py)` of the SVG (that point stays put).
    pub fn zoom_about(self, factor: f64, px: f64, py: f64) -> View {
        let k = (self.k * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let f = k / self.k;
        View {
            x: px - (px - self.x) * f,
            y: py - (py - self.y) * f,
            k,
        }
    }

    /// The zoom factor of a wheel turn (`deltaY` in pixels), within 0.5–2 per event.
    pub fn wheel_factor(delta_y: f64) -> f64 {
        (-delta_y * 0.0015).exp().clamp(0.5, 2.0)
    }

    /// The rectangle of the drawing `(x0, y0, x1, y1)` seen through an SVG of `size`.
    pub fn visible(self, size: (f64, f64)) -> (f64, f64, f64, f64) {
        let k = self.k.max(MIN_ZOOM);
        (
            -self.x / k,
            -self.y / k,
            (size.0 - self.x) / k,
            (size.1 - self.y) / k,
        )
    }

    /// The `transform` attribute of the pan/zoom group.
    pub fn transform(self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            self.x, self.y, self.k
        )
    }

    /// What `key` does to the view in an SVG of `size` (`None`: not ours, the browser keeps it).
    /// `0` fits; the caller passes the fitted view as `fitted`.
    pub fn on_key(self, key: &str, size: (f64, f64), fitted: Option<View>) -> Option<View> {
        let (cx, cy) = (size.0 / 2.0, size.1 / 2.0);
        Some(match key {
            "+" | "=" => self.zoom_about(ZOOM_IN, cx, cy),
            "-" | "_" => self.zoom_about(ZOOM_OUT, cx, cy),
            "0" => fitted.unwrap_or(self),
            "ArrowLeft" => View {
                x: self.x + KEY_STEP,
                ..self
            },
            "ArrowRight" => View {
                x: self.x - KEY_STEP,
                ..self
            },
            "ArrowUp" => View {
                y: self.y + KEY_STEP,
                ..self
            },
            "ArrowDown" => View {
                y: self.y - KEY_STEP,
                ..self
            },
            _ => return None,
        })
    }
}

/// A pointer that moved at most this far (|dx| + |dy|, pixels) is a click, not a drag.
pub const DRAG_THRESHOLD: f64 = 4.0;

/// Whether a pointer move of `(dx, dy)` starts a drag.
pub fn starts_drag(dx: f64, dy: f64) -> bool {
    dx.abs() + dy.abs() >= DRAG_THRESHOLD
}

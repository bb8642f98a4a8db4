//! A very large tree from afar ([`Detail::Dense`]): each row's boxes merged into runs, one
//! element for many people, so that the browser draws hundreds of elements, not hundreds of
//! thousands; and which lines the other levels of detail draw.

use crate::detail::Detail;
use std::fmt::Write;
use wikikin_core::Qid;
use wikikin_kinship::PersonBox;

/// The boxes drawn as runs, and how close two boxes of a row must be to share one.
#[derive(Default)]
pub(crate) struct Runs {
    /// `(row top, x, width, height)` of each box.
    boxes: Vec<(f64, f64, f64, f64)>,
    merge: f64,
}

impl Runs {
    /// Adds a box, to join its row's neighbours less than `merge` drawing units away.
    pub(crate) fn add(&mut self, b: &PersonBox<Qid>, merge: f64) {
        self.merge = merge;
        self.boxes.push((b.y, b.x, b.w, b.h));
    }

    /// The runs as rectangles, row by row, left to right (`data-people`: how many people
    /// each stands for).
    pub(crate) fn write(mut self, s: &mut String) {
        if self.boxes.is_empty() {
            return;
        }
        wikikin_sort::sort_by(&mut self.boxes, |a, b| {
            a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
        });
        s.push_str("<g class=\"runs\">");
        // The run being grown: (row top, x0, x1, height, people).
        let mut run: Option<(f64, f64, f64, f64, usize)> = None;
        let flush = |s: &mut String, r: (f64, f64, f64, f64, usize)| {
            let _ = write!(
                s,
                "<rect class=\"run\" data-people=\"{}\" x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{:.0}\" rx=\"8\"/>",
                r.4,
                r.1,
                r.0,
                (r.2 - r.1).max(1.0),
                r.3
            );
        };
        for &(y, x, w, h) in &self.boxes {
            match run.as_mut() {
                Some(r) if r.0 == y && x <= r.2 + self.merge => {
                    r.2 = r.2.max(x + w);
                    r.3 = r.3.max(h);
                    r.4 += 1;
                }
                _ => {
                    if let Some(r) = run.take() {
                        flush(s, r);
                    }
                    run = Some((y, x, x + w, h, 1));
                }
            }
        }
        if let Some(r) = run {
            flush(s, r);
        }
        s.push_str("</g>");
    }
}

impl Detail {
    /// Whether a line through `points` is drawn: everywhere but outside the window of
    /// [`Detail::Only`] (the grey lines of [`Detail::Dense`] are left out by the caller).
    pub(crate) fn shows_line(&self, points: &[(f64, f64)]) -> bool {
        let Detail::Only(x0, y0, x1, y1) = *self else {
            return true;
        };
        let (mut lx, mut ly, mut hx, mut hy) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in points {
            lx = lx.min(*x);
            ly = ly.min(*y);
            hx = hx.max(*x);
            hy = hy.max(*y);
        }
        hx >= x0 && lx <= x1 && hy >= y0 && ly <= y1
    }
}

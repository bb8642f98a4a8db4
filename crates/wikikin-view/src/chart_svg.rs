//! The chart of one relationship ([`crate::chart`]) as SVG markup: cards with the whole name (on
//! up to two lines; a longer name is cut with "…" and said whole by the card's `<title>`, shown on
//! hover, and in the details), life years and portrait; lines of descent in the relationship's
//! colour, marriages doubled and marked ⚭. One tab stop: the card `focus` (else the first) has
//! `tabindex="0"`, the others `-1`; the app moves it with the arrow keys ([`crate::chart::step_from`]).

use crate::chart::{Chart, LinkKind, Role, CARD_H, CARD_W};
use crate::text::escape;
use std::fmt::Write;
use wikikin_core::Qid;

/// The styles of the chart (inlined into its export like the tree's).
pub const CHART_CSS: &str = include_str!("../../../style/chart.css");

/// Characters of a name per line on a card (13 px, semibold): with a portrait and without.
const LINE_CHARS_IMAGE: usize = 15;
const LINE_CHARS: usize = 19;

/// The name on at most two lines of at most `width` characters, broken between words where it
/// can be; a name that needs more is cut with "…" on the second line.
pub fn name_lines(name: &str, width: usize) -> Vec<String> {
    let width = width.max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in name.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let cur_len = cur.chars().count();
            let word_len = word.chars().count();
            let sep = usize::from(cur_len > 0);
            if cur_len + sep + word_len <= width {
                if sep == 1 {
                    cur.push(' ');
                }
                cur.push_str(&word);
                break;
            }
            if cur_len > 0 {
                lines.push(std::mem::take(&mut cur));
                continue;
            }
            // A word longer than a line: cut it.
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
            if word.is_empty() {
                break;
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if lines.len() > 2 {
        let second: String = lines.get(1).cloned().unwrap_or_default();
        let kept: String = second.chars().take(width.saturating_sub(1)).collect();
        lines.truncate(1);
        lines.push(format!("{}…", kept.trim_end()));
    }
    lines
}

/// The chart's markup (the inside of its `<svg>`), with `focus` as the tab stop.
pub fn chart_markup(chart: &Chart, focus: Option<Qid>, images: bool) -> String {
    let mut s = String::with_capacity(chart.cards.len() * 600 + 512);
    let colour = chart.colour;
    for l in &chart.links {
        let d = path_of(&l.points);
        match l.kind {
            LinkKind::Descent => {
                let _ = write!(
                    s,
                    "<path class=\"chart-line c{colour}\" data-from=\"{}\" data-to=\"{}\" d=\"{d}\"/>",
                    l.from, l.to
                );
            }
            LinkKind::Marriage => {
                let _ = write!(
                    s,
                    "<path class=\"chart-marriage\" data-from=\"{}\" data-to=\"{}\" d=\"{d}\"/>",
                    l.from, l.to
                );
                if let (Some(a), Some(b)) = (l.points.first(), l.points.last()) {
                    let (x, y) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                    let _ = write!(
                        s,
                        "<g class=\"marriage-mark\" transform=\"translate({x:.0} {y:.0})\" aria-hidden=\"true\"><circle r=\"9\"/><text y=\"5\" text-anchor=\"middle\">⚭</text></g>"
                    );
                }
            }
        }
    }
    let stop = focus
        .filter(|q| chart.cards.iter().any(|c| c.qid == *q))
        .or_else(|| chart.cards.first().map(|c| c.qid));
    for c in &chart.cards {
        let role = match c.role {
            Role::Ancestor => "ancestor",
            Role::Line => "line",
            Role::Asked => "asked",
        };
        let tab = if Some(c.qid) == stop { 0 } else { -1 };
        let _ = write!(
            s,
            "<g class=\"chart-card {role}\" data-qid=\"{}\" transform=\"translate({:.0} {:.0})\" tabindex=\"{tab}\" role=\"button\"><title>{}</title><rect class=\"card\" width=\"{CARD_W:.0}\" height=\"{CARD_H:.0}\" rx=\"8\"/>",
            c.qid,
            c.x,
            c.y,
            escape(&c.spoken()),
        );
        let (text_x, width) = match c.image.as_deref().filter(|_| images) {
            Some(url) => {
                let _ = write!(
                    s,
                    "<image href=\"{}\" x=\"6\" y=\"6\" width=\"40\" height=\"{:.0}\" preserveAspectRatio=\"xMidYMid slice\"/>",
                    escape(url),
                    CARD_H - 12.0
                );
                (52.0, LINE_CHARS_IMAGE)
            }
            None => (10.0, LINE_CHARS),
        };
        let lines = name_lines(&c.name, width);
        let n = lines.len().max(1) as f64;
        // The name's lines and the years, centred as a block on the card.
        let block = n * 16.0 + if c.years.is_empty() { 0.0 } else { 16.0 };
        let mut y = (CARD_H - block) / 2.0 + 12.0;
        s.push_str("<g aria-hidden=\"true\">");
        for line in &lines {
            let _ = write!(
                s,
                "<text class=\"name\" x=\"{text_x:.0}\" y=\"{y:.0}\">{}</text>",
                escape(line)
            );
            y += 16.0;
        }
        if !c.years.is_empty() {
            let _ = write!(
                s,
                "<text class=\"years\" x=\"{text_x:.0}\" y=\"{y:.0}\">{}</text>",
                escape(&c.years)
            );
        }
        s.push_str("</g></g>");
    }
    s
}

/// A self-contained SVG document of the chart (styles inlined) for export.
pub fn chart_standalone(chart: &Chart, images: bool) -> String {
    let (w, h) = (chart.width, chart.height);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\"><title>{}</title><style>{}{}</style><rect width=\"100%\" height=\"100%\" fill=\"#fbfaf7\"/>{}</svg>",
        escape(&chart.title),
        crate::draw::TREE_CSS,
        CHART_CSS,
        chart_markup(chart, None, images)
    )
}

fn path_of(points: &[(f64, f64)]) -> String {
    let mut d = String::with_capacity(points.len() * 16);
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x:.0} {y:.0}", if i == 0 { "M" } else { "L" });
    }
    d
}

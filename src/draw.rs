//! The tree as SVG markup, from the core's layout. One markup serves the page (inside the pan/zoom
//! group) and the exports (a standalone document with the styles inlined). Every text from the
//! network is escaped here: labels, descriptions and file names are data, never markup.

use crate::answer::Answer;
use std::collections::HashSet;
use std::fmt::Write;
use wikikin_core::{entity_page_url, image_url, Person, Qid};

/// The tree's styles: loaded by the page (index.html) and inlined into exported SVG.
pub const TREE_CSS: &str = include_str!("../style/tree.css");

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than tab/newline are not allowed in XML.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters, with an ellipsis when cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// What to include.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrawOptions {
    /// Portrait thumbnails (left out of PNG exports: remote images would taint the canvas).
    pub images: bool,
}

/// The drawing's inner markup (everything inside the pan/zoom group).
pub fn markup(answer: &Answer, opts: DrawOptions) -> String {
    let mut s = String::with_capacity(answer.layout.boxes.len() * 700 + 1024);
    let l = &answer.layout;
    let h = crate::answer::layout_options().box_height;
    let _ = write!(
        s,
        "<defs><clipPath id=\"thumb-clip\"><rect x=\"6\" y=\"6\" width=\"40\" height=\"{}\" rx=\"5\"/></clipPath></defs>",
        h - 12.0
    );
    // Child lines: a grey base, then one coloured stroke per relationship using it.
    s.push_str("<g class=\"edges\">");
    for e in &l.edges {
        if e.points.len() < 2 {
            continue;
        }
        let d = path_of(&e.points);
        let _ = write!(s, "<path class=\"edge\" d=\"{d}\"/>");
        let rels = answer
            .tree
            .edges
            .get(e.edge)
            .map(|t| t.rels.as_slice())
            .unwrap_or(&[]);
        let n = rels.len() as f64;
        for (k, r) in rels.iter().enumerate() {
            let colour = answer.lines.get(*r).map(|l| l.colour).unwrap_or(0);
            let dx = (k as f64 - (n - 1.0) / 2.0) * 4.0;
            let _ = write!(
                s,
                "<path class=\"rel c{colour}\" data-rel=\"{r}\" transform=\"translate({dx:.1} 0)\" d=\"{d}\"/>"
            );
        }
    }
    s.push_str("</g><g class=\"couples\">");
    for j in &l.joins {
        let Some((a, Some(b))) = answer.tree.couples.get(j.couple).copied() else {
            continue;
        };
        let (Some(ba), Some(bb)) = (l.box_of(a), l.box_of(b)) else {
            continue;
        };
        let (left, right) = if ba.x <= bb.x { (ba, bb) } else { (bb, ba) };
        let y = left.y + left.h / 2.0;
        let _ = write!(
            s,
            "<line class=\"couple\" x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/><circle class=\"join\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\"/>",
            left.x + left.w,
            right.x,
            j.x,
            j.y
        );
    }
    s.push_str("</g><g class=\"persons\">");
    let asked: HashSet<Qid> = answer.people.iter().copied().collect();
    let roots: HashSet<Qid> = answer.roots.iter().copied().collect();
    let ancestors: HashSet<Qid> = answer
        .lines
        .iter()
        .flat_map(|l| l.rel.ancestors.iter().copied())
        .collect();
    for b in &l.boxes {
        let person = answer.persons.get(&b.qid);
        let mut class = String::from("person");
        if asked.contains(&b.qid) {
            class.push_str(" asked");
        }
        if roots.contains(&b.qid) {
            class.push_str(" root");
        }
        if ancestors.contains(&b.qid) {
            class.push_str(" ancestor");
        }
        if person.is_none() {
            class.push_str(" unloaded");
        }
        card(
            &mut s,
            answer,
            b.qid,
            person,
            &class,
            (b.x, b.y, b.w, b.h),
            opts,
        );
    }
    s.push_str("</g>");
    s
}

fn path_of(points: &[(f64, f64)]) -> String {
    let mut d = String::with_capacity(points.len() * 16);
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { " L" });
    }
    d
}

fn card(
    s: &mut String,
    answer: &Answer,
    q: Qid,
    person: Option<&Person>,
    class: &str,
    (x, y, w, h): (f64, f64, f64, f64),
    opts: DrawOptions,
) {
    let name = answer.name(q);
    let years = person.map(Person::years).unwrap_or_default();
    let description = person
        .and_then(|p| p.description.clone())
        .unwrap_or_default();
    let href = entity_page_url(&answer.ask.endpoint, q);
    let label = if years.is_empty() {
        clip(&name, 200)
    } else {
        format!("{}, {years}", clip(&name, 200))
    };
    let _ = write!(
        s,
        "<g class=\"{class}\" data-qid=\"{q}\" transform=\"translate({x:.1} {y:.1})\"><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\" aria-label=\"{}\"><title>{}</title><rect class=\"card\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"8\"/>",
        escape(&href),
        escape(&label),
        escape(&if description.is_empty() {
            format!("{label} ({q})")
        } else {
            format!("{label} ({q}) — {}", clip(&description, 200))
        }),
    );
    match person
        .and_then(|p| p.image.as_deref())
        .filter(|_| opts.images)
    {
        Some(file) => {
            let _ = write!(
                s,
                "<image href=\"{}\" x=\"6\" y=\"6\" width=\"40\" height=\"{:.1}\" preserveAspectRatio=\"xMidYMid slice\" clip-path=\"url(#thumb-clip)\"/>",
                escape(&image_url(&answer.ask.endpoint, file, 96)),
                h - 12.0
            );
        }
        None => {
            let cy = h / 2.0 - 5.0;
            let _ = write!(
                s,
                "<g class=\"placeholder\"><rect x=\"6\" y=\"6\" width=\"40\" height=\"{:.1}\" rx=\"5\"/><circle cx=\"26\" cy=\"{cy:.1}\" r=\"7\"/><path d=\"M14 {:.1} q12 -16 24 0\"/></g>",
                h - 12.0,
                h - 10.0
            );
        }
    }
    let _ = write!(
        s,
        "<text class=\"name\" x=\"54\" y=\"{:.1}\">{}</text><text class=\"years\" x=\"54\" y=\"{:.1}\">{}</text></a></g>",
        h / 2.0 - 3.0,
        escape(&clip(&name, 17)),
        h / 2.0 + 15.0,
        escape(&if years.is_empty() { q.to_string() } else { clip(&years, 22) }),
    );
}

/// A one-sentence description of the drawing for `<desc>`.
pub fn description(answer: &Answer) -> String {
    let mut d = format!(
        "Family tree of {} people in {} generations.",
        answer.layout.boxes.len(),
        answer.layout.rows
    );
    for line in answer.lines.iter().take(12) {
        let _ = write!(d, " {} — through {}.", line.words, line.through);
    }
    d
}

/// A self-contained SVG document (styles inlined) for export.
pub fn standalone(answer: &Answer, opts: DrawOptions) -> String {
    let pad = 24.0;
    let (w, h) = (
        answer.layout.width + 2.0 * pad,
        answer.layout.height + 2.0 * pad,
    );
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\"><title>{}</title><desc>{}</desc><style>{}</style><rect width=\"100%\" height=\"100%\" fill=\"#fbfaf7\"/><g transform=\"translate({pad} {pad})\">{}</g></svg>",
        escape(&title(answer)),
        escape(&description(answer)),
        TREE_CSS,
        markup(answer, opts)
    )
}

/// The drawing's title.
pub fn title(answer: &Answer) -> String {
    let names: Vec<String> = answer.people.iter().map(|q| answer.name(*q)).collect();
    format!("How {} are related", clip(&names.join(", "), 200))
}

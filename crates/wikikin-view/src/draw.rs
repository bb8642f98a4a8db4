//! The tree as SVG markup, from the core's layout. One markup serves the page (inside the pan/zoom
//! group) and the exports (a standalone document with the styles inlined). Every text from the
//! network is escaped here: labels, descriptions and file names are data, never markup.

use crate::answer::{layout_options, Answer};
use crate::detail::Detail;
use crate::text::{clip, escape};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use wikikin_core::{image_url, Person, Qid};
use wikikin_kinship::PersonBox;

/// The tree's styles: loaded by the page (index.html) and inlined into exported SVG.
pub const TREE_CSS: &str = include_str!("../../../style/tree.css");

/// What to include.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawOptions {
    /// Portrait thumbnails (left out of PNG exports: remote images would taint the canvas).
    pub images: bool,
    pub detail: Detail,
}

/// The drawing's inner markup (everything inside the pan/zoom group). Lines are merged into a
/// few `<path>`s (one for all child lines, one per colour and offset, one for all couples).
pub fn markup(answer: &Answer, opts: DrawOptions) -> String {
    let mut s = String::with_capacity(answer.layout.boxes.len() * 420 + 1024);
    let l = &answer.layout;
    let h = layout_options().box_height;
    let _ = write!(
        s,
        "<defs><clipPath id=\"thumb-clip\"><rect x=\"6\" y=\"6\" width=\"40\" height=\"{:.0}\" rx=\"5\"/></clipPath><symbol id=\"ph\" viewBox=\"0 0 40 {:.0}\" width=\"40\" height=\"{:.0}\"><g class=\"placeholder\"><rect width=\"40\" height=\"{:.0}\" rx=\"5\"/><circle cx=\"20\" cy=\"{:.0}\" r=\"7\"/><path d=\"M8 {:.0} q12 -16 24 0\"/></g></symbol></defs>",
        h - 12.0,
        h - 12.0,
        h - 12.0,
        h - 12.0,
        h / 2.0 - 11.0,
        h - 16.0
    );
    // Child lines: one grey path for all; then one path per (colour, offset) for the lines of
    // each relationship, so that several relationships through one line show side by side.
    let mut base = String::new();
    let mut coloured: BTreeMap<(usize, i64), String> = BTreeMap::new();
    let dense = matches!(opts.detail, Detail::Dense(_));
    for e in &l.edges {
        if e.points.len() < 2 || !opts.detail.shows_line(&e.points) {
            continue;
        }
        let d = path_of(&e.points);
        if !dense {
            base.push_str(&d);
        }
        // The colours of the relationships and then of the connections using this line.
        let colours: Vec<usize> = answer
            .tree
            .edges
            .get(e.edge)
            .map(|t| {
                let rels = t.rels.iter().filter_map(|r| answer.lines.get(*r));
                let conns = t.conns.iter().filter_map(|c| answer.conns.get(*c));
                rels.map(|l| l.colour)
                    .chain(conns.map(|c| c.colour))
                    .collect()
            })
            .unwrap_or_default();
        let n = colours.len() as i64;
        for (k, colour) in colours.into_iter().enumerate() {
            let offset = 2 * k as i64 - (n - 1); // in half-steps of 2 px
            coloured.entry((colour, offset)).or_default().push_str(&d);
        }
    }
    let _ = write!(s, "<path class=\"edge\" d=\"{base}\"/>");
    for ((colour, offset), d) in &coloured {
        let _ = write!(
            s,
            "<path class=\"rel c{colour}\" transform=\"translate({} 0)\" d=\"{d}\"/>",
            offset * 2
        );
    }
    let boxes: HashMap<Qid, &PersonBox<Qid>> = l.boxes.iter().map(|b| (b.id, b)).collect();
    let mut couples = String::new();
    for j in &l.joins {
        let Some((a, Some(b))) = answer.tree.couples.get(j.couple).copied() else {
            continue;
        };
        let (Some(ba), Some(bb)) = (boxes.get(&a), boxes.get(&b)) else {
            continue;
        };
        let (left, right) = if ba.x <= bb.x { (ba, bb) } else { (bb, ba) };
        if dense
            || !opts
                .detail
                .shows_line(&[(left.x, left.y), (right.x + right.w, right.y)])
        {
            continue;
        }
        let y = left.y + left.h / 2.0;
        let _ = write!(
            couples,
            "M{:.0} {y:.0}H{:.0}M{:.0} {:.0}v3",
            left.x + left.w,
            right.x,
            j.x,
            j.y - 1.5
        );
    }
    let _ = write!(s, "<path class=\"couple\" d=\"{couples}\"/>");
    // The persons go after the runs (drawn under them), known only once all are seen.
    let persons_at = s.len();
    s.push_str("<g class=\"persons\">");
    let asked: HashSet<Qid> = answer.people.iter().copied().collect();
    let roots: HashSet<Qid> = answer.roots.iter().copied().collect();
    let ancestors: HashSet<Qid> = answer
        .lines
        .iter()
        .flat_map(|l| l.rel.ancestors.iter().copied())
        .collect();
    let mut runs = crate::dense::Runs::default();
    for b in &l.boxes {
        let special = asked.contains(&b.id) || roots.contains(&b.id) || ancestors.contains(&b.id);
        if let Detail::Dense(merge) = opts.detail {
            if !special {
                runs.add(b, merge);
                continue;
            }
        }
        let person = answer.persons.get(&b.id);
        let mut class = String::from("person");
        if asked.contains(&b.id) {
            class.push_str(" asked");
        }
        if roots.contains(&b.id) {
            class.push_str(" root");
        }
        if ancestors.contains(&b.id) {
            class.push_str(" ancestor");
        }
        if person.is_none() {
            class.push_str(" unloaded");
        }
        let meets = |(x0, y0, x1, y1): (f64, f64, f64, f64)| {
            b.x + b.w >= x0 && b.x <= x1 && b.y + b.h >= y0 && b.y <= y1
        };
        let full = match opts.detail {
            Detail::Full => true,
            Detail::Overview | Detail::Dense(_) => false,
            Detail::Window(x0, y0, x1, y1) => meets((x0, y0, x1, y1)),
            Detail::Only(x0, y0, x1, y1) if meets((x0, y0, x1, y1)) => true,
            Detail::Only(..) => continue,
        };
        if full {
            card(
                &mut s,
                answer,
                b.id,
                person,
                &class,
                (b.x, b.y, b.w, b.h),
                opts,
            );
        } else {
            let _ = write!(
                s,
                "<rect class=\"{class} card\" data-qid=\"{}\" x=\"{:.0}\" y=\"{:.0}\" width=\"{:.0}\" height=\"{:.0}\" rx=\"8\"/>",
                b.id, b.x, b.y, b.w, b.h
            );
        }
    }
    s.push_str("</g>");
    let persons = s.split_off(persons_at);
    runs.write(&mut s);
    s.push_str(&persons);
    s
}

fn path_of(points: &[(f64, f64)]) -> String {
    let mut d = String::with_capacity(points.len() * 16);
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{x:.0} {y:.0}", if i == 0 { "M" } else { "L" });
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
    let href = answer.ask.page_url(q);
    // Said whole by the card's <title> (screen readers, hover), shown on up to two lines.
    let said = if years.is_empty() {
        clip(&name, 200)
    } else {
        format!("{}, {years}", clip(&name, 200))
    };
    // One tab stop in the tree (the first person asked, or the first root); the arrow keys
    // move between the people from there.
    let stop = answer.people.first().or(answer.roots.first()) == Some(&q);
    let _ = write!(
        s,
        "<g class=\"{class}\" data-qid=\"{q}\" transform=\"translate({x:.0} {y:.0})\"><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\" tabindex=\"{}\"><title>{}</title><rect class=\"card\" width=\"{w:.0}\" height=\"{h:.0}\" rx=\"8\"/>",
        escape(&href),
        if stop { 0 } else { -1 },
        escape(&said),
    );
    match person
        .and_then(|p| p.image.as_deref())
        .filter(|_| opts.images)
    {
        Some(file) => {
            let _ = write!(
                s,
                "<image href=\"{}\" x=\"6\" y=\"6\" width=\"40\" height=\"{:.0}\" preserveAspectRatio=\"xMidYMid slice\" clip-path=\"url(#thumb-clip)\"/>",
                escape(&image_url(&answer.ask.endpoint, file, 96)),
                h - 12.0
            );
        }
        None => s.push_str("<use href=\"#ph\" x=\"6\" y=\"6\"/>"),
    }
    let lines = crate::chart_svg::name_lines(&name, 17);
    let block = lines.len() as f64 * 15.0 + if years.is_empty() { 0.0 } else { 15.0 };
    let mut ty = (h - block) / 2.0 + 11.0;
    s.push_str("<g aria-hidden=\"true\">");
    for line in &lines {
        let _ = write!(
            s,
            "<text class=\"name\" x=\"54\" y=\"{ty:.0}\">{}</text>",
            escape(line)
        );
        ty += 15.0;
    }
    if !years.is_empty() {
        let _ = write!(
            s,
            "<text class=\"years\" x=\"54\" y=\"{ty:.0}\">{}</text>",
            escape(&clip(&years, 22))
        );
    }
    s.push_str("</g></a></g>");
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

/// The margin around the drawing in a standalone document, in pixels.
pub const STANDALONE_PAD: f64 = 24.0;

/// The size of the standalone document of `answer`: the drawing and its margin.
pub fn standalone_size(answer: &Answer) -> (f64, f64) {
    (
        answer.layout.width + 2.0 * STANDALONE_PAD,
        answer.layout.height + 2.0 * STANDALONE_PAD,
    )
}

/// A self-contained SVG document (styles inlined) for export.
pub fn standalone(answer: &Answer, opts: DrawOptions) -> String {
    let pad = STANDALONE_PAD;
    let (w, h) = standalone_size(answer);
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

/// The canvas of a PNG export of a `w` × `h` document: `(width, height, scale)` — twice the
/// size for sharpness, but never more than 8,000 pixels on a side (browsers refuse larger
/// canvases).
pub fn png_size(w: f64, h: f64) -> (u32, u32, f64) {
    let scale = (2.0_f64).min(8000.0 / w.max(h).max(1.0));
    ((w * scale).ceil() as u32, (h * scale).ceil() as u32, scale)
}

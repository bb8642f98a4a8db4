//! The chart of one relationship, as relationship finders draw it: the common ancestors on top,
//! the two lines of descent side by side below them, one card per generation, down to the two
//! people — and for a connection through marriage, the chain as a staircase (a parent one row
//! up, a child one row down, a spouse beside on the same row, the marriage marked). Pure
//! geometry and words; [`crate::chart_svg`] turns it into markup, the app draws that.
//!
//! Every card is big enough to read without zooming on a phone (two columns fit in 390 px; the
//! names are at least 12 px), so the chart is never scaled down to fit: it scrolls instead.

use crate::answer::Answer;
use wikikin_core::Qid;
use wikikin_kinship::Step;

/// A card's width and height, the gap between columns and between rows, in pixels.
pub const CARD_W: f64 = 176.0;
pub const CARD_H: f64 = 64.0;
pub const COL_GAP: f64 = 14.0;
pub const ROW_GAP: f64 = 34.0;
/// The margin around the chart (room for focus rings).
pub const PAD: f64 = 6.0;

/// Which entry of the answer the chart shows: a relationship (`Answer::lines`) or a connection
/// through marriage (`Answer::conns`), by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    Relationship(usize),
    Connection(usize),
}

impl Selection {
    /// The entry selected when an answer arrives: the closest blood relationship (fewest
    /// generations up, then the one listed first), else the first connection.
    pub fn initial(answer: &Answer) -> Option<Selection> {
        let closest = answer
            .lines
            .iter()
            .enumerate()
            .min_by_key(|(i, l)| (l.rel.ga + l.rel.gb, l.rel.ga.max(l.rel.gb), *i))
            .map(|(i, _)| Selection::Relationship(i));
        closest.or_else(|| (!answer.conns.is_empty()).then_some(Selection::Connection(0)))
    }

    /// Whether the answer has this entry.
    pub fn exists_in(self, answer: &Answer) -> bool {
        match self {
            Selection::Relationship(i) => i < answer.lines.len(),
            Selection::Connection(i) => i < answer.conns.len(),
        }
    }

    /// The colour index of the entry (as its list item and its lines in the tree).
    pub fn colour(self, answer: &Answer) -> Option<usize> {
        match self {
            Selection::Relationship(i) => answer.lines.get(i).map(|l| l.colour),
            Selection::Connection(i) => answer.conns.get(i).map(|c| c.colour),
        }
    }
}

/// What a card stands for in the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// One of the common ancestors.
    Ancestor,
    /// Between the ancestors and the two people.
    Line,
    /// One of the two people related.
    Asked,
}

/// One card: a person at a place.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub qid: Qid,
    pub role: Role,
    pub col: u32,
    pub row: u32,
    pub x: f64,
    pub y: f64,
    /// The whole name.
    pub name: String,
    /// Life years (`1926–2022`), empty when unknown.
    pub years: String,
    /// The portrait's thumbnail URL, if the person has one.
    pub image: Option<String>,
}

impl Card {
    /// What a screen reader says for the card: the whole name and the years.
    pub fn spoken(&self) -> String {
        if self.years.is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.years)
        }
    }

    fn centre_x(&self) -> f64 {
        self.x + CARD_W / 2.0
    }
}

/// How two cards are linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// Parent above, child below.
    Descent,
    /// A marriage (drawn double, marked ⚭).
    Marriage,
}

/// A line between two cards, as a polyline.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub from: Qid,
    pub to: Qid,
    pub kind: LinkKind,
    pub points: Vec<(f64, f64)>,
}

/// The chart: cards, links, its size, and what it is called for screen readers.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub selection: Selection,
    pub colour: usize,
    pub cards: Vec<Card>,
    pub links: Vec<Link>,
    pub width: f64,
    pub height: f64,
    /// The accessible name: what the chart shows, in words.
    pub title: String,
}

/// The chart of the selected entry, `None` when the answer has no such entry.
pub fn chart(answer: &Answer, selection: Selection) -> Option<Chart> {
    let mut b = Builder::default();
    let (title, colour) = match selection {
        Selection::Relationship(i) => {
            let line = answer.lines.get(i)?;
            let r = &line.rel;
            // The ancestors on row 0 (a couple side by side, married), then each line down its
            // own column. A direct line (one person is the other's ancestor) has one column.
            for (k, q) in r.ancestors.iter().enumerate() {
                b.place(answer, *q, Role::Ancestor, k as u32, 0);
            }
            if let [x, y] = r.ancestors.as_slice() {
                b.marriage(*x, *y);
            }
            let top = r.ancestors.first().copied();
            let direct = r.path_a.len() <= 1 || r.path_b.len() <= 1;
            let lines: [(&[Qid], u32); 2] = if direct {
                let longer = if r.path_a.len() >= r.path_b.len() {
                    &r.path_a
                } else {
                    &r.path_b
                };
                [(longer.as_slice(), 0), (&[], 1)]
            } else {
                [(r.path_a.as_slice(), 0), (r.path_b.as_slice(), 1)]
            };
            for (path, col) in lines {
                let mut above = top;
                for (row, q) in path.iter().enumerate().skip(1) {
                    let role = if *q == r.a || *q == r.b {
                        Role::Asked
                    } else {
                        Role::Line
                    };
                    b.place(answer, *q, role, col, row as u32);
                    if let Some(p) = above {
                        // The first generation comes down from the couple's middle.
                        let from_couple = row == 1 && r.ancestors.len() == 2;
                        b.descent(
                            p,
                            *q,
                            from_couple.then(|| r.ancestors.get(1).copied()).flatten(),
                        );
                    }
                    above = Some(*q);
                }
            }
            for q in [r.a, r.b] {
                b.mark_asked(q);
            }
            let words = line.words.clone();
            let through = if line.through.is_empty() {
                String::new()
            } else {
                format!(" — through {}", line.through)
            };
            (format!("Chart: {words}{through}"), line.colour)
        }
        Selection::Connection(i) => {
            let c = answer.conns.get(i)?;
            // The staircase: each step one column to the right; a parent one row up, a child
            // one row down, a spouse on the same row.
            let mut rows: Vec<i64> = vec![0];
            for s in &c.conn.steps {
                let last = rows.last().copied().unwrap_or(0);
                rows.push(match s {
                    Step::Parent => last - 1,
                    Step::Child => last + 1,
                    Step::Spouse => last,
                });
            }
            let min = rows.iter().copied().min().unwrap_or(0);
            for (k, (q, row)) in c.conn.path.iter().zip(&rows).enumerate() {
                let role = if k == 0 || k + 1 == c.conn.path.len() {
                    Role::Asked
                } else {
                    Role::Line
                };
                b.place(answer, *q, role, k as u32, (row - min) as u32);
            }
            for (k, s) in c.conn.steps.iter().enumerate() {
                let (Some(x), Some(y)) = (c.conn.path.get(k), c.conn.path.get(k + 1)) else {
                    continue;
                };
                match s {
                    Step::Spouse => b.marriage(*x, *y),
                    Step::Parent => b.descent(*y, *x, None),
                    Step::Child => b.descent(*x, *y, None),
                }
            }
            (
                format!("Chart: {}", c.words.trim_end_matches('.')),
                c.colour,
            )
        }
    };
    let width = b.cols as f64 * (CARD_W + COL_GAP) - COL_GAP + 2.0 * PAD;
    let height = b.rows as f64 * (CARD_H + ROW_GAP) - ROW_GAP + 2.0 * PAD;
    Some(Chart {
        selection,
        colour,
        cards: b.cards,
        links: b.links,
        width: width.max(CARD_W + 2.0 * PAD),
        height: height.max(CARD_H + 2.0 * PAD),
        title,
    })
}

#[derive(Default)]
struct Builder {
    cards: Vec<Card>,
    links: Vec<Link>,
    cols: u32,
    rows: u32,
}

impl Builder {
    fn card(&self, q: Qid) -> Option<&Card> {
        self.cards.iter().find(|c| c.qid == q)
    }

    /// One card per person: a person met twice (pedigree collapse) keeps their first place.
    fn place(&mut self, answer: &Answer, q: Qid, role: Role, col: u32, row: u32) {
        if self.card(q).is_some() {
            return;
        }
        let person = answer.persons.get(&q);
        self.cols = self.cols.max(col + 1);
        self.rows = self.rows.max(row + 1);
        self.cards.push(Card {
            qid: q,
            role,
            col,
            row,
            x: PAD + col as f64 * (CARD_W + COL_GAP),
            y: PAD + row as f64 * (CARD_H + ROW_GAP),
            name: answer.name(q),
            years: person.map(|p| p.years()).unwrap_or_default(),
            image: person
                .and_then(|p| p.image.as_deref())
                .map(|f| wikikin_core::image_url(&answer.ask.endpoint, f, 96)),
        });
    }

    fn mark_asked(&mut self, q: Qid) {
        if let Some(c) = self.cards.iter_mut().find(|c| c.qid == q) {
            c.role = Role::Asked;
        }
    }

    fn marriage(&mut self, x: Qid, y: Qid) {
        let (Some(a), Some(b)) = (self.card(x), self.card(y)) else {
            return;
        };
        let (left, right) = if a.x <= b.x { (a, b) } else { (b, a) };
        let mid = left.y + CARD_H / 2.0;
        let points = if left.row == right.row {
            vec![(left.x + CARD_W, mid), (right.x, mid)]
        } else {
            vec![
                (left.centre_x(), left.y + CARD_H),
                (right.centre_x(), right.y),
            ]
        };
        self.links.push(Link {
            from: x,
            to: y,
            kind: LinkKind::Marriage,
            points,
        });
    }

    /// Parent `p` to child `c`; with `partner`, the line starts between the couple.
    fn descent(&mut self, p: Qid, c: Qid, partner: Option<Qid>) {
        let (Some(pc), Some(cc)) = (self.card(p), self.card(c)) else {
            return;
        };
        let start = match partner.and_then(|q| self.card(q)) {
            Some(other) if other.row == pc.row => {
                let x = (pc.centre_x() + other.centre_x()) / 2.0;
                (x, pc.y + CARD_H / 2.0)
            }
            _ => (pc.centre_x(), pc.y + CARD_H),
        };
        let end = (cc.centre_x(), cc.y);
        let points = if (start.0 - end.0).abs() < 0.5 {
            vec![start, end]
        } else {
            let bend = end.1 - ROW_GAP / 2.0;
            vec![start, (start.0, bend), (end.0, bend), end]
        };
        self.links.push(Link {
            from: p,
            to: c,
            kind: LinkKind::Descent,
            points,
        });
    }
}

/// The card an arrow key moves to from `from` (a roving tab stop): the nearest card in that
/// direction, by rows and columns; Home and End go to the first and last card. `None` when there
/// is none that way.
pub fn step_from(cards: &[(Qid, u32, u32)], from: Qid, key: &str) -> Option<Qid> {
    let &(_, col, row) = cards.iter().find(|(q, _, _)| *q == from)?;
    let (col, row) = (i64::from(col), i64::from(row));
    let candidates = cards
        .iter()
        .filter(|(q, _, _)| *q != from)
        .filter_map(|&(q, c, r)| {
            let (dc, dr) = (i64::from(c) - col, i64::from(r) - row);
            let (along, across) = match key {
                "ArrowRight" => (dc, dr),
                "ArrowLeft" => (-dc, dr),
                "ArrowDown" => (dr, dc),
                "ArrowUp" => (-dr, dc),
                _ => return None,
            };
            (along > 0).then_some((across.abs() * 4 + along, q))
        });
    match key {
        "Home" => cards.first().map(|c| c.0),
        "End" => cards.last().map(|c| c.0),
        _ => candidates.min_by_key(|(d, q)| (*d, *q)).map(|(_, q)| q),
    }
}

/// The people of the whole tree as a grid for [`step_from`]: rows by generation (the layout's
/// rows, top to bottom), columns by position from the left.
pub fn tree_cards(answer: &Answer) -> Vec<(Qid, u32, u32)> {
    let mut ys: Vec<f64> = answer.layout.boxes.iter().map(|b| b.y).collect();
    wikikin_sort::sort_by(&mut ys, f64::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    let step = answer
        .layout
        .boxes
        .first()
        .map_or(1.0, |b| (b.w / 2.0).max(1.0));
    answer
        .layout
        .boxes
        .iter()
        .map(|b| {
            let row = ys.iter().position(|y| (y - b.y).abs() < 1.0).unwrap_or(0);
            (b.id, (b.x.max(0.0) / step) as u32, row as u32)
        })
        .collect()
}

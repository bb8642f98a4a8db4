//! The words of the sources: readings, doubts, hosts, dates.

use wikikin_core::entity::{CIRCA, DISPUTED, HYPOTHETICALLY, PRESUMABLY};
use wikikin_core::sources::{Quality, Reading};
use wikikin_core::{Date, Precision, Qid};

/// A quality in words: `every link referenced`, `2 of 8 links only imported`, `3 links
/// without any reference`, `a link marked disputed`, `2 links marked disputed or presumably`.
pub fn reading_words(q: &Quality, doubts: &[String]) -> String {
    let links = |n: usize| if n == 1 { "link" } else { "links" };
    let doubt = if doubts.is_empty() {
        "doubtful".to_string()
    } else {
        doubts.join(" or ")
    };
    match q.reading {
        Reading::Doubtful { k: 1, .. } => format!("a link marked {doubt}"),
        Reading::Doubtful { k, .. } => format!("{k} links marked {doubt}"),
        Reading::Unreferenced { k: 1, n: 1 } => "the link has no reference".to_string(),
        Reading::Unreferenced { k, .. } => format!("{k} {} without any reference", links(k)),
        Reading::Imported { k: 1, n: 1 } => "the link is only imported".to_string(),
        Reading::Imported { k, n } => format!("{k} of {n} {} only imported", links(n)),
        Reading::AllReferenced { n: 1 } => "the link is referenced".to_string(),
        Reading::AllReferenced { .. } => "every link referenced".to_string(),
        Reading::Unknown { k, n } => {
            format!("the sources of {k} of {n} {} not read yet", links(n))
        }
        Reading::Empty => "no links".to_string(),
    }
}

/// The words of the doubt qualifiers Wikidata uses most.
pub fn doubt_word(q: Qid) -> Option<&'static str> {
    match q {
        DISPUTED => Some("disputed"),
        PRESUMABLY => Some("presumably"),
        HYPOTHETICALLY => Some("hypothetically"),
        CIRCA => Some("circa"),
        _ => None,
    }
}

/// The host of a URL without `www.` (`https://www.thepeerage.com/p1.htm` → `thepeerage.com`).
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

/// `2020-05-01`, `2020-05`, `2020` by precision.
pub fn iso_date(d: &Date) -> String {
    match d.precision {
        Precision::Day => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        Precision::Month => format!("{:04}-{:02}", d.year, d.month),
        _ => format!("{:04}", d.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_dates() {
        assert_eq!(
            host("https://www.thepeerage.com/p1.htm#i1"),
            "thepeerage.com"
        );
        assert_eq!(host("genealogics.org/x?y"), "genealogics.org");
        let d = Date {
            year: 2020,
            month: 5,
            day: 1,
            precision: Precision::Day,
            circa: false,
        };
        assert_eq!(iso_date(&d), "2020-05-01");
    }

    #[test]
    fn readings_in_words() {
        let q = |reading| Quality {
            links: 8,
            referenced: 0,
            imported: 0,
            unreferenced: 0,
            unknown: 0,
            doubtful: 0,
            one_sided: 0,
            reading,
        };
        let w = |r| reading_words(&q(r), &["disputed".to_string()]);
        assert_eq!(w(Reading::AllReferenced { n: 8 }), "every link referenced");
        assert_eq!(
            w(Reading::Imported { k: 2, n: 8 }),
            "2 of 8 links only imported"
        );
        assert_eq!(
            w(Reading::Unreferenced { k: 3, n: 8 }),
            "3 links without any reference"
        );
        assert_eq!(
            w(Reading::Doubtful { k: 1, n: 8 }),
            "a link marked disputed"
        );
    }
}

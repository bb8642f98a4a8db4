//! Entity JSON in Wikidata's exact format, rendered on demand from the compact model.
//!
//! [`entity`] writes one item; the parts are in `terms.rs` (labels, descriptions), `claims.rs`
//! (statements, with `statement.rs` and `snak.rs` below them, and `padding.rs` for big
//! entities) and `sitelinks.rs`.

mod claims;
pub mod extra;
pub mod family;
pub mod langs;
mod padding;
mod sitelinks;
mod snak;
mod statement;
mod terms;

use std::fmt::Write as _;

use claims::claims;
pub use extra::extra_entity;
pub use family::image_of;
use sitelinks::sitelinks;
pub use snak::hex40_string;
pub use statement::statement_guid;
use terms::{descriptions, labels, term_map, wanted};

use crate::instance::Instance;
use crate::json::{kn, kv, Sep};
use crate::model::{mix2, Data, Person};

/// Which parts of an entity to include (`props` of wbgetentities).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Props {
    pub info: bool,
    pub labels: bool,
    pub descriptions: bool,
    pub aliases: bool,
    pub claims: bool,
    pub sitelinks: bool,
    /// `sitelinks/urls`: include each sitelink's `url` (EntityData always does).
    pub sitelink_urls: bool,
}

impl Props {
    pub const ALL: Props = Props {
        info: true,
        labels: true,
        descriptions: true,
        aliases: true,
        claims: true,
        sitelinks: true,
        sitelink_urls: true,
    };
}

/// `languages` and `languagefallback` of wbgetentities.
#[derive(Debug, Clone, Default)]
pub struct Langs {
    /// None: every language.
    pub only: Option<Vec<String>>,
    pub fallback: bool,
}

/// Entity size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Payload {
    /// Just the family statements, a few labels, at most one sitelink.
    #[default]
    Lean,
    /// Realistic size: many labels and sitelinks, non-family statements with references (50–500 KB).
    Full,
}

/// Everything needed to render one entity.
pub struct Ctx<'a> {
    pub data: &'a Data,
    pub inst: &'static Instance,
    pub payload: Payload,
    pub props: Props,
    pub langs: &'a Langs,
    /// Pad the entity to at least this many bytes (`--big-entity`).
    pub pad_to: Option<usize>,
}

/// Render the entity at `idx`. `as_id`, if given, is the id it was asked for (a redirect).
pub fn entity(out: &mut String, c: &Ctx, idx: u32, redirected_from: Option<u32>) {
    let Some(p) = c.data.person(idx) else {
        out.push_str("{}");
        return;
    };
    let q = p.qid;
    out.push('{');
    if let Some(from) = redirected_from {
        let _ = write!(
            out,
            "\"redirects\":{{\"from\":\"Q{from}\",\"to\":\"Q{q}\"}},"
        );
    }
    if c.props.info {
        let h = mix2(q as u64, 0x696e666f);
        kn(out, "pageid", 1_000_000 + (h % 120_000_000));
        out.push_str(",\"ns\":0,");
        let _ = write!(out, "\"title\":\"Q{q}\",");
        kn(out, "lastrevid", 1_900_000_000 + (h % 400_000_000));
        let _ = write!(
            out,
            ",\"modified\":\"20{:02}-{:02}-{:02}T{:02}:{:02}:{:02}Z\",",
            19 + h % 6,
            1 + (h >> 8) % 12,
            1 + (h >> 16) % 28,
            (h >> 24) % 24,
            (h >> 32) % 60,
            (h >> 40) % 60
        );
    }
    let _ = write!(out, "\"type\":\"item\",\"id\":\"Q{q}\"");
    if c.props.labels {
        out.push_str(",\"labels\":");
        term_map(out, c, &labels(c, idx, p));
    }
    if c.props.descriptions {
        out.push_str(",\"descriptions\":");
        term_map(out, c, &descriptions(c, p));
    }
    if c.props.aliases {
        out.push_str(",\"aliases\":{");
        if let Some(al) = c.data.aliases.get(&idx) {
            if !al.is_empty() && wanted(c, "en") {
                out.push_str("\"en\":[");
                let mut sep = Sep::new();
                for a in al {
                    sep.next(out);
                    out.push_str("{\"language\":\"en\",");
                    kv(out, "value", a);
                    out.push('}');
                }
                out.push(']');
            }
        }
        out.push('}');
    }
    if c.props.claims {
        out.push_str(",\"claims\":");
        claims(out, c, idx, p);
    }
    if c.props.sitelinks {
        out.push_str(",\"sitelinks\":");
        sitelinks(out, c, idx, p);
    }
    out.push('}');
}

/// A person's labels and descriptions as (language, text), as the entity JSON has them.
pub type Terms = Vec<(&'static str, String)>;

/// The labels and descriptions of the person at `idx`, all languages (for the SPARQL store).
pub fn terms_of(data: &Data, payload: Payload, idx: u32, p: &Person) -> (Terms, Terms) {
    let langs = Langs::default();
    let c = Ctx {
        data,
        inst: &crate::instance::WIKIDATA,
        payload,
        props: Props::ALL,
        langs: &langs,
        pad_to: None,
    };
    (labels(&c, idx, p), descriptions(&c, p))
}

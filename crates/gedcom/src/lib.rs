//! A small GEDCOM 5.5 reader (and a 5.5.1 writer, [`write`]) for genealogies as real programs write them (PAF, Family Tree
//! Maker, MyHeritage): `CHAR ANSEL/ANSI/UTF-8` (and UTF-16 with a byte-order mark), CR, LF or
//! CRLF line ends, `CONT`/`CONC`, `NAME Given /Surname/` with underscores, dates with
//! modifiers and dual years, `FAMS`/`FAMC`, `HUSB`/`WIFE`/`CHIL`, `OBJE`/`FILE`.
//!
//! Input is untrusted: every problem is a [`GedcomError`] (fatal, with its line number) or a
//! [`Warning`] (recorded, parsing goes on). Nothing here panics on any input.
//!
//! ```
//! let g = wikikin_gedcom::parse(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Victoria /Hanover/\n0 TRLR\n").unwrap();
//! assert_eq!(g.individuals[0].name, "Victoria Hanover");
//! ```

// Input is untrusted, so the library code may not panic: no unwrap/expect, no `[i]` indexing or
// slicing, no panic!. Tests may.
mod ansel;
mod date;
mod decode;
mod error;
mod line;
mod model;
mod name;
mod records;
mod tree;
mod write;

pub use date::{DateModifier, GedDate, Precision, Ymd};
pub use decode::Charset;
pub use error::{GedcomError, Warning};
pub use model::{Citation, Family, Gedcom, Individual, Sex, Source};
pub use write::{
    write, Export, ExportCitation, ExportDate, ExportFamily, ExportPerson, ExportSource,
};

use std::path::Path;

use decode::decode_lines;
use records::extract;
use tree::build_tree;

/// Read and parse a file.
pub fn parse_file(path: impl AsRef<Path>) -> Result<Gedcom, GedcomError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| GedcomError {
        line: 0,
        message: format!("cannot read {}: {e}", path.display()),
    })?;
    parse(&bytes)
}

/// Parse GEDCOM bytes.
pub fn parse(bytes: &[u8]) -> Result<Gedcom, GedcomError> {
    let mut warnings = Vec::new();
    let (lines, charset) = decode_lines(bytes, &mut warnings)?;
    let records = build_tree(&lines)?;
    let mut g = extract(records, warnings);
    g.charset = charset;
    Ok(g)
}

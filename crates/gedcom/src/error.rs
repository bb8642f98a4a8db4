//! What can go wrong: a fatal [`GedcomError`] or a recorded [`Warning`], both with a line number.

use std::fmt;

/// A fatal problem, with the 1-based line number where it was found (0: the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GedcomError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GedcomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "GEDCOM: {}", self.message)
        } else {
            write!(f, "GEDCOM line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for GedcomError {}

/// Something odd that did not stop the parse (an unreadable date, a dangling pointer, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

pub(crate) fn err(line: usize, message: impl Into<String>) -> GedcomError {
    GedcomError {
        line,
        message: message.into(),
    }
}

//! One text line → level, optional `@xref@`, tag and value (line lexing).

use crate::error::err;
use crate::GedcomError;

pub(crate) struct Line {
    pub(crate) level: usize,
    pub(crate) xref: Option<String>,
    pub(crate) tag: String,
    pub(crate) value: String,
}

pub(crate) fn parse_line(n: usize, text: &str) -> Result<Line, GedcomError> {
    if text.contains('\0') {
        return Err(err(
            n,
            "contains a NUL byte: this is not a GEDCOM text line",
        ));
    }
    let t = text.trim_start();
    let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (lvl, rest) = t.split_at(digits_end);
    if lvl.is_empty() {
        let shown: String = t.chars().take(20).collect();
        return Err(err(
            n,
            format!("expected a level number at the start of the line, found {shown:?}"),
        ));
    }
    if lvl.len() > 2 {
        return Err(err(n, format!("level {lvl} is too deep (at most 99)")));
    }
    let level: usize = lvl
        .parse()
        .map_err(|_| err(n, format!("bad level {lvl:?}")))?;
    if !rest.starts_with([' ', '\t']) {
        return Err(err(
            n,
            format!("expected a space after level {level}, found {rest:?}"),
        ));
    }
    let rest = rest.trim_start_matches([' ', '\t']);
    let (xref, rest) = if let Some(after) = rest.strip_prefix('@') {
        match after.find('@') {
            Some(end) => {
                let (id, tail) = after.split_at(end);
                let tail = tail.get(1..).unwrap_or("");
                if id.is_empty() {
                    return Err(err(n, "empty cross-reference @@"));
                }
                (Some(id.to_string()), tail.trim_start_matches([' ', '\t']))
            }
            None => return Err(err(n, "cross-reference opened with @ but never closed")),
        }
    } else {
        (None, rest)
    };
    let tag_end = rest.find([' ', '\t']).unwrap_or(rest.len());
    let (tag, value) = rest.split_at(tag_end);
    if tag.is_empty() {
        return Err(err(n, format!("missing tag after level {level}")));
    }
    if !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        let shown: String = tag.chars().take(20).collect();
        return Err(err(n, format!("invalid tag {shown:?}")));
    }
    // Exactly one delimiter; keep the rest of the value as written (CONC may rely on spaces).
    let value = value
        .strip_prefix([' ', '\t'])
        .unwrap_or(value)
        .trim_end_matches(['\r', '\n']);
    Ok(Line {
        level,
        xref,
        tag: tag.to_ascii_uppercase(),
        value: value.to_string(),
    })
}

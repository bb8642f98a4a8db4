//! Bytes → text lines: byte-order marks, the declared `CHAR` (ANSEL, ANSI, UTF-8, ASCII,
//! UTF-16), line ends (CR, LF, CRLF, LFCR).

use crate::ansel;
use crate::error::err;
use crate::{GedcomError, Warning};

/// The character set the file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Ansel,
    /// `ANSI`: Windows-1252 in practice.
    Ansi,
    Utf8,
    /// `ASCII`: read as UTF-8 (a superset); stray high bytes fall back to Windows-1252.
    Ascii,
    Utf16Le,
    Utf16Be,
}

/// Split raw bytes on CR, LF or CRLF (and LFCR), keeping 1-based line numbers.
fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'\r') => {
                out.push(bytes.get(start..i).unwrap_or(&[]));
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            Some(b'\n') => {
                out.push(bytes.get(start..i).unwrap_or(&[]));
                i += if bytes.get(i + 1) == Some(&b'\r') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(bytes.get(start..).unwrap_or(&[]));
    }
    out
}

/// Find `1 CHAR X` among the first lines (ASCII-compatible encodings only).
fn declared_charset(lines: &[&[u8]]) -> Option<(Charset, usize)> {
    for (i, l) in lines.iter().enumerate().take(200) {
        let text = String::from_utf8_lossy(l);
        let words: Vec<&str> = text.split_whitespace().collect();
        if let [lvl, tag, value, ..] = words.as_slice() {
            if *lvl == "1" && tag.eq_ignore_ascii_case("CHAR") {
                let cs = match value.to_ascii_uppercase().as_str() {
                    "ANSEL" => Charset::Ansel,
                    "ANSI" | "WINDOWS-1252" | "CP1252" | "ISO-8859-1" | "LATIN1" | "IBMPC" => {
                        Charset::Ansi
                    }
                    "UTF-8" | "UTF8" | "UNICODE" => Charset::Utf8,
                    "ASCII" => Charset::Ascii,
                    _ => return Some((Charset::Ascii, i + 1)),
                };
                return Some((cs, i + 1));
            }
        }
        if i > 0 && text.trim_start().starts_with('0') {
            // Header is over.
            break;
        }
    }
    None
}

type DecodedLines = (Vec<(usize, String)>, Option<Charset>);

pub(crate) fn decode_lines(
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<DecodedLines, GedcomError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err(0, "the file is empty"));
    }
    // UTF-16 needs decoding before splitting.
    for (bom, enc, cs) in [
        (&[0xFF, 0xFE][..], encoding_rs::UTF_16LE, Charset::Utf16Le),
        (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE, Charset::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            if had_errors {
                warnings.push(Warning {
                    line: 0,
                    message: "invalid UTF-16 sequences replaced by U+FFFD".into(),
                });
            }
            let lines = split_lines(text.as_bytes())
                .into_iter()
                .enumerate()
                .map(|(i, l)| (i + 1, String::from_utf8_lossy(l).into_owned()))
                .collect();
            return Ok((lines, Some(cs)));
        }
    }
    let (bytes, bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let raw = split_lines(bytes);
    let declared = declared_charset(&raw);
    let charset = if bom {
        if let Some((cs, line)) = declared {
            if cs != Charset::Utf8 && cs != Charset::Ascii {
                warnings.push(Warning {
                    line,
                    message: format!("CHAR says {cs:?} but the file starts with a UTF-8 byte-order mark; reading UTF-8"),
                });
            }
        }
        Charset::Utf8
    } else {
        // GEDCOM 5.5 says ANSEL is the default, but files without CHAR are nearly always ASCII/UTF-8.
        declared.map(|(c, _)| c).unwrap_or(Charset::Utf8)
    };
    let mut out = Vec::with_capacity(raw.len());
    for (i, l) in raw.into_iter().enumerate() {
        let n = i + 1;
        let text = match charset {
            Charset::Ansel => {
                let (s, bad) = ansel::decode(l);
                if bad > 0 {
                    warnings.push(Warning {
                        line: n,
                        message: format!("{bad} byte(s) undefined in ANSEL replaced by U+FFFD"),
                    });
                }
                s
            }
            Charset::Ansi => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(l)
                .0
                .into_owned(),
            _ => match std::str::from_utf8(l) {
                Ok(s) => s.to_string(),
                Err(_) => {
                    warnings.push(Warning {
                        line: n,
                        message: "not valid UTF-8; read as Windows-1252".into(),
                    });
                    encoding_rs::WINDOWS_1252
                        .decode_without_bom_handling(l)
                        .0
                        .into_owned()
                }
            },
        };
        out.push((n, text));
    }
    let declared_cs = if bom {
        Some(Charset::Utf8)
    } else {
        declared.map(|(c, _)| c)
    };
    Ok((out, declared_cs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_splitting() {
        assert_eq!(split_lines(b"a\r\nb\rc\nd").len(), 4);
        assert_eq!(split_lines(b"a\n\rb\n").len(), 2);
    }
}

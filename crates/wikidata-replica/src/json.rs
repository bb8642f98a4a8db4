//! A tiny JSON writer that renders exactly the way Wikidata does: keys in Wikidata's order,
//! no spaces, non-ASCII as `\uXXXX` escapes (PHP's `json_encode` default), slashes unescaped.
//!
//! We write this ourselves rather than use `serde_json::Value` because (a) we need Wikidata's
//! key order and escaping byte-for-byte, and (b) entities are rendered on demand for every
//! request, so we stream straight into one `String` without building a tree.

use std::fmt::Write as _;

/// Append `s` as a JSON string literal.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) >= 0x7F => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{:04x}", unit);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `"key":`
pub fn key(out: &mut String, k: &str) {
    string(out, k);
    out.push(':');
}

/// `"key":"value"`
pub fn kv(out: &mut String, k: &str, v: &str) {
    key(out, k);
    string(out, v);
}

/// `"key":123`
pub fn kn(out: &mut String, k: &str, v: impl std::fmt::Display) {
    key(out, k);
    let _ = write!(out, "{v}");
}

/// Writes a comma before every item but the first.
pub struct Sep(bool);

impl Sep {
    pub fn new() -> Self {
        Sep(true)
    }
    pub fn next(&mut self, out: &mut String) {
        if self.0 {
            self.0 = false;
        } else {
            out.push(',');
        }
    }
}

impl Default for Sep {
    fn default() -> Self {
        Sep::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_wikidata() {
        let mut s = String::new();
        string(&mut s, "Дуглас \"x\" \\ / <script>\n😀");
        assert_eq!(
            s,
            "\"\\u0414\\u0443\\u0433\\u043b\\u0430\\u0441 \\\"x\\\" \\\\ / <script>\\n\\ud83d\\ude00\""
        );
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "Дуглас \"x\" \\ / <script>\n😀");
    }
}

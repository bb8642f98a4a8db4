//! Text from the network made safe to show: escaped for XML (the tree's markup goes into the
//! page through `inner_html`, so this is what keeps labels data and never markup) and clipped
//! to a length.

/// Escapes text for XML content and attribute values (double- or single-quoted): the five XML
/// specials become entities, and C0 controls other than tab and newline (not allowed in XML)
/// become spaces. Everything else, bidirectional marks included, is kept: it is text and cannot
/// end an element or an attribute. Not idempotent (`&amp;` becomes `&amp;amp;`): raw text is
/// escaped exactly once, where it enters markup.
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

//! `escape` guards the tree's `inner_html` and the exported SVG: every text from the network
//! goes through it exactly once. `clip` shortens long labels.

use wikikin_view::{clip, escape};

#[test]
fn the_five_xml_specials_are_escaped() {
    assert_eq!(escape("&"), "&amp;");
    assert_eq!(escape("<"), "&lt;");
    assert_eq!(escape(">"), "&gt;");
    assert_eq!(escape("\""), "&quot;");
    assert_eq!(escape("'"), "&#39;");
    assert_eq!(
        escape(r#"<a href="x" title='y'>Tom & Jerry</a>"#),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
    );
}

#[test]
fn quotes_cannot_close_an_attribute() {
    // Whatever the label, inside a double- or single-quoted attribute it stays one value.
    for hostile in [
        r#"" onmouseover="alert(1)"#,
        "' onload='alert(1)",
        r#""/><script>alert(1)</script>"#,
        "\"><image href=x onerror=alert(1)>",
    ] {
        let e = escape(hostile);
        assert!(!e.contains('"') && !e.contains('\''), "{e}");
        assert!(!e.contains('<') && !e.contains('>'), "{e}");
        let attr = format!("<text aria-label=\"{e}\" title='{e}'>");
        assert_eq!(attr.matches('"').count(), 2, "{attr}");
        assert_eq!(attr.matches('\'').count(), 2, "{attr}");
    }
}

#[test]
fn controls_not_allowed_in_xml_become_spaces_tab_and_newline_stay() {
    assert_eq!(escape("a\u{0}b\u{1}c\u{8}d\u{1b}e\u{1f}f"), "a b c d e f");
    assert_eq!(escape("a\rb"), "a b");
    assert_eq!(escape("a\tb\nc"), "a\tb\nc");
    // Every C0 control but tab and newline is replaced.
    for c in (0u8..0x20).map(char::from) {
        let e = escape(&c.to_string());
        if c == '\t' || c == '\n' {
            assert_eq!(e, c.to_string());
        } else {
            assert_eq!(e, " ", "U+{:04X}", c as u32);
        }
    }
}

#[test]
fn other_text_passes_through_unchanged() {
    // Letters of any script, emoji, and bidirectional marks and overrides are text, not markup
    // (they cannot break out of an element or attribute), so they are kept as they are.
    for s in [
        "Elizabeth II",
        "Ὀδυσσεύς",
        "محمد بن سلمان",
        "王",
        "👑",
        "\u{202E}evil\u{202C}",
        "\u{200F}\u{2066}x\u{2069}",
        "DEL\u{7f} C1\u{85}",
        "",
    ] {
        assert_eq!(escape(s), s, "{s:?}");
    }
}

#[test]
fn escaping_is_not_idempotent_so_text_is_escaped_exactly_once() {
    // Escaping escaped text escapes the ampersands again: callers escape raw text once, at the
    // point it enters markup, and never pre-escaped text.
    let once = escape("Tom & Jerry <3");
    assert_eq!(once, "Tom &amp; Jerry &lt;3");
    assert_eq!(escape(&once), "Tom &amp;amp; Jerry &amp;lt;3");
    // Text without specials is a fixed point.
    assert_eq!(escape(&escape("plain text")), "plain text");
}

#[test]
fn clip_keeps_short_text_and_cuts_long_text_with_an_ellipsis() {
    assert_eq!(clip("Victoria", 17), "Victoria");
    assert_eq!(clip("exactly seventeen", 17), "exactly seventeen");
    assert_eq!(
        clip("Prince Philip, Duke of Edinburgh", 17),
        "Prince Philip, D…"
    );
    assert_eq!(
        clip("Prince Philip, Duke of Edinburgh", 17).chars().count(),
        17
    );
    // Characters, not bytes: never cuts inside a character.
    assert_eq!(clip("ÉÉÉÉÉ", 3), "ÉÉ…");
    assert_eq!(clip("👑👑👑", 2), "👑…");
    assert_eq!(clip("", 0), "");
    assert_eq!(clip("ab", 0), "…");
}

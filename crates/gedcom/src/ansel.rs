//! ANSEL (ANSI/NISO Z39.47) with the GEDCOM 5.5 extensions, decoded to Unicode.
//!
//! ANSEL writes combining diacritics *before* the letter they modify; Unicode writes them
//! after. We reorder, then compose to NFC so `0xE2 'e'` becomes a single `é`.

use unicode_normalization::UnicodeNormalization;

/// Spacing (non-combining) characters in 0xA1..=0xCF.
fn spacing(b: u8) -> Option<char> {
    Some(match b {
        0xA1 => 'Ł',
        0xA2 => 'Ø',
        0xA3 => 'Đ',
        0xA4 => 'Þ',
        0xA5 => 'Æ',
        0xA6 => 'Œ',
        0xA7 => '\u{02B9}',
        0xA8 => '·',
        0xA9 => '♭',
        0xAA => '®',
        0xAB => '±',
        0xAC => 'Ơ',
        0xAD => 'Ư',
        0xAE => '\u{02BC}',
        0xB0 => '\u{02BB}',
        0xB1 => 'ł',
        0xB2 => 'ø',
        0xB3 => 'đ',
        0xB4 => 'þ',
        0xB5 => 'æ',
        0xB6 => 'œ',
        0xB7 => '\u{02BA}',
        0xB8 => 'ı',
        0xB9 => '£',
        0xBA => 'ð',
        0xBC => 'ơ',
        0xBD => 'ư',
        0xBE => '□',
        0xBF => '■',
        0xC0 => '°',
        0xC1 => 'ℓ',
        0xC2 => '℗',
        0xC3 => '©',
        0xC4 => '♯',
        0xC5 => '¿',
        0xC6 => '¡',
        0xC7 => 'ß',
        0xC8 => '€',
        0xCD => 'e',
        0xCE => 'o',
        0xCF => 'ß',
        _ => return None,
    })
}

/// Combining diacritics in 0xE0..=0xFE (written before the base letter).
fn combining(b: u8) -> Option<char> {
    Some(match b {
        0xE0 => '\u{0309}',
        0xE1 => '\u{0300}',
        0xE2 => '\u{0301}',
        0xE3 => '\u{0302}',
        0xE4 => '\u{0303}',
        0xE5 => '\u{0304}',
        0xE6 => '\u{0306}',
        0xE7 => '\u{0307}',
        0xE8 => '\u{0308}',
        0xE9 => '\u{030C}',
        0xEA => '\u{030A}',
        0xEB => '\u{FE20}',
        0xEC => '\u{FE21}',
        0xED => '\u{0315}',
        0xEE => '\u{030B}',
        0xEF => '\u{0310}',
        0xF0 => '\u{0327}',
        0xF1 => '\u{0328}',
        0xF2 => '\u{0323}',
        0xF3 => '\u{0324}',
        0xF4 => '\u{0325}',
        0xF5 => '\u{0333}',
        0xF6 => '\u{0332}',
        0xF7 => '\u{0326}',
        0xF8 => '\u{031C}',
        0xF9 => '\u{032E}',
        0xFA => '\u{FE22}',
        0xFB => '\u{FE23}',
        0xFE => '\u{0313}',
        _ => return None,
    })
}

/// Decode one line of ANSEL. Returns the text and how many bytes had no meaning in ANSEL
/// (each became U+FFFD).
pub fn decode(bytes: &[u8]) -> (String, usize) {
    if bytes.is_ascii() {
        return (bytes.iter().map(|&b| char::from(b)).collect(), 0);
    }
    let mut out = String::with_capacity(bytes.len());
    let mut pending: Vec<char> = Vec::new();
    let mut unknown = 0;
    for &b in bytes {
        if let Some(c) = combining(b) {
            pending.push(c);
            continue;
        }
        let base = if b < 0x80 {
            char::from(b)
        } else if let Some(c) = spacing(b) {
            c
        } else {
            unknown += 1;
            '\u{FFFD}'
        };
        out.push(base);
        // Unicode order: base first, then its marks.
        out.extend(pending.drain(..));
    }
    // Marks with nothing after them: keep them on a space so they are not lost.
    if !pending.is_empty() {
        out.push(' ');
        out.extend(pending.drain(..));
    }
    (out.nfc().collect(), unknown)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn composes_precomposed_letters() {
        // "Württemberg": ANSEL writes the umlaut (0xE8) before the 'u'.
        let (s, bad) = decode(b"W\xE8urttemberg");
        assert_eq!(s, "Württemberg");
        assert_eq!(bad, 0);
        let (s, _) = decode(b"Fran\xF0cois \xE2Eug\xE2ene");
        assert_eq!(s, "François Éugéne");
        let (s, _) = decode(b"\xA1\xB1\xB2\xC7");
        assert_eq!(s, "Łłøß");
    }

    #[test]
    fn unknown_bytes_become_replacement_chars() {
        let (s, bad) = decode(b"a\x80b\xE8");
        assert_eq!(bad, 1);
        assert!(s.starts_with("a\u{FFFD}b"));
    }
}

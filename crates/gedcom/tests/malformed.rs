// Test helpers (outside `#[test]` functions): a failure here stops the run, loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use wikikin_gedcom::parse;

fn error_line(src: &[u8]) -> (usize, String) {
    let e = parse(src).expect_err("should fail");
    assert!(!e.message.is_empty());
    assert!(e.to_string().contains(&e.message));
    (e.line, e.message)
}

#[test]
fn empty_and_blank_files() {
    for src in [&b""[..], b"\n\n", b"   \r\n"] {
        let (line, msg) = error_line(src);
        assert_eq!(line, 0);
        assert!(msg.contains("empty"), "{msg}");
    }
}

#[test]
fn bad_level() {
    let (line, msg) = error_line(b"0 HEAD\n1 CHAR UTF-8\nX NAME foo\n0 TRLR\n");
    assert_eq!(line, 3);
    assert!(msg.contains("level"), "{msg}");
    let (line, _) = error_line(b"0 HEAD\n123 NAME foo\n");
    assert_eq!(line, 2);
    // Jumping two levels deeper.
    let (line, msg) = error_line(b"0 HEAD\n0 @I1@ INDI\n2 DATE 1900\n");
    assert_eq!(line, 3);
    assert!(msg.contains("jumps"), "{msg}");
    // First line not level 0.
    let (line, _) = error_line(b"1 NAME x\n");
    assert_eq!(line, 1);
    // No space after the level.
    let (line, _) = error_line(b"0 HEAD\n1NAME x\n");
    assert_eq!(line, 2);
}

#[test]
fn missing_or_bad_tag() {
    let (line, msg) = error_line(b"0 HEAD\n0 @I1@ INDI\n1 \n0 TRLR\n");
    assert_eq!(line, 3);
    assert!(msg.contains("tag"), "{msg}");
    let (line, msg) = error_line(b"0 HEAD\n0 @I1@\n");
    assert_eq!(line, 2);
    assert!(msg.contains("tag"), "{msg}");
    let (line, _) = error_line(b"0 HEAD\n1 NA{ME x\n");
    assert_eq!(line, 2);
    let (line, msg) = error_line(b"0 HEAD\n0 @I1 INDI\n");
    assert_eq!(line, 2);
    assert!(msg.contains("@"), "{msg}");
    let (line, _) = error_line(b"0 CONT x\n");
    assert_eq!(line, 1);
}

#[test]
fn garbage_bytes() {
    let (line, _) = error_line(b"0 HEAD\n1 CHAR UTF-8\n\x00\x01\x02\xff\xfe\n");
    assert_eq!(line, 3);
    let (line, _) = error_line(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    assert_eq!(line, 1);
    let (line, _) = error_line(b"0 HEAD\n\xff\xff\xff\n");
    assert_eq!(line, 2);
}

/// A tiny deterministic generator (xorshift) to throw many random inputs at the parser:
/// it must return Ok or a line-numbered Err, never panic.
#[test]
fn random_inputs_never_panic() {
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let alphabet: &[u8] = b"0123 @IF/_\n\r\tABCDEFNAMEHUSBWIFECHILCONTCONCDATEABT\xe8\xff\x00";
    let royal = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/royal92.ged"
    ))
    .unwrap();
    for round in 0..3000 {
        let input: Vec<u8> = if round % 3 == 0 {
            // Mutate a slice of the real file.
            let start = (next() as usize) % (royal.len() - 600);
            let mut v = royal[start..start + 500].to_vec();
            for _ in 0..5 {
                let at = (next() as usize) % v.len();
                v[at] = alphabet[(next() as usize) % alphabet.len()];
            }
            v
        } else {
            let len = (next() % 200) as usize;
            (0..len)
                .map(|_| alphabet[(next() as usize) % alphabet.len()])
                .collect()
        };
        match parse(&input) {
            Ok(_) => {}
            Err(e) => {
                let lines = input.split(|&b| b == b'\n' || b == b'\r').count();
                assert!(e.line <= lines, "line {} of {lines}: {e}", e.line);
            }
        }
    }
}

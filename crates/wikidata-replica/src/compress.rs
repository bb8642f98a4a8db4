//! gzip like Wikimedia's edge and WDQS: a data answer is sent `Content-Encoding: gzip` when the
//! request's `Accept-Encoding` allows gzip, with `Vary: Accept-Encoding` on every data answer
//! (compressed or not, as Wikimedia sends it). `--no-gzip` turns it off.

use std::io::Write as _;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::Response;

/// zlib level 4: fast (a 300 KB entity in a few ms) and within a few percent of level 6.
pub const LEVEL: u32 = 4;

/// Whether an `Accept-Encoding` value allows gzip: `gzip` or `x-gzip` with a q above 0, or `*`
/// with a q above 0 when gzip is not refused by name (`gzip;q=0`).
pub fn accepts_gzip(accept_encoding: &str) -> bool {
    let mut star = false;
    for item in accept_encoding.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| {
                let (k, v) = p.split_once('=')?;
                k.trim()
                    .eq_ignore_ascii_case("q")
                    .then(|| v.trim().parse::<f64>().ok())?
            })
            .next()
            .unwrap_or(1.0);
        match coding.as_str() {
            "gzip" | "x-gzip" => return q > 0.0,
            "*" => star = q > 0.0,
            _ => {}
        }
    }
    star
}

/// gzip bytes at [`LEVEL`].
pub fn gzip(body: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(
        Vec::with_capacity(body.len() / 4 + 64),
        Compression::new(LEVEL),
    );
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(body);
    enc.finish().unwrap_or_default()
}

/// Adds `Vary: Accept-Encoding`, and compresses a non-empty body when `accept_encoding` allows
/// gzip (`Content-Encoding: gzip`).
pub fn encode(r: &mut Response, accept_encoding: Option<&str>) {
    if !r
        .headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("Vary"))
    {
        r.headers.push(("Vary".into(), "Accept-Encoding".into()));
    }
    if r.body.is_empty() || !accept_encoding.is_some_and(accepts_gzip) {
        return;
    }
    r.body = gzip(&r.body);
    r.headers.push(("Content-Encoding".into(), "gzip".into()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_values() {
        assert!(accepts_gzip("gzip"));
        assert!(accepts_gzip("gzip, deflate, br, zstd"));
        assert!(accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
        assert!(accepts_gzip("x-gzip"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0"));
        assert!(!accepts_gzip("*, gzip;q=0"));
        assert!(!accepts_gzip("identity"));
        assert!(!accepts_gzip("br, deflate"));
        assert!(!accepts_gzip(""));
        assert!(!accepts_gzip("*;q=0"));
    }

    #[test]
    fn gzip_round_trip() {
        use std::io::Read as _;
        let text = "{\"entities\":{}}".repeat(100);
        let z = gzip(text.as_bytes());
        assert!(z.len() < text.len() / 5);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&z[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
    }
}

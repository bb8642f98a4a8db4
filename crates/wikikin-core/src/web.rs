//! What the app needs around requests: reading a person from what the user typed, checking an
//! endpoint, building entity / search / image / page URLs, and reading search results.

use crate::config::{language_chain, FetchMode};
use crate::Qid;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};

/// The public Wikidata.
pub const DEFAULT_ENDPOINT: &str = "https://www.wikidata.org";

/// Everything but the unreserved characters of RFC 3986 is encoded (so `/` too: `../` is harmless).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes a URL component (query value or one path segment).
pub fn encode_component(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

fn shorten(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        t.push('…');
    }
    t
}

/// Reads a person from what the user typed: `Q42`, `q42`, `https://www.wikidata.org/wiki/Q42`,
/// `http://www.wikidata.org/entity/Q42`, `wikidata.org/wiki/Special:EntityData/Q42.json`.
pub fn parse_person_input(input: &str) -> Result<Qid, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("Type a Wikidata item id like Q42, or paste a wikidata.org link.".into());
    }
    if let Ok(q) = s.parse::<Qid>() {
        return Ok(q);
    }
    // The last path segment of a link, without query, fragment or file extension.
    let no_frag = s.split(['#', '?']).next().unwrap_or(s);
    let last = no_frag
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let last = last.strip_prefix("Item:").unwrap_or(last);
    let stem = match last.rsplit_once('.') {
        Some((stem, ext))
            if ["json", "ttl", "rdf", "nt", "jsonld", "php", "n3"]
                .contains(&ext.to_ascii_lowercase().as_str()) =>
        {
            stem
        }
        _ => last,
    };
    if let Ok(q) = stem.parse::<Qid>() {
        return Ok(q);
    }
    let looks_like_property = stem.len() > 1
        && (stem.starts_with('P') || stem.starts_with('p'))
        && stem.bytes().skip(1).all(|b| b.is_ascii_digit());
    if looks_like_property {
        return Err(format!(
            "“{}” is a Wikidata property, not a person: give an item id like Q42.",
            shorten(stem)
        ));
    }
    Err(format!(
        "“{}” is not a Wikidata item: give an id like Q42 or a link like https://www.wikidata.org/wiki/Q42.",
        shorten(s)
    ))
}

/// Checks and normalises an endpoint: an absolute `http`/`https` URL with a host, no user name
/// or password, no query or fragment; returned in lower-case scheme and host, without a
/// trailing slash.
pub fn parse_endpoint(input: &str) -> Result<String, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("The endpoint is empty: give a URL like https://www.wikidata.org.".into());
    }
    let (scheme, rest) = match s.split_once(':') {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
        None => {
            return Err(format!(
                "“{}” is not a URL: give one like https://www.wikidata.org.",
                shorten(s)
            ))
        }
    };
    if scheme != "http" && scheme != "https" {
        return Err(format!(
            "Only http and https endpoints are allowed, not “{}:”.",
            shorten(&scheme)
        ));
    }
    let Some(rest) = rest.strip_prefix("//") else {
        return Err(format!(
            "“{}” is not an absolute URL: give one like https://www.wikidata.org.",
            shorten(s)
        ));
    };
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("The endpoint must not contain spaces or control characters.".into());
    }
    if rest.contains(['?', '#']) {
        return Err("The endpoint must not have a query (?…) or fragment (#…).".into());
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err("The endpoint must not contain a user name or password.".into());
    }
    let (host, port) = if let Some(end) = authority.strip_prefix('[').and_then(|a| a.find(']')) {
        // [IPv6]:port
        let host = authority.get(..end + 2).unwrap_or(authority);
        let port = authority.get(end + 2..).unwrap_or("");
        (host, port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (
                h,
                if p.is_empty() {
                    ":"
                } else {
                    &authority[h.len()..]
                },
            ),
            None => (authority, ""),
        }
    };
    let host_ok = match host.strip_prefix('[') {
        Some(v6) => v6.strip_suffix(']').is_some_and(|inner| {
            !inner.is_empty()
                && inner
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        }),
        None => {
            !host.is_empty()
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        }
    };
    if !host_ok {
        return Err(format!("“{}” is not a valid host name.", shorten(host)));
    }
    if !port.is_empty() {
        let digits = port.strip_prefix(':').unwrap_or("");
        if digits.is_empty()
            || digits.len() > 5
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || digits.parse::<u32>().map_or(true, |p| p == 0 || p > 65535)
        {
            return Err(format!("“{}” is not a valid port.", shorten(port)));
        }
    }
    let path = path.trim_end_matches('/');
    Ok(format!(
        "{scheme}://{}{port}{path}",
        host.to_ascii_lowercase()
    ))
}

/// The URL that fetches these entities, a CORS-simple GET (no custom headers needed):
/// `{base}/wiki/Special:EntityData/Q1.json` (the first id only), or `wbgetentities` for all
/// of them with only the props and the label languages ([`language_chain`]) needed (also for
/// [`FetchMode::Sparql`]: the entity JSON is what it falls back to).
pub fn entities_url(base: &str, fetch: FetchMode, ids: &[Qid], languages: &[String]) -> String {
    let base = base.trim_end_matches('/');
    match fetch {
        FetchMode::EntityData => {
            let id = ids.first().copied().unwrap_or(Qid(0));
            format!("{base}/wiki/Special:EntityData/{id}.json")
        }
        FetchMode::GetEntities | FetchMode::Sparql => {
            let ids: Vec<String> = ids.iter().map(Qid::to_string).collect();
            let langs: Vec<String> = language_chain(languages)
                .into_iter()
                .map(encode_component)
                .collect();
            format!(
                "{base}/w/api.php?action=wbgetentities&ids={}&props=labels%7Cdescriptions%7Cclaims&languages={}&languagefallback=1&format=json&origin=*",
                ids.join("%7C"),
                langs.join("%7C")
            )
        }
    }
}

/// The item's page: `{endpoint}/wiki/Q42`.
pub fn entity_page_url(endpoint: &str, id: Qid) -> String {
    format!("{}/wiki/{id}", endpoint.trim_end_matches('/'))
}

/// A thumbnail URL for a P18 file: Commons' `Special:FilePath` for the default endpoint, the
/// endpoint's own `Special:FilePath` otherwise. The file name is percent-encoded (spaces become
/// underscores), so `../` or `?` in it cannot escape the path.
pub fn image_url(endpoint: &str, file: &str, width: u32) -> String {
    let endpoint = endpoint.trim_end_matches('/');
    let base = if endpoint == DEFAULT_ENDPOINT || endpoint == "https://wikidata.org" {
        "https://commons.wikimedia.org"
    } else {
        endpoint
    };
    let name = file.trim().replace(' ', "_");
    format!(
        "{base}/wiki/Special:FilePath/{}?width={width}",
        encode_component(&name)
    )
}

/// The `wbsearchentities` URL for a name typed by the user (items only, CORS-simple GET).
pub fn search_url(endpoint: &str, text: &str, language: &str, limit: u32) -> String {
    let lang = if language.is_empty() { "en" } else { language };
    format!(
        "{}/w/api.php?action=wbsearchentities&search={}&language={l}&uselang={l}&type=item&limit={}&format=json&origin=*",
        endpoint.trim_end_matches('/'),
        encode_component(text.trim()),
        limit.clamp(1, 50),
        l = encode_component(lang),
    )
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub id: Qid,
    pub label: String,
    pub description: Option<String>,
}

#[derive(Deserialize)]
struct SearchResponse {
    search: Option<Vec<serde_json::Value>>,
    error: Option<SearchError>,
}

#[derive(Deserialize)]
struct SearchError {
    code: Option<String>,
    info: Option<String>,
}

/// Reads a `wbsearchentities` response. Entries that are not items are skipped.
pub fn parse_search(body: &[u8]) -> Result<Vec<SearchHit>, String> {
    let r: SearchResponse = serde_json::from_slice(body)
        .map_err(|e| format!("The search answer could not be read: {e}"))?;
    if let Some(e) = r.error {
        return Err(format!(
            "Wikidata answered the search with an error: {} ({})",
            e.info.unwrap_or_else(|| "no details given".into()),
            e.code.unwrap_or_else(|| "error".into())
        ));
    }
    let Some(list) = r.search else {
        return Err("The search answer has no results list.".into());
    };
    let mut out = Vec::new();
    for v in list {
        let Some(id) = v
            .get("id")
            .and_then(|i| i.as_str())
            .and_then(|i| i.parse::<Qid>().ok())
        else {
            continue;
        };
        let text = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .map(str::to_owned)
                .or_else(|| {
                    v.get("display")
                        .and_then(|d| d.get(k))
                        .and_then(|d| d.get("value"))
                        .and_then(|x| x.as_str())
                        .map(str::to_owned)
                })
                .map(crate::entity::clean_text)
        };
        out.push(SearchHit {
            id,
            label: text("label").unwrap_or_else(|| id.to_string()),
            description: text("description"),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_input_forms() {
        for s in [
            "Q42",
            "q42",
            " Q42 ",
            "https://www.wikidata.org/wiki/Q42",
            "http://www.wikidata.org/entity/Q42",
            "https://www.wikidata.org/entity/Q42",
            "wikidata.org/wiki/Special:EntityData/Q42.json",
            "https://www.wikidata.org/wiki/Special:EntityData/Q42.json",
            "https://m.wikidata.org/wiki/Q42?uselang=de#P22",
            "https://www.wikidata.org/wiki/Item:Q42",
            "https://www.wikidata.org/wiki/Q42/",
        ] {
            assert_eq!(parse_person_input(s), Ok(Qid(42)), "{s}");
        }
        for s in [
            "",
            "42",
            "Douglas Adams",
            "https://example.org/",
            "Q0",
            "Q42x",
        ] {
            let e = parse_person_input(s).unwrap_err();
            assert!(e.contains("Q42"), "{s}: {e}");
        }
        assert!(parse_person_input("P22").unwrap_err().contains("property"));
        let long = "x".repeat(10_000);
        assert!(parse_person_input(&long).unwrap_err().len() < 300);
    }

    #[test]
    fn endpoints_are_checked_and_normalised() {
        assert_eq!(
            parse_endpoint("https://www.wikidata.org/"),
            Ok("https://www.wikidata.org".into())
        );
        assert_eq!(
            parse_endpoint("  HTTP://LocalHost:8080/replica// "),
            Ok("http://localhost:8080/replica".into())
        );
        assert_eq!(
            parse_endpoint("http://[::1]:9000"),
            Ok("http://[::1]:9000".into())
        );
        for (bad, word) in [
            ("javascript:alert(1)", "http"),
            ("data:text/html,hi", "http"),
            ("file:///etc/passwd", "http"),
            ("ftp://x.org", "http"),
            ("https://user:pw@www.wikidata.org", "password"),
            ("https://www.wikidata.org?x=1", "query"),
            ("https://", "host"),
            ("https:www.wikidata.org", "absolute"),
            ("https://exa mple.org", "spaces"),
            ("https://a.org:99999", "port"),
            ("https://a.org:", "port"),
            ("http://[::1", "host"),
            ("http://[zz]:80", "host"),
            ("http://[]", "host"),
            ("www.wikidata.org", "URL"),
            ("", "empty"),
        ] {
            let e = parse_endpoint(bad).unwrap_err();
            assert!(e.contains(word), "{bad}: {e}");
        }
    }

    #[test]
    fn image_urls() {
        assert_eq!(
            image_url(DEFAULT_ENDPOINT, "Douglas adams portrait cropped.jpg", 120),
            "https://commons.wikimedia.org/wiki/Special:FilePath/Douglas_adams_portrait_cropped.jpg?width=120"
        );
        assert_eq!(
            image_url("http://localhost:8080", "../../etc/passwd?x=1#y", 64),
            "http://localhost:8080/wiki/Special:FilePath/..%2F..%2Fetc%2Fpasswd%3Fx%3D1%23y?width=64"
        );
        assert_eq!(
            image_url(DEFAULT_ENDPOINT, "Élisabeth.png", 1),
            "https://commons.wikimedia.org/wiki/Special:FilePath/%C3%89lisabeth.png?width=1"
        );
        assert_eq!(
            entity_page_url("https://www.wikidata.org/", Qid(42)),
            "https://www.wikidata.org/wiki/Q42"
        );
    }

    #[test]
    fn search_url_and_results() {
        assert_eq!(
            search_url(DEFAULT_ENDPOINT, "Elizabeth II & co", "en", 7),
            "https://www.wikidata.org/w/api.php?action=wbsearchentities&search=Elizabeth%20II%20%26%20co&language=en&uselang=en&type=item&limit=7&format=json&origin=*"
        );
        let body = br#"{"searchinfo":{"search":"douglas"},"search":[
            {"id":"Q42","title":"Q42","pageid":138,"display":{"label":{"value":"Douglas Adams","language":"en"}},
             "label":"Douglas Adams","description":"English writer","match":{"type":"label"}},
            {"id":"P42","label":"not an item"},
            {"id":"Q5","display":{"label":{"value":"human","language":"en"}}},
            {"id":"Q7"}
        ],"success":1}"#;
        let hits = parse_search(body).unwrap();
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].label, "Douglas Adams");
        assert_eq!(hits[0].description.as_deref(), Some("English writer"));
        assert_eq!(hits[1].label, "human");
        assert_eq!(hits[2].label, "Q7");
        assert!(parse_search(
            br#"{"error":{"code":"param-missing","info":"The search parameter must be set."}}"#
        )
        .unwrap_err()
        .contains("must be set"));
        assert!(parse_search(b"<html>")
            .unwrap_err()
            .contains("could not be read"));
        assert!(parse_search(br#"{"search":[{"id":"Q1""#).is_err());
    }
}

//! The response type and the shapes every endpoint answers with: common headers (CORS,
//! caching), JSON bodies, Wikidata-like HTML error pages, MediaWiki API errors.

/// An HTTP-like response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Body as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Body parsed as JSON.
    pub fn json(&self) -> Result<serde_json::Value, String> {
        serde_json::from_slice(&self.body).map_err(|e| format!("response is not JSON: {e}"))
    }
}

const API_HELP: &str = "See https://www.wikidata.org/w/api.php for API usage. Subscribe to the mediawiki-api-announce mailing list at &lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; for notice of API deprecations and breaking changes.";

pub(crate) fn base_headers(content_type: &str) -> Vec<(String, String)> {
    vec![
        ("Content-Type".into(), content_type.into()),
        ("Access-Control-Allow-Origin".into(), "*".into()),
        // As MediaWiki's api.php does, so that browser code can read these across origins.
        (
            "Access-Control-Expose-Headers".into(),
            "MediaWiki-API-Error, Retry-After, X-Database-Lag".into(),
        ),
        (
            "Cache-Control".into(),
            "public, s-maxage=3600, max-age=3600".into(),
        ),
        ("X-Replica".into(), "wikikin".into()),
    ]
}

const JSON_TYPE: &str = "application/json; charset=utf-8";
const HTML_TYPE: &str = "text/html; charset=utf-8";

pub(crate) fn html(status: u16, title: &str, text: &str) -> Response {
    let mut esc = String::new();
    for c in text.chars() {
        match c {
            '<' => esc.push_str("&lt;"),
            '>' => esc.push_str("&gt;"),
            '&' => esc.push_str("&amp;"),
            '"' => esc.push_str("&quot;"),
            c => esc.push(c),
        }
    }
    let mut headers = base_headers(HTML_TYPE);
    if status >= 400 {
        uncacheable(&mut headers);
    }
    Response {
        status,
        headers,
        body: format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{esc}</p></body></html>\n"
        )
        .into_bytes(),
    }
}

pub(crate) fn json_response(status: u16, body: String) -> Response {
    Response {
        status,
        headers: base_headers(JSON_TYPE),
        body: body.into_bytes(),
    }
}

/// MediaWiki API errors come with HTTP 200 and a `MediaWiki-API-Error` header.
pub(crate) fn api_error(code: &str, info: &str, extra: &[(&str, serde_json::Value)]) -> Response {
    let mut err = serde_json::Map::new();
    err.insert("code".into(), code.into());
    err.insert("info".into(), info.into());
    for (k, v) in extra {
        err.insert((*k).into(), v.clone());
    }
    err.insert("*".into(), API_HELP.into());
    let body = serde_json::json!({"error": err, "servedby": "mw-api-ext.replica"});
    let mut r = json_response(200, body.to_string());
    uncacheable(&mut r.headers);
    r.headers
        .push(("MediaWiki-API-Error".into(), code.to_string()));
    r
}

/// Error answers are not cached, as on Wikimedia's servers (a retry must reach the server).
fn uncacheable(headers: &mut [(String, String)]) {
    for (k, v) in headers.iter_mut() {
        if k.eq_ignore_ascii_case("Cache-Control") {
            *v = "private, s-maxage=0, max-age=0, must-revalidate".into();
        }
    }
}

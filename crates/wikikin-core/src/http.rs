//! HTTP rules the crawl follows: `Retry-After` (delay-seconds or an HTTP date) and the reason
//! phrases of the statuses it reports, and [`HttpCall`], one request as the driver makes it.

/// One request to make: a GET of `url`, or — when `form` is set — a POST of `form` to `url` as
/// `application/x-www-form-urlencoded` (a CORS-safelisted type, so still no preflight).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpCall {
    pub url: String,
    /// The form-encoded body of a POST.
    pub form: Option<String>,
    /// A query to the query service (which spends server time on it), not an entity fetch.
    pub query: bool,
}

impl HttpCall {
    /// The content type of a POST's body.
    pub const FORM_TYPE: &'static str = "application/x-www-form-urlencoded";

    /// A GET of `url` that is not a query.
    pub fn get(url: String) -> HttpCall {
        HttpCall {
            url,
            form: None,
            query: false,
        }
    }

    /// The method: `GET`, or `POST` with a form.
    pub fn method(&self) -> &'static str {
        if self.form.is_some() {
            "POST"
        } else {
            "GET"
        }
    }

    /// The request as one URL: a POST's form appended as the query string (what the same
    /// request as a GET would be; for logs and reports).
    pub fn as_get_url(&self) -> String {
        match &self.form {
            Some(f) => format!("{}?{f}", self.url),
            None => self.url.clone(),
        }
    }
}

/// `Retry-After` in milliseconds to wait: delay-seconds or an HTTP date (compared with
/// `now_ms` as Unix time in ms). `None` when absent or unreadable.
pub fn parse_retry_after(value: Option<&str>, now_ms: f64) -> Option<f64> {
    let v = value?.trim();
    if v.is_empty() {
        return None;
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse::<f64>().ok().map(|s| s * 1000.0);
    }
    let at = parse_http_date(v)?;
    Some((at - now_ms).max(0.0))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) to Unix milliseconds.
pub fn parse_http_date(s: &str) -> Option<f64> {
    let rest = s.split_once(", ").map_or(s, |(_, r)| r);
    let mut it = rest.split_whitespace();
    let day: i64 = it.next()?.parse().ok()?;
    let mon = it.next()?;
    let year: i64 = it.next()?.parse().ok()?;
    let time = it.next()?;
    let zone = it.next()?;
    if zone != "GMT" && zone != "UTC" {
        return None;
    }
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = i64::try_from(M.iter().position(|m| *m == mon)?).ok()? + 1;
    let mut t = time.split(':');
    let h: i64 = t.next()?.parse().ok()?;
    let mi: i64 = t.next()?.parse().ok()?;
    let se: i64 = t.next()?.parse().ok()?;
    if !(1..=31).contains(&day) || h > 23 || mi > 59 || se > 60 || !(1970..=9999).contains(&year) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146097 + doe - 719468;
    Some(((days * 86400 + h * 3600 + mi * 60 + se) * 1000) as f64)
}

/// The reason phrase of a status the crawl may report ("" for others).
pub fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        414 => "URI Too Long",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after(Some("5"), 0.0), Some(5000.0));
        assert_eq!(parse_retry_after(Some(" 0 "), 0.0), Some(0.0));
        assert_eq!(parse_retry_after(None, 0.0), None);
        assert_eq!(parse_retry_after(Some("soon"), 0.0), None);
        assert_eq!(parse_retry_after(Some("-3"), 0.0), None);
        let t = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(t, 784111777000.0);
        assert_eq!(
            parse_retry_after(Some("Sun, 06 Nov 1994 08:49:47 GMT"), t),
            Some(10_000.0)
        );
        // A date in the past means now.
        assert_eq!(
            parse_retry_after(Some("Sun, 06 Nov 1994 08:49:37 GMT"), t + 5000.0),
            Some(0.0)
        );
        assert_eq!(parse_http_date("Sun, 32 Nov 1994 08:49:37 GMT"), None);
    }

    #[test]
    fn reasons_of_reported_statuses() {
        assert_eq!(reason(429), "Too Many Requests");
        assert_eq!(reason(599), "");
    }
}

//! `/sparql` (and WDQS's long path `/bigdata/namespace/wdq/sparql`): the query from `?query=`
//! (GET), a form-encoded POST body or an `application/sparql-query` POST body; the result format
//! from `format=` or `Accept` (JSON when neither asks for another); WDQS's error answers: 400
//! with the parser's message, and HTTP 500 with a `java.util.concurrent.TimeoutException` body
//! for a query past its deadline (Blazegraph's answer, the one the WDQS user interface turns into
//! "Query timeout limit reached").

use std::time::Duration;

use crate::response::base_headers;
use crate::route::{param, Request};
use crate::sparql::{Format, QueryError};
use crate::{Replica, Response};

fn text(status: u16, body: String) -> Response {
    let mut headers = base_headers("text/plain; charset=utf-8");
    for (k, v) in headers.iter_mut() {
        if k.eq_ignore_ascii_case("Cache-Control") {
            *v = "private, s-maxage=0, max-age=0, must-revalidate".into();
        }
    }
    Response {
        status,
        headers,
        body: body.into_bytes(),
    }
}

/// The answer WDQS gives a query that ran past its time (Blazegraph's stack trace, shortened).
pub(crate) fn timeout_response(query: &str) -> Response {
    text(
        500,
        format!(
            "SPARQL-QUERY: queryStr={query}\njava.util.concurrent.TimeoutException\n\tat java.util.concurrent.FutureTask.get(FutureTask.java:205)\n\tat com.bigdata.rdf.sail.webapp.BigdataServlet.submitApiTask(BigdataServlet.java:292)\n\tat com.bigdata.rdf.sail.webapp.QueryServlet.doSparqlQuery(QueryServlet.java:678)\n"
        ),
    )
}

fn format_of(query_string: &str, form: &str, accept: Option<&str>) -> Format {
    let by_name = |f: &str| match f {
        "xml" => Some(Format::Xml),
        "csv" => Some(Format::Csv),
        "tsv" => Some(Format::Tsv),
        "json" => Some(Format::Json),
        _ => None,
    };
    if let Some(f) = param(query_string, "format")
        .or_else(|| param(form, "format"))
        .and_then(|f| by_name(&f))
    {
        return f;
    }
    let accept = accept.unwrap_or("").to_ascii_lowercase();
    for (mime, f) in [
        ("application/sparql-results+json", Format::Json),
        ("application/json", Format::Json),
        ("application/sparql-results+xml", Format::Xml),
        ("text/csv", Format::Csv),
        ("text/tab-separated-values", Format::Tsv),
    ] {
        if accept.contains(mime) {
            return f;
        }
    }
    Format::Json
}

impl Replica {
    /// Answers `/sparql`; `timed_out` is set when the query ran past `budget`.
    pub(crate) fn sparql(&self, r: &Request, query_string: &str, timed_out: &mut bool) -> Response {
        let is_form = r
            .content_type
            .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
        let is_sparql_body = r
            .content_type
            .is_some_and(|c| c.starts_with("application/sparql-query"));
        let form = if is_form {
            String::from_utf8_lossy(r.body).into_owned()
        } else {
            String::new()
        };
        let query = if is_sparql_body {
            Some(String::from_utf8_lossy(r.body).into_owned())
        } else {
            param(query_string, "query").or_else(|| param(&form, "query"))
        };
        let Some(query) = query else {
            return text(
                400,
                "No query: give one as ?query=… or in a form-encoded POST body.\n".into(),
            );
        };
        if r.method.eq_ignore_ascii_case("POST") {
            self.stats().sparql_posts += 1;
        }
        let format = format_of(query_string, &form, r.accept);
        if r.budget == Some(Duration::ZERO) {
            *timed_out = true;
            return timeout_response(&query);
        }
        let store = match self.sparql_store() {
            Ok(s) => s,
            Err(e) => return text(500, format!("SPARQL store unavailable: {e}\n")),
        };
        match store.query(&query, format, r.budget) {
            Ok((body, content_type)) => {
                let mut headers = base_headers(content_type);
                for (k, v) in headers.iter_mut() {
                    if k.eq_ignore_ascii_case("Cache-Control") {
                        // WDQS caches query results for five minutes.
                        *v = "public, max-age=300".into();
                    }
                }
                Response {
                    status: 200,
                    headers,
                    body,
                }
            }
            Err(QueryError::Syntax(e)) => text(
                400,
                format!("SPARQL-QUERY: queryStr={query}\njava.util.concurrent.ExecutionException: org.openrdf.query.MalformedQueryException: {e}\n"),
            ),
            Err(QueryError::Timeout) => {
                *timed_out = true;
                timeout_response(&query)
            }
            Err(QueryError::Evaluation(e)) => text(
                500,
                format!("SPARQL-QUERY: queryStr={query}\njava.util.concurrent.ExecutionException: {e}\n"),
            ),
        }
    }
}

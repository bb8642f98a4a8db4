//! The one place the app touches the network: a CORS-simple request (a GET, or a form-encoded
//! POST for a long query; no custom headers, so no preflight) that can be aborted and timed
//! out, and the name search.

use futures::future::{select, Either};
use futures::FutureExt;
use gloo_timers::future::TimeoutFuture;
use wikikin_core::{search_url, HttpCall, RequestFailure, SearchHit};
use wikikin_view::search::{network_failure_words, search_reply, SEARCH_LIMIT, SEARCH_TIMEOUT_MS};

/// What came back for a request.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
}

/// Makes `call` (a GET, or a POST of its form). `abort` cancels it from outside; `timeout_ms`
/// (if not zero) gives up on a request that gets no answer.
pub async fn send(
    call: &HttpCall,
    abort: &web_sys::AbortController,
    timeout_ms: u32,
) -> Result<Reply, RequestFailure> {
    let signal = abort.signal();
    let request = async move {
        let built = match &call.form {
            None => gloo_net::http::Request::get(&call.url)
                .abort_signal(Some(&signal))
                .build(),
            // `application/x-www-form-urlencoded` is CORS-safelisted: still no preflight.
            Some(form) => gloo_net::http::Request::post(&call.url)
                .header("Content-Type", HttpCall::FORM_TYPE)
                .abort_signal(Some(&signal))
                .body(form.as_str()),
        };
        let resp = built
            .map_err(|e| failure_of(&e, &signal))?
            .send()
            .await
            .map_err(|e| failure_of(&e, &signal))?;
        let status = resp.status();
        // Only readable when the server exposes it (CORS); otherwise the core's default backoff.
        let retry_after = resp.headers().get("retry-after");
        let body = resp.binary().await.map_err(|e| {
            if signal.aborted() {
                RequestFailure::Aborted
            } else {
                RequestFailure::Network(format!(
                    "the answer (HTTP {status}) was cut off before it was complete ({e})"
                ))
            }
        })?;
        Ok(Reply {
            status,
            retry_after,
            body,
        })
    }
    .boxed_local();
    if timeout_ms == 0 {
        return request.await;
    }
    match select(request, TimeoutFuture::new(timeout_ms)).await {
        Either::Left((result, _)) => result,
        Either::Right(((), _)) => {
            abort.abort();
            Err(RequestFailure::Timeout)
        }
    }
}

fn failure_of(e: &gloo_net::Error, signal: &web_sys::AbortSignal) -> RequestFailure {
    if signal.aborted() {
        RequestFailure::Aborted
    } else {
        RequestFailure::Network(network_failure_words(&e.to_string()))
    }
}

/// Searches people by name (`wbsearchentities`). An aborted search (superseded, or its field
/// gone) is no hits.
pub async fn search(
    endpoint: &str,
    text: &str,
    lang: &str,
    abort: &web_sys::AbortController,
) -> Result<Vec<SearchHit>, String> {
    let call = HttpCall::get(search_url(endpoint, text, lang, SEARCH_LIMIT));
    match send(&call, abort, SEARCH_TIMEOUT_MS).await {
        Ok(reply) => search_reply(Ok((reply.status, &reply.body))),
        Err(failure) => search_reply(Err(failure)),
    }
}

/// `performance.now()` in milliseconds (0 when unavailable).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

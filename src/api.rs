//! The one place the app touches the network: a CORS-simple GET (no custom headers, so no
//! preflight) that can be aborted and timed out, and the name search.

use futures::future::{select, Either};
use futures::FutureExt;
use gloo_timers::future::TimeoutFuture;
use wikikin_core::{parse_search, search_url, Failure, SearchHit};

/// What came back for a request.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
}

/// GETs `url`. `abort` cancels it from outside; `timeout_ms` (if not zero) gives up on a
/// request that gets no answer.
pub async fn get(
    url: &str,
    abort: &web_sys::AbortController,
    timeout_ms: u32,
) -> Result<Reply, Failure> {
    let signal = abort.signal();
    let request = async move {
        let resp = gloo_net::http::Request::get(url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|e| failure_of(&e, &signal))?;
        let status = resp.status();
        // Only readable when the server exposes it (CORS); otherwise the core's default backoff.
        let retry_after = resp.headers().get("retry-after");
        let body = resp.binary().await.map_err(|e| {
            if signal.aborted() {
                Failure::Aborted
            } else {
                Failure::Network(format!(
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
            Err(Failure::Timeout)
        }
    }
}

fn failure_of(e: &gloo_net::Error, signal: &web_sys::AbortSignal) -> Failure {
    if signal.aborted() {
        return Failure::Aborted;
    }
    let words = e.to_string();
    Failure::Network(
        if words.contains("Failed to fetch") || words.contains("NetworkError") {
            "the server could not be reached (offline, refused, or blocked by CORS or this page's security policy)".to_string()
        } else {
            words
        },
    )
}

/// Searches people by name (`wbsearchentities`).
pub async fn search(
    endpoint: &str,
    text: &str,
    lang: &str,
    abort: &web_sys::AbortController,
) -> Result<Vec<SearchHit>, String> {
    let url = search_url(endpoint, text, lang, 8);
    match get(&url, abort, 15_000).await {
        Ok(reply) if reply.status == 200 => parse_search(&reply.body),
        Ok(reply) => Err(format!("The search answered HTTP {}.", reply.status)),
        Err(Failure::Aborted) => Ok(Vec::new()),
        Err(Failure::Timeout) => Err("The search timed out.".into()),
        Err(Failure::Network(why)) => Err(format!("The search failed: {why}.")),
    }
}

/// `performance.now()` in milliseconds (0 when unavailable).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

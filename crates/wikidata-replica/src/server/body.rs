//! The response body: sent in chunks paced to the bandwidth, cut short for the `truncate`
//! fault, and holding the request's in-flight slot until it is done.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use hyper::Response as HttpResponse;
use tokio::sync::OwnedSemaphorePermit;
use tokio::time::{Instant, Sleep};

use super::State;
use crate::Response;

/// Decrements the in-flight count when the response is done (or abandoned).
pub(super) struct InflightGuard {
    pub(super) state: Arc<State>,
    pub(super) _permit: Option<OwnedSemaphorePermit>,
}

impl Drop for InflightGuard {
    fn drop(&mut self) {
        let mut s = self.state.replica.stats();
        s.inflight = s.inflight.saturating_sub(1);
    }
}

/// A body sent in chunks paced to the bandwidth, optionally cut short.
pub struct PacedBody {
    pub(super) data: Bytes,
    pub(super) sent: usize,
    pub(super) limit: usize,
    pub(super) bytes_per_sec: Option<f64>,
    pub(super) start: Option<Instant>,
    pub(super) sleep: Option<Pin<Box<Sleep>>>,
    pub(super) guard: Option<InflightGuard>,
    pub(super) cut_pending: bool,
}

const CHUNK: usize = 16 * 1024;

impl PacedBody {
    pub(super) fn full(data: Vec<u8>) -> PacedBody {
        let len = data.len();
        PacedBody {
            data: Bytes::from(data),
            sent: 0,
            limit: len,
            bytes_per_sec: None,
            start: None,
            sleep: None,
            guard: None,
            cut_pending: false,
        }
    }
}

impl Body for PacedBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        let this = self.get_mut();
        if this.sent >= this.limit {
            if this.limit < this.data.len() {
                // Let the part already written reach the client, then drop the connection.
                let sleep = this.sleep.get_or_insert_with(|| {
                    Box::pin(tokio::time::sleep(Duration::from_millis(100)))
                });
                if !this.cut_pending {
                    this.cut_pending = true;
                    sleep
                        .as_mut()
                        .reset(Instant::now() + Duration::from_millis(100));
                }
                if sleep.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                this.guard = None;
                this.limit = this.data.len();
                this.sent = this.data.len();
                return Poll::Ready(Some(Err(std::io::Error::other(
                    "wikidata-replica: truncate fault, body cut short",
                ))));
            }
            this.guard = None;
            return Poll::Ready(None);
        }
        let end = (this.sent + CHUNK).min(this.limit);
        if let Some(rate) = this.bytes_per_sec {
            let start = *this.start.get_or_insert_with(Instant::now);
            let due = start + Duration::from_secs_f64(end as f64 / rate);
            if Instant::now() < due {
                let sleep = this
                    .sleep
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(due)));
                sleep.as_mut().reset(due);
                if sleep.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
            }
        }
        let chunk = this.data.slice(this.sent..end);
        this.sent = end;
        if end >= this.data.len() {
            // The last frame: hyper will not poll again (`is_end_stream`), so the request stops
            // counting as in flight now, not when the keep-alive connection is next used.
            this.guard = None;
        }
        Poll::Ready(Some(Ok(Frame::data(chunk))))
    }

    fn is_end_stream(&self) -> bool {
        self.sent >= self.data.len()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact((self.data.len() - self.sent.min(self.data.len())) as u64)
    }
}

pub(super) fn to_http(r: Response, body: PacedBody) -> HttpResponse<PacedBody> {
    let mut b = HttpResponse::builder().status(r.status);
    for (k, v) in &r.headers {
        b = b.header(k.as_str(), v.as_str());
    }
    match b.body(body) {
        Ok(resp) => resp,
        Err(e) => {
            let mut resp = HttpResponse::new(PacedBody::full(
                format!("bad response header: {e}").into_bytes(),
            ));
            *resp.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
            resp
        }
    }
}

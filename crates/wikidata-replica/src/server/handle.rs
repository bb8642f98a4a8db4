//! One HTTP request: control and preflight answered at once; data requests queue for a slot,
//! get their fault and latency, are built while the latency runs, and go out paced.

use std::convert::Infallible;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::{Request, Response as HttpResponse};

use super::body::{to_http, InflightGuard, PacedBody};
use super::fault::{fault_response, pick_fault, Fault};
use super::State;
use crate::model::mix2;
use crate::{Kind, Request as ReplicaRequest};

pub(super) async fn handle(
    req: Request<Incoming>,
    st: Arc<State>,
) -> Result<HttpResponse<PacedBody>, Infallible> {
    let method = req.method().as_str().to_string();
    let pq = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".to_string());
    let kind = Kind::of(&method, &pq);
    if kind == Kind::Control {
        let r = st.replica.respond(&method, &pq);
        if pq.starts_with("/__replica/reset") && r.status == 200 {
            st.counter.store(0, Ordering::SeqCst);
        }
        let body = PacedBody::full(r.body.clone());
        return Ok(to_http(r, body));
    }
    if kind == Kind::Preflight {
        if st.net.latency_ms > 0 {
            tokio::time::sleep(Duration::from_millis(st.net.latency_ms)).await;
        }
        let mut r = st.replica.respond(&method, &pq);
        if let Some(h) = req
            .headers()
            .get("access-control-request-headers")
            .and_then(|v| v.to_str().ok())
        {
            for (k, v) in r.headers.iter_mut() {
                if k == "Access-Control-Allow-Headers" {
                    *v = h.to_string();
                }
            }
        }
        let body = PacedBody::full(r.body.clone());
        return Ok(to_http(r, body));
    }
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (accept, content_type) = (header("accept"), header("content-type"));
    let accept_encoding = header("accept-encoding");
    let body = if kind == Kind::Sparql && method.eq_ignore_ascii_case("POST") {
        req.into_body()
            .collect()
            .await
            .map(|b| b.to_bytes().to_vec())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let n = st.counter.fetch_add(1, Ordering::SeqCst);
    // Queue for a slot.
    let permit = match &st.permits {
        Some(sem) => {
            {
                let mut s = st.replica.stats();
                s.queued += 1;
                s.peak_queued = s.peak_queued.max(s.queued);
            }
            let p = sem.clone().acquire_owned().await.ok();
            let mut s = st.replica.stats();
            s.queued = s.queued.saturating_sub(1);
            p
        }
        None => None,
    };
    {
        let mut s = st.replica.stats();
        s.inflight += 1;
        s.peak_inflight = s.peak_inflight.max(s.inflight);
    }
    let guard = InflightGuard {
        state: st.clone(),
        _permit: permit,
    };
    let fault = pick_fault(&st.net, n, kind);
    let mut latency = st.net.latency_ms;
    if st.net.jitter_ms > 0 {
        latency += mix2(st.net.seed ^ 0x1177e5, n) % (st.net.jitter_ms + 1);
    }
    if fault == Some(Fault::Slow) {
        latency *= 10;
    }
    let base_latency = latency;
    let mut budget = None;
    if kind == Kind::Sparql {
        latency += st.net.query_ms;
        budget = st
            .net
            .query_timeout_ms
            .map(|t| Duration::from_millis(t.saturating_sub(st.net.query_ms)));
    }
    if let Some(f) = fault {
        *st.replica.stats().faults.entry(f.name()).or_insert(0) += 1;
    }
    // The emulated latency is the time from the request's arrival to the first byte: the body is
    // built while it runs (a large wbgetentities answer takes the replica milliseconds of JSON
    // work, which would otherwise come on top of the latency asked for).
    let arrival = tokio::time::Instant::now();
    let mut first_byte = arrival + Duration::from_millis(latency);
    let built = match fault {
        Some(Fault::Truncate | Fault::Slow) | None => {
            let (st2, method2, pq2) = (st.clone(), method.clone(), pq.clone());
            tokio::task::spawn_blocking(move || {
                st2.replica.prepare_request(&ReplicaRequest {
                    method: &method2,
                    path_and_query: &pq2,
                    accept: accept.as_deref(),
                    accept_encoding: accept_encoding.as_deref(),
                    content_type: content_type.as_deref(),
                    body: &body,
                    budget,
                })
            })
            .await
            .ok()
        }
        _ => None,
    };
    if let (Some(p), Some(t)) = (&built, st.net.query_timeout_ms) {
        if p.timed_out() {
            // WDQS answers a timeout when the time is up, not before.
            first_byte = arrival + Duration::from_millis(base_latency + t);
        }
    }
    tokio::time::sleep_until(first_byte).await;
    // It goes out now: only now is it counted as served.
    let raw_len = built.as_ref().map_or(0, |p| p.raw_len() as u64);
    let built = built.map(|p| st.replica.deliver(p));
    let (resp, limit) = match fault {
        Some(Fault::Hang) => {
            let _keep = guard;
            let never: Infallible = std::future::pending().await;
            match never {}
        }
        Some(f @ (Fault::TooMany | Fault::Internal | Fault::Unavailable)) => {
            let r = fault_response(f);
            {
                let mut s = st.replica.stats();
                s.requests += 1;
                *s.by_kind.entry(kind.name()).or_insert(0) += 1;
                *s.by_status.entry(r.status).or_insert(0) += 1;
                s.bytes_sent += r.body.len() as u64;
                s.wire_bytes += r.body.len() as u64;
            }
            let len = r.body.len();
            (r, len)
        }
        Some(Fault::Truncate) => {
            let r = built.unwrap_or_else(|| st.replica.respond(&method, &pq));
            let limit = r.body.len() / 2;
            {
                let mut s = st.replica.stats();
                // Half the wire bytes went out, so half the uncompressed ones.
                let cut = (r.body.len() - limit) as u64;
                s.wire_bytes = s.wire_bytes.saturating_sub(cut);
                s.bytes_sent = s.bytes_sent.saturating_sub(raw_len - raw_len / 2);
            }
            (r, limit)
        }
        Some(Fault::Slow) | None => {
            let r = built.unwrap_or_else(|| st.replica.respond(&method, &pq));
            let len = r.body.len();
            (r, len)
        }
    };
    let mut r = resp;
    let data = std::mem::take(&mut r.body);
    let len = data.len();
    r.headers.push(("Content-Length".into(), len.to_string()));
    let data_empty = data.is_empty();
    let body = PacedBody {
        data: Bytes::from(data),
        sent: 0,
        limit,
        bytes_per_sec: st
            .net
            .bandwidth_mbps
            .filter(|m| *m > 0.0)
            .map(|m| m * 1_000_000.0 / 8.0),
        start: None,
        sleep: None,
        // An empty body is over before it starts (hyper never polls it).
        guard: (!data_empty).then_some(guard),
        cut_pending: false,
    };
    Ok(to_http(r, body))
}

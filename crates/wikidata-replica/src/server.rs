//! The HTTP server: hyper 1 on tokio, wrapping [`Replica::respond`] with network emulation
//! (latency, jitter, per-response bandwidth, an in-flight cap) and deterministic faults.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::{Request, Response as HttpResponse};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

use crate::model::mix2;
use crate::{Kind, Replica, Response};

/// A fault to inject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// `429 Too Many Requests` with `Retry-After`.
    TooMany,
    /// `500 Internal Server Error`.
    Internal,
    /// `503 Service Unavailable`.
    Unavailable,
    /// Never answers (until the client goes away).
    Hang,
    /// Sends about half the body, then drops the connection (`Content-Length` is the full size).
    Truncate,
    /// Ten times the latency.
    Slow,
}

impl Fault {
    pub fn name(self) -> &'static str {
        match self {
            Fault::TooMany => "429",
            Fault::Internal => "500",
            Fault::Unavailable => "503",
            Fault::Hang => "hang",
            Fault::Truncate => "truncate",
            Fault::Slow => "slow",
        }
    }

    /// `KIND:RATE`, e.g. `429:0.1`, `hang:0.01` (rate in 0..=1).
    pub fn parse_spec(spec: &str) -> Result<(Fault, f64), String> {
        let (kind, rate) = spec
            .split_once(':')
            .ok_or_else(|| format!("--fault {spec:?}: expected KIND:RATE, e.g. 429:0.1"))?;
        let fault = match kind {
            "429" => Fault::TooMany,
            "500" => Fault::Internal,
            "503" => Fault::Unavailable,
            "hang" => Fault::Hang,
            "truncate" => Fault::Truncate,
            "slow" => Fault::Slow,
            other => {
                return Err(format!(
                    "--fault {spec:?}: unknown kind {other:?} (429, 500, 503, hang, truncate, slow)"
                ))
            }
        };
        let rate: f64 = rate
            .parse()
            .map_err(|_| format!("--fault {spec:?}: rate {rate:?} is not a number"))?;
        if !(0.0..=1.0).contains(&rate) {
            return Err(format!("--fault {spec:?}: rate must be between 0 and 1"));
        }
        Ok((fault, rate))
    }
}

/// Network emulation.
#[derive(Debug, Clone, Default)]
pub struct NetOptions {
    pub latency_ms: u64,
    pub jitter_ms: u64,
    /// Per response; `None` = as fast as loopback goes.
    pub bandwidth_mbps: Option<f64>,
    /// Requests beyond this many wait in a queue.
    pub max_inflight: Option<usize>,
    pub faults: Vec<(Fault, f64)>,
    pub seed: u64,
}

struct State {
    replica: Arc<Replica>,
    net: NetOptions,
    permits: Option<Arc<Semaphore>>,
    counter: AtomicU64,
}

/// Decrements the in-flight count when the response is done (or abandoned).
struct InflightGuard {
    state: Arc<State>,
    _permit: Option<OwnedSemaphorePermit>,
}

impl Drop for InflightGuard {
    fn drop(&mut self) {
        let mut s = self.state.replica.stats();
        s.inflight = s.inflight.saturating_sub(1);
    }
}

/// A body sent in chunks paced to the bandwidth, optionally cut short.
pub struct PacedBody {
    data: Bytes,
    sent: usize,
    limit: usize,
    bytes_per_sec: Option<f64>,
    start: Option<Instant>,
    sleep: Option<Pin<Box<Sleep>>>,
    guard: Option<InflightGuard>,
    cut_pending: bool,
}

const CHUNK: usize = 16 * 1024;

impl PacedBody {
    fn full(data: Vec<u8>) -> PacedBody {
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

fn to_http(r: Response, body: PacedBody) -> HttpResponse<PacedBody> {
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

/// Uniform in [0, 1) from the seed and the request number.
fn unit(seed: u64, salt: u64, n: u64) -> f64 {
    (mix2(seed ^ salt, n) >> 11) as f64 / (1u64 << 53) as f64
}

fn pick_fault(net: &NetOptions, n: u64) -> Option<Fault> {
    let r = unit(net.seed, 0xfa17, n);
    let mut acc = 0.0;
    for (f, rate) in &net.faults {
        acc += rate;
        if r < acc {
            return Some(*f);
        }
    }
    None
}

fn fault_response(f: Fault) -> Response {
    let (status, title, text) = match f {
        Fault::TooMany => (
            429,
            "Too many requests",
            "You are making too many requests. Please slow down.",
        ),
        Fault::Internal => (
            500,
            "Internal error",
            "A database query error has occurred.",
        ),
        _ => (
            503,
            "Service Unavailable",
            "Our servers are currently under maintenance or experiencing a technical issue.",
        ),
    };
    let mut r = crate::response::html(status, title, text);
    if f == Fault::TooMany {
        r.headers.push(("Retry-After".into(), "1".into()));
    }
    r
}

async fn handle(
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
    let fault = pick_fault(&st.net, n);
    let mut latency = st.net.latency_ms;
    if st.net.jitter_ms > 0 {
        latency += mix2(st.net.seed ^ 0x1177e5, n) % (st.net.jitter_ms + 1);
    }
    if fault == Some(Fault::Slow) {
        latency *= 10;
    }
    if let Some(f) = fault {
        *st.replica.stats().faults.entry(f.name()).or_insert(0) += 1;
    }
    // The emulated latency is the time from the request's arrival to the first byte: the body is
    // built while it runs (a large wbgetentities answer takes the replica milliseconds of JSON
    // work, which would otherwise come on top of the latency asked for).
    let first_byte = tokio::time::Instant::now() + Duration::from_millis(latency);
    let built = match fault {
        Some(Fault::Truncate | Fault::Slow) | None => {
            let (st2, method2, pq2) = (st.clone(), method.clone(), pq.clone());
            tokio::task::spawn_blocking(move || st2.replica.prepare(&method2, &pq2))
                .await
                .ok()
        }
        _ => None,
    };
    tokio::time::sleep_until(first_byte).await;
    // It goes out now: only now is it counted as served.
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
            }
            let len = r.body.len();
            (r, len)
        }
        Some(Fault::Truncate) => {
            let r = built.unwrap_or_else(|| st.replica.respond(&method, &pq));
            let limit = r.body.len() / 2;
            {
                let mut s = st.replica.stats();
                s.bytes_sent = s.bytes_sent.saturating_sub((r.body.len() - limit) as u64);
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

/// Serve until the listener fails or `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    replica: Arc<Replica>,
    net: NetOptions,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let permits = net
        .max_inflight
        .filter(|n| *n > 0)
        .map(|n| Arc::new(Semaphore::new(n)));
    let state = Arc::new(State {
        replica,
        net,
        permits,
        counter: AtomicU64::new(0),
    });
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            r = listener.accept() => match r {
                Ok(x) => x,
                Err(e) => {
                    // Too many open files and the like: wait a little and go on.
                    eprintln!("wikidata-replica: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = &mut shutdown => return Ok(()),
        };
        let _ = stream.set_nodelay(true);
        let st = state.clone();
        tokio::spawn(async move {
            let svc = service_fn(move |req| handle(req, st.clone()));
            let _ = hyper::server::conn::http1::Builder::new()
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), svc)
                .await;
        });
    }
}

/// A server running on its own thread (for tests and tools). Stops when dropped.
pub struct ServerHandle {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl ServerHandle {
    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Start a server on `127.0.0.1:port` (0 picks one) on a background thread.
pub fn spawn(replica: Arc<Replica>, net: NetOptions, port: u16) -> Result<ServerHandle, String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start tokio: {e}"))?;
    let listener = rt
        .block_on(TcpListener::bind(("127.0.0.1", port)))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("no local address: {e}"))?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let _ = rt.block_on(serve(listener, replica, net, async {
            let _ = rx.await;
        }));
        rt.shutdown_timeout(Duration::from_millis(100));
    });
    Ok(ServerHandle {
        addr,
        stop: Some(tx),
        thread: Some(thread),
    })
}

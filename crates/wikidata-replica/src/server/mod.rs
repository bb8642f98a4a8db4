//! The HTTP server: hyper 1 on tokio, wrapping [`Replica::respond`] with network emulation
//! (latency, jitter, per-response bandwidth, an in-flight cap) and deterministic faults.
//!
//! `handle.rs` is what happens to one request, `body.rs` the paced body, `fault.rs` the faults.

mod body;
mod fault;
mod handle;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use std::time::Duration;

use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub use body::PacedBody;
pub use fault::Fault;
use handle::handle;

use crate::{Kind, Replica};

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
    /// Faults for one endpoint only (`--fault 429:1@sparql`), after the `faults` in [0, 1).
    pub route_faults: Vec<(Kind, Fault, f64)>,
    pub seed: u64,
    /// Server time per SPARQL query, on top of the latency (`--query-ms`).
    pub query_ms: u64,
    /// A SPARQL query running past this gets WDQS's timeout answer (`--query-timeout-ms`).
    pub query_timeout_ms: Option<u64>,
}

struct State {
    replica: Arc<Replica>,
    net: NetOptions,
    permits: Option<Arc<Semaphore>>,
    counter: AtomicU64,
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

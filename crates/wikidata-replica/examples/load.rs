//! A small loopback load generator for the replica: N keep-alive connections, each fetching
//! `Special:EntityData/<id>.json` for ids taken round-robin from `/__replica/people`, for a
//! fixed time. Prints requests/second and MB/second.
//!
//! cargo run --release -p wikidata-replica --example load -- http://127.0.0.1:PORT [connections] [seconds]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn fail(msg: String) -> ! {
    eprintln!("load: {msg}");
    std::process::exit(1);
}

/// One request on a keep-alive connection; returns (status, body length).
fn fetch(
    conn: &mut BufReader<TcpStream>,
    host: &str,
    path: &str,
) -> std::io::Result<(u16, Vec<u8>)> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
    conn.get_mut().write_all(req.as_bytes())?;
    let mut line = String::new();
    conn.read_line(&mut line)?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut len = 0usize;
    loop {
        let mut h = String::new();
        conn.read_line(&mut h)?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0u8; len];
    conn.read_exact(&mut body)?;
    Ok((status, body))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| fail("usage: load URL [connections] [seconds]".into()));
    let conns: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(4);
    let secs: u64 = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .min(60);
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    if !host.starts_with("127.0.0.1:") && !host.starts_with("localhost:") {
        fail("loopback only (http://127.0.0.1:PORT)".into());
    }
    let stream = TcpStream::connect(&host).unwrap_or_else(|e| fail(format!("{host}: {e}")));
    let mut c = BufReader::new(stream);
    let (_, people) =
        fetch(&mut c, &host, "/__replica/people").unwrap_or_else(|e| fail(format!("people: {e}")));
    let people: serde_json::Value =
        serde_json::from_slice(&people).unwrap_or_else(|e| fail(format!("people: {e}")));
    let ids: Arc<Vec<String>> = Arc::new(
        people
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| p["qid"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
    );
    if ids.is_empty() {
        fail("the replica serves nobody".into());
    }
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let bytes = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let workers: Vec<_> = (0..conns)
        .map(|w| {
            let (ids, stop, done, bytes, errors, host) = (
                ids.clone(),
                stop.clone(),
                done.clone(),
                bytes.clone(),
                errors.clone(),
                host.clone(),
            );
            std::thread::spawn(move || {
                let Ok(s) = TcpStream::connect(&host) else {
                    errors.fetch_add(1, Ordering::Relaxed);
                    return;
                };
                let _ = s.set_nodelay(true);
                let mut c = BufReader::new(s);
                let mut i = w * 7919;
                while !stop.load(Ordering::Relaxed) {
                    let id = &ids[i % ids.len()];
                    i += conns;
                    match fetch(
                        &mut c,
                        &host,
                        &format!("/wiki/Special:EntityData/{id}.json"),
                    ) {
                        Ok((200 | 404, body)) => {
                            done.fetch_add(1, Ordering::Relaxed);
                            bytes.fetch_add(body.len() as u64, Ordering::Relaxed);
                        }
                        _ => {
                            errors.fetch_add(1, Ordering::Relaxed);
                            return;
                        }
                    }
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(secs));
    stop.store(true, Ordering::Relaxed);
    for w in workers {
        let _ = w.join();
    }
    let el = start.elapsed().as_secs_f64();
    let n = done.load(Ordering::Relaxed);
    let b = bytes.load(Ordering::Relaxed);
    println!(
        "{n} requests in {el:.1} s over {conns} connections: {:.0} req/s, {:.1} MB/s, mean body {:.1} KB, {} errors",
        n as f64 / el,
        b as f64 / el / 1e6,
        b as f64 / n.max(1) as f64 / 1e3,
        errors.load(Ordering::Relaxed)
    );
}

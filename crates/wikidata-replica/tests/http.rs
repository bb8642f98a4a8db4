//! The real HTTP server on loopback, driven by a tiny std TcpStream client.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{get, request};
use wikidata_replica::server::{spawn, Fault, NetOptions, ServerHandle};
use wikidata_replica::{Options, Replica};

fn start(opts: Options, net: NetOptions) -> ServerHandle {
    spawn(Arc::new(common::royal(opts)), net, 0).unwrap()
}

fn stats(url: &str) -> serde_json::Value {
    get(url, "/__replica/stats").json()
}

#[test]
fn every_endpoint_over_http() {
    let s = start(Options::default(), NetOptions::default());
    let url = s.url();

    let r = get(&url, "/wiki/Special:EntityData/Q9682.json");
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        r.header("content-length")
            .unwrap()
            .parse::<usize>()
            .unwrap(),
        r.body.len()
    );
    assert_eq!(
        r.json()["entities"]["Q9682"]["labels"]["en"]["value"],
        "Elizabeth II"
    );

    let r = get(
        &url,
        "/w/api.php?action=wbgetentities&ids=Q9682%7CQ80976%7CQ1&props=labels%7Cclaims&languages=en&languagefallback=1&format=json",
    );
    let j = r.json();
    assert_eq!(j["success"], 1);
    assert_eq!(j["entities"]["Q1"]["missing"], "");
    assert_eq!(
        j["entities"]["Q80976"]["labels"]["en"]["value"],
        "Prince Philip, Duke of Edinburgh"
    );

    let r = get(
        &url,
        "/w/api.php?action=wbsearchentities&search=philip&language=en&format=json",
    );
    assert!(r.json()["search"].as_array().unwrap().len() > 1);

    let too_many: Vec<String> = (1..=51).map(|i| format!("Q{i}")).collect();
    let r = get(
        &url,
        &format!(
            "/w/api.php?action=wbgetentities&ids={}",
            too_many.join("%7C")
        ),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["error"]["code"], "toomanyvalues");
    assert_eq!(r.header("mediawiki-api-error"), Some("toomanyvalues"));

    let e = get(&url, "/wiki/Special:EntityData/Q9682.json").json();
    let file = e["entities"]["Q9682"]["claims"]["P18"][0]["mainsnak"]["datavalue"]["value"]
        .as_str()
        .map(str::to_string);
    // Find someone with a portrait and fetch it.
    let people = get(&url, "/__replica/people").json();
    assert_eq!(people.as_array().unwrap().len(), 3010);
    let mut fetched = false;
    for p in people.as_array().unwrap().iter().take(200) {
        let q = p["qid"].as_str().unwrap();
        let e = get(&url, &format!("/wiki/Special:EntityData/{q}.json")).json();
        if let Some(f) =
            e["entities"][q]["claims"]["P18"][0]["mainsnak"]["datavalue"]["value"].as_str()
        {
            let path = format!("/wiki/Special:FilePath/{}?width=100", f.replace(' ', "%20"));
            let img = get(&url, &path);
            assert_eq!(img.status, 200, "{path}");
            assert_eq!(img.header("content-type"), Some("image/svg+xml"));
            assert_eq!(img.header("access-control-allow-origin"), Some("*"));
            assert!(String::from_utf8_lossy(&img.body).contains("width=\"100\""));
            fetched = true;
            break;
        }
    }
    assert!(fetched || file.is_some());
    assert_eq!(get(&url, "/wiki/Special:FilePath/Missing.jpg").status, 404);

    // Errors, redirects, HEAD.
    let r = get(&url, "/wiki/Special:EntityData/Q1.json");
    assert_eq!(r.status, 404);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(get(&url, "/wiki/Special:EntityData/Qabc.json").status, 400);
    let r = get(&url, "/wiki/Special:EntityData/q9682.json");
    assert_eq!(r.status, 301);
    assert_eq!(
        r.header("location"),
        Some("/wiki/Special:EntityData/Q9682.json")
    );
    let r = request(
        &url,
        "HEAD",
        "/wiki/Special:EntityData/Q9682.json",
        &[],
        Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
    assert!(
        r.header("content-length")
            .unwrap()
            .parse::<usize>()
            .unwrap()
            > 1000
    );
    assert_eq!(get(&url, "/no/such/page").status, 404);
    assert_eq!(
        request(
            &url,
            "POST",
            "/__replica/stats",
            &[("Content-Length", "0")],
            Duration::from_secs(10)
        )
        .unwrap()
        .status,
        405
    );
}

#[test]
fn cors_preflight() {
    let s = start(Options::default(), NetOptions::default());
    let url = s.url();
    let r = request(
        &url,
        "OPTIONS",
        "/w/api.php?action=wbgetentities&ids=Q9682",
        &[
            ("Origin", "http://localhost:8080"),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "api-user-agent"),
        ],
        Duration::from_secs(10),
    )
    .unwrap();
    assert!(r.status == 200 || r.status == 204, "{}", r.status);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r
        .header("access-control-allow-methods")
        .unwrap()
        .contains("GET"));
    assert_eq!(
        r.header("access-control-allow-headers"),
        Some("api-user-agent")
    );
    assert!(r.header("access-control-max-age").is_some());
    let r = request(
        &url,
        "GET",
        "/wiki/Special:EntityData/Q9682.json",
        &[("Origin", "http://localhost:8080")],
        Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let st = stats(&url);
    assert_eq!(st["preflight"], 1);
    assert_eq!(st["by_kind"]["preflight"], 1);
}

#[test]
fn latency_and_jitter() {
    let s = start(
        Options::default(),
        NetOptions {
            latency_ms: 300,
            jitter_ms: 100,
            seed: 3,
            ..NetOptions::default()
        },
    );
    let url = s.url();
    let mut times = Vec::new();
    for _ in 0..6 {
        let t = Instant::now();
        assert_eq!(get(&url, "/wiki/Special:EntityData/Q9682.json").status, 200);
        times.push(t.elapsed());
    }
    for t in &times {
        assert!(*t >= Duration::from_millis(300), "{t:?}");
        assert!(*t < Duration::from_millis(3000), "{t:?}");
    }
    let spread = times.iter().max().unwrap().as_millis() - times.iter().min().unwrap().as_millis();
    assert!(spread >= 5, "jitter varies the latency: {times:?}");
    // Control endpoints are not delayed.
    let t = Instant::now();
    get(&url, "/__replica/stats");
    assert!(t.elapsed() < Duration::from_millis(280));
}

#[test]
fn bandwidth_paces_the_body() {
    let s = start(
        Options {
            big_entities: vec![("Q9682".into(), 0.5)],
            ..Options::default()
        },
        NetOptions {
            bandwidth_mbps: Some(8.0), // 1 MB/s
            ..NetOptions::default()
        },
    );
    let url = s.url();
    let t = Instant::now();
    let r = get(&url, "/wiki/Special:EntityData/Q9682.json");
    let big = t.elapsed();
    assert_eq!(r.status, 200);
    assert!(r.body.len() >= 500_000);
    assert!(big >= Duration::from_millis(450), "{big:?}");
    assert!(big < Duration::from_secs(3), "{big:?}");
    let t = Instant::now();
    get(&url, "/wiki/Special:EntityData/Q9439.json");
    assert!(
        t.elapsed() < Duration::from_millis(200),
        "small bodies stay fast"
    );
}

#[test]
fn inflight_cap_queues_requests() {
    let s = start(
        Options::default(),
        NetOptions {
            latency_ms: 200,
            max_inflight: Some(2),
            ..NetOptions::default()
        },
    );
    let url = s.url();
    let t = Instant::now();
    let handles: Vec<_> = (0..6)
        .map(|i| {
            let url = url.clone();
            std::thread::spawn(move || {
                let q = ["Q9682", "Q9439", "Q80976", "Q151305", "Q40787", "Q269412"][i];
                get(&url, &format!("/wiki/Special:EntityData/{q}.json")).status
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 200);
    }
    let took = t.elapsed();
    assert!(
        took >= Duration::from_millis(590),
        "3 waves of 200 ms: {took:?}"
    );
    let st = stats(&url);
    assert_eq!(st["peak_inflight"], 2);
    assert!(st["peak_queued"].as_u64().unwrap() >= 1);
    assert_eq!(st["inflight"], 0);
    assert_eq!(st["max_served_per_id"], 1);

    // Without a cap they all run at once.
    let s = start(
        Options::default(),
        NetOptions {
            latency_ms: 600,
            ..NetOptions::default()
        },
    );
    let url = s.url();
    let handles: Vec<_> = (0..5)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || get(&url, "/wiki/Special:EntityData/Q9682.json").status)
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 200);
    }
    assert!(stats(&url)["peak_inflight"].as_u64().unwrap() >= 4);
}

fn faulty(kind: Fault) -> ServerHandle {
    start(
        Options::default(),
        NetOptions {
            faults: vec![(kind, 1.0)],
            latency_ms: 20,
            ..NetOptions::default()
        },
    )
}

#[test]
fn status_faults() {
    for (kind, status) in [
        (Fault::TooMany, 429),
        (Fault::Internal, 500),
        (Fault::Unavailable, 503),
    ] {
        let s = faulty(kind);
        let url = s.url();
        let r = get(&url, "/wiki/Special:EntityData/Q9682.json");
        assert_eq!(r.status, status);
        assert_eq!(r.header("access-control-allow-origin"), Some("*"));
        if status == 429 {
            assert_eq!(r.header("retry-after"), Some("1"));
        }
        // Control endpoints are never faulted.
        let st = stats(&url);
        assert_eq!(st["faults"][kind.name()], 1);
        assert_eq!(st["by_status"][status.to_string()], 1);
    }
}

#[test]
fn hang_fault_never_answers() {
    let s = faulty(Fault::Hang);
    let url = s.url();
    let t = Instant::now();
    let r = request(
        &url,
        "GET",
        "/wiki/Special:EntityData/Q9682.json",
        &[],
        Duration::from_millis(800),
    );
    let err = r.expect_err("a hung request times out");
    assert!(
        matches!(
            err.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
        "{err:?}"
    );
    assert!(t.elapsed() >= Duration::from_millis(750));
    assert_eq!(stats(&url)["faults"]["hang"], 1);
    // Once the client goes away the request is no longer in flight.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if stats(&url)["inflight"] == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "hung request still counted");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn truncate_fault_cuts_the_body() {
    let s = faulty(Fault::Truncate);
    let url = s.url();
    let r = get(&url, "/wiki/Special:EntityData/Q9682.json");
    assert_eq!(r.status, 200);
    assert!(r.short, "body shorter than Content-Length");
    assert!(!r.body.is_empty());
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    assert_eq!(stats(&url)["faults"]["truncate"], 1);
}

#[test]
fn slow_fault_is_ten_times_the_latency() {
    let s = start(
        Options::default(),
        NetOptions {
            faults: vec![(Fault::Slow, 1.0)],
            latency_ms: 60,
            ..NetOptions::default()
        },
    );
    let t = Instant::now();
    let r = get(&s.url(), "/wiki/Special:EntityData/Q9682.json");
    assert_eq!(r.status, 200);
    assert!(
        t.elapsed() >= Duration::from_millis(600),
        "{:?}",
        t.elapsed()
    );
}

fn statuses(seed: u64) -> Vec<u16> {
    let s = start(
        Options::default(),
        NetOptions {
            faults: vec![(Fault::TooMany, 0.3), (Fault::Unavailable, 0.2)],
            seed,
            ..NetOptions::default()
        },
    );
    let url = s.url();
    let run = || -> Vec<u16> {
        (0..30)
            .map(|_| get(&url, "/wiki/Special:EntityData/Q9682.json").status)
            .collect()
    };
    let first = run();
    // Reset also restarts the fault sequence.
    let reset = request(
        &url,
        "POST",
        "/__replica/reset",
        &[("Content-Length", "0")],
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(reset.status, 200);
    assert_eq!(run(), first);
    first
}

#[test]
fn faults_are_deterministic_with_the_seed() {
    let a = statuses(11);
    assert_eq!(a, statuses(11));
    assert_ne!(a, statuses(12));
    assert!(
        a.contains(&429) && a.contains(&503) && a.contains(&200),
        "{a:?}"
    );
}

#[test]
fn stats_and_reset_over_http() {
    let s = start(Options::default(), NetOptions::default());
    let url = s.url();
    get(&url, "/wiki/Special:EntityData/Q9682.json");
    get(&url, "/wiki/Special:EntityData/Q9682.json");
    get(&url, "/wiki/Special:EntityData/Q1.json");
    get(&url, "/w/api.php?action=wbgetentities&ids=Q9439%7CQ80976");
    get(
        &url,
        "/w/api.php?action=wbsearchentities&search=geo&language=en",
    );
    let st = stats(&url);
    assert_eq!(st["requests"], 5);
    assert_eq!(st["by_kind"]["entitydata"], 3);
    assert_eq!(st["by_kind"]["wbgetentities"], 1);
    assert_eq!(st["by_kind"]["wbsearchentities"], 1);
    assert_eq!(st["by_status"]["200"], 4);
    assert_eq!(st["by_status"]["404"], 1);
    assert_eq!(st["entities_served"], 4);
    assert_eq!(st["served_per_id"]["Q9682"], 2);
    assert_eq!(st["max_served_per_id"], 2);
    assert_eq!(st["peak_inflight"], 1);
    assert!(st["bytes_sent"].as_u64().unwrap() > 5000);
    let r = request(
        &url,
        "POST",
        "/__replica/reset",
        &[("Content-Length", "0")],
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(r.status, 200);
    let st = stats(&url);
    assert_eq!(st["requests"], 0);
    assert_eq!(st["bytes_sent"], 0);
    assert_eq!(st["served_per_id"], serde_json::json!({}));
}

#[test]
fn synthetic_server_and_binary_contract() {
    // The same server serving generated data.
    let r = Replica::synthetic(3000, 9, Options::default()).unwrap();
    let s = spawn(Arc::new(r), NetOptions::default(), 0).unwrap();
    let people = get(&s.url(), "/__replica/people").json();
    assert_eq!(people.as_array().unwrap().len(), 3000);
    let q = people[100]["qid"].as_str().unwrap();
    let e = get(&s.url(), &format!("/wiki/Special:EntityData/{q}.json"));
    assert_eq!(e.status, 200);
}

#[test]
fn binary_prints_listening_line_first() {
    use std::io::BufRead;
    let exe = env!("CARGO_BIN_EXE_wikidata-replica");
    let mut child = std::process::Command::new(exe)
        .args([
            "--gedcom",
            &format!("{}/royal92.ged", common::DATA),
            "--qids",
            &format!("{}/royal92-qids.csv", common::DATA),
            "--port",
            "0",
            "--quirks",
            "--fault",
            "429:0",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    let r = get(&url, "/wiki/Special:EntityData/Q9682.json");
    assert_eq!(r.status, 200);
    child.kill().unwrap();
    let _ = child.wait();

    // Bad flags are an error in words, exit code 2.
    let out = std::process::Command::new(exe)
        .args(["--fault", "boom:1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind"));
    let out = std::process::Command::new(exe)
        .args(["--gedcom", "/nonexistent.ged"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

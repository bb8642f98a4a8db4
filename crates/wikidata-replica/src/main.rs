//! `wikidata-replica`: serve a GEDCOM (or a synthetic genealogy) as the Wikidata API.
//! Run with `--help` for the flags; the README has examples.

use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use wikidata_replica::server::{self, Fault, NetOptions};
use wikidata_replica::{rss_mb, Instance, Options, Payload, Replica, Statements};

const HELP: &str = "\
wikidata-replica: a local stand-in for the Wikidata API, serving a GEDCOM file

USAGE:
  wikidata-replica --gedcom FILE [--qids CSV] [options]
  wikidata-replica --synthetic N [--seed S] [options]

DATA:
  --gedcom FILE          GEDCOM 5.5 file (ANSEL/ANSI/UTF-8)
  --qids CSV             gedcom_id,qid,name rows giving real Q-ids
  --synthetic N          generate N people instead (deterministic with --seed)
  --seed S               seed for synthetic data, quirks, jitter and faults (default 1)
  --payload lean|full    lean (default) or realistic 50-500 KB entities
  --quirks               add Wikidata's mess (see README; /__replica/quirks lists it)
  --big-entity QID:MB    pad that entity to about MB megabytes (repeatable)
  --sources KIND         default (P143 imported from English Wikipedia on every family
                         statement) or mixed: a seeded mix of P248/P854/P813 references,
                         P143 only and none, P1480 doubts, adoptive parents (P1039), second
                         fathers and impossible dates (see README)
  --wikibase NAME        wikidata (default) or factgrid: property/item ids and IRIs
  --statements MODEL     SPARQL statement nodes: full (every p:/ps:/wikibase:rank node, as
                         WDQS), ranked (only where ranks matter: several statements, a rank
                         other than normal, a qualifier, unknown/no value; ~2.4x fewer triples)
                         or auto (default: full up to 200,000 people, ranked above)

NETWORK:
  --port P               port on 127.0.0.1 (0 picks one; default 0)
  --latency-ms MS        added before each response
  --jitter-ms MS         plus 0..=MS, deterministic per request
  --bandwidth-mbps R     pace each response body to R megabit/s
  --max-inflight N       requests beyond N wait in a queue
  --fault KIND:RATE[@ROUTE]
                         KIND is 429, 500, 503, hang, truncate or slow; RATE in 0..1 (repeatable);
                         @ROUTE (sparql, entitydata, wbgetentities, …) limits it to that endpoint
  --query-ms MS          server time per SPARQL query (on top of the latency)
  --query-timeout-ms MS  a SPARQL query past MS gets WDQS's timeout (HTTP 500, TimeoutException)
  --no-gzip              never compress (by default data answers are gzipped when the
                         request's Accept-Encoding allows it, as Wikidata and WDQS do)

The first line on stdout is `listening on http://127.0.0.1:PORT`.
";

/// Up to this many people, the SPARQL store is built at start-up (in the background).
const WARM_SPARQL_UP_TO: usize = 200_000;

struct Args {
    gedcom: Option<PathBuf>,
    qids: Option<PathBuf>,
    synthetic: Option<usize>,
    opts: Options,
    net: NetOptions,
    port: u16,
}

fn parse_args() -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut a = Args {
        gedcom: None,
        qids: None,
        synthetic: None,
        opts: Options {
            seed: 1,
            log_sparql_build: true,
            ..Options::default()
        },
        net: NetOptions {
            seed: 1,
            ..NetOptions::default()
        },
        port: 0,
    };
    let mut p = lexopt::Parser::from_env();
    let e = |e: lexopt::Error| e.to_string();
    while let Some(arg) = p.next().map_err(e)? {
        match arg {
            Long("help") | Short('h') => {
                print!("{HELP}");
                std::process::exit(0);
            }
            Long("gedcom") => a.gedcom = Some(p.value().map_err(e)?.into()),
            Long("qids") => a.qids = Some(p.value().map_err(e)?.into()),
            Long("synthetic") => a.synthetic = Some(p.value().map_err(e)?.parse().map_err(e)?),
            Long("seed") => {
                let s: u64 = p.value().map_err(e)?.parse().map_err(e)?;
                a.opts.seed = s;
                a.net.seed = s;
            }
            Long("payload") => {
                a.opts.payload = match p.value().map_err(e)?.string().map_err(e)?.as_str() {
                    "lean" => Payload::Lean,
                    "full" => Payload::Full,
                    other => return Err(format!("--payload {other:?}: expected lean or full")),
                }
            }
            Long("quirks") => a.opts.quirks = true,
            Long("no-gzip") => a.opts.no_gzip = true,
            Long("sources") => {
                a.opts.sources_mixed = match p.value().map_err(e)?.string().map_err(e)?.as_str() {
                    "default" => false,
                    "mixed" => true,
                    other => return Err(format!("--sources {other:?}: expected default or mixed")),
                }
            }
            Long("statements") => {
                let v = p.value().map_err(e)?.string().map_err(e)?;
                a.opts.statements = Statements::parse(&v)
                    .ok_or_else(|| format!("--statements {v:?}: expected full, ranked or auto"))?;
            }
            Long("big-entity") => {
                let v = p.value().map_err(e)?.string().map_err(e)?;
                let (q, mb) = v
                    .split_once(':')
                    .ok_or_else(|| format!("--big-entity {v:?}: expected QID:MB, e.g. Q9682:5"))?;
                let mb: f64 = mb
                    .parse()
                    .map_err(|_| format!("--big-entity {v:?}: {mb:?} is not a number"))?;
                a.opts.big_entities.push((q.to_string(), mb));
            }
            Long("port") => a.port = p.value().map_err(e)?.parse().map_err(e)?,
            Long("latency-ms") => a.net.latency_ms = p.value().map_err(e)?.parse().map_err(e)?,
            Long("jitter-ms") => a.net.jitter_ms = p.value().map_err(e)?.parse().map_err(e)?,
            Long("bandwidth-mbps") => {
                let r: f64 = p.value().map_err(e)?.parse().map_err(e)?;
                if !(r.is_finite() && r > 0.0) {
                    return Err("--bandwidth-mbps must be a positive number".into());
                }
                a.net.bandwidth_mbps = Some(r);
            }
            Long("max-inflight") => {
                let n: usize = p.value().map_err(e)?.parse().map_err(e)?;
                if n == 0 {
                    return Err("--max-inflight must be at least 1".into());
                }
                a.net.max_inflight = Some(n);
            }
            Long("fault") => {
                let v = p.value().map_err(e)?.string().map_err(e)?;
                match Fault::parse_route_spec(&v)? {
                    (f, rate, None) => a.net.faults.push((f, rate)),
                    (f, rate, Some(kind)) => a.net.route_faults.push((kind, f, rate)),
                }
            }
            Long("query-ms") => a.net.query_ms = p.value().map_err(e)?.parse().map_err(e)?,
            Long("query-timeout-ms") => {
                a.net.query_timeout_ms = Some(p.value().map_err(e)?.parse().map_err(e)?)
            }
            Long("wikibase") => {
                let v = p.value().map_err(e)?.string().map_err(e)?;
                a.opts.instance = Instance::by_name(&v)
                    .ok_or_else(|| format!("--wikibase {v:?}: expected wikidata or factgrid"))?;
            }
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    let total: f64 = a.net.faults.iter().map(|(_, r)| r).sum();
    if total > 1.0 {
        return Err(format!("--fault rates add up to {total}, more than 1"));
    }
    for (kind, _, _) in &a.net.route_faults {
        let route: f64 = a
            .net
            .route_faults
            .iter()
            .filter(|(k, _, _)| k == kind)
            .map(|(_, _, r)| r)
            .sum();
        if total + route > 1.0 {
            return Err(format!(
                "--fault rates for {} add up to {}, more than 1",
                kind.name(),
                total + route
            ));
        }
    }
    match (&a.gedcom, a.synthetic) {
        (Some(_), Some(_)) => Err("give either --gedcom or --synthetic, not both".into()),
        (None, None) => Err("give --gedcom FILE or --synthetic N (see --help)".into()),
        _ => Ok(a),
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("wikidata-replica: {e}");
            std::process::exit(2);
        }
    };
    let t0 = Instant::now();
    let replica = match (&args.gedcom, args.synthetic) {
        (Some(g), _) => Replica::from_gedcom_path(g, args.qids.as_deref(), args.opts.clone()),
        (None, Some(n)) => Replica::synthetic(n, args.opts.seed, args.opts.clone()),
        (None, None) => Err("nothing to serve".into()),
    };
    let replica = match replica {
        Ok(r) => Arc::new(r),
        Err(e) => {
            eprintln!("wikidata-replica: {e}");
            std::process::exit(1);
        }
    };
    let loaded = t0.elapsed();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("wikidata-replica: cannot start tokio: {e}");
            std::process::exit(1);
        }
    };
    let port = args.port;
    let listener = match rt.block_on(tokio::net::TcpListener::bind(("127.0.0.1", port))) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("wikidata-replica: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("wikidata-replica: {e}");
            std::process::exit(1);
        }
    };
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{addr}");
        let _ = out.flush();
    }
    eprintln!(
        "wikidata-replica: {} people loaded in {:.0} ms, ready in {:.0} ms, RSS {:.1} MB",
        replica.person_count(),
        loaded.as_secs_f64() * 1e3,
        t0.elapsed().as_secs_f64() * 1e3,
        rss_mb().unwrap_or(f64::NAN)
    );
    // Build the SPARQL store in the background (the first query waits for it if it comes
    // early); for big data only on the first /sparql query, so that serving JSON alone from a
    // million people costs neither the store's memory (~5 GB) nor a core for a minute. Either
    // way `log_sparql_build` prints a line when it is built.
    if replica.person_count() <= WARM_SPARQL_UP_TO {
        let warm = replica.clone();
        std::thread::spawn(move || {
            let _ = warm.sparql_store();
        });
    } else {
        eprintln!("wikidata-replica: SPARQL store built on the first /sparql query");
    }
    let net = args.net;
    let result = rt.block_on(server::serve(listener, replica, net, async {
        let _ = tokio::signal::ctrl_c().await;
    }));
    if let Err(e) = result {
        eprintln!("wikidata-replica: {e}");
        std::process::exit(1);
    }
}

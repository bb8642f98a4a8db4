//! A local stand-in for the parts of Wikidata that wikikin uses.
//!
//! [`Replica`] holds a compact genealogy (from a GEDCOM file or generated) and answers requests
//! with [`Replica::respond`]: pure routing, no latency or faults, the same code the HTTP server
//! in [`server`] calls. Native tests elsewhere use `respond` directly as a simulated network.
//!
//! ```no_run
//! use wikidata_replica::{Options, Replica};
//! let r = Replica::from_gedcom_path(
//!     "../shared/data/royal92.ged".as_ref(),
//!     Some("../shared/data/royal92-qids.csv".as_ref()),
//!     Options::default(),
//! ).unwrap();
//! let resp = r.respond("GET", "/wiki/Special:EntityData/Q9682.json");
//! assert_eq!(resp.status, 200);
//! ```

pub mod compress;
mod endpoints;
pub mod instance;
pub mod json;
pub mod model;
pub mod render;
mod response;
mod route;
mod search;
pub mod server;
pub mod sparql;
mod stats;
pub mod synthetic;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use endpoints::file_path::normalize_file;
pub use instance::Instance;
use model::{parse_qid, Data};
pub use render::{Langs, Payload, Props};
pub use response::Response;
pub use route::{Kind, Prepared, Request};
use search::SearchIndex;
use sparql::SparqlStore;
pub use sparql::Statements;
pub use stats::Stats;

/// Data options (network emulation is in [`server::NetOptions`]).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub payload: Payload,
    /// Add Wikidata's mess deterministically (see the README).
    pub quirks: bool,
    /// Seed for quirks (and, for `synthetic`, the data).
    pub seed: u64,
    /// `(Q-id, megabytes)`: pad that entity to about that size.
    pub big_entities: Vec<(String, f64)>,
    /// Which Wikibase to be (`--wikibase`): property and item ids, IRIs. Wikidata by default.
    pub instance: &'static Instance,
    /// Which statement nodes the SPARQL store holds (`--statements`): every one (`Full`, as
    /// WDQS), only where ranks matter (`Ranked`), or `Auto` (full up to 200,000 people).
    pub statements: Statements,
    /// Print a line on stderr (triples, time, RSS) when the SPARQL store has been built,
    /// whether at start-up or on the first query (the binary sets it).
    pub log_sparql_build: bool,
    /// Never gzip (`--no-gzip`); by default a data answer is gzipped when the request's
    /// `Accept-Encoding` allows it, as Wikidata and WDQS do.
    pub no_gzip: bool,
    /// `--sources mixed`: family statements get a seeded mix of references, doubts, adoptive
    /// parents, second fathers and impossible dates (see the README). Off: P143 on each.
    pub sources_mixed: bool,
}

/// A row of `/__replica/people`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSummary {
    pub gedcom_id: String,
    pub qid: String,
    pub label: String,
}

/// The replica: data + routing + counters.
pub struct Replica {
    pub(crate) data: Data,
    pub(crate) opts: Options,
    /// Entity index → padded size in bytes (`--big-entity`).
    pub(crate) big: HashMap<u32, usize>,
    pub(crate) files: HashSet<String>,
    pub(crate) search: OnceLock<SearchIndex>,
    pub(crate) sparql: OnceLock<Result<SparqlStore, String>>,
    pub(crate) stats: Mutex<Stats>,
}

impl Replica {
    fn new(data: Data, opts: Options) -> Result<Replica, String> {
        let mut data = data;
        if opts.quirks {
            data.apply_quirks(opts.seed);
        }
        if opts.sources_mixed {
            data.apply_sources(opts.seed);
        }
        let mut big = HashMap::new();
        for (qid, mb) in &opts.big_entities {
            let q = parse_qid(qid).ok_or_else(|| format!("--big-entity: {qid:?} is not a Q-id"))?;
            let idx = *data
                .by_qid
                .get(&q)
                .ok_or_else(|| format!("--big-entity: nobody has the id {qid}"))?;
            if !(mb.is_finite() && *mb > 0.0 && *mb <= 2000.0) {
                return Err(format!("--big-entity: size {mb} MB must be in (0, 2000]"));
            }
            big.insert(idx, (mb * 1_000_000.0) as usize);
        }
        let files = data.images.values().map(|f| normalize_file(f)).collect();
        Ok(Replica {
            data,
            opts,
            big,
            files,
            search: OnceLock::new(),
            sparql: OnceLock::new(),
            stats: Mutex::new(Stats::default()),
        })
    }

    /// Serve a GEDCOM file, with real Q-ids from an optional `gedcom_id,qid,name` CSV.
    pub fn from_gedcom_path(
        ged: &Path,
        qids: Option<&Path>,
        opts: Options,
    ) -> Result<Replica, String> {
        let bytes =
            std::fs::read(ged).map_err(|e| format!("cannot read {}: {e}", ged.display()))?;
        let rows = match qids {
            Some(p) => model::read_qids(p)?,
            None => Vec::new(),
        };
        Self::from_gedcom_bytes(&bytes, &rows, opts).map_err(|e| format!("{}: {e}", ged.display()))
    }

    /// Serve GEDCOM bytes; `qids` rows are `(gedcom_id, numeric Q-id, name)`.
    pub fn from_gedcom_bytes(
        bytes: &[u8],
        qids: &[(String, u32, String)],
        opts: Options,
    ) -> Result<Replica, String> {
        let g = wikikin_gedcom::parse(bytes).map_err(|e| e.to_string())?;
        let data = Data::from_gedcom(&g, qids)?;
        Self::new(data, opts)
    }

    /// A generated genealogy of `n` people.
    pub fn synthetic(n: usize, seed: u64, opts: Options) -> Result<Replica, String> {
        if n > 50_000_000 {
            return Err(format!("--synthetic {n}: at most 50,000,000 people"));
        }
        let data = synthetic::generate(n, seed);
        Self::new(data, opts)
    }

    /// The served Q-id (`"Q9682"`) of a GEDCOM id (`"I52"` or `"@I52@"`).
    pub fn qid_of(&self, gedcom_id: &str) -> Option<String> {
        let idx = self.data.by_gedcom.get(gedcom_id.trim_matches('@'))?;
        self.data.person(*idx).map(|p| format!("Q{}", p.qid))
    }

    /// The GEDCOM id of a served Q-id.
    pub fn gedcom_id_of(&self, qid: &str) -> Option<String> {
        let idx = self.data.by_qid.get(&parse_qid(qid)?)?;
        self.data.person(*idx).map(|p| p.gedcom_id.to_string())
    }

    pub fn person_count(&self) -> usize {
        self.data.people.len()
    }

    /// Everyone, as listed by `/__replica/people`.
    pub fn people(&self) -> Vec<PersonSummary> {
        self.data
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| PersonSummary {
                gedcom_id: p.gedcom_id.to_string(),
                qid: format!("Q{}", p.qid),
                label: self.data.label(i as u32).to_string(),
            })
            .collect()
    }

    /// The SPARQL store, built on first use (once; concurrent callers wait for it).
    pub fn sparql_store(&self) -> Result<&SparqlStore, String> {
        self.sparql
            .get_or_init(|| {
                let o = &self.opts;
                let built = SparqlStore::build(&self.data, o.instance, o.payload, o.statements);
                if o.log_sparql_build {
                    match &built {
                        Ok(s) => eprintln!(
                            "wikidata-replica: SPARQL store ({} statements): {} triples in {:.0} ms, RSS {:.1} MB (peak {:.1} MB)",
                            s.statements.name(),
                            s.triples,
                            s.build_time.as_secs_f64() * 1e3,
                            rss_mb().unwrap_or(f64::NAN),
                            peak_rss_mb().unwrap_or(f64::NAN)
                        ),
                        Err(e) => eprintln!("wikidata-replica: SPARQL store failed: {e}"),
                    }
                }
                built
            })
            .as_ref()
            .map_err(|e| e.clone())
    }

    /// The underlying data (read-only).
    pub fn data(&self) -> &Data {
        &self.data
    }
}

fn proc_status_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// This process's resident memory in MB (Linux; `None` elsewhere).
pub fn rss_mb() -> Option<f64> {
    proc_status_mb("VmRSS:")
}

/// This process's peak resident memory in MB (Linux; `None` elsewhere).
pub fn peak_rss_mb() -> Option<f64> {
    proc_status_mb("VmHWM:")
}

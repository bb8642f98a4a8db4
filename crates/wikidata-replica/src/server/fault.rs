//! Deterministic faults (`--fault KIND:RATE`): the kinds, which request gets which, and the
//! error answers they send.

use super::NetOptions;
use crate::model::mix2;
use crate::response::html;
use crate::{Kind, Response};

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

    /// `KIND:RATE[@ROUTE]`, e.g. `429:0.1`, `429:1@sparql`: a fault for every data endpoint, or
    /// for one (`ROUTE` is a name of `by_kind` in the stats: `sparql`, `entitydata`, …).
    pub fn parse_route_spec(spec: &str) -> Result<(Fault, f64, Option<Kind>), String> {
        let Some((f, route)) = spec.split_once('@') else {
            let (fault, rate) = Fault::parse_spec(spec)?;
            return Ok((fault, rate, None));
        };
        let kind = Kind::by_name(route)
            .filter(|k| k.is_data())
            .ok_or_else(|| format!("--fault {spec:?}: unknown route {route:?} (sparql, entitydata, wbgetentities, wbsearchentities, filepath, api, other)"))?;
        let (fault, rate) = Fault::parse_spec(f)?;
        Ok((fault, rate, Some(kind)))
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

/// Uniform in [0, 1) from the seed and the request number.
fn unit(seed: u64, salt: u64, n: u64) -> f64 {
    (mix2(seed ^ salt, n) >> 11) as f64 / (1u64 << 53) as f64
}

pub(super) fn pick_fault(net: &NetOptions, n: u64, kind: Kind) -> Option<Fault> {
    let r = unit(net.seed, 0xfa17, n);
    let mut acc = 0.0;
    let for_route = net
        .route_faults
        .iter()
        .filter(|(k, _, _)| *k == kind)
        .map(|(_, f, rate)| (*f, *rate));
    for (f, rate) in net.faults.iter().copied().chain(for_route) {
        acc += rate;
        if r < acc {
            return Some(f);
        }
    }
    None
}

pub(super) fn fault_response(f: Fault) -> Response {
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
    let mut r = html(status, title, text);
    if f == Fault::TooMany {
        r.headers.push(("Retry-After".into(), "1".into()));
    }
    r
}

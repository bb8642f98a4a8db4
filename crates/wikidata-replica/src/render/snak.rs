//! Snaks: one property and its value (item, time, string, some/no value) in Wikidata's JSON,
//! with the datatype of each property and the hashes.

use std::fmt::Write as _;

use crate::json::{key, kn, kv};
use crate::model::{mix2, Modifier, PDate};

const GREGORIAN: &str = "http://www.wikidata.org/entity/Q1985727";
const JULIAN: &str = "http://www.wikidata.org/entity/Q1985786";

/// What links point to (an item id that may be a redirect, or an unknown value).
#[derive(Clone, Copy)]
pub(super) enum Val<'a> {
    Item(u32),
    Time(PDate),
    Year(i16),
    Str(&'a str),
    Some,
    NoValue,
}

pub(super) fn datatype_of(prop: &str) -> &'static str {
    match prop {
        "P18" => "commonsMedia",
        "P569" | "P570" | "P580" | "P582" | "P813" | "P1319" | "P1326" => "time",
        "P214" | "P227" | "P244" | "P213" | "P646" | "P269" | "P268" | "P1006" | "P7859"
        | "P2163" | "P3430" | "P4823" => "external-id",
        "P854" => "url",
        "P1545" => "string",
        _ => "wikibase-item",
    }
}

fn time_value(out: &mut String, d: &PDate) {
    out.push('{');
    let sign = if d.year < 0 { '-' } else { '+' };
    let _ = write!(
        out,
        "\"time\":\"{sign}{:04}-{:02}-{:02}T00:00:00Z\"",
        i32::from(d.year).abs(),
        d.month,
        d.day
    );
    out.push_str(",\"timezone\":0,\"before\":0,\"after\":0,");
    kn(out, "precision", d.precision());
    out.push(',');
    kv(
        out,
        "calendarmodel",
        if d.julian || d.year < 1583 {
            JULIAN
        } else {
            GREGORIAN
        },
    );
    out.push('}');
}

/// `"snaktype":…,"property":…,[hash,]"datavalue":…,"datatype":…`
pub(super) fn snak(out: &mut String, prop: &str, v: Val, hash: Option<u64>) {
    snak_typed(out, prop, datatype_of(prop), v, hash);
}

/// [`snak`] with the property's datatype given.
pub(super) fn snak_typed(out: &mut String, prop: &str, datatype: &str, v: Val, hash: Option<u64>) {
    out.push('{');
    let snaktype = match v {
        Val::Some => "somevalue",
        Val::NoValue => "novalue",
        _ => "value",
    };
    kv(out, "snaktype", snaktype);
    out.push(',');
    kv(out, "property", prop);
    if let Some(h) = hash {
        out.push(',');
        key(out, "hash");
        hex40(out, h);
    }
    match v {
        Val::Item(q) => {
            out.push_str(",\"datavalue\":{\"value\":{\"entity-type\":\"item\",");
            kn(out, "numeric-id", q);
            let _ = write!(out, ",\"id\":\"Q{q}\"}},\"type\":\"wikibase-entityid\"}}");
        }
        Val::Time(d) => {
            out.push_str(",\"datavalue\":{\"value\":");
            time_value(out, &d);
            out.push_str(",\"type\":\"time\"}");
        }
        Val::Year(y) => {
            out.push_str(",\"datavalue\":{\"value\":");
            time_value(
                out,
                &PDate {
                    year: y,
                    month: 0,
                    day: 0,
                    modifier: Modifier::Exact,
                    julian: false,
                    end_year: 0,
                },
            );
            out.push_str(",\"type\":\"time\"}");
        }
        Val::Str(s) => {
            out.push_str(",\"datavalue\":{");
            kv(out, "value", s);
            out.push_str(",\"type\":\"string\"}");
        }
        Val::Some | Val::NoValue => {}
    }
    out.push(',');
    kv(out, "datatype", datatype);
    out.push('}');
}

/// A hash as Wikidata writes it (40 hex digits), without quotes.
pub fn hex40_string(h: u64) -> String {
    let mut s = String::with_capacity(42);
    hex40(&mut s, h);
    s.trim_matches('"').to_string()
}

pub(super) fn hex40(out: &mut String, h: u64) {
    let a = mix2(h, 1);
    let b = mix2(h, 2);
    let c = mix2(h, 3);
    let _ = write!(out, "\"{:016x}{:016x}{:08x}\"", a, b, c as u32);
}

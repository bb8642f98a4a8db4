//! Entity JSON in Wikidata's exact format, rendered on demand from the compact model.

use std::fmt::Write as _;

use crate::json::{key, kn, kv, string, Sep};
use crate::model::{mix2, quirk, Data, Modifier, PDate, Person, Sex, NONE};

/// Which parts of an entity to include (`props` of wbgetentities).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Props {
    pub info: bool,
    pub labels: bool,
    pub descriptions: bool,
    pub aliases: bool,
    pub claims: bool,
    pub sitelinks: bool,
    /// `sitelinks/urls`: include each sitelink's `url` (EntityData always does).
    pub sitelink_urls: bool,
}

impl Props {
    pub const ALL: Props = Props {
        info: true,
        labels: true,
        descriptions: true,
        aliases: true,
        claims: true,
        sitelinks: true,
        sitelink_urls: true,
    };
}

/// `languages` and `languagefallback` of wbgetentities.
#[derive(Debug, Clone, Default)]
pub struct Langs {
    /// None: every language.
    pub only: Option<Vec<String>>,
    pub fallback: bool,
}

/// Entity size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Payload {
    /// Just the family statements, a few labels, at most one sitelink.
    #[default]
    Lean,
    /// Realistic size: many labels and sitelinks, non-family statements with references (50–500 KB).
    Full,
}

const GREGORIAN: &str = "http://www.wikidata.org/entity/Q1985727";
const JULIAN: &str = "http://www.wikidata.org/entity/Q1985786";

/// Languages used for padding labels/descriptions in `full` payloads.
const FULL_LANGS: &[&str] = &[
    "en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da", "nb", "nn", "fi", "et", "lv", "lt",
    "cs", "sk", "sl", "hr", "sr", "bs", "hu", "ro", "bg", "ru", "uk", "be", "el", "tr", "ca", "eu",
    "gl", "ast", "oc", "br", "cy", "ga", "gd", "is", "fo", "lb", "rm", "fur", "sc", "co", "vec",
    "lmo", "pms", "nap", "scn", "mt", "sq", "mk", "ka", "hy", "az", "kk", "uz", "tt", "ba", "cv",
    "ja", "zh", "ko", "vi", "id", "ms", "tl", "th", "hi", "bn", "ta", "te", "ur", "fa", "ar", "he",
    "yi", "sw", "af", "zu", "eo", "ia", "ie", "io", "vo", "la", "en-gb", "en-ca", "de-ch", "pt-br",
];

/// What links point to (an item id that may be a redirect, or an unknown value).
#[derive(Clone, Copy)]
enum Val<'a> {
    Item(u32),
    Time(PDate),
    Year(i16),
    Str(&'a str),
    Some,
    NoValue,
}

fn datatype_of(prop: &str) -> &'static str {
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
fn snak(out: &mut String, prop: &str, v: Val, hash: Option<u64>) {
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
    kv(out, "datatype", datatype_of(prop));
    out.push('}');
}

fn hex40(out: &mut String, h: u64) {
    let a = mix2(h, 1);
    let b = mix2(h, 2);
    let c = mix2(h, 3);
    let _ = write!(out, "\"{:016x}{:016x}{:08x}\"", a, b, c as u32);
}

/// A statement id like `Q42$1D7D0EA9-412F-8B5B-BA8D-405AB9ECF026`.
fn statement_id(out: &mut String, qid: u32, h: u64) {
    let a = mix2(h, 11);
    let b = mix2(h, 12);
    let _ = write!(
        out,
        "\"Q{qid}${:08X}-{:04X}-{:04X}-{:04X}-{:012X}\"",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    );
}

struct Qual<'a> {
    prop: &'a str,
    vals: Vec<Val<'a>>,
}

/// One reference: `P143` imported from English Wikipedia (lean) or a fuller one (full).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refs {
    None,
    Wikipedia,
    Rich(u8),
}

#[allow(clippy::too_many_arguments)]
fn statement(
    out: &mut String,
    qid: u32,
    prop: &str,
    v: Val,
    rank: &str,
    quals: &[Qual],
    refs: Refs,
    h: u64,
) {
    out.push_str("{\"mainsnak\":");
    snak(out, prop, v, None);
    out.push_str(",\"type\":\"statement\"");
    if !quals.is_empty() {
        out.push_str(",\"qualifiers\":{");
        let mut sep = Sep::new();
        for (qi, q) in quals.iter().enumerate() {
            sep.next(out);
            key(out, q.prop);
            out.push('[');
            let mut s2 = Sep::new();
            for (vi, v) in q.vals.iter().enumerate() {
                s2.next(out);
                snak(out, q.prop, *v, Some(mix2(h, (qi * 31 + vi) as u64 + 100)));
            }
            out.push(']');
        }
        out.push_str("},\"qualifiers-order\":[");
        let mut sep = Sep::new();
        for q in quals {
            sep.next(out);
            string(out, q.prop);
        }
        out.push(']');
    }
    out.push(',');
    key(out, "id");
    statement_id(out, qid, h);
    out.push(',');
    kv(out, "rank", rank);
    match refs {
        Refs::None => {}
        Refs::Wikipedia => {
            out.push_str(",\"references\":[{");
            key(out, "hash");
            hex40(out, 328);
            out.push_str(",\"snaks\":{\"P143\":[");
            snak(out, "P143", Val::Item(328), None);
            out.push_str("]},\"snaks-order\":[\"P143\"]}]");
        }
        Refs::Rich(n) => {
            out.push_str(",\"references\":[");
            for r in 0..n.max(1) {
                if r > 0 {
                    out.push(',');
                }
                let rh = mix2(h, 500 + r as u64);
                out.push('{');
                key(out, "hash");
                hex40(out, rh);
                out.push_str(",\"snaks\":{\"P248\":[");
                snak(out, "P248", Val::Item(36578 + (rh % 1000) as u32), None);
                out.push_str("],\"P854\":[");
                let url = format!(
                    "https://d-nb.info/gnd/{}/about/html?r={}",
                    118_000_000 + rh % 1_000_000,
                    r
                );
                snak(out, "P854", Val::Str(&url), None);
                out.push_str("],\"P813\":[");
                snak(
                    out,
                    "P813",
                    Val::Time(PDate {
                        year: 2013 + (rh % 10) as i16,
                        month: 1 + (rh % 12) as u8,
                        day: 1 + (rh % 28) as u8,
                        modifier: Modifier::Exact,
                        julian: false,
                        end_year: 0,
                    }),
                    None,
                );
                out.push_str("]},\"snaks-order\":[\"P248\",\"P854\",\"P813\"]}");
            }
            out.push(']');
        }
    }
    out.push('}');
}

fn date_quals(d: &PDate) -> Vec<Qual<'static>> {
    match d.modifier {
        Modifier::About => vec![Qual {
            prop: "P1480",
            vals: vec![Val::Item(5727902)],
        }],
        Modifier::Estimated | Modifier::Calculated => vec![Qual {
            prop: "P1480",
            vals: vec![Val::Item(18122778)],
        }],
        Modifier::Before => vec![Qual {
            prop: "P1326",
            vals: vec![Val::Time(*d)],
        }],
        Modifier::After => vec![Qual {
            prop: "P1319",
            vals: vec![Val::Time(*d)],
        }],
        Modifier::Between => vec![
            Qual {
                prop: "P1319",
                vals: vec![Val::Time(*d)],
            },
            Qual {
                prop: "P1326",
                vals: vec![Val::Year(d.end_year)],
            },
        ],
        Modifier::Exact | Modifier::None => Vec::new(),
    }
}

/// Everything needed to render one entity.
pub struct Ctx<'a> {
    pub data: &'a Data,
    pub payload: Payload,
    pub props: Props,
    pub langs: &'a Langs,
    /// Pad the entity to at least this many bytes (`--big-entity`).
    pub pad_to: Option<usize>,
}

fn german(s: &str) -> String {
    s.replace(" of ", " von ")
}
fn french(s: &str) -> String {
    s.replace(" of ", " de ")
}

/// Labels as (language, value).
fn labels(c: &Ctx, idx: u32, p: &Person) -> Vec<(&'static str, String)> {
    let label = c.data.label(idx);
    if label.is_empty() {
        return Vec::new();
    }
    let mut v = vec![("en", label.to_string())];
    match c.payload {
        Payload::Full => {
            for &l in FULL_LANGS.iter().skip(1) {
                let text = match l {
                    "de" | "de-ch" | "nl" => german(label),
                    "fr" | "es" | "it" | "pt" | "pt-br" | "ca" => french(label),
                    _ => label.to_string(),
                };
                v.push((l, text));
            }
        }
        Payload::Lean => {
            if mix2(p.qid as u64, 0x4c41).is_multiple_of(3) {
                v.push(("de", german(label)));
                v.push(("fr", french(label)));
            }
        }
    }
    v
}

fn descriptions(c: &Ctx, p: &Person) -> Vec<(&'static str, String)> {
    let Some(t) = c.data.title(p) else {
        return Vec::new();
    };
    let mut v = vec![("en", t.to_string())];
    if c.payload == Payload::Full {
        for &l in FULL_LANGS.iter().skip(1).take(30) {
            v.push((l, t.to_string()));
        }
    }
    v
}

fn wanted(c: &Ctx, lang: &str) -> bool {
    match &c.langs.only {
        None => true,
        Some(list) => list.iter().any(|l| l == lang),
    }
}

/// Terms filtered by `languages`, with fallback to English for requested languages lacking one.
fn term_map(out: &mut String, c: &Ctx, terms: &[(&str, String)]) {
    out.push('{');
    let mut sep = Sep::new();
    for (lang, value) in terms {
        if wanted(c, lang) {
            sep.next(out);
            key(out, lang);
            out.push('{');
            kv(out, "language", lang);
            out.push(',');
            kv(out, "value", value);
            out.push('}');
        }
    }
    if c.langs.fallback {
        if let (Some(list), Some((_, en))) = (&c.langs.only, terms.iter().find(|(l, _)| *l == "en"))
        {
            for want in list {
                if terms.iter().any(|(l, _)| l == want) {
                    continue;
                }
                sep.next(out);
                key(out, want);
                out.push('{');
                kv(out, "language", "en");
                out.push(',');
                kv(out, "value", en);
                out.push(',');
                kv(out, "for-language", want);
                out.push('}');
            }
        }
    }
    out.push('}');
}

/// P18 file name for a person, if any.
pub fn image_of(data: &Data, idx: u32, p: &Person) -> Option<String> {
    if let Some(f) = data.images.get(&idx) {
        return Some(f.to_string());
    }
    mix2(p.qid as u64, 0x50_3138)
        .is_multiple_of(5)
        .then(|| format!("Replica portrait Q{}.svg", p.qid))
}

/// Wikipedia-style page title and URL path for the English sitelink.
fn wiki_url(host: &str, title: &str) -> String {
    let path: String = title.replace(' ', "_");
    let mut enc = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"_-.,()'!:".contains(&b) {
            enc.push(char::from(b));
        } else {
            let _ = write!(enc, "%{b:02X}");
        }
    }
    format!("https://{host}/wiki/{enc}")
}

fn sitelinks(out: &mut String, c: &Ctx, idx: u32, p: &Person) {
    out.push('{');
    let label = c.data.label(idx);
    let mut sep = Sep::new();
    let sites: Vec<(&str, &str)> = match c.payload {
        Payload::Lean => {
            if !label.is_empty() && mix2(p.qid as u64, 0x5349).is_multiple_of(2) {
                vec![("enwiki", "en")]
            } else {
                Vec::new()
            }
        }
        Payload::Full if !label.is_empty() => FULL_LANGS
            .iter()
            .filter(|l| !l.contains('-'))
            .map(|l| (*l, *l))
            .collect(),
        Payload::Full => Vec::new(),
    };
    for (site, lang) in sites {
        sep.next(out);
        let site = if site.ends_with("wiki") {
            site.to_string()
        } else {
            format!("{}wiki", site.replace('-', "_"))
        };
        key(out, &site);
        out.push('{');
        kv(out, "site", &site);
        out.push(',');
        kv(out, "title", label);
        out.push_str(",\"badges\":[]");
        if c.props.sitelink_urls {
            out.push(',');
            kv(
                out,
                "url",
                &wiki_url(&format!("{lang}.wikipedia.org"), label),
            );
        }
        out.push('}');
    }
    out.push('}');
}

/// Non-family properties used to pad `full` entities.
const PAD_PROPS: &[&str] = &[
    "P735", "P734", "P27", "P106", "P1412", "P39", "P97", "P53", "P140", "P551", "P19", "P20",
    "P119", "P1038", "P3373", "P214", "P227", "P244", "P213", "P646", "P269", "P268", "P1006",
    "P7859", "P2163", "P3430", "P4823",
];

fn pad_claims(out: &mut String, qid: u32, start: usize, target: usize, first: &mut Sep) {
    let mut g: u64 = 0;
    while out.len().saturating_sub(start) < target {
        let prop_owned;
        let prop: &str = match PAD_PROPS.get(g as usize) {
            Some(p) => p,
            None => {
                prop_owned = format!("P{}", 5000 + g);
                &prop_owned
            }
        };
        first.next(out);
        key(out, prop);
        out.push('[');
        let h = mix2(qid as u64, 0x7061_6400 + g);
        let count = 1 + h % 4;
        for k in 0..count {
            if k > 0 {
                out.push(',');
            }
            let sh = mix2(h, k);
            let v = if datatype_of(prop) == "external-id" {
                let s = format!("{}{:08}", prop.to_ascii_lowercase(), sh % 100_000_000);
                out_statement_str(out, qid, prop, &s, sh);
                continue;
            } else {
                Val::Item(1000 + (sh % 5_000_000) as u32)
            };
            statement(
                out,
                qid,
                prop,
                v,
                "normal",
                &[],
                Refs::Rich(1 + (sh % 3) as u8),
                sh,
            );
        }
        out.push(']');
        g += 1;
    }
}

fn out_statement_str(out: &mut String, qid: u32, prop: &str, s: &str, h: u64) {
    statement(
        out,
        qid,
        prop,
        Val::Str(s),
        "normal",
        &[],
        Refs::Rich(1 + (h % 2) as u8),
        h,
    );
}

fn claims(out: &mut String, c: &Ctx, idx: u32, p: &Person) {
    let d = c.data;
    let q = p.qid;
    let start = out.len();
    let full = c.payload == Payload::Full;
    let fam_refs = if full { Refs::Rich(2) } else { Refs::Wikipedia };
    let dup = p.quirks & quirk::DUPLICATE != 0;
    out.push('{');
    let mut props = Sep::new();
    let h = |prop: u64, n: u64| mix2(q as u64, prop * 1000 + n);

    // P31 instance of human.
    props.next(out);
    out.push_str("\"P31\":[");
    statement(
        out,
        q,
        "P31",
        Val::Item(5),
        "normal",
        &[],
        fam_refs,
        h(31, 0),
    );
    if dup {
        out.push(',');
        statement(
            out,
            q,
            "P31",
            Val::Item(5),
            "normal",
            &[],
            Refs::None,
            h(31, 1),
        );
    }
    out.push(']');

    if p.sex != Sex::Unknown {
        props.next(out);
        out.push_str("\"P21\":[");
        let v = if p.sex == Sex::Male { 6581097 } else { 6581072 };
        statement(
            out,
            q,
            "P21",
            Val::Item(v),
            "normal",
            &[],
            fam_refs,
            h(21, 0),
        );
        out.push(']');
    }

    for (prop, pnum, parent) in [("P22", 22u64, p.father), ("P25", 25, p.mother)] {
        let mut items: Vec<(Val, &str, Vec<Qual>)> = Vec::new();
        if parent != NONE {
            let Some(link) = d.link_qid(parent) else {
                continue;
            };
            let deprecated = pnum == 22 && p.quirks & quirk::DEPRECATED_FATHER != 0;
            let wrong = d
                .person(parent)
                .map(|f| f.father)
                .and_then(|gf| d.link_qid(gf));
            match (deprecated, wrong) {
                (true, Some(wrong)) => {
                    items.push((Val::Item(link), "preferred", Vec::new()));
                    items.push((
                        Val::Item(wrong),
                        "deprecated",
                        vec![Qual {
                            prop: "P2241",
                            vals: vec![Val::Item(41755623)],
                        }],
                    ));
                }
                _ => items.push((Val::Item(link), "normal", Vec::new())),
            }
            if dup {
                items.push((Val::Item(link), "normal", Vec::new()));
            }
        } else if p.quirks & quirk::UNKNOWN_PARENT != 0 {
            items.push((
                if pnum == 22 { Val::Some } else { Val::NoValue },
                "normal",
                Vec::new(),
            ));
        }
        if items.is_empty() {
            continue;
        }
        props.next(out);
        key(out, prop);
        out.push('[');
        for (n, (v, rank, quals)) in items.into_iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            statement(out, q, prop, v, rank, &quals, fam_refs, h(pnum, n as u64));
        }
        out.push(']');
    }

    if !p.spouses.is_empty() {
        props.next(out);
        out.push_str("\"P26\":[");
        let mut sep = Sep::new();
        for (n, &s) in p.spouses.iter().enumerate() {
            if let Some(link) = d.link_qid(s) {
                sep.next(out);
                statement(
                    out,
                    q,
                    "P26",
                    Val::Item(link),
                    "normal",
                    &[],
                    fam_refs,
                    h(26, n as u64),
                );
            }
        }
        out.push(']');
    }

    let kids: Vec<u32> = p
        .children
        .iter()
        .copied()
        .filter(|&c| {
            d.person(c)
                .is_some_and(|k| k.quirks & quirk::ONE_SIDED == 0)
        })
        .collect();
    if !kids.is_empty() {
        props.next(out);
        out.push_str("\"P40\":[");
        let mut sep = Sep::new();
        for (n, &k) in kids.iter().enumerate() {
            if let Some(link) = d.link_qid(k) {
                sep.next(out);
                statement(
                    out,
                    q,
                    "P40",
                    Val::Item(link),
                    "normal",
                    &[],
                    fam_refs,
                    h(40, n as u64),
                );
            }
        }
        out.push(']');
    }

    for (prop, pnum, date) in [("P569", 569u64, &p.birth), ("P570", 570, &p.death)] {
        if date.is_some() {
            props.next(out);
            key(out, prop);
            out.push('[');
            statement(
                out,
                q,
                prop,
                Val::Time(*date),
                "normal",
                &date_quals(date),
                fam_refs,
                h(pnum, 0),
            );
            out.push(']');
        }
    }

    if let Some(img) = image_of(d, idx, p) {
        props.next(out);
        out.push_str("\"P18\":[");
        statement(
            out,
            q,
            "P18",
            Val::Str(&img),
            "normal",
            &[],
            Refs::None,
            h(18, 0),
        );
        out.push(']');
    }

    let target = match (c.pad_to, full) {
        (Some(t), _) => Some(t),
        (None, true) => Some(50_000 + (mix2(q as u64, 0x66756c6c) % 450_000) as usize),
        (None, false) => None,
    };
    if let Some(t) = target {
        pad_claims(out, q, start, t, &mut props);
    }
    out.push('}');
}

/// Render the entity at `idx`. `as_id`, if given, is the id it was asked for (a redirect).
pub fn entity(out: &mut String, c: &Ctx, idx: u32, redirected_from: Option<u32>) {
    let Some(p) = c.data.person(idx) else {
        out.push_str("{}");
        return;
    };
    let q = p.qid;
    out.push('{');
    if let Some(from) = redirected_from {
        let _ = write!(
            out,
            "\"redirects\":{{\"from\":\"Q{from}\",\"to\":\"Q{q}\"}},"
        );
    }
    if c.props.info {
        let h = mix2(q as u64, 0x696e666f);
        kn(out, "pageid", 1_000_000 + (h % 120_000_000));
        out.push_str(",\"ns\":0,");
        let _ = write!(out, "\"title\":\"Q{q}\",");
        kn(out, "lastrevid", 1_900_000_000 + (h % 400_000_000));
        let _ = write!(
            out,
            ",\"modified\":\"20{:02}-{:02}-{:02}T{:02}:{:02}:{:02}Z\",",
            19 + h % 6,
            1 + (h >> 8) % 12,
            1 + (h >> 16) % 28,
            (h >> 24) % 24,
            (h >> 32) % 60,
            (h >> 40) % 60
        );
    }
    let _ = write!(out, "\"type\":\"item\",\"id\":\"Q{q}\"");
    if c.props.labels {
        out.push_str(",\"labels\":");
        term_map(out, c, &labels(c, idx, p));
    }
    if c.props.descriptions {
        out.push_str(",\"descriptions\":");
        term_map(out, c, &descriptions(c, p));
    }
    if c.props.aliases {
        out.push_str(",\"aliases\":{");
        if let Some(al) = c.data.aliases.get(&idx) {
            if !al.is_empty() && wanted(c, "en") {
                out.push_str("\"en\":[");
                let mut sep = Sep::new();
                for a in al {
                    sep.next(out);
                    out.push_str("{\"language\":\"en\",");
                    kv(out, "value", a);
                    out.push('}');
                }
                out.push(']');
            }
        }
        out.push('}');
    }
    if c.props.claims {
        out.push_str(",\"claims\":");
        claims(out, c, idx, p);
    }
    if c.props.sitelinks {
        out.push_str(",\"sitelinks\":");
        sitelinks(out, c, idx, p);
    }
    out.push('}');
}

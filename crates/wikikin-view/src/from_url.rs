//! Reading a question from the URL (and from what is typed into the form): people, roots,
//! language, endpoint, Wikibase instance and property ids, query service, cap, fetch mode,
//! timeout. Never fails: whatever is malformed becomes a message in words.

use crate::question::{Ask, DEFAULT_CAP, DEFAULT_TIMEOUT_S, MAX_CAP, MAX_PEOPLE, MAX_ROOTS};
use wikikin_core::{parse_endpoint, parse_person_input, FetchMode, Instance, Props, Qid};

/// A language typed into the form, or the message refusing it.
pub fn read_lang(typed: &str) -> Result<String, String> {
    let v = typed.trim().to_ascii_lowercase();
    if valid_lang(&v) {
        Ok(v)
    } else {
        Err(format!(
            "“{}” is not a language code like en or de.",
            v.chars().take(20).collect::<String>()
        ))
    }
}

/// A cap typed into the form, kept within 1..=[`MAX_CAP`] (`None` when not a number).
pub fn read_cap(typed: &str) -> Option<usize> {
    typed
        .trim()
        .parse::<usize>()
        .ok()
        .map(|c| c.clamp(1, MAX_CAP))
}

/// A question read from a URL, with what had to be fixed or dropped, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct FromUrl {
    pub ask: Ask,
    pub messages: Vec<String>,
    /// Run it at once: the URL names a complete question and nothing in it was refused.
    pub run: bool,
}

/// A language tag we accept: `en`, `de`, `pt-br`, `zh-hant`.
pub fn valid_lang(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    first_ok
        && s.len() <= 20
        && parts.all(|p| {
            (1..=8).contains(&p.len())
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Region variants that are Wikidata label languages of their own; for any other region the
/// browser's `en-US` becomes `en` (Wikidata refuses unknown language codes).
const WIKIDATA_VARIANTS: &[&str] = &[
    "pt-br", "en-gb", "en-ca", "de-ch", "de-at", "fr-ca", "es-419", "zh-cn", "zh-tw", "zh-hk",
    "zh-hans", "zh-hant", "sr-ec", "sr-el",
];

/// The browser's language as a Wikidata language code, or `en`.
pub fn lang_from_browser(navigator_language: Option<String>) -> String {
    let Some(l) = navigator_language.map(|l| l.trim().to_ascii_lowercase()) else {
        return "en".into();
    };
    if WIKIDATA_VARIANTS.contains(&l.as_str()) {
        return l;
    }
    let primary = l.split('-').next().unwrap_or("");
    if valid_lang(primary) {
        primary.to_string()
    } else {
        "en".into()
    }
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Reads a list of people: ids or links separated by commas (or `|`, or spaces).
/// Returns the ids (deduplicated, at most `max`) and the messages for what was dropped.
pub fn read_ids(raw: &str, what: &str, max: usize) -> (Vec<Qid>, Vec<String>) {
    let mut ids = Vec::new();
    let mut messages = Vec::new();
    let mut bad = 0usize;
    let mut extra = 0usize;
    let mut twice: Vec<Qid> = Vec::new();
    for token in raw
        .split([',', '|', ' ', '\n', '\t'])
        .filter(|t| !t.trim().is_empty())
    {
        match parse_person_input(token) {
            Ok(q) if ids.contains(&q) => {
                if !twice.contains(&q) {
                    twice.push(q);
                    messages.push(format!("{q} is given twice in {what}: it counts once."));
                }
            }
            Ok(_) if ids.len() >= max => extra += 1,
            Ok(q) => ids.push(q),
            Err(_) => {
                bad += 1;
                if bad <= 3 {
                    messages.push(format!(
                        "“{}” in {what} is not a Wikidata item id like Q42: skipped.",
                        shorten(token.trim())
                    ));
                }
            }
        }
    }
    if bad > 3 {
        messages.push(format!("{} more malformed ids in {what} skipped.", bad - 3));
    }
    if extra > 0 {
        messages.push(format!(
            "Too many {what}: the first {max} are kept, {extra} more dropped."
        ));
    }
    (ids, messages)
}

/// Reads the question from the URL's query parameters (`get` answers one parameter).
/// Unknown parameters are ignored.
pub fn from_query(get: impl Fn(&str) -> Option<String>, browser_lang: &str) -> FromUrl {
    let mut ask = Ask::new(browser_lang);
    let mut messages = Vec::new();
    let mut refused = false;
    if let Some(raw) = get("people") {
        let (ids, m) = read_ids(&raw, "people", MAX_PEOPLE);
        ask.people = ids;
        messages.extend(m);
    }
    if let Some(raw) = get("roots") {
        let (ids, m) = read_ids(&raw, "roots", MAX_ROOTS);
        ask.roots = ids;
        messages.extend(m);
    }
    if let Some(lang) = get("lang") {
        let l = lang.trim().to_ascii_lowercase();
        if valid_lang(&l) {
            ask.lang = l;
        } else {
            messages.push(format!(
                "“{}” is not a language code like en or de: labels are in {browser_lang}.",
                shorten(&lang)
            ));
        }
    }
    if let Some(endpoint) = get("endpoint") {
        match parse_endpoint(&endpoint) {
            Ok(e) => ask.set_endpoint(&e),
            Err(why) => {
                refused = true;
                messages.push(format!(
                    "The endpoint was refused and Wikidata is used instead: {why}"
                ));
            }
        }
    }
    if let Some(d) = get("descendants") {
        match d.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "all" => ask.descendants = true,
            "0" | "false" | "no" | "" => {}
            _ => messages.push("descendants must be 1 or 0: not drawing all descendants.".into()),
        }
    }
    read_wikibase(&get, &mut ask, &mut messages, &mut refused);
    ask.fetch = ask.default_fetch();
    if let Some(cap) = get("cap") {
        match cap.trim().parse::<usize>() {
            Ok(c) if (1..=MAX_CAP).contains(&c) => ask.cap = c,
            _ => messages.push(format!(
                "cap must be a number of requests from 1 to {MAX_CAP}: using {DEFAULT_CAP}."
            )),
        }
    }
    if let Some(fetch) = get("fetch") {
        match fetch.trim().to_ascii_lowercase().as_str() {
            "entitydata" => ask.fetch = FetchMode::EntityData,
            "wbgetentities" | "getentities" => ask.fetch = FetchMode::GetEntities,
            "sparql" if ask.sparql.is_some() => ask.fetch = FetchMode::Sparql,
            "sparql" => messages.push(format!(
                "No query service is known for {}: give sparql=… to use one. Using wbgetentities.",
                ask.source_name()
            )),
            _ => messages.push(format!(
                "fetch must be entitydata, wbgetentities or sparql: using {}.",
                match ask.fetch {
                    FetchMode::Sparql => "the query service",
                    _ => "wbgetentities",
                }
            )),
        }
    }
    if let Some(t) = get("timeout") {
        match t.trim().parse::<u32>() {
            Ok(s) if (1..=300).contains(&s) => ask.timeout_s = s,
            _ => messages.push(format!(
                "timeout must be 1 to 300 seconds: using {DEFAULT_TIMEOUT_S}."
            )),
        }
    }
    // A question the URL means to ask but cannot be asked as it stands says what is missing.
    let meant = ["people", "roots", "descendants"]
        .iter()
        .any(|k| get(k).is_some_and(|v| !v.trim().is_empty()));
    let checked = ask.check();
    if let (true, Err(why)) = (meant, &checked) {
        messages.push(why.clone());
    }
    let run = !refused && checked.is_ok();
    FromUrl { ask, messages, run }
}

/// Reads `wikibase=`, `props=` and `sparql=` (after `endpoint=`): which instance the endpoint
/// is, the property ids to read, and the query service.
fn read_wikibase(
    get: &impl Fn(&str) -> Option<String>,
    ask: &mut Ask,
    messages: &mut Vec<String>,
    refused: &mut bool,
) {
    ask.instance = Instance::by_endpoint(&ask.endpoint);
    if let Some(key) = get("wikibase") {
        let key = key.trim().to_ascii_lowercase();
        match Instance::by_key(&key) {
            Some(i) => {
                if get("endpoint").is_none() {
                    ask.endpoint = i.endpoint.to_string();
                }
                ask.instance = Some(i);
            }
            None => messages.push(format!(
                "“{}” is not a Wikibase wikikin knows (wikidata, factgrid): give props= for its property ids.",
                shorten(&key)
            )),
        }
    }
    let base = ask
        .instance
        .as_ref()
        .map_or_else(Props::wikidata, |i| i.props.clone());
    ask.props = base.clone();
    ask.sparql = ask
        .instance
        .as_ref()
        .and_then(|i| i.sparql)
        .filter(|_| {
            // The instance's own query service, when the data does come from that instance.
            ask.instance.as_ref().map(|i| i.endpoint) == Some(ask.endpoint.as_str())
        })
        .map(str::to_string);
    if let Some(p) = get("props") {
        match Props::parse(&p, &base) {
            Ok(props) => {
                ask.props = props;
                ask.props_param = Some(p.trim().to_string());
            }
            Err(errors) => {
                *refused = true;
                for e in errors.iter().take(4) {
                    messages.push(format!("props: {e}."));
                }
                messages.push(format!(
                    "props was not used: the property ids of {} are read instead.",
                    ask.source_name()
                ));
            }
        }
    }
    if let Some(s) = get("sparql") {
        match parse_endpoint(&s) {
            Ok(url) => {
                ask.sparql = Some(url);
                ask.sparql_given = true;
            }
            Err(why) => messages.push(format!("The query service was refused: {why}")),
        }
    }
}

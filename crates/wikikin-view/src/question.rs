//! The question as the URL holds it: `?people=Q9682,Q80976&roots=Q9439,Q151305&lang=en`, plus the
//! optional `endpoint`, `cap`, `fetch` and `timeout`. Reading never fails: whatever is malformed
//! becomes a message in words and a usable form.

use wikikin_core::{
    parse_endpoint, parse_person_input, CrawlConfig, FetchMode, Qid, DEFAULT_ENDPOINT,
};

/// At most this many people to relate (each pair is named).
pub const MAX_PEOPLE: usize = 12;
/// At most this many roots to explore down from.
pub const MAX_ROOTS: usize = 8;
/// Requests in flight at once to one host, by default: polite to Wikidata.
pub const DEFAULT_CAP: usize = 6;
/// The cap can be raised this far and no further.
pub const MAX_CAP: usize = 32;
/// Seconds before a request that gets no answer is given up (and retried once).
pub const DEFAULT_TIMEOUT_S: u32 = 30;

/// Which list of the question a field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    People,
    Roots,
}

impl Which {
    /// The field's name in ids and test hooks (`people-input`, `field-roots`…).
    pub fn id(self) -> &'static str {
        match self {
            Which::People => "people",
            Which::Roots => "roots",
        }
    }

    /// How many ids the list holds at most.
    pub fn max(self) -> usize {
        match self {
            Which::People => MAX_PEOPLE,
            Which::Roots => MAX_ROOTS,
        }
    }
}

/// One classic question, one click away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub title: &'static str,
    pub people: &'static [&'static str],
    pub roots: &'static [&'static str],
}

/// The classic questions, one click each.
pub const PRESETS: &[Preset] = &[
    Preset {
        title: "Elizabeth II & Prince Philip",
        people: &["Q9682", "Q80976"],
        roots: &[],
    },
    Preset {
        title: "Elizabeth II & Philip, down from Victoria and Christian IX",
        people: &["Q9682", "Q80976"],
        roots: &["Q9439", "Q151305"],
    },
    Preset {
        title: "Christian IX to Nicholas II and Felipe VI",
        people: &["Q40787", "Q191045"],
        roots: &["Q151305"],
    },
];

/// One question: who, through which roots, in which language, from which Wikibase.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub people: Vec<Qid>,
    pub roots: Vec<Qid>,
    pub lang: String,
    pub endpoint: String,
    pub cap: usize,
    pub fetch: FetchMode,
    pub timeout_s: u32,
}

impl Ask {
    /// An empty question in a language.
    pub fn new(lang: &str) -> Ask {
        Ask {
            people: Vec::new(),
            roots: Vec::new(),
            lang: lang.to_string(),
            endpoint: DEFAULT_ENDPOINT.to_string(),
            cap: DEFAULT_CAP,
            fetch: FetchMode::GetEntities,
            timeout_s: DEFAULT_TIMEOUT_S,
        }
    }

    /// Explore down from roots, rather than relate upward.
    pub fn explores(&self) -> bool {
        !self.roots.is_empty()
    }

    pub fn is_default_endpoint(&self) -> bool {
        self.endpoint == DEFAULT_ENDPOINT
    }

    /// Whether the question can be run, and if not, why, in words.
    pub fn check(&self) -> Result<(), String> {
        if self.explores() {
            if self.people.is_empty() {
                return Err("Add at least one person to reach from the roots.".into());
            }
        } else if self.people.len() < 2 {
            return Err("Add at least two people to relate (or a root to explore from).".into());
        }
        Ok(())
    }

    /// The people or the roots.
    pub fn list(&self, which: Which) -> &[Qid] {
        match which {
            Which::People => &self.people,
            Which::Roots => &self.roots,
        }
    }

    fn list_mut(&mut self, which: Which) -> &mut Vec<Qid> {
        match which {
            Which::People => &mut self.people,
            Which::Roots => &mut self.roots,
        }
    }

    /// Adds `q` to a list (nothing when it is there already); refuses, in words, when the list
    /// is full.
    pub fn add(&mut self, which: Which, q: Qid) -> Result<(), String> {
        let max = which.max();
        let list = self.list_mut(which);
        if list.contains(&q) {
            Ok(())
        } else if list.len() >= max {
            Err(format!("At most {max} here."))
        } else {
            list.push(q);
            Ok(())
        }
    }

    /// Removes `q` from a list.
    pub fn remove(&mut self, which: Which, q: Qid) {
        self.list_mut(which).retain(|x| *x != q);
    }

    /// Puts a classic question in the form (its ids are well formed; any that were not would
    /// be left out).
    pub fn apply(&mut self, preset: &Preset) {
        self.people = preset
            .people
            .iter()
            .filter_map(|s| s.parse().ok())
            .collect();
        self.roots = preset.roots.iter().filter_map(|s| s.parse().ok()).collect();
    }

    /// The crawl that answers this question: relate upward, or explore down from the roots.
    pub fn crawl_config(&self) -> CrawlConfig {
        let mut config = if self.explores() {
            CrawlConfig::explore(self.roots.clone(), self.people.clone())
        } else {
            CrawlConfig::relate(self.people.clone())
        };
        config.fetch = self.fetch;
        config.languages = vec![self.lang.clone()];
        config
    }

    /// The request timeout in milliseconds.
    pub fn timeout_ms(&self) -> u32 {
        self.timeout_s.saturating_mul(1000)
    }

    /// The query string that reproduces this question (without the leading `?`).
    pub fn to_query(&self, lang_default: &str) -> String {
        let list = |v: &[Qid]| v.iter().map(Qid::to_string).collect::<Vec<_>>().join(",");
        let mut parts = Vec::new();
        if !self.people.is_empty() {
            parts.push(format!("people={}", list(&self.people)));
        }
        if !self.roots.is_empty() {
            parts.push(format!("roots={}", list(&self.roots)));
        }
        if self.lang != lang_default || !parts.is_empty() {
            parts.push(format!("lang={}", self.lang));
        }
        if !self.is_default_endpoint() {
            parts.push(format!(
                "endpoint={}",
                wikikin_core::encode_component(&self.endpoint)
            ));
        }
        if self.cap != DEFAULT_CAP {
            parts.push(format!("cap={}", self.cap));
        }
        if self.fetch != FetchMode::GetEntities {
            parts.push("fetch=entitydata".into());
        }
        if self.timeout_s != DEFAULT_TIMEOUT_S {
            parts.push(format!("timeout={}", self.timeout_s));
        }
        parts.join("&")
    }
}

/// The crawl that loads a few people (for the chips' labels and years) through the same
/// engine: one that explores zero degrees from them.
pub fn lookup_config(ids: Vec<Qid>, lang: &str) -> CrawlConfig {
    let mut config = CrawlConfig::explore(ids.clone(), ids);
    config.max_generations = 0;
    config.children_fallback = false;
    config.languages = vec![lang.to_string()];
    config
}

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
    for token in raw
        .split([',', '|', ' ', '\n', '\t'])
        .filter(|t| !t.trim().is_empty())
    {
        match parse_person_input(token) {
            Ok(q) if ids.contains(&q) => {}
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
            Ok(e) => ask.endpoint = e,
            Err(why) => {
                refused = true;
                messages.push(format!(
                    "The endpoint was refused and Wikidata is used instead: {why}"
                ));
            }
        }
    }
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
            _ => messages.push(
                "fetch must be entitydata or wbgetentities: using wbgetentities.".to_string(),
            ),
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
    let run = !refused && ask.check().is_ok();
    FromUrl { ask, messages, run }
}

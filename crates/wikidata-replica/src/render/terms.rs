//! Terms: labels and descriptions per language (lean or full), filtered by `languages`,
//! with the English fallback of `languagefallback`.

use super::{Ctx, Payload};
use crate::json::{key, kv, Sep};
use crate::model::{mix2, Person};

/// Languages used for padding labels/descriptions in `full` payloads.
pub(super) const FULL_LANGS: &[&str] = &[
    "en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da", "nb", "nn", "fi", "et", "lv", "lt",
    "cs", "sk", "sl", "hr", "sr", "bs", "hu", "ro", "bg", "ru", "uk", "be", "el", "tr", "ca", "eu",
    "gl", "ast", "oc", "br", "cy", "ga", "gd", "is", "fo", "lb", "rm", "fur", "sc", "co", "vec",
    "lmo", "pms", "nap", "scn", "mt", "sq", "mk", "ka", "hy", "az", "kk", "uz", "tt", "ba", "cv",
    "ja", "zh", "ko", "vi", "id", "ms", "tl", "th", "hi", "bn", "ta", "te", "ur", "fa", "ar", "he",
    "yi", "sw", "af", "zu", "eo", "ia", "ie", "io", "vo", "la", "en-gb", "en-ca", "de-ch", "pt-br",
];

fn german(s: &str) -> String {
    s.replace(" of ", " von ")
}
fn french(s: &str) -> String {
    s.replace(" of ", " de ")
}

/// Labels as (language, value).
pub(super) fn labels(c: &Ctx, idx: u32, p: &Person) -> Vec<(&'static str, String)> {
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

pub(super) fn descriptions(c: &Ctx, p: &Person) -> Vec<(&'static str, String)> {
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

pub(super) fn wanted(c: &Ctx, lang: &str) -> bool {
    match &c.langs.only {
        None => true,
        Some(list) => list.iter().any(|l| l == lang),
    }
}

/// Terms filtered by `languages`, with fallback to English for requested languages lacking one.
pub(super) fn term_map(out: &mut String, c: &Ctx, terms: &[(&str, String)]) {
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

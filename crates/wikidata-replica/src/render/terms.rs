//! Terms: labels and descriptions per language (lean or full), filtered by `languages`,
//! with the English fallback of `languagefallback`.

use super::{langs, Ctx, Payload};
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

/// Which of the seven other languages a person without a real Q-id has a label in: a third of
/// people all seven, a third German and French (the lean payload's old rule), a third none.
fn has_lang(qid: u32, lang: &str) -> bool {
    match mix2(qid as u64, 0x4c41) % 3 {
        0 => true,
        1 => matches!(lang, "de" | "fr"),
        _ => false,
    }
}

/// The label of a person in `lang`, if it has one (`en`: the English label).
fn label_in(c: &Ctx, p: &Person, en: &str, lang: &'static str) -> Option<String> {
    if lang == "en" {
        return Some(en.to_string());
    }
    if c.data.real_qids.contains(&p.qid) {
        if let Some(k) = langs::known(p.qid, lang) {
            return Some(k.to_string());
        }
        return Some(langs::translate(en, lang));
    }
    (c.payload == Payload::Full || has_lang(p.qid, lang)).then(|| langs::translate(en, lang))
}

/// Labels as (language, value): English, then the seven other languages wikikin speaks where
/// the person has them (`langs.rs`), then, for `full` payloads, the rest of [`FULL_LANGS`].
pub(super) fn labels(c: &Ctx, idx: u32, p: &Person) -> Vec<(&'static str, String)> {
    let label = c.data.label(idx);
    if label.is_empty() {
        return Vec::new();
    }
    let mut v = vec![("en", label.to_string())];
    for lang in langs::OTHER_LANGS {
        if let Some(text) = label_in(c, p, label, lang) {
            v.push((lang, text));
        }
    }
    if c.payload == Payload::Full {
        for &l in FULL_LANGS.iter().skip(1) {
            if langs::OTHER_LANGS.contains(&l) {
                continue;
            }
            let text = match l {
                "de-ch" => langs::translate(label, "de"),
                "fr" | "it" | "pt" | "pt-br" | "ca" => label.replace(" of ", " de "),
                _ => label.to_string(),
            };
            v.push((l, text));
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

//! The raw response shapes (response, entities, one entity, its terms) and their skipping
//! deserializers: only what is used is allocated.

use super::*;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;

// ---------------------------------------------------------------------------------------------
// Raw shapes and their skipping deserializers.

/// A map key or short string, borrowed from the input when it has no escapes.
pub(super) struct Key<'de>(pub(super) Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

pub(super) struct RawResponse {
    pub(super) entities: Vec<RawEntity>,
    pub(super) had_entities: bool,
    pub(super) error: Option<String>,
}

pub(super) struct ResponseSeed<'c> {
    pub(super) chain: &'c [&'c str],
    pub(super) keys: &'c ClaimKeys,
}

impl<'de> DeserializeSeed<'de> for ResponseSeed<'_> {
    type Value = RawResponse;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawResponse, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ResponseSeed<'_> {
    type Value = RawResponse;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object with \"entities\"")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawResponse, A::Error> {
        let mut out = RawResponse {
            entities: Vec::new(),
            had_entities: false,
            error: None,
        };
        while let Some(key) = map.next_key::<Key>()? {
            match &*key.0 {
                "entities" => {
                    out.had_entities = true;
                    out.entities = map.next_value_seed(EntitiesSeed {
                        chain: self.chain,
                        keys: self.keys,
                    })?;
                }
                "error" => {
                    let e: ApiError = map.next_value()?;
                    let code = e.code.unwrap_or_else(|| "error".into());
                    let info = e.info.unwrap_or_else(|| "no details given".into());
                    out.error = Some(format!("Wikidata answered with an error: {info} ({code})"));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(out)
    }
}

#[derive(Deserialize)]
pub(super) struct ApiError {
    pub(super) code: Option<String>,
    pub(super) info: Option<String>,
}

pub(super) struct EntitiesSeed<'c> {
    pub(super) chain: &'c [&'c str],
    pub(super) keys: &'c ClaimKeys,
}

impl<'de> DeserializeSeed<'de> for EntitiesSeed<'_> {
    type Value = Vec<RawEntity>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EntitiesSeed<'_> {
    type Value = Vec<RawEntity>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of entities")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(key) = map.next_key::<Key>()? {
            let mut e = map.next_value_seed(EntitySeed {
                chain: self.chain,
                keys: self.keys,
            })?;
            e.key = key.0.into_owned();
            out.push(e);
        }
        Ok(out)
    }
    /// PHP writes an empty object as `[]`.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Vec::new())
    }
}

#[derive(Default)]
pub(super) struct RawEntity {
    pub(super) key: String,
    pub(super) id: Option<String>,
    pub(super) kind: Option<String>,
    pub(super) missing: bool,
    pub(super) redirect: Option<(String, String)>,
    /// (rank in the language chain, text)
    pub(super) label: Option<(usize, String)>,
    pub(super) description: Option<(usize, String)>,
    pub(super) claims: RawClaims,
}

pub(super) struct EntitySeed<'c> {
    pub(super) chain: &'c [&'c str],
    pub(super) keys: &'c ClaimKeys,
}

impl<'de> DeserializeSeed<'de> for EntitySeed<'_> {
    type Value = RawEntity;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

#[derive(Deserialize)]
pub(super) struct RawRedirect {
    pub(super) from: Option<String>,
    pub(super) to: Option<String>,
}

impl<'de> Visitor<'de> for EntitySeed<'_> {
    type Value = RawEntity;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an entity object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut e = RawEntity::default();
        while let Some(key) = map.next_key::<Key>()? {
            match &*key.0 {
                "id" => e.id = Some(map.next_value::<Key>()?.0.into_owned()),
                "type" => e.kind = Some(map.next_value::<Key>()?.0.into_owned()),
                "missing" => {
                    map.next_value::<IgnoredAny>()?;
                    e.missing = true;
                }
                "redirects" => {
                    let r: RawRedirect = map.next_value()?;
                    if let (Some(f), Some(t)) = (r.from, r.to) {
                        e.redirect = Some((f, t));
                    }
                }
                "labels" => e.label = map.next_value_seed(TermsSeed { chain: self.chain })?,
                "descriptions" => {
                    e.description = map.next_value_seed(TermsSeed { chain: self.chain })?
                }
                "claims" | "statements" => {
                    e.claims = map.next_value_seed(ClaimsSeed { keys: self.keys })?
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(e)
    }
}

/// Picks the best term by the language chain; keeps the first other language as a last resort.
pub(super) struct TermsSeed<'c> {
    pub(super) chain: &'c [&'c str],
}

#[derive(Deserialize)]
pub(super) struct Term {
    pub(super) value: String,
}

impl<'de> DeserializeSeed<'de> for TermsSeed<'_> {
    type Value = Option<(usize, String)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_> {
    type Value = Option<(usize, String)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of terms by language")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut best: Option<(usize, String)> = None;
        while let Some(lang) = map.next_key::<Key>()? {
            let rank = self
                .chain
                .iter()
                .position(|l| *l == &*lang.0)
                .unwrap_or(self.chain.len());
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                let t: Term = map.next_value()?;
                best = Some((rank, t.value));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(best)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

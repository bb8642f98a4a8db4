//! The references of the family statements and their lenient deserializers: only the
//! snaks summed up (Wikidata's P248, P854, P813, P143) keep their values; the other
//! properties are skipped and only their numbers kept.

use super::claims::RawSnak;
use super::claims::Snaks;
use super::raw::Key;
use super::statement::{P_IMPORTED_FROM, P_REFERENCE_URL, P_RETRIEVED, P_STATED_IN};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// One reference: the snaks of the properties summed up (Wikidata's P248, P854, P813, P143,
/// P4656) with their values, and the numbers of every other property seen.
#[derive(Default)]
pub(super) struct RawReference {
    pub(super) snaks: Vec<(u32, RawSnak)>,
    pub(super) other: Vec<u32>,
}

/// A list of references where an element of the wrong shape is dropped.
pub(super) struct LenientRefs(pub(super) Vec<RawReference>);

impl<'de> Deserialize<'de> for LenientRefs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LenientRefs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of references")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LenientRefs, A::Error> {
                let mut out = Vec::new();
                while let Some(r) = seq.next_element::<MaybeReference>()? {
                    if let Some(r) = r.0 {
                        out.push(r);
                    }
                }
                Ok(LenientRefs(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LenientRefs, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(LenientRefs(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<LenientRefs, E> {
                Ok(LenientRefs(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A reference object (`{"hash":…,"snaks":{…},"snaks-order":[…]}`), or `None`.
pub(super) struct MaybeReference(Option<RawReference>);

impl<'de> Deserialize<'de> for MaybeReference {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MaybeReference;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a reference")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MaybeReference, A::Error> {
                let mut r = None;
                while let Some(k) = map.next_key::<Key>()? {
                    if &*k.0 == "snaks" {
                        r = Some(map.next_value::<RefSnaks>()?.0);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(MaybeReference(r))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeReference, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MaybeReference(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<MaybeReference, E> {
                Ok(MaybeReference(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<MaybeReference, E> {
                Ok(MaybeReference(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<MaybeReference, E> {
                Ok(MaybeReference(None))
            }
        }
        d.deserialize_any(V)
    }
}

struct RefSnaks(RawReference);

impl<'de> Deserialize<'de> for RefSnaks {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RefSnaks;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of reference snaks by property")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RefSnaks, A::Error> {
                let mut r = RawReference::default();
                while let Some(k) = map.next_key::<Key>()? {
                    let pid =
                        k.0.strip_prefix('P')
                            .and_then(|d| d.parse::<u32>().ok())
                            .unwrap_or(0);
                    match pid {
                        P_STATED_IN | P_REFERENCE_URL | P_RETRIEVED | P_IMPORTED_FROM => {
                            for s in map.next_value::<Snaks>()?.0 {
                                r.snaks.push((pid, s));
                            }
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            r.other.push(pid);
                        }
                    }
                }
                Ok(RefSnaks(r))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RefSnaks, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(RefSnaks(RawReference::default()))
            }
        }
        d.deserialize_any(V)
    }
}

//! The raw statements of the family properties (on Wikidata P21, P22, P25, P26, P40, P18, P569,
//! P570; other instances' ids come from [`crate::Props`]; the slots keep Wikidata's names) and
//! their lenient deserializers: a malformed statement is skipped, never an error.

pub(super) use super::refs::{LenientRefs, RawReference};
use super::*;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

#[derive(Default)]
pub(super) struct RawClaims {
    pub(super) p21: Vec<RawStatement>,
    pub(super) p22: Vec<RawStatement>,
    pub(super) p25: Vec<RawStatement>,
    pub(super) p26: Vec<RawStatement>,
    pub(super) p40: Vec<RawStatement>,
    pub(super) p18: Vec<RawStatement>,
    pub(super) p569: Vec<RawStatement>,
    pub(super) p570: Vec<RawStatement>,
    /// Instance of (P31 on Wikidata).
    pub(super) p31: Vec<RawStatement>,
}

/// The property ids (`"P22"`) read into each slot of [`RawClaims`], from the instance's
/// [`crate::Props`].
pub(crate) struct ClaimKeys {
    sex: Option<String>,
    father: Option<String>,
    mother: Option<String>,
    spouse: Option<String>,
    child: Option<String>,
    image: Option<String>,
    birth: Option<String>,
    death: Option<String>,
    instance_of: Option<String>,
}

impl ClaimKeys {
    pub(crate) fn new(props: &crate::Props) -> ClaimKeys {
        let s = |p: Option<crate::Pid>| p.map(|p| p.to_string());
        ClaimKeys {
            sex: s(props.sex),
            father: s(props.father),
            mother: s(props.mother),
            spouse: s(props.spouse),
            child: s(props.child),
            image: s(props.image),
            birth: s(props.birth),
            death: s(props.death),
            instance_of: s(props.instance_of),
        }
    }
}

pub(super) struct ClaimsSeed<'c> {
    pub(super) keys: &'c ClaimKeys,
}

impl<'de> serde::de::DeserializeSeed<'de> for ClaimsSeed<'_> {
    type Value = RawClaims;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawClaims, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ClaimsSeed<'_> {
    type Value = RawClaims;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of claims by property")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawClaims, A::Error> {
        let mut c = RawClaims::default();
        let k = self.keys;
        let is = |key: &Option<String>, p: &str| key.as_deref() == Some(p);
        while let Some(p) = map.next_key::<Key>()? {
            let p = &*p.0;
            // The family statements are read whole (id, references); the others skip them.
            let family = if is(&k.father, p) {
                Some(&mut c.p22)
            } else if is(&k.mother, p) {
                Some(&mut c.p25)
            } else if is(&k.spouse, p) {
                Some(&mut c.p26)
            } else if is(&k.child, p) {
                Some(&mut c.p40)
            } else {
                None
            };
            if let Some(slot) = family {
                let list: Lenient<true> = map.next_value()?;
                slot.extend(list.0);
                continue;
            }
            let slot = if is(&k.sex, p) {
                &mut c.p21
            } else if is(&k.image, p) {
                &mut c.p18
            } else if is(&k.birth, p) {
                &mut c.p569
            } else if is(&k.death, p) {
                &mut c.p570
            } else if is(&k.instance_of, p) {
                &mut c.p31
            } else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let list: Lenient<false> = map.next_value()?;
            slot.extend(list.0);
        }
        Ok(c)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawClaims, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(RawClaims::default())
    }
}

/// A list of statements where an element of the wrong shape is dropped, not fatal. `FULL`:
/// the statements' ids and references are read too (family statements only).
pub(super) struct Lenient<const FULL: bool>(Vec<RawStatement>);

impl<'de, const FULL: bool> Deserialize<'de> for Lenient<FULL> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const F: bool>;
        impl<'de, const F: bool> Visitor<'de> for V<F> {
            type Value = Lenient<F>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of statements")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<MaybeStatement<F>>()? {
                    if let Some(s) = s.0 {
                        out.push(s);
                    }
                }
                Ok(Lenient(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Lenient(Vec::new()))
            }
        }
        d.deserialize_any(V::<FULL>)
    }
}

/// A statement, or `None` if the element is not an object.
pub(super) struct MaybeStatement<const FULL: bool>(Option<RawStatement>);

impl<'de, const FULL: bool> Deserialize<'de> for MaybeStatement<FULL> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const F: bool>;
        impl<'de, const F: bool> Visitor<'de> for V<F> {
            type Value = MaybeStatement<F>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a statement")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut s = RawStatement::default();
                let mut has_snak = false;
                while let Some(k) = map.next_key::<Key>()? {
                    match &*k.0 {
                        "mainsnak" => {
                            s.mainsnak = map.next_value()?;
                            has_snak = true;
                        }
                        "rank" => s.rank = map.next_value()?,
                        "qualifiers" => s.qualifiers = map.next_value()?,
                        "id" => s.id = Some(map.next_value::<Key>()?.0.into_owned()),
                        "references" if F => {
                            s.references = map.next_value::<LenientRefs>()?.0;
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(MaybeStatement(has_snak.then_some(s)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(MaybeStatement(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MaybeStatement(None))
            }
        }
        d.deserialize_any(V::<FULL>)
    }
}

#[derive(Default)]
pub(super) struct RawStatement {
    pub(super) mainsnak: RawSnak,
    pub(super) rank: Rank,
    pub(super) qualifiers: RawQualifiers,
    pub(super) id: Option<String>,
    /// Family statements only.
    pub(super) references: Vec<RawReference>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum SnakType {
    Value,
    SomeValue,
    NoValue,
    #[default]
    Other,
}

impl<'de> Deserialize<'de> for SnakType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let k = Key::deserialize(d)?;
        Ok(match &*k.0 {
            "value" => SnakType::Value,
            "somevalue" => SnakType::SomeValue,
            "novalue" => SnakType::NoValue,
            _ => SnakType::Other,
        })
    }
}

#[derive(Default, Deserialize)]
pub(super) struct RawSnak {
    #[serde(default)]
    pub(super) snaktype: SnakType,
    #[serde(default)]
    pub(super) datavalue: Option<DataValue>,
}

#[derive(Deserialize)]
pub(super) struct DataValue {
    pub(super) value: SnakValue,
}

/// The parts of a datavalue we read: an item id, a time, or a string.
pub(super) enum SnakValue {
    Str(String),
    Object {
        id: Option<Qid>,
        numeric_id: Option<u64>,
        time: Option<String>,
        precision: Option<u64>,
        calendar: Calendar,
    },
    Other,
}

impl SnakValue {
    pub(super) fn item(&self) -> Option<Qid> {
        match self {
            SnakValue::Object { id: Some(q), .. } => Some(*q),
            SnakValue::Object {
                id: None,
                numeric_id: Some(n),
                time: None,
                ..
            } if *n > 0 => Some(Qid(*n)),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for SnakValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SnakValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a datavalue")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SnakValue, E> {
                Ok(SnakValue::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<SnakValue, E> {
                Ok(SnakValue::Str(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SnakValue, A::Error> {
                let mut id = None;
                let mut numeric_id = None;
                let mut time = None;
                let mut precision = None;
                let mut calendar = Calendar::Gregorian;
                let mut entity_type_ok = true;
                while let Some(k) = map.next_key::<Key>()? {
                    match &*k.0 {
                        "id" => {
                            let s: Key = map.next_value()?;
                            id = s.0.parse::<Qid>().ok();
                        }
                        "numeric-id" => numeric_id = map.next_value::<Num>()?.0,
                        "entity-type" => {
                            let s: Key = map.next_value()?;
                            entity_type_ok = &*s.0 == "item";
                        }
                        "time" => time = Some(map.next_value::<Key>()?.0.into_owned()),
                        "precision" => precision = map.next_value::<Num>()?.0,
                        "calendarmodel" => {
                            calendar = Calendar::from_iri(&map.next_value::<Key>()?.0)
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                if !entity_type_ok {
                    return Ok(SnakValue::Other);
                }
                Ok(SnakValue::Object {
                    id,
                    numeric_id,
                    time,
                    precision,
                    calendar,
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SnakValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(SnakValue::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<SnakValue, E> {
                Ok(SnakValue::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// A non-negative integer, or `None` for anything else (strings, negatives, floats, null).
pub(super) struct Num(Option<u64>);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
                Ok(Num(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num(u64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Num, E> {
                Ok(Num(None))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
                Ok(Num(v.parse().ok()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Num, E> {
                Ok(Num(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Num, E> {
                Ok(Num(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Num, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Num(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Num, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Num(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// Qualifiers: only P1480 (sourcing circumstances: "circa", doubts), P5102 (nature of
/// statement) and P1039 (kinship to subject) are kept.
#[derive(Default)]
pub(super) struct RawQualifiers {
    pub(super) p1480: Vec<RawSnak>,
    pub(super) p5102: Vec<RawSnak>,
    pub(super) p1039: Vec<RawSnak>,
}

impl<'de> Deserialize<'de> for RawQualifiers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawQualifiers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of qualifiers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawQualifiers, A::Error> {
                let mut q = RawQualifiers::default();
                while let Some(k) = map.next_key::<Key>()? {
                    match &*k.0 {
                        "P1480" => q.p1480 = map.next_value::<Snaks>()?.0,
                        "P5102" => q.p5102 = map.next_value::<Snaks>()?.0,
                        "P1039" => q.p1039 = map.next_value::<Snaks>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(q)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawQualifiers, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(RawQualifiers::default())
            }
        }
        d.deserialize_any(V)
    }
}

/// A list of snaks; anything but a list is no snaks.
pub(super) struct Snaks(pub(super) Vec<RawSnak>);

impl<'de> Deserialize<'de> for Snaks {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Snaks;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of snaks")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Snaks, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<RawSnak>()? {
                    out.push(s);
                }
                Ok(Snaks(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Snaks, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Snaks(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Snaks, E> {
                Ok(Snaks(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

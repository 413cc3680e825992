//! Reading the state file field by field, so that fields this build does not know keep their
//! exact bytes.
//!
//! A newer aftercare may add fields; saving must never change them. Parsed into a
//! `serde_json::Value`, a number is rounded to 64 bits (a 60-digit number drifted on every
//! save), a string's escapes are decoded and spacing is lost, so unknown fields are kept as
//! `RawJson`, the text the file held. `RawValue` cannot be read through `#[serde(flatten)]`
//! (serde buffers flattened fields, and a raw value needs serde_json's own reader), hence
//! one reader written out for each record (`record_reader!`) instead of derived impls.
//!
//! serde_json's `arbitrary_precision` feature was the other way. It keeps a number's digits
//! but not the rest of the bytes, and it is one switch for every crate in the build: every
//! `Value` number becomes text (`1.0` and `1.00` then differ). Tried on the code before this
//! change, the rules reader and its error messages passed their tests with it; `raw_value`
//! was still chosen, since it is what byte-exact needs and it only adds a type.

use super::{CheckIn, Photo, PlanRef, Removed, Session, State, Unknown};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;

/// A JSON value exactly as the file wrote it, spacing and number digits included.
#[derive(Debug, Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// The value's JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// `text` as a raw value.
    ///
    /// # Errors
    /// When `text` is not one JSON value.
    pub fn new(text: &str) -> Result<Self, serde_json::Error> {
        RawValue::from_string(text.to_string()).map(RawJson)
    }
}

/// Two raw values are equal when their text is: `1.0` and `1` are different bytes to keep.
impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for RawJson {}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(RawJson)
    }
}

/// Reads the value of a known field, refusing a second one of the same name as serde's
/// derived readers do.
fn once<'de, A, T>(slot: &mut Option<T>, name: &'static str, map: &mut A) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Keeps an unknown field as it was written.
fn keep<'de, A: MapAccess<'de>>(
    other: &mut Unknown,
    key: String,
    map: &mut A,
) -> Result<(), A::Error> {
    let value: RawJson = map.next_value()?;
    other.insert(key, value);
    Ok(())
}

/// A visitor for a JSON object, named for messages ("expected a check-in").
struct ObjectOf<T>(&'static str, std::marker::PhantomData<T>);

impl<T> ObjectOf<T> {
    fn new(what: &'static str) -> Self {
        ObjectOf(what, std::marker::PhantomData)
    }
}

/// The one field-by-field reader of a record of the state file, written out for each type:
/// `$what` names it in messages ("expected a check-in (a JSON object)"); each field of
/// `required` and `defaulted` is read under its own name, at most once (as serde's derived
/// readers do); a `required` one missing is an error, a `defaulted` one takes its type's
/// default (so a `null` or absent `Option` is `None`); every other field is kept, as
/// written, in `other`. A missing required field is reported in the order they are listed.
macro_rules! record_reader {
    ($type:ident, $what:literal, required: [$($required:ident),*], defaulted: [$($defaulted:ident),*] $(,)?) => {
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_map(ObjectOf::<$type>::new($what))
            }
        }

        impl<'de> Visitor<'de> for ObjectOf<$type> {
            type Value = $type;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(self.0)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$type, A::Error> {
                $(let mut $required = None;)*
                $(let mut $defaulted = None;)*
                let mut other = Unknown::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        $(stringify!($required) => {
                            once(&mut $required, stringify!($required), &mut map)?
                        })*
                        $(stringify!($defaulted) => {
                            once(&mut $defaulted, stringify!($defaulted), &mut map)?
                        })*
                        _ => keep(&mut other, key, &mut map)?,
                    }
                }
                Ok($type {
                    $($required: $required
                        .ok_or_else(|| de::Error::missing_field(stringify!($required)))?,)*
                    $($defaulted: $defaulted.unwrap_or_default(),)*
                    other,
                })
            }
        }
    };
}

record_reader!(
    State,
    "a state file (a JSON object)",
    required: [format],
    defaulted: [sessions, removed],
);

record_reader!(
    Session,
    "a treatment (a JSON object)",
    required: [at],
    defaulted: [plan, recorded, ticks, checkins, photos],
);

record_reader!(
    Removed,
    "a removed treatment (a JSON object)",
    required: [removed, session],
    defaulted: [],
);

record_reader!(
    CheckIn,
    "a check-in (a JSON object)",
    required: [],
    defaulted: [ratings, note, rated_at],
);

record_reader!(
    PlanRef,
    "the plan a treatment follows (a JSON object)",
    required: [sha256],
    defaulted: [name, format, builtin],
);

record_reader!(
    Photo,
    "a photo (a JSON object)",
    required: [sha256, format, added],
    defaulted: [width, height, before, note],
);

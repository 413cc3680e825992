//! Reading the state file field by field, so that fields this build does not know keep their
//! exact bytes.
//!
//! A newer aftercare may add fields; saving must never change them. Parsed into a
//! `serde_json::Value`, a number is rounded to 64 bits (a 60-digit number drifted on every
//! save), a string's escapes are decoded and spacing is lost, so unknown fields are kept as
//! `RawJson`, the text the file held. `RawValue` cannot be read through `#[serde(flatten)]`
//! (serde buffers flattened fields, and a raw value needs serde_json's own reader), hence
//! the three visitors below instead of derived impls.
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

impl<'de> Deserialize<'de> for State {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectOf::<State>::new("a state file (a JSON object)"))
    }
}

impl<'de> Visitor<'de> for ObjectOf<State> {
    type Value = State;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<State, A::Error> {
        let (mut format, mut sessions, mut removed) = (None, None, None);
        let mut other = Unknown::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => once(&mut format, "format", &mut map)?,
                "sessions" => once(&mut sessions, "sessions", &mut map)?,
                "removed" => once(&mut removed, "removed", &mut map)?,
                _ => keep(&mut other, key, &mut map)?,
            }
        }
        Ok(State {
            format: format.ok_or_else(|| de::Error::missing_field("format"))?,
            sessions: sessions.unwrap_or_default(),
            removed: removed.unwrap_or_default(),
            other,
        })
    }
}

impl<'de> Deserialize<'de> for Session {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectOf::<Session>::new("a treatment (a JSON object)"))
    }
}

impl<'de> Visitor<'de> for ObjectOf<Session> {
    type Value = Session;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Session, A::Error> {
        let (mut at, mut ticks, mut checkins, mut photos) = (None, None, None, None);
        let mut plan: Option<Option<PlanRef>> = None;
        let mut recorded = None;
        let mut other = Unknown::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "at" => once(&mut at, "at", &mut map)?,
                "plan" => once(&mut plan, "plan", &mut map)?,
                "recorded" => once(&mut recorded, "recorded", &mut map)?,
                "ticks" => once(&mut ticks, "ticks", &mut map)?,
                "checkins" => once(&mut checkins, "checkins", &mut map)?,
                "photos" => once(&mut photos, "photos", &mut map)?,
                _ => keep(&mut other, key, &mut map)?,
            }
        }
        Ok(Session {
            at: at.ok_or_else(|| de::Error::missing_field("at"))?,
            plan: plan.flatten(),
            recorded: recorded.flatten(),
            ticks: ticks.unwrap_or_default(),
            checkins: checkins.unwrap_or_default(),
            photos: photos.unwrap_or_default(),
            other,
        })
    }
}

impl<'de> Deserialize<'de> for Removed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectOf::<Removed>::new(
            "a removed treatment (a JSON object)",
        ))
    }
}

impl<'de> Visitor<'de> for ObjectOf<Removed> {
    type Value = Removed;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Removed, A::Error> {
        let (mut removed, mut session, mut other) = (None, None, Unknown::new());
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "removed" => once(&mut removed, "removed", &mut map)?,
                "session" => once(&mut session, "session", &mut map)?,
                _ => keep(&mut other, key, &mut map)?,
            }
        }
        Ok(Removed {
            removed: removed.ok_or_else(|| de::Error::missing_field("removed"))?,
            session: session.ok_or_else(|| de::Error::missing_field("session"))?,
            other,
        })
    }
}

impl<'de> Deserialize<'de> for CheckIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectOf::<CheckIn>::new("a check-in (a JSON object)"))
    }
}

impl<'de> Visitor<'de> for ObjectOf<CheckIn> {
    type Value = CheckIn;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CheckIn, A::Error> {
        let (mut ratings, mut note, mut other) = (None, None, Unknown::new());
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "ratings" => once(&mut ratings, "ratings", &mut map)?,
                "note" => once(&mut note, "note", &mut map)?,
                _ => keep(&mut other, key, &mut map)?,
            }
        }
        Ok(CheckIn {
            ratings: ratings.unwrap_or_default(),
            note: note.unwrap_or_default(),
            other,
        })
    }
}

impl<'de> Deserialize<'de> for PlanRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectOf::<PlanRef>::new(
            "the plan a treatment follows (a JSON object)",
        ))
    }
}

impl<'de> Visitor<'de> for ObjectOf<PlanRef> {
    type Value = PlanRef;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PlanRef, A::Error> {
        let (mut name, mut format, mut sha256, mut builtin) = (None, None, None, None);
        let mut other = Unknown::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "name" => once(&mut name, "name", &mut map)?,
                "format" => once(&mut format, "format", &mut map)?,
                "sha256" => once(&mut sha256, "sha256", &mut map)?,
                "builtin" => once(&mut builtin, "builtin", &mut map)?,
                _ => keep(&mut other, key, &mut map)?,
            }
        }
        Ok(PlanRef {
            name: name.unwrap_or_default(),
            format: format.unwrap_or_default(),
            sha256: sha256.ok_or_else(|| de::Error::missing_field("sha256"))?,
            builtin: builtin.unwrap_or_default(),
            other,
        })
    }
}

impl<'de> Deserialize<'de> for Photo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectOf::<Photo>::new("a photo (a JSON object)"))
    }
}

impl<'de> Visitor<'de> for ObjectOf<Photo> {
    type Value = Photo;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Photo, A::Error> {
        let (mut sha256, mut format, mut width, mut height) = (None, None, None, None);
        let (mut before, mut note, mut added) = (None, None, None);
        let mut other = Unknown::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "sha256" => once(&mut sha256, "sha256", &mut map)?,
                "format" => once(&mut format, "format", &mut map)?,
                "width" => once(&mut width, "width", &mut map)?,
                "height" => once(&mut height, "height", &mut map)?,
                "before" => once(&mut before, "before", &mut map)?,
                "note" => once(&mut note, "note", &mut map)?,
                "added" => once(&mut added, "added", &mut map)?,
                _ => keep(&mut other, key, &mut map)?,
            }
        }
        Ok(Photo {
            sha256: sha256.ok_or_else(|| de::Error::missing_field("sha256"))?,
            format: format.ok_or_else(|| de::Error::missing_field("format"))?,
            width: width.unwrap_or_default(),
            height: height.unwrap_or_default(),
            before: before.unwrap_or_default(),
            note: note.unwrap_or_default(),
            added: added.ok_or_else(|| de::Error::missing_field("added"))?,
            other,
        })
    }
}

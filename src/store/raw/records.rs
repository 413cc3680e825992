//! The field-by-field readers of what a treatment holds: a removed treatment, a check-in, its plan reference and a photo.

use super::{ObjectOf, keep, once};
use crate::store::{CheckIn, Photo, PlanRef, Removed, Unknown};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;

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

//! A valid file, read straight into the plan's types.
//!
//! The full checker (`shape`, `extend`, `validate`) reads the file as a JSON value first, so
//! that it can report every problem at once, each located in the text. That costs several
//! times the file's size in memory and time, and almost every file a patient's start reads
//! has no problem at all. So a file is first read straight into `Rules` and checked there,
//! against the same table (`fields`, through `field_check`, with `shape`'s own leaf checks)
//! and by `validate`; only a file this finds anything wrong with, one that `extends` another
//! plan, or one of an older format, goes to the full checker, which then reports.
//!
//! The rule this module keeps: it accepts a file only when the full checker would accept it
//! and build the same plan (the tests in `direct_tests` hold both on every kind of mistake).

use super::extend::Facts;
use super::field_check::passes;
use super::fields;
use super::origins::Origins;
use super::{RULES_FORMAT, Rules, validate};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The plan `text` holds when it is whole (no `extends`, no `remove`), in the newest format,
/// and passes every check; `None` when the full checker must read it.
pub(super) fn read(text: &str) -> Option<Rules> {
    let mut rules: Rules = serde_json::from_str(text).ok()?;
    if rules.format != RULES_FORMAT || rules.extends.is_some() || rules.remove.is_some() {
        return None;
    }
    if !plain_structure(text) || !fields_pass(&rules) {
        return None;
    }
    let mut problems = Vec::new();
    validate::validate(
        &rules,
        &Origins::default(),
        &Facts::default(),
        &mut problems,
    );
    if !problems.is_empty() {
        return None;
    }
    // The editor hint is for the file, not the plan (the full checker leaves it out too).
    rules.schema = None;
    Some(rules)
}

/// Whether every object of the plan passes its table's checks, as `shape` makes them. A new
/// kind of object in the format needs its line here (`direct_tests` tries every object the
/// top-level table names, and fails when one is missing).
fn fields_pass(rules: &Rules) -> bool {
    passes(&fields::TOP, rules)
        && rules
            .provider
            .as_ref()
            .is_none_or(|p| passes(&fields::PROVIDER, p))
        && rules.sources.iter().all(|s| passes(&fields::SOURCE, s))
        && rules.rules.iter().all(|r| passes(&fields::RULE, r))
        && rules.phases.iter().all(|n| passes(&fields::PHASE, n))
        && rules.warnings.iter().all(|n| passes(&fields::WARNING, n))
        && rules.symptoms.iter().all(|s| {
            passes(&fields::SYMPTOM, s) && s.expected.iter().all(|p| passes(&fields::POINT, p))
        })
        && rules.alerts.iter().all(|a| passes(&fields::ALERT, a))
        && rules
            .next_session
            .as_ref()
            .is_none_or(|n| passes(&fields::NEXT_SESSION, n))
        && rules
            .after
            .as_ref()
            .is_none_or(|a| passes(&fields::AFTER, a))
        && rules
            .photo_guidance
            .as_ref()
            .is_none_or(|g| passes(&fields::PHOTO_GUIDANCE, g))
}

/// Whether the JSON `text` has no `null`, no list directly inside a list, and lists only as
/// the values of the format's list fields. serde reads a missing optional field and a `null`
/// alike, and an object's fields from a list in their order; the checker refuses both. In a
/// file of this shape, every optional field serde read was given a value, and every entry
/// and object was written as an object.
pub(super) fn plain_structure(text: &str) -> bool {
    let mut de = serde_json::Deserializer::from_str(text);
    Node { list_ok: false }.deserialize(&mut de).is_ok() && de.end().is_ok()
}

/// The fields whose values are lists: the plan's lists of entries, `remove`'s lists of ids,
/// entries' `sources` and a symptom's `expected`.
fn holds_a_list(field: &str) -> bool {
    field == "expected" || fields::SECTIONS.iter().any(|(name, _)| *name == field)
}

/// A JSON value in `plain_structure`; `list_ok`: whether it may be a list.
struct Node {
    list_ok: bool,
}

impl<'de> DeserializeSeed<'de> for Node {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value other than null")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if !self.list_ok {
            return Err(de::Error::custom("a list where the format has none"));
        }
        while seq.next_element_seed(Node { list_ok: false })?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(list_ok) = map.next_key_seed(Key)? {
            map.next_value_seed(Node { list_ok })?;
        }
        Ok(())
    }
}

/// A field name, read as whether its value may be a list.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Key {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E>(self, name: &str) -> Result<bool, E> {
        Ok(holds_a_list(name))
    }
}

#[cfg(test)]
#[path = "direct_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "direct_generated_tests.rs"]
mod generated;

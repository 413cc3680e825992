//! A valid file, read straight into the plan's types.
//!
//! The full checker (`shape`, `extend`, `validate`) reads the file as a JSON value first, so
//! that it can report every problem at once, each located in the text. That costs several
//! times the file's size in memory and time, and almost every file a patient's start reads
//! has no problem at all. So a file is first read straight into `Rules` and checked there,
//! against the same table (`fields`) and by the same leaf checks (`shape::string_problem`)
//! and `validate`; only a file this finds anything wrong with, one that `extends` another
//! plan, or one of an older format, goes to the full checker, which then reports.
//!
//! The rule this module keeps: it accepts a file only when the full checker would accept it
//! and build the same plan (the tests in `direct_tests` hold both on every kind of mistake).

use super::extend::Facts;
use super::fields::{self, Table, Ty};
use super::journal::{Alert, ExpectedPoint, NextSession, Symptom};
use super::load::Origins;
use super::{Note, Provider, RULES_FORMAT, Rule, Rules, Source, validate};
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
    validate::validate(&rules, &Origins::default(), &Facts::default(), &mut problems);
    if !problems.is_empty() {
        return None;
    }
    // The editor hint is for the file, not the plan (the full checker leaves it out too).
    rules.schema = None;
    Some(rules)
}

/// A field as serde read it, for the checks serde cannot make.
#[derive(Debug, Clone, Copy)]
pub(super) enum Given<'a> {
    /// Text, where given.
    Text(Option<&'a str>),
    /// A whole number, where given.
    Int(Option<i64>),
    /// A field whose type serde checked in full (a word from a list, true or false, a list
    /// of ids, a time of day), or one checked on its own (a list of entries, an object);
    /// whether it was given.
    Read(bool),
}

impl Given<'_> {
    fn given(self) -> bool {
        match self {
            Given::Text(t) => t.is_some(),
            Given::Int(n) => n.is_some(),
            Given::Read(given) => given,
        }
    }
}

/// Whether every field the plan gives passes its table's checks, as `shape` makes them.
fn fields_pass(rules: &Rules) -> bool {
    passes(&fields::TOP, &top(rules))
        && rules.provider.as_ref().is_none_or(|p| passes(&fields::PROVIDER, &provider(p)))
        && rules.sources.iter().all(|s| passes(&fields::SOURCE, &source(s)))
        && rules.rules.iter().all(|r| passes(&fields::RULE, &rule(r)))
        // A phase has no urgency: only warnings do.
        && rules.phases.iter().all(|n| n.urgency.is_none() && passes(&fields::PHASE, &phase(n)))
        && rules.warnings.iter().all(|n| passes(&fields::WARNING, &warning(n)))
        && rules.symptoms.iter().all(|s| {
            passes(&fields::SYMPTOM, &symptom(s))
                && s.expected.iter().all(|p| passes(&fields::POINT, &point(p)))
        })
        && rules.alerts.iter().all(|a| passes(&fields::ALERT, &alert(a)))
        && rules
            .next_session
            .as_ref()
            .is_none_or(|n| passes(&fields::NEXT_SESSION, &next_session(n)))
}

/// Whether `given` (an object's fields, by name) passes `table`: each value against its
/// field's type, and the groups of which one (`one_of`) or at least one (`any_of`) is given.
pub(super) fn passes(table: &Table, given: &[(&str, Given<'_>)]) -> bool {
    let is_given = |name: &str| given.iter().any(|(n, v)| *n == name && v.given());
    given.iter().all(|&(name, value)| {
        let Some(field) = table.fields.iter().find(|f| f.name == name) else {
            return false;
        };
        match (field.ty, value) {
            (_, Given::Text(None) | Given::Int(None) | Given::Read(_)) => true,
            (Ty::Int { .. } | Ty::Bool | Ty::Ids, Given::Text(_)) => false,
            (ty, Given::Text(Some(text))) => super::shape::string_problem(ty, text).is_none(),
            (Ty::Int { min, max, .. }, Given::Int(Some(n))) => (min..=max).contains(&n),
            (_, Given::Int(Some(_))) => false,
        }
    }) && table
        .one_of
        .iter()
        .all(|[a, b]| is_given(a) != is_given(b))
        && (table.any_of.is_empty() || table.any_of.iter().any(|k| is_given(k)))
}

fn text(t: &str) -> Given<'_> {
    Given::Text(Some(t))
}

fn maybe(t: &Option<String>) -> Given<'_> {
    Given::Text(t.as_deref())
}

/// Each object's fields in the order of its table (a test holds that every field is here).
pub(super) fn top(r: &Rules) -> [(&'static str, Given<'_>); 15] {
    [
        ("$schema", maybe(&r.schema)),
        ("format", Given::Int(Some(i64::from(r.format)))),
        ("extends", maybe(&r.extends)),
        ("remove", Given::Read(r.remove.is_some())),
        ("name", text(&r.name)),
        ("procedure", text(&r.procedure)),
        ("disclaimer", text(&r.disclaimer)),
        ("provider", Given::Read(r.provider.is_some())),
        ("sources", Given::Read(true)),
        ("rules", Given::Read(true)),
        ("phases", Given::Read(true)),
        ("warnings", Given::Read(true)),
        ("symptoms", Given::Read(true)),
        ("alerts", Given::Read(true)),
        ("next_session", Given::Read(r.next_session.is_some())),
    ]
}

pub(super) fn provider(p: &Provider) -> [(&'static str, Given<'_>); 6] {
    [
        ("name", text(&p.name)),
        ("phone", maybe(&p.phone)),
        ("email", maybe(&p.email)),
        ("web", maybe(&p.web)),
        ("hours", maybe(&p.hours)),
        ("out_of_hours", maybe(&p.out_of_hours)),
    ]
}

pub(super) fn source(s: &Source) -> [(&'static str, Given<'_>); 9] {
    [
        ("id", text(&s.id)),
        ("title", text(&s.title)),
        ("kind", Given::Read(true)),
        ("author", maybe(&s.author)),
        ("publisher", maybe(&s.publisher)),
        ("date", maybe(&s.date)),
        ("detail", maybe(&s.detail)),
        ("url", maybe(&s.url)),
        ("note", maybe(&s.note)),
    ]
}

/// The four ends of a window, in the order every table lists them.
fn window(
    from_hours: Option<i64>,
    from_day: Option<i64>,
    until_hours: Option<i64>,
    until_day: Option<i64>,
) -> [(&'static str, Given<'static>); 4] {
    [
        ("from_hours", Given::Int(from_hours)),
        ("from_day", Given::Int(from_day)),
        ("until_hours", Given::Int(until_hours)),
        ("until_day", Given::Int(until_day)),
    ]
}

pub(super) fn rule(r: &Rule) -> [(&'static str, Given<'_>); 12] {
    let [fh, fd, uh, ud] = window(r.from_hours, r.from_day, r.until_hours, r.until_day);
    [
        ("id", text(&r.id)),
        ("title", text(&r.title)),
        ("kind", Given::Read(true)),
        fh,
        fd,
        uh,
        ud,
        ("repeat", Given::Read(true)),
        ("at", Given::Read(r.at.is_some())),
        ("rationale", text(&r.rationale)),
        ("lifted", maybe(&r.lifted)),
        ("sources", Given::Read(true)),
    ]
}

pub(super) fn phase(n: &Note) -> [(&'static str, Given<'_>); 8] {
    let [fh, fd, uh, ud] = window(n.from_hours, n.from_day, n.until_hours, n.until_day);
    [
        ("id", text(&n.id)),
        ("title", text(&n.title)),
        ("detail", text(&n.detail)),
        fh,
        fd,
        uh,
        ud,
        ("sources", Given::Read(true)),
    ]
}

pub(super) fn warning(n: &Note) -> [(&'static str, Given<'_>); 9] {
    let [fh, fd, uh, ud] = window(n.from_hours, n.from_day, n.until_hours, n.until_day);
    [
        ("id", text(&n.id)),
        ("title", text(&n.title)),
        ("detail", text(&n.detail)),
        ("urgency", Given::Read(n.urgency.is_some())),
        fh,
        fd,
        uh,
        ud,
        ("sources", Given::Read(true)),
    ]
}

pub(super) fn point(p: &ExpectedPoint) -> [(&'static str, Given<'static>); 2] {
    [
        ("hours", Given::Int(Some(p.hours))),
        ("rating", Given::Int(Some(i64::from(p.rating)))),
    ]
}

pub(super) fn symptom(s: &Symptom) -> [(&'static str, Given<'_>); 5] {
    [
        ("id", text(&s.id)),
        ("title", text(&s.title)),
        ("detail", text(&s.detail)),
        ("expected", Given::Read(true)),
        ("sources", Given::Read(true)),
    ]
}

pub(super) fn alert(a: &Alert) -> [(&'static str, Given<'_>); 12] {
    let [fh, fd, uh, ud] = window(a.from_hours, a.from_day, a.until_hours, a.until_day);
    [
        ("id", text(&a.id)),
        ("title", text(&a.title)),
        ("symptom", text(&a.symptom)),
        ("at_least", Given::Int(a.at_least.map(i64::from))),
        ("rising", Given::Read(true)),
        ("urgency", Given::Read(a.urgency.is_some())),
        fh,
        fd,
        uh,
        ud,
        ("message", text(&a.message)),
        ("sources", Given::Read(true)),
    ]
}

pub(super) fn next_session(n: &NextSession) -> [(&'static str, Given<'_>); 5] {
    let [fh, fd, uh, ud] = window(n.from_hours, n.from_day, n.until_hours, n.until_day);
    [fh, fd, uh, ud, ("sources", Given::Read(true))]
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

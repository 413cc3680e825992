//! The field-by-field readers of what a treatment holds: a removed treatment, a check-in, its
//! plan reference and a photo (`record_reader!`).

use super::{ObjectOf, keep, once, record_reader};
use crate::store::{CheckIn, Photo, PlanRef, Removed, Unknown};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;

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
    defaulted: [ratings, note],
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

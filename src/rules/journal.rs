//! The parts of a plan the daily check-in uses: which symptoms to rate, how each is expected
//! to fade, and which readings mean "contact your provider". They live in the rules file so a
//! clinic sets its own thresholds and the code knows no procedure.

use super::Urgency;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Ratings run from 0 (none) to this (severe).
pub const MAX_RATING: u8 = 5;

/// Something the patient rates each day, 0 to 5.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Symptom {
    /// Stable identifier: check-ins are saved under it.
    pub id: String,
    /// What the check-in asks about: "Redness".
    pub title: String,
    /// Where the expected course comes from, in a sentence.
    #[serde(default)]
    pub detail: String,
    /// The expected course: ratings at hours after treatment, joined by straight lines and
    /// held flat after the last point. Drawn behind the patient's own readings.
    #[serde(default)]
    pub expected: Vec<ExpectedPoint>,
    /// Ids from `sources`.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One point of an expected course.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpectedPoint {
    pub hours: i64,
    pub rating: u8,
}

/// A reading outside the expected course: shown prominently with its message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alert {
    pub id: String,
    /// The headline: "Redness still strong after a week".
    pub title: String,
    /// The symptom id this alert reads.
    pub symptom: String,
    /// Fires when the rating is at least this ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u8>,
    /// ... or when it is higher than at the previous check-in.
    #[serde(default)]
    pub rising: bool,
    /// How soon to act: "emergency", "call" (the default) or "mention".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// Only for check-ins on days this window touches: it opens this many hours after the
    /// treatment ... (or `from_day`)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_hours: Option<i64>,
    /// ... or at the start of this plan day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_day: Option<i64>,
    /// It closes this many hours after the treatment (exclusive) ... (or `until_day`)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_hours: Option<i64>,
    /// ... or at the end of this plan day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_day: Option<i64>,
    /// What to do, starting with the action: "Call your clinic today: ...".
    pub message: String,
    /// Ids from `sources`.
    pub sources: Vec<String>,
}

/// When the next treatment of a series is due, counted from this one. The app counts down
/// to the window's opening and says so while it is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NextSession {
    /// Hours after this treatment the window for the next one opens (or `from_day`) ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_hours: Option<i64>,
    /// ... or the plan day it opens (1 = this treatment's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_day: Option<i64>,
    /// Hours after this treatment it closes (or `until_day`) ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_hours: Option<i64>,
    /// ... or the last plan day it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_day: Option<i64>,
    /// Ids from `sources`.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// The plan's advice for photos that can be compared: "Same light, same angle, same
/// distance; no makeup."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhotoGuidance {
    /// The advice, in a sentence or two.
    pub text: String,
    /// Ids from `sources`; none when it is general practice rather than from a source.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl PhotoGuidance {
    /// Where the advice comes from, for the line under it: the sources' titles, or that it
    /// is general practice when the plan cites none.
    pub fn basis(&self, rules: &super::Rules) -> String {
        let titles: Vec<&str> = self
            .sources
            .iter()
            .filter_map(|id| rules.sources.iter().find(|s| s.id == *id))
            .map(|s| s.title.as_str())
            .collect();
        if titles.is_empty() {
            "general practice for before-and-after photos, not from the plan's sources".into()
        } else {
            format!("source: {}", titles.join("; "))
        }
    }
}

impl Alert {
    /// How soon to act: as written, or `Urgency::Call` where the file says none.
    pub fn urgency(&self) -> Urgency {
        self.urgency.unwrap_or_default()
    }
}

impl Symptom {
    /// The expected rating `hours` after treatment, if the plan gives a course.
    pub fn expected_at(&self, hours: f64) -> Option<f64> {
        let first = self.expected.first()?;
        let mut previous = (first.hours as f64, f64::from(first.rating));
        if hours <= previous.0 {
            return Some(previous.1);
        }
        for point in &self.expected[1..] {
            let next = (point.hours as f64, f64::from(point.rating));
            if hours <= next.0 {
                let share = (hours - previous.0) / (next.0 - previous.0);
                return Some(previous.1 + share * (next.1 - previous.1));
            }
            previous = next;
        }
        Some(previous.1)
    }
}

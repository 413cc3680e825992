//! One entry of a plan: a rule to do or avoid (`Rule`, `Kind`, `Repeat`), and a phase or warning sign (`Note`).

use super::{Urgency, time_of_day};
use chrono::NaiveTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

// Its words (title, rationale, what is lifted, the sources it cites) are shared (`Arc`),
// not copied, by every task and checklist line made of it: a clinic's plan can put tens of
// thousands of tasks on one day, and a day is derived again on every change of day. (A
// comment, not a doc comment: doc comments become the shipped schema's descriptions.)
/// One thing to do or avoid during a window after the treatment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable identifier: tick-offs are saved under it, so never reuse one for another rule.
    pub id: String,
    /// A short imperative: "No makeup", "Apply SPF 30+ sunscreen".
    pub title: Arc<str>,
    /// "do" something, or "avoid" something until the window ends.
    pub kind: Kind,
    /// Hours after the treatment moment the window opens (negative: before treatment).
    /// Give this or `from_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_hours: Option<i64>,
    /// The plan day the window opens, at its local midnight (1 = the treatment's date, 0 the
    /// day before). Give this or `from_hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_day: Option<i64>,
    /// Hours after the treatment moment the window closes (exclusive). Give this or
    /// `until_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_hours: Option<i64>,
    /// The last plan day of the window, included: it closes at the local midnight that ends
    /// that day. Give this or `until_hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_day: Option<i64>,
    /// "once", "daily" (the default) or "morning_and_evening".
    #[serde(default)]
    pub repeat: Repeat,
    /// For a daily or once task to do: the local time of day it is due, "HH:MM" on a 24-hour
    /// clock, and so when it is reminded. Without it, daily and once tasks are due from
    /// 09:00; twice-daily tasks are due at 08:00 and 20:00 and take no `at`.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "time_of_day")]
    #[schemars(with = "Option<String>")]
    pub at: Option<NaiveTime>,
    /// One line on why, shown next to the task.
    pub rationale: Arc<str>,
    /// For something to avoid: what the patient may do again when its window ends ("Makeup
    /// is fine again"). Without it the app says that the rule is over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifted: Option<Arc<str>>,
    /// Done only when it applies ("Cold compress if red or swollen"): shown and tickable
    /// like any task, but never due, reminded of, missed or counted in progress
    /// (`plan::counts`). Default `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_needed: bool,
    /// For a task to do that the sources ask for beyond the plan ("SPF 30+ daily, always"):
    /// how to keep it up once the plan is over, words that follow the rule's title ("every
    /// day, even when cloudy"), shown after the plan's end (`aftercare today` with the rule's
    /// sources); near the end the task says "daily · always" instead of "plan ends Fri".
    /// Without it, a task ends with its window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_up_after: Option<String>,
    /// Ids from `sources`.
    pub sources: Arc<[String]>,
}

/// A phase ("what is normal now") or a warning sign, with the window it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable identifier, unique among the phases (or among the warnings).
    pub id: String,
    /// A short headline: "Redness like a mild sunburn".
    pub title: String,
    /// A sentence or two more.
    #[serde(default)]
    pub detail: String,
    /// Warnings only: how soon to act (default "call": contact the clinic today).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// Warnings only: why the sign, its tier and its window are as they are, for the clinic
    /// reading the plan (a window chosen wider than the research's, and why).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// Hours after the treatment moment the window opens; or `from_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_hours: Option<i64>,
    /// The plan day the window opens (1 = the treatment's date); or `from_hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_day: Option<i64>,
    /// Hours after the treatment moment the window closes (exclusive); or `until_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_hours: Option<i64>,
    /// The last plan day of the window, included; or `until_hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_day: Option<i64>,
    /// Ids from `sources`.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Note {
    /// How soon to act on a warning: as written, or `Urgency::Call` where the file says none.
    pub fn urgency(&self) -> Urgency {
        self.urgency.unwrap_or_default()
    }
}

/// Whether a rule is something to do or something to refrain from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Do,
    Avoid,
}

/// How often a rule turns into a task inside its window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    /// One task for the whole window: shown on every day until it is ticked.
    Once,
    /// One task on every day the window touches.
    #[default]
    Daily,
    /// Two tasks a day, morning and evening.
    MorningAndEvening,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Do => "do",
            Kind::Avoid => "avoid",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Repeat {
    pub fn as_str(self) -> &'static str {
        match self {
            Repeat::Once => "once",
            Repeat::Daily => "daily",
            Repeat::MorningAndEvening => "morning_and_evening",
        }
    }
}

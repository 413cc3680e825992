//! The rules file: what a plan says, as a clinic writes it in JSON.
//!
//! Everything the app tells a patient comes from one of these files. The types here are the
//! file format; `validate` checks what serde cannot (ids, windows, references) and `locate`
//! turns a field path back into a line and column so every problem points at the text.

mod after;
mod direct;
mod error;
mod extend;
mod field_check;
mod fields;
mod identity;
mod journal;
mod load;
mod locate;
mod origins;
mod provider;
mod sanitize;
mod schema;
mod shape;
mod source;
mod syntax;
pub mod time_of_day;
mod urgency;
mod validate;
mod window;

use chrono::NaiveTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

pub use after::AfterPlan;
pub use error::{Problem, RulesError};
pub use extend::{BUILTIN_BASE, Removals};
pub use fields::{EARLIEST_DAY, EARLIEST_HOUR, LATEST_DAY, LATEST_HOUR};
pub use identity::{builtin_identity, is_sha256_hex, sha256_hex};
pub use journal::{Alert, ExpectedPoint, MAX_RATING, NextSession, PhotoGuidance, Symptom};
pub use load::{Loader, NoFiles};
pub use locate::{Segment, line_column, locate};
pub use provider::Provider;
pub use schema::json_schema;
pub use source::{Source, SourceKind};
pub use urgency::Urgency;
pub use window::{Edge, Window, Windowed};

/// The newest rules format this build understands. Format 2 added the provider block,
/// urgency, windows in days, source citations, `extends` and `remove`; a format 1 file
/// still loads as it always did.
pub const RULES_FORMAT: u32 = 2;

/// The oldest rules format this build still reads.
pub const OLDEST_RULES_FORMAT: u32 = 1;

/// The microneedling plan that ships inside the binary, so the app works with no set-up.
pub const BUILTIN_JSON: &str = include_str!("../../assets/rules/microneedling.json");

/// Where the built-in rules claim to come from, in messages.
pub const BUILTIN_NAME: &str = "<built-in microneedling plan>";

/// A whole plan: the rules, what is normal when, and what is not.
///
/// Windows (`from_hours`/`from_day`, `until_hours`/`until_day`) are read with
/// `Windowed::window` and placed in time by `Plan::instant`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Lets editors find a JSON Schema for the file; ignored by the app.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The version of this file format: 2 (1 is still read).
    pub format: u32,
    /// The plan this one starts from: "builtin" (the built-in microneedling plan) or the path
    /// of another rules file, relative to this one. Entries here replace the entries with the
    /// same id, `remove` takes entries out, new ids are added. A resolved plan has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Entries of the extended plan to leave out, by id (only with `extends`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove: Option<Removals>,
    /// The plan's name, shown in the title bar.
    pub name: String,
    /// The treatment the plan is for.
    pub procedure: String,
    /// Shown on every screen and in every export: this is not medical advice.
    pub disclaimer: String,
    /// The clinic: who to contact and when. The built-in plan has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Provider>,
    /// Where the rules come from; rules and notes cite these by id.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// What to do and what to avoid.
    pub rules: Vec<Rule>,
    /// What is normal during a window ("redness like a mild sunburn for 24–48 h").
    #[serde(default)]
    pub phases: Vec<Note>,
    /// What is not normal: when to contact the clinic, and how urgently.
    #[serde(default)]
    pub warnings: Vec<Note>,
    /// What the daily check-in asks the patient to rate, with the course each should take.
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
    /// Check-in readings outside the expected course, and what to do about them.
    #[serde(default)]
    pub alerts: Vec<Alert>,
    /// When the next treatment of a series is due; the app counts down to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_session: Option<NextSession>,
    /// What to expect once the plan is over, shown once its last window has closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<AfterPlan>,
    /// How to take photos that can be compared day to day: shown when the first photo of a
    /// treatment is added and in the help of the before/after screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo_guidance: Option<PhotoGuidance>,
}

/// One thing to do or avoid during a window after the treatment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable identifier: tick-offs are saved under it, so never reuse one for another rule.
    pub id: String,
    /// A short imperative: "No makeup", "Apply SPF 30+ sunscreen".
    pub title: String,
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
    pub rationale: String,
    /// For something to avoid: what the patient may do again when its window ends ("Makeup
    /// is fine again"). Without it the app says that the rule is over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifted: Option<String>,
    /// Done only when it applies ("Cold compress if red or swollen"): shown and tickable
    /// like any task, but never due, reminded of, missed or counted in progress
    /// (`plan::counts`). Default `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub as_needed: bool,
    /// Ids from `sources`.
    pub sources: Vec<String>,
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

impl Rules {
    /// The built-in microneedling plan.
    pub fn builtin() -> Result<Rules, RulesError> {
        // Only read, not checked: the built-in plan is part of the program, and a test
        // (`the_builtin_plan_needs_no_checks_at_start`) proves that checking it and making
        // its text inert change nothing. That spares every start a third of its parsing.
        let mut rules: Rules = serde_json::from_str(BUILTIN_JSON).map_err(|err| {
            let problem = Problem::at(err.line(), err.column(), serde_message(&err));
            RulesError::new(BUILTIN_NAME, vec![problem])
        })?;
        // The editor hint is for the file, not the plan (`parse` leaves it out too).
        rules.schema = None;
        Ok(rules)
    }

    /// Parses and validates the bytes of a rules file, which need not be valid UTF-8: a file
    /// that is not gets a message pointing at the first bad byte rather than a panic. A plan
    /// that extends another file reads it with `loader`.
    pub fn from_bytes_with(
        bytes: &[u8],
        origin: &str,
        loader: &mut dyn Loader,
    ) -> Result<Rules, RulesError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Rules::parse_with(text, origin, loader),
            Err(e) => {
                let valid = &bytes[..e.valid_up_to()];
                // The prefix is valid UTF-8 by construction, so this cannot fail.
                let text = std::str::from_utf8(valid).unwrap_or_default();
                let (line, column) = line_column(text, text.len());
                let problem = Problem::at(
                    line,
                    column,
                    format!(
                        "not UTF-8 text (byte 0x{:02x} at offset {}): save the file as UTF-8",
                        bytes[e.valid_up_to()],
                        e.valid_up_to()
                    ),
                );
                Err(RulesError::new(origin, vec![problem]))
            }
        }
    }

    /// `from_bytes_with`, for a plan that extends no file (it may extend the built-in one).
    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<Rules, RulesError> {
        Rules::from_bytes_with(bytes, origin, &mut NoFiles)
    }

    /// Parses, resolves (`extends`) and validates a rules file; `origin` names it in
    /// messages. The plan returned has no `extends` or `remove`: it is the whole plan, with
    /// its text made inert.
    pub fn parse_with(
        text: &str,
        origin: &str,
        loader: &mut dyn Loader,
    ) -> Result<Rules, RulesError> {
        let mut rules = load::load(text, origin, loader)?;
        rules.make_text_inert();
        Ok(rules)
    }

    /// `parse_with`, for a plan that extends no file.
    pub fn parse(text: &str, origin: &str) -> Result<Rules, RulesError> {
        Rules::parse_with(text, origin, &mut NoFiles)
    }

    /// The rule with this id, if any.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The source with this id, if any.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The plan as JSON a clinic can start from (`aftercare rules show`): resolved, in the
    /// newest format, with the schema named for editors.
    pub fn to_json(&self) -> String {
        let mut plan = self.clone();
        plan.format = RULES_FORMAT;
        plan.extends = None;
        plan.remove = None;
        plan.schema = None;
        // Serializing plain data to a String cannot fail.
        serde_json::to_string_pretty(&plan).unwrap_or_default() + "\n"
    }
}

/// serde_json appends " at line L column C" to its messages; we print those separately.
pub(crate) fn serde_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rsplit_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => text,
    }
}

/// The one of `candidates` closest to a mistyped `word`, if one is close enough to be what
/// was meant ("titel" → "title", "s00l" → "s001").
pub(crate) fn did_you_mean<'c>(
    word: &str,
    candidates: impl Iterator<Item = &'c str>,
) -> Option<&'c str> {
    candidates
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|&(score, _)| score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests;

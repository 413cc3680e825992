//! The rules file: what a plan says, as a clinic writes it in JSON.
//!
//! Everything the app tells a patient comes from one of these files. The types here are the
//! file format; `validate` checks what serde cannot (ids, windows, references) and `locate`
//! turns a field path back into a line and column so every problem points at the text.

mod after;
mod direct;
mod entry;
mod error;
mod extend;
mod field_check;
mod fields;
mod identity;
mod journal;
mod load;
mod locate;
mod origins;
mod out_of_hours;
mod parse;
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

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use after::AfterPlan;
pub use entry::{Kind, Note, Repeat, Rule};
pub use error::{Problem, RulesError};
pub use extend::{BUILTIN_BASE, Removals};
pub use fields::{EARLIEST_DAY, EARLIEST_HOUR, LATEST_DAY, LATEST_HOUR};
pub use identity::{builtin_identity, is_sha256_hex, sha256_hex};
pub use journal::{Alert, ExpectedPoint, MAX_RATING, NextSession, PhotoGuidance, Symptom};
pub use load::{Loader, NoFiles};
pub use locate::{Segment, line_column, locate};
pub use out_of_hours::{BUILTIN_FALLBACK, BUILTIN_FALLBACK_UK};
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

impl Rules {
    /// The rules whose tasks go on after the plan (`Rule::keep_up_after`), in the file's
    /// order: what the screen and `aftercare today` tell a patient to keep up once it is over.
    pub fn kept_up_after(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|r| r.keep_up_after.is_some())
    }

    /// What to keep up after the plan as one list, in the file's order: each rule's title,
    /// or (`how`) its title and how ("Apply SPF 30+ sunscreen — every day, even when
    /// cloudy", `keep_up_words`), joined by `separator`. `None` when the plan keeps nothing
    /// up. The one wording the screen, `today`, `today --short` and `check` share.
    pub fn keep_up_list(&self, how: bool, separator: &str) -> Option<String> {
        let kept: Vec<String> = self
            .kept_up_after()
            .map(|r| match how {
                true => keep_up_words(r),
                false => r.title.to_string(),
            })
            .collect();
        (!kept.is_empty()).then(|| kept.join(separator))
    }

    /// The symptom ids of `rated` in the plan's symptom order, then those the plan no longer
    /// lists (in `rated`'s order): several symptoms named at once read as every screen lists
    /// them.
    pub fn in_symptom_order<'a>(&'a self, rated: &[&'a str]) -> Vec<&'a str> {
        let listed = self.symptoms.iter().map(|s| s.id.as_str());
        let unlisted = rated
            .iter()
            .copied()
            .filter(|id| !self.symptoms.iter().any(|s| s.id == *id));
        listed
            .filter(|id| rated.contains(id))
            .chain(unlisted)
            .collect()
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

/// One thing to keep up after the plan in words: its title and how, "Apply SPF 30+
/// sunscreen — every day, even when cloudy" (only the title for a rule without
/// `keep_up_after`).
pub fn keep_up_words(rule: &Rule) -> String {
    match rule.keep_up_after.as_deref() {
        Some(how) => format!("{} — {how}", rule.title),
        None => rule.title.to_string(),
    }
}

#[cfg(test)]
mod tests;

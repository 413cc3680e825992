//! The rules file: what a plan says, as a clinic writes it in JSON.
//!
//! Everything the app tells a patient comes from one of these files. The types here are the
//! file format; `validate` checks what serde cannot (ids, windows, references) and `locate`
//! turns a field path back into a line and column so every problem points at the text.

mod error;
mod journal;
mod locate;
mod sanitize;
mod validate;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

pub use error::{Problem, RulesError};
pub use journal::{Alert, ExpectedPoint, MAX_RATING, NextSession, Symptom};
pub use locate::{Segment, line_column, locate};
pub use validate::validate;

/// The newest rules format this build understands.
pub const RULES_FORMAT: u32 = 1;

/// The microneedling plan that ships inside the binary, so the app works with no set-up.
pub const BUILTIN_JSON: &str = include_str!("../../assets/rules/microneedling.json");

/// Where the built-in rules claim to come from, in messages.
pub const BUILTIN_NAME: &str = "<built-in microneedling plan>";

/// A whole plan: the rules, what is normal when, and what is not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Lets editors find a JSON Schema for the file; ignored by the app.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The version of this file format (currently 1).
    pub format: u32,
    /// The plan's name, shown in the title bar.
    pub name: String,
    /// The treatment the plan is for.
    pub procedure: String,
    /// Shown on every screen and in every export: this is not medical advice.
    pub disclaimer: String,
    /// Where the rules come from; rules and notes cite these by id.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// What to do and what to avoid.
    pub rules: Vec<Rule>,
    /// What is normal during a window ("redness like a mild sunburn for 24–48 h").
    #[serde(default)]
    pub phases: Vec<Note>,
    /// What is not normal: when to contact the provider.
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
}

/// A document a rule or note is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What rules and notes cite, e.g. "s001".
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]{0,63}$"))]
    pub id: String,
    /// The document's title.
    pub title: String,
    /// Author, date, address: anything that helps a reader find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// One thing to do or avoid during a window after the treatment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable identifier: tick-offs are saved under it, so never reuse one for another rule.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]{0,63}$"))]
    pub id: String,
    /// A short imperative: "No makeup", "Apply SPF 30+ sunscreen".
    pub title: String,
    /// "do" something, or "avoid" something until the window ends.
    pub kind: Kind,
    /// Hours after the treatment moment the window opens (negative: before treatment).
    #[schemars(range(min = -2160, max = 17568))]
    pub from_hours: i64,
    /// Hours after the treatment moment the window closes (exclusive); must be after `from_hours`.
    #[schemars(range(min = -2160, max = 17568))]
    pub until_hours: i64,
    /// "once", "daily" (the default) or "morning_and_evening".
    #[serde(default)]
    pub repeat: Repeat,
    /// One line on why, shown next to the task.
    pub rationale: String,
    /// Ids from `sources`.
    pub sources: Vec<String>,
}

/// A phase ("what is normal now") or a warning sign, with the window it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable identifier, unique among the phases (or among the warnings).
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9_-]{0,63}$"))]
    pub id: String,
    /// A short headline: "Redness like a mild sunburn".
    pub title: String,
    /// A sentence or two more.
    #[serde(default)]
    pub detail: String,
    /// Hours after the treatment moment the window opens.
    #[schemars(range(min = -2160, max = 17568))]
    pub from_hours: i64,
    /// Hours after the treatment moment the window closes (exclusive).
    #[schemars(range(min = -2160, max = 17568))]
    pub until_hours: i64,
    /// Ids from `sources`.
    #[serde(default)]
    pub sources: Vec<String>,
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
        Rules::read(BUILTIN_JSON, BUILTIN_NAME)
    }

    /// Parses and validates the bytes of a rules file, which need not be valid UTF-8: a file
    /// that is not gets a message pointing at the first bad byte rather than a panic.
    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<Rules, RulesError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Rules::parse(text, origin),
            Err(e) => {
                let valid = &bytes[..e.valid_up_to()];
                // The prefix is valid UTF-8 by construction, so this cannot fail.
                let text = std::str::from_utf8(valid).unwrap_or_default();
                let (line, column) = line_column(text, text.len());
                let problem = Problem {
                    line,
                    column,
                    path: String::new(),
                    message: format!(
                        "not UTF-8 text (byte 0x{:02x} at offset {})",
                        bytes[e.valid_up_to()],
                        e.valid_up_to()
                    ),
                };
                Err(RulesError::new(origin, vec![problem]))
            }
        }
    }

    /// Parses and validates a rules file; `origin` names it in messages.
    pub fn parse(text: &str, origin: &str) -> Result<Rules, RulesError> {
        let rules = Rules::read(text, origin)?;
        let problems = validate(&rules, text);
        if problems.is_empty() {
            let mut rules = rules;
            rules.make_text_inert();
            Ok(rules)
        } else {
            Err(RulesError::new(origin, problems))
        }
    }

    /// Reads the JSON of a rules file into its types, without the checks `parse` makes.
    fn read(text: &str, origin: &str) -> Result<Rules, RulesError> {
        // A byte-order mark is what some Windows editors put first; it is not an error.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // serde would read a struct from a JSON array too, with a baffling message; say plainly
        // what the top level must be.
        let start = text.trim_start();
        if !start.is_empty() && !start.starts_with('{') {
            let (line, column) = line_column(text, text.len() - start.len());
            let problem = Problem {
                line,
                column,
                path: String::new(),
                message: "a rules file is one JSON object: it must start with '{'".into(),
            };
            return Err(RulesError::new(origin, vec![problem]));
        }
        // Most files are valid: read them without tracking the path (a quarter of the cost of
        // reading the built-in plan, a third at 10,000 rules), and read a file again, tracking
        // it, only to say where it is wrong.
        let mut de = serde_json::Deserializer::from_str(text);
        if let Ok(rules) = Rules::deserialize(&mut de).and_then(|rules| de.end().map(|()| rules)) {
            return Ok(rules);
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = serde_path_to_error::deserialize(&mut de).map_err(|err| {
            let path = err.path().to_string();
            (path, err.into_inner())
        });
        // Text after the closing brace is as wrong as text missing before it.
        let parsed = parsed.and_then(|rules: Rules| match de.end() {
            Ok(()) => Ok(rules),
            Err(err) => Err((String::new(), err)),
        });
        let rules = match parsed {
            Ok(rules) => rules,
            Err((path, err)) => {
                // serde_path_to_error writes "?" for parts of the path it could not name.
                let path = path.trim_end_matches('?').trim_end_matches('.');
                let problem = Problem {
                    line: err.line().max(1),
                    column: err.column().max(1),
                    path: path.to_string(),
                    message: serde_message(&err),
                };
                return Err(RulesError::new(origin, vec![problem]));
            }
        };
        Ok(rules)
    }

    /// The rule with this id, if any.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The source with this id, if any.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
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

#[cfg(test)]
mod tests;

//! The recovery journal as screens and commands show it: a day's alerts with their sources,
//! the expected rating of a symptom on a day, and reading "redness=2" from the command line.

use crate::plan::Plan;
use crate::rules::{MAX_RATING, Rules, Symptom, Urgency};
use crate::store::Session;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::Serialize;

mod above_usual;
mod actions;
mod carried;
mod carried_calls;
pub use above_usual::{AboveUsual, above_usual_notice, above_usual_on, above_usual_words};
pub use carried::{CARRIED_ID, CARRY_DAYS};

pub(crate) use actions::fallback;
use actions::{severe, with_action};

/// The longest note a check-in keeps, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// A source as an alert cites it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    /// The full citation (`Source::citation`): author, title, publisher, date, address.
    pub citation: String,
}

/// An alert the day's check-in set off, in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlertLine {
    pub id: String,
    pub title: String,
    pub message: String,
    /// The (first) symptom's id: for the one severe alert, the first symptom rated severe.
    pub symptom: String,
    /// Every symptom the alert is about, in the plan's order: one for the plan's alerts, all
    /// those rated severe for the severe alert.
    pub symptoms: Vec<String>,
    pub rating: u8,
    pub previous: Option<u8>,
    /// The date of `previous` when older than the day before (`Firing::previous_on`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_on: Option<NaiveDate>,
    /// How soon to act: "emergency", "call" or "mention" (see `Urgency` for the words).
    pub urgency: Urgency,
    pub sources: Vec<SourceRef>,
    /// For a severe rating carried from an earlier day (see `carried`), the day it was
    /// given; `None` for the viewed day's own check-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rated_on: Option<NaiveDate>,
}

/// The id of the one alert for ratings of 5 the plan has no alert for.
pub const SEVERE_ID: &str = "severe";

/// Said first whenever a symptom is rated 5 (severe), so a screen that cuts the message never
/// cuts this.
pub const ESCALATION: &str =
    "Feel very unwell or have trouble breathing? Call emergency services now.";

/// Said under what the plan lifted ("Makeup is fine again") while a check-in alert is up: the
/// plan's end of a restriction is not the clinic's word on skin that set off an alert.
pub const ASK_BEFORE_RESUMING: &str =
    "With the check-in alert above, ask your clinic before you start any of these again.";

/// The alerts the check-in of `date` sets off, most urgent first: the plan's alerts, one per
/// symptom, and one alert for every symptom rated severe (5) that no emergency alert of the
/// plan covers, led by `ESCALATION`; then, for a symptom last rated 5 on an earlier day and not rated
/// since, one carried alert per such day (at most `CARRY_DAYS` back; `carried` has the rule),
/// and the plan's call-today alerts of an earlier day, carried the same way
/// (`carried_calls`).
pub fn alerts_on<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: &Session,
    date: NaiveDate,
    now: DateTime<FixedOffset>,
) -> Vec<AlertLine> {
    let rules = plan.rules();
    let mut lines: Vec<AlertLine> = Vec::new();
    let mut severe_at: Option<usize> = None;
    for firing in plan.alerts_on(session, date) {
        match firing.alert {
            Some(alert) => lines.push(AlertLine {
                id: alert.id.clone(),
                title: alert.title.clone(),
                // A 5 is the severe alert's, which leads with `ESCALATION`
                // (`Plan::alerts_on`), unless this alert is an emergency, which says more.
                message: with_action(
                    alert.message.clone(),
                    firing.urgency,
                    rules.provider.as_ref(),
                ),
                symptoms: vec![firing.symptom.clone()],
                symptom: firing.symptom,
                rating: firing.rating,
                previous: firing.previous,
                previous_on: firing.previous_on,
                urgency: firing.urgency,
                sources: source_refs(rules, &alert.sources),
                rated_on: None,
            }),
            None => match severe_at {
                Some(i) => lines[i].symptoms.push(firing.symptom),
                None => {
                    severe_at = Some(lines.len());
                    lines.push(severe(&firing, rules.provider.as_ref()));
                }
            },
        }
    }
    if let Some(i) = severe_at {
        let names: Vec<String> = lines[i]
            .symptoms
            .iter()
            .map(|id| short_name(symptom_name(rules, id)))
            .collect();
        lines[i].title = format!("Rated severe: {}", names.join(", "));
        if names.len() > 1 {
            lines[i].previous = None;
            lines[i].previous_on = None;
        }
    }
    // A severe rating of an earlier day not yet replaced by a newer one (see `carried`).
    lines.extend(carried::carried_on(rules, session, date));
    // A call-today alert of an earlier day not yet answered by a newer rating (see
    // `carried_calls`).
    lines.extend(carried_calls::carried_calls_on(plan, session, date, now));
    // Most urgent first, so a screen that folds what does not fit folds the lesser alerts:
    // the sort is stable, so today's stay before a carried one of the same rank.
    lines.sort_by_key(AlertLine::rank);
    lines
}

/// A symptom's title, or its id where the plan no longer lists it.
pub fn symptom_name<'a>(rules: &'a Rules, id: &'a str) -> &'a str {
    rules
        .symptoms
        .iter()
        .find(|s| s.id == id)
        .map_or(id, |s| s.title.as_str())
}

/// A symptom's title as a list in a sentence names it: its first alternative, lower-cased
/// ("Tenderness or discomfort" is "tenderness"), so a list of several stays one line and
/// reads as a list.
pub(crate) fn short_name(title: &str) -> String {
    title.split(" or ").next().unwrap_or(title).to_lowercase()
}

impl AlertLine {
    /// How urgent the alert is, for ordering (lowest first): 0 for one that says to call
    /// emergency services (its tier, or a rating of 5 that leads with `ESCALATION`), then the
    /// tiers in `Urgency::ALL`'s order.
    fn rank(&self) -> u8 {
        if self.urgency == Urgency::Emergency || self.message.starts_with(ESCALATION) {
            0
        } else {
            1 + self.urgency as u8
        }
    }

    /// The message (which says what to do) without its leading emergency line, for a list
    /// that says it once above.
    pub fn message_after_escalation(&self) -> &str {
        match self.message.strip_prefix(ESCALATION) {
            Some(rest) => rest.trim_start(),
            None => &self.message,
        }
    }
}

/// The cited sources with their titles; ids the rules do not list are left out (validation
/// has already reported them).
pub fn source_refs(rules: &Rules, ids: &[String]) -> Vec<SourceRef> {
    ids.iter()
        .filter_map(|id| rules.sources.iter().find(|s| &s.id == id))
        .map(|s| SourceRef {
            id: s.id.clone(),
            title: s.title.clone(),
            citation: s.citation(),
        })
        .collect()
}

/// The rating the plan expects for `symptom` on plan day `day`, taken at local noon (or at
/// the treatment, on a treatment day that starts after noon).
pub fn expected_on<Tz: TimeZone>(plan: &Plan<'_, Tz>, symptom: &Symptom, day: i64) -> Option<f64> {
    let (start, end) = plan.day_bounds(plan.date_of(day));
    let noon = start + (end - start) / 2;
    let at = noon.max(plan.treatment());
    let hours = (at - plan.treatment()).num_minutes() as f64 / 60.0;
    symptom.expected_at(hours)
}

/// Reads `SYMPTOM=N` as `--rate` takes it: the symptom's id, and its rating, or `None` for
/// `SYMPTOM=-` (not rated: a rating given by mistake taken back). The message names what is
/// wrong and what is allowed.
pub fn parse_rating(text: &str, rules: &Rules) -> Result<(String, Option<u8>), String> {
    let ids = || {
        rules
            .symptoms
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some((id, value)) = text.split_once('=') else {
        return Err(format!(
            "--rate {text:?}: write SYMPTOM=N, e.g. --rate {}=2",
            rules.symptoms.first().map_or("redness", |s| s.id.as_str())
        ));
    };
    let Some(symptom) = symptom_named(rules, id) else {
        return Err(format!(
            "--rate {text:?}: no symptom `{}`; this plan rates: {}",
            id.trim(),
            ids()
        ));
    };
    if matches!(value.trim(), "-" | "–") {
        return Ok((symptom.id.clone(), None));
    }
    match value.trim().parse::<u8>() {
        Ok(n) if n <= MAX_RATING => Ok((symptom.id.clone(), Some(n))),
        _ => Err(format!(
            "--rate {text:?}: ratings run from 0 (none) to {MAX_RATING} (severe), or - (not rated)"
        )),
    }
}

/// The symptom a patient means by `name`: its id, or its title or one of the title's
/// alternatives, in any case ("tenderness" and "Discomfort" are both "Tenderness or
/// discomfort", whose id is `discomfort`), since patients type the words the screens show.
fn symptom_named<'r>(rules: &'r Rules, name: &str) -> Option<&'r Symptom> {
    let name = name.trim().to_lowercase();
    rules.symptoms.iter().find(|s| {
        s.id.to_lowercase() == name
            || s.title.to_lowercase() == name
            || s.title
                .split(" or ")
                .any(|alt| alt.trim().to_lowercase() == name)
    })
}

/// A note as it is kept: one line, no control characters, at most `MAX_NOTE_CHARS`.
pub fn clean_note(text: &str) -> String {
    let one_line = crate::inert::inert(text);
    one_line.trim().chars().take(MAX_NOTE_CHARS).collect()
}

#[cfg(test)]
mod pending_tests;
#[cfg(test)]
mod tests;

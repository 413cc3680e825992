//! The recovery journal as screens and commands show it: a day's alerts with their sources,
//! the expected rating of a symptom on a day, and reading "redness=2" from the command line.

use crate::plan::{Firing, Plan};
use crate::rules::{MAX_RATING, Provider, Rules, Symptom, Urgency};
use crate::store::Session;
use crate::wrapping::lower_first;
use chrono::{NaiveDate, TimeZone};
use serde::Serialize;

mod above_usual;
mod carried;
mod carried_calls;
pub use above_usual::{AboveUsual, above_usual_notice, above_usual_on, above_usual_words};
pub use carried::{CARRIED_ID, CARRY_DAYS};

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
            .map(|id| short_name(symptom_name(rules, id)).to_lowercase())
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
    lines.extend(carried_calls::carried_calls_on(plan, session, date));
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

/// A symptom's title as a list names it: its first alternative ("Tenderness or discomfort"
/// is "Tenderness"), so a list of several stays one line and reads as a list.
pub(crate) fn short_name(title: &str) -> &str {
    title.split(" or ").next().unwrap_or(title)
}

/// The alert for ratings of 5 the plan has no alert for (its title is set once every symptom
/// is known): the emergency line first, so it is never the part a screen cuts; then the
/// tier's action, naming the clinic and its phone where the plan does ("Contact your clinic
/// today."); last, the clinic's own out-of-hours words where its plan gives them, else
/// urgent care. Every screen shows the message, so every screen says to call the clinic.
fn severe(firing: &Firing<'_>, provider: Option<&Provider>) -> AlertLine {
    AlertLine {
        id: SEVERE_ID.to_string(),
        title: String::new(),
        // The emergency line, then the tier's action and what to do if the clinic can't be
        // reached, as every call-today alert says them.
        message: with_action(ESCALATION.to_string(), Urgency::Call, provider),
        symptoms: vec![firing.symptom.clone()],
        symptom: firing.symptom.clone(),
        rating: firing.rating,
        previous: firing.previous,
        previous_on: firing.previous_on,
        urgency: Urgency::Call,
        sources: Vec::new(),
        rated_on: None,
    }
}

/// A plan's alert message with its tier's action (`urgency`): as it is when it already says
/// the action (a plan's message may start with it, or say "… or worse, contact your clinic
/// today" mid-sentence), else followed by it ("… Call your clinic today."), so no screen shows
/// an alert without what to do (issue 15). The severe and carried alerts are written with
/// their action, so only the plan's own alerts come here, once, as they are made.
fn with_action(message: String, urgency: Urgency, provider: Option<&Provider>) -> String {
    let action = urgency.action_with(provider);
    let message = name_the_clinic(message, urgency, &action);
    let said = message.to_lowercase();
    let message = if [action.as_str(), urgency.action()]
        .iter()
        .any(|a| said.contains(&a.to_lowercase()))
    {
        message
    } else {
        format!("{message} {action}.")
    };
    // "Call … today" at 18:00 or on a day the clinic is closed: what the clinic says to do
    // then, else urgent care, as the severe alert says it.
    let fallback = fallback(provider);
    if urgency == Urgency::Call && !message.contains(&fallback) {
        format!("{message} {fallback}")
    } else {
        message
    }
}

/// `message` with the tier's generic action ("Call your clinic today", "contact your clinic
/// today" mid-sentence) replaced by `action`, the one that names the clinic and how to reach
/// it ("Call Glow Clinic today (+44 20 7946 0555)"): a plan's alert that says the action
/// itself must still give the patient the number (the README promises it wherever the app
/// says to call). Unchanged when `action` is the generic one (no clinic in the plan).
fn name_the_clinic(message: String, urgency: Urgency, action: &str) -> String {
    if action == urgency.action() {
        return message;
    }
    let lowered = lower_first(action);
    let mut out = message;
    for generic in [urgency.action(), "Contact your clinic today"] {
        out = out
            .replace(generic, action)
            .replace(&lower_first(generic), &lowered);
    }
    out
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

/// Reads `SYMPTOM=N` as `--rate` takes it; the message names what is wrong and what is allowed.
pub fn parse_rating(text: &str, rules: &Rules) -> Result<(String, u8), String> {
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
    let id = id.trim();
    if !rules.symptoms.iter().any(|s| s.id == id) {
        return Err(format!(
            "--rate {text:?}: no symptom `{id}`; this plan rates: {}",
            ids()
        ));
    }
    match value.trim().parse::<u8>() {
        Ok(n) if n <= MAX_RATING => Ok((id.to_string(), n)),
        _ => Err(format!(
            "--rate {text:?}: ratings run from 0 (none) to {MAX_RATING} (severe)"
        )),
    }
}

/// A note as it is kept: one line, no control characters, at most `MAX_NOTE_CHARS`.
pub fn clean_note(text: &str) -> String {
    let one_line = crate::inert::inert(text);
    one_line.trim().chars().take(MAX_NOTE_CHARS).collect()
}

/// What a call-today alert says to do when the clinic can't be reached: the plan's
/// out-of-hours words (`Provider::fallback`), else urgent care, naming the clinic if the plan
/// does.
pub(crate) fn fallback(provider: Option<&Provider>) -> String {
    match provider {
        Some(p) => p.fallback().unwrap_or_else(|| {
            format!(
                "If you can't reach {} today, use urgent care.",
                crate::inert::inert(&p.name)
            )
        }),
        None => "If you can't reach your clinic today, use urgent care.".to_string(),
    }
}

#[cfg(test)]
mod tests;

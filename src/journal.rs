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
mod tests {
    use super::*;
    use chrono::DateTime;
    use chrono_tz::Europe::Berlin;

    #[test]
    fn ratings_name_a_symptom_of_the_plan_and_a_value_from_0_to_5() {
        let rules = Rules::builtin().unwrap();
        assert_eq!(parse_rating("redness=2", &rules), Ok(("redness".into(), 2)));
        assert_eq!(parse_rating(" swelling = 0", &rules).unwrap().1, 0);
        for bad in ["redness=6", "redness=-1", "redness=", "itch=2", "redness"] {
            assert!(parse_rating(bad, &rules).is_err(), "{bad}");
        }
        let message = parse_rating("itch=2", &rules).unwrap_err();
        assert!(message.contains("redness, swelling"), "{message}");
    }

    #[test]
    fn expected_ratings_are_read_at_noon_or_at_the_treatment() {
        let rules = Rules::builtin().unwrap();
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, at, Berlin);
        let redness = &rules.symptoms[0];
        // Day 1 after a 14:00 treatment: at the treatment, 3; Day 3 noon is 46 h on.
        assert_eq!(expected_on(&plan, redness, 1), Some(3.0));
        let day3 = expected_on(&plan, redness, 3).unwrap();
        assert!((day3 - (3.0 - 2.0 * 46.0 / 48.0)).abs() < 1e-9, "{day3}");
        assert_eq!(expected_on(&plan, redness, 14), Some(0.0));
    }

    #[test]
    fn a_plans_alert_says_its_action_once() {
        let call = Urgency::Call;
        // Without it, the tier's action is added once.
        let said = with_action("Swelling that grows can be infection.".into(), call, None);
        assert_eq!(
            said,
            "Swelling that grows can be infection. Call your clinic today. If you can't reach \
             your clinic today, use urgent care."
        );
        // Said already, first or mid-sentence in any case, it is not said again; what to do
        // when the clinic can't be reached follows it.
        for text in [
            "Call your clinic today: swelling that grows can be infection.",
            "If it spreads or worse, call your clinic today.",
        ] {
            assert_eq!(
                with_action(text.into(), call, None),
                format!("{text} If you can't reach your clinic today, use urgent care.")
            );
        }
        // A mention-level alert has no such words: nothing is urgent.
        let mention = with_action("Pinkness that lingers.".into(), Urgency::Mention, None);
        assert!(!mention.contains("urgent care"), "{mention}");
    }

    /// The alerts of a check-in on Mon 30 Nov 2026 (Day 11 of a Fri 20 Nov 14:00
    /// treatment in Berlin) rating `ratings`, with the plan's clinic `provider`.
    fn alerts_of(ratings: &[(&str, u8)], provider: Option<Provider>) -> Vec<AlertLine> {
        let mut rules = Rules::builtin().unwrap();
        rules.provider = provider;
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, at, Berlin);
        let mut session = Session::new(at);
        let mut checkin = crate::store::CheckIn::default();
        for (id, rating) in ratings {
            checkin.ratings.insert((*id).to_string(), *rating);
        }
        let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        session.checkins.insert(date, checkin);
        alerts_on(&plan, &session, date)
    }

    #[test]
    fn the_alert_that_says_call_emergency_services_comes_first() {
        // Tenderness 3 and redness 4 on Day 11 set off the plan's two call-today alerts; a
        // swelling of 5 the plan has no alert for sets off the severe one, which leads.
        let lines = alerts_of(&[("discomfort", 3), ("redness", 4), ("swelling", 5)], None);
        let ids: Vec<&str> = lines.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(
            ids,
            [SEVERE_ID, "redness-after-a-week", "tender-after-two-days"]
        );
        assert!(
            lines[0].message.starts_with(ESCALATION),
            "{}",
            lines[0].message
        );
    }

    #[test]
    fn a_plans_alert_that_says_call_your_clinic_names_the_clinic_and_its_number() {
        let glow = Provider {
            name: "Glow Clinic".into(),
            phone: Some("+44 20 7946 0555".into()),
            ..Provider::default()
        };
        let lines = alerts_of(&[("redness", 4)], Some(glow));
        assert_eq!(lines.len(), 1);
        let message = &lines[0].message;
        assert!(
            message.starts_with("Call Glow Clinic today (+44 20 7946 0555): redness is"),
            "{message}"
        );
        assert!(!message.contains("your clinic"), "{message}");
        assert!(
            message.ends_with("If you can't reach Glow Clinic today, use urgent care."),
            "{message}"
        );
        // Without a clinic in the plan the words stay the plan's own.
        let plain = alerts_of(&[("redness", 4)], None);
        assert!(
            plain[0]
                .message
                .starts_with("Call your clinic today: redness is")
        );
        // Mid-sentence, lower case.
        let named = name_the_clinic(
            "If it spreads, call your clinic today.".into(),
            Urgency::Call,
            "Call Glow Clinic today (+44 20 7946 0555)",
        );
        assert_eq!(
            named,
            "If it spreads, call Glow Clinic today (+44 20 7946 0555)."
        );
    }

    /// A call-today alert on a day the clinic may be closed says what the clinic says to do
    /// then (walk: a Saturday's "Call Harbour Skin Clinic today" with its Mon–Fri hours, and
    /// the out-of-hours words only behind `s`).
    #[test]
    fn a_call_today_alert_says_what_to_do_when_the_clinic_is_closed() {
        let harbour = Provider {
            name: "Harbour Skin Clinic".into(),
            phone: Some("+44 117 496 0555".into()),
            out_of_hours: Some("Call NHS 111; in an emergency call 999".into()),
            ..Provider::default()
        };
        let lines = alerts_of(&[("redness", 4)], Some(harbour.clone()));
        let message = &lines[0].message;
        assert!(
            message.starts_with("Call Harbour Skin Clinic today (+44 117 496 0555):"),
            "{message}"
        );
        assert!(
            message.ends_with(
                " If you can't reach the clinic: Call NHS 111; in an emergency call 999."
            ),
            "{message}"
        );
        // Once, not again on the severe alert that says it already.
        let severe = alerts_of(&[("redness", 5)], Some(harbour));
        for line in &severe {
            assert_eq!(
                line.message.matches("NHS 111").count(),
                1,
                "{}",
                line.message
            );
        }
    }

    #[test]
    fn notes_are_one_line_of_plain_text() {
        assert_eq!(
            clean_note("  itchy\nin the evening \u{1b}[2J "),
            "itchy in the evening \\u{1b}[2J"
        );
        assert_eq!(clean_note(&"x".repeat(500)).chars().count(), MAX_NOTE_CHARS);
    }
}

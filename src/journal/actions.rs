//! What an alert says to do: the tier's action naming the clinic and its phone, what to do
//! when the clinic can't be reached, and the severe alert built from them.

use super::{AlertLine, ESCALATION, SEVERE_ID};
use crate::plan::Firing;
use crate::rules::{Provider, Urgency};
use crate::wrapping::lower_first;

/// The alert for ratings of 5 the plan has no alert for (its title is set once every symptom
/// is known): the emergency line first, so it is never the part a screen cuts; then the
/// tier's action, naming the clinic and its phone where the plan does ("Contact your clinic
/// today."); last, the clinic's own out-of-hours words where its plan gives them, else
/// urgent care. Every screen shows the message, so every screen says to call the clinic.
pub(super) fn severe(firing: &Firing<'_>, provider: Option<&Provider>) -> AlertLine {
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
pub(super) fn with_action(
    message: String,
    urgency: Urgency,
    provider: Option<&Provider>,
) -> String {
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
pub(super) fn name_the_clinic(message: String, urgency: Urgency, action: &str) -> String {
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

//! The words every event and the calendar carry: descriptions, the clinic and emergency signs, sources, and iCalendar TEXT escaping.

use crate::export::NOT_ADVICE;
use crate::plan::Plan;
use crate::rules::{Rule, Rules, Urgency};
use chrono::TimeZone;

/// An event's description: when, why, where from, who to contact, and the disclaimer.
pub(super) fn describe<Tz: TimeZone>(plan: &Plan<'_, Tz>, rule: &Rule, when: &str) -> String {
    let mut text = format!("{when}\n\n{}", rule.rationale);
    push_sources(plan, &rule.sources, &mut text);
    push_help(plan.rules(), &mut text);
    text
}

/// The end of every event's description: the clinic and the emergency signs, then the
/// disclaimer.
pub(super) fn push_help(rules: &Rules, text: &mut String) {
    text.push_str(&format!("\n\n{}\n\n{NOT_ADVICE}", help_words(rules)));
}

pub(super) fn push_sources<Tz: TimeZone>(plan: &Plan<'_, Tz>, ids: &[String], text: &mut String) {
    let citations: Vec<String> = ids
        .iter()
        .filter_map(|id| plan.rules().source(id))
        .map(|s| format!("- {}", s.citation()))
        .collect();
    if !citations.is_empty() {
        text.push_str(&format!("\n\nSources:\n{}", citations.join("\n")));
    }
}

/// Who to contact and when, as every event carries it: the clinic as the plan names it (or
/// "your clinic", never a number of our own), its hours, and the signs that mean calling
/// emergency services now.
fn help_words(rules: &Rules) -> String {
    let mut text = match &rules.provider {
        Some(p) => {
            let mut t = format!("Your clinic: {}", p.contact_line());
            if let Some(hours) = &p.hours {
                t.push_str(&format!(" (open {hours})"));
            }
            if let Some(closed) = &p.out_of_hours {
                t.push_str(&format!(". When it is closed: {closed}"));
            }
            t
        }
        None => "Worried about your skin? Contact your clinic.".to_string(),
    };
    let emergencies: Vec<&str> = rules
        .warnings
        .iter()
        .filter(|w| w.urgency() == Urgency::Emergency)
        .map(|w| w.title.as_str())
        .collect();
    if !emergencies.is_empty() {
        text.push_str(&format!(
            "\n{}: {}.",
            Urgency::Emergency.heading(),
            emergencies.join("; ")
        ));
    }
    text
}

/// The calendar's own description: the procedure, the clinic, and every warning sign by
/// urgency, most urgent first.
pub(super) fn calendar_description(rules: &Rules) -> String {
    let mut text = format!("{}.\n\n{}", rules.procedure, help_words(rules));
    let provider = rules.provider.as_ref();
    for urgency in Urgency::ALL {
        let signs: Vec<&str> = rules
            .warnings
            .iter()
            .filter(|w| w.urgency() == urgency && urgency != Urgency::Emergency)
            .map(|w| w.title.as_str())
            .collect();
        if !signs.is_empty() {
            text.push_str(&format!(
                "\n{}: {}.",
                urgency.heading_with(provider),
                signs.join("; ")
            ));
        }
    }
    text.push_str(&format!("\n\n{NOT_ADVICE}"));
    text
}

/// `text` as an iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are
/// escaped with a backslash, a line break becomes `\n`. Only for properties the icalendar
/// crate leaves unescaped (NAME); it escapes the ones it knows itself.
pub(super) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

//! The journal in plain text, shared by `today` and `checkin`: alerts first and plainly, the
//! day's ratings, and how the recovery is going as a whole.

use super::text::wrap;
use super::{CliError, Out};
use crate::inert::inert;
use crate::journal::AlertLine;
use crate::progress::Progress;
use crate::rules::{MAX_RATING, Rules};
use crate::store::CheckIn;
use serde::Serialize;

/// The whole recovery so far in JSON (what "due" means: see `progress`).
#[derive(Serialize)]
pub struct RecoveryJson {
    done: usize,
    due: usize,
    adherence_percent: Option<u32>,
    streak: usize,
}

impl From<&Progress> for RecoveryJson {
    fn from(p: &Progress) -> Self {
        RecoveryJson {
            done: p.done,
            due: p.due,
            adherence_percent: p.percent(),
            streak: p.streak,
        }
    }
}

/// Marks an alert without relying on colour.
pub const ALERT_MARK: &str = "⚠";

/// Each alert: its title and the reading, what to do, and where that comes from.
pub fn write_alerts(out: Out, rules: &Rules, alerts: &[AlertLine]) -> Result<(), CliError> {
    for alert in alerts {
        let symptom = symptom_title(rules, &alert.symptom).to_lowercase();
        let reading = match alert.previous {
            // Several symptoms rated differently (a carried call-today alert): the title
            // names them, and their readings are the check-in's.
            _ if alert.symptoms.len() > 1 && alert.rating < MAX_RATING => None,
            _ if alert.symptoms.len() > 1 => Some(format!("each {}", alert.rating)),
            Some(p) if p < alert.rating => {
                // From a rating weeks old, say when: "up from 1" read as yesterday's.
                let on = alert
                    .previous_on
                    .map(|d| format!(" on {}", super::text::short_date(d)))
                    .unwrap_or_default();
                Some(format!("{symptom} {}, up from {p}{on}", alert.rating))
            }
            _ => Some(format!("{symptom} {}", alert.rating)),
        };
        // One line where it fits 80 columns; else the reading goes whole under the title.
        let title = format!("{ALERT_MARK} {} · {}", alert.urgency.tag(), alert.title);
        match reading.map(|r| format!("(you rated {r})")) {
            None => writeln!(out, "\n{}", wrap(&title, "", "  "))?,
            Some(rated)
                if super::text::columns(&format!("{title} {rated}")) <= super::text::WIDTH =>
            {
                writeln!(out, "\n{title} {rated}")?
            }
            Some(rated) => writeln!(
                out,
                "\n{}\n{}",
                wrap(&title, "", "  "),
                wrap(&rated, "  ", "  ")
            )?,
        }
        writeln!(out, "{}", wrap(&alert.message, "  ", "  "))?;
        for source in &alert.sources {
            writeln!(out, "{}", wrap(&source.citation, "  Source: ", "    "))?;
        }
    }
    Ok(())
}

/// "Redness 2 · Swelling 1 · …", in the plan's order, then the note; unrated symptoms are
/// left out.
pub fn ratings_line(rules: &Rules, checkin: &CheckIn) -> String {
    let mut parts: Vec<String> = rules
        .symptoms
        .iter()
        .filter_map(|s| Some(format!("{} {}", s.title, checkin.ratings.get(&s.id)?)))
        .collect();
    if parts.is_empty() {
        parts.push("no ratings".into());
    }
    let mut line = parts.join(" · ");
    if !checkin.note.is_empty() {
        // The note comes from the state file, which anything may have written.
        line.push_str(&format!(" — “{}”", inert(&checkin.note)));
    }
    line
}

/// The check-in section of `today`: the ratings, or how to give them.
pub fn write_checkin(out: Out, rules: &Rules, checkin: Option<&CheckIn>) -> Result<(), CliError> {
    if rules.symptoms.is_empty() {
        return Ok(());
    }
    match checkin {
        Some(c) => writeln!(
            out,
            "\n{}",
            wrap(&ratings_line(rules, c), "Check-in: ", "  ")
        )?,
        None => {
            let example: Vec<String> = rules
                .symptoms
                .iter()
                .map(|s| format!("--rate {}=N", s.id))
                .collect();
            let text = format!(
                "not yet today. Rate 0 (none) to 5 (severe): aftercare checkin {}",
                example.join(" ")
            );
            writeln!(out, "\n{}", wrap(&text, "Check-in: ", "  "))?;
        }
    }
    Ok(())
}

/// "Tasks so far: 64% of due tasks done (23 of 36) · 2 full days in a row" (not "Recovery
/// so far", which read as how far the skin had recovered)
pub fn progress_line(progress: &Progress) -> Option<String> {
    let percent = progress.percent()?;
    let streak = match progress.streak {
        0 => String::new(),
        1 => " · 1 full day".to_string(),
        n => format!(" · {n} full days in a row"),
    };
    Some(format!(
        "Tasks so far: {percent}% of due tasks done ({} of {}){streak}",
        progress.done, progress.due
    ))
}

pub fn symptom_title<'r>(rules: &'r Rules, id: &'r str) -> &'r str {
    crate::journal::symptom_name(rules, id)
}

//! `history`: every treatment of the series side by side: when, how much of the plan was
//! followed, and how the skin did.

use super::text::{columns, long_date, moment, pad, wrap, wrap_to};
use super::{CliError, Context, Out};
use crate::rules::Rules;
use crate::series::{Reading, SessionSummary, history_by};
use crate::timearg::TYPED_FORMAT;
use chrono::Local;
use serde::Serialize;
use std::collections::HashMap;
use std::io;

/// Width of the row labels, then of each session's column.
const LABEL_WIDTH: usize = 22;
const COLUMN_WIDTH: usize = 19;
/// Sessions side by side in 80 columns; more go in further blocks below.
const PER_BLOCK: usize = 3;

#[derive(Serialize)]
struct HistoryJson<'a> {
    sessions: &'a [SessionSummary],
}

pub fn run(ctx: &Context, json: bool, out: Out) -> Result<(), CliError> {
    let other_plans = other_plans(ctx);
    let plan_of = |i: usize| {
        ctx.state.sessions[i]
            .plan
            .as_ref()
            .and_then(|r| other_plans.get(&r.sha256))
            .unwrap_or(&ctx.rules)
    };
    let all = history_by(plan_of, &ctx.state, &Local, ctx.now());
    if json {
        crate::inert::json::to_writer_pretty(&mut *out, &HistoryJson { sessions: &all })
            .map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    if all.is_empty() {
        return Err(CliError::NoTreatment);
    }
    let count = match all.len() {
        1 => "1 treatment".to_string(),
        n => format!("{n} treatments"),
    };
    writeln!(out, "{} · {count}", ctx.rules.name)?;
    for block in all.chunks(PER_BLOCK) {
        writeln!(out)?;
        write_block(out, ctx, block)?;
    }
    let notes = "Tasks done: of the tasks due from Day 1 up to today, or up to the next \
                 treatment; a task to do once counts once. Symptoms: the highest rating and the \
                 latest, with their plan days (D3 = Day 3).";
    writeln!(out, "\n{}", wrap(notes, "", ""))?;
    for kept in &ctx.state.removed {
        let at = kept.session.at;
        let local = ctx.plan(at).local(at);
        let text = format!(
            "Removed {}: the treatment of {}, kept aside; `aftercare restore --at \"{}\"` brings \
             it back.",
            long_date(kept.removed.date_naive()),
            moment(local),
            local.format(TYPED_FORMAT),
        );
        writeln!(out, "{}", wrap(&text, "", ""))?;
    }
    Ok(())
}

fn write_block(out: Out, ctx: &Context, sessions: &[SessionSummary]) -> Result<(), CliError> {
    // A label too long for its column is wrapped at words (`label_lines`), its cells beside
    // the first line: a symptom's name is never cut.
    let row = |label: &str, cell: &dyn Fn(&SessionSummary) -> String| {
        let cells: Vec<String> = sessions
            .iter()
            .map(|s| pad(&cell(s), COLUMN_WIDTH))
            .collect();
        let cells = cells.join("");
        let lines = match label_lines(label) {
            Some(mut lines) => {
                lines[0] = format!("{}{cells}", pad(&lines[0], LABEL_WIDTH));
                lines
            }
            // A word longer than the column: the label on lines of its own, the cells below.
            None => {
                let mut lines: Vec<String> =
                    wrap(label, "", "  ").lines().map(String::from).collect();
                lines.push(format!("{}{cells}", " ".repeat(LABEL_WIDTH)));
                lines
            }
        };
        let lines: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
        lines.join("\n")
    };
    let mut lines = vec![
        row("", &|s| format!("Session {}", s.number)),
        // Date and time: two treatments of one day (a time recorded twice) must not look
        // alike.
        row("Treatment", &|s| crate::dates::compact_moment(s.treatment)),
        row("Days", &|s| s.days_words()),
        row("Tasks done", &|s| match s.adherence_percent {
            Some(p) => format!("{p}% ({}/{})", s.done, s.due),
            None => "nothing due yet".into(),
        }),
        row("Check-ins", &|s| match s.alert_days {
            0 => s.checkins.to_string(),
            n => format!("{} (⚠ {n})", s.checkins),
        }),
        row("Photos", &|s| s.photos.to_string()),
    ];
    for (i, symptom) in ctx.rules.symptoms.iter().enumerate() {
        lines.push(row(&symptom.title, &|s| {
            s.symptoms
                .get(i)
                .map_or_else(String::new, |m| symptom_cell(&m.peak, &m.last))
        }));
    }
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// A row's label in lines that fit its column (`LABEL_WIDTH` less a gap of two), wrapped at
/// words, the lines after the first indented by two; `None` when a single word is longer
/// than that.
fn label_lines(label: &str) -> Option<Vec<String>> {
    let room = LABEL_WIDTH - 2;
    let lines: Vec<String> = wrap_to(label, room, "", "  ")
        .lines()
        .map(String::from)
        .collect();
    if lines.iter().any(|l| columns(l) > room) {
        return None;
    }
    Some(if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    })
}

/// "4 D1 → 1 D9": the peak and the latest reading, or "–" with no readings.
fn symptom_cell(peak: &Option<Reading>, last: &Option<Reading>) -> String {
    match (peak, last) {
        (Some(p), Some(l)) if p == l => format!("{} D{}", p.rating, p.day),
        (Some(p), Some(l)) => format!("{} D{} → {} D{}", p.rating, p.day, l.rating, l.day),
        _ => "–".into(),
    }
}

/// The plans of the treatments that follow another plan than the one the command loaded, by
/// SHA-256, each read once however many treatments share it. A treatment whose copy cannot
/// be read is counted with the loaded plan rather than hiding the whole series; `today` and
/// `plan` report such a copy when that treatment is in force.
fn other_plans(ctx: &Context) -> HashMap<String, Rules> {
    let loaded = match &ctx.basis {
        super::Basis::Recorded { reference, .. } => Some(reference.sha256.as_str()),
        _ => None,
    };
    let mut read = HashMap::new();
    let Some(store) = &ctx.store else {
        return read;
    };
    for session in &ctx.state.sessions {
        let Some(reference) = &session.plan else {
            continue;
        };
        if Some(reference.sha256.as_str()) == loaded || read.contains_key(&reference.sha256) {
            continue;
        }
        if let Ok(plan) = super::followed::for_session(store, Some(session), None) {
            read.insert(reference.sha256.clone(), plan.rules);
        }
    }
    read
}

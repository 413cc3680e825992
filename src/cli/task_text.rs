//! The day's tasks and notes as `today` and `plan` write them: a box, the title padded to a
//! column, and beside it what the reader needs next (when, or the id `check` takes), moved
//! under the title where it would run past 80 columns.

use super::text::{WIDTH, columns, pad, wrap};
use super::{CliError, Out};
use crate::checklist::{NoteLine, TaskLine};
use crate::rules::Kind;
use chrono::{DateTime, FixedOffset};

/// One kind of task, two lines each: what to do and when, then the id `check` takes. When
/// is said where it stands at `now` (`TaskLine::when_at`), as the screen says it: "evening ·
/// from 20:00" before the slot begins, "missed · morning" after.
pub(super) fn write_tasks(
    out: Out,
    tasks: &[TaskLine],
    kind: Kind,
    width: usize,
    now: DateTime<FixedOffset>,
) -> Result<(), CliError> {
    write_tasks_under(out, heading(kind), tasks, kind, width, now)
}

/// `write_tasks` under `heading` ("Do before your next treatment (Sat 2 Jan 11:00)").
pub(super) fn write_tasks_under(
    out: Out,
    heading: &str,
    tasks: &[TaskLine],
    kind: Kind,
    width: usize,
    now: DateTime<FixedOffset>,
) -> Result<(), CliError> {
    let mut tasks: Vec<&TaskLine> = tasks.iter().filter(|t| t.kind == kind).collect();
    if tasks.is_empty() {
        return Ok(());
    }
    // What still holds first, then what is done only as needed, then what was lifted today
    // (as the checklist lists them).
    tasks.sort_by_key(|t| (t.lifted_by_now, t.as_needed));
    writeln!(out, "\n{heading}")?;
    for task in tasks {
        if task.lifted_by_now {
            // Over on the day: said as the checklist says it, with no box and no id to tick.
            let words = task
                .lifted
                .as_deref()
                .map_or_else(|| format!("{}: over", task.title), str::to_string);
            let from = format!("from {}", crate::dates::clock(task.ends));
            let line = format!("  ✓   {}  {from}", pad(&words, width));
            if columns(&line) <= WIDTH {
                writeln!(out, "{line}")?;
            } else {
                // Long words: wrapped under their mark, the time after them, within 80 columns.
                writeln!(
                    out,
                    "{}",
                    wrap(&format!("{words} ({from})"), "  ✓   ", "      ")
                )?;
            }
            continue;
        }
        let when = task.when_at(Some(now));
        match task_row("  ", task, width, &when) {
            Some(line) => writeln!(out, "{line}\n      {}", task.id)?,
            // A long title: the "when" moves down beside the id rather than past 80 columns.
            None => writeln!(
                out,
                "{}\n{}",
                wrap(&task.title, &format!("  {} ", mark(task.done)), "      "),
                wrap(&format!("{} · {when}", task.id), "      ", "        ")
            )?,
        }
    }
    Ok(())
}

/// The plan's compact form: one line per task, the title then the id; tasks done as needed
/// under their own heading, as they are never due.
pub(super) fn write_plan_tasks(out: Out, tasks: &[TaskLine]) -> Result<(), CliError> {
    let width = title_width(tasks);
    type Belongs = fn(&TaskLine) -> bool;
    // A task to do once, done on an earlier day, is that day's, not this one's: under its
    // own heading, so a "[x]" never sits under a count that leaves it out.
    let groups: [(&str, Belongs); 4] = [
        ("Do", |t| {
            t.kind == Kind::Do && !t.as_needed && !t.done_before
        }),
        ("Do as needed (never counted as missed)", |t| {
            t.kind == Kind::Do && t.as_needed && !t.done_before
        }),
        ("Avoid", |t| t.kind == Kind::Avoid),
        ("Done once on an earlier day (counted on that day)", |t| {
            t.done_before
        }),
    ];
    for (heading, belongs) in groups {
        let mut first = true;
        for task in tasks.iter().filter(|t| belongs(t)) {
            if first {
                writeln!(out, "  {heading}")?;
                first = false;
            }
            match task_row("    ", task, width, &task.id) {
                Some(line) => writeln!(out, "{}", line.trim_end())?,
                // A long title: the id goes under it rather than past 80 columns.
                None => writeln!(
                    out,
                    "    {} {}\n        {}",
                    mark(task.done),
                    task.title,
                    task.id
                )?,
            }
        }
    }
    Ok(())
}

/// `task`'s box and title, padded to `width` columns, then `beside`, after `indent`; `None`
/// when that runs past 80 columns.
fn task_row(indent: &str, task: &TaskLine, width: usize, beside: &str) -> Option<String> {
    let line = format!(
        "{indent}{} {}  {beside}",
        mark(task.done),
        pad(&task.title, width)
    );
    (columns(&line) <= WIDTH).then_some(line)
}

/// The notes under `heading`, one bullet each: the title, then its detail.
pub(super) fn write_notes(out: Out, heading: &str, notes: &[NoteLine]) -> Result<(), CliError> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{heading}")?;
    for note in notes {
        let text = match note.detail.as_str() {
            "" => note.title.clone(),
            detail => format!("{} — {detail}", note.title),
        };
        writeln!(out, "{}", wrap(&text, "  • ", "    "))?;
    }
    Ok(())
}

/// The notes' titles after `heading`, on as few lines as they take.
pub(super) fn write_note_titles(
    out: Out,
    heading: &str,
    notes: &[NoteLine],
) -> Result<(), CliError> {
    if notes.is_empty() {
        return Ok(());
    }
    let titles: Vec<&str> = notes.iter().map(|n| n.title.as_str()).collect();
    let first = format!("  {heading} ");
    writeln!(out, "{}", wrap(&titles.join("; "), &first, "    "))?;
    Ok(())
}

/// The widest title of `tasks`, in columns: where the times or ids line up.
pub(super) fn title_width(tasks: &[TaskLine]) -> usize {
    tasks.iter().map(|t| columns(&t.title)).max().unwrap_or(0)
}

fn heading(kind: Kind) -> &'static str {
    match kind {
        Kind::Do => "Do",
        Kind::Avoid => "Avoid",
    }
}

fn mark(done: bool) -> &'static str {
    if done { "[x]" } else { "[ ]" }
}

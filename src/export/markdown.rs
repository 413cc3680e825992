//! `plan --markdown --days`: the whole plan day by day, to print and tick with a pen (the
//! handout, `plan --markdown`, is `handout`). One section per day, with the
//! same tasks, phases and warnings `plan` and the screens show (it is built from `Checklist`),
//! and empty boxes to tick with a pen.
//!
//! A rule that runs for weeks would otherwise repeat its rationale on every page, so each
//! rule's reason and sources (and each phase's detail) are given once, the first day they
//! appear; later days list the task with its window only.

use super::{end_words, escape_markdown as md};
use crate::checklist::{Checklist, NoteLine, TaskLine};
use crate::plan::Plan;
use crate::rules::SourceKind;
use crate::rules::{Kind, Repeat, Rules};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use std::collections::HashSet;
use std::io::{self, Write};
use std::ops::RangeInclusive;

/// How the handout names the treatment moment.
pub enum Treatment {
    /// A recorded treatment.
    Recorded,
    /// None recorded: the plan is laid out as if the treatment were at the plan's moment.
    AsIfNow,
}

/// Writes the handout for the days `days` of `plan` to `out`.
pub fn write<Tz: TimeZone>(
    out: &mut dyn Write,
    plan: &Plan<'_, Tz>,
    treatment: Treatment,
    days: RangeInclusive<i64>,
) -> io::Result<()> {
    let mut handout = Handout {
        out,
        rules: plan.rules(),
        explained: HashSet::new(),
    };
    handout.title(plan.local(plan.treatment()), treatment)?;
    for day in days {
        // No session: a handout is ticked on paper, so every box starts empty.
        let checklist = Checklist::build(plan, day, None, plan.treatment());
        handout.day(&checklist)?;
    }
    handout.sources()
}

struct Handout<'o, 'r> {
    out: &'o mut dyn Write,
    rules: &'r Rules,
    /// Rules and notes whose reasons or details have been given already.
    explained: HashSet<String>,
}

impl Handout<'_, '_> {
    fn title(&mut self, at: DateTime<FixedOffset>, treatment: Treatment) -> io::Result<()> {
        let rules = self.rules;
        writeln!(self.out, "# {}\n", md(&rules.name))?;
        writeln!(self.out, "**Procedure:** {}\\", md(&rules.procedure))?;
        let when = crate::dates::moment(at);
        match treatment {
            Treatment::Recorded => writeln!(self.out, "**Treatment:** {when}\n")?,
            Treatment::AsIfNow => writeln!(
                self.out,
                "**Treatment:** not recorded yet; this plan is laid out as if treated now \
                 ({when}). Record yours with `aftercare start --at TIME`.\n"
            )?,
        }
        writeln!(
            self.out,
            "> **Not medical advice.** {}\n",
            md(&rules.disclaimer)
        )?;
        writeln!(
            self.out,
            "Times are local. A window ends at the minute given (\"until 14:00\" means up to \
             14:00, not to the end of the day). Tick the boxes as you go.\n"
        )
    }

    fn day(&mut self, day: &Checklist) -> io::Result<()> {
        writeln!(self.out, "## {}\n", day_heading(day.day, day.date))?;
        if day.tasks.is_empty() && day.phases.is_empty() && day.warnings.is_empty() {
            writeln!(self.out, "Nothing to do or avoid on this day.\n")?;
        }
        self.notes("Normal now", "phase", &day.phases)?;
        for kind in [Kind::Do, Kind::Avoid] {
            let tasks: Vec<&TaskLine> = day.tasks.iter().filter(|t| t.kind == kind).collect();
            if tasks.is_empty() {
                continue;
            }
            let label = if kind == Kind::Do { "Do" } else { "Avoid" };
            writeln!(self.out, "**{label}**\n")?;
            for task in tasks {
                self.task(task, day.date)?;
            }
            writeln!(self.out)?;
        }
        self.notes("Warning signs", "warning", &day.warnings)
    }

    fn task(&mut self, task: &TaskLine, date: NaiveDate) -> io::Result<()> {
        let window = window_words(task, date);
        let line = format!("- [ ] {} — {window}", md(&task.title));
        // The rule's id without "@morning": the reason belongs to the rule, not the slot.
        let rule_id = task.id.split('@').next().unwrap_or(&task.id);
        if !self.explained.insert(format!("rule:{rule_id}")) {
            // A one-time task is listed on every day of its window, but done only once.
            let again = if task.repeat == Repeat::Once {
                " (if not done yet)"
            } else {
                ""
            };
            return writeln!(self.out, "{line}{again}");
        }
        // A backslash at the end of a line is a hard break: the reason renders on its own
        // line inside the same list item.
        writeln!(self.out, "{line}\\")?;
        let mut why = format!("  *Why:* {}", md(&task.rationale));
        let titles: Vec<String> = task
            .sources
            .iter()
            .filter_map(|id| self.rules.source(id))
            .map(|s| md(&s.title))
            .collect();
        if !titles.is_empty() {
            why.push_str(&format!(" *Sources:* {}", titles.join("; ")));
        }
        writeln!(self.out, "{why}")
    }

    fn notes(&mut self, heading: &str, what: &str, notes: &[NoteLine]) -> io::Result<()> {
        if notes.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "**{heading}**\n")?;
        for note in notes {
            let first = self.explained.insert(format!("{what}:{}", note.id));
            if first && !note.detail.trim().is_empty() {
                writeln!(self.out, "- {}: {}", md(&note.title), md(&note.detail))?;
            } else {
                writeln!(self.out, "- {}", md(&note.title))?;
            }
        }
        writeln!(self.out)
    }

    fn sources(&mut self) -> io::Result<()> {
        if self.rules.sources.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "## Sources\n")?;
        for (n, source) in self.rules.sources.iter().enumerate() {
            let mut line = md(&source.citation());
            if source.kind == SourceKind::Clinical {
                line.push_str(" *(clinical literature)*");
            }
            if let Some(note) = &source.note {
                line.push_str(&format!(" Note: {}", md(note)));
            }
            writeln!(self.out, "{}. {line}", n + 1)?;
        }
        Ok(())
    }
}

/// "Day 3 · Sun 22 Nov 2026", "Day 1 · Treatment day · …", "Before treatment · 2 days to go · …".
/// A handout has no use for the negative day numbers `check --day` takes.
pub fn day_heading(day: i64, date: NaiveDate) -> String {
    let date = crate::dates::long_date(date);
    match day {
        1 => format!("Day 1 · Treatment day · {date}"),
        d if d > 1 => format!("Day {d} · {date}"),
        0 => format!("Before treatment · 1 day to go · {date}"),
        d => format!("Before treatment · {} days to go · {date}", 1 - d),
    }
}

/// When a task applies, as seen from a page for `date`: "daily until Fri 27 Nov 14:00",
/// "morning, until …", "from 14:00, until 16:00 today", "once, by Fri 18 Dec 14:00",
/// "as needed until the end of Thu 26 Nov" (a task never due is never "daily").
fn window_words(task: &TaskLine, date: NaiveDate) -> String {
    let ends = if task.ends.date_naive() == date {
        format!("{} today", crate::dates::clock(task.ends))
    } else {
        end_words(task.ends)
    };
    let how = match (task.kind, task.repeat, task.slot) {
        (Kind::Do, _, _) if task.as_needed => format!("as needed until {ends}"),
        (Kind::Do, _, Some(slot)) => format!("{slot}, until {ends}"),
        (Kind::Do, Repeat::Once, _) => format!("once, by {ends}"),
        (Kind::Do, _, _) => format!("daily until {ends}"),
        (Kind::Avoid, _, _) => format!("until {ends}"),
    };
    if task.starts.date_naive() == date {
        format!("from {}, {how}", crate::dates::clock(task.starts))
    } else {
        how
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_count_days_to_go_before_treatment() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(day_heading(3, date), "Day 3 · Sun 22 Nov 2026");
        assert_eq!(
            day_heading(1, date),
            "Day 1 · Treatment day · Sun 22 Nov 2026"
        );
        assert_eq!(
            day_heading(0, date),
            "Before treatment · 1 day to go · Sun 22 Nov 2026"
        );
        assert_eq!(
            day_heading(-1, date),
            "Before treatment · 2 days to go · Sun 22 Nov 2026"
        );
    }
}

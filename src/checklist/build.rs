//! Building a day's checklist from the plan: each task's line (its standing, its "when"
//! words, whether it is done and counted), the booking of the next session while it comes
//! up, and the day's phases and warnings.

use super::{Checklist, NoteLine, Record, TaskLine, ends_with_plan};
use crate::plan::{
    Plan, Span, Standing, Task, Timing, Wording, countdown_in, end_label_on, when_on,
};
use crate::rules::Repeat;
use chrono::{DateTime, FixedOffset, TimeZone};

impl Checklist {
    /// Builds day `day` of `plan` with the tick-offs of `record` (none: the plan as it is), and
    /// without the booking once a later treatment follows (`Record`); worded for `now`, its
    /// countdowns short ("5 d left") for the narrow spaces of the screens and JSON.
    pub fn build<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        day: i64,
        record: Option<Record<'_>>,
        now: DateTime<FixedOffset>,
    ) -> Checklist {
        Checklist::build_in(plan, day, record, now, Wording::Short)
    }

    /// As `build`, with the countdowns worded as `wording` says: `Wording::Words` ("5 days
    /// left") where plain text has the room.
    pub fn build_in<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        day: i64,
        record: Option<Record<'_>>,
        now: DateTime<FixedOffset>,
        wording: Wording,
    ) -> Checklist {
        // As seen at `now` (`Plan::day_at`): the treatment's day keeps its preparation until
        // the treatment.
        let d = plan.day_at(day, now);
        let tz = plan.time_zone();
        let empty = Default::default();
        let ticks = record.map_or(&empty, |r| &r.session.ticks);
        let recorded = record.and_then(|r| r.session.recorded);
        // Times and weekdays are read from the day shown, not from today: on Sunday's view
        // Monday's 10:00 is "Mon 10:00" whenever the list is looked at.
        let today = plan.local(now).date_naive();
        let line = |task: &Task<'_>, coming_up: bool| {
            let id = task.id();
            let due = plan.slot_span(task, d.date);
            let done = plan.is_done_as(task, &id, d.date, ticks);
            let done_before = done
                && task.rule.repeat == Repeat::Once
                && !ticks.get(&d.date).is_some_and(|ids| ids.contains(&id));
            // The same rule as progress's: over before the app knew of the treatment.
            // Only a chance already closed by `now` (a clock set back reads the days before
            // as still open).
            let before_recorded = !done
                && recorded.is_some_and(|r| {
                    crate::progress::closes(plan, task, d.date, due) <= r.min(now)
                });
            TaskLine {
                standing: match (coming_up, done) {
                    (true, true) => Standing::Done,
                    (true, false) => Standing::Upcoming,
                    (false, _) if before_recorded => Standing::NotDue,
                    (false, _) => plan.standing_in(task, d.date, due, ticks, now),
                },
                done,
                id,
                title: task.rule.title.clone(),
                kind: task.rule.kind,
                repeat: task.rule.repeat,
                slot: task.slot.map(|s| s.as_str()),
                as_needed: task.rule.as_needed,
                status: match Timing::of(task.starts, task.ends, now) {
                    Timing::Upcoming => "upcoming",
                    Timing::Active => "active",
                    Timing::Ended => "ended",
                },
                starts: plan.local(task.starts),
                ends: plan.local(task.ends),
                when: match (plan.is_booking(task.rule), done, coming_up) {
                    // One truth for the booking, on every screen and in `remind`: once
                    // ticked it is booked, and until its window opens it asks to book now.
                    (true, true, _) => "booked".to_string(),
                    // Its times are the next session's window, not a deadline to book by:
                    // said as the session's, its nearness first (what a narrow row keeps).
                    (_, _, true) => {
                        crate::series::session_possible_row(plan, now, task.starts, wording)
                    }
                    (true, false, false) if task.starts <= now && now < task.ends => format!(
                        "session due by {} · {} left",
                        end_label_on(task.ends, d.date, today, tz),
                        countdown_in(now, task.ends, tz, wording)
                    ),
                    _ => when_on(task, now, d.date, tz, ends_with_plan(plan, task), wording),
                },
                rationale: task.rule.rationale.clone(),
                sources: task.rule.sources.clone(),
                due: due.map(|(from, until)| (plan.local(from), plan.local(until))),
                lifted: task.rule.lifted.clone(),
                lifted_by_now: plan.is_lifted(task, d.date, now),
                done_before,
                coming_up,
                before_recorded,
                of_treatment: None,
            }
        };
        // `Plan::day` already leaves out a slot before the treatment on its day
        // (`is_before_treatment`).
        // The booking stays as offered (since a week before) until its window opens, also
        // on the window's first day before its time: no "Later, from 10:00" after a week of
        // "book now". Only that day, seen on that day (`coming_up` is for before the window).
        // Asked once a day, not once a task: whether it is shown on its own day, and which
        // rule is the booking.
        let booking = (plan.day_of(now) == d.day)
            .then(|| plan.booking_rule())
            .flatten();
        let offered = |task: &Task<'_>| {
            booking.is_some_and(|b| b.id == task.rule.id)
                && now < task.starts
                && plan.day_of(task.starts) == d.day
        };
        let mut tasks: Vec<TaskLine> = d
            .tasks
            .iter()
            .map(|task| line(task, offered(task)))
            .collect();
        if let Some(task) = coming_up_on(plan, d.day) {
            tasks.push(line(&task, true));
        }
        let notes = |spans: &[Span<'_>], warnings: bool| -> Vec<NoteLine> {
            spans
                .iter()
                .map(|s| NoteLine::of(plan, s.note, (s.starts, s.ends), warnings))
                .collect()
        };
        if record.is_some_and(|r| r.followed)
            && let Some(rule) = plan.booking_rule()
        {
            // A later treatment is recorded: the next session exists, nothing to book, and
            // an earlier session's days do not ask for it.
            tasks.retain(|t| t.id != rule.id);
        }
        Checklist {
            day: d.day,
            date: d.date,
            phases: notes(&d.phases, false),
            warnings: notes(&d.warnings, true),
            tasks,
        }
    }
}

/// The booking of the next session, on a day from the one it comes up on (a week before the
/// next session's window opens) to the day before the window opens, when its own window
/// puts it on the day.
fn coming_up_on<'r, Tz: TimeZone>(plan: &Plan<'r, Tz>, day: i64) -> Option<Task<'r>> {
    let up = plan.coming_up()?;
    let shown = plan.day_of(up.shows_from) <= day && day < plan.day_of(up.opens);
    if !shown {
        // Only a day it shows on looks for the booking rule: that reads every rule.
        return None;
    }
    let rule = plan.booking_rule()?;
    let (starts, ends) = plan.span(rule);
    Some(Task::new(rule, None, starts, ends))
}

//! The reminders of repeating tasks to do: an alarm at the minute each day's slot begins,
//! on every day the task is due (`Plan::all_due`), so the calendar reminds exactly when
//! `aftercare remind` says a task is due.
//!
//! A task's days at its usual time of day, where the wall clock shows that time once, make
//! one floating-time series (DTSTART, RRULE FREQ=DAILY;COUNT); every other day (the window
//! opens later that day, or the clocks skip or repeat the time) is an EXDATE of the series
//! and a one-off event at the exact instant, in UTC. See the parent module for why.

use super::{REMINDER_MINUTES, Trigger, alarm, describe, uid};
use crate::export::end_words;
use crate::plan::{DueTask, Plan};
use crate::rules::Repeat;
use chrono::{DateTime, Duration, LocalResult, TimeZone, Utc};
use icalendar::{Component, Event, EventLike};

/// The reminder events of every repeating task to do of `plan`.
pub(super) fn events<Tz: TimeZone>(plan: &Plan<'_, Tz>, stamp: DateTime<Utc>) -> Vec<Event> {
    // The slots of each task (rule and slot), in the order tasks first appear.
    let mut tasks: Vec<(String, Vec<DueTask<'_>>)> = Vec::new();
    for due in plan.all_due() {
        if due.task.rule.repeat == Repeat::Once {
            continue;
        }
        match tasks.iter_mut().find(|(id, _)| *id == due.id) {
            Some((_, slots)) => slots.push(due),
            None => tasks.push((due.id.clone(), vec![due])),
        }
    }
    tasks
        .iter()
        .flat_map(|(_, slots)| task_events(plan, slots, stamp))
        .collect()
}

/// One task's series and one-offs.
fn task_events<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    slots: &[DueTask<'_>],
    stamp: DateTime<Utc>,
) -> Vec<Event> {
    let Some(first) = slots.first() else {
        return Vec::new();
    };
    let rule = first.task.rule;
    let time = plan.time_of_day(&first.task);
    let slot = first.task.slot.map(|s| s.as_str());
    let suffix = slot.map_or(String::new(), |s| format!(".{s}"));
    let summary = match slot {
        Some(name) => format!("{} ({name})", rule.title),
        None => rule.title.to_string(),
    };
    let label = match slot {
        Some("morning") => "Mornings",
        Some(_) => "Evenings",
        None => "Daily",
    };
    let last_close = slots
        .iter()
        .map(|s| s.task.ends)
        .max()
        .unwrap_or(first.ends);
    let description = describe(
        plan,
        rule,
        &format!("{label} until {}.", end_words(plan.local(last_close))),
    );
    // Whether a day's slot is at the usual wall time, and that time is on the clock once.
    let usual = |due: &DueTask<'_>| {
        let wall = due.date.and_time(time);
        plan.local(due.begins).naive_local() == wall
            && matches!(
                plan.time_zone().from_local_datetime(&wall),
                LocalResult::Single(_)
            )
    };
    let mut events = Vec::new();
    let in_series: Vec<&DueTask<'_>> = slots.iter().filter(|d| usual(d)).collect();
    if let (Some(start), Some(end)) = (in_series.first(), in_series.last()) {
        let days = (end.date - start.date).num_days() + 1;
        let id = uid(plan, &rule.id, &suffix);
        let mut series = reminder(&summary, &description, start.date.and_time(time));
        series
            .uid(&id)
            .alarm(alarm(&summary, Trigger::AtStart, &id, stamp));
        if days > 1 {
            series.add_property("RRULE", format!("FREQ=DAILY;COUNT={days}"));
        }
        for date in start.date.iter_days().take_while(|d| *d <= end.date) {
            if !in_series.iter().any(|d| d.date == date) {
                series.exdate(date.and_time(time));
            }
        }
        events.push(series);
    }
    for due in slots.iter().filter(|d| !usual(d)) {
        let day = due.date.format("%Y%m%d");
        let id = uid(plan, &rule.id, &format!("{suffix}.{day}"));
        let mut once = reminder(&summary, &description, due.begins.with_timezone(&Utc));
        once.uid(&id)
            .alarm(alarm(&summary, Trigger::AtStart, &id, stamp));
        events.push(once);
    }
    events
}

/// A reminder of `REMINDER_MINUTES` from `starts` (floating local time or UTC).
fn reminder<T>(summary: &str, description: &str, starts: T) -> Event
where
    T: Copy + std::ops::Add<Duration, Output = T> + Into<icalendar::DatePerhapsTime>,
{
    let mut event = Event::new();
    event
        .summary(summary)
        .description(description)
        .starts(starts)
        .ends(starts + Duration::minutes(REMINDER_MINUTES));
    event
}

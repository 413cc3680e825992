//! The recovery's days as the heat map and the streaks read them: each once-task placed on
//! one day, and runs of complete days.

use super::DayProgress;
use crate::plan::{Plan, counts};
use crate::rules::{Repeat, Rule};
use crate::store::Ticks;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use std::collections::{BTreeMap, HashMap};

/// Puts each once-task on one day of the heat map: done, on the day it was ticked (ahead
/// of its window too: the booking of the next session is ticked when it comes up); not
/// done, on its window's last day once that has come. Spread over every day of its window,
/// one booking ticked on Day 22 had left Day 22 blank and shaded Days 29–43 as "some done".
/// A once-task ticked by `now` also counts in the share from then, as any task ticked
/// ahead of time does (`once`: id → done).
pub(super) fn place_once_tasks<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    ticks: &Ticks,
    now: DateTime<FixedOffset>,
    days: &mut [DayProgress],
    once: &mut BTreeMap<String, bool>,
) {
    let today = plan.local_date(now);
    // The once-tasks that count, by id (a once task has no slot: its id is its rule's), and
    // the date each one's ticks count from, asked of the zone once per task, not per tick.
    let once_rules: HashMap<&str, &Rule> = plan
        .rules()
        .rules
        .iter()
        .filter(|rule| rule.repeat == Repeat::Once && counts(rule))
        .map(|rule| (rule.id.as_str(), rule))
        .collect();
    let mut ticks_from: HashMap<&str, NaiveDate> = HashMap::new();
    let mut done_on: BTreeMap<&str, NaiveDate> = BTreeMap::new();
    for (date, ids) in ticks.range(..=today) {
        for id in ids {
            let Some((&id, rule)) = once_rules.get_key_value(id.as_str()) else {
                continue;
            };
            let from = *ticks_from
                .entry(id)
                .or_insert_with(|| plan.once_ticks_from(rule));
            if *date >= from {
                done_on.entry(id).or_insert(*date);
            }
        }
    }
    let mut at = |date: NaiveDate, done: bool| {
        if let Some(day) = days.iter_mut().find(|d| d.date == date) {
            day.total += 1;
            day.done += usize::from(done);
        }
    };
    for (id, date) in &done_on {
        at(*date, true);
        once.insert((*id).to_string(), true);
    }
    for (id, _) in once
        .iter()
        .filter(|(id, done)| !**done && !done_on.contains_key(id.as_str()))
    {
        let Some(&rule) = once_rules.get(id.as_str()) else {
            continue;
        };
        let last = plan.local_date(plan.span(rule).1 - chrono::Duration::nanoseconds(1));
        if last <= today {
            at(last, false);
        }
    }
}

/// Complete recovery days in a row back from today; an unfinished today does not count
/// against it, and days with nothing on them are passed over.
pub(super) fn streak(days: &[DayProgress], today: i64) -> usize {
    let mut count = 0;
    for day in days.iter().rev().filter(|d| d.day >= 1 && d.day <= today) {
        if day.total == 0 || (day.day == today && !day.is_complete()) {
            continue;
        }
        if !day.is_complete() {
            break;
        }
        count += 1;
    }
    count
}

pub(super) fn best_streak(days: &[DayProgress], today: i64) -> usize {
    let (mut best, mut run) = (0, 0);
    for day in days
        .iter()
        .filter(|d| d.day >= 1 && d.day <= today && d.total > 0)
    {
        if day.is_complete() {
            run += 1;
            best = best.max(run);
        } else if day.day != today {
            run = 0;
        }
    }
    best
}

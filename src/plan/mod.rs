//! The plan engine: rules + treatment moment + a time zone → the days of the recovery.
//!
//! Pure: no I/O and no clock. Windows are exact instants (48 h after a 14:00 treatment ends
//! at 14:00 two days later, not at a midnight); days are local calendar days, Day 1 being the
//! day of the treatment. A rule shows on every day its window touches.

mod alerts;
mod clock_words;
mod day;
mod due;
mod durations;
mod lifted;
mod open;
mod reach;
mod slots;
mod time;
mod wall_clock;
mod when;
mod windows;

use crate::rules::{Edge, Kind, Note, Repeat, Rule, Rules, Window, Windowed};
use crate::store::Ticks;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use std::sync::OnceLock;

pub use alerts::Firing;
pub use clock_words::{clock_label, clock_label_on, day_ended_by, end_label, end_label_on};
pub use day::{Day, Slot, Span, Task};
pub use due::{DAILY_TIME, DueTask, MIN_TIME_AFTER_TREATMENT, Standing, counts};
pub use durations::{
    Wording, calendar_days, countdown_in, countdown_label, duration_in, duration_label,
};
pub use lifted::{COMING_UP_DAYS, ComingUp, Lifted};
pub use open::Closed;
pub use reach::Reach;
pub use wall_clock::first_instant_at_or_after;
pub use when::{Timing, when_in, when_label, when_on};
pub use windows::{RuleDays, ShownDays};

/// A treatment's plan, seen from one time zone.
#[derive(Debug, Clone)]
pub struct Plan<'r, Tz: TimeZone> {
    rules: &'r Rules,
    tz: Tz,
    treatment: DateTime<FixedOffset>,
    treatment_date: NaiveDate,
    first_day: i64,
    last_day: i64,
    /// The local midnight that starts each date from `first_day` to `last_day + 1`, asked of
    /// the time zone when first needed. A screen places thousands of windows by their days,
    /// and asking a zone for a wall time is the slow direction of its lookups (chrono searches
    /// the zone's transitions): each date is asked once per plan, not once per window.
    midnights: Vec<OnceLock<DateTime<FixedOffset>>>,
    /// Wall times already asked of the zone (`wall_clock::Walls`): every task of a day asks
    /// for its slot's times, and most share them.
    walls: wall_clock::Walls,
}

impl<'r, Tz: TimeZone> Plan<'r, Tz> {
    pub fn new(rules: &'r Rules, treatment: DateTime<FixedOffset>, tz: Tz) -> Self {
        Plan::reaching(rules, treatment, tz, Reach::of(rules))
    }

    /// The plan of `rules`, whose `Reach` the caller has already measured: measuring reads
    /// every rule, and a screen that asks for the plan on every frame should not.
    pub fn reaching(
        rules: &'r Rules,
        treatment: DateTime<FixedOffset>,
        tz: Tz,
        reach: Reach,
    ) -> Self {
        let Reach {
            earliest,
            latest,
            earliest_day,
            latest_day_start,
        } = reach;
        let treatment_date = treatment.with_timezone(&tz).date_naive();
        let mut plan = Plan {
            rules,
            tz,
            treatment,
            treatment_date,
            first_day: 1,
            last_day: 1,
            midnights: Vec::new(),
            walls: wall_clock::Walls::default(),
        };
        plan.first_day = plan.day_of(plan.at_hours(earliest));
        // Windows end exclusively: one that ends at midnight does not touch the next day.
        plan.last_day = plan.day_of(windows::last_instant(plan.at_hours(latest)));
        if let Some(day) = earliest_day {
            plan.first_day = plan.first_day.min(day);
        }
        if let Some(day) = latest_day_start {
            plan.last_day = plan.last_day.max(day - 1);
        }
        let dates = usize::try_from(plan.last_day - plan.first_day + 2).unwrap_or(0);
        plan.midnights = vec![OnceLock::new(); dates];
        plan
    }

    pub fn rules(&self) -> &'r Rules {
        self.rules
    }

    pub fn treatment(&self) -> DateTime<FixedOffset> {
        self.treatment
    }

    pub fn time_zone(&self) -> &Tz {
        &self.tz
    }

    /// The first day any window touches: 1, or earlier when a rule starts before treatment.
    pub fn first_day(&self) -> i64 {
        self.first_day
    }

    /// The last day any window touches.
    pub fn last_day(&self) -> i64 {
        self.last_day
    }

    /// The day `day` with its tasks, phases and warnings. Preparation rules (windows that close
    /// at or before the treatment) belong to the days before it (see `windows::is_preparation`);
    /// a task the treatment left out of its own day (`is_before_treatment`: the morning routine
    /// of a 10:00 treatment, a daily task due at 09:00 after a 23:30 one) is not on Day 1.
    pub fn day(&self, day: i64) -> Day<'r> {
        self.day_with(day, day < 1)
    }

    /// The day `day` as seen at `now`: as `day`, except that before the treatment, on its own
    /// day, the preparation still open is on it too. At 08:00 on the day of a 10:00 treatment
    /// "Stay out of the sun (and a week after) until 10:00" still holds, and the day before no longer shows; from
    /// 10:00 the treatment's own restrictions take over and the day is `day`'s again. The
    /// checklist, `check` and `remind` ask this; the record of a day (progress) asks `day`.
    pub fn day_at(&self, day: i64, now: DateTime<FixedOffset>) -> Day<'r> {
        let mut seen = self.day_with(day, day < 1 || now < self.treatment);
        if now < self.treatment {
            // Before the treatment nothing of its course is normal yet: what the skin shows
            // at 08:00 is a reason to ask the provider, not part of the recovery.
            seen.phases.retain(|phase| phase.starts <= now);
        }
        seen
    }

    /// `day`, with the preparation rules (windows that close by the treatment) on it when
    /// `preparation` says so and they touch it.
    fn day_with(&self, day: i64, preparation: bool) -> Day<'r> {
        let date = self.date_of(day);
        let (starts, ends) = self.day_bounds(date);
        // Windows in hours are compared as offsets from the treatment, which is exact and
        // spares every rule that does not touch the day any date arithmetic: a clinic's plan
        // may hold tens of thousands of rules.
        let (day_from, day_until) = (starts - self.treatment, ends - self.treatment);
        let touches = |window: Window| match (window.from, window.until) {
            (Edge::Hours(from), Edge::Hours(until)) => {
                Duration::hours(from) < day_until && Duration::hours(until) > day_from
            }
            (from, until) => self.instant(from) < ends && self.instant(until) > starts,
        };
        let slot_spans = windows::slot_spans(&self.tz, date, (starts, ends));
        // Do-tasks first in the order of a day (morning, all day, evening), then what to avoid;
        // within each group the rules file's order holds. Six groups, filled in one pass.
        let mut groups: [Vec<Task<'r>>; 6] = Default::default();
        for rule in &self.rules.rules {
            let window = rule.window();
            if !touches(window) || (!preparation && window.ends_by_treatment()) {
                continue;
            }
            let (from, until) = (self.instant(window.from), self.instant(window.until));
            let group = 3 * usize::from(rule.kind == Kind::Avoid);
            self.tasks_of(rule, (from, until), date, &slot_spans, |task| {
                let at = group + task.slot.map_or(1, |slot| usize::from(slot.rank()));
                groups[at].push(task);
            });
        }
        let mut tasks = Vec::with_capacity(groups.iter().map(Vec::len).sum());
        for group in groups {
            tasks.extend(group);
        }
        let spans = |notes: &'r [Note]| -> Vec<Span<'r>> {
            notes
                .iter()
                .filter_map(|note| {
                    let (from, until) = self.span(note);
                    (from < ends && until > starts).then_some(Span {
                        note,
                        starts: from,
                        ends: until,
                    })
                })
                .collect()
        };
        let mut warnings = spans(&self.rules.warnings);
        // Emergencies first; within a tier, the file's order.
        warnings.sort_by_key(|span| span.note.urgency());
        Day {
            day,
            date,
            starts,
            ends,
            phases: spans(&self.rules.phases),
            warnings,
            tasks,
        }
    }

    /// Every day of the plan, first to last.
    pub fn days(&self) -> impl Iterator<Item = Day<'r>> + '_ {
        (self.first_day..=self.last_day).map(|d| self.day(d))
    }

    /// Whether `task` counts as done on `date`. A once-task stays done from the day it was
    /// ticked to the end of its window (the booking of the next session from the day it comes
    /// up, `once_ticks_from`); every other task is ticked per day.
    pub fn is_done(&self, task: &Task<'_>, date: NaiveDate, ticks: &Ticks) -> bool {
        self.is_done_as(task, &task.id(), date, ticks)
    }

    /// `is_done` for a caller that has the task's id already.
    pub(crate) fn is_done_as(
        &self,
        task: &Task<'_>,
        id: &str,
        date: NaiveDate,
        ticks: &Ticks,
    ) -> bool {
        if task.rule.repeat == Repeat::Once {
            // Ticked from its first counting date on iff its latest tick up to `date` is on or
            // after it; that date takes zone lookups, so it is asked only of a task ticked.
            let latest = ticks.range(..=date).rev().find(|(_, ids)| ids.contains(id));
            latest.is_some_and(|(ticked, _)| *ticked >= self.once_ticks_from(task.rule))
        } else {
            ticks.get(&date).is_some_and(|ids| ids.contains(id))
        }
    }

    /// The rule a task id refers to, and the slot it names (`cleanse@morning`).
    pub fn find_rule(&self, task_id: &str) -> Option<(&'r Rule, Option<Slot>)> {
        let (rule_id, slot) = match task_id.split_once('@') {
            Some((rule, slot)) => (rule, Some(Slot::parse(slot)?)),
            None => (task_id, None),
        };
        let rule = self.rules.rule(rule_id)?;
        let slotted = rule.repeat == Repeat::MorningAndEvening;
        (slotted == slot.is_some()).then_some((rule, slot))
    }
}

#[cfg(test)]
mod alert_timing_tests;
#[cfg(test)]
mod alerts_tests;
#[cfg(test)]
mod day_one_tests;
#[cfg(test)]
mod days_tests;
#[cfg(test)]
mod due_tests;
#[cfg(test)]
mod lifted_tests;
#[cfg(test)]
mod open_tests;
#[cfg(test)]
mod standing_tests;
#[cfg(test)]
mod tasks_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod when_tests;
#[cfg(test)]
mod windows_tests;

//! Which days a window touches: the per-rule view of what `Plan::day` decides day by day.
//!
//! `Plan::day` asks "which rules touch this day?"; a listing of the whole plan asks "which
//! days does this rule touch?". Both answer with the predicates here (`is_preparation`,
//! `Plan::tasks_of`, which holds `slots_open` and `Plan::is_before_treatment`), so the two
//! views cannot drift apart; tests/properties.rs checks that they agree for any plan in seven
//! zones, tests/cli_plan_windows.rs for the built-in plan.

use super::{Plan, Slot, Task, wall_clock};
use crate::rules::{Repeat, Rule, Windowed};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use std::ops::RangeInclusive;

type Instant = DateTime<FixedOffset>;

/// For each slot (morning, evening): its usual part of the day and its whole half of the day.
pub(super) type SlotSpans = [(Slot, (Instant, Instant), (Instant, Instant)); 2];

/// A rule whose window closes at or before the treatment prepares for it. It belongs to the
/// days before: on the treatment day itself it could only read "ended", which is noise to
/// someone who has just been treated.
pub(super) fn is_preparation(rule: &Rule) -> bool {
    rule.window().ends_by_treatment()
}

impl<Tz: TimeZone> Plan<'_, Tz> {
    /// Whether `rule` prepares for the treatment: its window closes by it (`is_preparation`).
    pub fn is_preparation(&self, rule: &Rule) -> bool {
        is_preparation(rule)
    }
}

/// The last instant inside a window that closes (exclusively) at `until`.
pub(super) fn last_instant(until: Instant) -> Instant {
    until - Duration::nanoseconds(1)
}

/// The slot spans of `date` in `tz` (see `Slot::hour`), given the day's bounds (its
/// midnights, from `Plan::day_bounds`). Time-zone lookups are most of the cost of a short
/// plan's day, so the midnights are not looked up again and noon only once.
pub(super) fn slot_spans<Tz: TimeZone>(
    tz: &Tz,
    date: NaiveDate,
    (starts, ends): (Instant, Instant),
) -> SlotSpans {
    let noon = wall_clock::local_hour(tz, date, 12);
    let at = |hour| match hour {
        0 => starts,
        12 => noon,
        24 => ends,
        hour => wall_clock::local_hour(tz, date, hour),
    };
    [Slot::Morning, Slot::Evening].map(|slot| {
        let usual = (at(slot.hour()), at(slot.until_hour()));
        (slot, usual, (at(slot.until_hour() - 12), usual.1))
    })
}

/// The slots a twice-daily window `from..until` gets on the day of `spans`: each slot whose
/// usual part of the day the window is open in; when it misses both, the half of the day it
/// falls in, so no rule ever vanishes from a day it touches.
pub(super) fn slots_open(spans: &SlotSpans, from: Instant, until: Instant) -> [Option<Slot>; 2] {
    let open = |(s, e): (Instant, Instant)| from < e && until > s;
    let usual = spans.map(|(slot, span, _)| open(span).then_some(slot));
    if usual.iter().any(Option::is_some) {
        usual
    } else {
        spans.map(|(slot, _, half)| open(half).then_some(slot))
    }
}

impl<'r, Tz: TimeZone> Plan<'r, Tz> {
    /// The days a window `from..until` touches, from the day it opens to the day of its last
    /// instant; `None` when it is empty.
    pub fn days_touched(&self, from: Instant, until: Instant) -> Option<RangeInclusive<i64>> {
        (from < until).then(|| self.day_of(from)..=self.day_of(last_instant(until)))
    }

    /// The days `rule` shows on, as `Plan::day` lists it: the days its window touches, less
    /// the treatment day and after for a preparation rule, and less the treatment day where
    /// the treatment left none of its tasks there (`Plan::is_before_treatment`: every task of
    /// a daily rule due at 09:00 after a 23:30 treatment). `None` when it shows on no day (a
    /// preparation window that opens and closes on the treatment day, a daily task whose only
    /// day the treatment left no time on).
    pub fn rule_days(&self, rule: &'r Rule) -> Option<ShownDays> {
        self.rule_days_with(rule, |day| self.slot_spans_of(day))
    }

    /// `rule_days`, with each day's slot spans from `spans`.
    fn rule_days_with(
        &self,
        rule: &'r Rule,
        mut spans: impl FnMut(i64) -> SlotSpans,
    ) -> Option<ShownDays> {
        let (from, until) = self.span(rule);
        let days = self.days_touched(from, until)?;
        let (first, mut last) = days.into_inner();
        if is_preparation(rule) {
            last = last.min(0);
        }
        ShownDays::new(first, last, || {
            let mut any = false;
            self.tasks_of(rule, (from, until), self.date_of(1), &spans(1), |_| {
                any = true
            });
            any
        })
    }

    /// Hands `each` the tasks `rule`, whose window `from..until` touches the day dated `date`
    /// (with slot spans `spans`), has on that day, in the day's order: one for a daily or once
    /// rule, one per slot open for a twice-daily one (`slots_open`), less any the treatment
    /// left out (`is_before_treatment`).
    /// The one answer to "is this task on this day?" that `Plan::day` lists by and the
    /// per-rule view (`rule_days`, `slot_days`) counts by.
    pub(super) fn tasks_of(
        &self,
        rule: &'r Rule,
        (from, until): (Instant, Instant),
        date: NaiveDate,
        spans: &SlotSpans,
        mut each: impl FnMut(Task<'r>),
    ) {
        let mut on = |slot| {
            let task = Task::new(rule, slot, from, until);
            if !self.is_before_treatment(&task, date) {
                each(task);
            }
        };
        match rule.repeat {
            Repeat::Once | Repeat::Daily => on(None),
            Repeat::MorningAndEvening => {
                for slot in slots_open(spans, from, until).into_iter().flatten() {
                    on(Some(slot));
                }
            }
        }
    }

    /// The slots twice-daily `rule` gets on `day`, if its window touches that day.
    pub fn slots_on(&self, rule: &Rule, day: i64) -> [Option<Slot>; 2] {
        let spans = self.slot_spans_of(day);
        let (from, until) = self.span(rule);
        slots_open(&spans, from, until)
    }

    fn slot_spans_of(&self, day: i64) -> SlotSpans {
        let date = self.date_of(day);
        slot_spans(&self.tz, date, self.day_bounds(date))
    }

    /// For a twice-daily rule, the days each of its slots shows on (morning first); empty for
    /// any other rule.
    pub fn slot_days(&self, rule: &'r Rule) -> Vec<(Slot, ShownDays)> {
        let spans = |day| self.slot_spans_of(day);
        self.slot_days_with(rule, self.rule_days(rule), spans)
    }

    /// Every rule with the days it shows on, in the rules file's order. Each day's slot times
    /// are worked out once and shared by all rules: a clinic's plan has thousands of rules
    /// over a few hundred days.
    pub fn rule_windows(&self) -> impl Iterator<Item = RuleDays<'r>> + '_ {
        let first = self.first_day;
        let mut known: Vec<Option<SlotSpans>> = Vec::new();
        self.rules.rules.iter().map(move |rule| {
            // Indexed from the plan's first day, which no rule's days precede.
            let mut spans = |day: i64| match usize::try_from(day - first) {
                Ok(at) => {
                    if known.len() <= at {
                        known.resize(at + 1, None);
                    }
                    *known[at].get_or_insert_with(|| self.slot_spans_of(day))
                }
                Err(_) => self.slot_spans_of(day),
            };
            let days = self.rule_days_with(rule, &mut spans);
            let slots = self.slot_days_with(rule, days, spans);
            RuleDays { rule, days, slots }
        })
    }

    /// A slot is on every day its window covers whole, so only the first and last day can
    /// lack one, and the treatment's day (`is_before_treatment`): the search from either end
    /// stops within a day or two, and Day 1 is asked once more when it lies between.
    fn slot_days_with(
        &self,
        rule: &'r Rule,
        days: Option<ShownDays>,
        mut spans: impl FnMut(i64) -> SlotSpans,
    ) -> Vec<(Slot, ShownDays)> {
        let Some(days) = days.filter(|_| rule.repeat == Repeat::MorningAndEvening) else {
            return Vec::new();
        };
        let window = self.span(rule);
        let mut on = |day| {
            let mut slots = [None; 2];
            self.tasks_of(rule, window, self.date_of(day), &spans(day), |task| {
                if let Some(slot) = task.slot {
                    slots[usize::from(slot == Slot::Evening)] = Some(slot);
                }
            });
            slots
        };
        let range = days.first..=days.last;
        let first = first_day_of_each_slot(range.clone(), &mut on);
        let last = first_day_of_each_slot(range.rev(), &mut on);
        let on_day_one = (days.first..=days.last).contains(&1).then(|| on(1));
        [Slot::Morning, Slot::Evening]
            .into_iter()
            .enumerate()
            .zip(first.into_iter().zip(last))
            .filter_map(|((at, slot), ends)| {
                let listed = || on_day_one.is_some_and(|slots| slots[at].is_some());
                Some((slot, ShownDays::new(ends.0?, ends.1?, listed)?))
            })
            .collect()
    }
}

/// Walking `days` in order, the first on which each slot (morning, evening) is on.
fn first_day_of_each_slot(
    days: impl Iterator<Item = i64>,
    on: &mut impl FnMut(i64) -> [Option<Slot>; 2],
) -> [Option<i64>; 2] {
    let mut found = [None; 2];
    for day in days {
        for (found, slot) in found.iter_mut().zip(on(day)) {
            if found.is_none() && slot.is_some() {
                *found = Some(day);
            }
        }
        if found.iter().all(Option::is_some) {
            break;
        }
    }
    found
}

/// A rule and the days it shows on (see `Plan::rule_days`, `Plan::slot_days`).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDays<'r> {
    pub rule: &'r Rule,
    pub days: Option<ShownDays>,
    /// For a twice-daily rule, each slot with its days (morning first); empty otherwise.
    pub slots: Vec<(Slot, ShownDays)>,
}

/// The plan days a rule or slot shows on: `first..=last`, less `except` (the treatment's day,
/// Day 1) where the treatment left its task no time there though days before and after it
/// show it (`Plan::is_before_treatment`; a task to do from two days before to two days after
/// a 23:30 treatment). Never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownDays {
    pub first: i64,
    pub last: i64,
    pub except: Option<i64>,
}

impl ShownDays {
    /// Every day from `first` to `last`, both included.
    pub fn between(first: i64, last: i64) -> Self {
        ShownDays {
            first,
            last,
            except: None,
        }
    }

    /// `first..=last`, less Day 1 where it is in that span and `day_one_listed` says no; `None`
    /// when no day is left.
    fn new(first: i64, mut last: i64, day_one_listed: impl FnOnce() -> bool) -> Option<Self> {
        let mut first = first;
        let mut except = None;
        if (first..=last).contains(&1) && !day_one_listed() {
            match (first, last) {
                (1, _) => first = 2,
                (_, 1) => last = 0,
                _ => except = Some(1),
            }
        }
        (first <= last).then_some(ShownDays {
            first,
            last,
            except,
        })
    }

    /// Whether the rule or slot shows on `day`.
    pub fn contains(&self, day: i64) -> bool {
        (self.first..=self.last).contains(&day) && self.except != Some(day)
    }

    /// The days, first to last.
    pub fn iter(&self) -> impl Iterator<Item = i64> + use<> {
        let except = self.except;
        (self.first..=self.last).filter(move |&d| Some(d) != except)
    }
}

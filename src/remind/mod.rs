//! `aftercare remind`: what is due now and not ticked, what changed since the last reminder,
//! and which of it to hand to a desktop notification.
//!
//! This module decides; it reads no clock and no file. `memory` keeps what was notified (in
//! its own file, never in the state, which holds only what the patient did), `notify` shows
//! notifications, `install` sets up the timer that runs `remind --notify` by itself.
//!
//! - *Due*: the tasks whose slot has begun and not ended, not ticked (`Plan::due_now`).
//! - *Notices*: moments that change what the patient may do: an avoid window's end ("Makeup
//!   is fine again"), the next session coming up (a week before its window) and its window
//!   opening. The text says those since the last reminder.
//! - *Notify*: each due task once per slot (its date and id), never after it is ticked; each
//!   notice once, and only within `NOTICE_FRESH` of its moment, so a timer installed on Day
//!   20 does not announce on its first run that makeup was fine again on Day 3.

pub mod install;
pub mod memory;
pub mod notify;

use crate::checklist::Checklist;
use crate::plan::{DueTask, Plan};
use crate::store::Ticks;
use chrono::{DateTime, Duration, FixedOffset, TimeZone};

type Instant = DateTime<FixedOffset>;

/// A notice is notified only this long after its moment.
pub const NOTICE_FRESH: Duration = Duration::hours(24);

/// How far back "Since the last reminder" reaches: run after weeks, `remind` had listed lifts
/// of weeks before ("✓ Thu 11 Mar … Retinoids, acids and scrubs may come back" a week before
/// the next session, with no word of the check-in alert of that time). As long as a
/// call-today alert is carried (`journal::CARRY_DAYS`), so a lift said comes with the
/// alert's "ask your clinic first" while that alert lasts.
pub const SINCE_AT_MOST: Duration = Duration::days(crate::journal::CARRY_DAYS);

/// Something that happened at a moment and changes what the patient may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Stable key, remembered once notified: "no-makeup.lifted", "next-session.coming-up".
    pub key: String,
    pub at: Instant,
    /// What to tell the patient: "Makeup is fine again".
    pub words: String,
    /// Whether it allows something again (✓) or asks for something (→).
    pub lifts: bool,
}

/// What one `remind` run says and notifies, at `now`.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder<'r> {
    pub now: Instant,
    /// The last reminder's moment, or the start of today the first time, and at most
    /// `SINCE_AT_MOST` ago: notices after it are said.
    pub since: Instant,
    /// Whether `since` was held to `SINCE_AT_MOST` (the last reminder was longer ago).
    pub since_held: bool,
    /// The plan day of `now`.
    pub day: i64,
    /// Due now and not ticked, in the day's order.
    pub due: Vec<DueTask<'r>>,
    /// Notices since the last reminder (or since the start of today, the first time),
    /// earliest first.
    pub notices: Vec<Notice>,
    /// Of `due`, those not notified before.
    pub notify_tasks: Vec<DueTask<'r>>,
    /// Notices of the last `NOTICE_FRESH` not notified before (these may include some
    /// reported by an earlier run of plain `remind`).
    pub notify_notices: Vec<Notice>,
    /// Whether the plan is over at `now`: after its last day, or on it once every window
    /// has closed (`Checklist::is_after_plan`, the moment the screen and `today` say so).
    pub plan_over: bool,
    /// The next recorded treatment, while its preparation is open: its moment as a heading
    /// names it ("Sat 2 Jan 11:00", `crate::preparation::moment_words`), and the
    /// preparation's tasks due now and not ticked (`crate::preparation::due_at`), which are
    /// that treatment's to tick (`with_preparation`).
    pub before_next: Option<(String, Vec<DueTask<'r>>)>,
    /// Of those, the ones not notified before.
    pub notify_before_next: Vec<DueTask<'r>>,
}

/// Whether the plan is over at `now`, by the rule the screen and `today` go by: Day 43 of
/// the built-in plan from the treatment's hour, not only from Day 44. Tick-offs play no
/// part: only the last day's windows do.
fn is_over<Tz: TimeZone>(plan: &Plan<'_, Tz>, now: Instant) -> bool {
    let last = plan.last_day();
    let day = plan.day_of(now);
    day > last
        || (day == last && Checklist::build(plan, last, None, now).is_after_plan(last, now, true))
}

/// What was notified already (`memory::Notified` in its file).
pub trait Known {
    /// Whether the task `id` of the slot on `date` was notified.
    fn task_notified(&self, date: chrono::NaiveDate, id: &str) -> bool;
    /// Whether the notice `key` was notified.
    fn notice_notified(&self, key: &str) -> bool;
}

impl<'r> Reminder<'r> {
    /// What to say at `now` for `plan` with `ticks`; `last` is the previous reminder's moment
    /// (`None` the first time), `known` what was notified before; `followed` whether a later
    /// treatment is recorded (`State::is_followed`): then the next session exists, and, as on
    /// the checklist, neither the booking task nor "time to book it" is said.
    pub fn at<Tz: TimeZone>(
        plan: &Plan<'r, Tz>,
        ticks: &Ticks,
        now: Instant,
        last: Option<Instant>,
        known: &dyn Known,
        followed: bool,
    ) -> Reminder<'r> {
        let day = plan.day_of(now);
        let mut due = plan.due_now(ticks, now);
        if let Some(booking) = plan.booking_rule().filter(|_| followed) {
            due.retain(|d| d.task.rule.id != booking.id);
        }
        // The first time, since the start of today (a moment exactly at midnight included);
        // never further back than `SINCE_AT_MOST`.
        let since = last
            .unwrap_or_else(|| plan.day_bounds(plan.local_date(now)).0 - Duration::nanoseconds(1));
        let since_held = since < now - SINCE_AT_MOST;
        let since = since.max(now - SINCE_AT_MOST);
        let booked = followed || plan.is_booked(ticks, plan.local_date(now));
        let notices = notices_between(plan, since, now, booked);
        let notify_tasks = due
            .iter()
            .filter(|d| !known.task_notified(d.date, &d.id))
            .cloned()
            .collect();
        let notify_notices = notices_between(plan, now - NOTICE_FRESH, now, booked)
            .into_iter()
            .filter(|n| !known.notice_notified(&n.key))
            .collect();
        Reminder {
            now,
            since,
            since_held,
            day,
            due,
            notices,
            notify_tasks,
            notify_notices,
            plan_over: is_over(plan, now),
            before_next: None,
            notify_before_next: Vec::new(),
        }
    }

    /// This reminder with the preparation of the next recorded treatment (`next_plan` its
    /// plan, `next_ticks` its tick-offs) due at the reminder's moment, when there is any:
    /// "Tell your provider your conditions" a week before the next session.
    pub fn with_preparation<Tz: TimeZone>(
        mut self,
        next_plan: &Plan<'r, Tz>,
        next: &crate::store::Session,
        known: &dyn Known,
    ) -> Self {
        // The next treatment's restrictions (no exfoliating, out of the sun) as they begin.
        let lead = "Before your next treatment: ";
        let begins = restrictions_beginning(next_plan, self.since, self.now, lead);
        let fresh = restrictions_beginning(next_plan, self.now - NOTICE_FRESH, self.now, lead);
        self.notify_notices
            .extend(fresh.into_iter().filter(|n| !known.notice_notified(&n.key)));
        self.notices.extend(begins);
        self.notices.sort_by_key(|n| n.at);
        let due = crate::preparation::due_at(next_plan, next, self.now);
        if due.is_empty() {
            return self;
        }
        self.notify_before_next = due
            .iter()
            .filter(|d| !known.task_notified(d.date, &d.id))
            .cloned()
            .collect();
        let when = crate::preparation::moment_words(next_plan, self.now);
        self.before_next = Some((when, due));
        self
    }

    /// Whether anything is due now: what the exit status tells.
    pub fn anything_due(&self) -> bool {
        !self.due.is_empty() || self.before_next.is_some()
    }
}

/// Every notice whose moment is after `after` and not after `until`: a moment exactly now
/// has happened, and one exactly at the last reminder was told then. None when `until` is
/// not after `after`. Once the next session is `booked` (or recorded), "time to book it" is
/// not said.
fn notices_between<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    after: Instant,
    until: Instant,
    booked: bool,
) -> Vec<Notice> {
    if until <= after {
        return Vec::new();
    }
    let tick = Duration::nanoseconds(1);
    let mut notices: Vec<Notice> = plan
        .lifted(after + tick, until + tick)
        .into_iter()
        .map(|l| Notice {
            key: format!("{}.lifted", l.rule.id),
            at: l.at,
            words: l.words(),
            lifts: true,
        })
        .collect();
    notices.extend(restrictions_beginning(plan, after, until, ""));
    if let Some(up) = plan.coming_up() {
        let date = |t: Instant| crate::export::moment_words(plan.local(t));
        // (key, moment, words, whether it asks to book)
        let next = [
            (
                "next-session.coming-up",
                up.shows_from,
                format!(
                    "Your next session is possible from {}: time to book it",
                    date(up.opens)
                ),
                true,
            ),
            (
                "next-session.opens",
                up.opens,
                if booked {
                    // Not "due": the patient has an appointment in the window.
                    format!(
                        "The window for your next session is open, until {}: keep the \
                         appointment you booked",
                        crate::export::end_words(plan.local(up.closes))
                    )
                } else {
                    format!(
                        "Your next session is due now, until {}",
                        crate::export::end_words(plan.local(up.closes))
                    )
                },
                false,
            ),
        ];
        for (key, at, words, asks_to_book) in next {
            if booked && asks_to_book {
                continue;
            }
            if after < at && at <= until {
                notices.push(Notice {
                    key: key.into(),
                    at,
                    words,
                    lifts: false,
                });
            }
        }
    }
    notices.sort_by_key(|n| n.at);
    notices
}

/// A notice for each thing to avoid whose window opens after `after` and not after `until`
/// ("No makeup, until Mon 30 Nov 10:00"), led by `lead` ("Before your next treatment: ").
/// `remind` said only what was due, and nothing to avoid ever is: a patient relying on it
/// never heard to stop exfoliating the week before a session, nor of no makeup after it
/// (walk-through). Keyed by the rule and the treatment's date, so a series says each anew.
fn restrictions_beginning<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    after: Instant,
    until: Instant,
    lead: &str,
) -> Vec<Notice> {
    let treated = plan.local_date(plan.treatment());
    plan.rules()
        .rules
        .iter()
        .filter(|rule| rule.kind == crate::rules::Kind::Avoid && !rule.as_needed)
        .filter_map(|rule| {
            let (from, to) = plan.span(rule);
            // One over already (the last reminder was before it began and after it
            // ended) is not news: "→ No exfoliating…, until 10:00" at 14:00 read as begun.
            (after < from && from <= until && until < to).then(|| Notice {
                key: format!("{}.begins.{treated}", rule.id),
                at: from,
                words: format!(
                    "{lead}{}, until {}",
                    rule.title,
                    crate::export::end_words(plan.local(to))
                ),
                lifts: false,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;

//! What changes at a moment rather than being due: an avoid window's end ("lifted": "Makeup
//! is fine again" at the minute 48 h after the treatment) and the next session coming up a
//! week before its window opens. The checklist, `aftercare remind` and the calendar export
//! all say these at the same moments.
//!
//! Preparation windows, which end at the treatment, lift nothing: the treatment's own
//! restrictions take over then. "A week before" is the same local time seven calendar days
//! earlier, found in the plan's zone (167 or 169 h when the clocks change in between).

use super::{Plan, Task, wall_clock};
use crate::rules::{Kind, Repeat, Rule};
use crate::store::Ticks;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};

type Instant = DateTime<FixedOffset>;

/// How long before its window opens the next session comes up: 7 local days.
pub const COMING_UP_DAYS: i64 = 7;

/// An avoid window that ends: the patient may do the thing again from `at`.
#[derive(Debug, Clone, PartialEq)]
pub struct Lifted<'r> {
    pub rule: &'r Rule,
    /// The window's close.
    pub at: Instant,
}

impl Lifted<'_> {
    /// What to tell the patient: the rule's `lifted` words ("Makeup is fine again"), or that
    /// the rule is over.
    pub fn words(&self) -> String {
        match &self.rule.lifted {
            Some(words) => words.to_string(),
            None => format!("{}: over", self.rule.title),
        }
    }
}

/// The next session of a series: shown from a week before its window opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ComingUp {
    /// `COMING_UP_DAYS` before `opens`, at the same local time.
    pub shows_from: Instant,
    /// The window for the next treatment opens ...
    pub opens: Instant,
    /// ... and closes (exclusive).
    pub closes: Instant,
}

impl ComingUp {
    /// Whether the next session is shown at `now`: from a week before its window until it
    /// closes.
    pub fn is_shown(&self, now: Instant) -> bool {
        self.shows_from <= now && now < self.closes
    }
}

impl<'r, Tz: TimeZone> Plan<'r, Tz> {
    /// The avoid windows that end in `from..until` (a window ending exactly at `until` is
    /// left for the next interval), earliest first. Preparation windows lift nothing.
    pub fn lifted(&self, from: Instant, until: Instant) -> Vec<Lifted<'r>> {
        let mut lifted: Vec<Lifted<'r>> = self
            .rules
            .rules
            .iter()
            .filter(|rule| rule.kind == Kind::Avoid && !super::windows::is_preparation(rule))
            .map(|rule| Lifted {
                rule,
                at: self.span(rule).1,
            })
            .filter(|l| from <= l.at && l.at < until)
            .collect();
        lifted.sort_by_key(|l| l.at);
        lifted
    }

    /// Every avoid window's end over the whole plan (see `lifted`).
    pub fn all_lifted(&self) -> Vec<Lifted<'r>> {
        let far = Duration::days(3 * 366);
        self.lifted(self.treatment - far, self.treatment + far)
    }

    /// When the next session comes up, opens and closes; `None` when the plan has no next
    /// session.
    pub fn coming_up(&self) -> Option<ComingUp> {
        let next = self.rules.next_session.as_ref()?;
        let (opens, closes) = self.span(next);
        let wall = opens.with_timezone(&self.tz).naive_local() - Duration::days(COMING_UP_DAYS);
        Some(ComingUp {
            shows_from: wall_clock::first_instant_at_or_after(&self.tz, wall),
            opens,
            closes,
        })
    }

    /// Whether `rule` is the booking of the next session: a once task to do whose window
    /// opens when the next session's does (the built-in plan's `book-next-session`). It comes
    /// up with the next session, a week before its window opens, and a tick from then on
    /// counts.
    pub fn is_booking(&self, rule: &Rule) -> bool {
        rule.kind == Kind::Do
            && rule.repeat == Repeat::Once
            && self
                .rules
                .next_session
                .as_ref()
                .is_some_and(|next| self.span(next).0 == self.span(rule).0)
    }

    /// The booking task (`is_booking`), the first such rule in the file.
    pub fn booking_rule(&self) -> Option<&'r Rule> {
        self.rules.next_session.as_ref()?;
        self.rules.rules.iter().find(|rule| self.is_booking(rule))
    }

    /// Whether the next session is booked by the end of `date`: the booking task
    /// (`booking_rule`) is ticked, counting from when it comes up. Once it is, nothing asks
    /// the patient to book any more (`remind`'s notice, the checklist's words).
    pub fn is_booked(&self, ticks: &Ticks, date: NaiveDate) -> bool {
        self.booking_rule().is_some_and(|rule| {
            let (starts, ends) = self.span(rule);
            self.is_done(&Task::new(rule, None, starts, ends), date, ticks)
        })
    }

    /// The first date a tick of a once task of `rule` counts from: its window's first day,
    /// or for the booking task the day the next session comes up.
    pub fn once_ticks_from(&self, rule: &Rule) -> NaiveDate {
        let first = self.local_date(self.span(rule).0);
        // Whether it is the booking first: `coming_up` asks the zone for a wall time.
        match self.is_booking(rule).then(|| self.coming_up()).flatten() {
            Some(up) => first.min(self.local_date(up.shows_from)),
            None => first,
        }
    }

    /// The local date a once task of `rule` comes on the list when that is before its
    /// window's first day (the booking of the next session, a week early); `None` for any
    /// other rule. The timeline draws the lead-in from it, the "why" says it.
    pub fn offered_early(&self, rule: &Rule) -> Option<NaiveDate> {
        if rule.repeat != Repeat::Once {
            return None;
        }
        let offered = self.once_ticks_from(rule);
        (offered < self.local_date(self.span(rule).0)).then_some(offered)
    }
}

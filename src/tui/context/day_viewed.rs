//! The time and the day looked at: the clock moving on (a new minute, a new zone) keeps
//! whoever looked at today on today; moving between days stays within the plan, or up to
//! today once it is over; and the day a check-in goes to.

use super::Context;
use chrono::{DateTime, FixedOffset, TimeZone, Timelike};

/// Said when a step between days moves the view to the next treatment's plan.
const NEXT_TREATMENTS_DAY: &str =
    "This day is your next treatment's: its plan is shown ([ goes back)";

impl<Tz: TimeZone> Context<Tz> {
    /// Moves the clock on; returns whether the screen's words may have changed: a new
    /// minute, or the same minute in another time zone (its offset changed).
    pub fn set_now(&mut self, now: DateTime<FixedOffset>) -> bool {
        let minute = |t: DateTime<FixedOffset>| (t.date_naive(), t.hour(), t.minute(), *t.offset());
        if minute(now) == minute(self.now) {
            return false;
        }
        let before = self.now;
        self.now = now;
        self.expire_slot_notice();
        self.announce_slots(before);
        self.follow_today();
        true
    }

    /// Looks at the plan from another time zone (the machine's was changed): today is worked
    /// out again there, and whoever was looking at today keeps looking at today.
    pub fn set_zone(&mut self, tz: Tz) {
        self.now = self.now.with_timezone(&tz).fixed_offset();
        self.tz = tz;
        self.follow_today();
    }

    /// Today may have moved (midnight, a new zone): whoever was looking at today keeps
    /// looking at it; any other day is derived again as it stands.
    fn follow_today(&mut self) {
        if self.follows_today {
            self.go_to_today();
        } else {
            self.refresh();
        }
    }

    /// Whether the viewed day is today (as far as the plan reaches).
    pub fn is_on_today(&self) -> bool {
        self.follows_today
    }

    /// Shows today of the viewed treatment.
    pub fn go_to_today(&mut self) {
        let today = self.session_today().unwrap_or(1);
        self.show_day(today);
    }

    /// Shows `day`, kept within the plan. A day after the date of a later recorded treatment
    /// is that treatment's: the view moves to it (its Day 2 on the day after it), for the
    /// viewed plan would show it without the new treatment's restrictions (walk-through: the
    /// day after the next session read "nothing to avoid" beside no makeup and no workouts).
    pub fn show_day(&mut self, day: i64) {
        self.day = match self.later_treatment_on(day) {
            Some((next, next_day)) => {
                self.viewed = Some(next);
                self.unlocked = false;
                self.notice = Some(NEXT_TREATMENTS_DAY.to_string());
                next_day
            }
            None => self.clamp_day(day),
        };
        let today = self.session_today().map(|t| self.clamp_day(t));
        self.follows_today = today.is_none_or(|t| t == self.day);
        self.refresh();
    }

    /// The treatment recorded after the viewed one when `day` (of the viewed plan) is its,
    /// with `day`'s date as its plan day; `None` when there is none. A date after the next
    /// treatment's is its; so is its own date when stepped to from the day before, and from
    /// that date itself (today, the viewed plan's last morning) a step on shows its Day 1
    /// before its Day 2: the evening after the treatment is that treatment's.
    fn later_treatment_on(&self, day: i64) -> Option<(DateTime<FixedOffset>, i64)> {
        let plan = self.plan()?;
        let next = self.state.next_after(self.session()?)?;
        let (date, viewed) = (plan.date_of(day), plan.date_of(self.day));
        let next_date = plan.local_date(next);
        let today = plan.local_date(self.now);
        let date = match date {
            d if d > next_date && viewed == next_date => next_date,
            d if d > next_date => d,
            d if d == next_date && d != today => d,
            _ => return None,
        };
        Some((next, self.plan_at(next).day_of_date(date)))
    }

    /// The plan day and date a check-in made now is for: the viewed day, except that once
    /// the plan has ended a check-in goes to today (which the view then shows).
    pub fn checkin_day(&self) -> Option<(i64, chrono::NaiveDate)> {
        let plan = self.plan()?;
        let today = self.session_today()?;
        let day = if self.follows_today && today > plan.last_day() {
            today
        } else {
            self.day
        };
        Some((day, plan.date_of(day)))
    }

    /// `day` kept within the plan, or up to today once the plan is over: after its last day
    /// the screens say so on today, and the days between show nothing, so a step from one
    /// side lands on the other.
    fn clamp_day(&self, day: i64) -> i64 {
        let Some(plan) = self.plan() else {
            return day;
        };
        let last = plan.last_day();
        let today = self.session_today().unwrap_or(last).max(last);
        match day.clamp(plan.first_day(), today) {
            d if d > last && d < today && d < self.day => last,
            d if d > last && d < today => today,
            d => d,
        }
    }
}

//! Where a plan's windows and days fall in time: instants, local dates, plan days and their midnights.

use super::{Plan, wall_clock};
use crate::rules::{Edge, Windowed};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};

impl<Tz: TimeZone> Plan<'_, Tz> {
    /// The instant `hours` after the treatment (before it, when negative).
    pub fn at_hours(&self, hours: i64) -> DateTime<FixedOffset> {
        self.treatment + Duration::hours(hours)
    }

    /// The instant an end of a window names: hours after the treatment, or the local
    /// midnight that starts a plan day in this plan's zone (DST-correct: where midnight falls
    /// in a gap, the day starts when the clocks resume).
    pub fn instant(&self, edge: Edge) -> DateTime<FixedOffset> {
        match edge {
            Edge::Hours(hours) => self.at_hours(hours),
            Edge::DayStart(day) => self.midnight(self.date_of(day)),
        }
    }

    /// When an entry's window opens and closes (exclusive), in this plan's zone.
    pub fn span(&self, entry: &impl Windowed) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
        let window = entry.window();
        (self.instant(window.from), self.instant(window.until))
    }

    /// The time zone the plan's days are counted in.
    pub fn tz(&self) -> &Tz {
        &self.tz
    }

    /// The local calendar date of an instant.
    pub fn local_date(&self, instant: DateTime<FixedOffset>) -> NaiveDate {
        instant.with_timezone(&self.tz).date_naive()
    }

    /// The instant in this plan's zone, for display.
    pub fn local(&self, instant: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        instant.with_timezone(&self.tz).fixed_offset()
    }

    /// The plan day an instant falls on: 1 on the treatment's date, 0 the day before.
    pub fn day_of(&self, instant: DateTime<FixedOffset>) -> i64 {
        self.day_of_date(self.local_date(instant))
    }

    pub fn day_of_date(&self, date: NaiveDate) -> i64 {
        (date - self.treatment_date).num_days() + 1
    }

    pub fn date_of(&self, day: i64) -> NaiveDate {
        self.treatment_date + Duration::days(day - 1)
    }

    /// Local midnight at the start and end of `date`.
    pub fn day_bounds(&self, date: NaiveDate) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
        (self.midnight(date), self.midnight(date + Duration::days(1)))
    }

    /// The first instant of `date` (`wall_clock::local_midnight`), remembered for the plan's
    /// own dates.
    fn midnight(&self, date: NaiveDate) -> DateTime<FixedOffset> {
        let ask = || wall_clock::local_midnight(&self.tz, date);
        let index = usize::try_from(self.day_of_date(date) - self.first_day);
        match index.ok().and_then(|i| self.midnights.get(i)) {
            Some(known) => *known.get_or_init(ask),
            None => ask(),
        }
    }
}

//! From a wall-clock time on a date to the instant it names in a time zone.
//!
//! The plan asks this for every day it derives (the day's two midnights, noon, the morning
//! and evening hours). chrono's `TimeZone::from_local_datetime` answers it; this file only
//! decides what a wall time the clocks skip or show twice means for a plan.

use chrono::TimeZone;
use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

/// The first instant of `date` in `tz`. Where midnight itself falls in a DST gap (some zones
/// change clocks at 00:00), the day starts when the clocks resume.
pub fn local_midnight<Tz: TimeZone>(tz: &Tz, date: NaiveDate) -> DateTime<FixedOffset> {
    first_instant_at_or_after(tz, date.and_time(NaiveTime::MIN))
}

/// `hour`:00 on `date` (24 meaning the next midnight), or when the clocks resume if that
/// falls in a DST gap.
pub fn local_hour<Tz: TimeZone>(tz: &Tz, date: NaiveDate, hour: u32) -> DateTime<FixedOffset> {
    match NaiveTime::from_hms_opt(hour, 0, 0) {
        Some(time) => first_instant_at_or_after(tz, date.and_time(time)),
        None => local_midnight(tz, date + Duration::days(1)),
    }
}

/// The instant the clocks show `wall`; if they skip it (a DST gap), the instant they resume;
/// if they show it twice (the hour repeated in autumn), the first time.
pub fn first_instant_at_or_after<Tz: TimeZone>(
    tz: &Tz,
    wall: NaiveDateTime,
) -> DateTime<FixedOffset> {
    // chrono says only that a skipped wall time does not exist, not when the clocks resume:
    // step through the gap a minute at a time (every zone changes its clocks on a whole
    // minute, and gaps are at most a few hours).
    for minutes in 0..=24 * 60 {
        match tz.from_local_datetime(&(wall + Duration::minutes(minutes))) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.fixed_offset(),
            LocalResult::None => continue,
        }
    }
    // No zone has a gap of a day; should one, read the wall time as UTC rather than fail.
    wall.and_utc().fixed_offset()
}

/// `first_instant_at_or_after` remembered per wall time, for one plan's zone. Asking a zone
/// for a wall time is the slow direction of its lookups; a large plan's day asks the same
/// few (08:00, noon, 20:00 of the date) once per task. A clone starts with what is known.
#[derive(Debug, Default)]
pub struct Walls(Mutex<HashMap<NaiveDateTime, DateTime<FixedOffset>>>);

impl Walls {
    /// `first_instant_at_or_after(tz, wall)`, asked of `tz` once per wall time.
    pub fn get<Tz: TimeZone>(&self, tz: &Tz, wall: NaiveDateTime) -> DateTime<FixedOffset> {
        // A poisoned lock only means another thread panicked mid-insert of a correct value.
        let mut known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *known
            .entry(wall)
            .or_insert_with(|| first_instant_at_or_after(tz, wall))
    }
}

impl Clone for Walls {
    fn clone(&self) -> Self {
        let known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        Walls(Mutex::new(known.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Offset, Timelike};
    use chrono_tz::Tz;

    /// Zones with the odd cases: DST both ways, a change at midnight (São Paulo until 2019,
    /// Havana), half-hour DST (Lord Howe), 45-minute offsets (Chatham), none (Kolkata), and
    /// the far side of the date line (Apia dropped 30 Dec 2011 and left DST in 2021).
    const ZONES: [Tz; 9] = [
        chrono_tz::Europe::Berlin,
        chrono_tz::America::New_York,
        chrono_tz::America::Sao_Paulo,
        chrono_tz::America::Havana,
        chrono_tz::Australia::Lord_Howe,
        chrono_tz::Pacific::Chatham,
        chrono_tz::Asia::Kolkata,
        chrono_tz::Pacific::Apia,
        chrono_tz::Europe::London,
    ];

    /// Every half hour from 2010 to 2025 in every zone above, checked against the zone's own
    /// offsets: the answer shows `wall` on the clock, unless the clocks skip it, and then it
    /// is where they resume; and no earlier instant shows `wall`.
    #[test]
    fn every_half_hour_for_years_is_the_first_instant_showing_it_or_after_a_gap() {
        let start = NaiveDate::from_ymd_opt(2010, 1, 1)
            .unwrap()
            .and_time(NaiveTime::MIN);
        let mut gaps = 0;
        for tz in ZONES {
            let offset_at = |t: NaiveDateTime| tz.offset_from_utc_datetime(&t).fix();
            for half_hours in 0..(16 * 366 * 48) {
                let wall = start + Duration::minutes(30 * half_hours);
                let got = first_instant_at_or_after(&tz, wall);
                let utc = got.naive_utc();
                assert_eq!(
                    *got.offset(),
                    offset_at(utc),
                    "{tz} {wall}: the zone's offset"
                );
                let shown = got.naive_local();
                if shown == wall {
                    // An earlier showing would be `more` before, with an offset `more`
                    // larger: DST moves clocks by 30 minutes (Lord Howe), an hour, or two.
                    for more in [30_i32, 60, 120] {
                        let earlier = utc - Duration::minutes(more.into());
                        let offset = got.offset().local_minus_utc() + 60 * more;
                        assert_ne!(
                            offset_at(earlier).local_minus_utc(),
                            offset,
                            "{tz} {wall}: shown {more} minutes earlier too"
                        );
                    }
                } else {
                    // A gap: the clocks jumped from before `wall` to `shown` at `got` (Apia
                    // skipped a whole day).
                    gaps += 1;
                    assert!(
                        shown > wall && shown - wall <= Duration::days(1),
                        "{tz} {wall}"
                    );
                    let before = utc - Duration::minutes(1);
                    let shown_before = before + offset_at(before);
                    assert!(shown_before < wall, "{tz} {wall}: {shown_before} before");
                }
            }
        }
        // The zones above skipped wall times dozens of times in those years.
        assert!(gaps > 100, "gaps {gaps}");
    }

    #[test]
    fn gaps_and_repeats_give_the_resumed_and_the_first_instant() {
        let berlin = chrono_tz::Europe::Berlin;
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let rfc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let cases = [
            // Spring forward: 02:30 does not exist; the clocks resume at 03:00 CEST.
            ("2026-03-29 02:30", "2026-03-29T03:00:00+02:00"),
            // Autumn: 02:30 happens twice; the first is still summer time.
            ("2026-10-25 02:30", "2026-10-25T02:30:00+02:00"),
            ("2026-10-25 03:30", "2026-10-25T03:30:00+01:00"),
            ("2026-11-22 00:00", "2026-11-22T00:00:00+01:00"),
        ];
        for (wall, want) in cases {
            assert_eq!(
                first_instant_at_or_after(&berlin, at(wall)),
                rfc(want),
                "{wall}"
            );
        }
        // São Paulo skipped midnight on 4 Nov 2018: that day began at 01:00.
        let sao_paulo = chrono_tz::America::Sao_Paulo;
        let day = NaiveDate::from_ymd_opt(2018, 11, 4).unwrap();
        assert_eq!(local_midnight(&sao_paulo, day).hour(), 1);
        assert_eq!(
            local_hour(&sao_paulo, day, 24),
            local_midnight(&sao_paulo, day.succ_opt().unwrap())
        );
    }
}

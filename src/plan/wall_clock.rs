//! From a wall-clock time on a date to the instant it names in a time zone.
//!
//! The plan asks this for every day it derives (the day's two midnights, noon, the morning
//! and evening hours). Asking a zone by wall time is the slow direction: chrono's `Local`
//! searches the zone's transitions for every such question (~4,500 instructions each in
//! callgrind, 55 of them before the first frame), while asking it by instant is ~285. So on
//! the ordinary days, with no change of clocks near, the instant is found by instant lookups
//! alone (two of them); only just after a change of clocks is the zone asked by wall time.

use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime};
use chrono::{Offset, TimeZone};

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
    steady_instant(tz, wall).unwrap_or_else(|| instant_near_a_change(tz, wall))
}

/// The instant of `wall` found by instant lookups alone: read with the offset in force a day
/// before it (every instant the clocks could show `wall` lies within a day of `wall` read as
/// UTC, offsets being under a day), and kept if the zone has that offset at that instant.
/// Then it is the first showing of `wall`: an earlier one would need the clocks to change
/// and change back within those two days, which no zone in the tz database does. `None`
/// in a gap or just after a change of clocks, or outside chrono's range.
fn steady_instant<Tz: TimeZone>(tz: &Tz, wall: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    let offset_at = |utc: NaiveDateTime| tz.offset_from_utc_datetime(&utc).fix();
    let offset = offset_at(wall.checked_sub_signed(Duration::days(1))?);
    let utc = wall.checked_sub_offset(offset)?;
    (offset_at(utc) == offset).then(|| DateTime::from_naive_utc_and_offset(utc, offset))
}

/// The exact answer, asking the zone by wall time; used within a day of a change of clocks.
fn instant_near_a_change<Tz: TimeZone>(tz: &Tz, wall: NaiveDateTime) -> DateTime<FixedOffset> {
    // Gaps are at most a few hours in any real zone; step through them a minute at a time.
    for minutes in 0..=24 * 60 {
        match tz.from_local_datetime(&(wall + Duration::minutes(minutes))) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.fixed_offset(),
            LocalResult::None => continue,
        }
    }
    // Unreachable for any zone whose gaps are shorter than a day; read the wall time as UTC.
    wall.and_utc().fixed_offset()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;
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

    #[test]
    fn the_quick_answer_is_the_exact_answer_every_half_hour_for_years() {
        let start = NaiveDate::from_ymd_opt(2010, 1, 1)
            .unwrap()
            .and_time(NaiveTime::MIN);
        let mut quick = 0;
        for tz in ZONES {
            for half_hours in 0..(16 * 366 * 48) {
                let wall = start + Duration::minutes(30 * half_hours);
                let exact = instant_near_a_change(&tz, wall);
                assert_eq!(first_instant_at_or_after(&tz, wall), exact, "{tz} {wall}");
                quick += usize::from(steady_instant(&tz, wall).is_some());
            }
        }
        // Nearly every question took the quick path (all but the day after a change).
        assert!(
            quick > ZONES.len() * 16 * 366 * 48 * 9 / 10,
            "quick {quick}"
        );
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

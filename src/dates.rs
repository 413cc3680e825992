//! How dates and moments read, in one place for every output (the command line, the
//! store's messages, exports): "Fri 20 Nov 2026 14:00", "Sun 22 Nov 2026", "Sun 22 Nov".
//! Each is written in the offset the moment carries: callers pass it in the zone to show.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

/// A moment with its year: "Fri 20 Nov 2026 14:00" (a treatment, a record).
pub fn moment(at: DateTime<FixedOffset>) -> String {
    at.format("%a %-d %b %Y %H:%M").to_string()
}

/// A moment within the plan's weeks, without the year: "Sun 22 Nov 14:00".
pub fn short_moment(at: DateTime<FixedOffset>) -> String {
    at.format("%a %-d %b %H:%M").to_string()
}

/// A moment with its year, without the weekday, where a column is narrow: "20 Nov 2026 14:00".
pub fn compact_moment(at: DateTime<FixedOffset>) -> String {
    at.format("%-d %b %Y %H:%M").to_string()
}

/// The time of day of a moment: "14:00".
pub fn clock(at: DateTime<FixedOffset>) -> String {
    at.format("%H:%M").to_string()
}

/// A date with its year: "Sun 22 Nov 2026".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// A date without the year: "Sun 22 Nov".
pub fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// A date as a chart's axis or a span of dates says it: "22 Nov".
pub fn day_and_month(date: NaiveDate) -> String {
    date.format("%-d %b").to_string()
}

/// A date as the patient reads it on `today`: without the year within the current year
/// ("Sun 22 Nov"), with it otherwise ("Fri 28 Nov 2025"), so that a treatment a year ago
/// never reads as this year's.
pub fn date_near(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        short_date(date)
    } else {
        long_date(date)
    }
}

/// A moment as the patient reads it on `today`: "Sun 22 Nov 14:00" within the current year,
/// "Fri 28 Nov 2025 15:00" otherwise.
pub fn moment_near(at: DateTime<FixedOffset>, today: NaiveDate) -> String {
    if at.year() == today.year() {
        short_moment(at)
    } else {
        moment(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_with_weekday_day_and_month() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        assert_eq!(moment(at), "Fri 20 Nov 2026 14:00");
        assert_eq!(short_moment(at), "Fri 20 Nov 14:00");
        assert_eq!(compact_moment(at), "20 Nov 2026 14:00");
        assert_eq!(clock(at), "14:00");
        let date = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        assert_eq!(long_date(date), "Tue 29 Feb 2028");
        assert_eq!(short_date(date), "Tue 29 Feb");
        assert_eq!(day_and_month(date), "29 Feb");
    }

    #[test]
    fn the_year_shows_only_outside_the_current_one() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let at = DateTime::parse_from_rfc3339("2025-11-28T15:00:00+01:00").unwrap();
        let cases = [
            (d(2025, 12, 31), "Fri 28 Nov", "Fri 28 Nov 15:00"),
            (d(2026, 1, 1), "Fri 28 Nov 2025", "Fri 28 Nov 2025 15:00"),
            (d(2024, 2, 29), "Fri 28 Nov 2025", "Fri 28 Nov 2025 15:00"),
        ];
        for (today, date, moment) in cases {
            assert_eq!(date_near(at.date_naive(), today), date, "{today}");
            assert_eq!(moment_near(at, today), moment, "{today}");
        }
    }
}

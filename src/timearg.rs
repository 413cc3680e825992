//! Reading the times people type: `YYYY-MM-DD HH:MM` in local time, or RFC 3339.
//!
//! The zone is passed in so tests can use any zone and the app can use the system's.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, TimeZone};

mod phrases;
pub use phrases::{parse_time_near, says_time_of_day, step_days};

/// A time that could not be read, or that does not exist on the local clock.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error(
        "{0:?} is not a time: use \"YYYY-MM-DD HH:MM\" (local time) or RFC 3339 such as \"2026-11-20T14:00:00+01:00\""
    )]
    Unreadable(String),
    /// What `parse_time_near` could not read: it takes more forms, and says so.
    #[error(
        "{0:?} is not a time: type \"YYYY-MM-DD HH:MM\", a date (\"2026-11-20\") or a day and time: \"yesterday 15:00\", \"today 9:30\", \"tomorrow 14:00\""
    )]
    NotAPhrase(String),
    #[error(
        "{0:?} does not exist in local time (the clocks skip it for daylight saving); pick a time outside the gap"
    )]
    InDstGap(String),
}

/// The form a time is typed in (`--at "2026-11-20 14:00"`, local time): the first form read,
/// and the one the app writes when it gives a command to type.
pub const TYPED_FORMAT: &str = "%Y-%m-%d %H:%M";

const LOCAL_FORMATS: [&str; 4] = [
    TYPED_FORMAT,
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
];

/// Parses `text` as an instant; local forms are read in `tz`. When a local time happens twice
/// (the hour the clocks go back) the earlier one is meant, as most people would.
pub fn parse_time<Tz: TimeZone>(text: &str, tz: &Tz) -> Result<DateTime<FixedOffset>, TimeError> {
    let trimmed = text.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(trimmed) {
        return Ok(instant);
    }
    let naive = LOCAL_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(trimmed, f).ok())
        .ok_or_else(|| TimeError::Unreadable(text.to_string()))?;
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.fixed_offset()),
        // Zones do not agree on the order of the two (chrono's `Local` gives the later
        // first), so compare the instants.
        LocalResult::Ambiguous(a, b) => Ok(a.fixed_offset().min(b.fixed_offset())),
        LocalResult::None => Err(TimeError::InDstGap(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Berlin;

    #[test]
    fn reads_local_and_rfc3339_forms() {
        let cases = [
            ("2026-11-20 14:00", "2026-11-20T14:00:00+01:00"),
            ("2026-11-20T14:00", "2026-11-20T14:00:00+01:00"),
            ("2026-07-20 14:00:30", "2026-07-20T14:00:30+02:00"),
            (" 2026-11-20 14:00 ", "2026-11-20T14:00:00+01:00"),
            ("2026-11-20T14:00:00Z", "2026-11-20T14:00:00+00:00"),
            ("2026-11-20T14:00:00-05:00", "2026-11-20T14:00:00-05:00"),
            ("2028-02-29 23:59", "2028-02-29T23:59:00+01:00"),
        ];
        for (input, want) in cases {
            let got = parse_time(input, &Berlin).unwrap();
            assert_eq!(got.to_rfc3339(), want, "{input}");
        }
    }

    #[test]
    fn dst_gap_is_an_error_and_overlap_takes_the_earlier() {
        assert_eq!(
            parse_time("2026-03-29 02:30", &Berlin),
            Err(TimeError::InDstGap("2026-03-29 02:30".into()))
        );
        let overlap = parse_time("2026-10-25 02:30", &Berlin).unwrap();
        assert_eq!(overlap.to_rfc3339(), "2026-10-25T02:30:00+02:00");
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for bad in [
            "",
            "tomorrow",
            "2026-02-30 10:00",
            "2026-11-20",
            "2026-11-20 25:00",
            "20:00",
        ] {
            assert!(
                matches!(parse_time(bad, &Berlin), Err(TimeError::Unreadable(_))),
                "{bad}"
            );
        }
    }
}

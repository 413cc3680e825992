//! The treatment times a patient types besides `YYYY-MM-DD HH:MM`: a bare date
//! ("2026-11-20"), and "today 9:30", "tomorrow 14:00" or "yesterday 15:00" (also the
//! day alone). Read over chrono in the zone passed in, relative to the `now` passed in.

use super::{TimeError, parse_time};
use chrono::{DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveTime, TimeZone};

/// The time of day a bare date stands for: midday, the middle of a clinic's day (the day
/// number, which is what a bare date fixes, does not depend on it). On today's date before
/// midday, the time now, so the treatment is never in the future.
const BARE_DATE_TIME: (u32, u32) = (12, 0);

/// Parses `text` as `parse_time` does, and also as a bare date, "today [H:MM]",
/// "tomorrow [H:MM]" (installed the evening before) or "yesterday [H:MM]", read in `tz` relative to `now`. Errors: `TimeError::NotAPhrase`
/// (naming these forms), or `InDstGap`.
pub fn parse_time_near<Tz: TimeZone>(
    text: &str,
    tz: &Tz,
    now: DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, TimeError> {
    let trimmed = text.trim();
    let unreadable = || TimeError::NotAPhrase(text.to_string());
    let today = now.with_timezone(tz).date_naive();
    let mut words = trimmed.split_whitespace();
    let first = words.next().unwrap_or_default().to_lowercase();
    let date = match first.as_str() {
        "today" => Some(today),
        "yesterday" => today.pred_opt(),
        "tomorrow" => today.succ_opt(),
        _ => NaiveDate::parse_from_str(&first, "%Y-%m-%d").ok(),
    };
    let Some(date) = date else {
        return parse_time(text, tz).map_err(|e| match e {
            TimeError::Unreadable(_) => unreadable(),
            e => e,
        });
    };
    let rest: Vec<&str> = words.collect();
    let time = match rest[..] {
        [] => None,
        [clock] => Some(
            NaiveTime::parse_from_str(clock, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M:%S"))
                .map_err(|_| unreadable())?,
        ),
        _ => return Err(unreadable()),
    };
    let Some(time) = time else {
        let (hour, minute) = BARE_DATE_TIME;
        let midday = date.and_hms_opt(hour, minute, 0).ok_or_else(unreadable)?;
        let at = local(tz, midday, text)?;
        return Ok(if at > now && date == today {
            now - Duration::seconds(i64::from(chrono::Timelike::second(&now)))
        } else {
            at
        });
    };
    local(tz, date.and_time(time), text)
}

/// Whether `text` says the time of day, or only the day ("2026-11-20", "today",
/// "yesterday"), for which `parse_time_near` fills in a time: a patient must be told of a
/// time filled in, as every "until" counts from it.
pub fn says_time_of_day(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default().to_lowercase();
    let day_only = matches!(first.as_str(), "today" | "yesterday" | "tomorrow")
        || NaiveDate::parse_from_str(&first, "%Y-%m-%d").is_ok();
    !(day_only && words.next().is_none())
}

fn local<Tz: TimeZone>(
    tz: &Tz,
    naive: chrono::NaiveDateTime,
    text: &str,
) -> Result<DateTime<FixedOffset>, TimeError> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t.fixed_offset()),
        LocalResult::Ambiguous(a, b) => Ok(a.fixed_offset().min(b.fixed_offset())),
        LocalResult::None => Err(TimeError::InDstGap(text.to_string())),
    }
}

/// The `YYYY-MM-DD HH:MM` text of `text`'s time moved by `days` local days (↑/↓ on the
/// welcome prompt); `None` when `text` is not a time.
pub fn step_days<Tz: TimeZone>(
    text: &str,
    tz: &Tz,
    now: DateTime<FixedOffset>,
    days: i64,
) -> Option<String> {
    let at = parse_time_near(text, tz, now).ok()?;
    let local = at.with_timezone(tz).naive_local() + Duration::days(days);
    Some(local.format(super::TYPED_FORMAT).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_alone_does_not_say_the_time_of_day() {
        for (text, says) in [
            ("2026-11-20", false),
            (" today ", false),
            ("Yesterday", false),
            ("tomorrow", false),
            ("tomorrow 14:00", true),
            ("2026-11-20 14:00", true),
            ("today 9:30", true),
            ("yesterday 15:00", true),
            ("2026-11-20T14:00", true),
        ] {
            assert_eq!(says_time_of_day(text), says, "{text}");
        }
    }
    use chrono_tz::Europe::Berlin;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T10:07:30+01:00").unwrap()
    }

    #[test]
    fn reads_the_forms_a_patient_types() {
        let cases = [
            ("2026-11-20 14:00", "2026-11-20T14:00:00+01:00"),
            ("2026-11-20", "2026-11-20T12:00:00+01:00"),
            ("yesterday 15:00", "2026-11-21T15:00:00+01:00"),
            ("Yesterday  15:00", "2026-11-21T15:00:00+01:00"),
            ("today 9:30", "2026-11-22T09:30:00+01:00"),
            // Installed the evening before.
            ("tomorrow 14:00", "2026-11-23T14:00:00+01:00"),
            ("tomorrow", "2026-11-23T12:00:00+01:00"),
            ("today 09:30", "2026-11-22T09:30:00+01:00"),
            ("yesterday", "2026-11-21T12:00:00+01:00"),
            // Midday today is still ahead at 10:07: the time now.
            ("today", "2026-11-22T10:07:00+01:00"),
            ("2026-11-22", "2026-11-22T10:07:00+01:00"),
            ("2026-07-20", "2026-07-20T12:00:00+02:00"),
            ("2028-02-29", "2028-02-29T12:00:00+01:00"),
            ("2026-11-20T14:00:00Z", "2026-11-20T14:00:00+00:00"),
        ];
        for (input, want) in cases {
            let got = parse_time_near(input, &Berlin, now()).unwrap();
            assert_eq!(got.to_rfc3339(), want, "{input}");
        }
    }

    #[test]
    fn refuses_what_is_not_one_of_them() {
        for bad in [
            "",
            "today 25:00",
            "yesterday at 3",
            "2026-02-30",
            "2027-02-29",
            "15:00",
        ] {
            assert!(
                matches!(
                    parse_time_near(bad, &Berlin, now()),
                    Err(TimeError::NotAPhrase(_))
                ),
                "{bad}"
            );
        }
        assert_eq!(
            parse_time_near("2026-03-29 02:30", &Berlin, now()),
            Err(TimeError::InDstGap("2026-03-29 02:30".into()))
        );
    }

    #[test]
    fn steps_a_day_at_a_time() {
        let step = |text, days| step_days(text, &Berlin, now(), days);
        assert_eq!(
            step("2026-11-22 10:07", -1).as_deref(),
            Some("2026-11-21 10:07")
        );
        assert_eq!(
            step("2026-03-01 09:00", -1).as_deref(),
            Some("2026-02-28 09:00")
        );
        assert_eq!(
            step("2028-02-28 09:00", 1).as_deref(),
            Some("2028-02-29 09:00")
        );
        assert_eq!(
            step("yesterday 15:00", 1).as_deref(),
            Some("2026-11-22 15:00")
        );
        assert_eq!(step("nonsense", 1), None);
    }
}

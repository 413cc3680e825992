//! The words for when: countdowns in local calendar days, and ends at a day boundary.

use super::*;
use chrono::{DateTime, FixedOffset};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Under a week a countdown says days and hours; from a week on it counts whole days, rounded
/// down on the zone's wall clock, so it never claims more time than remains (issue 15: "5 d
/// left" was the 5 dates to a window ending 4 days 15 hours later) nor, for what to avoid,
/// sounds a day shorter ("4 d left" for 4 days 22 hours, the walk-through after it).
#[test]
fn countdowns_of_days_never_claim_more_than_remains() {
    let cases: [(&str, &str, &str); 10] = [
        // 11 days 23 hours, 12 dates ahead: 11 whole days.
        (
            "2026-11-22T15:00:00+01:00",
            "2026-12-04T14:00:00+01:00",
            "11 d",
        ),
        // 12 days 5 hours.
        (
            "2026-11-22T09:00:00+01:00",
            "2026-12-04T14:00:00+01:00",
            "12 d",
        ),
        // Day 1 at 18:30 of a 10:00 treatment, a week's window: 6 days 15 h 30 min.
        (
            "2026-11-20T18:30:00+01:00",
            "2026-11-27T10:00:00+01:00",
            "6 d 15 h",
        ),
        // The same at 09:59 on Day 2 and at 10:00 on Day 3.
        (
            "2026-11-21T09:59:00+01:00",
            "2026-11-27T10:00:00+01:00",
            "6 d",
        ),
        (
            "2026-11-22T10:00:00+01:00",
            "2026-11-27T10:00:00+01:00",
            "5 d",
        ),
        // Day 3 at 16:00, direct sun until Fri 27 Nov 14:00: 4 d 22 h, not "4 d" (a day
        // short) nor "5 d" (more than remains).
        (
            "2026-11-22T16:00:00+01:00",
            "2026-11-27T14:00:00+01:00",
            "4 d 22 h",
        ),
        // Just before midnight, a window ending at 00:30 four dates on: 3 d 40 min.
        (
            "2026-11-22T23:50:00+01:00",
            "2026-11-26T00:30:00+01:00",
            "3 d",
        ),
        // Under three days: hours and minutes.
        (
            "2026-11-22T09:00:00+01:00",
            "2026-11-24T14:00:00+01:00",
            "2 d 5 h",
        ),
        // Spring forward (Sun 29 Mar 2026): 4 days on the wall, 3 days 23 hours elapsed.
        (
            "2026-03-27T10:00:00+01:00",
            "2026-03-31T10:00:00+02:00",
            "3 d 23 h",
        ),
        // Fall back (Sun 25 Oct 2026): 4 days on the wall and 4 days 1 hour elapsed.
        (
            "2026-10-23T12:00:00+02:00",
            "2026-10-27T12:00:00+01:00",
            "4 d 1 h",
        ),
    ];
    for (now, then, want) in cases {
        assert_eq!(
            countdown_label(at(now), at(then), &Berlin),
            want,
            "{now} → {then}"
        );
    }
    // Dates are still counted where a day is meant: 23:00 in New York is already tomorrow
    // in Berlin.
    let (now, then) = (
        at("2026-11-22T23:00:00-05:00"),
        at("2026-11-26T12:00:00-05:00"),
    );
    assert_eq!(countdown_label(now, then, &New_York), "3 d 13 h");
    assert_eq!(calendar_days(now, then, &New_York), 4);
    assert_eq!(calendar_days(now, then, &Berlin), 3);
}

/// An end at a local midnight closes the day before: "the end of Thu", never "Fri 00:00".
#[test]
fn ends_at_a_day_boundary_name_the_day_they_end_with() {
    let now = at("2026-11-22T09:00:00+01:00"); // Sun
    let cases = [
        ("2026-11-23T00:00:00+01:00", "the end of today"),
        ("2026-11-26T00:00:00+01:00", "the end of Wed"),
        // Four days on, the date is said: "the end of Thu" on a Sunday was not sure enough.
        ("2026-11-27T00:00:00+01:00", "the end of Thu 26 Nov"),
        ("2026-12-04T00:00:00+01:00", "the end of Thu 3 Dec"),
        // Any other time is a clock time.
        ("2026-11-25T00:01:00+01:00", "Wed 00:01"),
        ("2026-11-22T14:00:00+01:00", "14:00"),
        // Midnight in Berlin is 18:00 in New York: the zone's midnight counts.
        ("2026-11-25T18:00:00-05:00", "the end of Wed"),
        // The day clocks go back (Sun 25 Oct 2026) still ends at its midnight.
        ("2026-10-26T00:00:00+01:00", "the end of Sun 25 Oct"),
    ];
    for (end, want) in cases {
        assert_eq!(end_label(at(end), now, &Berlin), want, "{end}");
    }
    assert_eq!(
        end_label(at("2026-11-26T00:00:00+01:00"), now, &New_York),
        "Wed 18:00"
    );
    assert_eq!(
        crate::export::end_words(at("2026-11-27T00:00:00+01:00")),
        "the end of Thu 26 Nov"
    );
    assert_eq!(
        crate::export::end_words(at("2026-11-27T14:00:00+01:00")),
        "Fri 27 Nov 14:00"
    );
}

/// A weekday alone names a day only up to three days off: six days off it shares its name
/// with yesterday or tomorrow (on Saturday, "until Fri 14:00" read as the Friday just gone),
/// and five days off it was read as a day gone by ("until Sun 17:30" seen on a Tuesday).
#[test]
fn a_weekday_alone_is_never_yesterdays_or_tomorrows_name() {
    let now = at("2026-11-21T10:00:00+01:00"); // Sat
    let cases = [
        ("2026-11-21T14:00:00+01:00", "14:00"),
        ("2026-11-24T14:00:00+01:00", "Tue 14:00"),
        ("2026-11-25T14:00:00+01:00", "Wed 25 Nov 14:00"),
        ("2026-11-26T14:00:00+01:00", "Thu 26 Nov 14:00"),
        ("2026-11-18T14:00:00+01:00", "Wed 14:00"),
        ("2026-11-17T14:00:00+01:00", "Tue 17 Nov 14:00"),
    ];
    for (moment, want) in cases {
        assert_eq!(clock_label(at(moment), now, &Berlin), want, "{moment}");
    }
    // The same for an end at a day boundary: four days on says the date.
    assert_eq!(
        end_label(at("2026-11-25T00:00:00+01:00"), now, &Berlin),
        "the end of Tue"
    );
    assert_eq!(
        end_label(at("2026-11-26T00:00:00+01:00"), now, &Berlin),
        "the end of Wed 25 Nov"
    );
    assert_eq!(
        end_label(at("2026-11-28T00:00:00+01:00"), now, &Berlin),
        "the end of Fri 27 Nov"
    );
}

/// A countdown under a week says what `duration_in` says, but keeps its hours from three
/// days on; both wordings come from the one formatter.
#[test]
fn countdowns_under_a_week_are_worded_as_durations_with_their_hours() {
    let now = at("2026-11-20T10:00:00+01:00");
    // (minutes ahead, short, words)
    let cases = [
        (0, "under a minute", "under a minute"),
        (35, "35 min", "35 minutes"),
        (5 * 60 + 20, "5 h 20 min", "5 hours 20 minutes"),
        (2 * 1440 + 5 * 60 + 30, "2 d 5 h", "2 days 5 hours"),
        (3 * 1440, "3 d", "3 days"),
        (3 * 1440 + 60, "3 d 1 h", "3 days 1 hour"),
        (4 * 1440 + 22 * 60 + 59, "4 d 22 h", "4 days 22 hours"),
        (6 * 1440 + 23 * 60 + 59, "6 d 23 h", "6 days 23 hours"),
        (7 * 1440, "7 d", "7 days"),
        (1440 + 60, "1 d 1 h", "1 day 1 hour"),
    ];
    for (minutes, short, words) in cases {
        let then = now + Duration::minutes(minutes);
        assert_eq!(
            countdown_in(now, then, &Berlin, Wording::Short),
            short,
            "{minutes}"
        );
        assert_eq!(
            countdown_in(now, then, &Berlin, Wording::Words),
            words,
            "{minutes}"
        );
        if minutes < 3 * 1440 {
            let d = Duration::minutes(minutes);
            assert_eq!(duration_in(d, Wording::Words), words, "{minutes}");
        }
    }
    // A duration from three days on says whole days: right for "ago", not for what is left.
    assert_eq!(
        duration_in(Duration::minutes(3 * 1440 + 60), Wording::Short),
        "3 d"
    );
}

/// A weekday alone is read from today as well as from the day shown: Day 3 (Mon 30 Nov)
/// looked at on Sat 28 Nov says an end four days from today with its date, "Wed 2 Dec
/// 10:00", though two days from the day shown ("Sat 10:00" had read as today's).
#[test]
fn an_end_seen_ahead_is_named_so_today_cannot_be_meant() {
    let end = at("2026-12-02T10:00:00+01:00");
    let (mon, sat) = (
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    );
    assert_eq!(end_label_on(end, mon, sat, &Berlin), "Wed 2 Dec 10:00");
    assert_eq!(end_label_on(end, mon, mon, &Berlin), "Wed 10:00");
    // An end at midnight: the end of the day before, by the same rule.
    let midnight = at("2026-12-03T00:00:00+01:00");
    assert_eq!(
        end_label_on(midnight, mon, sat, &Berlin),
        "the end of Wed 2 Dec"
    );
    assert_eq!(end_label_on(midnight, mon, mon, &Berlin), "the end of Wed");
}

#[test]
fn an_end_gone_by_is_dated() {
    // Sun 29 Nov looked back at on Tue 1 Dec: its makeup ban ended Mon 30 Nov 10:00, and
    // "until Mon 10:00" read as the coming Monday.
    let (sun, tue) = (
        chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    );
    let mon_10 = at("2026-11-30T10:00:00+01:00");
    assert_eq!(end_label_on(mon_10, sun, tue, &Berlin), "Mon 30 Nov 10:00");
    assert_eq!(end_label_on(mon_10, sun, sun, &Berlin), "Mon 10:00");
    // An end today is still the weekday's: it has not gone by.
    let tue_10 = at("2026-12-01T10:00:00+01:00");
    assert_eq!(end_label_on(tue_10, sun, tue, &Berlin), "Tue 10:00");
    let mon_midnight = at("2026-12-01T00:00:00+01:00");
    assert_eq!(
        end_label_on(mon_midnight, sun, tue, &Berlin),
        "the end of Mon 30 Nov"
    );
}

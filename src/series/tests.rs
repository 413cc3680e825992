use super::*;
use crate::plan::Wording;
use crate::store::{Change, CheckInPatch};
use chrono::NaiveDate;
use chrono_tz::Europe::Berlin;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn checkin(redness: u8) -> CheckInPatch {
    CheckInPatch {
        ratings: [("redness".to_string(), redness)].into(),
        note: None,
        at: None,
        ..Default::default()
    }
}

/// Two treatments 35 days apart; the first has check-ins on Days 1, 3 and 8 and one tick.
fn series() -> State {
    let mut state = State::default();
    let (first, second) = (
        at("2026-11-20T14:00:00+01:00"),
        at("2026-12-25T10:00:00+01:00"),
    );
    let date = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let changes = [
        Change::AddSession { at: first },
        Change::AddSession { at: second },
        Change::CheckIn {
            session: first,
            date: date(20),
            patch: checkin(4),
        },
        Change::CheckIn {
            session: first,
            date: date(22),
            patch: checkin(2),
        },
        Change::CheckIn {
            session: first,
            date: date(27),
            patch: checkin(3),
        },
        // Day 2: on Day 1 the 09:00 slot was before the 14:00 treatment.
        Change::Tick {
            session: first,
            date: date(21),
            task: "drink-water".into(),
        },
    ];
    for change in &changes {
        state.apply(change).unwrap();
    }
    state
}

#[test]
fn each_session_is_counted_until_the_next_one_began() {
    let rules = Rules::builtin().unwrap();
    let all = history(&rules, &series(), &Berlin, at("2026-12-28T09:00:00+01:00"));
    assert_eq!(all.len(), 2);
    let first = &all[0];
    assert_eq!(
        (first.number, first.counted_to_day, first.complete),
        (1, 35, false)
    );
    assert!(first.due > 100 && first.done == 1, "{first:?}");
    assert_eq!(first.adherence_percent, Some(0));
    assert_eq!(first.checkins, 3);
    // Day 8: redness 3 a week on, and higher than on Day 3.
    assert_eq!(first.alert_days, 1);
    let redness = &first.symptoms[0];
    assert_eq!(redness.peak, Some(Reading { rating: 4, day: 1 }));
    assert_eq!(redness.last, Some(Reading { rating: 3, day: 8 }));
    assert_eq!(first.symptoms[1].peak, None);
    let second = &all[1];
    assert_eq!((second.number, second.counted_to_day), (2, 4));
    assert_eq!(second.checkins, 0);
}

/// Counted down as the booking row counts (`countdown_in`): 26 days and 23 hours to a
/// session 27 dates ahead is "in 26 d" in both (the header once said "27 d" above a row
/// saying less); "tomorrow" and "later today" go by the calendar.
#[test]
fn the_next_session_is_counted_down_as_the_booking_row_is_then_due_then_gone() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at("2026-11-20T14:00:00+01:00"), Berlin);
    // The next session opens 672 h after the treatment: Fri 18 Dec 14:00.
    let cases = [
        (
            "2026-11-21T15:00:00+01:00",
            Some("next session possible in 26 d (from Fri 18 Dec)"),
        ),
        (
            "2026-11-22T09:00:00+01:00",
            Some("next session possible in 26 d (from Fri 18 Dec)"),
        ),
        (
            "2026-12-17T23:59:00+01:00",
            Some("next session possible tomorrow (Fri 18 Dec)"),
        ),
        (
            "2026-12-18T00:00:00+01:00",
            Some("next session possible later today (from 14:00)"),
        ),
        (
            "2026-12-18T14:00:00+01:00",
            Some("next session due now (until Fri 1 Jan 2027)"),
        ),
        (
            "2026-12-20T09:00:00+01:00",
            Some("next session due now (until Fri 1 Jan 2027)"),
        ),
        ("2027-01-02T09:00:00+01:00", None),
    ];
    for (now, want) in cases {
        assert_eq!(
            next_session_label(&plan, at(now), false).as_deref(),
            want,
            "{now}"
        );
    }
    // Booked, the window is the appointment's: never "due now".
    let booked = [
        (
            "2026-12-11T09:00:00+01:00",
            Some("next session booked (window from Fri 18 Dec)"),
        ),
        (
            "2026-12-20T09:00:00+01:00",
            Some("next session booked (window until Fri 1 Jan 2027)"),
        ),
        ("2027-01-02T09:00:00+01:00", None),
    ];
    for (now, want) in booked {
        assert_eq!(
            next_session_label(&plan, at(now), true).as_deref(),
            want,
            "{now}"
        );
    }
    // Across the end of summer time (Sun 25 Oct 2026): 672 h after Mon 28 Sep 14:00 CEST is
    // Mon 26 Oct 13:00 CET, 3 days 23.5 hours after Thu 22 Oct 14:30 CEST: under a week the
    // countdown says the days and hours left, as the booking row does (`countdown_in`).
    let plan = Plan::new(&rules, at("2026-09-28T14:00:00+02:00"), Berlin);
    assert_eq!(
        next_session_label(&plan, at("2026-10-22T14:30:00+02:00"), false).as_deref(),
        Some("next session possible in 3 d 23 h (from Mon 26 Oct)")
    );
}

/// The booking row names the day the next session becomes possible, and its hour only on
/// that day: "from Fri 14:00" days ahead read as an appointment already made.
#[test]
fn the_booking_row_names_the_day_and_the_hour_only_on_it() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at("2026-11-20T14:00:00+01:00"), Berlin);
    let (opens, _) = plan.span(rules.next_session.as_ref().unwrap());
    let cases = [
        (
            "2026-12-14T09:00:00+01:00",
            "session possible in 4 d 5 h · from Fri 18 Dec",
        ),
        (
            "2026-12-17T09:00:00+01:00",
            "session possible tomorrow · Fri 18 Dec",
        ),
        (
            "2026-12-18T09:00:00+01:00",
            "session possible in 5 h · from 14:00",
        ),
    ];
    for (now, want) in cases {
        assert_eq!(
            session_possible_row(&plan, at(now), opens, Wording::Short),
            want,
            "{now}"
        );
    }
}

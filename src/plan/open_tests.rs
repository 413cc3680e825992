//! Table tests of which days are open for tick-offs and check-ins (`open.rs`): midnight, the
//! next session coming up a week early, a plan that has ended, and the zone deciding today.

use super::*;
use crate::rules::Rules;
use chrono::DateTime;
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The built-in plan, treated on Friday 20 November 2026 at 14:00 in Berlin.
const TREATED: &str = "2026-11-20T14:00:00+01:00";

#[test]
fn a_day_opens_for_tick_offs_at_its_local_midnight() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let spf = rules.rule("sunscreen-spf30").unwrap();
    let prep = rules.rule("before-tell-provider").unwrap();
    let monday = at("2026-11-23T00:00:00+01:00");
    let cases = [
        // (day, now, open?)
        (3, "2026-11-22T23:59:59+01:00", true),
        (4, "2026-11-22T23:59:59+01:00", false),
        (4, "2026-11-23T00:00:00+01:00", true),
        (2, "2026-11-23T00:00:00+01:00", true),
        (10, "2026-11-22T09:00:00+01:00", false),
        // Preparation days are in the past once treated.
        (-3, "2026-11-22T09:00:00+01:00", true),
    ];
    for (day, now, open) in cases {
        let got = plan.may_tick(spf, day, at(now));
        assert_eq!(got.is_ok(), open, "Day {day} at {now}: {got:?}");
    }
    assert_eq!(
        plan.may_tick(spf, 4, at("2026-11-22T23:59:59+01:00")),
        Err(Closed::Ahead {
            day: 4,
            date: "2026-11-23".parse().unwrap(),
            opens: monday,
            today: 3
        })
    );
    let words = plan.may_tick(prep, 10, at("2026-11-22T09:00:00+01:00"));
    assert_eq!(
        words.unwrap_err().to_string(),
        "Day 10 (Sun 29 Nov) has not begun: it is Day 3 today"
    );
}

#[test]
fn the_next_session_can_be_booked_as_soon_as_it_comes_up() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let book = rules.rule("book-next-session").unwrap();
    let spf = rules.rule("sunscreen-spf30").unwrap();
    assert!(plan.books_next_session(book) && !plan.books_next_session(spf));
    // The window opens 672 h after the treatment, Fri 18 Dec 14:00 (Day 29); it comes up a
    // week before, Fri 11 Dec 14:00 (Day 22).
    let before = at("2026-12-11T13:59:00+01:00");
    let shown = at("2026-12-11T14:00:00+01:00");
    assert_eq!(
        plan.may_tick(book, 29, before),
        Err(Closed::Ahead {
            day: 29,
            date: "2026-12-18".parse().unwrap(),
            opens: shown,
            today: 22
        })
    );
    assert_eq!(plan.may_tick(book, 29, shown), Ok(()));
    // Any other task of Day 29 waits for that day.
    assert!(plan.may_tick(spf, 29, shown).is_err());
}

#[test]
fn check_ins_run_from_day_1_to_today_also_after_the_plan_ends() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let last = plan.last_day();
    assert_eq!(last, 43);
    let day_77 = at("2027-02-04T10:00:00+01:00");
    assert_eq!(plan.day_of(day_77), 77);
    let cases = [
        (1, true),
        (43, true),
        (77, true),
        (78, false),
        (0, false),
        (-6, false),
    ];
    for (day, open) in cases {
        assert_eq!(plan.may_check_in(day, day_77).is_ok(), open, "Day {day}");
    }
    assert_eq!(
        plan.may_check_in(0, day_77),
        Err(Closed::BeforeTreatment { day: 0 })
    );
}

#[test]
fn today_is_the_plan_day_of_now_in_the_plans_zone() {
    let rules = Rules::builtin().unwrap();
    let spf = rules.rule("sunscreen-spf30").unwrap();
    // 01:00 on Monday in Berlin is 19:00 on Sunday in New York: the same treatment, seen
    // from New York, is still on Day 3, so Day 4 is not open there yet.
    let now = at("2026-11-23T01:00:00+01:00");
    let berlin = Plan::new(&rules, at(TREATED), Berlin);
    let new_york = Plan::new(&rules, at(TREATED), New_York);
    assert_eq!(berlin.may_tick(spf, 4, now), Ok(()));
    assert!(matches!(
        new_york.may_tick(spf, 4, now),
        Err(Closed::Ahead { today: 3, .. })
    ));
}

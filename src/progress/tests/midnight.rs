//! Issue 15: the share never drops at midnight; a task joins the counts when it comes due.

use super::*;

/// Issue 15: the share dropped at midnight, when a new day's tasks joined before any could
/// be done. A task joins when it comes due (its slot begins), or once ticked; midnight adds
/// nothing. Treatment Fri 20 Nov 14:00; `a` and `b` ticked on Day 1.
#[test]
fn the_share_never_drops_at_midnight_tasks_join_as_they_come_due() {
    let rules = Rules::parse(RULES, "t").unwrap();
    let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap();
    // (now, extra ticks, done, due, percent, next change)
    type Case<'a> = (
        &'a str,
        &'a [(u32, &'a str)],
        usize,
        usize,
        u32,
        Option<&'a str>,
    );
    let cases: [Case<'_>; 8] = [
        // Day 1 late: `a` (18:00) and `b` (once), both done.
        ("2026-11-20T23:59:00+01:00", &[], 2, 2, 100, None),
        // Midnight: Day 2's `a` is due from 18:00, `c` from 20:00: nothing joins.
        (
            "2026-11-21T00:00:00+01:00",
            &[],
            2,
            2,
            100,
            Some("2026-11-21T18:00:00+01:00"),
        ),
        (
            "2026-11-21T00:05:00+01:00",
            &[],
            2,
            2,
            100,
            Some("2026-11-21T18:00:00+01:00"),
        ),
        // Ticked ahead of its slot, it counts at once.
        (
            "2026-11-21T00:05:00+01:00",
            &[(21, "a")],
            3,
            3,
            100,
            Some("2026-11-21T20:00:00+01:00"),
        ),
        // Its slot begun, `a` joins undone; then `c` in the evening.
        (
            "2026-11-21T18:00:00+01:00",
            &[],
            2,
            3,
            66,
            Some("2026-11-21T20:00:00+01:00"),
        ),
        ("2026-11-21T20:00:00+01:00", &[], 2, 4, 50, None),
        // Past the next midnight: still 2 of 4, until `c`'s morning slot at 08:00.
        (
            "2026-11-22T00:00:00+01:00",
            &[],
            2,
            4,
            50,
            Some("2026-11-22T08:00:00+01:00"),
        ),
        (
            "2026-11-22T08:00:00+01:00",
            &[],
            2,
            5,
            40,
            Some("2026-11-22T18:00:00+01:00"),
        ),
    ];
    for (now, extra, done, due, percent, next) in cases {
        let ticks = [&[(20, "a"), (20, "b")][..], extra].concat();
        let s = session(&ticks);
        let plan = Plan::new(&rules, s.at, Berlin);
        let p = Progress::of(&plan, Some(&s), at(now));
        assert_eq!((p.done, p.due), (done, due), "at {now} with {extra:?}");
        assert_eq!(p.percent(), Some(percent), "at {now}");
        assert_eq!(p.changes_at, next.map(at), "at {now}");
    }
}

/// The built-in plan across every midnight of its six weeks, with every task ticked on odd
/// days only: the share a minute after midnight is never below the share a minute before.
#[test]
fn the_builtin_plans_share_never_drops_across_a_midnight() {
    let rules = Rules::builtin().unwrap();
    let s = session(&[]);
    let plan = Plan::new(&rules, s.at, Berlin);
    let mut ticked = s.clone();
    for day in (1..=plan.last_day()).step_by(2) {
        let date = plan.date_of(day);
        for task in plan.day(day).tasks {
            ticked.ticks.entry(date).or_default().insert(task.id());
        }
    }
    for day in 1..plan.last_day() {
        let midnight = plan.day_bounds(plan.date_of(day)).1;
        let minute = chrono::Duration::minutes(1);
        let before = Progress::of(&plan, Some(&ticked), midnight - minute);
        let after = Progress::of(&plan, Some(&ticked), midnight + minute);
        assert!(
            after.share() >= before.share(),
            "Day {day} → {}: {:?} → {:?}",
            day + 1,
            before.percent(),
            after.percent()
        );
        // Only tasks already ticked (ahead of time) can join at midnight.
        assert_eq!(
            after.due - after.done,
            before.due - before.done,
            "nothing undone joins at midnight (Day {day})"
        );
    }
}

use super::*;
use crate::rules::Rules;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;

/// Treatment Fri 20 Nov 14:00: `a` daily at 18:00 on Days 1–4 (after the treatment, so on
/// Day 1 too: see `a_slot_before_the_treatment_on_its_day_is_not_counted`), `b` once on Days 1–4, `c` morning and
/// evening from 24 h to 43 h (Day 2 evening, Day 3 morning until 09:00), `p` daily on the two days before.
const RULES: &str = r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d","rules":[
  {"id":"a","title":"A","kind":"do","at":"18:00","from_hours":0,"until_hours":72,"rationale":"r","sources":[]},
  {"id":"b","title":"B","kind":"do","repeat":"once","from_hours":0,"until_hours":72,"rationale":"r","sources":[]},
  {"id":"c","title":"C","kind":"do","repeat":"morning_and_evening","from_hours":24,"until_hours":43,"rationale":"r","sources":[]},
  {"id":"p","title":"P","kind":"avoid","from_hours":-48,"until_hours":0,"rationale":"r","sources":[]}]}"#;

fn session(ticks: &[(u32, &str)]) -> Session {
    let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
    let mut s = Session::new(at);
    for (day, id) in ticks {
        let date = NaiveDate::from_ymd_opt(2026, 11, *day).unwrap();
        s.ticks.entry(date).or_default().insert((*id).to_string());
    }
    s
}

/// The last moment of plan day `day`: every slot of it has come due.
fn late_on<Tz: chrono::TimeZone>(plan: &Plan<'_, Tz>, day: i64) -> DateTime<chrono::FixedOffset> {
    plan.day_bounds(plan.date_of(day)).1 - chrono::Duration::seconds(1)
}

fn progress(ticks: &[(u32, &str)], today: i64) -> Progress {
    let rules = Rules::parse(RULES, "t").unwrap();
    let s = session(ticks);
    let plan = Plan::new(&rules, s.at, Berlin);
    Progress::of(&plan, Some(&s), late_on(&plan, today))
}

const TICKS: &[(u32, &str)] = &[
    (20, "a"),
    (20, "b"),
    (21, "a"),
    (21, "c@evening"),
    (22, "a"),
];

#[test]
fn days_count_their_own_tasks_and_a_once_task_on_the_day_it_was_done() {
    let p = progress(TICKS, 3);
    let counts: Vec<(i64, usize, usize)> =
        p.days.iter().map(|d| (d.day, d.done, d.total)).collect();
    assert_eq!(
        counts,
        [
            (-1, 0, 1),
            (0, 0, 1),
            // a, and b ticked on Day 1: b is on Day 1 only.
            (1, 2, 2),
            (2, 2, 2),
            (3, 1, 2),
            // Still ahead: not derived (it is drawn as "still ahead" whatever it holds).
            (4, 0, 0)
        ]
    );
    // Not ticked, b is on no day until its window's last (Day 4), where it is not done
    // (beside Day 4's a).
    let unticked = &[(20, "a"), (21, "a"), (22, "a")];
    let counts = |today| -> Vec<(i64, usize, usize)> {
        let p = progress(unticked, today);
        p.days
            .iter()
            .filter(|d| d.day >= 1)
            .map(|d| (d.day, d.done, d.total))
            .collect()
    };
    assert_eq!(counts(3), [(1, 1, 1), (2, 1, 2), (3, 1, 2), (4, 0, 0)]);
    assert_eq!(counts(4), [(1, 1, 1), (2, 1, 2), (3, 1, 2), (4, 0, 2)]);
}

#[test]
fn the_booking_ticked_when_it_comes_up_shades_that_day_not_its_window() {
    let rules = Rules::builtin().unwrap();
    let s = |ticked: bool| {
        let mut s = session(&[]);
        if ticked {
            // Day 22, Fri 11 Dec: the booking has come up (a week before its window opens).
            let day_22 = NaiveDate::from_ymd_opt(2026, 12, 11).unwrap();
            s.ticks
                .entry(day_22)
                .or_default()
                .insert("book-next-session".into());
        }
        s
    };
    let (booked, not) = (s(true), s(false));
    let plan = Plan::new(&rules, booked.at, Berlin);
    let at_43 = late_on(&plan, 43);
    let (yes, no) = (
        Progress::of(&plan, Some(&booked), at_43),
        Progress::of(&plan, Some(&not), at_43),
    );
    let day = |p: &Progress, d: i64| p.day(d).map(|d| (d.done, d.total)).unwrap();
    // The daily tasks, none ticked, are the same in both; the booking adds one, done, to
    // the day it was booked ...
    let (booked_22, plain_22) = (day(&yes, 22), day(&no, 22));
    assert_eq!(booked_22, (1, plain_22.1 + 1), "the day it was booked");
    assert_eq!(plain_22.0, 0);
    // ... and nothing to the days of its window, where nothing was done.
    for d in 29..43 {
        assert_eq!(day(&yes, d), day(&no, d), "Day {d}");
        assert_eq!(day(&yes, d).0, 0, "Day {d}: shaded as some done");
    }
    // Never booked, it is missed on its window's last day.
    assert_eq!(day(&no, 43).1, day(&yes, 43).1 + 1);
    assert_eq!(yes.done - no.done, 1);
    assert_eq!(yes.due, no.due);
    // Booked on Day 22, it counts in the share from then on, as a task ticked ahead does.
    let at_25 = late_on(&plan, 25);
    let (early, plain) = (
        Progress::of(&plan, Some(&booked), at_25),
        Progress::of(&plan, Some(&not), at_25),
    );
    assert_eq!((early.done, early.due), (1, plain.due + 1));
}

#[test]
fn due_counts_recovery_days_up_to_today_and_once_tasks_once() {
    let p = progress(TICKS, 3);
    // a on Days 1–3, c twice, b once; the preparation days are not counted.
    assert_eq!((p.done, p.due), (5, 6));
    assert_eq!(p.percent(), Some(83));
    let later = progress(TICKS, 4);
    assert_eq!((later.done, later.due), (5, 7));
    // A finished plan counts every day; "today" long after it changes nothing.
    assert_eq!(progress(TICKS, 40).due, later.due);
    assert_eq!(progress(TICKS, 0).share(), None);
}

#[test]
fn an_open_today_does_not_break_the_streak_but_a_missed_day_does() {
    assert_eq!(progress(TICKS, 3).streak, 2);
    assert_eq!(progress(TICKS, 4).streak, 0);
    let all = [TICKS, &[(22, "c@morning")]].concat();
    assert_eq!(progress(&all, 3).streak, 3);
    assert_eq!(progress(&all, 4).streak, 3);
    assert_eq!(progress(&[], 1).streak, 0);
    // The best run is kept after a missed day.
    assert_eq!(progress(TICKS, 4).best_streak, 2);
}

#[test]
fn shades_grow_with_the_share_done_and_never_round_up_to_all() {
    let p = progress(TICKS, 3);
    let shade = |day| p.day(day).unwrap().shade(3);
    assert_eq!(shade(1), Shade::Done(4));
    assert_eq!(shade(3), Shade::Done(2));
    assert_eq!(shade(4), Shade::Future);
    let day = DayProgress {
        day: 1,
        date: p.days[0].date,
        done: 9,
        total: 10,
    };
    assert_eq!(day.shade(1), Shade::Done(3));
    assert_eq!(DayProgress { done: 0, ..day }.shade(1), Shade::Done(0));
    assert_eq!(
        DayProgress {
            total: 0,
            done: 0,
            ..day
        }
        .shade(1),
        Shade::Empty
    );
}

/// `n` is done as needed: shown and tickable, never counted, ticked or not.
const AS_NEEDED: &str = r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d","rules":[
  {"id":"a","title":"A","kind":"do","at":"18:00","from_hours":0,"until_hours":72,"rationale":"r","sources":[]},
  {"id":"n","title":"N","kind":"do","as_needed":true,"from_hours":0,"until_hours":72,"rationale":"r","sources":[]}]}"#;

#[test]
fn a_task_done_as_needed_never_counts() {
    let rules = Rules::parse(AS_NEEDED, "t").unwrap();
    for ticks in [&[][..], &[(20, "n"), (21, "n"), (21, "a")][..]] {
        let s = session(ticks);
        let plan = Plan::new(&rules, s.at, Berlin);
        let p = Progress::of(&plan, Some(&s), late_on(&plan, 3));
        assert_eq!(p.due, 3, "{ticks:?}");
        assert_eq!(p.done, usize::from(!ticks.is_empty()));
        assert_eq!(p.day(2).unwrap().total, 1);
    }
}

#[test]
fn slots_over_before_the_treatment_was_recorded_are_not_missed() {
    let rules = Rules::parse(RULES, "t").unwrap();
    let recorded = |ticks: &[(u32, &str)], when: &str| {
        let mut s = session(ticks);
        s.recorded = Some(DateTime::parse_from_rfc3339(when).unwrap());
        let plan = Plan::new(&rules, s.at, Berlin);
        Progress::of(&plan, Some(&s), late_on(&plan, 3))
    };
    // Recorded on Day 2 at 10:00: Day 1's `a` (due until midnight) was over; Day 2's `a`,
    // `c` that evening and the next morning, and `b` (open until Day 3) still count.
    let late = recorded(&[], "2026-11-21T10:00:00+01:00");
    assert_eq!((late.done, late.due), (0, 5));
    // Day 1 keeps nothing: `a` was over, and `b` is on the day it is done (or its last).
    assert_eq!(late.day(1).unwrap().total, 0);
    assert_eq!(late.percent(), Some(0));
    // A tick the patient gave Day 1 anyway counts as done.
    let ticked = recorded(&[(20, "a")], "2026-11-21T10:00:00+01:00");
    assert_eq!((ticked.done, ticked.due), (1, 6));
    // Recorded at the treatment (or before it), or not known (an older file): all counts.
    let on_time = recorded(&[], "2026-11-20T14:00:00+01:00");
    assert_eq!(on_time.due, 6);
    assert_eq!(progress(&[], 3).due, 6);
    // Recorded on Day 3 at 08:30, during the morning slot of `c` (08:00–09:00): it counts.
    let day3 = recorded(&[], "2026-11-22T08:30:00+01:00");
    assert_eq!(day3.due, 3, "a on Day 3, c that morning, and b");
}

#[test]
fn a_slot_before_the_treatment_on_its_day_is_not_counted() {
    // `m` morning and evening; treated at 10:00 on Day 1 (Fri 20 Nov), after 08:00.
    const RULES: &str = r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d","rules":[
      {"id":"m","title":"M","kind":"do","repeat":"morning_and_evening","from_hours":0,"until_hours":72,"rationale":"r","sources":[]}]}"#;
    let rules = Rules::parse(RULES, "t").unwrap();
    // (ticks, today, done, due): on Day 1 only the evening counts, even with the morning
    // ticked there.
    type Case<'a> = (&'a [(u32, &'a str)], i64, usize, usize);
    let cases: [Case<'_>; 4] = [
        (&[], 1, 0, 1),
        (&[(20, "m@morning")], 1, 0, 1),
        (&[(20, "m@evening")], 1, 1, 1),
        (&[(20, "m@evening"), (21, "m@morning")], 2, 2, 3),
    ];
    for (ticks, today, done, due) in cases {
        let mut s = session(ticks);
        s.at = DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, s.at, Berlin);
        let p = Progress::of(&plan, Some(&s), late_on(&plan, today));
        assert_eq!((p.done, p.due), (done, due), "{ticks:?} on Day {today}");
        assert_eq!(p.day(1).unwrap().total, 1);
    }
}

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

/// Issue 15: after a 23:30 treatment nothing of Day 1 had time to be done or kept, so at 00:10
/// nothing counts against the patient; two hours (a 22:00 treatment) are time enough.
#[test]
fn what_the_treatment_left_no_time_for_is_not_counted() {
    let rules = Rules::builtin().unwrap();
    let at = |t: &str| DateTime::parse_from_rfc3339(t).unwrap();
    // (treatment, now, due, Day 1's total)
    let cases = [
        (
            "2026-11-20T23:30:00+01:00",
            "2026-11-20T23:40:00+01:00",
            0,
            0,
        ),
        (
            "2026-11-20T23:30:00+01:00",
            "2026-11-21T00:10:00+01:00",
            0,
            0,
        ),
        // Day 2 at 09:00: its morning routine (2), daily tasks (3) and what to avoid (8).
        (
            "2026-11-20T23:30:00+01:00",
            "2026-11-21T09:00:00+01:00",
            13,
            0,
        ),
        // At 22:00 the eight things to avoid and the two daily tasks count on Day 1 (the
        // patient's own sunscreen starts on Day 2).
        (
            "2026-11-20T22:00:00+01:00",
            "2026-11-21T00:10:00+01:00",
            10,
            10,
        ),
        (
            "2026-11-20T22:01:00+01:00",
            "2026-11-21T00:10:00+01:00",
            0,
            0,
        ),
    ];
    for (treated, now, due, day1) in cases {
        let mut s = session(&[]);
        s.at = at(treated);
        let plan = Plan::new(&rules, s.at, Berlin);
        let p = Progress::of(&plan, Some(&s), at(now));
        assert_eq!(p.due, due, "treated {treated}, at {now}");
        assert_eq!(p.day(1).unwrap().total, day1, "treated {treated}");
    }
    // Kept anyway and ticked, it counts as done.
    let mut s = session(&[(20, "no-makeup")]);
    s.at = at("2026-11-20T23:30:00+01:00");
    let plan = Plan::new(&rules, s.at, Berlin);
    let p = Progress::of(&plan, Some(&s), at("2026-11-21T00:10:00+01:00"));
    assert_eq!((p.done, p.due), (1, 1));
}

/// `m` to avoid for 48 h (until Sun 22 Nov 14:00, Day 3), `a` daily at 18:00, for 5 days.
const LIFTS: &str = r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d","rules":[
  {"id":"a","title":"A","kind":"do","at":"18:00","from_hours":0,"until_hours":120,"rationale":"r","sources":[]},
  {"id":"m","title":"M","kind":"avoid","from_hours":0,"until_hours":48,"rationale":"r","sources":[]}]}"#;

#[test]
fn a_restriction_not_kept_is_not_counted_on_its_day_once_it_has_lifted() {
    let rules = Rules::parse(LIFTS, "t").unwrap();
    let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap();
    // (ticks, now, Day 3's (done, total), all (done, due)); `a` joins at 18:00 each day.
    type Case<'a> = (
        &'a [(u32, &'a str)],
        &'a str,
        (usize, usize),
        (usize, usize),
    );
    let cases: [Case<'_>; 5] = [
        // Day 3 before 14:00: `m` still holds and counts, on Day 3 as on Days 1 and 2.
        (&[], "2026-11-22T13:59:00+01:00", (0, 2), (0, 5)),
        (&[(22, "m")], "2026-11-22T13:59:00+01:00", (1, 2), (1, 5)),
        // From 14:00 it is lifted: nothing left to keep on Day 3. Not ticked, it leaves the
        // counts; kept (ticked) that day, it stays counted, so no count drops at 14:00.
        (&[], "2026-11-22T14:00:00+01:00", (0, 1), (0, 4)),
        (&[(22, "m")], "2026-11-22T14:00:00+01:00", (1, 2), (1, 5)),
        // Days 1 and 2 held it all day: there it counts for good.
        (
            &[(20, "m"), (21, "m")],
            "2026-11-24T19:00:00+01:00",
            (0, 1),
            (2, 7),
        ),
    ];
    for (ticks, now, day3, all) in cases {
        let s = session(ticks);
        let plan = Plan::new(&rules, s.at, Berlin);
        let now = at(now);
        let p = Progress::of(&plan, Some(&s), now);
        let d3 = p.day(3).unwrap();
        assert_eq!((d3.done, d3.total), day3, "{ticks:?} at {now}");
        assert_eq!((p.done, p.due), all, "{ticks:?} at {now}");
    }
    // Before it lifts, the progress says when it changes next: at the lift.
    let s = session(&[]);
    let plan = Plan::new(&rules, s.at, Berlin);
    let p = Progress::of(&plan, Some(&s), at("2026-11-22T10:00:00+01:00"));
    assert_eq!(p.changes_at, Some(at("2026-11-22T14:00:00+01:00")));
}

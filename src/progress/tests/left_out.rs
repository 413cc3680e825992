//! What the share leaves out: tasks done as needed, slots over before the treatment was
//! recorded or before the treatment itself, what it left no time for, and restrictions not
//! kept once they lift.

use super::*;

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
        // Day 2 at 09:00: its morning routine (2) and daily tasks (3); what to avoid is
        // never counted.
        (
            "2026-11-20T23:30:00+01:00",
            "2026-11-21T09:00:00+01:00",
            5,
            0,
        ),
        // At 22:00 the two daily tasks count on Day 1 (the patient's own sunscreen starts on
        // Day 2).
        (
            "2026-11-20T22:00:00+01:00",
            "2026-11-21T00:10:00+01:00",
            2,
            2,
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
    // Its slot was before the treatment (`Plan::is_before_treatment`): not the patient's,
    // so not counted even where ticked.
    let mut s = session(&[(20, "drink-water")]);
    s.at = at("2026-11-20T23:30:00+01:00");
    let plan = Plan::new(&rules, s.at, Berlin);
    let p = Progress::of(&plan, Some(&s), at("2026-11-21T00:10:00+01:00"));
    assert_eq!((p.done, p.due), (0, 0));
}

/// `m` to avoid for 48 h (until Sun 22 Nov 14:00, Day 3), `a` daily at 18:00, for 5 days.
const LIFTS: &str = r#"{"format":2,"name":"t","procedure":"t","disclaimer":"d","rules":[
  {"id":"a","title":"A","kind":"do","at":"18:00","from_hours":0,"until_hours":120,"rationale":"r","sources":[]},
  {"id":"m","title":"M","kind":"avoid","from_hours":0,"until_hours":48,"rationale":"r","sources":[]}]}"#;

#[test]
fn a_restriction_is_never_counted_kept_or_not() {
    let rules = Rules::parse(LIFTS, "t").unwrap();
    let at = |text: &str| DateTime::parse_from_rfc3339(text).unwrap();
    // (ticks, now, Day 3's (done, total), all (done, due)); `a` joins at 18:00 each day.
    type Case<'a> = (
        &'a [(u32, &'a str)],
        &'a str,
        (usize, usize),
        (usize, usize),
    );
    // Counted, a patient who did every task and ticked no restriction had read "4/12" and
    // a longest streak of 0 days (walker P, round 10): `m` is in no count, before it lifts
    // or after, ticked as kept or not. Only `a` counts, from Day 1 at 18:00.
    let cases: [Case<'_>; 5] = [
        (&[], "2026-11-22T13:59:00+01:00", (0, 1), (0, 2)),
        (&[(22, "m")], "2026-11-22T13:59:00+01:00", (0, 1), (0, 2)),
        (&[], "2026-11-22T14:00:00+01:00", (0, 1), (0, 2)),
        (&[(22, "m")], "2026-11-22T14:00:00+01:00", (0, 1), (0, 2)),
        (
            &[(20, "m"), (21, "m"), (22, "a")],
            "2026-11-24T19:00:00+01:00",
            (1, 1),
            (1, 5),
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
    // The lift changes no count: the progress changes next when `a` comes due.
    let s = session(&[]);
    let plan = Plan::new(&rules, s.at, Berlin);
    let p = Progress::of(&plan, Some(&s), at("2026-11-22T10:00:00+01:00"));
    assert_eq!(p.changes_at, Some(at("2026-11-22T18:00:00+01:00")));
}

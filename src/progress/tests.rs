//! Table tests of progress: the days, the heat map's shades and the streaks here; what the
//! share leaves out (`left_out`) and how it moves across a midnight (`midnight`) beside.

use super::*;
use crate::rules::Rules;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;

mod left_out;
mod midnight;

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
            // `p` is something to avoid: never counted.
            (-1, 0, 0),
            (0, 0, 0),
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

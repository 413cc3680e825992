//! What a reminder says and notifies at fixed moments of the built-in plan, treated on
//! Friday 20 March 2026 at 14:00 in Berlin (the clocks go forward on Day 10).

use super::*;
use crate::rules::Rules;
use chrono::NaiveDate;
use chrono_tz::Europe::Berlin;
use std::collections::BTreeSet;

/// Nothing notified yet.
impl Known for () {
    fn task_notified(&self, _: NaiveDate, _: &str) -> bool {
        false
    }
    fn notice_notified(&self, _: &str) -> bool {
        false
    }
}

/// Task and notice keys in sets, for tests.
impl Known for Memory {
    fn task_notified(&self, date: NaiveDate, id: &str) -> bool {
        self.0.contains(&(date, id.to_string()))
    }
    fn notice_notified(&self, key: &str) -> bool {
        self.1.contains(key)
    }
}

fn at(text: &str) -> Instant {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const TREATED: &str = "2026-03-20T14:00:00+01:00";

type Memory = (BTreeSet<(NaiveDate, String)>, BTreeSet<String>);

fn ids(due: &[DueTask<'_>]) -> Vec<String> {
    due.iter().map(|d| d.id.clone()).collect()
}

fn keys(notices: &[Notice]) -> Vec<String> {
    notices.iter().map(|n| n.key.clone()).collect()
}

#[test]
fn due_tasks_are_notified_once_per_slot_and_never_once_ticked() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let mut ticks = Ticks::new();
    let mut memory = Memory::default();
    let morning = at("2026-03-22T08:05:00+01:00");
    let r = Reminder::at(&plan, &ticks, morning, None, &memory, false);
    // The morning routine and the sunscreen, due at 08:00 before the patient goes out.
    let at_eight = [
        "gentle-cleanser@morning",
        "moisturize@morning",
        "sunscreen-spf30",
    ];
    assert_eq!(ids(&r.notify_tasks), at_eight);
    assert!(r.anything_due());
    for d in &r.notify_tasks {
        memory.0.insert((d.date, d.id.clone()));
    }
    // Five minutes later: still due, already notified.
    let later = at("2026-03-22T08:10:00+01:00");
    let r = Reminder::at(&plan, &ticks, later, Some(morning), &memory, false);
    assert_eq!(ids(&r.due), at_eight);
    assert!(r.notify_tasks.is_empty());
    // Ticked: neither due nor notified; the other daily tasks come at 09:00.
    let date = NaiveDate::from_ymd_opt(2026, 3, 22).unwrap();
    for id in at_eight {
        ticks.entry(date).or_default().insert(id.into());
    }
    let r = Reminder::at(&plan, &ticks, later, Some(morning), &memory, false);
    assert!(!r.anything_due() && r.notify_tasks.is_empty());
    let nine = at("2026-03-22T09:00:00+01:00");
    let r = Reminder::at(&plan, &ticks, nine, Some(later), &memory, false);
    // The daily ones that count: the cold compress, the hat and following the provider's
    // instructions are done as needed, never reminded of.
    assert_eq!(ids(&r.notify_tasks), ["drink-water", "eat-for-healing"]);
    // The same task the next morning is another slot.
    let next = at("2026-03-23T08:00:00+01:00");
    let r = Reminder::at(&plan, &ticks, next, Some(nine), &memory, false);
    assert_eq!(ids(&r.notify_tasks), at_eight);
}

#[test]
fn notices_since_the_last_reminder_and_notified_only_while_fresh() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let ticks = Ticks::new();
    let none = Memory::default();
    let lifted_48h = ["no-makeup.lifted", "no-heavy-sweating.lifted"];
    // 48 h after the treatment: exactly at the moment, it has happened.
    let two_pm = at("2026-03-22T14:00:00+01:00");
    let r = Reminder::at(
        &plan,
        &ticks,
        two_pm,
        Some(at("2026-03-22T13:55:00+01:00")),
        &none,
        false,
    );
    assert_eq!(keys(&r.notices), lifted_48h);
    assert_eq!(r.notices[0].words, "Makeup is fine again");
    assert!(r.notices[0].lifts);
    assert_eq!(keys(&r.notify_notices), lifted_48h);
    // The next run (last = 14:00) does not say it again.
    let r = Reminder::at(
        &plan,
        &ticks,
        at("2026-03-22T14:05:00+01:00"),
        Some(two_pm),
        &none,
        false,
    );
    assert!(r.notices.is_empty());
    // The first run ever says what ended since the start of today ...
    let r = Reminder::at(
        &plan,
        &ticks,
        at("2026-03-22T20:00:00+01:00"),
        None,
        &none,
        false,
    );
    assert_eq!(keys(&r.notices), lifted_48h);
    // ... and a timer that starts on Day 12 does not announce Day 3's news.
    let r = Reminder::at(
        &plan,
        &ticks,
        at("2026-03-31T09:00:00+02:00"),
        None,
        &none,
        false,
    );
    assert!(r.notify_notices.is_empty() && r.notices.is_empty());
    // Notified once: not again, even if a plain `remind` moved the last reminder on.
    let told: Memory = (
        BTreeSet::new(),
        lifted_48h.iter().map(|k| k.to_string()).collect(),
    );
    let r = Reminder::at(
        &plan,
        &ticks,
        at("2026-03-22T15:00:00+01:00"),
        None,
        &told,
        false,
    );
    assert!(r.notify_notices.is_empty());
    assert_eq!(keys(&r.notices), lifted_48h, "the text still says it");
}

#[test]
fn the_next_session_comes_up_a_week_early_across_the_spring_change() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let ticks = Ticks::new();
    // 672 h after 20 March 14:00 CET is 17 April 15:00 CEST; a week earlier on the wall is
    // 10 April 15:00.
    let r = Reminder::at(
        &plan,
        &ticks,
        at("2026-04-10T15:00:00+02:00"),
        Some(at("2026-04-10T14:55:00+02:00")),
        &(),
        false,
    );
    assert_eq!(keys(&r.notices), ["next-session.coming-up"]);
    assert_eq!(
        r.notices[0].words,
        "Your next session is possible from Fri 17 Apr 15:00: time to book it"
    );
    let r = Reminder::at(
        &plan,
        &ticks,
        at("2026-04-17T15:02:00+02:00"),
        Some(at("2026-04-17T14:57:00+02:00")),
        &(),
        false,
    );
    assert_eq!(keys(&r.notices), ["next-session.opens"]);
    assert_eq!(
        r.notices[0].words,
        "Your next session is due now, until Fri 1 May 15:00"
    );
    assert_eq!(
        ids(&r.due).last().map(String::as_str),
        Some("book-next-session")
    );
}

#[test]
fn after_the_plan_nothing_is_due() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let r = Reminder::at(
        &plan,
        &Ticks::new(),
        at("2026-06-01T09:00:00+02:00"),
        None,
        &(),
        false,
    );
    assert!(r.plan_over && !r.anything_due());
}

/// The plan is over on its last day once every window has closed, as the screen and `today`
/// say: Day 43 of the built-in plan at the treatment's hour, not before it.
#[test]
fn the_plan_is_over_on_its_last_day_once_its_windows_close() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let last = plan.date_of(plan.last_day());
    let treated = at(TREATED).with_timezone(&Berlin).time();
    let on_last_day = |hour_offset: i64| {
        let moment = last.and_time(treated) + Duration::hours(hour_offset);
        let now = moment.and_local_timezone(Berlin).unwrap().fixed_offset();
        Reminder::at(&plan, &Ticks::new(), now, None, &(), false).plan_over
    };
    assert!(!on_last_day(-1));
    assert!(on_last_day(1));
}

/// With a later treatment recorded (`State::is_followed`) the next session exists: no "time
/// to book it", no booking task due; its window still opens.
#[test]
fn a_recorded_next_session_is_not_asked_to_be_booked() {
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATED), Berlin);
    let ticks = Ticks::new();
    let coming_up = at("2026-04-10T15:00:00+02:00");
    let since = Some(at("2026-04-10T14:55:00+02:00"));
    let r = Reminder::at(&plan, &ticks, coming_up, since, &(), true);
    assert!(r.notices.is_empty() && r.notify_notices.is_empty(), "{r:?}");
    let opens = at("2026-04-17T15:02:00+02:00");
    let since = Some(at("2026-04-17T14:57:00+02:00"));
    let r = Reminder::at(&plan, &ticks, opens, since, &(), true);
    assert_eq!(keys(&r.notices), ["next-session.opens"]);
    // Not "due": the patient has the appointment.
    assert_eq!(
        r.notices[0].words,
        "The window for your next session is open, until Fri 1 May 15:00: keep the \
         appointment you booked"
    );
    assert!(!ids(&r.due).contains(&"book-next-session".to_string()));
    assert!(!ids(&r.notify_tasks).contains(&"book-next-session".to_string()));
}

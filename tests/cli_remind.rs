//! `aftercare remind` as a patient and a timer use it: what it prints at given moments of the
//! built-in plan and its exit status. tests/cli_remind_notify.rs has its notifications,
//! tests/cli_remind_install.rs the timer.

mod cli_common;

use cli_common::*;
use predicates::str::contains;

/// Exit statuses `remind` documents.
const SOMETHING_DUE: i32 = 0;
const NOTHING_DUE: i32 = 3;

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// `remind` at `now`: its output and exit status.
fn remind(p: &Patient, now: &str, args: &[&str]) -> (String, i32) {
    let out = p.at(now).arg("remind").args(args).assert();
    let code = out.get_output().status.code().unwrap();
    (stdout(&out), code)
}

#[test]
fn prints_what_is_due_at_the_moment_and_stays_silent_once_ticked() {
    let p = Patient::treated();
    // Day 3, before the morning: nothing due yet, said when run by hand; with --notify
    // (run by a timer) nothing is printed.
    assert_eq!(
        remind(&p, "2026-11-22 07:30", &[]),
        (
            "Nothing is due right now. `aftercare today` shows the whole day.\n".to_string(),
            NOTHING_DUE
        )
    );
    assert_eq!(
        remind(&p, "2026-11-22 07:31", &["--notify"]),
        (String::new(), NOTHING_DUE)
    );
    let (text, code) = remind(&p, "2026-11-22 08:00", &[]);
    assert_eq!(code, SOMETHING_DUE);
    assert_eq!(
        text,
        "Due now · Sun 22 Nov 08:00 · Day 3 of recovery\n\
         \x20 [ ] Use a gentle, fragrance-free cleanser    since 08:00 · until 12:00\n\
         \x20     gentle-cleanser@morning\n\
         \x20 [ ] Moisturize (hyaluronic acid, ceramides)  since 08:00 · until 12:00\n\
         \x20     moisturize@morning\n\
         \x20 [ ] Apply SPF 30+ sunscreen                  since 08:00\n\
         \x20     sunscreen-spf30\n\
         Tick each off when done: aftercare check ID\n"
    );
    for id in [
        "gentle-cleanser@morning",
        "moisturize@morning",
        "sunscreen-spf30",
    ] {
        p.at("2026-11-22 08:20")
            .args(["check", id])
            .assert()
            .success();
    }
    assert_eq!(
        remind(&p, "2026-11-22 08:30", &[]),
        (
            "Nothing is due right now. `aftercare today` shows the whole day.\n".to_string(),
            NOTHING_DUE
        )
    );
    // 09:00: the other daily tasks that count; the cold compress is done as needed, never
    // due.
    let (text, code) = remind(&p, "2026-11-22 09:00", &[]);
    assert_eq!(code, SOMETHING_DUE);
    assert!(
        text.contains(
            "  [ ] Drink plenty of water                    since 09:00\n      drink-water\n"
        ),
        "{text}"
    );
    assert!(!text.contains("sunscreen"), "ticked: {text}");
    assert!(!text.contains("Cold compress"), "{text}");
    assert!(!text.contains("@morning"), "ticked: {text}");
}

#[test]
fn says_when_a_restriction_ends_once() {
    let p = Patient::treated();
    for id in [
        "sunscreen-spf30",
        "drink-water",
        "eat-for-healing",
        "wide-brim-hat",
        "follow-provider-instructions",
        "cold-compress",
    ] {
        p.at("2026-11-22 13:00")
            .args(["check", id])
            .assert()
            .success();
    }
    remind(&p, "2026-11-22 13:55", &[]);
    // 48 h after Friday 14:00: makeup and workouts are fine again.
    let (text, code) = remind(&p, "2026-11-22 14:00", &[]);
    assert_eq!(
        text,
        "Since the last reminder\n\
         \x20 ✓ 14:00  Makeup is fine again\n\
         \x20 ✓ 14:00  Workouts and sweating are fine again\n"
    );
    assert_eq!(code, NOTHING_DUE, "news is not a task");
    assert_eq!(
        remind(&p, "2026-11-22 14:05", &[]).0,
        "Nothing is due right now. `aftercare today` shows the whole day.\n",
        "said once"
    );
}

#[test]
fn due_times_stay_on_the_wall_clock_on_the_sunday_the_clocks_go_forward() {
    let p = Patient::new();
    p.at("2026-03-27 14:00").arg("start").assert().success();
    // Sunday 29 March, Day 3: 08:00 and 09:00 summer time.
    assert_eq!(remind(&p, "2026-03-29 07:59", &[]).1, NOTHING_DUE);
    let (text, _) = remind(&p, "2026-03-29 08:00", &[]);
    assert!(
        text.starts_with("Due now · Sun 29 Mar 08:00 · Day 3 of recovery\n"),
        "{text}"
    );
    assert!(text.contains("since 08:00 · until 12:00"));
    // 48 h after Friday 14:00 CET is 15:00 CEST.
    let (text, _) = remind(&p, "2026-03-29 15:00", &[]);
    assert!(text.contains("✓ 15:00  Makeup is fine again"), "{text}");
    let (text, _) = remind(&p, "2026-03-29 14:59", &[]);
    assert!(!text.contains("Makeup"), "{text}");
}

#[test]
fn without_a_treatment_or_after_the_plan_nothing_is_due() {
    let p = Patient::new();
    p.at(DAY3).arg("remind").assert().code(NOTHING_DUE).stdout(
        "No treatment recorded yet, so nothing is due. Record one with `aftercare start`.\n",
    );
    p.at(DAY3)
        .args(["remind", "--quiet"])
        .assert()
        .code(NOTHING_DUE)
        .stdout("");
    let p = Patient::treated();
    p.at("2027-02-01 09:00")
        .arg("remind")
        .assert()
        .code(NOTHING_DUE)
        .stdout(contains(
            "The plan ended on Fri 1 Jan 2027: no more tasks are due.",
        ));
    // On the last day itself, once its windows close at the treatment's 14:00, as the
    // screen and `today` say: not silence until the next day.
    p.at("2027-01-01 15:00")
        .arg("remind")
        .assert()
        .code(NOTHING_DUE)
        .stdout(contains(
            "The plan ended on Fri 1 Jan 2027: no more tasks are due.",
        ));
}

#[test]
fn bad_usage_is_status_2() {
    let p = Patient::treated();
    p.bare()
        .args(["remind", "--notify", "install"])
        .assert()
        .code(2);
    p.bare()
        .args(["remind", "install", "--later"])
        .assert()
        .code(2);
}

#[test]
fn every_line_fits_80_columns_however_long_the_words() {
    let p = Patient::treated();
    remind(&p, "2026-11-27 13:55", &[]);
    // Day 8, 14:00: the first week's five restrictions end together.
    let (text, _) = remind(&p, "2026-11-27 14:00", &[]);
    assert!(
        text.contains(
            "Since the last reminder\n  ✓ 14:00  Time in the sun is fine again with SPF 30+, \
             reapplied often\n"
        ),
        "{text}"
    );
    assert_eq!(text.matches("  ✓ 14:00  ").count(), 5);
    // A clinic's long title and long words for a lifted restriction get lines of their own.
    let long = "Rinse with the saline solution from your aftercare kit and pat the skin dry \
                with a clean towel";
    let lifted = "Swimming pools, saunas and steam rooms are fine again, as long as the skin is \
                  no longer red";
    let plan = format!(
        r#"{{"format": 2, "name": "Long", "procedure": "Test", "disclaimer": "Not advice.",
        "rules": [{{"id": "rinse", "title": "{long}", "kind": "do", "from_hours": 0,
        "until_hours": 72, "rationale": "r", "sources": []}},
        {{"id": "no-pool", "title": "No pools", "kind": "avoid", "from_hours": 0,
        "until_hours": 19, "lifted": "{lifted}", "rationale": "r", "sources": []}}]}}"#
    );
    // The clinic's plan is given when the treatment is recorded, and remembered.
    let clinic = Patient::new();
    let rules = write(clinic.data(), "long.json", &plan);
    clinic
        .at(TREATED)
        .arg("--rules")
        .arg(&rules)
        .arg("start")
        .assert()
        .success();
    let out = clinic
        .at("2026-11-21 09:00")
        .arg("remind")
        .assert()
        .code(SOMETHING_DUE);
    let long_text = stdout(&out);
    assert_eq!(
        long_text,
        "Due now · Sat 21 Nov 09:00 · Day 2 of recovery\n\
         \x20 [ ] Rinse with the saline solution from your aftercare kit and pat the skin\n\
         \x20     dry with a clean towel\n\
         \x20     since 09:00\n\
         \x20     rinse\n\
         Tick each off when done: aftercare check ID\n\
         \n\
         Since the last reminder\n\
         \x20 ✓ 09:00  Swimming pools, saunas and steam rooms are fine again, as long as the\n\
         \x20          skin is no longer red\n"
    );
    for line in text.lines().chain(long_text.lines()) {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}

#[test]
fn before_a_treatment_booked_ahead_the_preparation_is_due_with_dates() {
    let p = Patient::new();
    p.at("2026-11-10 10:00")
        .args(["start", "--at", TREATED])
        .assert()
        .success();
    let (text, code) = remind(&p, "2026-11-14 10:00", &[]);
    assert_eq!(code, SOMETHING_DUE);
    // A weekday alone would say "since Fri 14:00 · until Fri 14:00": a day apart from now
    // either way, a week apart from each other.
    assert!(
        text.starts_with(
            "Due now · Sat 14 Nov 10:00 · 6 days before treatment\n\
             \x20 [ ] Tell provider your conditions and meds\n\
             \x20     since Fri 13 Nov 14:00 · until Fri 20 Nov 14:00\n\
             \x20     before-tell-provider\n"
        ),
        "{text}"
    );
}

/// With the next session recorded, `remind` no longer asks to book it, as `today` does not
/// (`State::is_followed`): no booking task, no "time to book it"; its window still opens.
#[test]
fn a_recorded_next_session_is_not_asked_to_be_booked() {
    let (before, _) = remind(&Patient::treated(), "2026-12-18 15:00", &[]);
    assert!(before.contains("book-next-session"), "{before}");
    let p = Patient::treated();
    p.at("2026-12-10 10:00")
        .args(["start", "--at", "2026-12-20 10:00", "--next"])
        .assert()
        .success();
    let today = stdout(&p.at("2026-12-18 15:00").arg("today").assert().success());
    assert!(!today.contains("book-next-session"), "{today}");
    let (after, code) = remind(&p, "2026-12-18 15:00", &[]);
    assert_eq!(code, 0, "{after}");
    assert!(!after.contains("book-next-session"), "{after}");
    assert!(
        after.contains("The window for your next session is open"),
        "{after}"
    );
    assert!(!after.contains("is due now"), "{after}");
    let (coming_up, _) = remind(&p, "2026-12-11 14:30", &[]);
    assert!(!coming_up.contains("time to book it"), "{coming_up}");
}

/// On the plan's last day a habit's window closes at the treatment's hour only because the
/// plan ends: `remind` gives it no end ("until 14:00" read as "stop sunscreen at 14:00"),
/// as `today` says "daily · always". The booking keeps its end: it is a deadline.
#[test]
fn on_the_last_day_a_habit_has_no_end_to_say() {
    let p = Patient::treated();
    let out = stdout(&p.at("2027-01-01 13:00").arg("remind").assert());
    let spf = out
        .lines()
        .find(|l| l.contains("Apply SPF 30+ sunscreen"))
        .unwrap();
    assert!(spf.trim_end().ends_with("since 08:00"), "{out}");
    assert!(
        out.contains("since Fri 18 Dec 14:00 · until 14:00"),
        "{out}"
    );
}

/// With a check-in alert up, what the plan lifted since the last reminder ("Makeup is fine
/// again") is followed by a word to ask the clinic first; without one it is not. Treated Fri
/// 20 Nov 14:00; makeup and workouts lift Sun 22 Nov 14:00.
#[test]
fn with_an_alert_up_what_lifted_is_said_with_ask_your_clinic_first() {
    const ASK: &str = "With the check-in alert above, ask your clinic before you start any of";
    let calm = Patient::treated();
    remind(&calm, "2026-11-22 09:00", &[]);
    let (text, _) = remind(&calm, "2026-11-23 18:05", &[]);
    assert!(text.contains("Makeup is fine again"), "{text}");
    assert!(!text.contains(ASK), "{text}");
    let p = Patient::treated();
    remind(&p, "2026-11-22 09:00", &[]);
    p.at("2026-11-23 18:00")
        .args(["checkin", "--rate", "redness=5", "--rate", "swelling=5"])
        .assert()
        .success();
    let (text, _) = remind(&p, "2026-11-23 18:05", &[]);
    let ask = text.find(ASK).expect(&text);
    assert!(text.find("Makeup is fine again").unwrap() < ask, "{text}");
    // `today` on Day 3, when they lifted, says the same under them.
    p.at("2026-11-22 18:00")
        .args(["checkin", "--rate", "swelling=4"])
        .assert()
        .success();
    let today = stdout(&p.at("2026-11-22 18:05").arg("today").assert());
    let ask = today.find(ASK).expect(&today);
    assert!(today.find("Makeup is fine again").unwrap() < ask, "{today}");
    let calm = stdout(&calm.at("2026-11-22 18:05").arg("today").assert());
    assert!(
        calm.contains("Makeup is fine again") && !calm.contains(ASK),
        "{calm}"
    );
}

/// From the evening slot, the day's habits not ticked are not "due now": sunscreen was
/// listed as due at 22:30 beside the evening cleanser (walk-through). They are said as not
/// ticked, after what is due.
#[test]
fn in_the_evening_the_days_habits_are_not_ticked_not_due() {
    let p = Patient::treated();
    let (text, code) = remind(&p, "2026-11-22 22:30", &[]);
    assert_eq!(code, SOMETHING_DUE);
    let due = text.find("Due now").expect(&text);
    let late = text
        .find("Not ticked today (done them? tick them off)")
        .expect(&text);
    let cleanser = text.find("gentle-cleanser@evening").expect(&text);
    let sunscreen = text.find("sunscreen-spf30").expect(&text);
    assert!(
        due < cleanser && cleanser < late && late < sunscreen,
        "{text}"
    );
    // In the afternoon they are due.
    let (text, _) = remind(&p, "2026-11-22 15:00", &[]);
    assert!(!text.contains("Not ticked today"), "{text}");
    assert!(text.contains("sunscreen-spf30"), "{text}");
}

/// What to avoid is said as it begins: after the treatment (no makeup until Sunday 14:00)
/// and the week before a recorded next treatment (no exfoliating): `remind` said only what
/// was due, and nothing to avoid ever is (walk-through). Each is said once.
#[test]
fn restrictions_are_said_as_they_begin_once() {
    let p = Patient::treated();
    let (text, _) = remind(&p, "2026-11-20 15:00", &[]);
    assert!(
        text.contains("  → 14:00  No makeup, until Sun 22 Nov 14:00\n"),
        "{text}"
    );
    let (text, _) = remind(&p, "2026-11-20 15:30", &[]);
    assert!(!text.contains("No makeup, until"), "said once: {text}");
    p.at("2026-12-10 10:00")
        .args(["start", "--next", "--at", "2027-01-02 11:00"])
        .assert()
        .success();
    remind(&p, "2026-12-26 10:00", &[]);
    let (text, _) = remind(&p, "2026-12-26 12:00", &[]);
    assert!(
        text.replace("\n           ", " ").contains(
            "→ 11:00  Before your next treatment: No exfoliants (and for a week after), until \
             Sat 2 Jan 11:00"
        ),
        "{text}"
    );
    // After the next treatment, its own restrictions begin; those of the week before it
    // have ended and are not said as beginning.
    let (text, _) = remind(&p, "2027-01-02 14:00", &[]);
    assert!(text.contains("No makeup, until Mon 4 Jan 11:00"), "{text}");
    assert!(!text.contains("No exfoliating"), "{text}");
}

/// Run again after weeks, `remind` says what changed in the last week only: it had listed the
/// lifts of weeks before ("✓ … Retinoids, acids and scrubs may come back") a week before the
/// next session (walk-through), with no word of the check-in alert of that time.
#[test]
fn after_weeks_only_the_last_weeks_changes_are_said() {
    let p = Patient::treated();
    remind(&p, "2026-11-22 09:00", &[]);
    let (text, _) = remind(&p, "2026-12-19 10:00", &[]);
    assert!(text.contains("\nIn the last 7 days\n"), "{text}");
    assert!(
        text.contains("→ Fri 18 Dec 14:00  Your next session is due now"),
        "{text}"
    );
    for stale in ["fine again", "may come back", "Since the last reminder"] {
        assert!(!text.contains(stale), "{stale}: {text}");
    }
    // Within the week, as ever.
    let (text, _) = remind(&p, "2026-12-20 10:00", &[]);
    assert!(!text.contains("In the last 7 days"), "{text}");
}

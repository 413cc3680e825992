//! The header's two rows stay put whatever the patient does below them (a check-in that sets
//! off an alert, a fold opened), and its parts read apart (" · ").

mod tui_harness;

use aftercare::tui::App;
use chrono_tz::Tz;
use crossterm::event::KeyCode::{Char, Down, Enter};
use tui_harness::{patient, press, screen};

/// The header's rows: the title bar, and the summary under it when there is one.
fn header(shown: &str) -> Vec<String> {
    let rows: Vec<&str> = shown.lines().collect();
    let mut header = vec![rows[0].to_string()];
    if rows[1].contains("ticked") && rows[1].contains("Treated") {
        header.push(rows[1].to_string());
    }
    header
}

/// The header is the same before and after `act` (which leaves the ticks alone).
fn header_stays(size: (u16, u16), act: fn(&mut App<Tz>), name: &str) {
    let (_dir, _store, mut app) = patient(size.0, size.1);
    let before = header(&screen(&app));
    act(&mut app);
    let shown = screen(&app);
    assert_eq!(header(&shown), before, "{shown}");
    insta::assert_snapshot!(name, shown);
}

/// Down until the evening's folded line is selected, then Enter opens it.
fn open_the_evening(app: &mut App<Tz>) {
    for _ in 0..20 {
        if screen(app)
            .lines()
            .any(|l| l.contains('›') && l.contains("Evening, from 20:00"))
        {
            break;
        }
        press(app, &[Down]);
    }
    press(app, &[Enter]);
    assert!(
        screen(app).contains("▾ Evening, from 20:00"),
        "{}",
        screen(app)
    );
}

/// Redness 5 on Day 3: an alert box opens under the header.
fn check_in_redness_5(app: &mut App<Tz>) {
    press(app, &[Char('c'), Char('5'), Enter]);
    assert!(screen(app).contains("Check-in alert"), "{}", screen(app));
}

#[test]
fn the_header_keeps_its_rows_after_a_check_in() {
    header_stays(
        (80, 24),
        check_in_redness_5,
        "header_after_an_alerting_check_in_80x24",
    );
    header_stays(
        (100, 30),
        check_in_redness_5,
        "header_after_an_alerting_check_in_100x30",
    );
}

#[test]
fn the_header_keeps_its_rows_when_a_fold_opens() {
    header_stays((80, 24), open_the_evening, "header_evening_opened_80x24");
    header_stays((100, 30), open_the_evening, "header_evening_opened_100x30");
}

#[test]
fn the_header_parts_read_apart_100x30() {
    let (_dir, _store, app) = patient(100, 30);
    let row = screen(&app).lines().nth(1).unwrap().to_string();
    assert!(row.contains("next session possible in 26 d"), "{row}");
    assert!(row.contains(" · 0/7 done today"), "{row}");
}

/// An earlier treatment of a series shown on its last day (the day before the next one),
/// after that day's windows closed: the header and the list agree that its plan is over.
/// The header once asked the calendar's today (Day 51) and counted "0/11 done" above
/// "Your plan is over"; both now ask `Context::is_after_plan`.
#[test]
fn an_earlier_session_after_its_plan_reads_over_in_header_and_list() {
    use aftercare::store::Change;
    use tui_harness::{app_at, at, treated_store};
    let (_dir, store, _) = treated_store();
    // Day 44 of the first treatment (Day 43 is Fri 1 Jan 2027).
    let state = store
        .apply(&Change::AddSession {
            at: at("2027-01-02T10:00:00+01:00"),
        })
        .unwrap();
    let mut app = app_at(store, state, "2027-01-10T09:00:00+01:00", 80, 24);
    press(&mut app, &[Char('[')]);
    let shown = screen(&app);
    assert!(shown.contains("Session 1 of 2"), "{shown}");
    assert!(shown.contains("Your plan is over"), "{shown}");
    let summary = shown.lines().nth(1).unwrap();
    assert!(!summary.contains("ticked"), "{shown}");
    assert!(summary.contains("plan complete"), "{shown}");
    insta::assert_snapshot!("header_earlier_session_after_its_plan_80x24", shown);
}

/// Within a week of the next session its countdown is never dropped for the treatment's
/// date: where both do not fit beside the count, the date gives way ("Treated 42 days ago · next session
/// due now (until Fri 1 Jan)"). It once left "Treated 28 days ago, Fri 20 Nov 14:00 ·
/// 0/6 done today" with no word of the session due that day.
#[test]
fn the_next_session_keeps_its_place_near_the_plans_end_80x24() {
    use tui_harness::{app_at, treated_store};
    let cases = [
        (
            "2026-12-18T10:00:00+01:00",
            " Treated 28 days ago · next session possible later today · 0/8 done today",
        ),
        (
            "2027-01-01T10:00:00+01:00",
            " Treated 42 days ago · next session due now (until Fri 1 Jan) · 0/6 done today",
        ),
        (
            "2026-12-01T10:00:00+01:00",
            " Treated 11 days ago, Fri 20 Nov 14:00 · 0/7 done today",
        ),
    ];
    for (now, want) in cases {
        let (_dir, store, state) = treated_store();
        let app = app_at(store, state, now, 80, 24);
        let shown = screen(&app);
        assert_eq!(
            shown.lines().nth(1).unwrap().trim_matches('"').trim_end(),
            want
        );
        if now.starts_with("2027-01-01") {
            insta::assert_snapshot!("header_next_session_day43_80x24", shown);
        }
    }
}

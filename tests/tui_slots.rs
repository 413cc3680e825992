//! Issue 15, "time and counting": a slot's tasks are "To do now" from the moment the slot
//! begins (08:00, 09:00, 20:00), the same moment `remind` says they are due, never before.
//! Before that they fold into one line that says when the slot begins ("Evening, from 20:00"),
//! on the treatment's day, in the evening and just after midnight alike. Berlin, treatment
//! Fri 20 Nov 2026 14:00.

mod tui_harness;

use aftercare::plan::Plan;
use aftercare::rules::Rules;
use aftercare::store::Change;
use chrono_tz::Europe::Berlin;
use crossterm::event::KeyCode::{Down, Enter};
use tui_harness::*;

/// The rows between the "To do now" heading and the next section.
fn to_do_now(shown: &str) -> Vec<String> {
    shown
        .lines()
        .skip_while(|l| !l.contains("To do now"))
        .skip(1)
        .take_while(|l| !l.contains("To avoid"))
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

fn listed(rows: &[String], title: &str, when: &str) -> bool {
    rows.iter()
        .any(|r| r.contains(&format!("[ ] {title}")) && r.ends_with(when))
}

#[test]
fn at_1830_on_the_treatment_day_the_evening_routine_is_later_not_now_80x24() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-20T18:30:00+01:00", 80, 24);
    let shown = screen(&app);
    insta::assert_snapshot!("evening_slot_not_begun_day1_1830_80x24", shown);
    let rows = to_do_now(&shown);
    // The daily tasks are due since the treatment; the evening routine from 20:00. The
    // patient's own sunscreen starts on Day 2: today only the provider's, as needed.
    assert!(listed(&rows, "Drink plenty of water", "daily"), "{shown}");
    assert!(
        !listed(&rows, "Apply SPF 30+ sunscreen", "daily"),
        "{shown}"
    );
    assert!(
        listed(
            &rows,
            "If going out: provider-approved SPF only",
            "as needed today"
        ),
        "{shown}"
    );
    assert!(!listed(
        &rows,
        "Moisturize (hyaluronic acid, ceramides)",
        "evening"
    ));
    // The fold names whole titles where they fit: with nothing beside the list, the first
    // title fits whole beside "+1 more" (issue 15, folds).
    assert!(
        rows.iter().any(|r| r.starts_with(
            "  ▸ Evening, from 20:00 (2): Use a gentle, fragrance-free cleanser · +1 more"
        )),
        "{shown}"
    );
    assert!(
        shown.contains("To do now 0/2 done · 4 as needed"),
        "{shown}"
    );
    // The folded line opens with Enter, its tasks read as later.
    for _ in 0..8 {
        if screen(&app).contains("› ▸ Evening") || screen(&app).contains("›  ▸ Evening") {
            break;
        }
        press(&mut app, &[Down]);
    }
    press(&mut app, &[Enter]);
    let shown = screen(&app);
    insta::assert_snapshot!("evening_slot_opened_day1_1830_80x24", shown);
    assert!(shown.contains("▾ Evening, from 20:00 (2)"), "{shown}");
    // At 20:00 the slot begins: its tasks are to do now.
    app.set_now(at("2026-11-20T20:00:00+01:00"));
    let rows = to_do_now(&screen(&app));
    assert!(
        listed(&rows, "Moisturize (hyaluronic acid, ceramides)", "evening"),
        "{rows:#?}"
    );
    assert!(
        screen(&app).contains("To do now 0/4 done"),
        "{}",
        screen(&app)
    );
}

#[test]
fn at_0005_the_morning_routine_is_later_from_0800_80x24() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, "2026-11-21T00:05:00+01:00", 80, 24);
    let shown = screen(&app);
    insta::assert_snapshot!("morning_slot_not_begun_day2_0005_80x24", shown);
    let rows = to_do_now(&shown);
    // Nothing is due just after midnight: only what is done as needed is listed, and each
    // slot of the day says when it begins, in the order of the day.
    assert!(!rows.iter().any(|r| r.ends_with("morning")), "{shown}");
    assert!(!rows.iter().any(|r| r.ends_with("daily")), "{shown}");
    let folds: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.trim_start_matches(['›', ' ']).strip_prefix("▸ "))
        .map(|r| r.split(':').next().unwrap_or(r))
        .collect();
    assert_eq!(
        folds,
        ["Morning, from 08", "Daily, from 09", "Evening, from 20"],
        "{shown}"
    );
    assert!(
        shown.contains(" To do now ─"),
        "no count of nothing due: {shown}"
    );
}

/// "N% of tasks done" on the progress row.
fn percent(shown: &str) -> &str {
    let at = shown.find("% of tasks done").expect("a progress row");
    let start = shown[..at].rfind(' ').map_or(0, |i| i + 1);
    &shown[start..at]
}

/// Every task of Day 1 ticked: the share stays 100 % across midnight, and drops only as the
/// new day's slots begin (08:00 the morning routine, 09:00 the day's tasks).
#[test]
fn the_share_done_holds_across_midnight_and_moves_as_slots_begin_80x24() {
    let (_dir, store, _) = treated_store();
    let rules = Rules::builtin().unwrap();
    let plan = Plan::new(&rules, at(TREATMENT), Berlin);
    let day1 = plan.day(1);
    let mut state = store.load().unwrap();
    for task in &day1.tasks {
        state = store
            .apply(&Change::Tick {
                session: at(TREATMENT),
                date: day1.date,
                task: task.id(),
            })
            .unwrap();
    }
    // Opened just after midnight, at 80x24.
    let app = app_at(
        store.clone(),
        state.clone(),
        "2026-11-21T00:01:00+01:00",
        80,
        24,
    );
    let shown = screen(&app);
    insta::assert_snapshot!("share_after_midnight_day2_0001_80x24", shown);
    assert_eq!(percent(&shown), "100", "{shown}");
    // Left open across midnight and the morning (40 rows, so the row stays in sight whatever
    // the selection opens): 4 of 7 once the morning's three join (its routine and the
    // sunscreen, due at 08:00), 4 of 9 with the day's (Day 1 counts 4: two daily, the
    // evening's two; sunscreen starts Day 2; things to avoid are never counted).
    let mut app = app_at(store, state, "2026-11-20T23:59:00+01:00", 80, 40);
    for (now, want) in [
        ("2026-11-20T23:59:00+01:00", "100"),
        ("2026-11-21T00:01:00+01:00", "100"),
        ("2026-11-21T07:59:00+01:00", "100"),
        ("2026-11-21T08:00:00+01:00", "57"),
        ("2026-11-21T09:00:00+01:00", "44"),
    ] {
        app.set_now(at(now));
        assert_eq!(percent(&screen(&app)), want, "at {now}: {}", screen(&app));
    }
}

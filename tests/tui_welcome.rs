//! Issue 15, the welcome prompt: it takes a bare date, "yesterday 15:00", "today 9:30" and
//! "YYYY-MM-DD HH:MM"; ↑/↓ step the pre-filled day; a time that looks like a mistake (1990,
//! 2030) is recorded only on a second Enter. Berlin, Sunday 22 Nov 2026 09:00.

mod tui_harness;

use aftercare::store::{State, Store};
use aftercare::tui::{App, handle_event};
use chrono_tz::Tz;
use crossterm::event::KeyCode::{Down, Enter, Up};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_harness::*;

fn welcome() -> (tempfile::TempDir, Store, App<Tz>) {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let app = app_at(store.clone(), State::default(), NOW, 80, 24);
    (dir, store, app)
}

/// Clears the field (Ctrl-U) and types `text`.
fn answer(app: &mut App<Tz>, text: &str) {
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    handle_event(app, &Event::Key(ctrl_u));
    type_text(app, text);
}

fn recorded(store: &Store) -> Vec<String> {
    let state = store.load().unwrap();
    state.sessions.iter().map(|s| s.at.to_rfc3339()).collect()
}

#[test]
fn the_prompt_takes_the_forms_a_patient_types() {
    let cases = [
        ("yesterday 15:00", "2026-11-21T15:00:00+01:00"),
        ("today 8:30", "2026-11-22T08:30:00+01:00"),
        ("2026-11-20", "2026-11-20T12:00:00+01:00"),
        ("2026-11-20 14:00", "2026-11-20T14:00:00+01:00"),
    ];
    for (typed, want) in cases {
        let (_dir, store, mut app) = welcome();
        answer(&mut app, typed);
        press(&mut app, &[Enter]);
        if typed == "2026-11-20" {
            // A day alone: the time filled in is shown first, and recorded on Enter.
            assert!(
                recorded(&store).is_empty(),
                "a day alone was recorded at once"
            );
            press(&mut app, &[Enter]);
        }
        assert_eq!(recorded(&store), [want], "{typed}");
        assert!(
            screen(&app).contains("of recovery"),
            "{typed}: {}",
            screen(&app)
        );
    }
}

#[test]
fn up_and_down_step_the_pre_filled_day() {
    let (_dir, store, mut app) = welcome();
    let shown = screen(&app);
    insta::assert_snapshot!("welcome_80x24", shown);
    assert!(shown.contains("Treatment: 2026-11-22 09:00"), "{shown}");
    assert!(shown.contains("↑↓ day"), "{shown}");
    press(&mut app, &[Up, Up, Up]);
    assert!(screen(&app).contains("Treatment: 2026-11-19 09:00"));
    press(&mut app, &[Down]);
    assert!(screen(&app).contains("Treatment: 2026-11-20 09:00"));
    press(&mut app, &[Enter]);
    assert_eq!(recorded(&store), ["2026-11-20T09:00:00+01:00"]);
}

#[test]
fn an_unreadable_answer_says_what_is_taken() {
    let (_dir, store, mut app) = welcome();
    answer(&mut app, "last week");
    press(&mut app, &[Enter]);
    let shown = screen(&app);
    assert!(
        shown.contains("\"last week\" is not a time: type"),
        "{shown}"
    );
    assert!(shown.contains("\"yesterday 15:00\""), "{shown}");
    // Installed the evening before: the form for that is named too.
    assert!(shown.contains("\"tomorrow 14:00\""), "{shown}");
    assert!(recorded(&store).is_empty());
}

#[test]
fn an_implausible_year_is_recorded_only_on_a_second_enter() {
    for (typed, why, want) in [
        (
            "1990-11-20 14:00",
            "Tue 20 Nov 1990 14:00 is 36 years ago",
            "1990-11-20T14:00:00+01:00",
        ),
        (
            "2030-11-20 14:00",
            "Wed 20 Nov 2030 14:00 is 4 years from now",
            "2030-11-20T14:00:00+01:00",
        ),
        // A year ago to the day: its whole plan would be over, so the year was most likely
        // typed wrong; asked again with the full date.
        (
            "2025-11-22 09:00",
            "Sat 22 Nov 2025 09:00 is 365 days ago: its 43-day plan would",
            "2025-11-22T09:00:00+01:00",
        ),
    ] {
        let (_dir, store, mut app) = welcome();
        answer(&mut app, typed);
        press(&mut app, &[Enter]);
        let shown = screen(&app);
        assert!(shown.contains(why), "{shown}");
        assert!(shown.contains("Enter again"), "{shown}");
        assert!(recorded(&store).is_empty(), "{typed}");
        if typed.starts_with("1990") {
            insta::assert_snapshot!("welcome_implausible_1990_80x24", shown);
            // The year most likely meant, as `start` suggests it (issue 15).
            assert!(
                shown.contains("Did you mean Fri 20") && shown.contains("Nov 2026 14:00?"),
                "{shown}"
            );
        }
        press(&mut app, &[Enter]);
        assert_eq!(recorded(&store), [want]);
    }
    // Correcting the text asks afresh.
    let (_dir, store, mut app) = welcome();
    answer(&mut app, "1990-11-20 14:00");
    press(&mut app, &[Enter]);
    answer(&mut app, "1990-11-21 14:00");
    press(&mut app, &[Enter]);
    assert!(recorded(&store).is_empty());
    assert!(screen(&app).contains("is 36 years ago"));
}

#[test]
fn day_1_before_the_app_knew_of_the_treatment_is_not_missed() {
    let (_dir, _store, mut app) = welcome();
    answer(&mut app, "2026-11-20 14:00");
    press(&mut app, &[Enter]);
    let shown = screen(&app);
    insta::assert_snapshot!("first_checklist_on_day_3_80x24", shown);
    assert!(shown.contains("Day 3 of recovery"), "{shown}");
}

#[test]
fn a_day_without_its_time_shows_the_time_filled_in_before_recording() {
    let (_dir, store, mut app) = welcome();
    answer(&mut app, "2026-11-20");
    press(&mut app, &[Enter]);
    let shown = screen(&app);
    insta::assert_snapshot!("welcome_day_without_time_80x24", shown);
    assert!(shown.contains("Treatment: 2026-11-20 12:00"), "{shown}");
    assert!(
        shown.contains("No time given: 12:00 is filled in."),
        "{shown}"
    );
    assert!(recorded(&store).is_empty());
    // The patient corrects the time in place: Backspace ×5, then the real time.
    press(&mut app, &[KeyCode::Backspace; 5]);
    type_text(&mut app, "16:30");
    press(&mut app, &[Enter]);
    assert_eq!(recorded(&store), ["2026-11-20T16:30:00+01:00"]);
    // "today" alone, before midday, fills in the time now (09:00), said the same way.
    let (_dir, store, mut app) = welcome();
    answer(&mut app, "today");
    press(&mut app, &[Enter]);
    assert!(screen(&app).contains("No time given: 09:00 is filled in."));
    press(&mut app, &[Enter]);
    assert_eq!(recorded(&store), ["2026-11-22T09:00:00+01:00"]);
}

/// The time filled in reads as selected and typing replaces it, as in any selected field:
/// "today 10:00" typed over it is recorded as 10:00 (walk: it ran on after the filled-in
/// time, "2026-11-22 09:00today 10:00", and was refused). Backspace edits it instead; ↑↓
/// fill in a day again, which typing replaces too.
#[test]
fn typing_replaces_the_time_filled_in() {
    let (_dir, store, mut app) = welcome();
    type_text(&mut app, "today 8:30");
    assert!(
        screen(&app).contains("Treatment: today 8:30 "),
        "{}",
        screen(&app)
    );
    press(&mut app, &[Enter]);
    assert_eq!(recorded(&store), ["2026-11-22T08:30:00+01:00"]);
    // Backspace edits what is filled in: the minutes of 09:00 become 09:30.
    let (_dir, store, mut app) = welcome();
    press(&mut app, &[KeyCode::Backspace, KeyCode::Backspace]);
    type_text(&mut app, "30");
    press(&mut app, &[Enter]);
    assert_eq!(recorded(&store), ["2026-11-22T09:30:00+01:00"]);
    // A day stepped to is filled in again: typing replaces it.
    let (_dir, store, mut app) = welcome();
    press(&mut app, &[Up]);
    type_text(&mut app, "yesterday 15:00");
    press(&mut app, &[Enter]);
    assert_eq!(recorded(&store), ["2026-11-21T15:00:00+01:00"]);
}

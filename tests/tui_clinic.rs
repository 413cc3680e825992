//! Issue 13 in the terminal: the clinic in the help overlay (a patient's and the demo's), and
//! the "why" popup citing sources as a patient can look them up (never a file path), with
//! their kind and the plan's remark, and warning signs with their urgency in words and whom
//! to call. The demo is the esthetician's: `--demo --rules clinic.json`.

mod tui_harness;

use aftercare::rules::Rules;
use aftercare::tui::App;
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;
use crossterm::event::KeyCode::{self, Char, End, Esc, Home, Tab};
use ratatui::layout::Size;
use tui_harness::*;

fn clinic_rules() -> Rules {
    let text = std::fs::read_to_string("tests/fixtures/plans/clinic.json").unwrap();
    Rules::parse(&text, "clinic.json").unwrap()
}

/// The demo of the clinic's plan, its treatment "just now" (Fri 20 Nov 14:00).
fn clinic_demo() -> App<Tz> {
    App::demo(clinic_rules(), Berlin, at(TREATMENT), Size::new(80, 24))
}

/// Moves the selection down (with `down`) until the selected row shows `title`.
fn select(app: &mut App<Tz>, down: KeyCode, title: &str) {
    for _ in 0..80 {
        let shown = screen(app);
        if shown.lines().any(|l| l.contains('›') && l.contains(title)) {
            return;
        }
        press(app, &[down]);
    }
    panic!("never selected {title}: {}", screen(app));
}

#[test]
fn the_demo_s_help_names_the_clinic_80x24() {
    let mut app = clinic_demo();
    press(&mut app, &[Char('?')]);
    let shown = screen(&app);
    for wanted in [
        "Your clinic",
        "Example Skin Clinic",
        "Phone         +44 20 7946 0123",
        "Email         care@example-clinic.com",
        "Web           https://example-clinic.com/aftercare",
        "Open          Mon–Fri 9:00–18:00, Sat 10:00–14:00",
        "Out of hours  Call NHS 111; in an emergency call 999.",
    ] {
        assert!(shown.contains(wanted), "{wanted}: {shown}");
    }
    insta::assert_snapshot!("clinic_demo_help_80x24", shown);
    // Taller than the screen, it scrolls to its end: the whole disclaimer, the demo's word.
    press(&mut app, &[End]);
    let shown = screen(&app);
    assert!(
        shown.contains("This is a demo on a simulated clock"),
        "{shown}"
    );
    insta::assert_snapshot!("clinic_demo_help_scrolled_to_end_80x24", shown);
    press(&mut app, &[Home]);
    assert!(screen(&app).contains("Your clinic"));
    // Any other key closes it and does nothing else.
    press(&mut app, &[Char('q')]);
    assert!(!app.should_quit() && !screen(&app).contains("Your clinic"));
}

#[test]
fn the_why_popup_cites_the_clinic_s_source_and_an_article_80x24() {
    let mut app = clinic_demo();
    select(&mut app, KeyCode::Down, "No makeup");
    press(&mut app, &[Char('i')]);
    let shown = screen(&app);
    for wanted in [
        "Sources",
        "• Microneedling aftercare protocol. Example Skin Clinic, Mar 2026.",
        "https://example-clinic.com/protocols/microneedling",
        "Clinical literature · Our own protocol, reviewed by our medical",
        "• How Long Does Microneedling Last After One Session?",
        "Article · The article ends by promoting Diaminy microneedling pen",
    ] {
        assert!(shown.contains(wanted), "{wanted}: {shown}");
    }
    assert!(
        !shown.contains("seeds/") && !shown.contains(".txt"),
        "{shown}"
    );
    insta::assert_snapshot!("clinic_demo_why_no_makeup_80x24", shown);
}

#[test]
fn a_warning_sign_says_how_soon_and_whom_to_call_80x24() {
    let mut app = clinic_demo();
    press(&mut app, &[Tab]);
    select(&mut app, KeyCode::Char('j'), "Fever of 38");
    press(&mut app, &[Char('i')]);
    let shown = screen(&app);
    for wanted in [
        "Warning sign",
        " CALL TODAY  Call Example Skin Clinic today (+44 20 7946 0123)",
        "Open          Mon–Fri 9:00–18:00, Sat 10:00–14:00",
        "Out of hours  Call NHS 111; in an emergency call 999.",
        "Clinical literature",
    ] {
        assert!(shown.contains(wanted), "{wanted}: {shown}");
    }
    insta::assert_snapshot!("clinic_demo_why_warning_call_80x24", shown);
    // One with six sources runs past the screen: End shows the last one.
    press(&mut app, &[Esc]);
    select(&mut app, KeyCode::Char('j'), "Pus, crusts");
    press(&mut app, &[Char('i')]);
    assert!(screen(&app).contains("↓ more · ↑↓ scroll · other keys close"));
    press(&mut app, &[End]);
    let shown = screen(&app);
    assert!(shown.contains("↑↓ scroll · other keys close"), "{shown}");
    insta::assert_snapshot!("clinic_demo_why_warning_scrolled_80x24", shown);
}

#[test]
fn warning_signs_of_the_built_in_plan_say_your_clinic_80x24() {
    let (_dir, _store, mut app) = patient(80, 24);
    press(&mut app, &[Tab]);
    select(&mut app, KeyCode::Char('j'), "Swollen lips");
    press(&mut app, &[Char('i')]);
    let shown = screen(&app);
    assert!(
        shown.contains(" EMERGENCY  Call emergency services now"),
        "{shown}"
    );
    insta::assert_snapshot!("why_warning_emergency_80x24", shown);
    press(&mut app, &[Esc]);
    select(&mut app, KeyCode::Char('k'), "Fever of 38");
    press(&mut app, &[Char('i')]);
    let shown = screen(&app);
    assert!(
        shown.contains(" CALL TODAY  Call your clinic today"),
        "{shown}"
    );
    assert!(!shown.contains("Out of hours"), "{shown}");
    press(&mut app, &[Esc]);
    select(&mut app, KeyCode::Char('j'), "Darker or brown patches");
    press(&mut app, &[Char('i')]);
    let shown = screen(&app);
    assert!(
        shown.contains(" NEXT VISIT  Mention at your next visit"),
        "{shown}"
    );
}

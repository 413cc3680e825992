//! The recovery timeline (Tab) and the "why this task?" popup (i), driven through the real
//! keys. A patient on Day 3 (Sun 22 Nov 09:00) of a treatment on Fri 20 Nov 14:00.

mod tui_harness;

use aftercare::tui::Screen;
use crossterm::event::KeyCode::{Char, Esc, Left, Right, Tab};
use tui_harness::{demo, patient, press, screen, type_text};

#[test]
fn timeline_80x24() {
    let (_dir, _store, mut app) = patient(80, 24);
    press(&mut app, &[Tab]);
    assert_eq!(*app.screen(), Screen::Timeline);
    let shown = screen(&app);
    // Every day of the plan fits, a cell each: the week before and Day 1 to Day 43.
    assert!(shown.contains("Day 1"), "{shown}");
    assert!(shown.contains("13 Nov"), "{shown}");
    // More rows than fit: said in words under them, not only by the scrollbar.
    assert!(shown.contains("more below — ↑↓ scroll"), "{shown}");
    insta::assert_snapshot!("timeline_80x24", shown);
    press(&mut app, &[Tab]);
    assert_eq!(*app.screen(), Screen::Checklist);
}

#[test]
fn timeline_scrolled_80x24() {
    let (_dir, _store, mut app) = patient(80, 24);
    press(&mut app, &[Tab]);
    press(&mut app, &[Char('j'); 24]);
    let shown = screen(&app);
    assert!(shown.contains("What is normal"), "{shown}");
    assert!(shown.contains("above · ↓"), "{shown}");
    insta::assert_snapshot!("timeline_scrolled_80x24", shown);
}

#[test]
fn timeline_160x48() {
    let (_dir, _store, mut app) = patient(160, 48);
    press(&mut app, &[Tab]);
    let shown = screen(&app);
    // Room for every rule and phase, and the warning signs start on screen without scrolling
    // (the built-in plan has 17 since the clinical ones were added).
    assert!(
        shown.contains("Warning signs") || shown.contains("Swollen lips"),
        "{shown}"
    );
    insta::assert_snapshot!("timeline_160x48", shown);
}

#[test]
fn timeline_scrolled_160x48() {
    let (_dir, _store, mut app) = patient(160, 48);
    press(&mut app, &[Tab]);
    press(&mut app, &[Char('j'); 30]);
    insta::assert_snapshot!("timeline_scrolled_160x48", screen(&app));
}

#[test]
fn days_scroll_when_they_do_not_fit() {
    let (_dir, _store, mut app) = patient(60, 24);
    press(&mut app, &[Tab]);
    let first = screen(&app);
    // Today (Day 3) is in view, a third of the way in.
    assert!(first.contains("Day 1"), "{first}");
    press(&mut app, &[Right; 2]);
    let later = screen(&app);
    assert_ne!(later, first);
    assert!(
        !later.contains("13 Nov") && later.contains("Day 14"),
        "{later}"
    );
    insta::assert_snapshot!("timeline_days_scrolled_60x24", later);
    press(&mut app, &[Left; 10]);
    assert!(screen(&app).contains("13 Nov"), "{}", screen(&app));
    // t brings today back into view.
    press(&mut app, &[Char('t')]);
    assert_eq!(screen(&app), first);
}

#[test]
fn the_timeline_opens_on_the_selected_task() {
    let (_dir, _store, mut app) = patient(80, 24);
    // The seventh task on Day 3 is the hat (tasks done as needed come after those due);
    // the timeline selects its rule.
    press(&mut app, &[Char('j'); 6]);
    press(&mut app, &[Tab]);
    let shown = screen(&app);
    assert!(shown.contains("› Wear a wide-brim hat"), "{shown}");
}

#[test]
fn why_popup_80x24() {
    let (_dir, _store, mut app) = patient(80, 24);
    // The cold compress (done as needed, listed last): a 48-hour window from the treatment.
    press(&mut app, &[Char('j'); 7]);
    press(&mut app, &[Char('i')]);
    let shown = screen(&app);
    assert!(
        shown.contains("From Fri 20 Nov 14:00 until Sun 22 Nov 14:00 (48 h)"),
        "{shown}"
    );
    insta::assert_snapshot!("why_popup_80x24", shown);
    // Any key closes it and does nothing else.
    press(&mut app, &[Esc]);
    assert!(!app.should_quit());
    assert!(!screen(&app).contains("any key closes"));
}

#[test]
fn why_popup_from_the_timeline_80x24() {
    let (_dir, _store, mut app) = patient(80, 24);
    press(&mut app, &[Tab]);
    press(&mut app, &[Char('k'); 30]);
    type_text(&mut app, "w");
    let shown = screen(&app);
    assert!(shown.contains("No exfoliating products"), "{shown}");
    assert!(shown.contains("Before treatment"), "{shown}");
    insta::assert_snapshot!("why_popup_timeline_80x24", shown);
}

#[test]
fn the_demo_clock_moves_the_timeline_now_line() {
    let mut app = demo(80, 24);
    press(&mut app, &[Tab]);
    let before = screen(&app);
    type_text(&mut app, ">>>>>>>");
    let after = screen(&app);
    assert_ne!(before, after);
    assert!(after.contains("DEMO"), "{after}");
    insta::assert_snapshot!("demo_timeline_day_8_80x24", after);
}

#[test]
fn every_size_renders_the_timeline_without_panicking() {
    let mut app = demo(80, 24);
    press(&mut app, &[Tab]);
    for width in [1, 20, 39, 40, 41, 60, 79, 80, 99, 100, 160, 250] {
        for height in [1, 5, 11, 12, 13, 24, 48] {
            tui_harness::resize(&mut app, width, height);
            type_text(&mut app, "jjl>");
            screen(&app);
            type_text(&mut app, "i");
            screen(&app);
            type_text(&mut app, "i");
        }
    }
}

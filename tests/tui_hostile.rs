//! Issue 4, item 6 in the terminal: a rules file with escape sequences, very long titles and
//! wide characters (tests/fixtures/plans/hostile.json) draws without breaking the layout.

mod tui_harness;

use aftercare::store::State;
use crossterm::event::KeyCode::{Char, Down, Esc, Right, Tab};
use ratatui::buffer::Buffer;
use ratatui::text::Span;
use tui_harness::*;

/// No escape or other control character in any cell, and every row exactly as wide as the
/// screen: a wide character never spills over the edge or pushes the row out.
fn assert_inert_and_in_bounds(buf: &Buffer, what: &str) {
    let width = usize::from(buf.area.width);
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let symbol = cell.symbol();
            assert!(
                !symbol.chars().any(|c| c.is_control()),
                "{what}: control character at {x},{y}: {symbol:?}"
            );
            // The cells a wide character covers are not drawn on their own.
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = Span::raw(symbol).width().saturating_sub(1);
            row.push_str(symbol);
        }
        assert!(
            Span::raw(row.as_str()).width() <= width,
            "{what}: row {y} is {} cells wide: {row}",
            Span::raw(row.as_str()).width()
        );
    }
}

fn hostile_app(width: u16, height: u16) -> aftercare::tui::App<chrono_tz::Tz> {
    let (dir, store, state) = treated_store();
    std::mem::forget(dir); // The directory outlives the app; it is in the system's temp dir.
    app_with(hostile_rules(), store, state, NOW, (width, height))
}

#[test]
fn hostile_checklist_80x24() {
    let mut app = hostile_app(80, 24);
    assert_inert_and_in_bounds(&buffer(&app), "day 3");
    insta::assert_snapshot!("hostile_day3_80x24", screen(&app));
    // Ticking a wide task, moving on and looking at other days keeps it all in place.
    press(&mut app, &[Char(' '), Down, Down]);
    assert_inert_and_in_bounds(&buffer(&app), "ticked");
    insta::assert_snapshot!("hostile_selected_80x24", screen(&app));
    press(&mut app, &[Char('?')]);
    assert_inert_and_in_bounds(&buffer(&app), "help");
    press(&mut app, &[Char('?'), Right, Right]);
    assert_inert_and_in_bounds(&buffer(&app), "day 5");
    // The "why" popup shows the rationale in full; the timeline every title.
    press(&mut app, &[Char('i')]);
    assert_inert_and_in_bounds(&buffer(&app), "why");
    insta::assert_snapshot!("hostile_why_80x24", screen(&app));
    press(&mut app, &[Esc, Tab]);
    assert_inert_and_in_bounds(&buffer(&app), "timeline");
    insta::assert_snapshot!("hostile_timeline_80x24", screen(&app));
}

#[test]
fn hostile_start_prompt_80x24() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = aftercare::store::Store::new(dir.path());
    let app = app_with(hostile_rules(), store, State::default(), NOW, (80, 24));
    assert_inert_and_in_bounds(&buffer(&app), "start prompt");
    insta::assert_snapshot!("hostile_start_prompt_80x24", screen(&app));
}

#[test]
fn hostile_text_at_many_sizes() {
    let mut app = hostile_app(80, 24);
    for (width, height) in [
        (40, 12),
        (41, 13),
        (59, 20),
        (100, 30),
        (120, 40),
        (200, 60),
    ] {
        tui_harness::resize(&mut app, width, height);
        for _ in 0..4 {
            assert_inert_and_in_bounds(&buffer(&app), &format!("{width}x{height}"));
            press(&mut app, &[Down]);
        }
    }
}

/// The same file from the command line: `today`, `plan` and their JSON carry no raw escape.
#[test]
fn hostile_text_in_plain_output() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_aftercare"))
            .env("TZ", "Europe/Berlin")
            .args([
                "--rules",
                "tests/fixtures/plans/hostile.json",
                "--now",
                "2026-11-22 09:00",
            ])
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .assert()
            .success();
        out.get_output().stdout.clone()
    };
    run(&["start", "--at", "2026-11-20 14:00"]);
    for args in [
        &["today"][..],
        &["plan"],
        &["today", "--json"],
        &["plan", "--json"],
    ] {
        let out = run(args);
        let text = String::from_utf8(out).unwrap();
        let bad: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && *c != '\n')
            .collect();
        assert!(bad.is_empty(), "{args:?}: {bad:?}");
        assert!(text.contains("\\u{1b}[31;1mNo 🔥 saunas"), "{args:?}");
    }
}

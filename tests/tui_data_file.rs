//! Issue 4, item 3 in the terminal: a damaged data file is moved aside and the app starts
//! afresh, saying where the old bytes are; a newer one is shown read-only and never written.

mod tui_harness;

use aftercare::store::{Damage, Notice, Store};
use crossterm::event::KeyCode::{Char, Enter};
use std::fs;
use std::path::PathBuf;
use tui_harness::*;

/// Where a patient's file is on Linux, so the snapshots do not depend on the temp directory.
const HOME_FILE: &str = "/home/pat/.local/share/aftercare/state.json";

#[test]
fn a_file_cut_short_is_moved_aside_and_the_app_asks_again() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let cut = br#"{"format": 1, "sessions": [{"at": "2026-11-20T14:00:00+01:00", "ti"#;
    fs::write(store.path(), cut).unwrap();
    let opened = store.open(at(NOW)).unwrap();
    let real = aftercare::tui::notice_text(opened.notice.as_ref().unwrap());
    let aside = dir.path().join("state.json.damaged-20261122-090000");
    assert!(real.contains(&aside.display().to_string()), "{real}");
    assert_eq!(fs::read(&aside).unwrap(), cut);

    let shown_notice = Notice::MovedAside {
        to: PathBuf::from(format!("{HOME_FILE}.damaged-20261122-090000")),
        damage: Damage::CutShort {
            line: 1,
            column: 68,
        },
    };
    let mut app =
        app_at(store.clone(), opened.state, NOW, 80, 24).with_file_notice(Some(&shown_notice));
    insta::assert_snapshot!("banner_moved_aside", screen(&app));
    // The fresh file works as any other: the treatment is recorded, the old bytes stay.
    press(&mut app, &[Enter]);
    assert_eq!(store.load().unwrap().sessions.len(), 1);
    assert!(
        screen(&app).contains("Day 1 of recovery"),
        "{}",
        screen(&app)
    );
    assert!(
        screen(&app).contains("could not be read"),
        "{}",
        screen(&app)
    );
    assert_eq!(fs::read(&aside).unwrap(), cut);
}

#[test]
fn a_file_from_a_newer_version_is_read_only() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let newer = format!(
        r#"{{"format": 2, "sessions": [{{"at": "{TREATMENT}", "ticks": {{"2026-11-22": ["drink-water"]}}}}], "photos": []}}"#
    );
    fs::write(store.path(), &newer).unwrap();
    let opened = store.open(at(NOW)).unwrap();
    assert!(matches!(
        opened.notice,
        Some(Notice::ReadOnly { found: 2, .. })
    ));
    let shown_notice = Notice::ReadOnly {
        path: PathBuf::from(HOME_FILE),
        found: 2,
    };
    let mut app =
        app_at(store.clone(), opened.state, NOW, 80, 24).with_file_notice(Some(&shown_notice));
    let before = screen(&app);
    insta::assert_snapshot!("banner_read_only", before);
    assert_eq!(before.matches("[x]").count(), 1, "{before}");
    // Ticking is refused and says so; the screen and the file stay as they were.
    press(&mut app, &[Char(' '), Char('j'), Char(' ')]);
    let after = screen(&app);
    assert!(
        after.contains("Not saved:") && after.contains("newer"),
        "{after}"
    );
    // Neither task the keys were on is ticked (the one ticked before may have scrolled out
    // of sight under the notice).
    assert!(
        !after.contains("[x] Use a gentle") && !after.contains("[x] Moisturize"),
        "{after}"
    );
    assert_eq!(fs::read_to_string(store.path()).unwrap(), newer);
    assert!(!app.should_quit());
}

/// A read-only data file saves nothing, so no footer offers a key that would save (Space
/// ticks, c checks in, u undoes a tick) and the Days strip does not invite a check-in; the
/// keys that only look stay offered.
#[test]
fn a_read_only_view_offers_no_key_that_saves() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let newer = format!(r#"{{"format": 2, "sessions": [{{"at": "{TREATMENT}"}}], "photos": []}}"#);
    fs::write(store.path(), &newer).unwrap();
    let opened = store.open(at(NOW)).unwrap();
    assert!(matches!(opened.notice, Some(Notice::ReadOnly { .. })));
    // Wide enough that no hint gives way for want of room.
    let mut app =
        app_at(store, opened.state, NOW, 160, 30).with_file_notice(opened.notice.as_ref());
    let shown = screen(&app);
    let footer = shown.lines().rev().nth(1).unwrap();
    for offered in [
        "↑↓ select",
        "←→ day",
        "s signs",
        "Tab plan",
        "? help",
        "q quit",
    ] {
        assert!(footer.contains(offered), "{offered} missing: {footer}");
    }
    for refused in ["Space", "tick", "check in", "undo"] {
        assert!(!footer.contains(refused), "{refused} offered: {footer}");
    }
    assert!(!shown.contains("c: check in"), "{shown}");
    // Pressed all the same, c says why there is no check-in rather than open a form.
    press(&mut app, &[Char('c')]);
    let shown = screen(&app);
    assert!(!shown.contains("Save"), "{shown}");
    assert!(
        shown.contains("No check-in: the data file is read-only"),
        "{shown}"
    );
    // The chart and the history offer no check-in either.
    for key in ['g', 'H'] {
        press(&mut app, &[Char(key)]);
        let shown = screen(&app);
        let footer = shown.lines().rev().nth(1).unwrap();
        assert!(footer.contains("? help"), "{footer}");
        assert!(!footer.contains("check in"), "{key}: {footer}");
    }
}

/// The same file written by this aftercare offers them all (the test above is not blind).
#[test]
fn a_writable_view_offers_the_keys_that_save() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 160, 30);
    let shown = screen(&app);
    let footer = shown.lines().rev().nth(1).unwrap();
    for offered in ["Space tick", "c check in", "u undo"] {
        assert!(footer.contains(offered), "{offered} missing: {footer}");
    }
    assert!(shown.contains("c: check in"), "{shown}");
    for key in ['g', 'H'] {
        press(&mut app, &[Char(key)]);
        let shown = screen(&app);
        let footer = shown.lines().rev().nth(1).unwrap();
        assert!(footer.contains("c check in"), "{key}: {footer}");
    }
}

#[test]
fn the_banner_shrinks_to_one_line_on_a_short_terminal() {
    let (_dir, store, state) = treated_store();
    let notice = Notice::ReadOnly {
        path: PathBuf::from(HOME_FILE),
        found: 2,
    };
    let app = app_at(store, state, NOW, 40, 12).with_file_notice(Some(&notice));
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[0].contains("Your data file"), "{shown}");
    assert!(lines[1].contains("Day 3"), "{shown}");
}

/// A tick saved by another process while the app is open (`aftercare check` in another
/// shell) is shown at the next minute or key, and the selection stays on the task the user
/// chose, so Space then ticks that one, not a neighbour shifted into its row.
#[test]
fn a_tick_saved_elsewhere_is_shown_and_the_selection_stays_on_its_task() {
    use aftercare::store::Change;
    use crossterm::event::KeyCode::Down;
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store.clone(), state, DAY3, 80, 24);
    // The second row: the morning moisturizer.
    press(&mut app, &[Down]);
    assert!(
        screen(&app).contains("› [ ] Moisturize (hyaluronic acid, ceramides)"),
        "{}",
        screen(&app)
    );
    store
        .apply(&Change::Tick {
            session: at(TREATMENT),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            task: "gentle-cleanser@morning".into(),
        })
        .unwrap();
    assert!(app.set_now(at("2026-11-22T09:01:00+01:00")));
    let shown = screen(&app);
    assert!(
        shown.contains("[x] Use a gentle, fragrance-free cleanser"),
        "{shown}"
    );
    assert!(
        shown.contains("› [ ] Moisturize (hyaluronic acid, ceramides)"),
        "{shown}"
    );
    press(&mut app, &[Char(' ')]);
    let kept = store.load().unwrap();
    let ticks = &kept.sessions[0].ticks[&chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()];
    assert!(ticks.contains("moisturize@morning"), "{ticks:?}");
    assert!(ticks.contains("gentle-cleanser@morning"), "{ticks:?}");
}

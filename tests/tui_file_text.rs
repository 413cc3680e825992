//! Issue 16, item 3, in the terminal: text from the state file reaches the screen inert. A
//! check-in note holding an OSC title sequence, a CSI clear and a right-to-left override is
//! shown as visible text on every screen that shows notes (the check-in form, the chart, the
//! history), and so are a data-file banner, a save error quoting a path with the same, and
//! the text of a plan copy altered by hand in the data directory.

mod tui_harness;

use aftercare::inert::needs_care;
use aftercare::store::{Change, CheckInPatch, Damage, Notice, Store};
use crossterm::event::KeyCode::{Char, Esc, Tab};
use ratatui::buffer::Buffer;
use tui_harness::*;

/// ESC ] 0 ; … BEL sets the window title; ESC [ 2 J clears the screen; U+202E turns what
/// follows right to left.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}sore on the left";
/// How it shows: every control character as a visible escape.
const SHOWN: &str = "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}sore";

/// No escape, bell, bidirectional control or other character a terminal acts on in any cell.
fn assert_inert(buf: &Buffer, what: &str) {
    for (i, cell) in buf.content.iter().enumerate() {
        let symbol = cell.symbol();
        assert!(
            !symbol.chars().any(needs_care),
            "{what}: {symbol:?} at cell {i} of {:?}",
            buf.area
        );
    }
}

/// A patient on Day 3 whose Day 2 and Day 3 check-ins were written by something hostile.
fn app_with_hostile_notes() -> (tempfile::TempDir, aftercare::tui::App<chrono_tz::Tz>) {
    let (dir, store, _) = treated_store();
    let mut state = None;
    for (day, rating) in [(21, 2), (22, 3)] {
        let change = Change::CheckIn {
            session: at(TREATMENT),
            date: date(day),
            patch: CheckInPatch {
                note: Some(HOSTILE.into()),
                ..patch(&[("redness", rating)])
            },
        };
        state = Some(store.apply(&change).unwrap());
    }
    let app = app_at(store, state.unwrap(), NOW, 80, 24);
    (dir, app)
}

#[test]
fn a_hostile_note_is_inert_on_every_screen_80x24() {
    let (_dir, mut app) = app_with_hostile_notes();
    assert_inert(&buffer(&app), "checklist");
    press(&mut app, &[Char('c')]);
    assert_inert(&buffer(&app), "check-in form");
    press(&mut app, &[Tab, Tab, Tab, Tab]);
    let shown = screen(&app);
    assert!(shown.contains(SHOWN), "{shown}");
    insta::assert_snapshot!("hostile_note_checkin_form_80x24", shown);
    press(&mut app, &[Esc, Char('g')]);
    assert_inert(&buffer(&app), "chart");
    let shown = screen(&app);
    assert!(shown.contains("Day 3 note  “\\u{1b}]0;pwned"), "{shown}");
    insta::assert_snapshot!("hostile_note_chart_80x24", shown);
    press(&mut app, &[Char('H')]);
    assert_inert(&buffer(&app), "history");
    let shown = screen(&app);
    assert!(shown.contains("D3 “\\u{1b}]0;"), "{shown}");
    insta::assert_snapshot!("hostile_note_history_80x24", shown);
    for (keys, what) in [(&[Char('?')][..], "help"), (&[Esc, Esc, Tab], "timeline")] {
        press(&mut app, keys);
        assert_inert(&buffer(&app), what);
    }
}

#[test]
fn a_banner_and_a_save_error_quoting_hostile_paths_are_inert() {
    let (_dir, _, state) = treated_store();
    // A "data directory" that is a file, named with the sequences: every save fails and the
    // error quotes its path.
    let parent = tempfile::tempdir().unwrap();
    let evil = parent.path().join("data\u{1b}]0;pwned\u{7}\u{202e}");
    std::fs::write(&evil, "").unwrap();
    let notice = Notice::MovedAside {
        to: evil.join("state.json.damaged"),
        damage: Damage::Empty,
    };
    let mut app = app_at(Store::new(&evil), state, NOW, 80, 24).with_file_notice(Some(&notice));
    press(&mut app, &[Char(' ')]);
    let buf = buffer(&app);
    assert_inert(&buf, "banner and status");
    let shown = screen(&app);
    assert!(
        shown.contains("Not saved:") && shown.contains("data\\u{1b}]0;pwned"),
        "{shown}"
    );
}

#[test]
fn a_plan_copy_altered_by_hand_is_inert_too() {
    // A treatment's kept copy is read back unchecked (Rules::from_kept_copy): give one raw
    // sequences in a rule's title and a source id the plan does not list.
    let mut plan: serde_json::Value =
        serde_json::from_str(&aftercare::rules::Rules::builtin().unwrap().canonical_json())
            .unwrap();
    let rule = plan["rules"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["id"] == "no-makeup")
        .unwrap();
    rule["title"] = "No \u{1b}]0;pwned\u{7}makeup".into();
    rule["sources"] = serde_json::json!(["x\u{1b}[2J\u{202e}y"]);
    let copy = serde_json::to_string(&plan).unwrap();
    let rules = aftercare::rules::Rules::from_kept_copy(&copy, "copy").unwrap();
    let (_dir, store, state) = treated_store();
    let mut app = app_with(rules, store, state, NOW, (80, 24));
    press(&mut app, &[Tab]);
    for _ in 0..60 {
        if screen(&app).lines().any(|l| l.contains("› No \\u{1b}")) {
            break;
        }
        press(&mut app, &[Char('j')]);
    }
    press(&mut app, &[Char('i')]);
    assert_inert(&buffer(&app), "why popup of a tampered copy");
    let shown = screen(&app);
    assert!(
        shown.contains("No \\u{1b}]0;pwned\\u{7}makeup") && shown.contains("x\\u{1b}[2J\\u{202e}y"),
        "{shown}"
    );
}

/// The built-in plan as JSON, with `edit` applied: for a clinic's file or a kept copy.
fn plan_edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut plan: serde_json::Value =
        serde_json::from_str(&aftercare::rules::Rules::builtin().unwrap().canonical_json())
            .unwrap();
    edit(&mut plan);
    serde_json::to_string(&plan).unwrap()
}

/// `text` in every rule's rationale and in the title of the one source every rule and the
/// "after" note cite; with `unlisted`, they cite `text` as an id the plan does not list.
fn with_hostile_rationale_and_source(plan: &mut serde_json::Value, text: &str, unlisted: bool) {
    plan["sources"][0]["title"] = text.into();
    let cited = if unlisted {
        serde_json::json!([text])
    } else {
        serde_json::json!([plan["sources"][0]["id"].clone()])
    };
    for rule in plan["rules"].as_array_mut().unwrap() {
        rule["rationale"] = text.into();
        rule["sources"] = cited.clone();
    }
    plan["after"]["sources"] = cited;
}

/// Day 3 at 80x24 and at 120x40 (with the first task's "Why"), and the page after the plan,
/// each checked for raw control characters; returns the Day 3 screen at 120x40.
fn assert_checklist_inert(rules: &aftercare::rules::Rules, what: &str) -> String {
    let mut day3 = String::new();
    for (now, size) in [
        (NOW, (80, 24)),
        (NOW, (120, 40)),
        ("2027-01-01T15:00:00+01:00", (80, 24)),
    ] {
        let (_dir, store, state) = treated_store();
        let app = app_with(rules.clone(), store, state, now, size);
        let what = format!("{what} at {now}, {size:?}");
        assert_inert(&buffer(&app), &what);
        let shown = screen(&app);
        // At 80x24 Day 3 has no room for the "Why"; the other two show the source.
        if (now, size) != (NOW, (80, 24)) {
            assert!(
                shown.contains("Source: \\u{1b}]0;pwned\\u{7}"),
                "{what}: {shown}"
            );
        }
        if size == (120, 40) {
            day3 = shown;
        }
    }
    day3
}

#[test]
fn a_clinic_file_s_rationale_and_source_reach_the_checklist_inert() {
    // A clinic's file is checked when loaded: a right-to-left override is refused outright ...
    let text = plan_edited(|plan| with_hostile_rationale_and_source(plan, HOSTILE, false));
    let refused = aftercare::rules::Rules::parse(&text, "clinic.json").unwrap_err();
    assert!(format!("{refused:?}").contains("U+202E"), "{refused:?}");
    // ... while an OSC title sequence (ESC ] 0 ; … BEL) is kept, and shown as text.
    let osc = HOSTILE.replace('\u{202e}', "");
    let text = plan_edited(|plan| with_hostile_rationale_and_source(plan, &osc, false));
    let rules = aftercare::rules::Rules::parse(&text, "clinic.json").unwrap();
    let shown = assert_checklist_inert(&rules, "clinic file");
    assert!(shown.contains("\\u{1b}[2Jsore on the left"), "{shown}");
    insta::assert_snapshot!("hostile_rationale_and_source_120x40", shown);
}

#[test]
fn a_kept_copy_s_rationale_and_sources_reach_the_checklist_inert() {
    // A kept copy is read back unchecked (Rules::from_kept_copy): the override and the OSC
    // sequence in the rationale, a source's title, and a source id it does not list.
    for unlisted in [false, true] {
        let copy = plan_edited(|plan| with_hostile_rationale_and_source(plan, HOSTILE, unlisted));
        let rules = aftercare::rules::Rules::from_kept_copy(&copy, "copy").unwrap();
        let shown = assert_checklist_inert(&rules, &format!("kept copy, unlisted {unlisted}"));
        assert!(shown.contains("\\u{202e}sore on the left"), "{shown}");
    }
}

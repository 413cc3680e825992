//! Issue 15: in a locale that is not UTF-8 (LANG=C), every mark of the timeline and the
//! check-in form keeps a meaning of its own in ASCII: grid "-", do "#", avoid "=", normal
//! ":", the booking's lead-in ".", now "|"; the form's arrows "<" ">" and its scale
//! without "- -". The frames are drawn as in a UTF-8 terminal and turned to ASCII the way
//! the terminal does (`Look`).

mod tui_harness;

use aftercare::tui::look::Look;
use crossterm::event::KeyCode::{self, Char, Home, Left, PageDown, Tab};
use tui_harness::{app_at, buffer, press, treated_store};

/// Day 4, 11:00 (treated Fri 20 Nov 14:00).
const DAY4: &str = "2026-11-23T11:00:00+01:00";

fn ascii(app: &aftercare::tui::App<chrono_tz::Tz>) -> String {
    let mut frame = buffer(app);
    Look::from_env(|v| (v == "LANG").then(|| "C".to_string())).apply(&mut frame);
    let width = usize::from(frame.area.width);
    let shown: Vec<String> = frame
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect();
    let shown = shown.join("\n");
    assert!(shown.is_ascii(), "{shown}");
    shown
}

/// The row whose title starts with `title`, its chart part (after the titles).
fn chart_of<'a>(shown: &'a str, title: &str) -> &'a str {
    let row = shown
        .lines()
        .find(|r| r.trim_start_matches([' ', '>', '*']).starts_with(title))
        .unwrap_or_else(|| panic!("no {title} in\n{shown}"));
    // The last column is the scrollbar's.
    &row[29..row.len() - 1]
}

#[test]
fn timeline_marks_stay_apart_in_ascii_80x24() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, DAY4, 80, 24);
    press(&mut app, &[Tab]);
    let shown = ascii(&app);
    // The legend says each mark as the rows draw it.
    assert!(shown.contains("# do  = avoid  : normal"), "{shown}");
    assert!(shown.contains(". book  % session  | now"), "{shown}");
    // Avoid bars are "=", never the grid's "-"; now is the only "|" in the chart.
    let sun = chart_of(&shown, "Stay out of the sun");
    assert!(sun.contains("========"), "{shown}");
    let spf = chart_of(&shown, "Apply SPF");
    assert!(
        spf.contains("####") && !spf.contains('|') && !spf.contains(':'),
        "{shown}"
    );
    press(&mut app, &[Char('j'); 24]);
    let shown = ascii(&app);
    let redness = chart_of(&shown, "Redness like");
    assert!(redness.contains(':') && !redness.contains('#'), "{shown}");
    insta::assert_snapshot!("timeline_ascii_normal_rows_80x24", shown);
    // The booking's lead-in and the session's window: ".", then "%", never a do bar's "#".
    press(&mut app, &[Home]);
    let shown = ascii(&app);
    let booking = chart_of(&shown, "Book your next session");
    assert!(
        booking.contains(".......%%%%") && !booking.contains('#'),
        "{shown}"
    );
    // A warning sign's band is "!", never a normal phase's ":", and its heading says so.
    press(&mut app, &[PageDown, PageDown]);
    let shown = ascii(&app);
    let blisters = chart_of(&shown, "New blisters");
    assert!(
        blisters.contains("!!!!!!!!") && !blisters.contains(':'),
        "{shown}"
    );
    assert!(shown.contains(" Warning signs ! watch for "), "{shown}");
    insta::assert_snapshot!("timeline_ascii_warning_signs_80x24", shown);
}

#[test]
fn the_check_in_form_for_a_past_day_in_ascii_80x24() {
    // Day 4, a step back to Day 3, c: the form speaks of Day 3, its usual ratings too.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, DAY4, 80, 24);
    press(&mut app, &[Left, Char('c'), Char('5')]);
    let shown = ascii(&app);
    assert!(shown.contains("usual on Day 3"), "{shown}");
    assert!(!shown.contains("usual now"), "{shown}");
    assert!(
        shown.contains("0 none to 5 severe, - not rated (key -)"),
        "{shown}"
    );
    // The focused rating's arrows ("+" would read as a folded line's mark).
    assert!(shown.contains("< - >"), "{shown}");
    insta::assert_snapshot!("checkin_past_day_ascii_80x24", shown);
    // Today's form says "usual now".
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, DAY4, 80, 24);
    press(&mut app, &[Char('c')]);
    assert!(ascii(&app).contains("usual now"));
}

#[test]
fn checked_in_and_more_below_read_apart_in_ascii_80x24() {
    // Day 2 at 21:00, checked in with keys: the status line takes a row, so the list runs
    // past the screen and says so. "Checked in" is "*", "more below" the arrow "v".
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-21T21:00:00+01:00", 80, 24);
    press(&mut app, &[Char('c'), Char('2'), KeyCode::Enter]);
    let shown = ascii(&app);
    assert!(shown.contains("* checked in"), "{shown}");
    assert!(shown.contains("v 2 more below"), "{shown}");
    assert!(!shown.contains("v checked in"), "{shown}");
    insta::assert_snapshot!("checklist_checked_in_more_below_ascii_80x24", shown);
}

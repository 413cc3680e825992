//! The recovery timeline (Tab) and the "why this task?" popup (i), driven through the real
//! keys. A patient on Day 3 (Sun 22 Nov 09:00) of a treatment on Fri 20 Nov 14:00.

mod tui_harness;

use aftercare::tui::Screen;
use crossterm::event::KeyCode::{Char, Esc, Left, Right, Tab};
use tui_harness::{app_at, demo, patient, press, screen, treated_store, type_text};

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
    assert!(
        shown.contains("more below — PgDn page · End last"),
        "{shown}"
    );
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
        !later.contains("13 Nov") && later.contains("Day 22"),
        "{later}"
    );
    // Today (Day 3) is off to the left now: the ruler says so where it starts.
    assert!(later.contains("◂ now: Day 3"), "{later}");
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
    assert!(
        shown.contains("No exfoliants (and for a week after)"),
        "{shown}"
    );
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

/// The column (in characters) where `needle` starts on the row that contains it.
fn column_of(row: &str, needle: &str) -> usize {
    row[..row.find(needle).unwrap()].chars().count()
}

#[test]
fn ruler_labels_sit_over_their_days_at_regular_steps_80x24() {
    // At the treatment (Day 1, 14:00) the now-line runs down Day 1's column.
    let mut app = demo(80, 24);
    press(&mut app, &[Tab]);
    let shown = screen(&app);
    let rows: Vec<&str> = shown.lines().collect();
    let dates_at = rows.iter().position(|r| r.contains("13 Nov")).unwrap();
    let numbers = rows[dates_at - 1];
    let now_column = rows[dates_at + 1..]
        .iter()
        .find_map(|r| r.contains('│').then(|| column_of(r, "│")))
        .unwrap();
    // "Day 1" starts on Day 1's column, and so does its date: both name the day under them
    // (not "Day " over the week before).
    assert_eq!(column_of(numbers, "Day 1 "), now_column, "{shown}");
    assert_eq!(column_of(rows[dates_at], "20 Nov"), now_column, "{shown}");
    // Dates a week apart, evenly spaced, none skipped.
    let dates = [
        "13 Nov", "20 Nov", "27 Nov", "4 Dec", "11 Dec", "18 Dec", "25 Dec",
    ];
    let at: Vec<usize> = dates.iter().map(|d| column_of(rows[dates_at], d)).collect();
    let steps: Vec<usize> = at.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(steps.iter().all(|s| *s == steps[0]), "{steps:?}\n{shown}");
    insta::assert_snapshot!("timeline_on_the_treatment_80x24", shown);
}

/// Day 21 and Day 22 (Thu 10 and Fri 11 Dec), mornings.
const DAY21: &str = "2026-12-10T10:00:00+01:00";
const DAY22: &str = "2026-12-11T10:00:00+01:00";

#[test]
fn the_booking_shows_from_the_day_the_checklist_offers_it_80x24() {
    // The checklist offers "Book your next session" from Day 22, a week before the next
    // session's window opens (Day 29, 14:00); the timeline draws it from then, lighter.
    let (_dir, store, state) = treated_store();
    let day21 = app_at(store.clone(), state.clone(), DAY21, 80, 24);
    assert!(!screen(&day21).contains("Book your next session"));
    let mut app = app_at(store, state, DAY22, 80, 24);
    assert!(screen(&app).contains("Book your next session"));
    press(&mut app, &[Tab]);
    let shown = screen(&app);
    let rows: Vec<&str> = shown.lines().collect();
    let dates = rows.iter().find(|r| r.contains("13 Nov")).unwrap();
    let booking = rows
        .iter()
        .find(|r| r.contains("Book your next session"))
        .unwrap();
    let cells: Vec<char> = booking.chars().collect();
    let day22 = column_of(dates, "11 Dec");
    let day29 = column_of(dates, "18 Dec");
    assert_eq!(column_of(booking, "░"), day22, "{shown}");
    assert!(cells[day22..day29].iter().all(|c| *c == '░'), "{shown}");
    assert_eq!(cells[day29], '▓', "{shown}");
    // The legend says what the light part is.
    assert!(shown.contains("░ book"), "{shown}");
    insta::assert_snapshot!("timeline_booking_offered_day_22_80x24", shown);
}

/// The ruler's top row (the day numbers, beside the legend's first row).
fn numbers_row(shown: &str) -> &str {
    shown.lines().find(|r| r.contains("█ do")).unwrap()
}

#[test]
fn after_the_plan_the_chart_runs_on_while_signs_are_watched_for_80x24() {
    // The built-in plan's last day is Day 43, but its warning signs are watched for longer
    // (scars and pits: 24 weeks, to Day 169). On Days 50, 60 and 90 the chart runs on to
    // them: now is drawn on it (a line down the rows) and → scrolls on.
    for now in [
        "2027-01-08T10:00:00+01:00",
        "2027-01-18T10:00:00+01:00",
        "2027-02-17T10:00:00+01:00",
    ] {
        let (_dir, store, state) = treated_store();
        let mut app = app_at(store, state, now, 80, 24);
        press(&mut app, &[Tab]);
        let shown = screen(&app);
        let numbers = numbers_row(&shown);
        assert!(!numbers.contains("now: Day"), "{shown}");
        // The now line runs down the rows (the last column is the scrollbar's).
        let row: Vec<char> = shown.lines().nth(5).unwrap().chars().collect();
        assert!(row[..row.len() - 3].contains(&'│'), "{shown}");
        if now.starts_with("2027-01-18") {
            insta::assert_snapshot!("timeline_now_day_60_after_the_plan_80x24", shown);
            // The days go on to the right, a week a key.
            press(&mut app, &[Right]);
            let scrolled = screen(&app);
            assert_ne!(numbers_row(&scrolled), numbers, "{scrolled}");
        }
    }
    // Past every sign's window, the ruler says where now is, at the edge it lies beyond.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2027-06-08T10:00:00+02:00", 80, 24);
    press(&mut app, &[Tab]);
    let shown = screen(&app);
    let numbers = numbers_row(&shown).trim_end_matches('"').trim_end();
    assert!(numbers.ends_with("now: Day 201 ▸"), "{shown}");
    assert!(!shown.contains('▼'), "{shown}");
    // Where there is room, the words say why.
    let (_dir, store, state) = treated_store();
    let mut wide = app_at(store, state, "2027-06-08T10:00:00+02:00", 160, 48);
    press(&mut wide, &[Tab]);
    let shown = screen(&wide);
    assert!(
        numbers_row(&shown).contains("now: Day 201, after the plan ▸"),
        "{shown}"
    );
}

#[test]
fn now_before_a_future_treatment_is_said_at_the_left_edge_80x24() {
    // The treatment (Fri 20 Nov) is 10 days ahead: now is Day -9, before the chart's week
    // before the treatment.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(
        store.clone(),
        state.clone(),
        "2026-11-10T10:00:00+01:00",
        80,
        24,
    );
    press(&mut app, &[Tab]);
    let shown = screen(&app);
    let numbers = numbers_row(&shown);
    assert!(numbers.contains("◂ now: Day -9"), "{shown}");
    // The dates row is under it, beside the legend's second row.
    let dates = shown.lines().find(|r| r.contains("░ book")).unwrap();
    assert_eq!(
        column_of(numbers, "◂ now"),
        column_of(dates, "13 Nov"),
        "{shown}"
    );
    insta::assert_snapshot!("timeline_now_before_the_treatment_80x24", shown);
    let mut wide = app_at(store, state, "2026-11-10T10:00:00+01:00", 160, 48);
    press(&mut wide, &[Tab]);
    let shown = screen(&wide);
    assert!(
        numbers_row(&shown).contains("◂ now: treatment in 10 days"),
        "{shown}"
    );
}

#[test]
fn now_scrolled_out_of_view_is_said_at_the_edge_60x24() {
    // Day 3 scrolled off to the left, then to the right.
    let (_dir, _store, mut app) = patient(60, 24);
    press(&mut app, &[Tab]);
    press(&mut app, &[Right; 3]);
    let shown = screen(&app);
    assert!(numbers_row(&shown).contains("◂ now: Day 3"), "{shown}");
    press(&mut app, &[Char('t')]);
    let shown = screen(&app);
    assert!(!numbers_row(&shown).contains("now:"), "{shown}");
}

#[test]
fn the_plans_last_day_is_named_on_the_ruler_80x24_and_120x40() {
    // Day 43 starts on the chart's last cell; its number runs on into the column the rows
    // keep for their scrollbar, so the plan's end is named. At 120 columns its date too.
    let (_dir, _store, mut app) = patient(80, 24);
    press(&mut app, &[Tab]);
    let shown = screen(&app);
    let numbers = numbers_row(&shown).trim_end_matches('"');
    assert!(numbers.ends_with("36     43"), "{shown}");
    let (_dir, _store, mut wide) = patient(120, 40);
    press(&mut wide, &[Tab]);
    let shown = screen(&wide);
    let dates = shown.lines().find(|r| r.contains("░ book")).unwrap();
    assert!(dates.contains("25 Dec 1 Jan"), "{shown}");
}

#[test]
fn days_scrolled_off_are_marked_at_the_ruler_ends_60x20() {
    let ruler = |shown: &str| -> (String, String) {
        let rows: Vec<&str> = shown.lines().collect();
        let at = rows.iter().position(|r| r.contains("█ do")).unwrap();
        (rows[at].to_string(), rows[at + 1].to_string())
    };
    let ends_with = |row: &str, mark: &str| row.trim_end_matches('"').trim_end().ends_with(mark);
    // Day 3 at 60 columns: the chart starts on the week before and the later weeks are off
    // to the right.
    let (_dir, _store, mut app) = patient(60, 20);
    press(&mut app, &[Tab]);
    let (numbers, dates) = ruler(&screen(&app));
    assert!(ends_with(&dates, "▸") && !numbers.contains('◂') && !dates.contains('◂'));
    // A week on: days off on both sides.
    press(&mut app, &[Right]);
    let shown = screen(&app);
    let (numbers, dates) = ruler(&shown);
    assert!(numbers.contains('◂') || dates.contains('◂'), "{shown}");
    assert!(ends_with(&dates, "▸"), "{shown}");
    insta::assert_snapshot!("timeline_days_off_both_sides_60x20", shown);
    // At 80 columns every day fits: no marks.
    let (_dir, _store, mut wide) = patient(80, 24);
    press(&mut wide, &[Tab]);
    let (numbers, dates) = ruler(&screen(&wide));
    assert!(!(numbers + &dates).contains(['◂', '▸']));
}

/// The selected row's title on screen ("› Sunscreen…"), without the mark.
fn selected_title(shown: &str) -> String {
    let line = shown
        .lines()
        .find(|l| l.contains('›'))
        .unwrap_or_else(|| panic!("no selection in\n{shown}"));
    let after = &line[line.find('›').unwrap() + '›'.len_utf8()..];
    after.split("  ").next().unwrap().trim().to_string()
}

#[test]
fn page_keys_move_a_screenful_and_home_end_to_the_ends_80x24() {
    use crossterm::event::KeyCode::{End, Home, PageDown, PageUp};
    let (_dir, _store, mut app) = patient(80, 24);
    press(&mut app, &[Tab, Home]);
    let first = selected_title(&screen(&app));
    press(&mut app, &[PageDown]);
    let shown = screen(&app);
    // A screenful on: the first row is now off screen, and the words say what is left.
    assert!(!shown.contains(&first), "{shown}");
    assert!(shown.contains("above"), "{shown}");
    insta::assert_snapshot!("timeline_page_down_80x24", shown);
    press(&mut app, &[End]);
    let shown = screen(&app);
    assert!(
        shown.contains("more above — PgUp page · Home first"),
        "{shown}"
    );
    assert!(!shown.contains("below"), "{shown}");
    press(&mut app, &[PageUp]);
    assert!(screen(&app).contains("below"), "{}", screen(&app));
    press(&mut app, &[Home]);
    let shown = screen(&app);
    assert_eq!(selected_title(&shown), first);
    assert!(
        shown.contains("more below — PgDn page · End last"),
        "{shown}"
    );
    // The help names them.
    press(&mut app, &[Char('?')]);
    let help = screen(&app);
    for words in ["Page Down", "Page Up", "Home", "End"] {
        assert!(help.contains(words), "{help}");
    }
}

#[test]
fn day_labels_sit_on_their_dates_and_the_title_keeps_its_screen_name_80x24() {
    // Each day of the first week: "Day 1" starts on the column of its date (Fri 20 Nov), the
    // now mark is never glued to a label ("Day 1▼"), and the title bar names the screen.
    for day in 1..=8u32 {
        let now = format!("2026-11-{:02}T11:00:00+01:00", 19 + day);
        let (_dir, store, state) = treated_store();
        let mut app = app_at(store, state, &now, 80, 24);
        press(&mut app, &[Tab]);
        let shown = screen(&app);
        let numbers = numbers_row(&shown);
        let dates = shown.lines().find(|r| r.contains("░ book")).unwrap();
        assert_eq!(
            column_of(numbers, "Day 1"),
            column_of(dates, "20 Nov"),
            "{shown}"
        );
        let cells: Vec<char> = numbers.chars().collect();
        for (i, c) in cells.iter().enumerate() {
            if *c == '▼' {
                assert!(
                    cells[i - 1] == ' ' && cells[i + 1] == ' ',
                    "Day {day}\n{shown}"
                );
            }
        }
        assert!(
            shown.lines().next().unwrap().contains(" · timeline"),
            "{shown}"
        );
    }
    // Another day viewed at 80x24, and 60x20: the plan's name gives way, "timeline" stays.
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-23T11:00:00+01:00", 80, 24);
    press(&mut app, &[Right, Right, Tab]);
    let shown = screen(&app);
    let title = shown.lines().next().unwrap();
    assert!(title.contains(" · timeline "), "{shown}");
    tui_harness::resize(&mut app, 60, 20);
    let shown = screen(&app);
    let title = shown.lines().next().unwrap();
    assert!(title.contains("· timeline"), "{shown}");
    insta::assert_snapshot!("timeline_other_day_60x20", shown);
}

#[test]
fn a_window_past_the_charts_edge_says_it_goes_on_80x24() {
    // The RF warning sign is watched for 12 weeks, past the plan's last day (43): its band
    // ends in "▸" at the chart's edge, not flush against the scrollbar as if cut there.
    let (_dir, _store, mut app) = patient(80, 24);
    press(&mut app, &[Tab, crossterm::event::KeyCode::End]);
    let shown = screen(&app);
    let row = shown
        .lines()
        .find(|r| r.contains("After RF microneedling"))
        .unwrap_or_else(|| panic!("{shown}"));
    let cells: Vec<char> = row.trim_end_matches('"').chars().collect();
    assert_eq!(cells[cells.len() - 2], '▸', "{shown}");
    // A window that ends on screen has no mark.
    let ends = shown
        .lines()
        .find(|r| r.contains("Picked or scratched"))
        .unwrap();
    assert!(!ends.contains('▸'), "{shown}");
}

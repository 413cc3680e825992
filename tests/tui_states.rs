//! The main screen's states at 80x24, each a snapshot named by its state and driven by real
//! keys (issues 14 and 15): a restriction lifted the day it ends, the slot on now standing out
//! from later ones, a slot gone by unticked reading as missed, the next session coming up a
//! week early and tickable, the notice when a slot begins, the plan over, and what is folded
//! opened by a key.

mod tui_harness;

use aftercare::tui::App;
use chrono_tz::Tz;
use crossterm::event::KeyCode;
use crossterm::event::KeyCode::{Char, Down, Enter, Up};
use ratatui::style::Color;
use tui_harness::*;

/// A patient's app at `now` (treated Fri 20 Nov 14:00, Berlin) on a terminal of `size`.
fn patient_at(now: &str, size: (u16, u16)) -> (tempfile::TempDir, App<Tz>) {
    let (dir, store, state) = treated_store();
    let app = app_at(store, state, now, size.0, size.1);
    (dir, app)
}

/// The row of the screen that shows `words`.
fn row_with(app: &App<Tz>, words: &str) -> Option<u16> {
    let buf = buffer(app);
    (0..buf.area.height).find(|&y| {
        let line: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        line.contains(words)
    })
}

#[test]
fn a_restriction_lifted_today_stays_in_sight_as_lifted_80x24() {
    // Day 3, 15:00: makeup ended at 14:00.
    let (_dir, app) = patient_at("2026-11-22T15:00:00+01:00", (80, 24));
    let shown = screen(&app);
    assert!(shown.contains("✓ Makeup is fine again"), "{shown}");
    assert!(shown.contains("from 14:00"), "{shown}");
    assert!(!shown.contains("✕ No makeup"), "{shown}");
    insta::assert_snapshot!("lifted_makeup_day3_80x24", shown);
    // The next day it is no longer news.
    let (_dir, app) = patient_at("2026-11-23T09:00:00+01:00", (80, 24));
    assert!(!screen(&app).contains("Makeup is fine again"));
}

#[test]
fn a_restriction_kept_today_reads_apart_from_one_lifted_80x24() {
    // Day 3, 15:00: makeup was lifted at 14:00; the patient ticks the first thing still to
    // avoid as kept today. Kept still holds (a ticked box), lifted is over (a check).
    let (_dir, mut app) = patient_at("2026-11-22T15:00:00+01:00", (80, 24));
    for _ in 0..30 {
        if screen(&app).contains("›✕") {
            break;
        }
        press(&mut app, &[Down]);
    }
    assert!(
        screen(&app).contains("›✕ Avoid direct sun"),
        "{}",
        screen(&app)
    );
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    assert!(shown.contains("[x] Avoid direct sun"), "{shown}");
    assert!(shown.contains("✓ Makeup is fine again"), "{shown}");
    assert!(!shown.contains("✓ Avoid direct sun"), "{shown}");
    insta::assert_snapshot!("kept_and_lifted_day3_80x24", shown);
}

#[test]
fn a_daily_habit_is_not_counted_down_as_the_plan_ends_80x24() {
    // Day 42, 21:00: the daily habits' windows close with the plan (Fri 1 Jan 14:00). They
    // are no deadline: water says the plan ends, never "17 h left"; sunscreen, which the
    // sources ask for always (`keep_up_after`), says so rather than that it ends.
    let (_dir, app) = patient_at("2026-12-31T21:00:00+01:00", (80, 24));
    let shown = screen(&app);
    let line = |title: &str| {
        let found = shown.lines().find(|l| l.contains(title));
        found.unwrap_or_default().to_string()
    };
    assert!(
        line("Apply SPF 30+ sunscreen").contains("daily · always"),
        "{shown}"
    );
    assert!(
        line("Drink plenty of water").contains("daily · plan ends Fri"),
        "{shown}"
    );
    assert!(!line("Apply SPF 30+ sunscreen").contains("left"), "{shown}");
    // Your provider's instructions hold always: as needed to the plan's end, no "until".
    let provider = line("Follow your provider's instructions");
    assert!(
        provider.trim_end_matches([' ', '"']).ends_with("as needed"),
        "{shown}"
    );
    insta::assert_snapshot!("daily_habits_as_the_plan_ends_day42_80x24", shown);
}

#[test]
fn warning_signs_fold_between_whole_titles_and_s_opens_the_rest_80x24() {
    // Day 14, 10:00: more signs to call about than rows; the list stops after a whole title
    // and says how many more and the key, never "…, or +3 more" mid-title.
    let (_dir, mut app) = patient_at("2026-12-03T10:00:00+01:00", (80, 24));
    let shown = screen(&app);
    let more = shown
        .lines()
        .find(|l| l.contains(" more") && l.contains('+'))
        .unwrap_or_else(|| panic!("no fold:\n{shown}"));
    assert!(more.contains(" · +"), "{shown}");
    // The key said once, on the last line of the signs (the count line after this one).
    assert_eq!(shown.matches("press s").count(), 1, "{shown}");
    assert!(!shown.contains(", or +"), "{shown}");
    insta::assert_snapshot!("signs_folded_at_whole_titles_day14_80x24", shown);
    press(&mut app, &[Char('s')]);
    assert!(screen(&app).contains("When to call, and what is normal now"));
}

#[test]
fn away_from_today_the_relative_words_say_they_are_today_s_80x24() {
    // Day 2 (Sat 21 Nov), looking at Day 4: "treated yesterday" is about today, and says so.
    let (_dir, mut app) = patient_at("2026-11-21T10:00:00+01:00", (80, 24));
    assert!(
        screen(&app).contains("Treated yesterday"),
        "{}",
        screen(&app)
    );
    press(&mut app, &[KeyCode::Right, KeyCode::Right]);
    let shown = screen(&app);
    assert!(
        shown.contains("Day 4 of recovery · Mon 23 Nov (in 2 days)"),
        "{shown}"
    );
    assert!(
        shown.contains(" Today Sat 21 Nov: 0/7 done · treated yesterday · Mon 23 Nov: 0/7"),
        "{shown}"
    );
    insta::assert_snapshot!("day4_seen_from_day2_80x24", shown);
}

#[test]
fn the_slot_on_now_stands_out_and_a_slot_gone_by_reads_as_missed_80x24() {
    // Day 2, 21:00: the morning went by unticked; the evening slot is on.
    let (_dir, mut app) = patient_at("2026-11-21T21:00:00+01:00", (80, 24));
    let shown = screen(&app);
    assert!(shown.contains("To do now"), "{shown}");
    assert!(shown.contains("▸ Missed this morning (2)"), "{shown}");
    insta::assert_snapshot!("missed_morning_day2_evening_80x24", shown);
    // The folded line opens with a key, and its tasks read as missed.
    press(&mut app, &[Up; 12]);
    press(&mut app, &[Enter]);
    let shown = screen(&app);
    assert!(shown.contains("▾ Missed this morning (2)"), "{shown}");
    assert!(shown.contains("missed · morning"), "{shown}");
    insta::assert_snapshot!("missed_morning_opened_80x24", shown);
}

#[test]
fn later_tasks_are_dimmer_than_the_slot_on_now() {
    // Day 3, 09:00: the morning slot is on, the evening's is later; opened, it is dim.
    let (_dir, mut app) = patient_at(NOW, (80, 24));
    row_with(&app, "▸ Evening, from 20:00 (2)").expect("the evening is folded");
    for _ in 0..20 {
        press(&mut app, &[Down]);
        if screen(&app)
            .lines()
            .any(|l| l.contains('›') && l.contains("Evening, from 20:00"))
        {
            break;
        }
    }
    // Opened, and the selection moved onto its tasks (the list scrolls to them: the times of
    // what to avoid keep their rows).
    press(&mut app, &[Enter, Down, Down]);
    let buf = buffer(&app);
    let now_row = row_with(&app, "Drink plenty of water").unwrap();
    let later_row = (now_row + 1..buf.area.height)
        .find(|&y| {
            let line: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            line.contains("Moisturize") && line.contains("evening")
        })
        .expect("the evening's tasks are listed once opened");
    let fg = |y: u16| buf[(8, y)].fg;
    assert_ne!(fg(now_row), fg(later_row), "later tasks look different");
    assert!(
        matches!(
            fg(later_row),
            Color::DarkGray | Color::Gray | Color::Indexed(_)
        ),
        "{:?}",
        fg(later_row)
    );
}

#[test]
fn the_next_session_comes_up_a_week_early_and_can_be_ticked_80x24() {
    // The window for the next session opens on Day 29 (Fri 18 Dec 14:00): from Day 22.
    let (_dir, app) = patient_at("2026-12-10T10:00:00+01:00", (80, 24));
    assert!(!screen(&app).contains("Book your next session"));
    let (dir, mut app) = patient_at("2026-12-11T10:00:00+01:00", (80, 24));
    let shown = screen(&app);
    assert!(shown.contains("Book your next session"), "{shown}");
    assert!(shown.contains("in 7 d"), "{shown}");
    insta::assert_snapshot!("next_session_coming_up_80x24", shown);
    for _ in 0..20 {
        if screen(&app)
            .lines()
            .any(|l| l.contains('›') && l.contains("Book your next session"))
        {
            break;
        }
        press(&mut app, &[Down]);
    }
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    assert!(
        shown
            .lines()
            .any(|l| l.contains("[x] Book your next session")),
        "{shown}"
    );
    let saved = aftercare::store::Store::new(dir.path()).load().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 11).unwrap();
    assert!(
        saved.sessions[0].ticks[&today].contains("book-next-session"),
        "{:?}",
        saved.sessions[0].ticks
    );
}

#[test]
fn a_slot_beginning_while_open_is_said_on_screen_and_rings_only_when_asked_80x24() {
    let (_dir, mut app) = patient_at("2026-11-21T19:59:00+01:00", (80, 24));
    assert!(app.set_now(at("2026-11-21T20:00:00+01:00")));
    let shown = screen(&app);
    assert!(shown.contains("It's 20:00: 2 tasks are due"), "{shown}");
    assert!(!app.take_ring(), "no bell unless it was turned on");
    insta::assert_snapshot!("slot_begun_notice_80x24", shown);
    let (_dir, app) = patient_at("2026-11-21T19:59:00+01:00", (80, 24));
    let mut app = app.with_bell(true);
    app.set_now(at("2026-11-21T20:00:00+01:00"));
    assert!(app.take_ring());
}

#[test]
fn after_the_plan_it_says_so_80x24() {
    // Day 43 after 14:00: every window is over.
    let (_dir, app) = patient_at("2027-01-01T15:00:00+01:00", (80, 24));
    let shown = screen(&app);
    assert!(shown.contains("Your plan is over"), "{shown}");
    assert!(shown.contains("Results last weeks to months"), "{shown}");
    assert!(!shown.contains("Collagen peak"), "{shown}");
    assert!(!shown.contains("normal now"), "{shown}");
    // Nothing is left to tick: the header counts nothing.
    assert!(!shown.contains("done today"), "{shown}");
    // The recovery strip keeps its row; the page's last lines (its sources) are below,
    // said where it is cut with the key that reads on.
    assert!(shown.lines().nth(2).unwrap().contains("Days "), "{shown}");
    assert!(shown.contains(" ↓ 2 more below — ↓ j read on"), "{shown}");
    let mut app = app;
    press(&mut app, &[KeyCode::PageDown]);
    let read_on = screen(&app);
    assert!(
        read_on
            .contains("Source: How Long Does Microneedling Last After One Session?; Microneedling"),
        "{read_on}"
    );
    assert!(read_on.contains(" Results After 1 Treatment "), "{read_on}");
    // Nothing can be selected: the footer offers only keys that do something here.
    let footer = shown.lines().nth(22).unwrap();
    for gone in ["select", "tick", "why"] {
        assert!(!footer.contains(gone), "{footer}");
    }
    for key in [
        "←→ day",
        "c check in",
        "s signs",
        "Tab plan",
        "? help",
        "q quit",
    ] {
        assert!(footer.contains(key), "{footer}");
    }
    insta::assert_snapshot!("plan_over_day43_80x24", shown);
    // Two days later, the next session's window has closed too: it says so.
    let (_dir, app) = patient_at("2027-01-03T10:00:00+01:00", (80, 24));
    let shown = screen(&app);
    assert!(shown.contains("After the plan"), "{shown}");
    assert!(
        shown.contains("The suggested window for your next session was Fri 18 Dec 2026 to"),
        "{shown}"
    );
    insta::assert_snapshot!("plan_over_next_session_overdue_80x24", shown);
    // While its window is open, the next session is due.
    let (_dir, app) = patient_at("2027-01-01T10:00:00+01:00", (80, 24));
    assert!(screen(&app).contains("Book your next session"));
}

#[test]
fn the_main_keys_are_in_the_footer_at_80x24() {
    // A full day (Day 2, morning), as a patient first sees the app.
    let (_dir, app) = patient_at("2026-11-21T09:00:00+01:00", (80, 24));
    let shown = screen(&app);
    let footer = shown.lines().nth(22).unwrap();
    for key in [
        "↑↓ select",
        "Space tick",
        "←→ day",
        "c check in",
        "s signs",
        "Tab plan",
        "? help",
        "q quit",
    ] {
        assert!(footer.contains(key), "{key}: {footer}");
    }
    insta::assert_snapshot!("main_keys_day2_morning_80x24", shown);
}

#[test]
fn what_to_avoid_that_does_not_fit_opens_with_a_key_40x15() {
    let (_dir, mut app) = patient_at(NOW, (40, 15));
    let shown = screen(&app);
    assert!(
        shown.contains("more to avoid: press a to see all"),
        "{shown}"
    );
    let marks = |shown: &str| shown.matches('✕').count();
    let before = marks(&shown);
    // The line is the last thing to select.
    press(&mut app, &[Down; 30]);
    press(&mut app, &[Enter]);
    let shown = screen(&app);
    assert!(marks(&shown) > before, "{shown}");
    assert!(
        shown.lines().next().unwrap().contains("Day 3"),
        "the title is intact:\n{shown}"
    );
    // Opened, it takes the signs' rows too (they are one key away, `s`): all eight are on
    // screen.
    assert_eq!(marks(&shown), 8, "{shown}");
    insta::assert_snapshot!("avoid_opened_40x15", shown);
    // The selection is on a thing to avoid now (Enter would tick it): `a` folds it.
    press(&mut app, &[Char('a')]);
    assert_eq!(marks(&screen(&app)), before, "{}", screen(&app));
}

#[test]
fn every_sign_and_what_is_normal_opens_with_s_80x24() {
    let (_dir, mut app) = patient_at(NOW, (80, 24));
    assert!(screen(&app).contains("press s"));
    press(&mut app, &[Char('s')]);
    let shown = screen(&app);
    assert!(shown.contains("Fever of 38 °C"), "{shown}");
    insta::assert_snapshot!("signs_panel_80x24", shown);
}

#[test]
fn the_day_and_how_long_ago_are_counted_alike() {
    // Day 11 at 09:00, 9 days and 19 hours after a 14:00 treatment: in calendar days, as
    // plan days are, it was 10 days ago (it once read "Day 11" beside "treated 9 d ago").
    for size in [(80, 24), (120, 40)] {
        let (_dir, app) = patient_at("2026-11-30T09:00:00+01:00", size);
        let shown = screen(&app);
        assert!(shown.contains("Day 11 of recovery"), "{shown}");
        assert!(
            shown.contains("reated 10 days ago") && !shown.contains("9 d"),
            "{shown}"
        );
    }
    // The day after the treatment, late at night, is "yesterday" (Day 2), never "0 days".
    let (_dir, app) = patient_at("2026-11-21T23:30:00+01:00", (80, 24));
    let shown = screen(&app);
    assert!(shown.contains("Day 2 of recovery"), "{shown}");
    assert!(shown.contains("Treated yesterday"), "{shown}");
}

#[test]
fn a_clinic_s_plan_puts_its_phone_beside_the_signs_emergency_first_80x24() {
    let text = std::fs::read_to_string("tests/fixtures/plans/clinic.json").unwrap();
    let rules = aftercare::rules::Rules::parse(&text, "clinic.json").unwrap();
    let (_dir, store, state) = treated_store();
    let app = app_with(rules, store, state, "2026-11-21T09:00:00+01:00", (80, 24));
    let shown = screen(&app);
    let signs = shown.find("Warning signs").expect("the signs");
    let emergency = shown
        .find("EMERGENCY — call emergency services now")
        .unwrap();
    let call = shown.find("Call Example Skin Clinic today").unwrap();
    assert!(
        signs < emergency && emergency < call,
        "emergency first:\n{shown}"
    );
    assert!(
        shown.contains("Example Skin Clinic · +44 20 7946 0123"),
        "{shown}"
    );
    // Unmistakable: the emergency words on red, unlike the call-today words.
    let buf = buffer(&app);
    let row = row_with(&app, "EMERGENCY").unwrap();
    let emergency_look = buf[(1, row)].bg;
    let call_row = row_with(&app, "Call Example Skin Clinic today").unwrap();
    assert_ne!(emergency_look, buf[(1, call_row)].bg, "{shown}");
    insta::assert_snapshot!("clinic_signs_day2_80x24", shown);
}

/// Issue 13's severe check-in (every symptom 5 on Day 2, "severe pain, pus, fever") drew four
/// near-identical alerts over 10 rows, each cut before the emergency sentence. Now it is one
/// alert of at most four rows, naming the symptoms in the plan's order, the emergency line
/// whole, and what to avoid still in sight.
#[test]
fn a_severe_check_in_is_one_short_alert_and_what_to_avoid_stays_in_sight_80x24() {
    use aftercare::store::{Change, CheckInPatch};
    let (dir, store, _) = treated_store();
    let ratings = ["redness", "swelling", "dryness", "discomfort"];
    let change = Change::CheckIn {
        session: at(TREATMENT),
        date: date(21),
        patch: CheckInPatch {
            ratings: ratings.iter().map(|id| ((*id).into(), 5)).collect(),
            note: Some("severe pain, pus, fever".into()),
            at: None,
            ..Default::default()
        },
    };
    let state = store.apply(&change).unwrap();
    let mut app = app_at(store, state, "2026-11-21T08:30:00+01:00", 80, 24);
    let shown = screen(&app);
    assert_eq!(shown.matches("Rated severe").count(), 1, "{shown}");
    assert!(
        shown.contains("⚠ Rated severe: redness, swelling, dryness, tenderness — Feel very"),
        "{shown}"
    );
    assert!(shown.contains("Call emergency services now."), "{shown}");
    let top = row_with(&app, "Check-in alert").unwrap();
    let below = row_with(&app, "Call emergency services now.").unwrap();
    assert!(
        below - top <= 2,
        "the box is {} rows:\n{shown}",
        below - top + 2
    );
    assert!(row_with(&app, "makeup").is_some(), "{shown}");
    // Times inline: a line that goes on with a group's items is indented under its "until
    // …:", so no item reads as having no end time (the second walk-through).
    for line in shown
        .lines()
        .filter(|l| l.contains('✕') && !l.contains("until"))
    {
        assert!(line.starts_with("\"    ✕"), "{line}\n{shown}");
    }
    // The alert's whole text, and until when each thing is to be avoided: with an alert up
    // the list of tasks scrolls before the times of what to avoid give way.
    assert!(shown.contains("use urgent care."), "{shown}");
    // Where the times give way to the tasks on now, the heading names `a`, which shows them
    // whatever is selected.
    let folded = shown.contains("a: until when");
    if folded {
        press(&mut app, &[KeyCode::Char('a')]);
    }
    let opened = screen(&app);
    for until in [
        "until Sun 14:00",
        // Six days off, the date too: "Fri" alone read as the Friday just gone.
        "until Fri 27 Nov 14:00",
        "until Fri 4 Dec 14:00",
    ] {
        assert!(opened.contains(until), "{until}:\n{opened}");
    }
    if folded {
        press(&mut app, &[KeyCode::Char('a')]);
    }
    // The signs that mean calling today are not on screen with the alert up: the heading
    // counts them, so none is left to `s` unsaid.
    assert!(shown.contains("s: +8 call-today signs"), "{shown}");
    insta::assert_snapshot!("severe_check_in_day2_80x24", shown);
    drop(dir);
}

#[test]
fn an_alert_too_long_for_its_box_says_so_and_s_reads_it_whole_50x14() {
    use aftercare::store::{Change, CheckInPatch};
    let (_dir, store, _) = treated_store();
    let change = Change::CheckIn {
        session: at(TREATMENT),
        date: date(21),
        patch: CheckInPatch {
            ratings: [("redness".into(), 5), ("swelling".into(), 5)].into(),
            note: None,
            at: None,
            ..Default::default()
        },
    };
    let state = store.apply(&change).unwrap();
    let mut app = app_at(store, state, "2026-11-21T08:30:00+01:00", 50, 14);
    let shown = screen(&app);
    assert!(shown.contains("▸ More of this alert: press s"), "{shown}");
    insta::assert_snapshot!("alert_folded_50x14", shown);
    press(&mut app, &[Char('s')]);
    let mut seen = screen(&app);
    insta::assert_snapshot!("alert_whole_in_the_s_panel_50x14", seen);
    press(&mut app, &[Down; 3]);
    seen.push_str(&screen(&app));
    assert!(seen.contains("⚠ Rated severe: redness, swelling"), "{seen}");
    assert!(seen.contains("Call emergency services now."), "{seen}");
    assert!(seen.contains("urgent care."), "{seen}");
}

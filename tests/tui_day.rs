//! Issue 15, "Day, time and what counts", in the terminal: a key pressed after midnight never
//! lands on another task, today follows the machine's time zone, a day still ahead takes no
//! tick, a check-in after the plan ends goes to today, and Esc goes back while q quits.
//! Berlin, treatment Fri 20 Nov 2026 14:00.

mod tui_harness;

use aftercare::store::{State, Store};
use aftercare::tui::{App, handle_event};
use chrono::NaiveDate;
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;
use crossterm::event::Event;
use crossterm::event::KeyCode::{Char, Down, Enter, Esc, Right, Tab, Up};
use tui_harness::*;

fn ticks(store: &Store) -> Vec<(NaiveDate, String)> {
    let saved = store.load().unwrap();
    let mut all = Vec::new();
    for (date, ids) in &saved.sessions[0].ticks {
        all.extend(ids.iter().map(|id| (*date, id.clone())));
    }
    all
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Selects the evening moisturizer (the last task to do) on the checklist shown.
fn select_evening_moisturizer(app: &mut App<Tz>) {
    for _ in 0..12 {
        if screen(app).contains("› [ ] Moisturize (hyaluronic acid, ceramides)") {
            let shown = screen(app);
            let row = shown
                .lines()
                .find(|l| l.contains("› [ ] Moisturize"))
                .unwrap();
            if row.contains("evening") {
                return;
            }
        }
        press(app, &[Down]);
    }
    panic!("no evening moisturizer:\n{}", screen(app));
}

#[test]
fn space_after_midnight_never_ticks_the_new_days_first_task() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store.clone(), state, "2026-11-22T23:59:00+01:00", 80, 24);
    select_evening_moisturizer(&mut app);
    // The clock passes midnight before the key is read (the loop moves the clock before
    // every key): the view moves on to Monday, on the same task, and says so.
    assert!(app.set_now(at("2026-11-23T00:00:02+01:00")));
    let shown = screen(&app);
    insta::assert_snapshot!("midnight_passed_80x24", shown);
    assert!(shown.contains("Day 4 of recovery · Mon 23 Nov"), "{shown}");
    assert!(
        shown.contains("› [ ] Moisturize (hyaluronic acid, ceramides)"),
        "the selection left the task: {shown}"
    );
    // Space: nothing is ticked, and the screen says why and how to go on.
    press(&mut app, &[Char(' ')]);
    assert_eq!(ticks(&store), []);
    let shown = screen(&app);
    assert!(
        shown.contains("Not ticked: it is now Mon 23 Nov. Space again ticks it for today"),
        "{shown}"
    );
    insta::assert_snapshot!("midnight_space_held_back_80x24", shown);
    // Space again ticks the task the user selected, for the day now shown.
    press(&mut app, &[Char(' ')]);
    assert_eq!(
        ticks(&store),
        [(date("2026-11-23"), "moisturize@evening".to_string())]
    );
}

#[test]
fn after_midnight_another_key_first_lets_the_next_space_tick() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store.clone(), state, "2026-11-22T23:59:00+01:00", 80, 24);
    app.set_now(at("2026-11-23T00:01:00+01:00"));
    // ↑ acts on the new day: the user has seen it; Space then ticks the selected task.
    press(&mut app, &[Up]);
    let shown = screen(&app);
    let selected = shown
        .lines()
        .find(|l| l.contains("› [ ]"))
        .unwrap_or_else(|| panic!("a task is selected: {shown}"))
        .to_string();
    press(&mut app, &[Char(' ')]);
    let ticked = ticks(&store);
    assert_eq!(ticked.len(), 1, "{ticked:?}");
    assert_eq!(ticked[0].0, date("2026-11-23"));
    let now_ticked = selected.replace("› [ ]", "› [x]");
    let now_ticked = now_ticked.split("  ").next().unwrap().trim_matches('"');
    assert!(screen(&app).contains(now_ticked), "{}", screen(&app));
}

#[test]
fn the_selection_stays_on_its_task_across_days() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 80, 24);
    press(&mut app, &[Down, Down]);
    assert!(
        screen(&app).contains("› [ ] Apply SPF 30+ sunscreen"),
        "{}",
        screen(&app)
    );
    // Another day, the same task, though it sits on another row there.
    press(&mut app, &[Right, Right, Right, Right, Right]);
    let shown = screen(&app);
    assert!(shown.contains("Day 8 of recovery"), "{shown}");
    assert!(shown.contains("› [ ] Apply SPF 30+ sunscreen"), "{shown}");
}

#[test]
fn today_follows_the_time_zone_as_it_follows_midnight() {
    let (_dir, store, state) = treated_store();
    // 00:30 on Monday in Berlin: Day 4.
    let mut app = app_at(store.clone(), state, "2026-11-23T00:30:00+01:00", 80, 24);
    assert!(screen(&app).contains("Day 4 of recovery · Mon 23 Nov"));
    // The machine moves to New York, where it is 18:30 on Sunday: Day 3, and the header
    // says nothing of "tomorrow".
    app.set_zone(New_York);
    let shown = screen(&app);
    insta::assert_snapshot!("zone_berlin_to_new_york_80x24", shown);
    assert!(shown.contains("Day 3 of recovery · Sun 22 Nov"), "{shown}");
    assert!(!shown.contains("tomorrow"), "{shown}");
    // Space ticks Sunday's task (the key after the change is held back once).
    press(&mut app, &[Char(' ')]);
    assert_eq!(ticks(&store), []);
    press(&mut app, &[Char(' ')]);
    assert_eq!(ticks(&store)[0].0, date("2026-11-22"));
    // And back to Berlin: Monday again.
    app.set_zone(Berlin);
    assert!(screen(&app).contains("Day 4 of recovery · Mon 23 Nov"));
    // A view moved to another day stays there through a change of zone.
    press(&mut app, &[Right]);
    app.set_zone(New_York);
    let shown = screen(&app);
    assert!(shown.contains("Day 5 of recovery"), "{shown}");
    assert!(shown.contains("(in 2 days)"), "{shown}");
}

#[test]
fn a_day_still_ahead_takes_no_tick() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store.clone(), state, NOW, 80, 24);
    press(&mut app, &[Right, Char(' ')]);
    assert_eq!(ticks(&store), []);
    let shown = screen(&app);
    insta::assert_snapshot!("tomorrow_not_ticked_80x24", shown);
    assert!(
        shown.contains("Not ticked: Day 4 has not begun (it is Day 3 today); t goes to today"),
        "{shown}"
    );
    // The mouse obeys the same rule.
    press(&mut app, &[Enter]);
    assert_eq!(ticks(&store), []);
    // Today takes it.
    press(&mut app, &[Char('t'), Char(' ')]);
    assert_eq!(ticks(&store).len(), 1);
}

#[test]
fn after_the_plan_ends_a_check_in_goes_to_today() {
    let (_dir, store, state) = treated_store();
    // Day 77; the built-in plan ends on Day 43.
    let mut app = app_at(store.clone(), state, "2027-02-04T10:00:00+01:00", 80, 24);
    press(&mut app, &[Char('c')]);
    let shown = screen(&app);
    assert!(shown.contains("Day 77"), "{shown}");
    press(&mut app, &[Char('1'), Enter]);
    let saved = store.load().unwrap();
    let checkins: Vec<_> = saved.sessions[0].checkins.keys().collect();
    assert_eq!(checkins, [&date("2027-02-04")]);
}

#[test]
fn esc_goes_back_and_q_quits_only_from_the_checklist() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, NOW, 80, 24);
    for (open, screen_name) in [
        (Tab, "Timeline"),
        (Char('g'), "Chart"),
        (Char('H'), "History"),
    ] {
        for back in [Esc, Char('q')] {
            press(&mut app, &[open]);
            assert_eq!(format!("{:?}", app.screen()), screen_name);
            press(&mut app, &[back]);
            assert_eq!(
                format!("{:?}", app.screen()),
                "Checklist",
                "{back:?} on {screen_name}"
            );
            assert!(!app.should_quit(), "{back:?} quit from {screen_name}");
        }
    }
    // On the checklist, Esc comes back to today from another day, then only says how to quit.
    press(&mut app, &[Right, Right, Esc]);
    assert!(screen(&app).contains("Day 3 of recovery · Sun 22 Nov"));
    press(&mut app, &[Esc]);
    assert!(!app.should_quit());
    press(&mut app, &[Char('q')]);
    assert!(app.should_quit());
}

#[test]
fn opening_a_form_or_popup_pauses_the_demo() {
    for key in [Char('c'), Char('?'), Char('i')] {
        let mut app = demo(80, 24);
        // Two days in, so there is something to check in on.
        press(&mut app, &[Char('>'), Char('>'), Char('p')]);
        assert!(app.is_playing());
        press(&mut app, &[key]);
        assert!(!app.is_playing(), "{key:?} left play running");
        let before = screen(&app);
        assert!(!app.play_step(), "the clock moved under {key:?}");
        assert_eq!(screen(&app), before);
        // Closing it leaves play paused, and the banner says so.
        press(&mut app, &[Esc]);
        assert!(!app.is_playing());
        assert!(screen(&app).contains("paused"), "{}", screen(&app));
    }
}

#[test]
fn a_state_without_treatments_is_untouched_by_the_zone() {
    let store = Store::new(tempfile::tempdir().unwrap().keep());
    let mut app = app_at(store, State::default(), NOW, 80, 24);
    app.set_zone(New_York);
    handle_event(&mut app, &Event::FocusGained);
    assert!(
        screen(&app).contains("When is or was your treatment"),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_checklist_in_plain_ascii_for_a_latin_1_terminal() {
    use aftercare::tui::look::Look;
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, NOW, 80, 24);
    let mut frame = buffer(&app);
    Look::from_env(|v| (v == "LANG").then(|| "en_US.ISO-8859-1".to_string())).apply(&mut frame);
    let width = usize::from(frame.area.width);
    let lines: Vec<String> = frame
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect();
    let shown = lines.join("\n");
    assert!(shown.is_ascii(), "{shown}");
    // A thing to avoid is not marked as if ticked, and a folded line is not the selection.
    assert!(shown.contains("- No makeup"), "{shown}");
    assert!(!shown.contains("x No makeup"), "{shown}");
    assert!(shown.contains("  + Evening, from 20:00"), "{shown}");
    insta::assert_snapshot!("checklist_ascii_80x24", shown);
}

#[test]
fn in_the_demo_a_check_in_lands_on_the_day_shown() {
    let mut app = demo(80, 24);
    press(&mut app, &[Char('>'), Char('p')]);
    for _ in 0..40 {
        app.play_step();
    }
    let shown = screen(&app);
    let header = shown.lines().find(|l| l.contains("of recovery")).unwrap();
    let day: String = header
        .split("Day ")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    assert!(day.parse::<i64>().unwrap() >= 2, "{shown}");
    press(&mut app, &[Char('c')]);
    // Play would have moved on by now; the form holds the clock.
    for _ in 0..200 {
        app.play_step();
    }
    press(&mut app, &[Char('1'), Enter]);
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("Check-in saved for Day {day}")),
        "Day {day}: {shown}"
    );
    assert!(shown.contains(&format!("Day {day} of recovery")), "{shown}");
}

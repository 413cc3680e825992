use super::*;
use crate::store::Change;
use crate::tui::keymap::{help_lines, key_label};
use crate::tui::screens::{chart, checklist, history, timeline};
use chrono_tz::Europe::Berlin;
use crossterm::event::{Event, KeyCode, KeyEvent};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A patient on Day 3 in memory, or a demo.
fn app(demo: bool) -> App<chrono_tz::Tz> {
    let rules = Rules::builtin().unwrap();
    let size = Size::new(80, 24);
    if demo {
        return App::demo(rules, Berlin, at("2026-11-20T14:00:00+01:00"), size);
    }
    let treated = Change::AddSession {
        at: at("2026-11-20T14:00:00+01:00"),
    };
    let state = Storage::Memory.apply(&State::default(), &treated).unwrap();
    App::new(
        rules,
        Storage::Memory,
        state,
        Berlin,
        at("2026-11-22T09:00:00+01:00"),
        size,
    )
}

fn press(app: &mut App<chrono_tz::Tz>, code: KeyCode) {
    handle_event(app, &Event::Key(KeyEvent::from(code)));
}

/// Every screen's help lists every key of that screen's keymap, the demo clock's in a demo.
#[test]
fn help_lists_every_key_of_the_screen_beneath() {
    for demo in [false, true] {
        for (keys, table) in [
            (&[][..], help_lines(checklist::keys::KEYMAP)),
            (&[KeyCode::Tab][..], help_lines(timeline::keys::KEYMAP)),
            (&[KeyCode::Char('g')][..], help_lines(chart::KEYMAP)),
            (&[KeyCode::Char('H')][..], help_lines(history::KEYMAP)),
        ] {
            let mut app = app(demo);
            for key in keys {
                press(&mut app, *key);
            }
            let help = app.help();
            for line in &table {
                assert!(
                    help.keys.contains(line),
                    "{line:?} missing on {:?}",
                    app.screen
                );
            }
            let clock = help
                .keys
                .iter()
                .any(|(k, _)| k == &key_label(KeyCode::Char('p')));
            let has_clock = matches!(app.screen, Screen::Checklist | Screen::Timeline);
            assert_eq!(clock, demo && has_clock, "{:?} demo {demo}", app.screen);
            assert!(help.keys.iter().any(|(k, _)| k == "Ctrl-Z"));
        }
    }
}

#[test]
fn any_key_closes_a_popup_and_does_nothing_else() {
    let mut app = app(false);
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.popup, Some(Popup::Help(_))));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.popup.is_none() && !app.should_quit());
    press(&mut app, KeyCode::Char('i'));
    assert!(matches!(app.popup, Some(Popup::Why(_))));
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none() && !app.should_quit());
}

#[test]
fn a_paste_is_never_keys() {
    let mut app = app(false);
    // On the checklist there is no text field: "q" and a line break do nothing.
    assert!(!handle_event(&mut app, &Event::Paste("q\n".into())));
    assert!(!app.should_quit());
    press(&mut app, KeyCode::Char('c'));
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    assert!(handle_event(&mut app, &Event::Paste("itchy\n  q".into())));
    assert!(!app.should_quit());
    let Some(Popup::CheckIn(form)) = &app.popup else {
        panic!("the form closed");
    };
    assert_eq!(form.note.value(), "itchy   q");
}

/// A tick of the terminal loop derives the day once, whether another process changed the
/// data file, the minute changed, or both (`Context::generation` counts the derivations).
#[test]
fn a_tick_derives_the_day_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::Store::new(dir.path());
    let treated = at("2026-11-20T14:00:00+01:00");
    let state = store.apply(&Change::AddSession { at: treated }).unwrap();
    let now = at("2026-11-22T09:00:00+01:00");
    let mut app = App::new(
        Rules::builtin().unwrap(),
        store.clone(),
        state,
        Berlin,
        now,
        Size::new(80, 24),
    );
    // Another process ticks a task: the file's stamp changes (its length does).
    let mut date = 22;
    let mut outside = |store: &crate::store::Store| {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, date).unwrap();
        date -= 1;
        store
            .apply(&Change::Tick {
                session: treated,
                date: day,
                task: "drink-water".into(),
            })
            .unwrap();
    };
    let ticks = |app: &App<chrono_tz::Tz>| app.ctx.session().unwrap().ticks.clone();
    let cases = [
        ("the file changed", true, "2026-11-22T09:00:30+01:00"),
        ("a new minute", false, "2026-11-22T09:01:00+01:00"),
        ("both", true, "2026-11-22T09:02:00+01:00"),
    ];
    for (case, file_changed, now) in cases {
        let before = (app.ctx.generation(), ticks(&app));
        if file_changed {
            outside(&store);
        }
        assert!(app.set_now(at(now)), "{case}");
        assert_eq!(app.ctx.generation(), before.0.wrapping_add(1), "{case}");
        assert_eq!(ticks(&app) != before.1, file_changed, "{case}");
    }
    // Nothing changed: nothing derived.
    let before = app.ctx.generation();
    assert!(!app.set_now(at("2026-11-22T09:02:40+01:00")));
    assert_eq!(app.ctx.generation(), before);
}

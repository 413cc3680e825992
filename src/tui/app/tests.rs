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

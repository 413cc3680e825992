//! Terminal events in, app changes out: the one door both the event loop and the tests use.

use super::action::{action_for, is_interrupt, prompt_action_for};
use super::app::{App, Screen};
use super::form_keys::{form_action_for, view_action_for};
use super::layout::is_too_small;
use chrono::TimeZone;
use crossterm::event::{Event, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Size};

/// Feeds one terminal event to the app. Returns whether the screen needs drawing again, so
/// mouse movement and unbound keys cost nothing.
pub fn handle_event<Tz: TimeZone>(app: &mut App<Tz>, event: &Event) -> bool {
    match event {
        Event::Key(key) => handle_key(app, *key),
        Event::Mouse(mouse) => handle_mouse(app, *mouse),
        Event::Resize(width, height) => {
            app.resize(Size::new(*width, *height));
            true
        }
        _ => false,
    }
}

fn handle_key<Tz: TimeZone>(app: &mut App<Tz>, key: KeyEvent) -> bool {
    if is_interrupt(key) {
        app.quit = true;
        return true;
    }
    if matches!(app.screen, Screen::Start(_)) {
        return prompt_action_for(key).is_some_and(|action| app.prompt(action));
    }
    if app.help || app.why {
        // Any key closes a popup, and does nothing else.
        app.help = false;
        app.why = false;
        return true;
    }
    if let Some(form) = &app.form {
        let Some(action) = form_action_for(key, form.on_note()) else {
            return false;
        };
        app.form_update(action);
        return true;
    }
    if matches!(app.screen, Screen::Chart | Screen::History) {
        return view_action_for(key).is_some_and(|action| {
            app.view_update(action);
            true
        });
    }
    match action_for(key, app.mode()) {
        Some(action) => {
            app.update(action);
            true
        }
        None => false,
    }
}

fn handle_mouse<Tz: TimeZone>(app: &mut App<Tz>, mouse: MouseEvent) -> bool {
    let on_screen_without_mouse = matches!(
        app.screen,
        Screen::Start(_) | Screen::Chart | Screen::History
    );
    if on_screen_without_mouse || app.form.is_some() || is_too_small(app.size) {
        return false;
    }
    let popup = app.help || app.why;
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) if popup => {
            app.help = false;
            app.why = false;
            true
        }
        MouseEventKind::Down(MouseButton::Left) if app.screen == Screen::Checklist => {
            let list = app.regions().list;
            let at = Position::new(mouse.column, mouse.row);
            if !list.contains(at) {
                return false;
            }
            app.click_row(usize::from(at.y - list.y));
            true
        }
        MouseEventKind::ScrollDown if !popup => {
            app.update(super::action::Action::Down);
            true
        }
        MouseEventKind::ScrollUp if !popup => {
            app.update(super::action::Action::Up);
            true
        }
        _ => false,
    }
}

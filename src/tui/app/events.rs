//! Terminal events in, app changes out: the one door both the terminal loop and the tests
//! use. A key goes to the popup if one is open, else to the screen that is up; a paste is
//! text for the focused text field and never keys; the mouse selects, ticks and scrolls.

use super::{App, Popup, keys};
use crate::tui::screens::{Screen, chart, checklist, history, timeline};
use crate::tui::widgets::is_too_small;
use crate::tui::{demo, keymap};
use chrono::TimeZone;
use crossterm::event::{Event, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Size};

/// Feeds one terminal event to the app. Returns whether the screen needs drawing again, so
/// mouse movement and unbound keys cost nothing.
pub fn handle_event<Tz: TimeZone>(app: &mut App<Tz>, event: &Event) -> bool {
    match event {
        Event::Key(key) => app.handle_key(*key),
        Event::Mouse(mouse) => app.handle_mouse(*mouse),
        Event::Paste(text) => app.handle_paste(text),
        Event::Resize(width, height) => {
            app.resize(Size::new(*width, *height));
            true
        }
        // The click that gives the window the focus must not tick: the next click only
        // selects (terminals that report focus send this before that click).
        Event::FocusGained => {
            app.focusing = true;
            false
        }
        Event::FocusLost => false,
    }
}

impl<Tz: TimeZone> App<Tz> {
    fn handle_key(&mut self, key: KeyEvent) -> bool {
        match keys::action_for(key) {
            Some(keys::Action::Quit) => self.quit = true,
            Some(keys::Action::Suspend) => self.suspend = true,
            None => return self.key_for_focus(key),
        }
        true
    }

    fn key_for_focus(&mut self, key: KeyEvent) -> bool {
        // The demo clock's keys work on the checklist and the timeline, with no popup open.
        let clock = self.is_demo()
            && self.popup.is_none()
            && matches!(self.screen, Screen::Checklist | Screen::Timeline);
        if let Some(action) = keymap::action_for(demo::KEYMAP, key).filter(|_| clock) {
            self.ctx.notice = None;
            self.update_clock(action);
            return true;
        }
        let ctx = &mut self.ctx;
        let effect = match (&mut self.popup, self.screen) {
            (Some(Popup::CheckIn(form)), _) => form.handle_key(ctx, key),
            (Some(Popup::Why(why)), _) => why.handle_key(ctx, key),
            (Some(Popup::Help(help)), _) => help.handle_key(ctx, key),
            (None, Screen::Welcome) => match &mut self.welcome {
                Some(welcome) => welcome.handle_key(ctx, key),
                None => None,
            },
            (None, screen) => {
                // A notice says what the last key did; the next key the screen has a use
                // for makes it stale.
                let notice = ctx.notice.take();
                let effect = match screen {
                    Screen::Checklist => self.checklist.handle_key(ctx, key),
                    Screen::Timeline => self.timeline.handle_key(ctx, key),
                    Screen::Chart => chart::handle_key(ctx, key),
                    Screen::History => history::handle_key(ctx, key),
                    Screen::Photos => self.photos.handle_key(ctx, key),
                    Screen::Welcome => None,
                };
                if effect.is_none() {
                    ctx.notice = notice;
                }
                effect
            }
        };
        let Some(effect) = effect else {
            return false;
        };
        self.apply(effect);
        true
    }

    /// A paste is text for the focused text field (the welcome prompt's, or the check-in
    /// note when it has the focus); anywhere else it does nothing, so a pasted "q" or Enter
    /// can never quit or tick.
    fn handle_paste(&mut self, text: &str) -> bool {
        match (&mut self.popup, &mut self.welcome) {
            (Some(Popup::CheckIn(form)), _) => form.paste(text),
            (None, Some(welcome)) if self.screen == Screen::Welcome => {
                welcome.paste(text);
                true
            }
            _ => false,
        }
    }

    fn handle_mouse(&mut self, mouse: MouseEvent) -> bool {
        let has_mouse = matches!(self.screen, Screen::Checklist | Screen::Timeline);
        if !has_mouse || is_too_small(self.ctx.size) {
            return false;
        }
        let closes = matches!(self.popup, Some(Popup::Why(_) | Popup::Help(_)));
        if self.popup.is_some() && !closes {
            return false;
        }
        let ctx = &mut self.ctx;
        let focusing =
            matches!(mouse.kind, MouseEventKind::Down(_)) && std::mem::take(&mut self.focusing);
        match (mouse.kind, self.screen) {
            (MouseEventKind::Down(MouseButton::Left), _) if closes => self.popup = None,
            (MouseEventKind::Down(MouseButton::Left), Screen::Checklist) => {
                let at = Position::new(mouse.column, mouse.row);
                return self.checklist.click(ctx, at, focusing);
            }
            (MouseEventKind::ScrollDown | MouseEventKind::ScrollUp, _) if !closes => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                ctx.notice = None;
                if self.screen == Screen::Timeline {
                    let action = if down {
                        timeline::Action::Down
                    } else {
                        timeline::Action::Up
                    };
                    self.timeline.update(ctx, action);
                } else {
                    let action = if down {
                        checklist::Action::Down
                    } else {
                        checklist::Action::Up
                    };
                    self.checklist.update(ctx, action);
                }
            }
            _ => return false,
        }
        true
    }
}

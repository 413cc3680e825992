//! Which screen is up, what works on every screen, and the room a screen has.

use super::action::{Action, Mode};
use super::app::{App, Screen};
use chrono::TimeZone;
use ratatui::layout::{Position, Rect};

impl<Tz: TimeZone> App<Tz> {
    /// The terminal below the demo banner and the data file's banner (all of it when there
    /// is neither).
    pub fn screen_area(&self) -> Rect {
        let whole = Rect::from((Position::ORIGIN, self.size));
        let demo = u16::from(self.is_demo()).min(whole.height);
        let banners = demo + self.banner_rows().min(whole.height - demo);
        Rect {
            y: banners,
            height: whole.height - banners,
            ..whole
        }
    }

    /// Which keys work now.
    pub fn mode(&self) -> Mode {
        Mode {
            timeline: self.screen == Screen::Timeline,
            demo: self.is_demo(),
        }
    }

    /// Carries out an action that means the same on every screen, or closes the open popup
    /// (any key does). Returns whether the action was used up.
    pub(crate) fn update_anywhere(&mut self, action: Action) -> bool {
        if self.help || self.why {
            self.help = false;
            self.why = false;
            return true;
        }
        match action {
            Action::SwitchScreen => self.switch_screen(),
            Action::Why => self.why = self.why_item().is_some(),
            Action::HourBack => self.step_clock(-1, 0),
            Action::HourForward => self.step_clock(1, 0),
            Action::DayBack => self.step_clock(0, -1),
            Action::DayForward => self.step_clock(0, 1),
            Action::PlayPause => self.toggle_play(),
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            _ => return false,
        }
        true
    }

    fn switch_screen(&mut self) {
        match self.screen {
            Screen::Checklist => {
                self.screen = Screen::Timeline;
                self.open_timeline();
            }
            Screen::Timeline | Screen::Chart | Screen::History => self.screen = Screen::Checklist,
            Screen::Start(_) => {}
        }
    }
}

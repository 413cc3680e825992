//! The whole app as one ratatui widget: the demo's and the data file's banners on top, the
//! screen that is up, and the popup over it. Drawing only reads the app.

use super::{App, Popup};
use crate::tui::screens::{Screen, chart, history};
use crate::tui::widgets::banners::DemoBanner;
use crate::tui::widgets::banners::FileBanner;
use crate::tui::widgets::{TooSmall, is_too_small};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

impl<Tz: TimeZone> Widget for &App<Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if is_too_small(area.as_size()) {
            TooSmall.render(area, buf);
            return;
        }
        let ctx = &self.ctx;
        let [demo, file, screen] = ctx.areas();
        if let Some(banner) = DemoBanner::of(ctx) {
            banner.render(demo, buf);
        }
        FileBanner(&ctx.banner_lines()).render(file, buf);
        match self.screen {
            Screen::Welcome => {
                if let Some(welcome) = &self.welcome {
                    welcome.render(ctx, buf);
                }
            }
            Screen::Checklist => self.checklist.render(ctx, buf),
            Screen::Timeline => self.timeline.render(ctx, buf),
            Screen::Chart => chart::render(ctx, buf),
            Screen::History => history::render(ctx, buf),
            Screen::Photos => self.photos.render(ctx, buf),
        }
        match &self.popup {
            Some(Popup::CheckIn(form)) => form.render(ctx, screen, buf),
            Some(Popup::Why(why)) => why.render(screen, buf),
            Some(Popup::Help(help)) => help.render(ctx, screen, buf),
            None => {}
        }
    }
}

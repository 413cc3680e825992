//! The screens, one widget per file. `&App` is the whole screen; the parts below each draw
//! one region and only read the app.

mod banner;
mod checklist;
mod detail;
mod footer;
mod header;
mod help;
mod notes;
mod start_prompt;
mod too_small;

use super::app::{App, Screen};
use super::layout::is_too_small;
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

impl<Tz: TimeZone> Widget for &App<Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if is_too_small(area.as_size()) {
            too_small::TooSmall.render(area, buf);
            return;
        }
        let [banner, area] = self.banner_split();
        banner::Banner(self).render(banner, buf);
        match &self.screen {
            Screen::Start(prompt) => {
                start_prompt::StartPrompt { app: self, prompt }.render(area, buf)
            }
            Screen::Checklist => render_checklist_screen(self, area, buf),
        }
    }
}

fn render_checklist_screen<Tz: TimeZone>(app: &App<Tz>, area: Rect, buf: &mut Buffer) {
    let regions = app.regions();
    header::Header(app).render(regions.title.union(regions.summary), buf);
    checklist::TaskList(app).render(regions.list, buf);
    detail::Detail(app).render(regions.detail, buf);
    notes::Notes {
        app,
        side_by_side: regions.side_by_side,
    }
    .render(regions.notes, buf);
    footer::Footer(app).render(
        regions
            .status
            .union(regions.hints)
            .union(regions.disclaimer),
        buf,
    );
    if app.help {
        help::Help(app).render(area, buf);
    }
}

/// Words for a plan day: "Day 3 of recovery", and before the treatment never "Day 0".
pub(crate) fn day_label(day: i64) -> String {
    match day {
        d if d >= 1 => format!("Day {d} of recovery"),
        0 => "1 day before treatment".to_string(),
        d => format!("{} days before treatment", 1 - d),
    }
}

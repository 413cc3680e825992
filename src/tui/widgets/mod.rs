//! The screens, one widget per file. `&App` is the whole screen; the parts below each draw
//! one region and only read the app.

mod alerts;
mod banner;
mod chart;
mod checkin;
mod checklist;
mod demo_banner;
mod detail;
mod footer;
mod header;
mod help;
mod history;
mod notes;
mod popup;
mod progress;
mod rule;
mod scrollbar;
mod start_prompt;
mod timeline;
mod timeline_bar;
mod timeline_ruler;
mod too_small;
mod why_popup;

use super::app::{App, Screen};
use super::layout::is_too_small;
use super::split::{self, Part};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub use alerts::alert_rows;

impl<Tz: TimeZone> Widget for &App<Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if is_too_small(area.as_size()) {
            too_small::TooSmall.render(area, buf);
            return;
        }
        let screen = self.screen_area();
        if self.is_demo() {
            demo_banner::DemoBanner(self).render(Rect { height: 1, ..area }, buf);
        }
        let file_rows = self.banner_rows();
        let file_banner = Rect {
            y: screen.y.saturating_sub(file_rows),
            height: file_rows,
            ..area
        };
        banner::Banner(self).render(file_banner, buf);
        match &self.screen {
            Screen::Start(prompt) => {
                start_prompt::StartPrompt { app: self, prompt }.render(screen, buf)
            }
            Screen::Checklist => render_checklist_screen(self, buf),
            Screen::Timeline => timeline::Timeline(self).render(screen, buf),
            Screen::Chart => render_view(self, chart::Chart(self), screen, buf),
            Screen::History => render_view(self, history::History(self), screen, buf),
        }
        if let Some(form) = &self.form {
            checkin::CheckInPopup { app: self, form }.render(screen, buf);
        }
        if self.why {
            why_popup::WhyPopup(self).render(screen, buf);
        }
        if self.help {
            help::Help(self).render(screen, buf);
        }
    }
}

/// The chart or the history, under the same header and over the same footer as the checklist.
fn render_view<Tz: TimeZone>(app: &App<Tz>, body: impl Widget, area: Rect, buf: &mut Buffer) {
    let status = u16::from(app.status.is_some() || app.notice.is_some());
    let [top, main, bottom] = split::rows(area, [Part::Len(2), Part::Fill, Part::Len(2 + status)]);
    header::Header(app).render(top, buf);
    body.render(main, buf);
    footer::Footer(app).render(bottom, buf);
}

fn render_checklist_screen<Tz: TimeZone>(app: &App<Tz>, buf: &mut Buffer) {
    let regions = app.regions();
    header::Header(app).render(regions.title.union(regions.summary), buf);
    progress::ProgressStrip(app).render(regions.progress, buf);
    alerts::Alerts(app).render(regions.alerts, buf);
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
}

/// Words for a plan day: "Day 3 of recovery", and before the treatment never "Day 0".
pub(crate) fn day_label(day: i64) -> String {
    match day {
        d if d >= 1 => format!("Day {d} of recovery"),
        0 => "1 day before treatment".to_string(),
        d => format!("{} days before treatment", 1 - d),
    }
}

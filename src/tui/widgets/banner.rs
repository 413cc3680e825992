//! The data-file notice across the top (see `tui::banner` for when there is one).

use crate::tui::app::App;
use crate::tui::paint::Paint;
use crate::tui::style;
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub struct Banner<'a, Tz: TimeZone>(pub &'a App<Tz>);

impl<Tz: TimeZone> Widget for Banner<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, style::ERROR);
        for (y, line) in (area.y..area.bottom()).zip(self.0.banner_lines()) {
            Line::styled(format!(" {line}"), style::ERROR).paint(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
    }
}

//! What a terminal too small for the checklist shows instead of it.

use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::split;
use crate::tui::{style, text};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub struct TooSmall;

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let message = format!("Terminal too small: need at least {MIN_WIDTH}x{MIN_HEIGHT}");
        let now = format!("(now {}x{})", area.width, area.height);
        let mut lines = text::wrap(&message, usize::from(area.width), usize::from(area.height));
        lines.push(now);
        let lines: Vec<String> = lines
            .into_iter()
            .map(|l| text::truncate(&l, usize::from(area.width)))
            .collect();
        let height = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .min(area.height);
        let block = split::centered(area, area.width, height);
        for (y, line) in (block.y..block.bottom()).zip(lines) {
            let line_style = if y == block.bottom() - 1 {
                style::MUTED
            } else {
                style::EMPHASIS
            };
            Line::styled(line, line_style).centered().render(
                Rect {
                    y,
                    height: 1,
                    ..block
                },
                buf,
            );
        }
    }
}

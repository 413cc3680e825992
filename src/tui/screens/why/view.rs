//! "Why this task?": a popup with everything the plan says about the selected task (or
//! timeline row): the full rationale, the window, how often, and each source.

use super::{Why, length_label, repeat_label};
use crate::tui::widgets::popup::Popup;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

const MAX_WIDTH: u16 = 72;
/// A long rationale or source gets at most this many lines.
const MAX_TEXT_LINES: usize = 6;
const WINDOW_FORMAT: &str = "%a %-d %b %H:%M";

impl Widget for &Why {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let why = self;
        let width = area.width.saturating_sub(4).min(MAX_WIDTH);
        let lines = why_lines(why, usize::from(width.saturating_sub(4)));
        let title = text::truncate(&why.title, usize::from(width.saturating_sub(6)));
        Popup {
            title: format!(" {title} "),
            width,
            lines,
            closes_on_any_key: true,
        }
        .render(area, buf);
    }
}

/// The popup's lines, wrapped to `width`.
fn why_lines(why: &Why, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        why.section.title().to_string(),
        theme::EMPHASIS,
    )];
    let window = format!(
        "From {} until {} ({})",
        why.starts.format(WINDOW_FORMAT),
        why.ends.format(WINDOW_FORMAT),
        length_label(why.hours)
    );
    let wrapped = |text: &str, lines: usize| text::wrap(text, width, lines);
    lines.extend(
        wrapped(&window, 2)
            .into_iter()
            .map(|l| Line::styled(l, theme::WHEN)),
    );
    if let Some(repeat) = why.repeat {
        lines.push(Line::styled(repeat_label(repeat), theme::WHEN));
    }
    if !why.text.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(
            wrapped(&why.text, MAX_TEXT_LINES)
                .into_iter()
                .map(Line::raw),
        );
    }
    for (title, detail) in &why.sources {
        lines.push(Line::raw(""));
        lines.extend(
            wrapped(&format!("Source: {title}"), 2)
                .into_iter()
                .map(|l| Line::styled(l, theme::SECTION)),
        );
        lines.extend(
            wrapped(detail, 3)
                .into_iter()
                .map(|l| Line::styled(l, theme::DETAIL)),
        );
    }
    lines
}

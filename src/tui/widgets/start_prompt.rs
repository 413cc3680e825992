//! The first-run screen: no treatment on record yet, so ask when it was.

use super::footer::{key_hints, render_disclaimer};
use super::popup;
use crate::tui::app::App;
use crate::tui::hints::prompt_hints;
use crate::tui::paint::Paint;
use crate::tui::prompt::Prompt;
use crate::tui::split::{self, Part};
use crate::tui::{style, text};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const QUESTION: &str = "When was your treatment?";
const EXPLANATION: &str = "Day 1 is the day of the treatment.";
const LABEL: &str = "Treatment: ";
const FORMAT_HINT: &str = "YYYY-MM-DD HH:MM, your local time";
const MAX_WIDTH: u16 = 64;

pub struct StartPrompt<'a, Tz: TimeZone> {
    pub app: &'a App<Tz>,
    pub prompt: &'a Prompt,
}

impl<Tz: TimeZone> Widget for StartPrompt<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [title, body, hints, disclaimer] =
            split::rows(area, [Part::Len(1), Part::Fill, Part::Len(1), Part::Len(1)]);
        buf.set_style(title, style::TITLE_BAR);
        let name = text::truncate(
            &self.app.rules.name,
            usize::from(title.width).saturating_sub(2),
        );
        Line::styled(format!(" {name}"), style::TITLE_DAY).paint(title, buf);
        self.render_box(body, buf);
        key_hints(prompt_hints(), hints.width).paint(hints, buf);
        render_disclaimer(&self.app.rules.disclaimer, disclaimer, buf);
    }
}

impl<Tz: TimeZone> StartPrompt<'_, Tz> {
    fn render_box(&self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(2).min(MAX_WIDTH);
        let room = usize::from(width.saturating_sub(4));
        let mut lines = vec![
            Line::styled(text::truncate(QUESTION, room), style::EMPHASIS),
            Line::raw(text::truncate(EXPLANATION, room)),
            Line::raw(""),
            self.input_line(room),
            Line::styled(
                format!(
                    "{}{}",
                    " ".repeat(LABEL.len()),
                    text::truncate(FORMAT_HINT, room)
                ),
                style::MUTED,
            ),
        ];
        if let Some(error) = &self.prompt.error {
            lines.push(Line::raw(""));
            let wrapped = text::wrap(error, room, 3);
            lines.extend(wrapped.into_iter().map(|l| Line::styled(l, style::WARNING)));
        }
        let height = popup::height_for(lines.len());
        let inner = popup::frame(area, width, height, " Welcome ".into(), false, buf);
        popup::render_lines(lines, inner, buf);
    }

    /// "Treatment: 2026-11-22 09:00" with the cursor shown as a reversed cell.
    fn input_line(&self, room: usize) -> Line<'static> {
        let (before, at, after) = self.prompt.split_at_cursor();
        // Long input scrolls: keep the end near the cursor in view.
        let keep = room.saturating_sub(LABEL.len() + 1);
        let before: String = {
            let chars: Vec<char> = before.chars().collect();
            chars[chars.len().saturating_sub(keep)..].iter().collect()
        };
        let after = text::truncate(after, keep.saturating_sub(before.chars().count()));
        Line::from(vec![
            Span::styled(LABEL, style::EMPHASIS),
            Span::styled(before, style::INPUT),
            Span::styled(at, style::CURSOR),
            Span::styled(after, style::INPUT),
        ])
    }
}

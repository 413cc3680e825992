//! The first-run screen: no treatment on record yet, so ask when it was.

use super::{WelcomePrompt, footer_hints};
use crate::tui::context::Context;
use crate::tui::widgets::footer::{key_hints, render_disclaimer};
use crate::tui::widgets::popup::Popup;
use crate::tui::{text, theme};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

// A patient may open the app the morning of a booked treatment: not only "was".
const QUESTION: &str = "When is or was your treatment?";
const EXPLANATION: &str = "Day 1 is the day of the treatment, in your local time.";
const LABEL: &str = "Treatment: ";
const FORMAT_HINT: &str = "YYYY-MM-DD [HH:MM], yesterday/today/tomorrow 9:30";
const MAX_WIDTH: u16 = 64;

impl WelcomePrompt {
    /// Draws the screen into the context's screen area (below any banner).
    pub fn render<Tz: TimeZone>(&self, ctx: &Context<Tz>, buf: &mut Buffer) {
        let [title, body, hints, disclaimer] = ctx.screen_area().layout(&Layout::vertical([
            Length(1),
            Fill(1),
            Length(1),
            Length(1),
        ]));
        buf.set_style(title, theme::TITLE_BAR);
        let name = text::truncate(&ctx.rules.name, usize::from(title.width).saturating_sub(2));
        Line::styled(format!(" {name}"), theme::TITLE_DAY).render(title, buf);
        self.render_box(body, buf);
        key_hints(footer_hints(), hints.width).render(hints, buf);
        render_disclaimer(&ctx.rules.disclaimer, disclaimer, buf);
    }

    fn render_box(&self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(2).min(MAX_WIDTH);
        let room = usize::from(width.saturating_sub(4));
        let mut lines = vec![
            Line::styled(text::truncate(QUESTION, room), theme::EMPHASIS),
            Line::raw(text::truncate(EXPLANATION, room)),
            Line::raw(""),
            self.input_line(room),
            Line::styled(
                format!(
                    "{}{}",
                    " ".repeat(LABEL.len()),
                    text::truncate(FORMAT_HINT, room)
                ),
                theme::MUTED,
            ),
        ];
        if let Some(error) = &self.error {
            lines.push(Line::raw(""));
            let wrapped = text::wrap(error, room, 3);
            lines.extend(wrapped.into_iter().map(|l| Line::styled(l, theme::WARNING)));
        }
        Popup {
            title: " Welcome ".into(),
            width,
            lines,
            closes_on_any_key: false,
        }
        .render(area, buf);
    }

    /// "Treatment: 2026-11-22 09:00" with the cursor shown as a reversed cell.
    fn input_line(&self, room: usize) -> Line<'static> {
        let mut spans = vec![Span::styled(LABEL, theme::EMPHASIS)];
        let width = room.saturating_sub(LABEL.len());
        // The time the app filled in reads as selected: typing replaces it.
        let look = match self.prefilled {
            true => theme::SELECTED,
            false => theme::INPUT,
        };
        spans.extend(self.field.spans(width, look, theme::CURSOR));
        Line::from(spans)
    }
}

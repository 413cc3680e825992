//! Every note of the day at once, opened with `s` over the main screen: the day's check-in
//! alerts whole, the clinic and how to reach it, each warning sign under its urgency with its whole detail, and what is normal
//! now. ↑/↓ scroll; `s` or Esc closes it.

use super::notes::{Notes, clinic_name};
use crate::rules::Provider;
use crate::tui::widgets::popup::frame;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::Length;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

const TITLE: &str = " When to call, and what is normal now ";
const MAX_WIDTH: u16 = 90;

/// The panel: the day's notes, scrolled down `scroll` lines.
pub struct NotesPanel<'a> {
    pub notes: Notes<'a>,
    pub scroll: u16,
}

impl NotesPanel<'_> {
    /// The panel's lines at `width`.
    pub fn lines(&self, width: usize) -> Vec<Line<'static>> {
        // The day's check-in alerts first, whole: the alert box may have had to fold them.
        let mut lines = super::alerts::full_lines(self.notes.alerts, width);
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.extend(clinic_lines(self.notes.provider, width));
        lines.push(Line::raw(""));
        lines.extend(self.notes.all_lines(width));
        lines
    }

    /// How far the panel can scroll in `area`.
    pub fn max_scroll(&self, area: Rect) -> u16 {
        let (width, height) = inner_size(area);
        let lines = self.lines(usize::from(width)).len();
        u16::try_from(lines.saturating_sub(usize::from(height))).unwrap_or(u16::MAX)
    }
}

fn inner_size(area: Rect) -> (u16, u16) {
    let width = area.width.saturating_sub(2).min(MAX_WIDTH);
    (width.saturating_sub(4), area.height.saturating_sub(2))
}

impl Widget for NotesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(2).min(MAX_WIDTH);
        let lines = self.lines(usize::from(width.saturating_sub(4)));
        let inner = frame(area, width, area.height, TITLE.to_string(), false, buf);
        let scroll = self.scroll.min(self.max_scroll(area));
        Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
        // How to move and close, on the bottom border.
        let popup = area.centered(Length(width), Length(area.height));
        let hint = " ↑↓ scroll · s or Esc closes ";
        let hint_width = u16::try_from(text::width(hint)).unwrap_or(u16::MAX);
        let x = popup.right().saturating_sub(hint_width + 2).max(popup.x);
        let y = popup.bottom().saturating_sub(1);
        buf.set_stringn(x, y, hint, usize::from(popup.width), theme::MUTED);
    }
}

/// Who to call: the clinic's contact, hours and what to do out of hours.
fn clinic_lines(provider: Option<&Provider>, width: usize) -> Vec<Line<'static>> {
    let Some(p) = provider else {
        return text::wrap(
            "This plan names no clinic: contact the clinic that treated you. In an emergency, \
             call emergency services.",
            width,
            3,
        )
        .into_iter()
        .map(|l| Line::styled(l, theme::DETAIL))
        .collect();
    };
    let mut lines = vec![Line::from(vec![
        Span::styled("Your clinic: ", theme::MUTED),
        Span::styled(clinic_name(provider), theme::CONTACT),
    ])];
    for (label, value) in [
        ("Phone", &p.phone),
        ("Email", &p.email),
        ("Web", &p.web),
        ("Hours", &p.hours),
        ("Out of hours", &p.out_of_hours),
    ] {
        if let Some(value) = value {
            let label = format!("{label}: ");
            for (i, l) in text::wrap(value, width.saturating_sub(label.len()), 3)
                .into_iter()
                .enumerate()
            {
                let head = if i == 0 {
                    label.clone()
                } else {
                    " ".repeat(label.len())
                };
                lines.push(Line::from(vec![
                    Span::styled(head, theme::MUTED),
                    Span::styled(l, theme::DETAIL),
                ]));
            }
        }
    }
    lines
}

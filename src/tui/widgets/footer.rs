//! The bottom rows: a save error when there is one, the keys, and the plan's disclaimer.

use crate::tui::app::{App, Screen};
use crate::tui::form_keys::view_hints;
use crate::tui::hints::footer_hints;
use crate::tui::paint::Paint;
use crate::tui::split::{self, Part};
use crate::tui::{style, text};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const SEPARATOR: &str = " · ";

pub struct Footer<'a, Tz: TimeZone>(pub &'a App<Tz>);

impl<Tz: TimeZone> Widget for Footer<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let status_rows = u16::from(app.status.is_some() || app.notice.is_some());
        let [status, hints, disclaimer] =
            split::rows(area, [Part::Len(status_rows), Part::Len(1), Part::Len(1)]);
        // An error outranks a notice.
        let message = match (&app.status, &app.notice) {
            (Some(error), _) => Some((error, style::ERROR)),
            (None, Some(notice)) => Some((notice, style::NOTICE)),
            (None, None) => None,
        };
        if let Some((message, look)) = message {
            buf.set_style(status, look);
            let room = usize::from(status.width).saturating_sub(2);
            Line::styled(format!(" {}", text::truncate(message, room)), look).paint(status, buf);
        }
        let hints_for_screen = match app.screen {
            Screen::Chart | Screen::History => view_hints(),
            _ => footer_hints(app.mode()),
        };
        key_hints(hints_for_screen, hints.width).paint(hints, buf);
        render_disclaimer(&app.rules.disclaimer, disclaimer, buf);
    }
}

/// "↑↓ select · Space tick · …", dropping hints from the middle until it fits; help and
/// quit always stay, since help lists the rest.
pub fn key_hints(mut hints: Vec<(String, &'static str)>, width: u16) -> Line<'static> {
    let line_width = |hints: &[(String, &str)]| {
        hints
            .iter()
            .map(|(k, w)| text::width(k) + 1 + text::width(w))
            .sum::<usize>()
            + text::width(SEPARATOR) * hints.len().saturating_sub(1)
            + 1
    };
    while line_width(&hints) > usize::from(width) && hints.len() > 2 {
        hints.remove(hints.len() - 3);
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, (keys, word)) in hints.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEPARATOR, style::MUTED));
        }
        spans.push(Span::styled(keys, style::KEY));
        spans.push(Span::styled(format!(" {word}"), style::HINT));
    }
    Line::from(spans)
}

/// The disclaimer's first sentence on one line; the help overlay has all of it.
pub fn render_disclaimer(disclaimer: &str, area: Rect, buf: &mut Buffer) {
    let room = usize::from(area.width).saturating_sub(2);
    let line = text::truncate(text::first_sentence(disclaimer), room);
    Line::styled(format!(" {line}"), style::DISCLAIMER).paint(area, buf);
}

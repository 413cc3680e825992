//! The daily check-in form, over the checklist: a row per symptom of the plan with its rating
//! and the usual rating for the day, then a one-line note.

use super::footer::key_hints;
use super::popup;
use crate::journal::expected_on;
use crate::rules::MAX_RATING;
use crate::tui::app::App;
use crate::tui::checkin_form::CheckInForm;
use crate::tui::form_keys::form_hints;
use crate::tui::paint::Paint;
use crate::tui::{style, text};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const MAX_WIDTH: u16 = 66;
/// The label column: symptom titles are cut to fit it.
const LABEL_WIDTH: usize = 24;
const NOTE_LABEL: &str = "Note ";
const SCALE: &str = "0 none · 5 severe";
const USUAL: &str = "usual now";

pub struct CheckInPopup<'a, Tz: TimeZone> {
    pub app: &'a App<Tz>,
    pub form: &'a CheckInForm,
}

impl<Tz: TimeZone> Widget for CheckInPopup<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, form) = (self.app, self.form);
        let rows = u16::try_from(form.ratings.len()).unwrap_or(u16::MAX);
        let height = (rows + 5).min(area.height);
        let width = area.width.saturating_sub(2).min(MAX_WIDTH);
        let edit = if form.is_update() { " · editing" } else { "" };
        let title = format!(
            " Check-in · Day {} · {}{edit} ",
            form.day,
            form.date.format("%a %-d %b")
        );
        let inner = popup::frame(area, width, height, title, false, buf);
        let line_at = |i: u16| popup::line_area(inner, i);
        if inner.height == 0 {
            return;
        }
        let w = usize::from(line_at(0).width);
        Line::styled(SCALE, style::MUTED).paint(line_at(0), buf);
        Line::styled(USUAL, style::MUTED)
            .right_aligned()
            .paint(line_at(0), buf);
        let plan = app.plan();
        for (i, (id, rating)) in form.ratings.iter().enumerate() {
            let y = u16::try_from(i + 1).unwrap_or(u16::MAX);
            if y >= inner.height {
                return;
            }
            let symptom = app.rules.symptoms.iter().find(|s| &s.id == id);
            let title = symptom.map_or(id.as_str(), |s| s.title.as_str());
            let usual = symptom
                .zip(plan.as_ref())
                .and_then(|(s, p)| expected_on(p, s, form.day))
                .map_or_else(String::new, |e| format!("~{}", e.round()));
            let focused = form.row == i;
            let area = line_at(y);
            if focused {
                buf.set_style(area, style::SELECTED);
            }
            rating_line(title, *rating, focused, w).paint(area, buf);
            Line::styled(format!("{usual:>4}  "), style::MUTED)
                .right_aligned()
                .paint(area, buf);
        }
        let note_y = rows + 1;
        if note_y < inner.height {
            render_note(form, line_at(note_y), buf);
        }
        if note_y + 1 < inner.height {
            key_hints(form_hints(), inner.width).paint(line_at(note_y + 1), buf);
        }
    }
}

/// "› Redness           ◂ 2 ▸  ██░░░"
fn rating_line(title: &str, rating: u8, focused: bool, width: usize) -> Line<'static> {
    let label = text::truncate(title, LABEL_WIDTH.min(width.saturating_sub(20)));
    let pad = " ".repeat(LABEL_WIDTH.min(width.saturating_sub(20)) - text::width(&label) + 1);
    let (left, right) = if focused {
        ("◂ ", " ▸")
    } else {
        ("  ", "  ")
    };
    let filled = usize::from(rating);
    let empty = usize::from(MAX_RATING) - filled;
    let bar_style = if rating >= 3 {
        style::CHART_BAR_HIGH
    } else {
        style::CHART_BAR
    };
    let mark = if focused { "› " } else { "  " };
    Line::from(vec![
        Span::styled(mark, style::EMPHASIS),
        Span::raw(format!("{label}{pad}")),
        Span::styled(left, style::KEY),
        Span::styled(rating.to_string(), style::EMPHASIS),
        Span::styled(right, style::KEY),
        Span::raw("  "),
        Span::styled("█".repeat(filled), bar_style),
        Span::styled("░".repeat(empty), style::CHART_BAND),
    ])
}

/// "  Note  itchy in the evening▏", showing the end of a long note.
fn render_note(form: &CheckInForm, area: Rect, buf: &mut Buffer) {
    let focused = form.on_note();
    if focused {
        buf.set_style(area, style::SELECTED);
    }
    let room = usize::from(area.width).saturating_sub(NOTE_LABEL.len() + 4);
    let chars: Vec<char> = form.note.chars().collect();
    let shown: String = chars[chars.len().saturating_sub(room)..].iter().collect();
    let (text_style, placeholder) = match (focused, form.note.is_empty()) {
        (false, true) => (style::MUTED, "optional, e.g. itchy in the evening"),
        _ => (Style::new(), ""),
    };
    let mut spans = vec![
        Span::styled(if focused { "› " } else { "  " }, style::EMPHASIS),
        Span::styled(NOTE_LABEL, style::EMPHASIS),
        Span::styled(format!("{shown}{placeholder}"), text_style),
    ];
    if focused {
        spans.push(Span::styled(" ", style::CURSOR));
    }
    Line::from(spans).paint(area, buf);
}

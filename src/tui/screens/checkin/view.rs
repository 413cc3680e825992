//! The daily check-in form, over the checklist: a row per symptom of the plan with its rating
//! and the usual rating for the day, then a one-line note.

use super::{CheckInForm, keys};
use crate::journal::expected_on;
use crate::rules::MAX_RATING;
use crate::tui::context::Context;
use crate::tui::widgets::footer::key_hints;
use crate::tui::widgets::popup;
use crate::tui::{text, theme};
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
const PLACEHOLDER: &str = "optional, e.g. itchy in the evening";
/// Worded so its marks stay apart in plain ASCII too ("0 none to 5 severe, - not rated"):
/// a "·" between them read "- - not rated" there. It names the key that takes a rating back:
/// the footer has no room for it, and a patient who pressed "-" to clear a rating given by
/// mistake had seen nothing happen (walk-through).
const SCALE: &str = "0 none to 5 severe, – not rated (key -)";
/// Over the usual ratings, for today ...
const USUAL_NOW: &str = "usual now";
/// ... and for another day ("usual on Day 3").
const USUAL_ON: &str = "usual on Day";
/// In place of the rating of a symptom not rated yet: nothing is saved for it.
const NOT_RATED: &str = "–";
/// Why the form was not saved takes at most this many lines.
const MAX_ERROR_LINES: usize = 4;

impl CheckInForm {
    /// Draws the form centred over `area`.
    pub fn render<Tz: TimeZone>(&self, ctx: &Context<Tz>, area: Rect, buf: &mut Buffer) {
        let form = self;
        let rows = u16::try_from(form.ratings.len()).unwrap_or(u16::MAX);
        let width = area.width.saturating_sub(2).min(MAX_WIDTH);
        let error = form.error.as_deref().map_or_else(Vec::new, |e| {
            text::wrap(e, usize::from(width.saturating_sub(4)), MAX_ERROR_LINES)
        });
        let error_rows = u16::try_from(error.len()).unwrap_or(0);
        let height = (rows + 5 + error_rows).min(area.height);
        let edit = if form.is_update() { " · editing" } else { "" };
        let title = format!(
            " Check-in · Day {} · {}{edit} ",
            form.day,
            crate::dates::short_date(form.date)
        );
        let inner = popup::frame(area, width, height, title, false, buf);
        let lines: Vec<Rect> = inner.rows().collect();
        let line_at = |i: u16| lines.get(usize::from(i)).copied().unwrap_or_default();
        if inner.height == 0 {
            return;
        }
        let w = usize::from(line_at(0).width);
        Line::styled(SCALE, theme::MUTED).render(line_at(0), buf);
        // One plan for the frame: today's day and each rating's usual course read it.
        let plan = ctx.plan();
        let usual = match plan.as_ref().map(|p| p.day_of(ctx.now)) {
            Some(today) if today != form.day => format!("{USUAL_ON} {}", form.day),
            _ => USUAL_NOW.to_string(),
        };
        Line::styled(usual, theme::MUTED)
            .right_aligned()
            .render(line_at(0), buf);
        for (i, (id, rating)) in form.ratings.iter().enumerate() {
            let y = u16::try_from(i + 1).unwrap_or(u16::MAX);
            if y >= inner.height {
                return;
            }
            let symptom = ctx.rules.symptoms.iter().find(|s| &s.id == id);
            let title = symptom.map_or(id.as_str(), |s| s.title.as_str());
            let usual = symptom
                .zip(plan.as_ref())
                .and_then(|(s, p)| expected_on(p, s, form.day))
                .map_or_else(String::new, |e| format!("~{}", e.round()));
            let focused = form.row == i;
            let area = line_at(y);
            if focused {
                buf.set_style(area, theme::SELECTED);
            }
            rating_line(title, *rating, focused, w).render(area, buf);
            Line::styled(format!("{usual:>4}  "), theme::MUTED)
                .right_aligned()
                .render(area, buf);
        }
        let note_y = rows + 1;
        if note_y < inner.height {
            render_note(form, line_at(note_y), buf);
        }
        for (i, line) in (note_y + 1..).zip(error) {
            if i < inner.height {
                Line::styled(line, theme::ERROR).render(line_at(i), buf);
            }
        }
        let hints_y = note_y + 1 + error_rows;
        if hints_y < inner.height {
            key_hints(keys::hints(), inner.width).render(line_at(hints_y), buf);
        }
    }
}

/// "› Redness           ‹ 2 ›  ██░░░", or "‹ – ›" while the symptom is not rated. The
/// arrows are "<" and ">" in plain ASCII ("▸" there is "+", a folded line's mark).
fn rating_line(title: &str, rating: Option<u8>, focused: bool, width: usize) -> Line<'static> {
    let label = text::truncate(title, LABEL_WIDTH.min(width.saturating_sub(20)));
    let pad = " ".repeat(LABEL_WIDTH.min(width.saturating_sub(20)) - text::width(&label) + 1);
    let (left, right) = if focused {
        ("‹ ", " ›")
    } else {
        ("  ", "  ")
    };
    let filled = usize::from(rating.unwrap_or(0));
    let empty = usize::from(MAX_RATING) - filled;
    let bar_style = if rating.unwrap_or(0) >= 3 {
        theme::CHART_BAR_HIGH
    } else {
        theme::CHART_BAR
    };
    let mark = if focused { "› " } else { "  " };
    Line::from(vec![
        Span::styled(mark, theme::EMPHASIS),
        Span::raw(format!("{label}{pad}")),
        Span::styled(left, theme::KEY),
        match rating {
            Some(r) => Span::styled(r.to_string(), theme::EMPHASIS),
            None => Span::styled(NOT_RATED, theme::MUTED),
        },
        Span::styled(right, theme::KEY),
        Span::raw("  "),
        Span::styled("█".repeat(filled), bar_style),
        Span::styled("░".repeat(empty), theme::CHART_BAND),
    ])
}

/// "› Note itchy in the evening▏", the cursor kept in view.
fn render_note(form: &CheckInForm, area: Rect, buf: &mut Buffer) {
    let focused = form.on_note();
    if focused {
        buf.set_style(area, theme::SELECTED);
    }
    let mut spans = vec![
        Span::styled(if focused { "› " } else { "  " }, theme::EMPHASIS),
        Span::styled(NOTE_LABEL, theme::EMPHASIS),
    ];
    let room = usize::from(area.width).saturating_sub(NOTE_LABEL.len() + 3);
    if focused {
        spans.extend(form.note.spans(room, Style::new(), theme::CURSOR));
    } else if form.note.value().is_empty() {
        spans.push(Span::styled(PLACEHOLDER, theme::MUTED));
    } else {
        spans.extend(form.note.spans(room, Style::new(), Style::new()));
    }
    Line::from(spans).render(area, buf);
}

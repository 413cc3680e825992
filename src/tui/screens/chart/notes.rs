//! The patient's own notes under the chart: the newest first, from the viewed day back, as
//! many as there are rows for ("Day 8  “itchy in the evening”").
//!
//! A note comes from the state file, which anything may have written: it is shown only
//! through `crate::inert`, so an escape sequence in it shows as text and does nothing.

use crate::inert::inert;
use crate::plan::Plan;
use crate::store::Session;
use crate::tui::{text, theme};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The notes of the check-ins on or before plan day `day`, newest first: (day, inert note).
pub fn notes_up_to<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: &Session,
    day: i64,
) -> Vec<(i64, String)> {
    session
        .checkins
        .range(..=plan.date_of(day))
        .rev()
        .filter(|(_, c)| !c.note.trim().is_empty())
        .map(|(date, c)| (plan.day_of_date(*date), inert(c.note.trim()).into_owned()))
        .collect()
}

/// Draws one note a row into `area`, each cut to fit. Notes that do not fit are counted at
/// the end of the last row: "+2 earlier: ← to their days" (← steps the viewed day back, and
/// the notes with it).
pub fn render_notes(notes: &[(i64, String)], area: Rect, buf: &mut Buffer) {
    let room = usize::from(area.width).saturating_sub(2);
    let rows = usize::from(area.height);
    let earlier = notes.len().saturating_sub(rows);
    for (i, ((day, note), y)) in notes.iter().zip(area.rows()).enumerate() {
        let label = format!(" Day {day} note  ");
        let quoted = format!("“{note}”");
        let more = match earlier {
            n if n > 0 && i + 1 == rows => format!("  +{n} earlier: ← to their days"),
            _ => String::new(),
        };
        let note_room = room.saturating_sub(text::width(&label) + text::width(&more));
        Line::from(vec![
            Span::styled(label, theme::WHEN),
            Span::styled(text::truncate(&quoted, note_room), theme::DETAIL),
            Span::styled(more, theme::FOLD),
        ])
        .render(y, buf);
    }
}

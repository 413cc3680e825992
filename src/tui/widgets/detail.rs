//! A strip under the list: why the selected task matters, and where that comes from.

use super::rule::TitledRule;
use crate::tui::app::App;
use crate::tui::paint::Paint;
use crate::tui::{style, text};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct Detail<'a, Tz: TimeZone>(pub &'a App<Tz>);

impl<Tz: TimeZone> Widget for Detail<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let Some(task) = app.selected_task() else {
            return;
        };
        if area.height < 2 {
            return;
        }
        let inner = TitledRule::inner(area);
        TitledRule {
            left: Line::from(Span::styled(" Why ", style::SECTION)),
            right: more_label(app)
                .map(|more| Line::styled(format!(" {more} "), style::MUTED).right_aligned()),
            style: style::RULE,
        }
        .render(area, buf);
        let sources: Vec<&str> = task
            .sources
            .iter()
            .map(|id| {
                app.rules
                    .source(id)
                    .map_or(id.as_str(), |s| s.title.as_str())
            })
            .collect();
        let sources = match sources.len() {
            0 => String::new(),
            1 => format!("Source: {}", sources[0]),
            _ => format!("Sources: {}", sources.join("; ")),
        };
        let width = usize::from(inner.width).saturating_sub(2);
        let lines = usize::from(inner.height);
        // With room, the sources get a line of their own; otherwise they follow the reason.
        let mut out = if lines >= 3 && !sources.is_empty() {
            let mut out = text::wrap(&task.rationale, width, lines - 1);
            out.push(text::truncate(&sources, width));
            out
        } else {
            text::wrap(&format!("{} {sources}", task.rationale), width, lines)
        };
        out.truncate(lines);
        for (y, line) in (inner.y..).zip(out) {
            let row = Rect {
                y,
                height: 1,
                ..inner
            };
            Line::from(vec![Span::raw(" "), Span::styled(line, style::DETAIL)]).paint(row, buf);
        }
    }
}

/// "↓ 7 more" when tasks are scrolled out of sight below (or above) the list.
fn more_label<Tz: TimeZone>(app: &App<Tz>) -> Option<String> {
    let height = usize::from(app.regions().list.height);
    let rows = app.rows();
    let tasks = |rows: &[crate::tui::app::Row]| {
        rows.iter()
            .filter(|r| matches!(r, crate::tui::app::Row::Task(_)))
            .count()
    };
    let above = tasks(&rows[..app.top.min(rows.len())]);
    let below = tasks(rows.get(app.top + height..).unwrap_or(&[]));
    match (above, below) {
        (0, 0) => None,
        (0, b) => Some(format!("↓ {b} more")),
        (a, 0) => Some(format!("↑ {a} more")),
        (a, b) => Some(format!("↑ {a} · ↓ {b} more")),
    }
}

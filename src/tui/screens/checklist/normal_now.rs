//! What is normal now, as a block of its own under the "Why" strip on a wide terminal, where
//! the column of tasks has rows to spare beside the long column of warning signs: each phase
//! on a line with as much of its detail as fits. Drawn only where every phase's title fits,
//! so nothing is left out that the warning signs' column would have shown.

use crate::checklist::NoteLine;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

const HEADING: &str = " Normal now ";
const MARK: &str = "• ";
/// Lines of detail a phase gets at most.
const MAX_DETAIL_LINES: usize = 3;

/// The day's phases.
pub struct NormalNow<'a> {
    pub phases: &'a [NoteLine],
}

impl NormalNow<'_> {
    /// The lines in `width` cells and at most `rows` rows (the heading's not counted): every
    /// title, and the details as far as they fit, first phases first. `None` when not every
    /// title fits.
    pub fn lines(&self, width: usize, rows: usize) -> Option<Vec<Line<'static>>> {
        if self.phases.is_empty() || rows < self.phases.len() {
            return None;
        }
        let room = width.saturating_sub(4);
        let mut spare = rows - self.phases.len();
        let mut lines = Vec::new();
        for phase in self.phases {
            lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(MARK, theme::PHASE_BAR),
                Span::styled(text::truncate(&phase.title, room), theme::PHASE),
            ]));
            let give = spare.min(MAX_DETAIL_LINES);
            let detail = text::wrap(&phase.detail, room, give);
            spare -= detail.len();
            lines.extend(
                detail
                    .into_iter()
                    .map(|l| Line::from(vec![Span::raw("   "), Span::styled(l, theme::DETAIL)])),
            );
        }
        Some(lines)
    }
}

impl Widget for NormalNow<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rule = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Span::styled(HEADING, theme::SECTION));
        let inner = rule.inner(area);
        let Some(lines) = self.lines(usize::from(inner.width), usize::from(inner.height)) else {
            return;
        };
        rule.render(area, buf);
        Paragraph::new(lines).render(inner, buf);
    }
}

//! A strip under the list: why the selected task matters, and where that comes from, under
//! a rule that also says how many tasks are scrolled out of sight.

use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

/// The selected task's reason and sources, and the tasks out of sight.
pub struct Detail<'a> {
    pub rationale: &'a str,
    /// The titles of the sources it cites.
    pub sources: Vec<&'a str>,
    /// Tasks scrolled out of sight: (above, below).
    pub hidden: (usize, usize),
}

impl Widget for Detail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 {
            return;
        }
        let mut block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Span::styled(" Why ", theme::SECTION));
        if let Some(more) = more_label(self.hidden) {
            block = block.title(Line::styled(format!(" {more} "), theme::MUTED).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let sources = match self.sources.len() {
            0 => String::new(),
            1 => format!("Source: {}", self.sources[0]),
            _ => format!("Sources: {}", self.sources.join("; ")),
        };
        let width = usize::from(inner.width).saturating_sub(2);
        let lines = usize::from(inner.height);
        // With room, the sources get a line of their own; otherwise they follow the reason.
        let mut out = if lines >= 3 && !sources.is_empty() {
            let mut out = text::wrap(self.rationale, width, lines - 1);
            out.push(text::truncate(&sources, width));
            out
        } else {
            text::wrap(&format!("{} {sources}", self.rationale), width, lines)
        };
        out.truncate(lines);
        let out: Vec<Line> = out
            .into_iter()
            .map(|line| Line::from(vec![Span::raw(" "), Span::styled(line, theme::DETAIL)]))
            .collect();
        Paragraph::new(out).render(inner, buf);
    }
}

/// "↓ 7 more" when tasks are scrolled out of sight below (or above) the list.
fn more_label((above, below): (usize, usize)) -> Option<String> {
    match (above, below) {
        (0, 0) => None,
        (0, b) => Some(format!("↓ {b} more")),
        (a, 0) => Some(format!("↑ {a} more")),
        (a, b) => Some(format!("↑ {a} · ↓ {b} more")),
    }
}

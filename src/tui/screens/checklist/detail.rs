//! A strip under the tasks: why the selected one matters and where that comes from, under a
//! rule that, for something to avoid, says until when.

use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

/// The selected task's reason and sources (or what a folded line holds).
pub struct Detail {
    /// For something to avoid, its time: "until Sun 14:00 · 1 d 4 h left".
    pub when: Option<String>,
    pub rationale: String,
    /// The titles of the sources it cites.
    pub sources: Vec<String>,
    /// The key that shows all of it (`i` for a task's "why"): a strip cut short ends with
    /// "… i: all of it", never with a bare "…".
    pub more_key: Option<&'static str>,
}

impl Detail {
    /// Rows it takes with everything said at `width`: the rule, the reason, the sources.
    pub fn rows_wanted(&self, width: u16) -> u16 {
        let width = usize::from(width).saturating_sub(2);
        let lines = text::wrap(&self.rationale, width, usize::MAX).len()
            + text::wrap(&self.sources_words(), width, usize::MAX).len();
        u16::try_from(1 + lines).unwrap_or(u16::MAX)
    }

    fn sources_words(&self) -> String {
        match self.sources.len() {
            0 => String::new(),
            1 => format!("Source: {}", self.sources[0]),
            _ => format!("Sources: {}", self.sources.join("; ")),
        }
    }
}

impl Widget for Detail {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 {
            return;
        }
        let mut block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Span::styled(" Why ", theme::SECTION));
        if let Some(when) = &self.when {
            block = block.title(Line::styled(format!(" {when} "), theme::WHEN).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let sources = self.sources_words();
        let width = usize::from(inner.width).saturating_sub(2);
        let lines = usize::from(inner.height);
        let reason = text::wrap(&self.rationale, width, usize::MAX);
        let cited = text::wrap(&sources, width, usize::MAX);
        // With room for all of it, all of it; else the sources get a line of their own;
        // else they follow the reason.
        let mut out = if reason.len() + cited.len() <= lines {
            reason.into_iter().chain(cited).collect()
        } else if lines >= 3 && !sources.is_empty() {
            let mut out = text::wrap(&self.rationale, width, lines - 1);
            out.push(text::truncate(&sources, width));
            out
        } else {
            text::wrap(format!("{} {sources}", self.rationale).trim(), width, lines)
        };
        let whole = out.len() <= lines && !out.iter().any(|l| l.ends_with('…'));
        out.truncate(lines);
        if let (false, Some(key), Some(last)) = (whole, self.more_key, out.last_mut()) {
            let more = format!("… {key}: all of it");
            let keep = width.saturating_sub(text::width(&more));
            let cut = text::truncate(last.trim_end_matches('…'), keep + 1);
            *last = format!("{}{more}", cut.trim_end_matches('…').trim_end());
        }
        let out: Vec<Line> = out
            .into_iter()
            .map(|line| Line::from(vec![Span::raw(" "), Span::styled(line, theme::DETAIL)]))
            .collect();
        Paragraph::new(out).render(inner, buf);
    }
}

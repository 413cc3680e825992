//! A section's heading: a horizontal rule across the top row with titles on it.
//!
//! Cell for cell what `Block::new().borders(Borders::TOP).border_style(style)` with a left
//! and an optional right title draws (ratatui-widgets 0.3, `Block::render`), without the
//! block's first step, a style pass over every cell of its whole area, which for the two
//! note sections was 0.12 M instructions of the first frame (callgrind, built-in plan at
//! 120x40). The tests compare the two at every width.

use crate::tui::paint::Paint;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub struct TitledRule<'a> {
    /// Drawn from the left end of the rule.
    pub left: Line<'a>,
    /// Drawn against the right end, over the left one if the row is too narrow for both.
    pub right: Option<Line<'a>>,
    /// The rule's style; each title keeps its own on top of it.
    pub style: Style,
}

impl TitledRule<'_> {
    /// The area below the rule, as `Block::inner` gives it.
    pub fn inner(area: Rect) -> Rect {
        Rect {
            y: area.y.saturating_add(1).min(area.bottom()),
            height: area.height.saturating_sub(1),
            ..area
        }
    }
}

/// A line's width in cells, as the block measures a title.
fn width(line: &Line<'_>) -> u16 {
    u16::try_from(line.width()).unwrap_or(u16::MAX)
}

impl Widget for TitledRule<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let row = Rect { height: 1, ..area };
        for x in row.left()..row.right() {
            buf[(x, row.y)].set_symbol("─").set_style(self.style);
        }
        let left = Rect {
            width: width(&self.left).min(row.width),
            ..row
        };
        self.left.paint(left, buf);
        if let Some(right) = &self.right {
            let title = width(right);
            let at = Rect {
                x: row.right().saturating_sub(title).max(row.left()),
                width: title.min(row.width),
                ..row
            };
            right.paint(at, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::style;
    use ratatui::text::Span;
    use ratatui::widgets::{Block, Borders};

    #[test]
    fn draws_what_a_block_with_a_top_border_draws_at_every_width() {
        let titles: [(Line, Option<Line>); 4] = [
            (
                Line::from(Span::styled(" Normal now ", style::SECTION)),
                None,
            ),
            (
                Line::from(Span::styled(" Why ", style::SECTION)),
                Some(Line::styled(" 2 sources ", style::MUTED).right_aligned()),
            ),
            (
                Line::from(Span::styled(" ⚠️ Call ", style::WARNING_SECTION)),
                Some(Line::styled(" 日本 ", style::MUTED).right_aligned()),
            ),
            (Line::from(""), None),
        ];
        for (left, right) in titles {
            for width in 0..30 {
                for height in 0..3 {
                    let area = Rect::new(1, 1, width, height);
                    let mut block = Block::new()
                        .borders(Borders::TOP)
                        .border_style(style::RULE)
                        .title(left.clone());
                    if let Some(right) = &right {
                        block = block.title(right.clone());
                    }
                    let mut want = Buffer::empty(Rect::new(0, 0, 32, 4));
                    (&block).render(area, &mut want);
                    let mut got = Buffer::empty(Rect::new(0, 0, 32, 4));
                    let rule = TitledRule {
                        left: left.clone(),
                        right: right.clone(),
                        style: style::RULE,
                    };
                    rule.render(area, &mut got);
                    assert_eq!(got, want, "{left:?} {right:?} at {area:?}");
                    assert_eq!(TitledRule::inner(area), block.inner(area), "{area:?}");
                }
            }
        }
    }
}

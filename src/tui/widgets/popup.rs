//! The frame every popup shares (help, why, the check-in form, the first-run prompt): centred,
//! drawn over whatever is beneath, rounded, titled, and one cell of air inside each side.

use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::Length;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

/// What the bottom border says on popups that any key closes.
const ANY_KEY_CLOSES: &str = " any key closes ";

/// Clears a `width` × `height` box centred in `area` (clipped to it), draws its border with
/// `title` — and "any key closes" when `closes_on_any_key` — and returns the area inside.
pub fn frame(
    area: Rect,
    width: u16,
    height: u16,
    title: String,
    closes_on_any_key: bool,
    buf: &mut Buffer,
) -> Rect {
    let popup = area.centered(Length(width), Length(height));
    Clear.render(popup, buf);
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::POPUP_BORDER)
        .title(Span::styled(title, theme::SECTION));
    if closes_on_any_key {
        block = block.title_bottom(Line::styled(ANY_KEY_CLOSES, theme::MUTED).right_aligned());
    }
    let inner = block.inner(popup);
    block.render(popup, buf);
    inner
}

/// The rectangle of line `i` inside a popup's `inner` area, one cell in from each side.
pub fn line_area(inner: Rect, i: u16) -> Rect {
    Rect {
        x: inner.x + 1,
        y: inner.y + i,
        width: inner.width.saturating_sub(2),
        height: 1,
    }
}

/// Draws `lines` one per row inside `inner`, as many as fit.
pub fn render_lines(lines: Vec<Line<'_>>, inner: Rect, buf: &mut Buffer) {
    for (i, line) in (0..inner.height).zip(lines) {
        line.render(line_area(inner, i), buf);
    }
}

/// The height of a popup holding `lines` lines, borders included.
pub fn height_for(lines: usize) -> u16 {
    u16::try_from(lines + 2).unwrap_or(u16::MAX)
}

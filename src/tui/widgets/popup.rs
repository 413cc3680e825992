//! The frame every popup shares (help, why, the check-in form, the first-run prompt): centred,
//! drawn over whatever is beneath, rounded, titled, and one cell of air inside each side.

use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::Length;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph, Widget};

/// What the bottom border says on popups that any key closes.
const ANY_KEY_CLOSES: &str = " any key closes ";

/// A popup of lines of text, as tall as they are (and as the area allows).
pub struct Popup<'a> {
    pub title: String,
    /// At most this wide, borders included.
    pub width: u16,
    pub lines: Vec<Line<'a>>,
    /// Says so on the bottom border.
    pub closes_on_any_key: bool,
}

impl Widget for Popup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = u16::try_from(self.lines.len() + 2).unwrap_or(u16::MAX);
        let inner = frame(
            area,
            self.width,
            height,
            self.title,
            self.closes_on_any_key,
            buf,
        );
        Paragraph::new(self.lines).render(inner, buf);
    }
}

/// Clears a `width` × `height` box centred in `area` (clipped to it), draws its border with
/// `title` — and "any key closes" when `closes_on_any_key` — and returns the area inside,
/// a cell in from each side.
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
        .padding(Padding::horizontal(1))
        .title(Span::styled(title, theme::SECTION));
    if closes_on_any_key {
        block = block.title_bottom(Line::styled(ANY_KEY_CLOSES, theme::MUTED).right_aligned());
    }
    let inner = block.inner(popup);
    block.render(popup, buf);
    inner
}

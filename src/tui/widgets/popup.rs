//! The frame every popup shares (help, why, the check-in form, the first-run prompt): centred,
//! drawn over whatever is beneath, rounded, titled, and one cell of air inside each side. A
//! popup of text taller than the screen scrolls (`render_scrolled`, `Scroll`): ↑↓ move it a
//! line, PgUp/PgDn a page, Home/End to either end; its border says there is more.

use crate::tui::keymap::is_press;
use crate::tui::theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::Length;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph, Widget};

/// What the bottom border says on popups that any key closes ...
const ANY_KEY_CLOSES: &str = " any key closes ";
/// ... and on those too tall for the screen, which scroll.
const MORE_BELOW: &str = " ↓ more · ↑↓ scroll · other keys close ";
const AT_THE_END: &str = " ↑↓ scroll · other keys close ";

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

impl Popup<'_> {
    /// Renders the popup with its text from line `top` on (kept within what there is to see),
    /// saying on the bottom border when there is more to scroll to.
    pub fn render_scrolled(self, top: usize, area: Rect, buf: &mut Buffer) {
        let rows = text_rows(area);
        let top = top.min(max_top(self.lines.len(), area));
        if self.lines.len() <= rows {
            return self.render(area, buf);
        }
        let bottom = if top + rows < self.lines.len() {
            MORE_BELOW
        } else {
            AT_THE_END
        };
        let visible: Vec<Line> = self.lines.into_iter().skip(top).take(rows).collect();
        let height = u16::try_from(visible.len() + 2).unwrap_or(u16::MAX);
        let inner = frame_with(area, self.width, height, self.title, Some(bottom), buf);
        Paragraph::new(visible).render(inner, buf);
    }
}

/// How many lines of text a popup in `area` can show at once.
pub fn text_rows(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(2))
}

/// The first line shown when a popup of `lines` lines in `area` is scrolled to its end.
pub fn max_top(lines: usize, area: Rect) -> usize {
    lines.saturating_sub(text_rows(area))
}

/// How a key scrolls a popup's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Scroll {
    /// The scrolling a key asks for, if any: ↑↓ (and k, j), PgUp, PgDn, Home, End.
    pub fn of(key: KeyEvent) -> Option<Scroll> {
        if !is_press(key)
            || key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return None;
        }
        Some(match key.code {
            KeyCode::Up | KeyCode::Char('k') => Scroll::Up,
            KeyCode::Down | KeyCode::Char('j') => Scroll::Down,
            KeyCode::PageUp => Scroll::PageUp,
            KeyCode::PageDown => Scroll::PageDown,
            KeyCode::Home => Scroll::Home,
            KeyCode::End => Scroll::End,
            _ => return None,
        })
    }

    /// The first line to show after scrolling from `top`, for `lines` lines in `area`.
    pub fn apply(self, top: usize, lines: usize, area: Rect) -> usize {
        let (page, end) = (
            text_rows(area).saturating_sub(1).max(1),
            max_top(lines, area),
        );
        let top = top.min(end);
        match self {
            Scroll::Up => top.saturating_sub(1),
            Scroll::Down => top + 1,
            Scroll::PageUp => top.saturating_sub(page),
            Scroll::PageDown => top + page,
            Scroll::Home => 0,
            Scroll::End => end,
        }
        .min(end)
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
    let bottom = closes_on_any_key.then_some(ANY_KEY_CLOSES);
    frame_with(area, width, height, title, bottom, buf)
}

/// `frame`, with `bottom` (when given) on the bottom border, on the right.
fn frame_with(
    area: Rect,
    width: u16,
    height: u16,
    title: String,
    bottom: Option<&'static str>,
    buf: &mut Buffer,
) -> Rect {
    let popup = area.centered(Length(width), Length(height));
    Clear.render(popup, buf);
    let mut block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::POPUP_BORDER)
        .padding(Padding::horizontal(1))
        .title(Span::styled(title, theme::SECTION));
    if let Some(bottom) = bottom {
        block = block.title_bottom(Line::styled(bottom, theme::MUTED).right_aligned());
    }
    let inner = block.inner(popup);
    block.render(popup, buf);
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stays_within_the_text() {
        // 30 lines in a popup with room for 20: the last 10 are below.
        let area = Rect::new(0, 0, 80, 22);
        let apply = |scroll: Scroll, top| scroll.apply(top, 30, area);
        assert_eq!(max_top(30, area), 10);
        assert_eq!(apply(Scroll::Down, 0), 1);
        assert_eq!(apply(Scroll::Down, 10), 10);
        assert_eq!(apply(Scroll::Up, 0), 0);
        assert_eq!(apply(Scroll::PageDown, 0), 10);
        assert_eq!(apply(Scroll::PageUp, 10), 0);
        assert_eq!(apply(Scroll::End, 3), 10);
        assert_eq!(apply(Scroll::Home, 7), 0);
        // A popup that fits does not move.
        assert_eq!(Scroll::Down.apply(0, 12, area), 0);
        let key = |code| KeyEvent::from(code);
        assert_eq!(Scroll::of(key(KeyCode::Char('j'))), Some(Scroll::Down));
        assert_eq!(Scroll::of(key(KeyCode::Char('q'))), None);
    }
}

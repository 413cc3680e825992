//! The scrollbar beside a list that does not fit: the checklist's and the timeline's.

use crate::tui::style;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

/// Draws, in the rightmost column of `area`, where a list of `rows` rows whose first shown row
/// is `top` stands; nothing when the list fits.
pub fn render(top: usize, rows: usize, area: Rect, buf: &mut Buffer) {
    let height = usize::from(area.height);
    if rows <= height {
        return;
    }
    let bar = Rect {
        x: area.right().saturating_sub(1),
        width: 1,
        ..area
    };
    let mut state = ScrollbarState::new(rows - height).position(top);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("┃")
        .track_style(style::RULE)
        .thumb_style(style::MUTED)
        .render(bar, buf, &mut state);
}

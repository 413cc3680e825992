//! Labels on one row along an axis (the timeline's day numbers and dates, the journal chart's
//! day numbers): each placed left to right where it fits between two columns, at least a cell
//! from every other, or not at all. A caller places the labels that must show first.

use crate::tui::text;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// Labels placed on one row between columns `start` and `end` (exclusive), a cell apart.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    start: u16,
    end: u16,
    placed: Vec<(u16, String, Style)>,
}

impl Labels {
    /// No labels yet, room from column `start` up to `end` (exclusive).
    pub fn new(start: u16, end: u16) -> Self {
        Labels {
            start,
            end,
            placed: Vec::new(),
        }
    }

    /// Places `label` at column `x` in `look` unless it would touch one placed (they keep a
    /// cell between them) or run outside the room; says whether it did.
    pub fn place(&mut self, x: u16, label: String, look: Style) -> bool {
        let end = x.saturating_add(width(&label));
        let clashes = self
            .placed
            .iter()
            .any(|(at, other, _)| x < at.saturating_add(width(other)) + 1 && *at < end + 1);
        let fits = !clashes && x >= self.start && end <= self.end;
        if fits {
            self.placed.push((x, label, look));
        }
        fits
    }

    /// Whether a placed label covers column `x`.
    pub fn covers(&self, x: u16) -> bool {
        self.placed
            .iter()
            .any(|(at, label, _)| (*at..at.saturating_add(width(label))).contains(&x))
    }

    /// Draws the labels on row `y`.
    pub fn render(&self, y: u16, buf: &mut Buffer) {
        for (x, label, look) in &self.placed {
            buf.set_string(*x, y, label, *look);
        }
    }
}

/// Display width in cells (`text::width`), as a column count.
pub fn width(label: &str) -> u16 {
    u16::try_from(text::width(label)).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_a_cell_apart_and_inside_their_room() {
        let mut row = Labels::new(5, 20);
        assert!(row.place(5, "Day 1".into(), Style::new()));
        // "8" right after "Day 1" would touch it; a cell on, it fits.
        assert!(!row.place(10, "8".into(), Style::new()));
        assert!(row.place(11, "8".into(), Style::new()));
        assert!(!row.place(4, "x".into(), Style::new()), "left of the room");
        assert!(row.place(18, "22".into(), Style::new()));
        assert!(!row.place(19, "29".into(), Style::new()), "touches 22");
        assert!(
            !Labels::new(0, 3).place(2, "ab".into(), Style::new()),
            "runs off the end"
        );
        assert!(row.covers(9) && !row.covers(10) && row.covers(11));
    }

    #[test]
    fn wide_characters_take_their_cells() {
        let mut row = Labels::new(0, 10);
        assert!(row.place(0, "日本".into(), Style::new()));
        assert!(!row.place(4, "x".into(), Style::new()));
        assert!(row.place(5, "x".into(), Style::new()));
    }
}

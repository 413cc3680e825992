//! The cells a frame must write over a blank terminal: what ratatui's `Buffer::diff` yields
//! against a buffer of default cells, found without that buffer.
//!
//! Right after the alternate screen is entered, or the screen cleared for a resize, the
//! terminal shows nothing. ratatui would still compare every cell of the frame with a second,
//! blank buffer: allocating it cost 114 fresh pages (~0.2 ms at start) and comparing the two
//! 0.39 M instructions (callgrind, built-in plan at 120x40). Comparing a cell with a default
//! one only needs the cell, so this walks the frame alone, step for step as ratatui's
//! `BufferDiff` walks two buffers (ratatui-core 0.1.2, buffer/diff.rs); the tests compare the
//! two on generated frames.
//!
//! Against a default cell, some of `BufferDiff`'s branches cannot happen: a default cell is
//! one column wide with no background or modifiers, so no stale style needs clearing after a
//! wide character, and a cell that forces its width or always updates never equals it.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

/// Yields `(x, y, cell)` for each cell of `frame` that a blank screen does not already show,
/// in the order and with the skips of `Buffer::empty(frame.area).diff(frame)`.
pub struct BlankDiff<'a> {
    cells: &'a [Cell],
    area: Rect,
    at: usize,
    /// The columns an emoji with a variation selector (U+FE0F) covers: any of them that holds
    /// a symbol is written too, for terminals that do not clear them (as ratatui does).
    trailing: Option<(usize, usize)>,
}

impl<'a> BlankDiff<'a> {
    pub fn new(frame: &'a Buffer) -> Self {
        BlankDiff {
            cells: &frame.content,
            area: frame.area,
            at: 0,
            trailing: None,
        }
    }

    fn item(&self, index: usize) -> (u16, u16, &'a Cell) {
        let width = usize::from(self.area.width);
        // Both fit in u16: the index lies within an area of u16 sides.
        let x = (index % width) as u16 + self.area.x;
        let y = (index / width) as u16 + self.area.y;
        (x, y, &self.cells[index])
    }
}

/// Whether ratatui leaves the cell out of every diff.
#[allow(deprecated)] // `skip` is read because ratatui's diff still honours it.
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// Whether a cell without a diff option or skip flag equals `Cell::EMPTY`: the cheap fields
/// first, since most cells of a frame differ from blank in their colours or their symbol.
fn looks_blank(cell: &Cell) -> bool {
    matches!(cell.bg, Color::Reset)
        && matches!(cell.fg, Color::Reset)
        && cell.modifier == Modifier::empty()
        && matches!(cell.underline_color, Color::Reset)
        && cell.symbol().as_bytes() == b" "
}

impl<'a> Iterator for BlankDiff<'a> {
    type Item = (u16, u16, &'a Cell);

    // Inlined into the one loop that writes the cells, the walk costs a third less
    // (callgrind: 65 instructions a cell as a call).
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let len = self.cells.len();
        if let Some((next, end)) = &mut self.trailing {
            while *next < *end {
                let j = *next;
                // A wide cell in the covered columns covers its own trailing columns too.
                *next += usize::from(self.cells[j].cell_width().max(1));
                *end = (*end).max(*next).min(len);
                if !is_skip(&self.cells[j]) && self.cells[j].symbol() != " " {
                    return Some(self.item(j));
                }
            }
            self.at = *end;
            self.trailing = None;
        }
        while self.at < len {
            let i = self.at;
            self.at += 1;
            let cell = &self.cells[i];
            match cell.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(cell) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.at = self.at.saturating_add(usize::from(width.get() - 1));
                    return Some(self.item(i));
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    if matches!(cell.diff_option, CellDiffOption::None) && looks_blank(cell) {
                        continue;
                    }
                    // `cell_width` measures the symbol; most are one byte, one column, and
                    // answered here without the call.
                    let symbol = cell.symbol();
                    let width = match symbol.len() {
                        1 => 1,
                        _ => usize::from(symbol.cell_width()),
                    };
                    if width > 1 && symbol.contains('\u{FE0F}') {
                        self.trailing = Some((i + 1, (i + width).min(len)));
                    } else if width > 1 {
                        self.at += width - 1;
                    }
                    return Some(self.item(i));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests;

//! The bytes that paint cells on the terminal: what ratatui's crossterm backend writes,
//! written directly.
//!
//! `CrosstermBackend::draw` sends every cell through crossterm's `Print` command and every
//! cursor jump through `MoveTo`, each formatted by `core::fmt`: that was a sixth of the
//! instructions of the first frame (callgrind, built-in plan at 120x40). Here the two are
//! written as bytes, and so are style changes (`sgr`).
//! A test draws the same cells through both and compares the output byte for byte.

use super::sgr::{self, attr, attribute as set};
use ratatui::buffer::Cell;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use std::io;

/// "ESC [ row ; column H", one-based, as crossterm's `MoveTo` writes it.
fn move_to(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    sgr::decimal(out, u32::from(y) + 1);
    out.push(b';');
    sgr::decimal(out, u32::from(x) + 1);
    out.push(b'H');
}

/// The attribute changes from `from` to `to`, in the order ratatui's backend sends them.
fn modifier_diff(w: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        set(w, attr::NO_REVERSE);
    }
    // Bold and dim are both ended by normal intensity; what stays is set again.
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        set(w, attr::NORMAL_INTENSITY);
        if to.contains(Modifier::DIM) {
            set(w, attr::DIM);
        }
        if to.contains(Modifier::BOLD) {
            set(w, attr::BOLD);
        }
    }
    for (modifier, off) in [
        (Modifier::ITALIC, attr::NO_ITALIC),
        (Modifier::UNDERLINED, attr::NO_UNDERLINE),
        (Modifier::CROSSED_OUT, attr::NOT_CROSSED_OUT),
        (Modifier::HIDDEN, attr::NO_HIDDEN),
    ] {
        if removed.contains(modifier) {
            set(w, off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(w, attr::NO_BLINK);
    }
    let added = to - from;
    for (modifier, on, unless_reset) in [
        (Modifier::REVERSED, attr::REVERSE, false),
        (Modifier::BOLD, attr::BOLD, true),
        (Modifier::ITALIC, attr::ITALIC, false),
        (Modifier::UNDERLINED, attr::UNDERLINED, false),
        (Modifier::DIM, attr::DIM, true),
        (Modifier::CROSSED_OUT, attr::CROSSED_OUT, false),
        (Modifier::HIDDEN, attr::HIDDEN, false),
        (Modifier::SLOW_BLINK, attr::SLOW_BLINK, false),
        (Modifier::RAPID_BLINK, attr::RAPID_BLINK, false),
    ] {
        if added.contains(modifier) && !(unless_reset && reset_intensity) {
            set(w, on);
        }
    }
}

/// Appends to `w` the bytes for `content` — cells with their positions, as a diff yields
/// them — exactly as `CrosstermBackend::draw` writes them: a cursor move only where a cell
/// does not follow the last one, a style change only where the style changes, and every
/// style reset at the end.
pub fn write_cells<'a>(
    w: &mut Vec<u8>,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
    let mut modifier = Modifier::empty();
    let mut last: Option<Position> = None;
    for (x, y, cell) in content {
        if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
            move_to(w, x, y);
        }
        last = Some(Position { x, y });
        if cell.modifier != modifier {
            modifier_diff(w, modifier, cell.modifier);
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            sgr::colors(w, cell.fg, cell.bg)?;
            (fg, bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != underline {
            sgr::underline(w, cell.underline_color)?;
            underline = cell.underline_color;
        }
        // Most symbols are one byte: a push is cheaper than copying a slice.
        match cell.symbol().as_bytes() {
            &[byte] => w.push(byte),
            bytes => w.extend_from_slice(bytes),
        }
    }
    sgr::reset(w)
}

#[cfg(test)]
mod tests;

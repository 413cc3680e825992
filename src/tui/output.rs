//! The bytes that paint cells on the terminal: what ratatui's crossterm backend writes,
//! written directly.
//!
//! `CrosstermBackend::draw` sends every cell through crossterm's `Print` command and every
//! cursor jump through `MoveTo`, each formatted by `core::fmt`: that was a sixth of the
//! instructions of the first frame (callgrind, built-in plan at 120x40). Here the two are
//! written as bytes; style changes, which are rare, still go through crossterm's commands.
//! A test draws the same cells through both and compares the output byte for byte.

use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Cell;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};

/// "ESC [ row ; column H", one-based, as crossterm's `MoveTo` writes it.
fn move_to(out: &mut Vec<u8>, x: u16, y: u16) {
    let mut digits = [0u8; 16];
    let mut at = digits.len() - 1;
    digits[at] = b'H';
    for (i, n) in [u32::from(x) + 1, u32::from(y) + 1].into_iter().enumerate() {
        let mut n = n;
        loop {
            at -= 1;
            // A digit: n % 10 is below 10.
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        at -= 1;
        digits[at] = if i == 0 { b';' } else { b'[' };
    }
    at -= 1;
    digits[at] = b'\x1b';
    out.extend_from_slice(&digits[at..]);
}

fn set(w: &mut impl Write, attribute: Attribute) -> io::Result<()> {
    queue!(w, SetAttribute(attribute))
}

/// The attribute changes from `from` to `to`, in the order ratatui's backend sends them.
fn modifier_diff(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        set(w, Attribute::NoReverse)?;
    }
    // Bold and dim are both ended by normal intensity; what stays is set again.
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        set(w, Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(w, Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(w, Attribute::Bold)?;
        }
    }
    for (modifier, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(modifier) {
            set(w, off)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(w, Attribute::NoBlink)?;
    }
    let added = to - from;
    for (modifier, on, unless_reset) in [
        (Modifier::REVERSED, Attribute::Reverse, false),
        (Modifier::BOLD, Attribute::Bold, true),
        (Modifier::ITALIC, Attribute::Italic, false),
        (Modifier::UNDERLINED, Attribute::Underlined, false),
        (Modifier::DIM, Attribute::Dim, true),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, false),
        (Modifier::HIDDEN, Attribute::Hidden, false),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, false),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, false),
    ] {
        if added.contains(modifier) && !(unless_reset && reset_intensity) {
            set(w, on)?;
        }
    }
    Ok(())
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
            modifier_diff(w, modifier, cell.modifier)?;
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
            queue!(w, SetColors(colors))?;
            (fg, bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != underline {
            queue!(w, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
            underline = cell.underline_color;
        }
        // Most symbols are one byte: a push is cheaper than copying a slice.
        match cell.symbol().as_bytes() {
            &[byte] => w.push(byte),
            bytes => w.extend_from_slice(bytes),
        }
    }
    queue!(
        w,
        SetForegroundColor(CColor::Reset),
        SetBackgroundColor(CColor::Reset),
        SetUnderlineColor(CColor::Reset),
        SetAttribute(Attribute::Reset),
    )
}

#[cfg(test)]
mod tests;

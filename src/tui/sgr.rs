//! Style changes (SGR, "select graphic rendition") written as bytes, the bytes crossterm's
//! commands write.
//!
//! crossterm formats each style change through `core::fmt`, and its `SetAttribute` builds a
//! `String` for the number: about 500 instructions a change, 0.1 M on the first frame
//! (callgrind, built-in plan at 120x40, 186 changes). Here the numbers are copied from
//! tables. When colours are turned off (`NO_COLOR`), crossterm writes colour changes
//! differently, so they are left to it then. The tests compare both ways for every
//! attribute and colour.

use crossterm::style::{
    Color as CColor, Colored, Colors, SetColors, SetForegroundColor, SetUnderlineColor,
};
use ratatui::backend::IntoCrossterm;
use ratatui::style::Color;
use std::io;

/// The SGR numbers of the attributes ratatui's crossterm backend uses, as crossterm
/// numbers them.
pub mod attr {
    pub const RESET: &[u8] = b"0";
    pub const BOLD: &[u8] = b"1";
    pub const DIM: &[u8] = b"2";
    pub const ITALIC: &[u8] = b"3";
    pub const UNDERLINED: &[u8] = b"4";
    pub const SLOW_BLINK: &[u8] = b"5";
    pub const RAPID_BLINK: &[u8] = b"6";
    pub const REVERSE: &[u8] = b"7";
    pub const HIDDEN: &[u8] = b"8";
    pub const CROSSED_OUT: &[u8] = b"9";
    pub const NORMAL_INTENSITY: &[u8] = b"22";
    pub const NO_ITALIC: &[u8] = b"23";
    pub const NO_UNDERLINE: &[u8] = b"24";
    pub const NO_BLINK: &[u8] = b"25";
    pub const NO_REVERSE: &[u8] = b"27";
    pub const NO_HIDDEN: &[u8] = b"28";
    pub const NOT_CROSSED_OUT: &[u8] = b"29";
}

/// "ESC [ code m", as crossterm's `SetAttribute` writes it.
pub fn attribute(out: &mut Vec<u8>, code: &[u8]) {
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(code);
    out.push(b'm');
}

/// Foreground and background at once, as crossterm's `SetColors` writes them.
pub fn colors(out: &mut Vec<u8>, fg: Color, bg: Color) -> io::Result<()> {
    if Colored::ansi_color_disabled_memoized() {
        let colors = Colors::new(fg.into_crossterm(), bg.into_crossterm());
        return crossterm::queue!(out, SetColors(colors));
    }
    out.extend_from_slice(b"\x1b[");
    color(out, 38, fg);
    out.push(b';');
    color(out, 48, bg);
    out.push(b'm');
    Ok(())
}

/// The underline colour, as crossterm's `SetUnderlineColor` writes it.
pub fn underline(out: &mut Vec<u8>, underline: Color) -> io::Result<()> {
    if Colored::ansi_color_disabled_memoized() {
        return crossterm::queue!(out, SetUnderlineColor(underline.into_crossterm()));
    }
    out.extend_from_slice(b"\x1b[");
    color(out, 58, underline);
    out.push(b'm');
    Ok(())
}

/// Every colour and attribute back to the terminal's default, as ratatui's crossterm
/// backend ends a frame.
pub fn reset(out: &mut Vec<u8>) -> io::Result<()> {
    if Colored::ansi_color_disabled_memoized() {
        crossterm::queue!(
            out,
            SetForegroundColor(CColor::Reset),
            crossterm::style::SetBackgroundColor(CColor::Reset),
            SetUnderlineColor(CColor::Reset),
        )?;
    } else {
        out.extend_from_slice(b"\x1b[39m\x1b[49m\x1b[59m");
    }
    attribute(out, attr::RESET);
    Ok(())
}

/// A colour's parameters: `base` (38 foreground, 48 background, 58 underline) then the
/// colour, or `base + 1` for the default. ratatui's colours are mapped by ratatui, as its
/// backend maps them, and named colours are sent as their 256-colour index, as crossterm
/// sends them.
fn color(out: &mut Vec<u8>, base: u8, color: Color) {
    let index = match color.into_crossterm() {
        CColor::Reset => return decimal(out, u32::from(base) + 1),
        CColor::Rgb { r, g, b } => {
            decimal(out, u32::from(base));
            out.extend_from_slice(b";2;");
            decimal(out, u32::from(r));
            out.push(b';');
            decimal(out, u32::from(g));
            out.push(b';');
            return decimal(out, u32::from(b));
        }
        CColor::AnsiValue(index) => index,
        CColor::Black => 0,
        CColor::DarkRed => 1,
        CColor::DarkGreen => 2,
        CColor::DarkYellow => 3,
        CColor::DarkBlue => 4,
        CColor::DarkMagenta => 5,
        CColor::DarkCyan => 6,
        CColor::Grey => 7,
        CColor::DarkGrey => 8,
        CColor::Red => 9,
        CColor::Green => 10,
        CColor::Yellow => 11,
        CColor::Blue => 12,
        CColor::Magenta => 13,
        CColor::Cyan => 14,
        CColor::White => 15,
    };
    decimal(out, u32::from(base));
    out.extend_from_slice(b";5;");
    decimal(out, u32::from(index));
}

/// `n` in decimal digits, as `core::fmt` writes it.
pub fn decimal(out: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
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
    out.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
mod tests;

//! The screen the app draws on: what ratatui's `Terminal` does for a fixed, full-screen
//! viewport, with the same bytes out, for less work on the first frame.
//!
//! `Terminal` allocates two screen buffers before anything is drawn and compares the first
//! frame, cell for cell, with the blank one (callgrind, built-in plan at 120x40: 0.19 M
//! instructions to allocate, 0.39 M to compare, and 114 page faults for 2 × 228 KB of fresh
//! memory). Here the first frame, and the first after a resize (which clears the terminal),
//! is written over nothing: `BlankDiff` picks the cells `Buffer::diff` would against a blank
//! buffer. The second buffer is allocated only once that frame is out, so peak memory is
//! unchanged; from then on each frame is compared with the last and the two swap, as in
//! ratatui.
//!
//! A frame's bytes are gathered in a vector kept from frame to frame and leave in one write,
//! instead of one small write per cell into a `BufWriter`.
//!
//! The tests run a sequence of frames, with wide characters, emoji and resizes, through this
//! and through ratatui's `Terminal` and crossterm backend, and compare the bytes.

use super::blank_diff::BlankDiff;
use super::output::write_cells;
use crossterm::cursor::{Hide, MoveTo};
use crossterm::terminal::{Clear, ClearType};
use crossterm::{Command, queue};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::widgets::Widget;
use std::io::{self, Write};

/// Room for a frame's bytes from the start, so the first frame is not copied as its vector
/// grows: that frame is 6.4 kB at 120x40 (about 1.3 bytes a cell). Larger frames grow it.
const FRAME_BYTES: usize = 16 * 1024;

pub struct Screen<W: Write> {
    out: W,
    area: Rect,
    /// Where the next frame is rendered: blank (default cells) until then.
    next: Buffer,
    /// The last frame written, to compare the next one with; `None` until the first frame
    /// has been written, so that start-up allocates one buffer only.
    shown: Option<Buffer>,
    /// Whether the terminal shows nothing (at start, and after a resize cleared it), so the
    /// next frame is written without comparing it with `shown`.
    blank: bool,
    /// The bytes of the frame being written; kept, with its capacity, between frames.
    bytes: Vec<u8>,
}

impl<W: Write> Screen<W> {
    /// A screen of `size` on a terminal that shows nothing yet (a fresh alternate screen).
    pub fn new(out: W, size: Size) -> Self {
        let area = Rect::from((Position::ORIGIN, size));
        Screen {
            out,
            area,
            next: blank(area),
            shown: None,
            blank: true,
            bytes: Vec::with_capacity(FRAME_BYTES),
        }
    }

    pub fn area(&self) -> Rect {
        self.area
    }

    /// Sends `command` with the next frame, ahead of it and in the same write.
    pub fn queue(&mut self, command: impl Command) -> io::Result<()> {
        queue!(self.bytes, command)
    }

    /// Renders `widget` over the whole screen and writes what changed since the last frame.
    pub fn draw(&mut self, widget: impl Widget) -> io::Result<()> {
        widget.render(self.area, &mut self.next);
        let written = match (&self.shown, self.blank) {
            (Some(shown), false) => write_cells(&mut self.bytes, shown.diff_iter(&self.next)),
            _ => write_cells(&mut self.bytes, BlankDiff::new(&self.next)),
        };
        // No widget places the cursor, so it is hidden after every frame, as ratatui does.
        let sent = written
            .and_then(|()| queue!(self.bytes, Hide))
            .and_then(|()| self.out.write_all(&self.bytes))
            .and_then(|()| self.out.flush());
        self.bytes.clear();
        sent?;
        self.swap();
        Ok(())
    }

    /// The frame just written becomes the one to compare with; the other buffer, blanked,
    /// takes the next frame.
    fn swap(&mut self) {
        let spare = match self.shown.take() {
            Some(mut spare) => {
                // After a resize it still has the old size.
                spare.resize(self.area);
                spare.reset();
                spare
            }
            // The first frame is out: now the second buffer is worth its cost.
            None => blank(self.area),
        };
        self.shown = Some(std::mem::replace(&mut self.next, spare));
        self.blank = false;
    }

    /// Draws on a terminal that is now `size`. The terminal is cleared, as ratatui clears it,
    /// so the next frame is written whole; narrower, it is cleared entirely first, so that no
    /// wrapped line is left behind. The clearing leaves with the next frame.
    pub fn resize(&mut self, size: Size) -> io::Result<()> {
        let area = Rect::from((Position::ORIGIN, size));
        if area.width < self.area.width {
            queue!(self.bytes, Clear(ClearType::All))?;
        }
        if !area.is_empty() {
            queue!(self.bytes, MoveTo(0, 0), Clear(ClearType::FromCursorDown))?;
        }
        self.area = area;
        // `next` is blank: only its size changes.
        self.next.resize(area);
        self.blank = true;
        Ok(())
    }
}

/// `Buffer::empty(area)`, built by writing the constant blank cell into each place rather
/// than cloning one cell into the next (`vec![cell; n]`): 96 k -> 30 k instructions at
/// 120x40.
fn blank(area: Rect) -> Buffer {
    let content = (0..area.area()).map(|_| Cell::EMPTY).collect();
    Buffer { area, content }
}

#[cfg(test)]
mod tests;

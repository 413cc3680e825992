//! The terminal the app draws on: raw mode, the alternate screen, the mouse, and a backend
//! that sends each frame in one write.
//!
//! `ratatui::init()` would draw through `Stdout`, whose line buffer flushes every 1,024
//! bytes and scans each piece for a newline: the first frame left in 7 writes, and locking
//! and scanning stdout was an eighth of its instructions. A frame is written into a buffer
//! big enough for any screen and sent at once when ratatui flushes it.
//!
//! The viewport is fixed to the size the app is told about (at start and on each resize
//! event) rather than asked of the terminal before every frame, which cost three system
//! calls a frame.

use super::backend::FastBackend;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::backend::Backend;
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{self, BufWriter, Stdout, stdout};

/// Bytes a frame may take before the buffer writes part of it. The first frame at 120x40
/// is 6.4 kB (about 1.3 bytes a cell), so this holds a whole screen of some 48,000 cells.
const FRAME_BYTES: usize = 64 * 1024;

pub type Term = Terminal<FastBackend<BufWriter<Stdout>>>;

/// Takes over the terminal. On an error it has already been given back.
pub fn enter() -> io::Result<Term> {
    let entered = enable_raw_mode()
        .and_then(|()| execute!(stdout(), EnterAlternateScreen, EnableMouseCapture))
        .and_then(|()| {
            let backend = FastBackend::new(BufWriter::with_capacity(FRAME_BYTES, stdout()));
            let area = Rect::from((Position::ORIGIN, backend.size()?));
            Terminal::with_options(
                backend,
                TerminalOptions {
                    viewport: Viewport::Fixed(area),
                },
            )
        });
    if entered.is_err() {
        restore();
    }
    entered
}

/// Draws on the whole of a terminal that is now `size`.
pub fn resize(terminal: &mut Term, size: Size) -> io::Result<()> {
    terminal.resize(Rect::from((Position::ORIGIN, size)))
}

/// Gives the terminal back: mouse released, out of the alternate screen, raw mode off. Safe
/// to call more than once and from any thread; errors are ignored because there is nowhere
/// left to report them.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Gives the terminal back before a panic's message is printed, so the message is readable
/// and the shell usable.
pub fn restore_on_panic() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        report(info);
    }));
}

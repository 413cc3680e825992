//! The terminal the app draws on: raw mode, the alternate screen, the mouse, and a `Screen`
//! that sends each frame in one write.
//!
//! `ratatui::init()` would draw through `Stdout`, whose line buffer flushes every 1,024
//! bytes and scans each piece for a newline: the first frame left in 7 writes, and locking
//! and scanning stdout was an eighth of its instructions. The screen gathers a frame's bytes
//! and writes them at once.
//!
//! The screen's size is the one the app is told about (at start and on each resize event)
//! rather than asked of the terminal before every frame, which cost three system calls a
//! frame.

use super::screen::Screen;
use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{self as term, EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::Size;
use std::io::{self, Stdout, stdout};

pub type Term = Screen<Stdout>;

/// Takes over the terminal. On an error it has already been given back.
///
/// The switch to the alternate screen and the mouse leave with the first frame, in its one
/// write: a write of their own cost a system call and woke the terminal for nothing to show.
/// Until then the shell's screen stays as it was, which is what the user sees either way.
pub fn enter() -> io::Result<Term> {
    let entered = enable_raw_mode()
        .and_then(|()| term::size())
        .map(|(width, height)| Screen::new(stdout(), Size::new(width, height)))
        .and_then(|mut screen| {
            screen.queue(EnterAlternateScreen)?;
            screen.queue(EnableMouseCapture)?;
            Ok(screen)
        });
    if entered.is_err() {
        restore();
    }
    entered
}

/// Gives the terminal back: mouse released, cursor shown, out of the alternate screen, raw
/// mode off. Safe to call more than once and from any thread; errors are ignored because
/// there is nowhere left to report them.
pub fn restore() {
    // The screen hides the cursor with every frame; ratatui's `Terminal` showed it again
    // when dropped, which a signal or a panic (the release build aborts) never reached.
    let _ = execute!(stdout(), DisableMouseCapture, Show);
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

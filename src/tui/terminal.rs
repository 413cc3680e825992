//! The terminal's whole lifecycle in one place: refusing a terminal that cannot show the
//! app, taking it over (raw mode, the alternate screen, the mouse, bracketed paste), drawing
//! through a buffered writer so a frame leaves in one write, giving it
//! back as it was found, Ctrl-Z and `fg`, and all that right when a signal or panic ends it.
//!
//! Every signal whose default action ends the process is caught from before the terminal
//! changes until it is given back: most (TERM, HUP, INT, QUIT, USR1, USR2, ALRM, …, the
//! real-time ones) on a thread that waits for them (idle CPU stays 0), restores the terminal
//! and exits with 128 + the signal's number, as a shell reports it; the faults (SEGV, BUS,
//! ILL, FPE, ABRT: a crash, a failed allocation) in the handler, on the alternate stack, with
//! only what is safe there (a `write`, a `tcsetattr`); then the runtime's own handler has its
//! say ("overflowed its stack") and the program dies of the signal as it would have.
//! SIGPIPE stays ignored, as Rust sets it. SIGTSTP (`kill -TSTP`) suspends like Ctrl-Z;
//! SIGCONT (after any stop) takes the terminal over again. Those two set a flag and wake the
//! loop with a SIGWINCH (crossterm makes it a resize event), so the loop does the work and a
//! frame is never cut by a restore. Exiting mid-save is safe: saves are atomic.
//!
//! The signal handling itself is in `signals`.

mod signals;

use super::TuiError;
use super::app::App;
use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableFocusChange, DisableMouseCapture, EnableBracketedPaste,
    EnableFocusChange, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use signal_hook::consts::signal::*;
use signal_hook::iterator::Handle;
use signals::{catch_signals, release_faults, save_mode};
use std::io::{self, BufWriter, Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use std::thread::JoinHandle;
use std::time::Duration;

/// The most cells drawn (two screen buffers of this many take about 100 MB); more is refused.
pub const MAX_CELLS: u32 = 1_000_000;

/// Bytes a frame is gathered in before it is written. Rust's stdout alone is line-buffered
/// (1 KiB, and a frame has no newlines), which cut a photo frame into some 44 writes; a
/// whole 80×24 frame with its colours fits in this many, so it leaves in one write.
/// `Terminal::draw` flushes it at the end of every frame, and every backend call outside a
/// frame (cursor, clear) flushes too.
const FRAME_BYTES: usize = 64 * 1024;

/// ratatui's terminal over crossterm, writing to stdout through `FRAME_BYTES` of buffer.
type BufferedTerminal = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// A stop was asked for (SIGTSTP), the process was continued (SIGCONT), the terminal is
/// taken over (for the fault handler).
static SUSPEND: AtomicBool = AtomicBool::new(false);
static RESUMED: AtomicBool = AtomicBool::new(false);
static TAKEN: AtomicBool = AtomicBool::new(false);
/// Held while a frame is written, so a signal's restore never lands in the middle of one.
static DRAWING: Mutex<()> = Mutex::new(());

/// Refuses, before anything is written, a terminal that cannot show the app.
pub fn check_terminal() -> Result<(), TuiError> {
    match std::env::var_os("TERM") {
        Some(term) if term == "dumb" => Err(TuiError::DumbTerminal),
        _ => Ok(()),
    }
}

/// Refuses a size whose screen buffers could not reasonably be allocated.
pub fn check_size(size: Size) -> Result<(), TuiError> {
    if Rect::from((Default::default(), size)).area() > MAX_CELLS {
        return Err(TuiError::TooLarge(size));
    }
    Ok(())
}

/// The terminal, taken over, with its signals caught; dropping it gives the terminal back.
pub struct Session {
    terminal: BufferedTerminal,
    /// ASCII and colour as the environment asks (`Look`), for every frame.
    look: super::look::Look,
    signals: Handle,
    thread: Option<JoinHandle<()>>,
}

impl Session {
    /// Catches the signals, then takes the terminal over; on an error, gives it back.
    pub fn start() -> Result<Session, TuiError> {
        check_terminal()?;
        let (signals, thread) = catch_signals()?;
        let entered = check_size(crossterm::terminal::size()?.into()).and_then(|()| {
            save_mode();
            restore_on_panic();
            let terminal = take_over()?;
            take_mouse_and_paste()?;
            // crossterm starts listening (to SIGWINCH too) on its first poll: from here on a
            // signal's wake-up is kept until the loop reads it, even if it is not waiting yet.
            crossterm::event::poll(Duration::ZERO)?;
            Ok(terminal)
        });
        let session = |terminal| Session {
            terminal,
            look: super::look::Look::of_process(),
            signals,
            thread: Some(thread),
        };
        entered.map(session).inspect_err(|_| restore())
    }

    /// The terminal's size as it reports it now.
    /// Rings the terminal bell (BEL): when a slot begins and the user asked for it.
    pub fn ring_bell(&mut self) -> io::Result<()> {
        use std::io::Write;
        let mut out = stdout();
        out.write_all(b"\x07")?;
        out.flush()
    }

    pub fn size(&self) -> io::Result<Size> {
        self.terminal.size()
    }

    /// Draws `app` at the terminal's size, laying the app out again if it changed.
    pub fn draw<Tz: chrono::TimeZone>(&mut self, app: &mut App<Tz>) -> Result<(), TuiError> {
        let size = self.terminal.size()?;
        check_size(size)?;
        if size != app.size() {
            app.resize(size);
        }
        let _frame = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
        let look = self.look;
        self.terminal.draw(|frame| {
            frame.render_widget(&*app, frame.area());
            look.apply(frame.buffer_mut());
        })?;
        Ok(())
    }

    /// Does what a signal asked for since the last call: a stop, or taking the terminal
    /// over again after one. Returns whether it did, so the screen is drawn whole.
    pub fn follow_signals(&mut self) -> io::Result<bool> {
        if SUSPEND.swap(false, Ordering::SeqCst) {
            self.suspend()?;
        } else if RESUMED.swap(false, Ordering::SeqCst) {
            self.resume()?;
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    /// Gives the terminal back and stops the process, as Ctrl-Z does in a shell; once it is
    /// continued (`fg`), takes the terminal over again for a whole new frame.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        stop_process();
        self.resume()
    }

    /// Takes the terminal over again after a stop (whoever ran meanwhile may have changed
    /// its modes and screen), and clears it so the next frame is drawn whole.
    pub fn resume(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen)?;
        take_mouse_and_paste()?;
        let area = Rect::from((Default::default(), self.terminal.size()?));
        self.terminal.resize(area)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
        self.signals.close();
        // The thread only ends or exits the process: there is nothing to report.
        let _ = self.thread.take().map(JoinHandle::join);
        release_faults();
    }
}

/// What `ratatui::try_init` does, with a buffered writer under the backend (its own panic
/// hook is left out: `restore_on_panic` gives the terminal back, mouse and paste too).
fn take_over() -> io::Result<BufferedTerminal> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    let writer = BufWriter::with_capacity(FRAME_BYTES, stdout());
    Terminal::new(CrosstermBackend::new(writer))
}

/// What the app takes on top of ratatui's raw mode and alternate screen: the mouse,
/// bracketed paste (a paste arrives as text, never as keys), and focus reports (the click
/// that gives the window the focus only selects).
fn take_mouse_and_paste() -> io::Result<()> {
    execute!(
        stdout(),
        EnableMouseCapture,
        EnableBracketedPaste,
        EnableFocusChange
    )?;
    TAKEN.store(true, Ordering::SeqCst);
    Ok(())
}

/// Gives the terminal back: paste and mouse off, cursor shown, alternate screen left, raw
/// mode off. Safe to call more than once; errors are ignored (nowhere left to report them).
pub fn restore() {
    TAKEN.store(false, Ordering::SeqCst);
    let _ = execute!(
        stdout(),
        DisableFocusChange,
        DisableBracketedPaste,
        DisableMouseCapture,
        Show
    );
    ratatui::restore();
}

/// Gives the terminal back before a panic's message is printed, so the message is readable
/// and the shell usable (also when the release build then aborts).
fn restore_on_panic() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            report(info);
        }));
    });
}

/// Stops the process with SIGTSTP's default action, as the terminal's Ctrl-Z would (a shell
/// shows it as "Stopped"), and returns once it is continued. Where no shell could continue
/// it (an orphaned process group), the system ignores the stop and this returns at once.
fn stop_process() {
    // SAFETY: swaps SIGTSTP's action for the default and back, around raising it in this
    // thread (so the stop happens before `raise` returns); both actions are valid.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut caught: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(SIGTSTP, &default, &mut caught) != 0 {
            return;
        }
        libc::raise(SIGTSTP);
        libc::sigaction(SIGTSTP, &caught, std::ptr::null_mut());
    }
}

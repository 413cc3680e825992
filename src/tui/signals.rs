//! SIGTERM, SIGHUP and SIGINT end the app with the terminal given back as it was found: out
//! of the alternate screen, mouse released, raw mode off. Without this, closing the terminal
//! window's tab or `kill` would leave the shell unusable.
//!
//! The signals are caught from before the terminal changes; once the first frame is drawn, a
//! thread waits on them (blocked in a read, so idle CPU stays at zero), restores the terminal
//! and exits with 128 + the signal's number, as a shell would report it. Exiting
//! mid-save is safe: a save replaces the file atomically, and a leftover temporary file is
//! removed by the next save.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};
use std::io;
use std::thread::JoinHandle;

/// Set to make the app panic right after its first frame: lets tests check the terminal is
/// restored after a panic. Read only here, at the edge.
const TEST_PANIC: &str = "AFTERCARE_TEST_PANIC";

/// Keeps the signals caught; dropping it stops the thread and restores the defaults.
pub struct SignalGuard {
    handle: Handle,
    /// The signals caught but not yet watched: see `watch`.
    waiting: Option<Signals>,
    thread: Option<JoinHandle<()>>,
}

/// Starts catching SIGTERM, SIGHUP and SIGINT, until the guard drops. Call before the
/// terminal changes; a signal caught from here on is acted on once `watch` runs.
pub fn restore_on_signals() -> io::Result<SignalGuard> {
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    Ok(SignalGuard {
        handle: signals.handle(),
        waiting: Some(signals),
        thread: None,
    })
}

impl SignalGuard {
    /// Starts the thread that restores the terminal and exits on a caught signal. Called
    /// after the first frame is on screen: starting a thread (its stack, its share of the
    /// allocator) is work the first frame need not wait for, and a signal that came in
    /// between is kept by `Signals` until the thread reads it. Later calls do nothing.
    pub fn watch(&mut self) {
        let Some(mut signals) = self.waiting.take() else {
            return;
        };
        self.thread = Some(std::thread::spawn(move || {
            // `forever` ends when the guard closes the handle.
            if let Some(signal) = signals.forever().next() {
                super::terminal::restore();
                std::process::exit(128 + signal);
            }
        }));
    }
}

impl Drop for SignalGuard {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(thread) = self.thread.take() {
            // The thread only ends or exits the process: there is nothing to report.
            let _ = thread.join();
        }
    }
}

/// Panics when the test variable is set (see `TEST_PANIC`).
pub fn panic_if_asked() {
    if std::env::var_os(TEST_PANIC).is_some() {
        panic!("{TEST_PANIC} is set: panicking on purpose, to test the terminal is restored");
    }
}

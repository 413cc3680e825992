//! SIGTERM, SIGHUP and SIGINT end the app with the terminal given back as it was found: out
//! of the alternate screen, mouse released, raw mode off. Without this, closing the terminal
//! window's tab or `kill` would leave the shell unusable.
//!
//! A thread waits on the signals (blocked in a read, so idle CPU stays at zero), restores the
//! terminal and exits with 128 + the signal's number, as a shell would report it. Exiting
//! mid-save is safe: a save replaces the file atomically, and a leftover temporary file is
//! removed by the next save.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};
use std::io;
use std::thread::JoinHandle;

/// Set to make the app panic right after its first frame: lets tests check the terminal is
/// restored after a panic. Read only here, at the edge.
const TEST_PANIC: &str = "AFTERCARE_TEST_PANIC";

/// Keeps the signal thread alive; dropping it stops the thread and restores the defaults.
pub struct SignalGuard {
    handle: Handle,
    thread: Option<JoinHandle<()>>,
}

/// Starts restoring the terminal on SIGTERM, SIGHUP and SIGINT, until the guard drops.
pub fn restore_on_signals() -> io::Result<SignalGuard> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    let thread = std::thread::spawn(move || {
        // `forever` ends when the guard closes the handle.
        if let Some(signal) = signals.forever().next() {
            super::terminal::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(SignalGuard {
        handle,
        thread: Some(thread),
    })
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

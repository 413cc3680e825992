//! The signals, caught from before the terminal changes until it is given back (see the
//! parent module's docs for what each does): the ending ones on a thread that restores the
//! terminal between frames and exits with 128 + the signal; stop and continue as flags that
//! wake the event loop; the faults in a handler on the alternate stack, with only what is
//! safe there.

use super::{DRAWING, RESUMED, SUSPEND, TAKEN, restore};
use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, DisableFocusChange, DisableMouseCapture};
use crossterm::queue;
use crossterm::terminal::LeaveAlternateScreen;
use signal_hook::consts::signal::*;
use signal_hook::iterator::{Handle, Signals};
use signal_hook::low_level::raise;
use std::io::{self, IsTerminal};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Signals that end the process and can be caught and returned from: the thread handles them.
fn ending_signals() -> Vec<i32> {
    let mut all = vec![
        SIGHUP, SIGINT, SIGQUIT, SIGTRAP, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM, SIGXCPU, SIGXFSZ,
        SIGVTALRM, SIGPROF, SIGIO, SIGSYS,
    ];
    // Linux's own, and the real-time signals (all of which end the process by default).
    #[cfg(target_os = "linux")]
    {
        all.extend([libc::SIGSTKFLT, libc::SIGPWR]);
        all.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    all
}
/// Faults: the handler restores the terminal itself, as the program may not go on.
const FAULTS: [i32; 5] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT];

/// For the fault handler: the terminal's file descriptor and mode before raw mode, and the
/// bytes that leave the alternate screen, mouse and paste modes.
static SAVED: OnceLock<(i32, libc::termios, Vec<u8>)> = OnceLock::new();

/// Keeps what the fault handler needs, read before raw mode is on.
pub(super) fn save_mode() {
    // crossterm sets raw mode on standard input when it is a terminal, else on /dev/tty;
    // standard output is the terminal here, so it names the same device.
    let fd = if io::stdin().is_terminal() { 0 } else { 1 };
    // SAFETY: `mode` is a valid termios to write into; on failure nothing is saved.
    let mut mode = unsafe { std::mem::zeroed::<libc::termios>() };
    if unsafe { libc::tcgetattr(fd, &mut mode) } != 0 {
        return;
    }
    let mut bytes = Vec::new();
    let (focus, paste, mouse) = (
        DisableFocusChange,
        DisableBracketedPaste,
        DisableMouseCapture,
    );
    if queue!(bytes, focus, paste, mouse, Show, LeaveAlternateScreen).is_ok() {
        let _ = SAVED.set((fd, mode, bytes));
    }
}

/// Catches the signals: the ending ones and stop/continue on a thread, the faults in place.
pub(super) fn catch_signals() -> io::Result<(Handle, JoinHandle<()>)> {
    let caught = ending_signals().into_iter().chain([SIGTSTP, SIGCONT]);
    let mut signals = Signals::new(caught)?;
    let handle = signals.handle();
    catch_faults()?;
    let thread = std::thread::spawn(move || {
        // `forever` ends when the session closes the handle.
        for signal in signals.forever() {
            match signal {
                SIGTSTP => wake(&SUSPEND),
                SIGCONT => wake(&RESUMED),
                signal => {
                    restore_between_frames();
                    std::process::exit(128 + signal);
                }
            }
        }
    });
    Ok((handle, thread))
}

/// The faults' actions before ours: the Rust runtime's stack-overflow report for SEGV and
/// BUS, the default for the rest.
static PREVIOUS: OnceLock<Vec<(i32, libc::sigaction)>> = OnceLock::new();

/// Catches the faults on the alternate signal stack (a stack overflow leaves no other), by
/// hand: signal-hook's registry cannot ask for that stack.
fn catch_faults() -> io::Result<()> {
    // SAFETY: reads and sets the faults' actions with valid structures; `on_fault` only does
    // what a signal handler may (see there).
    unsafe {
        let previous = FAULTS.map(|signal| {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(signal, std::ptr::null(), &mut old);
            (signal, old)
        });
        let _ = PREVIOUS.set(previous.to_vec());
        let mut ours: libc::sigaction = std::mem::zeroed();
        ours.sa_sigaction = on_fault as *const () as usize;
        ours.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        for signal in FAULTS {
            if libc::sigaction(signal, &ours, std::ptr::null_mut()) != 0 {
                return Err(io::Error::last_os_error());
            }
        }
    }
    Ok(())
}

/// Puts the faults' earlier actions back.
pub(super) fn release_faults() {
    for (signal, old) in PREVIOUS.get().into_iter().flatten() {
        // SAFETY: an action read from the system before.
        unsafe { libc::sigaction(*signal, old, std::ptr::null_mut()) };
    }
}

/// A fault: gives the terminal back, lets the earlier action have its say (the runtime's
/// "has overflowed its stack"), then ends the process of the signal as by default.
extern "C" fn on_fault(signal: i32, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    restore_in_handler();
    let previous = PREVIOUS.get().into_iter().flatten();
    if let Some((_, old)) = previous.into_iter().find(|(s, _)| *s == signal)
        && old.sa_sigaction != libc::SIG_DFL
        && old.sa_sigaction != libc::SIG_IGN
    {
        type Handler = extern "C" fn(i32, *mut libc::siginfo_t, *mut libc::c_void);
        // SAFETY: the earlier handler, called as the system calls one (a handler that takes
        // the signal alone ignores the other two arguments).
        unsafe { std::mem::transmute::<usize, Handler>(old.sa_sigaction)(signal, info, context) };
    }
    // SAFETY: both are async-signal-safe. The signal is blocked while this runs, so it
    // lands once this returns, with the default action: the process ends of it.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

/// Sets `flag` and wakes the event loop: crossterm turns a SIGWINCH into a resize event.
fn wake(flag: &AtomicBool) {
    flag.store(true, Ordering::SeqCst);
    let _ = raise(SIGWINCH);
}

/// Restores the terminal once the frame being written, if any, is out (waiting at most a
/// quarter of a second, in case the terminal has stopped reading).
fn restore_between_frames() {
    let deadline = Instant::now() + Duration::from_millis(250);
    let mut frame = DRAWING.try_lock();
    while frame.is_err() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(1));
        frame = DRAWING.try_lock();
    }
    restore();
}

/// The restore a signal handler can do: the saved bytes and the saved mode.
fn restore_in_handler() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    if let Some((fd, mode, bytes)) = SAVED.get() {
        // SAFETY: both are async-signal-safe; the pointers are to live, initialised data.
        unsafe {
            libc::write(1, bytes.as_ptr().cast(), bytes.len());
            libc::tcsetattr(*fd, libc::TCSANOW, mode);
        }
    }
}

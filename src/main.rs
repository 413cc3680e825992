//! The `aftercare` binary: parse the arguments, run, report an error once.
//!
//! The entry point is C's `main`, called by the C library's start-up, instead of Rust's
//! (`#![no_main]`). Rust's start-up reads /proc/self/maps to find the main thread's stack
//! and sets up an alternate signal stack to name a stack overflow: 15 system calls, 10 page
//! faults and 45 k instructions before the first line of ours. A start without a terminal
//! took 0.90 ms with it and 0.76 ms without (`perf stat -r 300`, README "Performance"). The
//! two things it does that matter here are done in `prepare_process`. A stack overflow still
//! stops the program, as a plain SIGSEGV.
#![no_main]

use aftercare::cli;
use clap::Parser;
use std::ffi::{c_char, c_int};

/// Called by the C library with the command line, which std reads for itself.
#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    prepare_process();
    // Leaving through std flushes standard output first, which returning to C would not.
    std::process::exit(i32::from(run()))
}

fn run() -> u8 {
    exit_101_on_panic();
    // The checklist's plain start is read without clap (cli/quick_args.rs).
    let args = cli::quick_args(std::env::args_os(), |name| std::env::var_os(name).is_some())
        .unwrap_or_else(cli::Args::parse);
    match cli::run(args) {
        Ok(success) => success.exit_code(),
        // The reader went away (`aftercare plan | head`): nothing left to tell anyone.
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) => {
            eprintln!("aftercare: {e}");
            e.exit_code()
        }
    }
}

/// What Rust's start-up would have done that this program relies on:
/// - SIGPIPE ignored, so writing to a closed pipe is an error `run` handles, not a silent
///   death with status 141;
/// - file descriptors 0–2 open (on /dev/null if they were closed), so that no file the
///   program opens, such as the state file, is taken for standard output and written over.
fn prepare_process() {
    // SAFETY: plain system calls on this process, made before any other thread exists; the
    // poll array is valid for its length, and the path is a NUL-terminated constant.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        let mut fds = [0, 1, 2].map(|fd| libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        });
        if libc::poll(fds.as_mut_ptr(), 3, 0) > 0 {
            for fd in &fds {
                if fd.revents & libc::POLLNVAL != 0 {
                    // Opened files take the lowest free descriptor: this one.
                    libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
                }
            }
        }
    }
}

/// A panic ends the program with status 101 whichever way it was built. The release build
/// aborts on panic (no unwinding tables: a smaller binary that starts sooner), which would
/// otherwise be reported as SIGABRT; nothing is lost by not unwinding, because every save is
/// already atomic and the terminal is given back by the checklist's own panic hook.
fn exit_101_on_panic() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        report(info);
        std::process::exit(101);
    }));
}

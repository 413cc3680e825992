//! The `aftercare` binary: parse the arguments, run, report an error once.

use aftercare::cli;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    exit_101_on_panic();
    // The checklist's plain start is read without clap (cli/quick_args.rs).
    let args = cli::quick_args(std::env::args_os(), |name| std::env::var_os(name).is_some())
        .unwrap_or_else(cli::Args::parse);
    match cli::run(args) {
        Ok(code) => code,
        // The reader went away (`aftercare plan | head`): nothing left to tell anyone.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("aftercare: {e}");
            e.exit_code()
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

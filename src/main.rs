//! The `aftercare` binary: parse the arguments, run, report an error once.

use aftercare::cli;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    exit_101_on_panic();
    match cli::run(cli::Args::parse()) {
        Ok(success) => ExitCode::from(success.exit_code()),
        // The reader went away (`aftercare plan | head`): nothing left to tell anyone.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // In plain ASCII where the locale is not UTF-8, as the output is.
            let message = format!("aftercare: {e}");
            match aftercare::locale::process_is_utf8() {
                true => eprintln!("{message}"),
                false => eprintln!("{}", aftercare::locale::to_ascii(&message)),
            }
            ExitCode::from(e.exit_code())
        }
    }
}

/// A panic ends the program with status 101 however it was built. The release build aborts
/// on panic instead of unwinding (`panic = "abort"` in Cargo.toml), which would otherwise be
/// reported as SIGABRT; nothing is lost by not unwinding, because every save is atomic and the
/// checklist's own panic hook gives the terminal back before this one runs.
fn exit_101_on_panic() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        report(info);
        std::process::exit(101);
    }));
}

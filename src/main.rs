//! The `aftercare` binary: parse the arguments, run, report an error once.

use aftercare::cli;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
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

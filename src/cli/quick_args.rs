//! The command line of the commonest start, read without clap.
//!
//! A patient opens the checklist several times a day with no command, perhaps with
//! `--data-dir`, `--rules`, `--now` or `--demo`. clap first builds its whole command tree,
//! every subcommand with the global options copied into each: 0.13–0.18 M instructions, a
//! sixteenth of the first frame, and its code to page in. For exactly those words this reads
//! them directly. Anything else goes to clap, which gives every message: a command,
//! `--help`, `--flag=value`, a repeated flag, a value that starts with `-`, or any of the
//! options' environment variables set (so clap alone decides what they mean).

use super::Args;
use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variables clap reads for the global options (a test checks the list
/// against clap's).
pub const OPTION_VARIABLES: [&str; 3] = ["AFTERCARE_DATA_DIR", "AFTERCARE_RULES", "AFTERCARE_NOW"];

/// `args` (the program's name first) read as clap would read them, or `None` to ask clap.
pub fn quick_args(
    args: impl IntoIterator<Item = OsString>,
    variable_set: impl Fn(&str) -> bool,
) -> Option<Args> {
    if OPTION_VARIABLES.into_iter().any(variable_set) {
        return None;
    }
    let mut words = args.into_iter().skip(1);
    // A struct literal, so that a new option is a compile error here until it is handled.
    let mut read = Args {
        data_dir: None,
        rules: None,
        now: None,
        demo: false,
        command: None,
    };
    while let Some(word) = words.next() {
        match word.to_str()? {
            "--demo" if !read.demo => read.demo = true,
            "--data-dir" if read.data_dir.is_none() => {
                read.data_dir = Some(value(&mut words)?.into())
            }
            "--rules" if read.rules.is_none() => {
                read.rules = Some(PathBuf::from(value(&mut words)?))
            }
            "--now" if read.now.is_none() => {
                read.now = Some(value(&mut words)?.into_string().ok()?)
            }
            _ => return None,
        }
    }
    Some(read)
}

/// The word after an option, unless it is missing, empty or could be taken for an option.
fn value(words: &mut impl Iterator<Item = OsString>) -> Option<OsString> {
    let value = words.next()?;
    let first = value.as_encoded_bytes().first().copied();
    (first.is_some() && first != Some(b'-')).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    fn words(line: &[&str]) -> Vec<OsString> {
        std::iter::once("aftercare")
            .chain(line.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn reads_what_clap_reads_or_leaves_it_to_clap() {
        let lines: &[&[&str]] = &[
            &[],
            &["--demo"],
            &["--data-dir", "/tmp/x", "--now", "2026-11-22 09:00"],
            &[
                "--now",
                "2026-11-22 09:00",
                "--rules",
                "r.json",
                "--data-dir",
                "d",
                "--demo",
            ],
            &["--data-dir", "with space/é"],
            &["--data-dir"],
            &["--data-dir", ""],
            &["--data-dir", "-x"],
            &["--data-dir=d"],
            &["--demo", "--demo"],
            &["--now", "a", "--now", "b"],
            &["today"],
            &["--data-dir", "d", "today", "--json"],
            &["--help"],
            &["-h"],
            &["--version"],
            &["--", "x"],
            &["--nothing"],
        ];
        let mut quick = 0;
        for line in lines {
            let Some(read) = quick_args(words(line), |_| false) else {
                continue;
            };
            quick += 1;
            let clap =
                Args::try_parse_from(words(line)).expect("clap reads what the quick path reads");
            assert_eq!(format!("{read:?}"), format!("{clap:?}"), "{line:?}");
        }
        assert_eq!(quick, 5, "the quick path takes the plain starts");
    }

    #[test]
    fn a_set_variable_leaves_it_to_clap() {
        assert!(quick_args(words(&[]), |name| name == "AFTERCARE_NOW").is_none());
        assert!(quick_args(words(&[]), |_| false).is_some());
    }

    #[test]
    fn knows_every_variable_clap_reads() {
        let command = Args::command();
        let mut read: Vec<String> = command
            .get_arguments()
            .filter_map(|arg| arg.get_env())
            .map(|name| name.to_string_lossy().into_owned())
            .collect();
        read.sort();
        let mut ours = OPTION_VARIABLES.map(String::from).to_vec();
        ours.sort();
        assert_eq!(read, ours);
    }
}

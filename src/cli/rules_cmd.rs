//! Rules files named on the command line: `rules check FILE`, and `--rules FILE`.

use super::{CliError, Out};
use crate::rules::Rules;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The largest rules file read, in bytes: 256 MiB. The benchmarks' plan of 100,000 rules is
/// 35 MiB; without a limit a link to /dev/zero or an endless pipe would be read until memory
/// runs out.
pub const MAX_RULES_BYTES: u64 = 256 << 20;

/// Reads and validates a rules file; every problem is reported, each with its line. The bytes
/// need not be UTF-8: a file that is not is reported at its first bad byte.
///
/// A pipe is read (`--rules <(…)`, `--rules /dev/stdin`), up to `MAX_RULES_BYTES`; a device
/// (/dev/zero, a terminal) or a directory is refused without reading.
pub fn load(path: &Path) -> Result<Rules, CliError> {
    let bytes = read_limited(path).map_err(|source| CliError::RulesUnreadable {
        path: path.to_path_buf(),
        source,
    })?;
    Rules::from_bytes(&bytes, &path.display().to_string()).map_err(CliError::Rules)
}

fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    let kind = file.metadata()?.file_type();
    if !(kind.is_file() || is_pipe(&kind)) {
        let what = if kind.is_dir() {
            "a directory"
        } else {
            "a device"
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {what}, not a file"),
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_RULES_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_RULES_BYTES {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "it is larger than {} MiB, far more than any plan",
                MAX_RULES_BYTES >> 20
            ),
        ));
    }
    Ok(bytes)
}

#[cfg(unix)]
fn is_pipe(kind: &std::fs::FileType) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(kind)
}

#[cfg(not(unix))]
fn is_pipe(_kind: &std::fs::FileType) -> bool {
    false
}

/// `rules check FILE`: "FILE: valid — 22 rules, 10 phases, 3 warnings, ...", or the problems.
pub fn check(path: &Path, out: Out) -> Result<(), CliError> {
    let rules = load(path)?;
    let mut parts = vec![
        count(rules.rules.len(), "rule"),
        count(rules.phases.len(), "phase"),
        count(rules.warnings.len(), "warning"),
    ];
    // Check-ins are optional; a plan without them need not mention them.
    if !rules.symptoms.is_empty() || !rules.alerts.is_empty() {
        parts.push(count(rules.symptoms.len(), "symptom"));
        parts.push(count(rules.alerts.len(), "alert"));
    }
    writeln!(out, "{}: valid — {}", path.display(), parts.join(", "))?;
    Ok(())
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

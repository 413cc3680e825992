//! Rules files named on the command line: `rules check FILE`, and `--rules FILE`.

use super::{CliError, Out};
use crate::rules::Rules;
use std::fs;
use std::path::Path;

/// Reads and validates a rules file; every problem is reported, each with its line. The bytes
/// need not be UTF-8: a file that is not is reported at its first bad byte.
pub fn load(path: &Path) -> Result<Rules, CliError> {
    let bytes = fs::read(path).map_err(|source| CliError::RulesUnreadable {
        path: path.to_path_buf(),
        source,
    })?;
    Rules::from_bytes(&bytes, &path.display().to_string()).map_err(CliError::Rules)
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

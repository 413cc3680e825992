//! Rules files named on the command line: `rules check FILE`, `rules show [FILE]`,
//! `rules use FILE|builtin` and `--rules FILE`.

use super::followed::describe;
use super::text::{moment, wrap};
use super::{CliError, Out};
use crate::rules::{BUILTIN_BASE, Loader, Rules};
use crate::store::{Change, PlanCopy, State, Store, StoreError};
use chrono::{DateTime, FixedOffset};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The largest rules file read, in bytes: 256 MiB. The benchmarks' plan of 100,000 rules is
/// 35 MiB; without a limit a link to /dev/zero or an endless pipe would be read until memory
/// runs out.
pub const MAX_RULES_BYTES: u64 = 256 << 20;

/// Reads and validates a rules file, and the files it extends; every problem is reported,
/// each with its line. The bytes need not be UTF-8: a file that is not is reported at its
/// first bad byte.
///
/// A pipe is read (`--rules <(…)`, `--rules /dev/stdin`), up to `MAX_RULES_BYTES`; a device
/// (/dev/zero, a terminal) or a directory is refused without reading. So is a plan it extends.
pub fn load(path: &Path) -> Result<Rules, CliError> {
    let bytes = read_limited(path).map_err(|source| CliError::RulesUnreadable {
        path: path.to_path_buf(),
        source,
    })?;
    Rules::from_bytes_with(&bytes, &path.display().to_string(), &mut Files).map_err(CliError::Rules)
}

/// Reads the plans a rules file extends, from paths relative to that file.
struct Files;

impl Loader for Files {
    fn load(&mut self, path: &str, from: &str) -> Result<(String, String), String> {
        let base = Path::new(from).parent().unwrap_or(Path::new(""));
        let file = base.join(path);
        let name = file.display().to_string();
        let bytes = read_limited(&file).map_err(|e| format!("cannot read \"{name}\": {e}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("\"{name}\" is not UTF-8 text: save it as UTF-8"))?;
        Ok((text, name))
    }
}

/// `rules show [FILE]`: the plan, resolved, as JSON a clinic can start from.
pub fn show(path: Option<&Path>, out: Out) -> Result<(), CliError> {
    let rules = match path {
        Some(path) => load(path)?,
        None => Rules::builtin().map_err(CliError::Rules)?,
    };
    out.write_all(rules.to_json().as_bytes())?;
    if rules.provider.is_none() {
        // On stderr, so the JSON on stdout stays whole: a clinic starting from this plan
        // learns where its name and number go (every "call your clinic" then names them).
        eprintln!("{PROVIDER_HINT}");
    }
    Ok(())
}

/// Said by `rules show` for a plan that names no clinic.
pub const PROVIDER_HINT: &str = "This plan names no clinic. A clinic adds its own at the top: \
\"provider\": {\"name\": \"…\", \"phone\": \"…\"} (also email, web, hours, out_of_hours; see \
docs/rules.md). Patients then see the name and number wherever the app says to call.";

fn read_limited(path: &Path) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    let meta = file.metadata()?;
    let kind = meta.file_type();
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
    // Room for the whole file at once (a pipe says 0 and grows as it is read): growing by
    // doubling would hold up to twice a large plan's size while it is parsed.
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_RULES_BYTES + 1) as usize);
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

/// `rules use FILE|builtin`: the current treatment follows the plan named from now on, its
/// copy kept in the data directory; the change carries only that (`Change::FollowPlan`).
pub fn use_plan(
    store: &Store,
    state: &State,
    now: DateTime<FixedOffset>,
    plan: &str,
    out: Out,
) -> Result<(), CliError> {
    let rules = if plan == BUILTIN_BASE {
        Rules::builtin().map_err(CliError::Rules)?
    } else {
        load(Path::new(plan))?
    };
    let session = state.current_session(now).ok_or(CliError::NoTreatment)?;
    let copy = PlanCopy::of(&rules);
    let change = Change::FollowPlan {
        session: session.at,
        plan: copy.clone(),
    };
    let saved = store.save(&change).map_err(|e| match e {
        StoreError::Conflict(conflict) => CliError::Conflict(conflict),
        e => CliError::Store(e),
    })?;
    let when = moment(session.at);
    let new = describe(&copy.reference);
    let text = match (&session.plan, saved.changed) {
        (_, false) => format!(
            "Your treatment of {when} already follows {new}; its copy in the data directory is \
             in place."
        ),
        (Some(old), true) => format!(
            "Your treatment of {when} now follows {new}, instead of {}. Tick-offs and check-ins \
             are kept; tasks the new plan does not have are no longer shown.",
            describe(old)
        ),
        (None, true) => format!(
            "Your treatment of {when} now follows {new}. aftercare keeps a copy, so there is \
             no need for --rules from now on."
        ),
    };
    writeln!(out, "{}", wrap(&text, "", ""))?;
    Ok(())
}

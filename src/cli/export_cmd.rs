//! `plan --markdown` and `export ics`: the exports in `crate::export`, sent where asked.

use super::{CliError, Context, Out, PlanArgs};
use crate::export::{ics, markdown};
use chrono::Utc;
use std::io::{self, Write};
use std::path::Path;

/// The handout, on standard output. Like `plan`, it needs no recorded treatment: without one
/// it is laid out as if treated now, and says so.
/// `--from`/`--to` narrow it to those days.
pub fn markdown(ctx: &Context, args: &PlanArgs, out: Out) -> Result<(), CliError> {
    let now = ctx.now();
    let session = ctx.state.current_session(now);
    let plan = ctx.plan(session.map_or(now, |s| s.at));
    let days = args.days(&plan)?;
    let treatment = match session {
        Some(_) => markdown::Treatment::Recorded,
        None => markdown::Treatment::AsIfNow,
    };
    markdown::write(out, &plan, treatment, days)?;
    Ok(())
}

/// The calendar, written to `file`. A calendar of "as if treated now" would put reminders on
/// the wrong days, so this needs a recorded treatment.
pub fn ics(ctx: &Context, file: &Path, out: Out) -> Result<(), CliError> {
    let session = ctx.session()?;
    let plan = ctx.plan(session.at);
    let calendar = ics::calendar(&plan, ctx.now().with_timezone(&Utc));
    let events = calendar.events().count();
    write_atomically(file, calendar.to_string().as_bytes()).map_err(|source| CliError::Write {
        path: file.to_path_buf(),
        source,
    })?;
    writeln!(out, "Wrote {events} events to {}", file.display())?;
    Ok(())
}

/// Writes `bytes` to a temporary file next to `path`, then renames it over `path`: a reader
/// (or a calendar watching the file) never sees half a file, and a failure leaves the old
/// one as it was.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

//! `plan --markdown` and `export ics`: the exports in `crate::export`, sent where asked.

use super::{CliError, Context, Out, PlanArgs};
use crate::export::{handout, ics, markdown};
use chrono::Utc;
use std::io::{self, Write};
use std::path::Path;

/// The handout (`plan --markdown`), or with `--days` every day in turn, on standard output.
/// Dates are dates when the treatment time is known (recorded, or `--at`); otherwise the
/// handout speaks in plan days, and the day-by-day listing is laid out as if treated now.
/// `--from`/`--to` narrow the day-by-day listing (and ask for it).
pub fn markdown(ctx: &Context, args: &PlanArgs, out: Out) -> Result<(), CliError> {
    let (treatment, session) = ctx.laid_out();
    let plan = ctx.plan(treatment);
    let known = session.is_some() || ctx.at.is_some();
    // --from/--to pick days, which only the day-by-day listing has.
    if !args.days && args.from.is_none() && args.to.is_none() {
        let dates = if known {
            handout::Dates::Absolute
        } else {
            handout::Dates::Relative
        };
        // Photo counts belong to the record: none for a plan laid out with --at.
        let photos: Vec<usize> = match (session, ctx.at) {
            (Some(_), None) => ctx
                .state
                .sessions
                .iter()
                .map(super::photo::photo_count)
                .collect(),
            _ => Vec::new(),
        };
        handout::write(out, &plan, dates, &photos)?;
        return Ok(());
    }
    let days = args.days(&plan)?;
    let treatment = if known {
        markdown::Treatment::Recorded
    } else {
        markdown::Treatment::AsIfNow
    };
    markdown::write(out, &plan, treatment, days)?;
    Ok(())
}

/// The calendar, written to `file`. A calendar of "as if treated now" would put reminders on
/// the wrong days, so this needs a recorded treatment, or one given with `--at`.
pub fn ics(ctx: &Context, file: &Path, out: Out) -> Result<(), CliError> {
    let treatment = match ctx.at {
        Some(at) => at,
        None => ctx.session()?.at,
    };
    let plan = ctx.plan(treatment);
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

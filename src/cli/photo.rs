//! `photo add|list|remove`: the patient's photos of a treatment, kept in the data directory
//! without their metadata (`crate::photo`, `store::photos`).

use super::text::{short_date, wrap};
use super::{CliError, Context, Out, PhotoAddArgs, PhotoCommand};
use crate::inert::inert;
use crate::journal::clean_note;
use crate::photo::{self, MAX_PHOTO_BYTES, PhotoError};
use crate::rules::Rules;
use crate::store::{Change, Photo, PhotoCopy, Session};
use std::path::Path;

pub fn run(ctx: &Context, command: &PhotoCommand, out: Out) -> Result<(), CliError> {
    match command {
        PhotoCommand::Add(args) => add(ctx, args, out),
        PhotoCommand::List => list(ctx, out),
        PhotoCommand::Remove { id } => remove(ctx, id, out),
    }
}

fn add(ctx: &Context, args: &PhotoAddArgs, out: Out) -> Result<(), CliError> {
    let session = ctx.session()?;
    let plan = ctx.plan(session.at);
    let today = plan.day_of(ctx.now());
    let day = if args.before {
        1
    } else {
        args.day.unwrap_or(today)
    };
    let first = plan.first_day();
    if day < first || day > today {
        return Err(CliError::Usage(format!(
            "cannot file a photo under Day {day}: photos are for Day {first} to today (Day {today}); \
             for one taken before the treatment use --before"
        )));
    }
    let bytes = read_photo_file(&args.file)?;
    let cleaned = photo::clean(&bytes).map_err(|source| CliError::Photo {
        path: args.file.clone(),
        source,
    })?;
    let had_exif = cleaned.had_exif;
    let note = args.note.as_deref().map(clean_note).unwrap_or_default();
    let copy = PhotoCopy::new(cleaned, args.before, note, ctx.now());
    let first_photo = session.photos.is_empty();
    let date = plan.date_of(day);
    let saved = ctx.save(&Change::AddPhoto {
        session: session.at,
        date,
        photo: copy.clone(),
    })?;
    let record = &copy.record;
    let when = if args.before {
        format!("from before the treatment ({})", short_date(date))
    } else {
        format!("of Day {day} ({})", short_date(date))
    };
    if !saved.changed {
        writeln!(
            out,
            "This photo is already kept, {when} (id {}).",
            record.id()
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "Kept photo {} {when}: {} × {} pixels, {}, {} KB.",
        record.id(),
        record.width,
        record.height,
        record.format.to_uppercase().replace("JPG", "JPEG"),
        copy.bytes().len().div_ceil(1024)
    )?;
    let metadata = if had_exif {
        "Location and camera metadata (EXIF) were removed from the copy."
    } else {
        "The photo had no location or camera metadata (EXIF); the copy holds none either."
    };
    writeln!(out, "{metadata} Your file was not changed.")?;
    if let Some(path) = ctx.store()?.photo_path(record) {
        writeln!(
            out,
            "{}",
            wrap(
                &crate::inert::inert_path(&path),
                "Only you can read the copy: ",
                "  "
            )
        )?;
    }
    if first_photo {
        write_guidance(out, &ctx.rules)?;
    }
    Ok(())
}

/// The plan's advice for photos that can be compared, with where it comes from.
fn write_guidance(out: Out, rules: &Rules) -> Result<(), CliError> {
    let Some(guidance) = &rules.photo_guidance else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(out, "Photos you can compare ({}):", guidance.basis(rules))?;
    writeln!(out, "{}", wrap(&guidance.text, "  ", "  "))?;
    Ok(())
}

/// The file's bytes: a regular file of at most `MAX_PHOTO_BYTES`, read without changing it
/// (a link is followed: the patient names the file they mean).
fn read_photo_file(path: &Path) -> Result<Vec<u8>, CliError> {
    let unreadable = |source| CliError::PhotoUnreadable {
        path: path.to_path_buf(),
        source,
    };
    let refused = |source| CliError::Photo {
        path: path.to_path_buf(),
        source,
    };
    // Without waiting: a FIFO given by mistake opens at once and is refused below, rather
    // than the command waiting for a writer that never comes.
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(CliError::Usage(format!(
            "{} is {}, not a photo file",
            crate::inert::inert_path(path),
            crate::store::kind_of(&meta.file_type())
        )));
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(refused(PhotoError::TooLarge(meta.len())));
    }
    crate::store::read_at_most(file, MAX_PHOTO_BYTES)
        .map_err(unreadable)?
        .map_err(|read| refused(PhotoError::TooLarge(read)))
}

fn list(ctx: &Context, out: Out) -> Result<(), CliError> {
    let sessions = &ctx.state.sessions;
    if sessions.is_empty() {
        return Err(CliError::NoTreatment);
    }
    let total: usize = sessions.iter().map(photo_count).sum();
    if total == 0 {
        writeln!(
            out,
            "No photos yet. Add one with `aftercare photo add FILE` (today's) or `--before` for \
             one from before the treatment."
        )?;
        return Ok(());
    }
    for (n, session) in sessions.iter().enumerate() {
        if sessions.len() > 1 {
            writeln!(
                out,
                "Treatment {} of {}, {}: {}",
                n + 1,
                sessions.len(),
                super::text::moment(session.at),
                photos_phrase(photo_count(session))
            )?;
        }
        let plan = ctx.plan(session.at);
        for (date, photo) in photos_of(session) {
            let day = if photo.before {
                "before".to_string()
            } else {
                format!("Day {}", plan.day_of_date(*date))
            };
            let note = if photo.note.is_empty() {
                String::new()
            } else {
                format!("  “{}”", inert(&photo.note))
            };
            writeln!(
                out,
                "  {}  {day:<7} {}  {} × {} {}{note}",
                photo.id(),
                short_date(*date),
                photo.width,
                photo.height,
                photo.format
            )?;
        }
    }
    writeln!(
        out,
        "{} in all. See them side by side: `aftercare`, then b.",
        photos_phrase(total)
    )?;
    Ok(())
}

fn remove(ctx: &Context, id: &str, out: Out) -> Result<(), CliError> {
    let wanted = id.trim().to_ascii_lowercase();
    if wanted.len() < 4 || !wanted.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(CliError::Usage(format!(
            "\"{}\" is not a photo id: give at least its first 4 characters as `aftercare photo list` shows them",
            inert(id)
        )));
    }
    let matches: Vec<(&Session, &Photo)> = ctx
        .state
        .sessions
        .iter()
        .flat_map(|s| photos_of(s).map(move |(_, p)| (s, p)))
        .filter(|(_, p)| p.sha256.starts_with(&wanted))
        .collect();
    let (session, photo) = match matches.as_slice() {
        [one] => *one,
        [] => {
            return Err(CliError::Usage(format!(
                "no photo has the id {}; `aftercare photo list` shows their ids",
                inert(id)
            )));
        }
        [(_, a), (_, b), ..] => {
            return Err(CliError::Usage(format!(
                "{} is the start of more than one photo's id ({} and {}): give more of it",
                inert(id),
                a.id(),
                b.id()
            )));
        }
    };
    ctx.save(&Change::RemovePhoto {
        session: session.at,
        sha256: photo.sha256.clone(),
    })?;
    writeln!(
        out,
        "Removed photo {}; its copy in the data directory was deleted (the file you added it \
         from was not touched).",
        photo.id()
    )?;
    Ok(())
}

/// A treatment's photos, by date, in the order added.
fn photos_of(session: &Session) -> impl Iterator<Item = (&chrono::NaiveDate, &Photo)> {
    session
        .photos
        .iter()
        .flat_map(|(date, photos)| photos.iter().map(move |p| (date, p)))
}

/// How many photos a treatment has.
pub fn photo_count(session: &Session) -> usize {
    session.photos.values().map(Vec::len).sum()
}

/// "1 photo", "3 photos".
pub fn photos_phrase(n: usize) -> String {
    if n == 1 {
        "1 photo".into()
    } else {
        format!("{n} photos")
    }
}

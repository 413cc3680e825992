//! `remove` and `restore`: take a treatment out of the series, its tick-offs and check-ins
//! kept aside in the data file (`State::removed`), and bring it back as it was.

use super::text::{moment, wrap};
use super::{CliError, Context, Out};
use crate::store::{Change, Session};
use crate::timearg::{TYPED_FORMAT, parse_time_near};
use chrono::{DateTime, FixedOffset, Local};

/// The treatment `--at` names (any form `start` takes), or the latest of `among`.
fn named<'s>(
    ctx: &Context,
    at: Option<&str>,
    among: impl DoubleEndedIterator<Item = &'s Session>,
    what: &str,
) -> Result<DateTime<FixedOffset>, CliError> {
    let mut among = among.map(|s| s.at).collect::<Vec<_>>();
    let Some(text) = at else {
        return among
            .pop()
            .ok_or_else(|| CliError::Usage(format!("There is no {what}.")));
    };
    let at = parse_time_near(text, &Local, ctx.now()).map_err(|source| CliError::Time {
        flag: "--at",
        source,
    })?;
    if among.contains(&at) {
        return Ok(at);
    }
    let listed: Vec<String> = among.iter().map(|t| quoted(ctx, *t)).collect();
    Err(CliError::Usage(match listed.is_empty() {
        true => format!("There is no {what}."),
        false => format!(
            "There is no {what} at {}: pick one of {}",
            quoted(ctx, at),
            listed.join(", ")
        ),
    }))
}

/// "2026-11-20 14:00", in local time, as `--at` takes it.
fn quoted(ctx: &Context, at: DateTime<FixedOffset>) -> String {
    format!("\"{}\"", ctx.plan(at).local(at).format(TYPED_FORMAT))
}

/// "3 tick-offs and 1 check-in".
fn kept(session: &Session) -> String {
    let ticks: usize = session.ticks.values().map(|ids| ids.len()).sum();
    let checkins = session.checkins.len();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{} and {}",
        plural(ticks, "tick-off"),
        plural(checkins, "check-in")
    )
}

/// `remove [--at TIME]`: the treatment at TIME (default: the latest) leaves the series.
pub fn remove(ctx: &Context, at: Option<&str>, out: Out) -> Result<(), CliError> {
    let sessions = ctx.state.sessions.iter();
    let at = named(ctx, at, sessions, "treatment recorded")?;
    let what = ctx.state.session(at).map(kept).unwrap_or_default();
    let removed = ctx.now();
    ctx.save(&Change::RemoveSession { at, removed })?;
    let text = format!(
        "Treatment removed: {}. Its {what} are kept aside, not deleted.",
        moment(ctx.plan(at).local(at))
    );
    writeln!(out, "{}", wrap(&text, "", ""))?;
    writeln!(
        out,
        "To bring it back: aftercare restore --at {}",
        quoted(ctx, at)
    )?;
    Ok(())
}

/// `restore [--at TIME]`: the removed treatment at TIME (default: the last removed) is back.
pub fn restore(ctx: &Context, at: Option<&str>, out: Out) -> Result<(), CliError> {
    let removed = ctx.state.removed.iter().map(|r| &r.session);
    let at = named(ctx, at, removed, "removed treatment kept aside")?;
    ctx.save(&Change::RestoreSession { at })?;
    let what = ctx
        .state
        .removed_session(at)
        .map(|r| kept(&r.session))
        .unwrap_or_default();
    let text = format!(
        "Treatment restored: {}, with its {what}.",
        moment(ctx.plan(at).local(at))
    );
    writeln!(out, "{}", wrap(&text, "", ""))?;
    Ok(())
}

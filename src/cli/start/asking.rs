//! What `start` answers when the time given meets a treatment already recorded: which of
//! `--replace` and `--next` was meant, or why `--next` before the latest is not a next
//! session. Each answer gives commands that work when run as they are.

use super::{How, command, suggestion};
use crate::cli::Context;
use crate::cli::text::moment;
use chrono::{DateTime, FixedOffset};

/// `start` without --replace or --next while a treatment is recorded: what each would do,
/// as commands to copy. Once the latest treatment's plan is over, the next session is the
/// likelier meaning and comes first; during it, a correction does.
pub(super) fn ask_which(
    ctx: &Context,
    latest: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
) -> String {
    let plan = ctx.plan(latest);
    let (latest_at, at_text) = (latest, ctx.plan(at).local(at));
    let latest = plan.local(latest);
    let (replace_how, next_how) = (
        How {
            replace: true,
            ..How::default()
        },
        How {
            next: true,
            ..How::default()
        },
    );
    let replace = format!(
        "To correct its time to {}:\n  {}",
        moment(at_text),
        suggestion(ctx, at, replace_how, now)
    );
    // Before the latest treatment, an added session is one left out of the series.
    let added = match at < latest_at {
        true => "as an earlier session left out of the series",
        false => "as the next session of the series",
    };
    let next = format!(
        "To add {} {added}:\n  {}",
        moment(at_text),
        suggestion(ctx, at, next_how, now)
    );
    let (first, second) = match plan.day_of(now) > plan.last_day() {
        true => (next, replace),
        false => (replace, next),
    };
    format!(
        "A treatment is already recorded: {}.\nNothing was changed. Say what you mean:\n\
         {first}\n{second}",
        moment(latest),
    )
}

/// `start --next` before the latest treatment: not a next session; `--replace` is how
/// to correct the latest one's time.
pub(super) fn not_next(
    ctx: &Context,
    latest: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
) -> String {
    let (latest_text, at_text) = (ctx.plan(latest).local(latest), ctx.plan(at).local(at));
    let next = How {
        next: true,
        ..How::default()
    };
    format!(
        "Not recorded: --next adds a session after the latest treatment.\n\
         The latest is {}; {} is before it.\n\
         To correct the latest treatment's time to {} instead:\n  {}\n\
         To add it as an earlier session left out of the series:\n  {}",
        moment(latest_text),
        moment(at_text),
        moment(at_text),
        suggestion(
            ctx,
            at,
            How {
                replace: true,
                ..How::default()
            },
            now
        ),
        command(ctx, at, next, "--confirm")
    )
}

//! `start`: record a treatment, or with `--replace` move the latest one to the right time.

use super::text::{moment, wrap};
use super::{CliError, Context, Out};
use crate::store::Change;
use crate::timearg::parse_time;
use chrono::{DateTime, FixedOffset, Local};

pub fn run(ctx: &Context, at: Option<&str>, replace: bool, out: Out) -> Result<(), CliError> {
    let now = ctx.now();
    let at = match at {
        Some(text) => parse_time(text, &Local).map_err(|source| CliError::Time {
            flag: "--at",
            source,
        })?,
        None => now,
    };
    let latest = ctx.state.sessions.last().map(|s| s.at);
    let shown = |t: DateTime<FixedOffset>| moment(ctx.plan(t).local(t));
    let head = if ctx.state.session(at).is_some() {
        format!("Treatment already recorded: {}.", shown(at))
    } else if let (true, Some(from)) = (replace, latest) {
        ctx.store.apply(&Change::MoveSession { from, to: at })?;
        format!(
            "Treatment moved: {} → {}. Tick-offs keep their dates.",
            shown(from),
            shown(at)
        )
    } else {
        ctx.store.apply(&Change::AddSession { at })?;
        let nothing_replaced = if replace {
            " (There was no earlier treatment to replace.)"
        } else {
            ""
        };
        format!("Treatment recorded: {}.{nothing_replaced}", shown(at))
    };
    let text = format!("{head} {}", where_we_are(ctx, at, now));
    writeln!(out, "{}", wrap(&text, "", ""))?;
    writeln!(
        out,
        "See today's checklist: aftercare today (or just aftercare)."
    )?;
    Ok(())
}

/// Where today falls relative to the treatment, in the plan's day numbers.
fn where_we_are(ctx: &Context, at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let plan = ctx.plan(at);
    match plan.day_of(now) {
        1 => "Day 1 is today.".to_string(),
        d if d > 1 => format!(
            "Day 1 was {}; today is Day {d}.",
            plan.date_of(1).format("%a %-d %b")
        ),
        d => format!(
            "Day 1 is {}, in {} day{}; until then the checklist shows how to prepare.",
            plan.date_of(1).format("%a %-d %b"),
            1 - d,
            if d == 0 { "" } else { "s" }
        ),
    }
}

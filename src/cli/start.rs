//! `start`: record a treatment, or with `--replace` move the latest one to the right time.

use super::followed::describe;
use super::text::{moment, wrap};
use super::{CliError, Context, Out};
use crate::store::{Change, PlanCopy};
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
    // The latest treatment as read before the lock: a replace names it, and is refused if
    // another copy has recorded or moved a treatment by the time the lock is held.
    let latest = ctx.state.sessions.last().map(|s| s.at);
    // The plan the command resolved (`followed`): --rules, or the plan of the treatment
    // before, or the built-in one. Recorded with the treatment, its copy kept.
    let plan = PlanCopy::of(&ctx.rules);
    let change = if replace {
        Change::ReplaceLatest {
            from: latest,
            to: at,
            plan: Some(plan.clone()),
            recorded: now,
        }
    } else {
        Change::AddSessionFollowing {
            at,
            plan: plan.clone(),
            recorded: now,
        }
    };
    let saved = ctx.save(&change)?;
    let shown = |t: DateTime<FixedOffset>| moment(ctx.plan(t).local(t));
    let head = match (saved.changed, replace, latest) {
        (false, ..) => format!("Treatment already recorded: {}.", shown(at)),
        (true, true, Some(from)) => format!(
            "Treatment moved: {} → {}. Tick-offs keep their dates.",
            shown(from),
            shown(at)
        ),
        (true, true, None) => format!(
            "Treatment recorded: {}. (There was no earlier treatment to replace.)",
            shown(at)
        ),
        (true, false, _) => format!("Treatment recorded: {}.", shown(at)),
    };
    let text = format!("{head} {}", where_we_are(ctx, at, now));
    writeln!(out, "{}", wrap(&text, "", ""))?;
    let recorded = saved.state.session(at).and_then(|s| s.plan.as_ref());
    if let Some(reference) = recorded.filter(|_| saved.changed) {
        let text = format!(
            "It follows {}: aftercare keeps a copy, so there is no need for --rules from now \
             on.",
            describe(reference)
        );
        writeln!(out, "{}", wrap(&text, "", ""))?;
    }
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

//! `start`: record a treatment; with one recorded already, `--replace` corrects the latest
//! one's time and `--next` adds the next session of the series (without either, it asks
//! which is meant and changes nothing). A time that looks like a mistake (`plausible`) needs
//! `--confirm`.

mod asking;

use super::followed::describe;
use super::text::{moment, wrap};
use super::{CliError, Context, Out};
use crate::dates::date_near;
use crate::plausible;
use crate::store::{Change, PlanCopy};
use crate::timearg::{TYPED_FORMAT, parse_time_near, says_time_of_day};
use asking::{ask_which, not_next};
use chrono::{DateTime, FixedOffset, Local};

/// What the patient asked `start` to do with a treatment already recorded.
#[derive(Debug, Clone, Copy, Default)]
pub struct How {
    /// `--replace`: move the latest treatment to the time given.
    pub replace: bool,
    /// `--next`: add the time given as the next session.
    pub next: bool,
    /// `--confirm`: record a time that looks like a mistake.
    pub confirm: bool,
}

pub fn run(ctx: &Context, at: Option<&str>, how: How, out: Out) -> Result<(), CliError> {
    let now = ctx.now();
    let typed = at;
    let at = match at {
        Some(text) => parse_time_near(text, &Local, now).map_err(|source| CliError::Time {
            flag: "--at",
            source,
        })?,
        None => now,
    };
    // The latest treatment as read before the lock: a replace names it, and is refused if
    // another copy has recorded or moved a treatment by the time the lock is held.
    let latest = ctx.state.sessions.last().map(|s| s.at);
    let replace = how.replace;
    let known = ctx.state.session(at).is_some();
    if let Some(latest) = latest.filter(|_| !how.replace && !how.next && !known) {
        return Err(CliError::Usage(ask_which(ctx, latest, at, now)));
    }
    match refusal(ctx, at, how, now) {
        Some(Refusal::NotNext(latest)) => {
            return Err(CliError::Usage(not_next(ctx, latest, at, now)));
        }
        Some(Refusal::Implausible(why)) => {
            let why = format!("Not recorded: {} {why}.", moment(ctx.plan(at).local(at)));
            // A year typed wrong: the time most likely meant, as a command that works; the
            // time typed is then named, so "that" cannot be read as the suggestion.
            let (meant, that) = match likely_year(ctx, at, how, now) {
                Some(meant) => (
                    format!(
                        "\nDid you mean {}? Record that with:\n  {}",
                        moment(ctx.plan(meant).local(meant)),
                        suggestion(ctx, meant, how, now)
                    ),
                    moment(ctx.plan(at).local(at)),
                ),
                None => (String::new(), "that".to_string()),
            };
            return Err(CliError::Usage(format!(
                "{}{meant}\nIf {that} is right, run it again with --confirm:\n  {}",
                as_error(&why),
                command(ctx, at, how, "--confirm"),
            )));
        }
        None => {}
    }
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
    if !saved.changed {
        not_switched(ctx, &saved.state, at, &plan.reference)?;
    }
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
    // A day alone: every "until" counts from the time filled in, so it is said, with how
    // to put the real one.
    if saved.changed && typed.is_some_and(|t| !says_time_of_day(t)) {
        let local = ctx.plan(at).local(at);
        let text = format!(
            "No time given: counted from {}. What to avoid counts from the treatment's \
             time; if it was another, correct it:",
            crate::dates::clock(local)
        );
        writeln!(out, "{}", wrap(&text, "", ""))?;
        let local = local.format("%Y-%m-%d");
        writeln!(out, "  aftercare start --replace --at \"{local} HH:MM\"")?;
    }
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

/// Why `start --at AT` with the flags of `how` would be refused, short of `--confirm`.
enum Refusal {
    /// `--next` before the latest treatment (at this time).
    NotNext(DateTime<FixedOffset>),
    /// A time that looks like a mistake.
    Implausible(plausible::Implausible),
}

/// The checks `run` makes before recording, in one place so that every command the app
/// suggests is one it then accepts. A time already recorded is no change (said by `run`), so
/// running the same command twice is safe.
fn refusal(
    ctx: &Context,
    at: DateTime<FixedOffset>,
    how: How,
    now: DateTime<FixedOffset>,
) -> Option<Refusal> {
    if how.confirm || ctx.state.session(at).is_some() {
        return None;
    }
    let latest = ctx.state.sessions.last().map(|s| s.at);
    // The next session comes after the latest: an earlier time is most likely a correction,
    // or, confirmed, a session left out of the series.
    if let Some(latest) = latest.filter(|l| how.next && at < *l) {
        return Some(Refusal::NotNext(latest));
    }
    let plan_days = ctx.plan(at).last_day();
    plausible::check(at, now, others(ctx, how), plan_days).map(Refusal::Implausible)
}

/// The treatments a new time is compared with: all recorded, but the one being moved (no
/// neighbour of its new time).
fn others(ctx: &Context, how: How) -> Vec<DateTime<FixedOffset>> {
    let latest = ctx.state.sessions.last().map(|s| s.at);
    let all = ctx.state.sessions.iter().map(|s| s.at);
    all.filter(|o| !(how.replace && Some(*o) == latest))
        .collect()
}

/// The time `at` most likely meant, where `refusal` doubts it for its year
/// (`plausible::likely_year`), beside the same treatments `refusal` compares it with.
fn likely_year(
    ctx: &Context,
    at: DateTime<FixedOffset>,
    how: How,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    let plan_days = ctx.plan(at).last_day();
    plausible::likely_year(at, now, &others(ctx, how), plan_days, &Local)
}

/// The `start` command for `at` with the flags of `how`, and `--confirm` when it would be
/// refused without: a suggestion that works when followed.
fn suggestion(
    ctx: &Context,
    at: DateTime<FixedOffset>,
    how: How,
    now: DateTime<FixedOffset>,
) -> String {
    match refusal(ctx, at, how, now) {
        Some(_) => command(ctx, at, how, "--confirm"),
        None => command(ctx, at, how, ""),
    }
}

/// Where today falls relative to the treatment, in the plan's day numbers.
fn where_we_are(ctx: &Context, at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let plan = ctx.plan(at);
    // Day 1 in another year says its year.
    let day_1 = date_near(plan.date_of(1), plan.local_date(now));
    match plan.day_of(now) {
        1 => "Day 1 is today.".to_string(),
        d if d > 1 => format!("Day 1 was {day_1}; today is Day {d}."),
        d => format!(
            "Day 1 is {day_1}, in {} day{}; until then the checklist shows how to prepare.",
            1 - d,
            if d == 0 { "" } else { "s" }
        ),
    }
}

/// The `start` command for `at` with the flags of `how` and `extra`, to run as it is.
fn command(ctx: &Context, at: DateTime<FixedOffset>, how: How, extra: &str) -> String {
    let local = ctx.plan(at).local(at).format(TYPED_FORMAT);
    let mut words = vec![format!("aftercare start --at \"{local}\"")];
    for (on, flag) in [(how.replace, "--replace"), (how.next, "--next")] {
        if on {
            words.push(flag.to_string());
        }
    }
    words.push(extra.to_string());
    words.retain(|w| !w.is_empty());
    words.join(" ")
}

/// `text` wrapped to the terminal's width as it will be printed, after "aftercare: ".
fn as_error(text: &str) -> String {
    let prefix = "aftercare: ";
    let wrapped = wrap(text, prefix, "");
    wrapped.strip_prefix(prefix).unwrap_or(&wrapped).to_string()
}

/// `start` at a time already recorded, with `--rules` naming a plan other than the one that
/// treatment follows: nothing was changed, and the patient or clinic is told so, with the
/// command that switches the plan (a recorded treatment changes plan only on purpose).
/// Errors: `CliError::Usage` saying so; `Ok` when the plans are the same.
fn not_switched(
    ctx: &Context,
    state: &crate::store::State,
    at: DateTime<FixedOffset>,
    given: &crate::store::PlanRef,
) -> Result<(), CliError> {
    let Some(file) = &ctx.rules_file else {
        return Ok(());
    };
    let Some(recorded) = state.session(at).and_then(|s| s.plan.as_ref()) else {
        return Ok(());
    };
    if given.sha256 == recorded.sha256 {
        return Ok(());
    }
    let file = crate::inert::inert_path(file);
    let text = format!(
        "Treatment already recorded: {}. It follows {}, and still does: {} was not applied \
         to it. To switch this treatment to that plan (tick-offs and check-ins stay):",
        moment(ctx.plan(at).local(at)),
        describe(recorded),
        describe(given),
    );
    Err(CliError::Usage(format!(
        "{}\n  aftercare rules use {file}",
        wrap(&text, "", ""),
    )))
}

//! `check` and `uncheck`: tick a task off on a day of the plan, or undo it.

use super::text::{WIDTH, short_date, wrap_to};
use super::{CliError, Context, NextTreatment, Out, TickArgs};
use crate::checklist::{Checklist, Record, TaskLine};
use crate::plan::{Plan, Standing, Wording};
use crate::rules::Repeat;
use crate::store::{Change, Session};
use chrono::{DateTime, Duration, FixedOffset, Local};
use why_not::{before_next_opens, booked_already, not_found};

mod why_not;

pub fn check(ctx: &Context, args: &TickArgs, out: Out) -> Result<(), CliError> {
    let target = Target::find(ctx, args)?;
    let task = target.task();
    // The rule the checklist shares (`Plan::may_tick`): nothing is ticked for a day ahead.
    if let Some((rule, _)) = target.plan.find_rule(&task.id)
        && let Err(closed) = target.plan.may_tick(rule, target.day.day, ctx.now())
    {
        return Err(CliError::Usage(format!(
            "cannot tick “{}” yet: {closed}. Tasks are ticked on their day or after it.",
            task.title
        )));
    }
    // Just after midnight, the evening task a reminder named a minute ago is today's, due
    // 20 hours ahead, and yesterday's would stay unticked and read as missed; so is the
    // daily sunscreen, due from 09:00. A task not yet due, named without a day, while
    // yesterday's closed unticked within `JUST_CLOSED`, is said back with both commands;
    // `--day` ticks either on purpose.
    if args.day.is_none()
        // A task to do once is the same task every day of its window: no day to ask about.
        && task.repeat != Repeat::Once
        && task.standing == Standing::Upcoming
        && let Some((from, _)) = task.due
    {
        let yesterday = target.day.day - 1;
        // Yesterday's day of the same plan and record, not a second lookup of both.
        let record = Record::of(&ctx.state, target.session);
        let before = (yesterday >= target.plan.first_day())
            .then(|| Checklist::build(&target.plan, yesterday, Some(record), ctx.now()));
        let closed = before.as_ref().and_then(|day| {
            let t = day.tasks.iter().find(|t| t.id == args.id)?;
            let (_, ends) = t.due?;
            let since = ctx.now() - ends;
            (!t.done && since >= Duration::zero() && since < JUST_CLOSED).then_some(ends)
        });
        if let Some(closed) = closed {
            let question = format!(
                "which day? “{}”{} of today (Day {}) is due from {}, and yesterday's \
                 closed unticked at {}.",
                task.title,
                task.slot.map(|s| format!(", {s},")).unwrap_or_default(),
                target.day.day,
                crate::dates::clock(from),
                crate::export::end_words(closed),
            );
            // Wrapped short of 80 columns by the "aftercare: " every error starts with.
            let question = wrap_to(&question, WIDTH - "aftercare: ".len(), "", "");
            return Err(CliError::Usage(format!(
                "{question}\nYesterday's: aftercare check {} --day {yesterday}\nToday's, \
                 ahead: aftercare check {} --day {}",
                args.id, args.id, target.day.day,
            )));
        }
    }
    // Lifted on its day (`Plan::is_lifted`): nothing is left to keep, so nothing to tick,
    // as on the checklist, where it reads "✓ Makeup is fine again".
    if task.lifted_by_now {
        let when = crate::dates::clock(task.ends);
        return Err(CliError::Usage(format!(
            "nothing to tick: “{}” ended at {when} on Day {} ({}){}",
            task.title,
            target.day.day,
            short_date(target.day.date),
            task.lifted
                .as_ref()
                .map(|words| format!(". {words}"))
                .unwrap_or_default()
        )));
    }
    let saved = !task.done
        && ctx
            .save(&Change::Tick {
                session: target.session.at,
                date: target.day.date,
                task: task.id.clone(),
            })?
            .changed;
    // Ticked already, here or by another copy of aftercare just now: nothing was added.
    let what = if saved { "Ticked" } else { "Already ticked" };
    writeln!(out, "{what}: {}", target.describe())?;
    // Booked: the next treatment's preparation (the week before it) shows only once its
    // date is recorded, and a patient told nothing waited for the day (walk-through).
    if saved
        && target
            .plan
            .booking_rule()
            .is_some_and(|rule| rule.id == task.id)
    {
        writeln!(
            out,
            "Once you know its date, record it: aftercare start --next --at \"YYYY-MM-DD \
             HH:MM\". The week before it, the checklist shows how to prepare."
        )?;
    }
    Ok(())
}

pub fn uncheck(ctx: &Context, args: &TickArgs, out: Out) -> Result<(), CliError> {
    let target = Target::find(ctx, args)?;
    let task = target.task();
    let (session, task_id, last) = (target.session.at, task.id.clone(), target.day.date);
    // A once-task stays done from the day it was ticked, so the tick to undo may be on an
    // earlier day than the one asked about: undo every tick that makes it count as done,
    // as the file holds them when saved.
    let change = if task.repeat == Repeat::Once {
        Change::UntickRange {
            session,
            task: task_id,
            // The booking of the next session counts ticks from the day it came up.
            first: target
                .plan
                .find_rule(&task.id)
                .map_or(target.plan.local_date(task.starts), |(rule, _)| {
                    target.plan.once_ticks_from(rule)
                }),
            last,
        }
    } else {
        Change::Untick {
            session,
            date: last,
            task: task_id,
        }
    };
    let saved = task.done && ctx.save(&change)?.changed;
    let what = if saved {
        "Unticked"
    } else {
        "Not ticked, nothing to undo"
    };
    writeln!(out, "{what}: {}", target.describe())?;
    Ok(())
}

/// The task a `check`/`uncheck` names, found on its day, or a message saying why not.
struct Target<'c> {
    session: &'c Session,
    plan: Plan<'c, Local>,
    day: Checklist,
    index: usize,
    today: i64,
    /// The next treatment's moment ("Sat 2 Jan 11:00") when the task is of its preparation
    /// (`crate::preparation`), not of the treatment in force.
    before: Option<String>,
}

impl<'c> Target<'c> {
    fn find(ctx: &'c Context, args: &TickArgs) -> Result<Self, CliError> {
        let session = ctx.session()?;
        let now = ctx.now();
        let plan = ctx.plan(session.at);
        let today = plan.day_of(now);
        let n = args.day.unwrap_or(today);
        let end = |d| format!("Day {d} ({})", short_date(plan.date_of(d)));
        if n > plan.last_day() && today > plan.last_day() {
            // After the plan there is nothing to tick; what goes on is kept up untracked.
            let keep = plan
                .rules()
                .keep_up_list(false, "; ")
                .map_or_else(String::new, |kept| {
                    format!(". Keep up without ticking: {}", crate::inert::inert(&kept))
                });
            return Err(CliError::Usage(format!(
                "nothing to tick on Day {n}: the plan ended on {}{keep}",
                end(plan.last_day())
            )));
        }
        if n < plan.first_day() || n > plan.last_day() {
            return Err(CliError::Usage(format!(
                "Day {n} is not in the plan: it runs from {} to {}",
                end(plan.first_day()),
                end(plan.last_day())
            )));
        }
        let record = Record::of(&ctx.state, session);
        let booking = plan.booking_rule().map(|r| &*r.id);
        if record.followed && booking == Some(args.id.as_str()) {
            return Err(CliError::Usage(booked_already(ctx, session, &plan)));
        }
        let day = Checklist::build(&plan, n, Some(record), now);
        match day.tasks.iter().position(|t| t.id == args.id) {
            Some(index) => Ok(Target {
                session,
                plan,
                day,
                index,
                today,
                before: None,
            }),
            None => {
                // Not today's task of this treatment, but of the next one's preparation, open
                // now: ticked on that treatment, whose tick-offs they are. A day named
                // (`--day`) is this treatment's.
                let next = args.day.is_none().then(|| ctx.next_treatment(session, now));
                if let Some(next) = next.flatten() {
                    match Target::before_next(next, now, &args.id) {
                        Ok(target) => return Ok(target),
                        Err(Some(why)) => return Err(CliError::Usage(why)),
                        Err(None) => {}
                    }
                }
                Err(CliError::Usage(not_found(
                    &plan,
                    &day,
                    (today, now),
                    &args.id,
                )))
            }
        }
    }

    /// The task `id` of the preparation of `next` (the treatment recorded ahead), when that
    /// is open at `now` and has it (`NextTreatment::open_at`); else why not when `id` is of
    /// its preparation not yet open (`before_next_opens`).
    fn before_next(
        next: NextTreatment<'c>,
        now: DateTime<FixedOffset>,
        id: &str,
    ) -> Result<Self, Option<String>> {
        let open = next.open_at(now, Wording::Short);
        let Some((day, index)) = open.and_then(|day| {
            let index = day.tasks.iter().position(|t| t.id == id)?;
            Some((day, index))
        }) else {
            return Err(before_next_opens(&next.plan, now, id));
        };
        Ok(Target {
            session: next.session,
            today: next.plan.day_of(now),
            before: Some(next.moment_words(now)),
            plan: next.plan,
            day,
            index,
        })
    }

    fn task(&self) -> &TaskLine {
        &self.day.tasks[self.index]
    }

    /// "Apply SPF 30+ sunscreen (Day 3, Sun 22 Nov)"; "Stay out of the sun (and a week after) (before your next
    /// treatment, Sat 2 Jan 11:00)"
    fn describe(&self) -> String {
        let task = self.task();
        let slot = task.slot.map(|s| format!(", {s}")).unwrap_or_default();
        if let Some(when) = &self.before {
            return format!("{}{slot} (before your next treatment, {when})", task.title);
        }
        let today = if self.day.day == self.today {
            ", today"
        } else {
            ""
        };
        format!(
            "{}{slot} (Day {}, {}{today})",
            task.title,
            self.day.day,
            short_date(self.day.date)
        )
    }
}

/// How recently yesterday's slot must have closed for a tick named without a day to be
/// asked back (`check`): the hours after midnight, when "today" has just moved on.
const JUST_CLOSED: Duration = Duration::hours(6);

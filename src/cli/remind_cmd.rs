//! `remind`: the edge of `crate::remind`, where the clock, the files and the notifier are
//! chosen (`remind install`/`uninstall` are in `remind_setup`).

use super::text::{WIDTH, columns, day_title, long_date, pad, wrap};
use super::{CliError, Context, Out, RemindArgs, Success};
use crate::journal::{AlertLine, alerts_on};
use crate::plan::{DueTask, Plan, day_ended_by};
use crate::remind::memory::Memory;
use crate::remind::notify::{self, Notification};
use crate::remind::{Reminder, SINCE_AT_MOST};
use crate::rules::{Repeat, Urgency};
use chrono::{DateTime, FixedOffset, Timelike};
use chrono::{Duration, Local};
use notifications::{Record, notifications};

mod notifications;

/// Titles are padded to at most this many characters, so the "when" words line up.
const TITLE_COLUMN: usize = 44;

/// `remind [--notify] [--quiet]`.
pub fn remind(ctx: &Context, args: &RemindArgs, out: Out) -> Result<Success, CliError> {
    let now = ctx.now();
    let Some(session) = ctx.state.current_session(now) else {
        if !args.quiet {
            writeln!(
                out,
                "No treatment recorded yet, so nothing is due. Record one with `aftercare start`."
            )?;
        }
        return Ok(Success::NothingDue);
    };
    let plan = ctx.plan(session.at);
    // Held (locked) until the end, notifications included: two runs at once never notify
    // the same task twice.
    let mut held = Memory::new(ctx.store()?.dir()).hold()?;
    if let Some(aside) = &held.set_aside {
        eprintln!(
            "aftercare: the record of notifications could not be read and was moved to {}; \
             a reminder may come twice.",
            aside.display()
        );
    }
    held.notified.for_session(session.at);
    let last = held.notified.last_reminder;
    let followed = ctx.state.is_followed(session);
    let mut reminder = Reminder::at(&plan, &session.ticks, now, last, &held.notified, followed);
    // The next recorded treatment's preparation due now, ticked on that treatment.
    if let Some(next) = ctx.next_treatment(session, now) {
        reminder = reminder.with_preparation(&next.plan, next.session, &held.notified);
    }
    // Today's check-in alerts that say to act today (or now) come before any task.
    let today = plan.local_date(now);
    let alerts: Vec<AlertLine> = alerts_on(&plan, session, today, now)
        .into_iter()
        .filter(|a| a.urgency <= Urgency::Call)
        .collect();
    if !args.quiet {
        write_alerts(&alerts, out)?;
        if !alerts.is_empty() && (!reminder.due.is_empty() || !reminder.notices.is_empty()) {
            writeln!(out)?;
        }
        write_text(&plan, &reminder, !alerts.is_empty(), out)?;
        // Run by hand, silence read as "did it run?" (walk-through); run for notifications
        // (`--notify`, from a timer) it stays quiet, and the exit status (3) says the same.
        let said = !alerts.is_empty()
            || reminder.anything_due()
            || !reminder.notices.is_empty()
            || reminder.plan_over;
        if !said && !args.notify {
            writeln!(
                out,
                "Nothing is due right now. `aftercare today` shows the whole day."
            )?;
        }
    }
    let mut failed = None;
    if args.notify {
        let mut notifier = notify::from_env();
        let fresh = alert_notifications(&alerts, today)
            .into_iter()
            .filter(|(_, key)| !held.notified.notices.contains(key))
            .map(|(n, key)| (n, Record::Notices(vec![key])))
            .collect::<Vec<_>>();
        for (notification, record) in fresh.into_iter().chain(notifications(&plan, &reminder)) {
            if let Err(e) = notifier.notify(&notification) {
                failed = Some(e);
                break;
            }
            match record {
                Record::Tasks(tasks) => {
                    for (date, id) in tasks {
                        held.notified.tasks.entry(date).or_default().insert(id);
                    }
                }
                Record::Notices(keys) => held.notified.notices.extend(keys),
            }
        }
    }
    held.notified.last_reminder = Some(last.map_or(now, |l| l.max(now)));
    // A slot's tasks are notified on its date; a once task's date is its window's first
    // day, which stays wanted while the task is due.
    let yesterday = plan.local_date(now) - Duration::days(1);
    let prep = reminder.before_next.iter().flat_map(|(_, due)| due);
    let keep_from = reminder
        .due
        .iter()
        .chain(prep)
        .map(|d| d.date)
        .fold(yesterday, |a, b| a.min(b));
    held.notified.forget_before(keep_from);
    held.save()?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    Ok(match reminder.anything_due() || !alerts.is_empty() {
        true => Success::Done,
        false => Success::NothingDue,
    })
}

/// Today's alerts to act on, most urgent first, as `today` words them: tag and title, the
/// message (which leads with what matters most), and what to do.
fn write_alerts(alerts: &[AlertLine], out: Out) -> Result<(), CliError> {
    for alert in alerts {
        let heading = format!("{} · {}", alert.urgency.tag(), alert.title);
        writeln!(out, "{}", wrap(&heading, "⚠ ", "  "))?;
        writeln!(out, "{}", wrap(&alert.message, "  ", "  "))?;
    }
    Ok(())
}

/// One notification per alert, with the key that records it as shown: once per day per
/// alert (the key names the day), in the same memory as tasks and notices.
fn alert_notifications(
    alerts: &[AlertLine],
    today: chrono::NaiveDate,
) -> Vec<(Notification, String)> {
    alerts
        .iter()
        .map(|alert| {
            let notification = Notification {
                summary: format!("{}: {}", alert.urgency.tag(), alert.title),
                body: alert.message.clone(),
            };
            (notification, format!("alert:{today}:{}", alert.id))
        })
        .collect()
}

/// The reminder as text: what is due, then what changed since the last reminder. Nothing
/// when there is neither.
fn write_text(
    plan: &Plan<'_, Local>,
    r: &Reminder<'_>,
    alert_up: bool,
    out: Out,
) -> Result<(), CliError> {
    let clock = |at| moment(plan, at, r.now);
    // From the evening slot on, the day's habits not ticked are not "due now": sunscreen
    // listed as due at 22:30 beside the evening cleanser (walk-through). They are said as not
    // ticked, to tick if done.
    let evening = plan.local(r.now).hour() >= crate::plan::Slot::Evening.hour();
    let (late, due): (Vec<DueTask<'_>>, Vec<DueTask<'_>>) = r
        .due
        .iter()
        .cloned()
        .partition(|d| evening && d.task.slot.is_none() && d.task.rule.repeat == Repeat::Daily);
    if !due.is_empty() {
        let when = crate::dates::short_moment(plan.local(r.now));
        writeln!(
            out,
            "Due now · {when} · {}",
            day_title(r.day, plan.last_day())
        )?;
        write_due(plan, r, &due, out)?;
    }
    if !late.is_empty() {
        if !due.is_empty() {
            writeln!(out)?;
        }
        writeln!(out, "Not ticked today (done them? tick them off)")?;
        write_due(plan, r, &late, out)?;
    }
    if let Some((when, due)) = &r.before_next {
        if !r.due.is_empty() {
            writeln!(out)?;
        }
        writeln!(out, "Due before your next treatment ({when})")?;
        write_due(plan, r, due, out)?;
    }
    if r.anything_due() {
        writeln!(out, "Tick each off when done: aftercare check ID")?;
    }
    if !r.notices.is_empty() {
        if r.anything_due() {
            writeln!(out)?;
        }
        // Held to a week when the last reminder was longer ago (`SINCE_AT_MOST`).
        match r.since_held {
            true => writeln!(out, "In the last {} days", SINCE_AT_MOST.num_days())?,
            false => writeln!(out, "Since the last reminder")?,
        }
        for notice in &r.notices {
            let mark = if notice.lifts { "✓" } else { "→" };
            let first = format!("  {mark} {} ", clock(notice.at));
            let indent = " ".repeat(columns(&first) + 1);
            writeln!(
                out,
                "{}",
                wrap(&notice.words, &format!("{first} "), &indent)
            )?;
        }
        // "Makeup is fine again" under "Rated severe": the plan's end of a restriction is
        // not the clinic's word on skin that has set off an alert.
        if alert_up && r.notices.iter().any(|n| n.lifts) {
            writeln!(
                out,
                "{}",
                wrap(crate::journal::ASK_BEFORE_RESUMING, "  ", "  ")
            )?;
        }
    }
    // Not while a check-in alert is up: turning reminders off then read as all clear.
    if !r.anything_due() && r.plan_over && !alert_up {
        let last = long_date(plan.date_of(plan.last_day()));
        // "Tasks": a check-in's alerts above still hold after the plan.
        let said = format!(
            "The plan ended on {last}: no more tasks are due. `aftercare remind uninstall` \
             turns reminders off."
        );
        writeln!(out, "{}", wrap(&said, "", ""))?;
    }
    Ok(())
}

/// The tasks `due` as rows: box and title, since when and until when, then the id.
fn write_due(
    plan: &Plan<'_, Local>,
    r: &Reminder<'_>,
    due: &[DueTask<'_>],
    out: Out,
) -> Result<(), CliError> {
    let clock = |at| moment(plan, at, r.now);
    // An end at a day boundary is the end of the day before ("until the end of Thu 26 Nov").
    let end = |at| match day_ended_by(plan.local(at)) {
        Some(_) => crate::export::end_words(plan.local(at)),
        None => clock(at),
    };
    let width = due.iter().map(|d| columns(d.task.title())).max();
    let width = width.unwrap_or(0).min(TITLE_COLUMN);
    for due in due {
        let ends_with_day = due.ends == plan.day_bounds(plan.local_date(r.now)).1;
        // A habit whose window closes only because the plan does (sunscreen on Day 43,
        // until the treatment's hour) has no end to say: the checklist says "daily". A
        // once task (the booking) keeps its end: it is a deadline.
        let ends_with_plan = due.task.rule.repeat != Repeat::Once
            && due.ends == due.task.ends
            && crate::checklist::ends_with_plan(plan, &due.task);
        let mut when = format!("since {}", clock(due.begins));
        if !ends_with_day && !ends_with_plan {
            when.push_str(&format!(" · until {}", end(due.ends)));
        }
        let title = due.task.title();
        let line = format!("  [ ] {}  {when}", pad(title, width));
        if columns(title) <= width && columns(&line) <= WIDTH {
            writeln!(out, "{line}")?;
        } else {
            // A long title gets lines of its own, the times under it.
            writeln!(out, "{}", wrap(title, "  [ ] ", "      "))?;
            writeln!(out, "      {when}")?;
        }
        writeln!(out, "      {}", due.id)?;
    }
    Ok(())
}

/// A moment as a reminder says it: "14:00" today, "Fri 13 Nov 14:00" on another day. A
/// weekday alone would read the same a day ago and six days ahead ("since Fri 14:00 · until
/// Fri 14:00"), which a reminder spanning both would say.
fn moment(plan: &Plan<'_, Local>, at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let (at, now) = (plan.local(at), plan.local(now));
    if at.date_naive() == now.date_naive() {
        crate::dates::clock(at)
    } else {
        crate::dates::short_moment(at)
    }
}

//! Ticking and unticking a task: saved at once, and on the screen only once it is saved.
//! Each one can be undone: the app keeps the inverse changes, newest last.

use super::ChecklistScreen;
use crate::checklist::TaskLine;
use crate::rules::Repeat;
use crate::store::{Change, Session};
use crate::tui::context::Context;
use chrono::{NaiveDate, TimeZone};

/// Said when the booking of the next session is ticked: its preparation (the week before)
/// is shown only once its date is recorded (walk-through: a patient waited for the day).
/// One row at 80 columns (75 cells).
const BOOKED_NOTICE: &str =
    "Booked: record its date with aftercare start --next --at \"YYYY-MM-DD HH:MM\"";

/// What undoing one tick or untick takes, and how to say what it undid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndoStep {
    pub changes: Vec<Change>,
    /// "the tick of “Apply SPF 30+ sunscreen”"
    pub what: String,
}

impl ChecklistScreen {
    /// Ticks the selected task on the viewed day, or unticks it. On success the context takes
    /// the state as saved; on failure it keeps the old one and says why.
    pub(super) fn toggle<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>) {
        if self.selected_task(ctx).is_none() || !ctx.may_change() {
            return;
        }
        if let Some(why) = self.not_yet(ctx) {
            ctx.notice = Some(why);
            return;
        }
        let (Some(task), Some(session), Some(list)) =
            (self.selected_task(ctx), ctx.session(), &ctx.checklist)
        else {
            return;
        };
        let change = toggle_change(task, session, list.date);
        // Booked: the next treatment's preparation shows only once its date is recorded.
        let booked = !task.done
            && ctx
                .plan()
                .and_then(|plan| plan.booking_rule())
                .is_some_and(|rule| rule.id == task.id);
        let verb = if task.done { "untick" } else { "tick" };
        let what = format!("the {verb} of “{}”", task.title);
        let before = ticked_dates(ctx, &change);
        let (applied, result) = apply_all(ctx, std::slice::from_ref(&change));
        if applied > 0 {
            // Undo puts back what the save changed, as the state before and after it says.
            let changes = undo_changes(&change, &before, &ticked_dates(ctx, &change));
            if !changes.is_empty() {
                self.undo.push(UndoStep { changes, what });
            }
        }
        if booked && applied > 0 {
            ctx.notice = Some(BOOKED_NOTICE.to_string());
        }
        ctx.status = result.err();
        ctx.refresh();
    }

    /// Why the selected task cannot be ticked yet (its day has not begun: `Plan::may_tick`,
    /// the rule `aftercare check` shares), asked of the plan at this moment and in the zone
    /// the machine is in now; `None` when it can, or when it is ticked (unticking is allowed).
    fn not_yet<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<String> {
        let (plan, task) = (ctx.plan()?, self.selected_task(ctx)?);
        let (rule, _) = plan.find_rule(&task.id)?;
        if task.done {
            return None;
        }
        let closed = plan.may_tick(rule, ctx.day, ctx.now).err()?;
        Some(format!("Not ticked: {}; t goes to today", closed.short()))
    }

    /// Undoes the last tick or untick, and shows the day it was on.
    pub(super) fn undo_last<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>) {
        let Some(step) = self.undo.pop() else {
            ctx.notice = Some("Nothing to undo".into());
            return;
        };
        let (applied, result) = apply_all(ctx, &step.changes);
        match result {
            Ok(()) => {
                ctx.status = None;
                ctx.notice = Some(format!("Undone: {}", step.what));
            }
            Err(message) => {
                // What was not undone stays on the stack for another try.
                ctx.status = Some(message);
                self.undo.push(UndoStep {
                    changes: step.changes[applied..].to_vec(),
                    what: step.what,
                });
            }
        }
        if let Some(Change::Tick { session, date, .. } | Change::Untick { session, date, .. }) =
            step.changes.first()
        {
            // The next treatment's preparation is ticked beside the current day: undone
            // there too, not on a view of that treatment.
            let beside = ctx
                .checklist
                .as_ref()
                .is_some_and(|list| list.tasks.iter().any(|t| t.of_treatment == Some(*session)));
            if !beside && ctx.session().map(|s| s.at) != Some(*session) {
                ctx.viewed = Some(*session);
            }
            let day = ctx.plan().map(|p| p.day_of_date(*date));
            ctx.refresh();
            if let Some(day) = day {
                ctx.show_day(day);
            }
        }
    }
}

/// Saves changes in order until one fails: how many were saved, and why not the rest.
fn apply_all<Tz: TimeZone>(
    ctx: &mut Context<Tz>,
    changes: &[Change],
) -> (usize, Result<(), String>) {
    for (i, change) in changes.iter().enumerate() {
        if let Err(message) = ctx.apply(change) {
            return (i, Err(message));
        }
    }
    (changes.len(), Ok(()))
}

/// The dates in the range `change` covers that its task is ticked on, in the context's state.
fn ticked_dates<Tz: TimeZone>(ctx: &Context<Tz>, change: &Change) -> Vec<NaiveDate> {
    let (session, task, first, last) = match change {
        Change::Tick {
            session,
            date,
            task,
        }
        | Change::Untick {
            session,
            date,
            task,
        } => (session, task, date, date),
        Change::UntickRange {
            session,
            task,
            first,
            last,
        } => (session, task, first, last),
        _ => return Vec::new(),
    };
    let Some(session) = ctx.state.session(*session).filter(|_| first <= last) else {
        return Vec::new();
    };
    session
        .ticks
        .range(first..=last)
        .filter(|(_, ids)| ids.contains(task))
        .map(|(date, _)| *date)
        .collect()
}

/// The changes that take `change`'s task back from ticked on `after` to ticked on `before`.
fn undo_changes(change: &Change, before: &[NaiveDate], after: &[NaiveDate]) -> Vec<Change> {
    let (Change::Tick { session, task, .. }
    | Change::Untick { session, task, .. }
    | Change::UntickRange { session, task, .. }) = change
    else {
        return Vec::new();
    };
    let (session, task) = (*session, task.clone());
    let retick = before
        .iter()
        .filter(|d| !after.contains(d))
        .map(|&date| Change::Tick {
            session,
            date,
            task: task.clone(),
        });
    let untick = after
        .iter()
        .filter(|d| !before.contains(d))
        .map(|&date| Change::Untick {
            session,
            date,
            task: task.clone(),
        });
    retick.chain(untick).collect()
}

/// What ticking or unticking `task` on `date` takes. A once-task counts as done from the day
/// it was ticked on, so unticking it clears every tick up to `date`, as the file holds them
/// when it is saved (one change: a tick another copy added meanwhile is cleared too). A task
/// of the next treatment's preparation is that treatment's (`TaskLine::of_treatment`).
fn toggle_change(task: &TaskLine, session: &Session, date: NaiveDate) -> Change {
    let (session, task_id) = (task.of_treatment.unwrap_or(session.at), task.id.clone());
    match (task.done, task.repeat) {
        (false, _) => Change::Tick {
            session,
            date,
            task: task_id,
        },
        (true, Repeat::Once) => Change::UntickRange {
            session,
            task: task_id,
            first: NaiveDate::MIN,
            last: date,
        },
        (true, _) => Change::Untick {
            session,
            date,
            task: task_id,
        },
    }
}

#[cfg(test)]
mod tests;

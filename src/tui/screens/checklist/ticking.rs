//! Ticking and unticking a task: saved at once, and on the screen only once it is saved.
//! Each one can be undone: the app keeps the inverse changes, newest last.

use super::ChecklistScreen;
use crate::checklist::TaskLine;
use crate::rules::Repeat;
use crate::store::{Change, Session};
use crate::tui::context::Context;
use chrono::{NaiveDate, TimeZone};

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
        let (Some(task), Some(session), Some(list)) =
            (self.selected_task(ctx), ctx.session(), &ctx.checklist)
        else {
            return;
        };
        let changes = toggle_changes(task, session, list.date);
        let verb = if task.done { "untick" } else { "tick" };
        let what = format!("the {verb} of “{}”", task.title);
        let (applied, result) = apply_all(ctx, &changes);
        if applied > 0 {
            let changes = changes[..applied].iter().rev().map(inverse).collect();
            self.undo.push(UndoStep { changes, what });
        }
        ctx.status = result.err();
        ctx.refresh();
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
            if ctx.session().map(|s| s.at) != Some(*session) {
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

/// The change that takes `change` back.
fn inverse(change: &Change) -> Change {
    match change.clone() {
        Change::Tick {
            session,
            date,
            task,
        } => Change::Untick {
            session,
            date,
            task,
        },
        Change::Untick {
            session,
            date,
            task,
        } => Change::Tick {
            session,
            date,
            task,
        },
        other => other,
    }
}

/// What ticking or unticking `task` on `date` takes. A once-task counts as done from the day
/// it was ticked on, so unticking it clears every tick up to `date`.
fn toggle_changes(task: &TaskLine, session: &Session, date: NaiveDate) -> Vec<Change> {
    let at = session.at;
    if !task.done {
        return vec![Change::Tick {
            session: at,
            date,
            task: task.id.clone(),
        }];
    }
    let dates: Vec<_> = match task.repeat {
        Repeat::Once => session
            .ticks
            .range(..=date)
            .filter(|(_, ids)| ids.contains(&task.id))
            .map(|(d, _)| *d)
            .collect(),
        _ => vec![date],
    };
    dates
        .into_iter()
        .map(|date| Change::Untick {
            session: at,
            date,
            task: task.id.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Kind;
    use chrono::DateTime;

    fn task(id: &str, repeat: Repeat, done: bool) -> TaskLine {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        TaskLine {
            id: id.into(),
            title: id.into(),
            kind: Kind::Do,
            repeat,
            slot: None,
            done,
            status: "active",
            starts: at,
            ends: at,
            when: String::new(),
            rationale: String::new(),
            sources: vec![],
            standing: crate::plan::Standing::Upcoming,
            due: None,
            lifted: None,
            coming_up: false,
        }
    }

    #[test]
    fn unticking_a_once_task_clears_the_day_it_was_ticked() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let mut session = Session::new(at);
        session
            .ticks
            .entry(day(21))
            .or_default()
            .insert("book".into());
        let untick = toggle_changes(&task("book", Repeat::Once, true), &session, day(23));
        assert_eq!(
            untick,
            [Change::Untick {
                session: at,
                date: day(21),
                task: "book".into()
            }]
        );
        let daily = toggle_changes(&task("water", Repeat::Daily, true), &session, day(23));
        assert_eq!(
            daily,
            [Change::Untick {
                session: at,
                date: day(23),
                task: "water".into()
            }]
        );
        let tick = toggle_changes(&task("water", Repeat::Daily, false), &session, day(23));
        assert_eq!(
            tick,
            [Change::Tick {
                session: at,
                date: day(23),
                task: "water".into()
            }]
        );
    }
}

//! The next recorded treatment's preparation, while it is open and the current treatment is
//! still the one in force: "Stay out of the sun (and a week after)", "Check: not flaring", "Tell your provider
//! your conditions", from a week before the next session until its hour.
//!
//! A first treatment's days before it show its preparation as its own checklist (its Day -6
//! to Day 1, `Plan::day_at`). A later one's days before it are the earlier treatment's last
//! days, which keep their own tasks (sunscreen still matters on Day 36): its preparation is
//! shown beside them, one list, and its tick-offs are the next treatment's (the store keys
//! ticks by session). The main screen, `today`, `check` and `remind` all ask this module, so
//! they say the same tasks at the same moments.
//!
//! Pure: the plan of the next treatment and `now` are passed in.

use crate::checklist::{Checklist, Record};
use crate::plan::{DueTask, Plan, Wording};
use crate::store::{Session, State};
use chrono::{DateTime, FixedOffset, TimeZone};

/// The treatment recorded after `session` whose preparation may be open at `now`: the next
/// one, still ahead (from its hour it is the treatment in force, and its own checklist says
/// the rest). `None` when no later treatment is recorded or it has begun.
pub fn next_treatment<'s>(
    state: &'s State,
    session: &Session,
    now: DateTime<FixedOffset>,
) -> Option<&'s Session> {
    let at = state.next_after(session)?;
    (now < at).then(|| state.session(at)).flatten()
}

/// The preparation of `next` (a treatment recorded ahead, `next_treatment`) open at `now`:
/// the tasks of its plan's day of `now` whose windows close by the treatment, with `next`'s
/// tick-offs, worded as `wording` says. `plan` is `next`'s plan. `None` before the
/// preparation opens (a week before, for the built-in plan), from the treatment on, and when
/// the plan has no preparation. Each task says it is `next`'s (`TaskLine::of_treatment`). Its day has no phases and no warning signs: those are the
/// current treatment's.
pub fn open_at<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    state: &State,
    next: &Session,
    now: DateTime<FixedOffset>,
    wording: Wording,
) -> Option<Checklist> {
    let day = plan.day_of(now);
    if now >= plan.treatment() || day < plan.first_day() {
        return None;
    }
    let record = Record::of(state, next);
    let mut list = Checklist::build_in(plan, day, Some(record), now, wording);
    list.tasks.retain(|task| {
        plan.find_rule(&task.id)
            .is_some_and(|(rule, _)| plan.is_preparation(rule))
    });
    for task in &mut list.tasks {
        task.of_treatment = Some(next.at);
    }
    list.phases.clear();
    list.warnings.clear();
    (!list.tasks.is_empty()).then_some(list)
}

/// Of the preparation of `next` (as `open_at`), the tasks due at `now` and not ticked: what
/// `remind` lists under the next treatment.
pub fn due_at<'r, Tz: TimeZone>(
    plan: &Plan<'r, Tz>,
    next: &Session,
    now: DateTime<FixedOffset>,
) -> Vec<DueTask<'r>> {
    if now >= plan.treatment() {
        return Vec::new();
    }
    let mut due = plan.due_now(&next.ticks, now);
    due.retain(|d| plan.is_preparation(d.task.rule));
    due
}

/// "Sat 2 Jan 11:00": the next treatment's moment as a heading names it, with its year only
/// when another year than `now`'s (today's) date.
pub fn moment_words<Tz: TimeZone>(plan: &Plan<'_, Tz>, now: DateTime<FixedOffset>) -> String {
    let today = plan.local(now).date_naive();
    crate::dates::moment_near(plan.local(plan.treatment()), today)
}

#[cfg(test)]
mod tests;

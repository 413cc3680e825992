//! Why `check` found no task of that id on the day, or may not tick it yet, and what to
//! type instead.

use super::super::Context;
use super::super::text::{moment, short_date, wrap};
use crate::checklist::Checklist;
use crate::plan::Plan;
use crate::rules::Repeat;
use crate::store::Session;
use chrono::{DateTime, Duration, FixedOffset, Local};

/// Why `id` is not a task on `day`, and what to type instead.
pub(super) fn not_found(
    plan: &Plan<'_, Local>,
    day: &Checklist,
    (today, now): (i64, DateTime<FixedOffset>),
    id: &str,
) -> String {
    let rule_id = id.split_once('@').map_or(id, |(rule, _)| rule);
    let which = if day.day == today {
        format!("today (Day {}, {})", day.day, short_date(day.date))
    } else {
        format!("on Day {} ({})", day.day, short_date(day.date))
    };
    match plan.rules().rule(rule_id) {
        Some(rule) if plan.find_rule(id).is_some() => {
            // The other half of a twice-daily task can be on the day when this one is not
            // (a treatment in the afternoon leaves Day 1 with only the evening).
            let prefix = format!("{rule_id}@");
            if let Some(other) = day.tasks.iter().find(|t| t.id.starts_with(&prefix)) {
                return format!("`{id}` is not a task {which}; use {}", other.id);
            }
            let (from, until) = plan.span(rule);
            // A once task counts from the day it is offered: the booking of the next
            // session from a week before its window (`Plan::once_ticks_from`), as the
            // checklist offers it.
            let first = match rule.repeat {
                Repeat::Once => plan.day_of_date(plan.once_ticks_from(rule)),
                _ => plan.day_of(from),
            };
            let last = plan.day_of(until - Duration::seconds(1));
            let span = if first == last {
                format!("Day {first} only")
            } else {
                format!("Day {first} to Day {last}")
            };
            if until <= now {
                // Preparation ends at the treatment, on Day 1: "runs Day -6 to Day 1" read as
                // still on today.
                let ended = crate::export::end_words(plan.local(until));
                let until = if plan.is_preparation(rule) {
                    format!("the treatment ({ended})")
                } else {
                    ended
                };
                return format!("`{id}` is not a task {which}; it ran {span}, until {until}");
            }
            format!("`{id}` is not a task {which}; it runs {span}")
        }
        Some(rule) if rule.repeat == Repeat::MorningAndEvening => {
            format!("`{id}` is done twice a day: use {rule_id}@morning or {rule_id}@evening")
        }
        Some(_) => format!("`{id}` is not done twice a day: use {rule_id}"),
        None => {
            let ids: Vec<&str> = day.tasks.iter().map(|t| t.id.as_str()).collect();
            let list = if ids.is_empty() {
                "none".to_string()
            } else {
                ids.join(", ")
            };
            let tasks = if day.day == today {
                "today's tasks are:".to_string()
            } else {
                format!("Day {}'s tasks are:", day.day)
            };
            format!("no task `{id}`; {tasks}\n{}", wrap(&list, "  ", "  "))
        }
    }
}

/// Why the booking of the next session cannot be ticked once a later treatment is recorded:
/// "your next session is already recorded (Sat 2 Jan 2027 10:00): nothing to book".
pub(super) fn booked_already(ctx: &Context, session: &Session, plan: &Plan<'_, Local>) -> String {
    let when = ctx
        .state
        .next_after(session)
        .map_or(String::new(), |at| format!(" ({})", moment(plan.local(at))));
    format!("your next session is already recorded{when}: nothing to book")
}

/// Why a task of the next treatment's preparation cannot be ticked yet: "`before-avoid-sun`
/// prepares for your next treatment (Sat 2 Jan 2027 11:00); it runs from Sat 26 Dec 11:00". `None`
/// when `id` is no preparation task or no treatment is recorded ahead.
pub(super) fn before_next_opens(
    plan: &Plan<'_, Local>,
    now: DateTime<FixedOffset>,
    id: &str,
) -> Option<String> {
    let (rule, _) = plan.find_rule(id).filter(|(r, _)| plan.is_preparation(r))?;
    let (from, _) = plan.span(rule);
    (now < from).then(|| {
        format!(
            "`{id}` prepares for your next treatment ({}); it runs from {}",
            crate::preparation::moment_words(plan, now),
            crate::dates::moment_near(plan.local(from), plan.local_date(now))
        )
    })
}

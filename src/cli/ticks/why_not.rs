//! Why `check` found no task of that id on the day, and what to type instead.

use super::super::text::{short_date, wrap};
use crate::checklist::Checklist;
use crate::plan::Plan;
use crate::rules::Repeat;
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

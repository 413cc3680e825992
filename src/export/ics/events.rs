//! The events of a rule's window (what to avoid, when it is lifted, a once task) and of the next session.

use super::descriptions::{push_help, push_sources};
use super::{REMINDER_MINUTES, Trigger, alarm, describe, uid};
use crate::export::{end_words, moment_words};
use crate::plan::{Lifted, Plan, Task};
use crate::rules::{Kind, Repeat, Rule};
use chrono::{DateTime, Duration, TimeZone, Utc};
use icalendar::{Component, Event, EventLike};

/// The events of a rule's window: what to avoid (and when it is lifted), or a once task.
/// Repeating tasks to do are `reminders`' work.
pub(super) fn window_events<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    rule: &Rule,
    stamp: DateTime<Utc>,
) -> Vec<Event> {
    let (from, until) = plan.span(rule);
    let deadline = end_words(plan.local(until));
    match (rule.kind, rule.repeat) {
        (Kind::Avoid, _) => {
            let mut window = Event::new();
            window
                .uid(&uid(plan, &rule.id, ""))
                .summary(&rule.title)
                .description(&describe(plan, rule, &format!("Until {deadline}.")))
                .starts(from.with_timezone(&Utc))
                .ends(until.with_timezone(&Utc));
            let mut events = vec![window];
            let lifted = plan.lifted(until, until + Duration::seconds(1));
            if let Some(lifted) = lifted.iter().find(|l| l.rule.id == rule.id) {
                events.push(lifted_event(plan, lifted, stamp));
            }
            events
        }
        // Never due, so no reminders: one event over the window says it applies as needed.
        (Kind::Do, _) if rule.as_needed => {
            let mut window = Event::new();
            window
                .uid(&uid(plan, &rule.id, ""))
                .summary(&format!("{} (as needed)", rule.title))
                .description(&describe(
                    plan,
                    rule,
                    &format!("As needed, until {deadline}."),
                ))
                .starts(from.with_timezone(&Utc))
                .ends(until.with_timezone(&Utc));
            vec![window]
        }
        (Kind::Do, Repeat::Once) => {
            let mut event = Event::new();
            let when = format!(
                "Once, between {} and {deadline}.",
                moment_words(plan.local(from))
            );
            let id = uid(plan, &rule.id, "");
            event
                .uid(&id)
                .summary(&rule.title)
                .description(&describe(plan, rule, &when))
                .starts(from.with_timezone(&Utc))
                .ends(until.with_timezone(&Utc));
            let task = Task::new(rule, None, from, until);
            if let Some((due, _)) = plan.slot_span(&task, plan.local_date(from)) {
                event.alarm(alarm(&rule.title, Trigger::At(due), &id, stamp));
            }
            vec![event]
        }
        (Kind::Do, Repeat::Daily | Repeat::MorningAndEvening) => Vec::new(),
    }
}

/// The short event at the end of an avoid window, with its alarm.
pub(super) fn lifted_event<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    lifted: &Lifted<'_>,
    stamp: DateTime<Utc>,
) -> Event {
    let words = lifted.words();
    let rule = lifted.rule;
    let when = format!(
        "From {}: the window of \"{}\" ends.",
        moment_words(plan.local(lifted.at)),
        rule.title
    );
    let id = uid(plan, &rule.id, ".lifted");
    let mut event = Event::new();
    event
        .uid(&id)
        .summary(&words)
        .description(&describe(plan, rule, &when))
        .starts(lifted.at.with_timezone(&Utc))
        .ends((lifted.at + Duration::minutes(REMINDER_MINUTES)).with_timezone(&Utc))
        .alarm(alarm(&words, Trigger::AtStart, &id, stamp));
    event
}

/// The next session's window, with an alarm when it comes up (a week before) and one when
/// it opens.
pub(super) fn next_session<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    stamp: DateTime<Utc>,
) -> Option<Event> {
    let next = plan.rules().next_session.as_ref()?;
    let up = plan.coming_up()?;
    let (opens, closes) = (
        moment_words(plan.local(up.opens)),
        end_words(plan.local(up.closes)),
    );
    let mut text = format!(
        "The next treatment of your series is due between {opens} and {closes}. Book it in \
         the week before the window opens."
    );
    push_sources(plan, &next.sources, &mut text);
    push_help(plan.rules(), &mut text);
    let id = uid(plan, "plan", ".next-session");
    let mut event = Event::new();
    event
        .uid(&id)
        .summary("Next session due")
        .description(&text)
        .starts(up.opens.with_timezone(&Utc))
        .ends(up.closes.with_timezone(&Utc))
        .alarm(alarm(
            &format!("Your next session is possible from {opens}: time to book it"),
            Trigger::At(up.shows_from),
            &id,
            stamp,
        ))
        .alarm(alarm(
            &format!("Your next session is due from now until {closes}"),
            Trigger::AtStart,
            &id,
            stamp,
        ));
    Some(event)
}

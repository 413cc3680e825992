//! `export ics`: the plan as an iCalendar file a patient imports into any calendar, with
//! alarms (VALARM, ACTION:DISPLAY) where the patient needs telling something.
//!
//! Time zones, decided once for the whole file (no TZID, no VTIMEZONE):
//! - *Instants* are written in UTC (`Z`): when an avoid window ends ("Makeup is fine again",
//!   48 h after the treatment), a window's opening, the next session. 48 h after 14:00 on
//!   the Friday before the clocks go forward ends at 15:00 local time on Sunday, in every
//!   calendar, whatever its zone.
//! - *Times of day* that repeat are written in floating local time (no `Z`, no `TZID`) with
//!   a daily RRULE: "08:00 every morning" stays 08:00 on the wall clock after the clocks
//!   change, which a UTC series would not (it would drift to 09:00 or 07:00). A floating time
//!   is read in the calendar's own zone: right for the patient's own calendar, and a patient
//!   who travels is reminded at 08:00 where they are.
//! - A floating time is only exact where the wall clock shows it once. On a day the clocks
//!   skip the task's time (02:30 when they go forward) or show it twice (when they go back),
//!   the series leaves that day out (EXDATE) and a one-off event at the exact instant in UTC
//!   takes its place (the moment the clocks resume; the first 02:30). RFC 5545 reads a
//!   skipped floating time with the offset before the gap (03:30), which is not when the
//!   task is due.
//! - TZID with a VTIMEZONE would also be exact, but needs the zone's name (which the
//!   system does not always give) and its rules written into the file; floating times and
//!   UTC need neither.
//!
//! What becomes an event, and which alarms it has:
//! - a do-task repeated daily or morning and evening: a reminder series per slot, at the
//!   minute each day's slot begins (`Plan::all_due`: the task's time of day, or the window's
//!   opening when later), with an alarm at the start of each occurrence. Days whose slot
//!   begins at another time (the first day, when the window opens at 14:00) get a one-off
//!   reminder at that instant.
//! - a one-time do-task (`repeat: once`), such as booking the next session: one event
//!   spanning its whole window, with an alarm when it is due.
//! - an avoid-rule, however it repeats: one event over its window, with no alarm; and at its
//!   end a short event with an alarm that says what is fine again (the rule's `lifted`
//!   words). Preparation windows, which end at the treatment, lift nothing.
//! - the next session: one event over its window, with an alarm a week before it opens
//!   (time to book) and one when it opens.
//!
//! UIDs are the rule id, a suffix after a dot (ids have no dots, so no two rules can share a
//! UID), the treatment instant and `@aftercare`: exporting again for the same treatment
//! updates the events already imported rather than doubling them.

mod reminders;

use super::{NOT_ADVICE, moment_words};
use crate::plan::{Lifted, Plan, Task};
use crate::rules::{Kind, Repeat, Rule, Rules, Urgency};
use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property};

const PRODID: &str = concat!(
    "-//aftercare//aftercare ",
    env!("CARGO_PKG_VERSION"),
    "//EN"
);

/// How long a reminder or a "fine again" notice occupies in the calendar.
const REMINDER_MINUTES: i64 = 15;

/// The calendar for `plan`, stamped with `stamp` (the export's moment, from the app's clock).
pub fn calendar<Tz: TimeZone>(plan: &Plan<'_, Tz>, stamp: DateTime<Utc>) -> Calendar {
    // Not `Calendar::new()`: its PRODID names the library, and calendars show PRODID as the
    // file's origin.
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"));
    // Not `Calendar::name`: icalendar 0.17 writes its NAME line unescaped (it does not know
    // NAME, from RFC 7986, is TEXT), so "Smith, Jones; Skin" read back as a list. NAME is
    // given escaped here; X-WR-CALNAME, which the crate escapes itself, as `name` sets it.
    let name = &plan.rules().name;
    calendar
        .append_property(Property::new("NAME", escape_text(name)))
        .append_property(Property::new("X-WR-CALNAME", name));
    calendar.description(&calendar_description(plan.rules()));
    let mut events = Vec::new();
    for rule in &plan.rules().rules {
        events.extend(window_events(plan, rule, stamp));
    }
    events.extend(reminders::events(plan, stamp));
    events.extend(next_session(plan, stamp));
    for mut event in events {
        event.timestamp(stamp);
        event.add_property("TRANSP", "TRANSPARENT");
        calendar.push(event.done());
    }
    calendar
}

/// The UID of an event of the plan's treatment: `{id}{suffix}-{treatment}@aftercare`.
fn uid<Tz: TimeZone>(plan: &Plan<'_, Tz>, id: &str, suffix: &str) -> String {
    let at = plan
        .treatment()
        .with_timezone(&Utc)
        .format("%Y%m%dT%H%M%SZ");
    format!("{id}{suffix}-{at}@aftercare")
}

/// The events of a rule's window: what to avoid (and when it is lifted), or a once task.
/// Repeating tasks to do are `reminders`' work.
fn window_events<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    rule: &Rule,
    stamp: DateTime<Utc>,
) -> Vec<Event> {
    let (from, until) = plan.span(rule);
    let deadline = moment_words(plan.local(until));
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
fn lifted_event<Tz: TimeZone>(
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
fn next_session<Tz: TimeZone>(plan: &Plan<'_, Tz>, stamp: DateTime<Utc>) -> Option<Event> {
    let next = plan.rules().next_session.as_ref()?;
    let up = plan.coming_up()?;
    let (opens, closes) = (
        moment_words(plan.local(up.opens)),
        moment_words(plan.local(up.closes)),
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
            &format!("Your next session is due from {opens}: time to book it"),
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

/// When an alarm goes off.
#[derive(Debug, Clone, Copy)]
enum Trigger {
    /// At the start of its event (or of each occurrence of a series).
    AtStart,
    /// At an exact instant (an absolute trigger, in UTC as RFC 5545 requires).
    At(DateTime<FixedOffset>),
}

/// A display alarm of the event `event_uid`. The library writes a DTSTAMP and a UID into
/// every component, taking the clock and a random UID where none is set: both are given
/// here (RFC 9074 gives alarms UIDs), so exporting twice writes the same file.
fn alarm(text: &str, trigger: Trigger, event_uid: &str, stamp: DateTime<Utc>) -> Alarm {
    let (mut alarm, name) = match trigger {
        Trigger::AtStart => {
            let mut alarm = Alarm::display(text, Duration::zero());
            // "PT0S" as RFC 5545 writes a zero duration; chrono writes "P0D".
            alarm.append_property(Property::new("TRIGGER", "PT0S"));
            (alarm, "start")
        }
        Trigger::At(at) => (Alarm::display(text, at.with_timezone(&Utc)), "at"),
    };
    let uid = match event_uid.rsplit_once('@') {
        Some((head, tail)) => format!("{head}.alarm-{name}@{tail}"),
        None => format!("{event_uid}.alarm-{name}"),
    };
    alarm.timestamp(stamp).add_property("UID", uid);
    alarm.done()
}

/// An event's description: when, why, where from, who to contact, and the disclaimer.
fn describe<Tz: TimeZone>(plan: &Plan<'_, Tz>, rule: &Rule, when: &str) -> String {
    let mut text = format!("{when}\n\n{}", rule.rationale);
    push_sources(plan, &rule.sources, &mut text);
    push_help(plan.rules(), &mut text);
    text
}

/// The end of every event's description: the clinic and the emergency signs, then the
/// disclaimer.
fn push_help(rules: &Rules, text: &mut String) {
    text.push_str(&format!("\n\n{}\n\n{NOT_ADVICE}", help_words(rules)));
}

fn push_sources<Tz: TimeZone>(plan: &Plan<'_, Tz>, ids: &[String], text: &mut String) {
    let citations: Vec<String> = ids
        .iter()
        .filter_map(|id| plan.rules().source(id))
        .map(|s| format!("- {}", s.citation()))
        .collect();
    if !citations.is_empty() {
        text.push_str(&format!("\n\nSources:\n{}", citations.join("\n")));
    }
}

/// Who to contact and when, as every event carries it: the clinic as the plan names it (or
/// "your clinic", never a number of our own), its hours, and the signs that mean calling
/// emergency services now.
fn help_words(rules: &Rules) -> String {
    let mut text = match &rules.provider {
        Some(p) => {
            let mut t = format!("Your clinic: {}", p.contact_line());
            if let Some(hours) = &p.hours {
                t.push_str(&format!(" (open {hours})"));
            }
            if let Some(closed) = &p.out_of_hours {
                t.push_str(&format!(". When it is closed: {closed}"));
            }
            t
        }
        None => "Worried about your skin? Contact your clinic.".to_string(),
    };
    let emergencies: Vec<&str> = rules
        .warnings
        .iter()
        .filter(|w| w.urgency() == Urgency::Emergency)
        .map(|w| w.title.as_str())
        .collect();
    if !emergencies.is_empty() {
        text.push_str(&format!(
            "\n{}: {}.",
            Urgency::Emergency.heading(),
            emergencies.join("; ")
        ));
    }
    text
}

/// The calendar's own description: the procedure, the clinic, and every warning sign by
/// urgency, most urgent first.
fn calendar_description(rules: &Rules) -> String {
    let mut text = format!("{}.\n\n{}", rules.procedure, help_words(rules));
    let provider = rules.provider.as_ref();
    for urgency in Urgency::ALL {
        let signs: Vec<&str> = rules
            .warnings
            .iter()
            .filter(|w| w.urgency() == urgency && urgency != Urgency::Emergency)
            .map(|w| w.title.as_str())
            .collect();
        if !signs.is_empty() {
            text.push_str(&format!(
                "\n{}: {}.",
                urgency.heading_with(provider),
                signs.join("; ")
            ));
        }
    }
    text.push_str(&format!("\n\n{NOT_ADVICE}"));
    text
}

/// `text` as an iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are
/// escaped with a backslash, a line break becomes `\n`. Only for properties the icalendar
/// crate leaves unescaped (NAME); it escapes the ones it knows itself.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Berlin;

    #[test]
    fn the_calendar_name_is_escaped_like_any_text() {
        let cases = [
            ("Smith, Jones; Skin", r"Smith\, Jones\; Skin"),
            (r"back\slash", r"back\\slash"),
            ("two\r\nlines", r"two\nlines"),
            ("plain", "plain"),
        ];
        for (name, want) in cases {
            assert_eq!(escape_text(name), want, "{name:?}");
        }
        let mut rules = Rules::builtin().unwrap();
        rules.name = "Smith, Jones; Skin".into();
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, at, Berlin);
        let text = calendar(&plan, at.with_timezone(&Utc)).to_string();
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("NAME") || l.starts_with("X-WR-CALNAME"))
            .collect();
        assert_eq!(
            lines,
            [
                r"NAME:Smith\, Jones\; Skin",
                r"X-WR-CALNAME:Smith\, Jones\; Skin"
            ]
        );
    }
}

//! `export ics`: the plan as an iCalendar file a patient imports into any calendar.
//!
//! Time zones, decided once for the whole file (and no VTIMEZONE needed):
//! - Windows (what to avoid, and one-time tasks) are exact instants, written in UTC (`Z`):
//!   48 h without makeup ends at the same minute in every calendar, across a DST change.
//! - Daily reminders are floating local times (no `Z`, no `TZID`) with a daily RRULE: "08:00
//!   every morning" stays 08:00 on the wall clock after the clocks change, which a UTC
//!   start would not. Floating times follow the calendar's own zone: right for a patient's
//!   own calendar, which is the one they import into.
//!
//! What becomes an event:
//! - a do-task repeated daily: one reminder series at 09:00; twice daily: one at 08:00 and one
//!   at 20:00. Each series counts the days whose reminder time falls inside the window. When
//!   the window opens on its first day after the reminder time (a treatment at 14:00), that
//!   day gets a one-off reminder at the opening instead, as the checklist shows the task then.
//! - a one-time do-task (`repeat: once`), such as booking the next session: one event spanning
//!   its whole window, the deadline in the description. Every one-time task is treated alike,
//!   so the next-session window needs no rule id the code would have to know.
//! - an avoid-rule, however it repeats: one event from the exact instant it starts to the
//!   exact instant it ends.
//!
//! UIDs are the rule id (plus the slot), the treatment instant and `@aftercare`: exporting
//! again for the same treatment updates the events already imported rather than doubling them.

use super::{NOT_ADVICE, moment_words};
use crate::plan::{Plan, Slot as PlanSlot, first_instant_at_or_after};
use crate::rules::{Kind, Repeat, Rule, Rules, Urgency};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

const PRODID: &str = concat!(
    "-//aftercare//aftercare ",
    env!("CARGO_PKG_VERSION"),
    "//EN"
);

/// How long a reminder occupies in the calendar.
const REMINDER_MINUTES: i64 = 15;

/// A reminder time of day, and the half of the day the checklist shows the task in.
struct Slot {
    name: Option<&'static str>,
    at: NaiveTime,
    /// Where the checklist's part of the day for this slot ends, in hours of local time.
    until_hour: u32,
}

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
    for rule in &plan.rules().rules {
        for mut event in events(plan, rule) {
            event.timestamp(stamp);
            event.add_property("TRANSP", "TRANSPARENT");
            calendar.push(event.done());
        }
    }
    calendar
}

/// The events one rule becomes.
fn events<Tz: TimeZone>(plan: &Plan<'_, Tz>, rule: &Rule) -> Vec<Event> {
    let (from, until) = plan.span(rule);
    let uid = |suffix: &str| {
        let at = plan
            .treatment()
            .with_timezone(&Utc)
            .format("%Y%m%dT%H%M%SZ");
        format!("{}{suffix}-{at}@aftercare", rule.id)
    };
    let deadline = moment_words(plan.local(until));
    match (rule.kind, rule.repeat) {
        (Kind::Avoid, _) => {
            let mut event = Event::new();
            event
                .uid(&uid(""))
                .summary(&rule.title)
                .description(&describe(plan, rule, &format!("Until {deadline}.")))
                .starts(from.with_timezone(&Utc))
                .ends(until.with_timezone(&Utc));
            vec![event]
        }
        (Kind::Do, Repeat::Once) => {
            let mut event = Event::new();
            let when = format!(
                "Once, between {} and {deadline}.",
                moment_words(plan.local(from))
            );
            event
                .uid(&uid(""))
                .summary(&rule.title)
                .description(&describe(plan, rule, &when))
                .starts(from.with_timezone(&Utc))
                .ends(until.with_timezone(&Utc));
            vec![event]
        }
        (Kind::Do, Repeat::Daily) => reminders(plan, rule, &SLOTS[..1], &uid),
        (Kind::Do, Repeat::MorningAndEvening) => reminders(plan, rule, &SLOTS[1..], &uid),
    }
}

/// A daily task's reminder at 09:00; twice-daily ones at the engine's own slot hours, so the
/// calendar reminds on exactly the days the checklist shows each slot.
const SLOTS: [Slot; 3] = [
    Slot {
        name: None,
        at: hm(9),
        until_hour: 24,
    },
    Slot {
        name: Some("morning"),
        at: hm(PlanSlot::Morning.hour()),
        until_hour: PlanSlot::Morning.until_hour(),
    },
    Slot {
        name: Some("evening"),
        at: hm(PlanSlot::Evening.hour()),
        until_hour: PlanSlot::Evening.until_hour(),
    },
];

const fn hm(hour: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, 0, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    }
}

/// Reminder series for a repeating do-task, one per slot, plus the first day's one-off.
fn reminders<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    rule: &Rule,
    slots: &[Slot],
    uid: &dyn Fn(&str) -> String,
) -> Vec<Event> {
    let (from, until) = plan.span(rule);
    let tz = plan.time_zone();
    let first = plan.local_date(from);
    let last = plan.local_date(until - Duration::seconds(1));
    let deadline = moment_words(plan.local(until));
    let mut out = Vec::new();
    for slot in slots {
        let suffix = slot.name.map_or(String::new(), |n| format!("-{n}"));
        let label = slot.name.map_or("Daily".to_string(), capitalise);
        let description = describe(plan, rule, &format!("{label} until {deadline}."));
        let summary = match slot.name {
            Some(name) => format!("{} ({name})", rule.title),
            None => rule.title.clone(),
        };
        let mut days: Vec<NaiveDate> = Vec::new();
        for date in first.iter_days().take_while(|d| *d <= last) {
            let at = instant(tz, date.and_time(slot.at));
            if from <= at && at < until {
                days.push(date);
            } else if date == first && at < from && from < instant(tz, half_end(date, slot)) {
                // The window opens after the reminder time on its first day: remind at the
                // opening, when the checklist starts showing the task.
                let local = plan.local(from).naive_local();
                let uid = uid(&format!("{suffix}-first"));
                out.push(reminder(&uid, &summary, &description, local, 1));
            }
        }
        if let Some(start) = days.first() {
            let at = start.and_time(slot.at);
            out.push(reminder(
                &uid(&suffix),
                &summary,
                &description,
                at,
                days.len(),
            ));
        }
    }
    out
}

/// A floating-time reminder repeated on `count` consecutive days.
fn reminder(uid: &str, summary: &str, description: &str, at: NaiveDateTime, count: usize) -> Event {
    let mut event = Event::new();
    event
        .uid(uid)
        .summary(summary)
        .description(description)
        .starts(at)
        .ends(at + Duration::minutes(REMINDER_MINUTES));
    if count > 1 {
        event.add_property("RRULE", format!("FREQ=DAILY;COUNT={count}"));
    }
    event
}

/// The end of a slot's half of the day on `date`, as local wall time.
fn half_end(date: NaiveDate, slot: &Slot) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN) + Duration::hours(i64::from(slot.until_hour))
}

/// The instant a local wall time names: the earlier one when clocks go back, the moment the
/// clocks resume when it falls in a gap (reminders are at 08:00, 09:00 and 20:00, which no
/// zone skips, but window openings can be anywhere).
fn instant<Tz: TimeZone>(tz: &Tz, local: NaiveDateTime) -> DateTime<Utc> {
    first_instant_at_or_after(tz, local).with_timezone(&Utc)
}

/// An event's description: when, why, where from, and the disclaimer.
fn describe<Tz: TimeZone>(plan: &Plan<'_, Tz>, rule: &Rule, when: &str) -> String {
    let mut text = format!("{when}\n\n{}", rule.rationale);
    let citations: Vec<String> = rule
        .sources
        .iter()
        .filter_map(|id| plan.rules().source(id))
        .map(|s| format!("- {}", s.citation()))
        .collect();
    if !citations.is_empty() {
        text.push_str(&format!("\n\nSources:\n{}", citations.join("\n")));
    }
    text.push_str(&format!("\n\n{}", help_words(plan.rules())));
    text.push_str(&format!("\n\n{NOT_ADVICE}"));
    text
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

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
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

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

mod descriptions;
mod events;
mod reminders;

use crate::plan::Plan;
use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use descriptions::{calendar_description, describe, escape_text};
use events::{next_session, window_events};
use icalendar::{Alarm, Calendar, Component, Property};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;
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

"""Reads an .ics file with two independent iCalendar parsers and prints every alarm it has,
expanded over the occurrences of its event, as JSON: for each parser a sorted list of
[uid, description, local time "YYYY-MM-DD HH:MM", UTC time "YYYY-MM-DDTHH:MMZ"].

Usage: python ics_alarms.py FILE ZONE   (ZONE: the IANA zone floating times are read in,
the calendar's own zone). Run by tests/ics_alarms.rs in a virtual environment with
icalendar and vobject installed; recurrences are expanded by python-dateutil, which both use.
"""

import json
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import vobject
from dateutil.rrule import rrulestr


def fire(start, end, trigger, related, zone):
    """The instant an alarm goes off: a relative trigger from the occurrence's start (or
    end), an absolute one as it is. Floating times are read in `zone`."""
    if isinstance(trigger, timedelta):
        base = end if related == "END" else start
        at = base + trigger
    else:
        at = trigger
    if at.tzinfo is None:
        at = at.replace(tzinfo=zone)
    return at


def row(uid, description, at, zone):
    local = at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    utc = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    return [str(uid), str(description), local, utc]


def occurrences(start, rrule_text, exdates):
    if not rrule_text:
        return [start]
    rule = rrulestr(rrule_text, dtstart=start)
    return [d for d in rule if d not in exdates]


def with_icalendar(text, zone):
    rows = []
    calendar = icalendar.Calendar.from_ical(text)
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        length = event.decoded("DTEND") - start
        rrule = event.get("RRULE")
        rrule_text = rrule.to_ical().decode() if rrule is not None else None
        exdates = set()
        found = event.get("EXDATE")
        for group in found if isinstance(found, list) else [found] if found else []:
            exdates.update(d.dt for d in group.dts)
        for alarm in event.walk("VALARM"):
            trigger = alarm.decoded("TRIGGER")
            related = alarm["TRIGGER"].params.get("RELATED", "START")
            for when in occurrences(start, rrule_text, exdates):
                at = fire(when, when + length, trigger, related, zone)
                rows.append(row(event["UID"], alarm["DESCRIPTION"], at, zone))
    return sorted(rows)


def with_vobject(text, zone):
    rows = []
    calendar = vobject.readOne(text)
    for event in calendar.vevent_list:
        start = event.dtstart.value
        length = event.dtend.value - start
        rules = event.getrruleset(addRDate=True)
        whens = list(rules) if rules is not None else [start]
        for alarm in getattr(event, "valarm_list", []):
            trigger = alarm.trigger.value
            related = alarm.trigger.params.get("RELATED", ["START"])[0]
            for when in whens:
                at = fire(when, when + length, trigger, related, zone)
                rows.append(row(event.uid.value, alarm.description.value, at, zone))
    return sorted(rows)


def main():
    path, zone_name = sys.argv[1], sys.argv[2]
    zone = ZoneInfo(zone_name)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    print(
        json.dumps(
            {
                "icalendar": with_icalendar(text, zone),
                "vobject": with_vobject(text, zone),
                "versions": {
                    "icalendar": icalendar.__version__,
                    "vobject": getattr(vobject, "VERSION", "?"),
                },
            }
        )
    )


if __name__ == "__main__":
    main()

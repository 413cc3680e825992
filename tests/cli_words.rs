//! Issue 15 walk-through, the words of the command line: tasks done "as needed" read so in
//! every output (never "daily"), and a window that ends at a day boundary (`until_day`) says
//! which day it ends with rather than "until Mon 00:00". Europe/Berlin.

mod cli_common;

use cli_common::*;

const CLINIC: &str = "tests/fixtures/plans/clinic.json";

/// The lines of `text` that hold `needle`.
fn lines_with<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    text.lines().filter(|l| l.contains(needle)).collect()
}

#[test]
fn tasks_done_as_needed_read_as_needed_in_every_output() {
    let p = Patient::treated();
    let at = |args: &[&str]| stdout(p.at(DAY3).args(args));
    let cold = "Cold compress if red or swollen";
    assert_eq!(
        lines_with(&at(&["plan", "--markdown"]), cold),
        ["- Cold compress if red or swollen — as needed until Sun 22 Nov 14:00 [18]"]
    );
    assert_eq!(
        lines_with(&at(&["plan", "--markdown", "--days"]), cold),
        [
            "- [ ] Cold compress if red or swollen — from 14:00, as needed until Sun 22 Nov 14:00\\",
            "- [ ] Cold compress if red or swollen — as needed until Sun 22 Nov 14:00",
            "- [ ] Cold compress if red or swollen — as needed until 14:00 today",
        ]
    );
    assert_eq!(
        lines_with(&at(&["today"]), cold),
        ["  [ ] Cold compress if red or swollen          as needed · until 14:00"]
    );
    // The compact plan lists them under their own heading.
    let plan = at(&["plan", "--from", "3", "--to", "3"]);
    let heading = plan
        .find("  Do as needed (never counted as missed)\n")
        .unwrap();
    let compress = plan.find(cold).unwrap();
    assert!(
        heading < compress && compress < plan.find("  Avoid\n").unwrap(),
        "{plan}"
    );
    // The calendar: one event over the window, "(as needed)", and no daily alarm.
    let ics = exported_calendar(&p, DAY3);
    let events: Vec<&str> = ics
        .split("BEGIN:VEVENT")
        .filter(|e| e.contains("UID:cold-compress"))
        .collect();
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        events[0].contains("SUMMARY:Cold compress if red or swollen (as needed)"),
        "{}",
        events[0]
    );
    assert!(
        events[0].contains("DESCRIPTION:As needed\\, until Sun 22 Nov 14:00."),
        "{}",
        events[0]
    );
    assert!(!events[0].contains("VALARM"), "{}", events[0]);
    // No output calls one "daily".
    for args in [
        &["plan", "--markdown"][..],
        &["plan", "--markdown", "--days"],
    ] {
        for line in at(args).lines() {
            let as_needed = ["Cold compress", "Follow your provider's", "wide-brim hat"];
            if as_needed.iter().any(|t| line.contains(t)) {
                assert!(!line.contains("daily"), "{args:?}: {line}");
            }
        }
    }
}

/// The clinic's "No makeup" runs `from_day` 1 `until_day` 3: to the end of Sun 22 Nov
/// (Day 3), the moment written Mon 23 Nov 00:00.
#[test]
fn a_window_ending_at_a_day_boundary_names_the_day_it_ends_with() {
    let p = Patient::new();
    p.at(TREATED)
        .args(["--rules", CLINIC, "start"])
        .assert()
        .success();
    let sat = "2026-11-21 09:00";
    let at = |args: &[&str]| stdout(p.at(sat).args(args));
    assert_eq!(
        lines_with(&at(&["today"]), "no-makeup"),
        ["      no-makeup · until the end of Sun · 1 day 15 hours left"]
    );
    assert_eq!(
        lines_with(&at(&["plan", "--markdown"]), "No makeup"),
        ["- No makeup — until the end of Sun 22 Nov [21, 22]"]
    );
    let days = at(&["plan", "--markdown", "--days"]);
    let makeup = lines_with(&days, "- [ ] No makeup");
    assert_eq!(
        makeup[0],
        "- [ ] No makeup — from 00:00, until the end of Sun 22 Nov\\"
    );
    assert!(
        makeup[1..]
            .iter()
            .all(|l| *l == "- [ ] No makeup — until the end of Sun 22 Nov")
    );
    let ics = exported_calendar(&p, sat);
    assert!(
        ics.contains("DESCRIPTION:Until the end of Sun 22 Nov."),
        "{ics}"
    );
    // Nowhere an end at midnight.
    for text in [at(&["today"]), at(&["plan", "--markdown"]), days, ics] {
        for bad in [
            "until Mon 00:00",
            "until Mon 23 Nov 00:00",
            "by Mon 23 Nov 00:00",
        ] {
            assert!(!text.contains(bad), "{bad}:\n{text}");
        }
    }
}

/// Issue 15 walk-through: `history` cut a symptom's name mid-word ("Tenderness or disco…").
/// A name too long for its column wraps at words; one word too long for it gets lines of its
/// own; nothing passes 80 columns.
#[test]
fn history_never_cuts_a_symptom_name() {
    let p = Patient::treated();
    let text = stdout(p.at(DAY3).arg("history"));
    assert!(
        text.contains("\nTenderness or         –\n  discomfort\n"),
        "{text}"
    );
    assert!(!text.contains('…'), "{text}");
    // A clinic's symptom named in one long word.
    let long = "Post-inflammatory-hyperpigmentation";
    let rules = std::fs::read_to_string(BUILTIN)
        .unwrap()
        .replace("Tenderness or discomfort", long);
    let (p, _) = treated_with(&rules, "clinic.json");
    let text = stdout(p.at(DAY3).arg("history"));
    assert!(
        text.contains(&format!("\n{long}\n                      –\n")),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

/// Plain command-line text has the room to say intervals in words; the JSON and
/// `today --short` (a status bar) keep the short form a narrow space needs.
#[test]
fn intervals_read_in_words_where_there_is_room() {
    let p = Patient::treated();
    let today = stdout(p.at(DAY3).arg("today"));
    assert_eq!(
        lines_with(&today, "Next session"),
        ["Next session possible in 26 days (from Fri 18 Dec)"]
    );
    assert_eq!(
        lines_with(&today, "No makeup"),
        ["  [ ] No makeup                                until 14:00 · 5 hours left"]
    );
    // Under a week, days and hours: too long beside the title, so beside the id.
    assert_eq!(
        lines_with(&today, "avoid-direct-sun ·"),
        ["      avoid-direct-sun · until Fri 27 Nov 14:00 · 5 days 5 hours left"]
    );
    // Too long for its line at 80 columns: the words move down beside the id.
    assert_eq!(
        lines_with(&today, "no-at-home-microneedling"),
        ["      no-at-home-microneedling · until Fri 4 Dec 14:00 · 12 days left"]
    );
    assert!(today.lines().all(|l| l.chars().count() <= 80), "{today}");
    assert!(
        !today.contains(" d left") && !today.contains(" h left"),
        "{today}"
    );
    // One day, one hour, in the singular; under three days, days and hours.
    let late = stdout(p.at("2026-11-27 13:00").arg("today"));
    assert_eq!(
        lines_with(&late, "Avoid direct sun"),
        ["  [ ] Avoid direct sun                         until 14:00 · 1 hour left"]
    );
    let next = stdout(p.at("2026-12-17 09:00").arg("today"));
    assert_eq!(
        lines_with(&next, "Next session"),
        ["Next session possible tomorrow (Fri 18 Dec)"]
    );
    let sooner = stdout(p.at("2026-12-15 09:00").arg("today"));
    assert_eq!(
        lines_with(&sooner, "Next session"),
        ["Next session possible in 3 days 5 hours (from Fri 18 Dec)"]
    );
    // Narrow spaces keep the short form.
    let json = p.today(DAY3);
    assert_eq!(
        json["next_session"],
        "next session possible in 26 d (from Fri 18 Dec)"
    );
    let short = stdout(p.at(DAY3).args(["today", "--short"]));
    assert!(short.contains("No makeup for 5 h more"), "{short}");
}

/// Walk-through after issue 15: the alert box said "Call your clinic today" over "Contact your
/// provider: …", and the tiers read "Call your clinic today" beside "mention at next visit".
/// One set of words per tier ("Call emergency services now", "Call your clinic today",
/// "Mention at your next visit") in `today`, the check-in's answer, the handout and the
/// calendar; no other wording of a tier anywhere.
#[test]
fn each_urgency_tier_has_one_set_of_words_everywhere() {
    let p = Patient::treated();
    // Day 8 after 168 h (treated Fri 14:00): "Redness still strong after a week".
    const DAY8: &str = "2026-11-27 15:00";
    let answer = stdout(p.at(DAY8).args(["checkin", "--rate", "redness=4"]));
    let outputs = [
        ("checkin", answer),
        ("today", stdout(p.at(DAY8).arg("today"))),
        ("today --json", stdout(p.at(DAY8).args(["today", "--json"]))),
        ("handout", stdout(p.at(DAY8).args(["plan", "--markdown"]))),
        (
            "plan",
            stdout(p.at(DAY8).args(["plan", "--from", "8", "--to", "8"])),
        ),
        ("calendar", exported_calendar(&p, DAY8)),
    ];
    for (what, text) in &outputs {
        let flat = text.replace('\n', " ").replace("  ", " ").to_lowercase();
        for other in [
            "contact your provider:",
            "contact your clinic today",
            "mention at next visit",
            "call your provider if",
        ] {
            assert!(!flat.contains(other), "{what} says {other:?}:\n{text}");
        }
    }
    let said = |what: &str| &outputs.iter().find(|(w, _)| *w == what).unwrap().1;
    // The plan's own alert starts with the tier's words.
    assert!(
        said("checkin").contains("Call your clinic today: redness is expected to be gone"),
        "{}",
        said("checkin")
    );
    assert!(
        said("today").contains("Call your clinic today if:"),
        "{}",
        said("today")
    );
    assert!(said("handout").contains("**Call your clinic today if:**"));
    assert!(said("handout").contains("**Mention at your next visit:**"));
}

/// Every line `today`, `history`, `plan` and `remind` print fits 80 columns, a web address
/// (which cannot be broken) apart, across the plan and after it: a severe rating's alert
/// heading, a lifted restriction's long words and the plan-over reminder were 83–104 wide.
#[test]
fn every_printed_line_fits_80_columns() {
    let p = Patient::treated();
    p.at("2027-01-14 10:00")
        .args(["checkin", "--rate", "swelling=5", "--rate", "redness=4"])
        .assert()
        .success();
    let moments = [
        "2026-11-20 21:00",
        "2026-12-04 15:00",
        "2026-12-18 09:00",
        "2027-01-14 10:05",
        "2027-01-15 10:00",
    ];
    let commands: [&[&str]; 5] = [
        &["today"],
        &["history"],
        &["plan", "--from", "1", "--to", "3"],
        &["remind"],
        &["today", "--short"],
    ];
    for now in moments {
        for args in commands {
            let out = p.at(now).args(args).output().unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            for line in text.lines().filter(|l| !l.contains("https://")) {
                let width = unicode_width::UnicodeWidthStr::width(line);
                assert!(width <= 80, "{now} {args:?}: {width} columns:\n{line}");
            }
        }
    }
}

//! `plan --from N --to M`: some days of the plan, as text, JSON or Markdown, and the
//! errors for days the plan does not have.

mod cli_common;

use cli_common::*;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

fn day_numbers(plan: &Value) -> Vec<i64> {
    plan["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["day"].as_i64().unwrap())
        .collect()
}

#[test]
fn json_from_to_prints_those_days_as_the_whole_plan_has_them() {
    let p = Patient::treated();
    let whole = p.json(DAY3, &["plan", "--json"]);
    let some = p.json(DAY3, &["plan", "--json", "--from", "2", "--to", "4"]);
    assert_eq!(day_numbers(&some), [2, 3, 4]);
    assert_eq!(some["treatment"], whole["treatment"]);
    assert_eq!(some["recorded"], true);
    // Day 2 is the ninth day of a plan that starts on Day -6.
    assert_eq!(some["days"][0], whole["days"][8]);
}

#[test]
fn from_or_to_alone_runs_to_the_end_of_the_plan() {
    let p = Patient::treated();
    let days = day_numbers(&p.json(DAY3, &["plan", "--json", "--from", "40"]));
    assert_eq!(days, [40, 41, 42, 43]);
    let days = day_numbers(&p.json(DAY3, &["plan", "--json", "--to", "-5"]));
    assert_eq!(days, [-6, -5]);
    let days = day_numbers(&p.json(DAY3, &["plan", "--json", "--from", "-1", "--to", "-1"]));
    assert_eq!(days, [-1]);
}

#[test]
fn text_from_to_prints_those_days() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["plan", "--from", "3", "--to", "3"])
        .assert()
        .success()
        .stdout(contains("Day 3 of recovery · Sun 22 Nov 2026"))
        .stdout(contains("← today"))
        .stdout(contains("Sat 21 Nov").not())
        .stdout(contains("Mon 23 Nov").not());
}

#[test]
fn markdown_from_to_prints_those_days_with_their_reasons() {
    let p = Patient::treated();
    let out = p
        .at(DAY3)
        .args(["plan", "--markdown", "--from", "2", "--to", "3"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("## Day 2 · Sat 21 Nov 2026"), "{text}");
    assert!(text.contains("## Day 3 · Sun 22 Nov 2026"), "{text}");
    assert!(!text.contains("## Day 1 "), "{text}");
    assert!(!text.contains("## Day 4 "), "{text}");
    // The handout's first day gives each reason, as the whole handout does on Day 1.
    assert!(text.contains("*Why:*"), "{text}");
    assert!(text.contains("## Sources"), "{text}");
}

#[test]
fn days_outside_the_plan_are_usage_errors_naming_its_days() {
    let p = Patient::treated();
    let runs = "the plan runs from Day -6 (Fri 13 Nov) to Day 43 (Fri 1 Jan)";
    for (args, first) in [
        (&["--from", "44"][..], "--from 44 is not a day of the plan"),
        (&["--from", "-7"][..], "--from -7 is not a day of the plan"),
        (&["--to", "50"][..], "--to 50 is not a day of the plan"),
        (
            &["--from", "5", "--to", "3"][..],
            "--from 5 is after --to 3",
        ),
    ] {
        for form in [&["--json"][..], &[][..], &["--markdown"][..]] {
            p.at(DAY3)
                .arg("plan")
                .args(form)
                .args(args)
                .assert()
                .code(2)
                .stdout("")
                .stderr(contains(format!("aftercare: {first}: {runs}")));
        }
    }
}

#[test]
fn a_day_that_is_not_a_number_is_a_usage_error() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["plan", "--json", "--from", "two"])
        .assert()
        .code(2)
        .stderr(contains("--from"));
}

/// The day headings of `plan`'s text, in order.
fn text_days(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with("Day ") || l.contains("before treatment ·"))
        .map(|l| l.split(" · ").next().unwrap())
        .collect()
}

fn plan_text(p: &Patient, now: &str, args: &[&str]) -> String {
    let out = p.at(now).arg("plan").args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Issue 15 walk-through: `plan` opened on a week of days before the treatment. It starts
/// with the treatment day, says in its heading where the days before are, and that command
/// shows them; while the treatment is still ahead it starts with today.
#[test]
fn the_text_plan_starts_with_what_the_patient_needs_first() {
    let p = Patient::treated();
    let text = plan_text(&p, DAY3, &[]);
    let days = text_days(&text);
    assert_eq!(days.first(), Some(&"Day 1"), "{text}");
    assert_eq!(days.len(), 43);
    let pointer = "The 7 days before the treatment: aftercare plan --from -6 --to 0\n";
    assert!(text.contains(pointer), "{text}");
    assert!(text.find(pointer).unwrap() < text.find("\nDay 1 ").unwrap());
    // The command it names shows them.
    let before = plan_text(&p, DAY3, &["--from", "-6", "--to", "0"]);
    assert_eq!(
        text_days(&before),
        [
            "7 days before treatment",
            "6 days before treatment",
            "5 days before treatment",
            "4 days before treatment",
            "3 days before treatment",
            "2 days before treatment",
            "The day before treatment"
        ]
    );
    assert!(!before.contains("aftercare plan --from"), "{before}");
    // Two days ahead of the treatment: today first, the five days before it a command away.
    let ahead = plan_text(&p, "2026-11-18 09:00", &[]);
    assert_eq!(
        text_days(&ahead)[..3],
        [
            "2 days before treatment",
            "The day before treatment",
            "Day 1"
        ]
    );
    assert!(
        ahead.contains("The 5 days before: aftercare plan --from -6 --to -2\n"),
        "{ahead}"
    );
    // --to alone stays within it; JSON and --from keep the days asked for.
    assert_eq!(
        text_days(&plan_text(&p, DAY3, &["--to", "2"])),
        ["Day 1", "Day 2 of recovery"]
    );
    assert_eq!(day_numbers(&p.json(DAY3, &["plan", "--json"]))[0], -6);
}

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

//! docs/rules.md's "Writing your clinic's plan" must work as written: its example is a valid
//! plan the app runs, and its tables name every field the format has.

mod cli_common;

use aftercare::rules::{Kind, Repeat, Rules};
use cli_common::*;
use predicates::str::contains;
use serde_json::Value;

const GUIDE: &str = include_str!("../docs/rules.md");
const SCHEMA: &str = include_str!("../assets/rules.schema.json");

/// The text between `<!-- clinic-example -->` and its closing marker, without the fences.
fn example() -> &'static str {
    let start = GUIDE
        .find("<!-- clinic-example -->")
        .expect("docs/rules.md marks its example");
    let end = GUIDE.find("<!-- /clinic-example -->").unwrap();
    let block = &GUIDE[start..end];
    let body = block.split_once("```json\n").expect("a ```json block").1;
    body.rsplit_once("```").unwrap().0
}

/// The docs/rules.md section `## heading`, up to the next `## `.
fn section(heading: &str) -> &'static str {
    let start = GUIDE.find(&format!("\n## {heading}\n")).unwrap();
    let rest = &GUIDE[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    &rest[..end]
}

#[test]
fn the_example_parses_and_shows_each_kind_of_rule() {
    let rules = Rules::parse(example(), "docs/rules.md").unwrap_or_else(|e| panic!("{e}"));
    let has = |kind, repeat| {
        rules
            .rules
            .iter()
            .any(|r| r.kind == kind && r.repeat == repeat)
    };
    assert!(
        rules
            .rules
            .iter()
            .any(|r| r.kind == Kind::Avoid && r.until_hours > 0)
    );
    assert!(has(Kind::Do, Repeat::MorningAndEvening));
    assert!(has(Kind::Do, Repeat::Once));
    assert!(!rules.phases.is_empty() && !rules.warnings.is_empty());
    assert!(!rules.sources.is_empty() && !rules.symptoms.is_empty() && !rules.alerts.is_empty());
}

#[test]
fn the_example_runs_from_the_command_line() {
    let p = Patient::new();
    let file = write(p.data(), "clinic.json", example());
    let file = file.to_str().unwrap();
    p.bare().args(["rules", "check", file]).assert().success();
    p.at(TREATED)
        .args(["--rules", file, "plan"])
        .assert()
        .success()
        .stdout(contains("Example Clinic: light peel aftercare"));
    p.at(TREATED)
        .args(["--rules", file, "start"])
        .assert()
        .success();
    let today = p.json(DAY3, &["--rules", file, "today", "--json"]);
    let ids: Vec<&str> = today["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "gentle-cleanse@morning",
            "sunscreen",
            "gentle-cleanse@evening"
        ]
    );
    p.at(DAY3)
        .args(["--rules", file, "plan", "--markdown"])
        .assert()
        .success()
        .stdout(contains(
            "- [ ] No makeup — from 14:00, until Sat 21 Nov 14:00",
        ));
    p.at(DAY3)
        .args(["--rules", file, "export", "ics"])
        .arg(p.data().join("clinic.ics"))
        .assert()
        .success()
        .stdout(contains("Wrote 6 events to"));
}

#[test]
fn the_tables_explain_every_field_of_the_format() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let guide = section("Writing your clinic's plan");
    let table = |heading: &str| -> &str {
        let start = guide
            .find(&format!("\n### {heading}\n"))
            .unwrap_or_else(|| panic!("no table {heading}"));
        let rest = &guide[start + 1..];
        rest[4..].find("\n### ").map_or(rest, |e| &rest[..e + 4])
    };
    let fields =
        |props: &Value| -> Vec<String> { props.as_object().unwrap().keys().cloned().collect() };
    let mut tables = vec![("Top level", fields(&schema["properties"]))];
    for (heading, def) in [
        ("Rules", "Rule"),
        ("Phases and warnings", "Note"),
        ("Sources", "Source"),
        ("Symptoms", "Symptom"),
        ("Expected points", "ExpectedPoint"),
        ("Alerts", "Alert"),
        ("Next session", "NextSession"),
    ] {
        tables.push((heading, fields(&schema["$defs"][def]["properties"])));
    }
    for (heading, fields) in tables {
        let table = table(heading);
        for field in fields {
            assert!(
                table.contains(&format!("\n| `{field}` |")),
                "the {heading} table does not explain `{field}`"
            );
        }
    }
}

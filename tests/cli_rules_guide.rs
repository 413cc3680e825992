//! docs/rules.md's "Writing your clinic's plan" must work as written: its example is a valid
//! plan the app runs, and its tables name every field the format has.

mod cli_common;

use aftercare::rules::{Edge, Kind, Repeat, Rules, Urgency, Windowed};
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

/// The text between `<!-- extends-example -->` and its closing marker, without the fences.
fn extends_example() -> &'static str {
    let start = GUIDE
        .find("<!-- extends-example -->")
        .expect("docs/rules.md marks its example of extending the built-in plan");
    let end = GUIDE.find("<!-- /extends-example -->").unwrap();
    let block = &GUIDE[start..end];
    let body = block.split_once("```json\n").expect("a ```json block").1;
    body.rsplit_once("```").unwrap().0
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
            .any(|r| r.kind == Kind::Avoid && !r.window().ends_by_treatment())
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
        .args(["--rules", file, "plan", "--markdown", "--days"])
        .assert()
        .success()
        .stdout(contains(
            "- [ ] No makeup — from 14:00, until Sat 21 Nov 14:00",
        ));
    // The handout names the clinic where it says to call, and its phone.
    p.at(DAY3)
        .args(["--rules", file, "plan", "--markdown"])
        .assert()
        .success()
        .stdout(contains("- No makeup — until Sat 21 Nov 14:00"))
        .stdout(contains(
            "**Call Example Clinic today (+44 20 7946 0000) if:**",
        ));
    p.at(DAY3)
        .args(["--rules", file, "export", "ics"])
        .arg(p.data().join("clinic.ics"))
        .assert()
        .success()
        // No makeup and its end, two cleansing series, sunscreen's first day and series,
        // the review to book.
        .stdout(contains("Wrote 7 events to"));
}

#[test]
fn the_tables_explain_every_field_of_the_format() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let guide = GUIDE;
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
        ("Provider", "Provider"),
        ("Remove", "Removals"),
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

#[test]
fn the_example_has_a_clinic_urgencies_and_a_window_in_days() {
    let rules = Rules::parse(example(), "docs/rules.md").unwrap_or_else(|e| panic!("{e}"));
    let provider = rules.provider.as_ref().expect("a provider block");
    assert_eq!(provider.phone.as_deref(), Some("+44 20 7946 0000"));
    let urgencies: Vec<Urgency> = rules.warnings.iter().map(|w| w.urgency()).collect();
    assert_eq!(urgencies, [Urgency::Call, Urgency::Mention]);
    assert_eq!(rules.warnings[1].window().from, Edge::DayStart(3));
}

/// The guide's example of extending the built-in plan works as the guide says: its rules
/// replace and add by id, `remove` takes one out, and the rest is the built-in plan.
#[test]
fn the_extending_example_changes_only_what_it_says() {
    let clinic = Rules::parse(extends_example(), "docs/rules.md").unwrap_or_else(|e| panic!("{e}"));
    let builtin = Rules::builtin().unwrap();
    assert_eq!(clinic.name, "Example Skin Clinic: microneedling aftercare");
    assert_eq!(clinic.disclaimer, builtin.disclaimer);
    assert_eq!(
        clinic.provider.as_ref().unwrap().name,
        "Example Skin Clinic"
    );
    let ids = |r: &Rules| r.rules.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    let mut want = ids(&builtin);
    want.retain(|id| id != "wide-brim-hat");
    want.push("clinic-serum".into());
    assert_eq!(ids(&clinic), want);
    // Replaced in place, whole.
    let makeup = clinic.rule("no-makeup").unwrap();
    assert_eq!(makeup.from_hours, None);
    assert_eq!(*makeup.sources, ["clinic-protocol"]);
    // The warning signs are the built-in ones, except that the clinic's out-of-hours words
    // replace the built-in urgent-care fallback (docs/rules.md, "When the clinic can't be
    // reached").
    let ours = "If you can't reach the clinic: Call NHS 111; in an emergency call 999.";
    let mut want = builtin.warnings.clone();
    for warning in &mut want {
        for fallback in [
            aftercare::rules::BUILTIN_FALLBACK_UK,
            aftercare::rules::BUILTIN_FALLBACK,
        ] {
            warning.detail = warning.detail.replace(fallback, ours);
        }
    }
    assert_eq!(clinic.warnings, want);
    assert_eq!(
        clinic
            .warnings
            .iter()
            .filter(|w| w.detail.ends_with(ours))
            .count(),
        8
    );
    assert_eq!(clinic.sources.len(), builtin.sources.len() + 1);

    let p = Patient::new();
    let file = write(p.data(), "clinic.json", extends_example());
    let file = file.to_str().unwrap();
    p.bare().args(["rules", "check", file]).assert().success();
    // Treated Friday 14:00: "days 1–3" without makeup ends at Sunday's end, Day 3.
    p.at(TREATED)
        .args(["--rules", file, "start"])
        .assert()
        .success();
    let day = |now: &str| p.json(now, &["--rules", file, "today", "--json"]);
    let has = |today: &Value, id: &str| {
        today["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == id)
    };
    assert!(has(&day("2026-11-22 23:00"), "no-makeup"));
    assert!(!has(&day("2026-11-23 09:00"), "no-makeup"));
    assert!(has(&day("2026-11-23 09:00"), "clinic-serum@morning"));
    // `rules show FILE` prints the whole plan, which checks on its own.
    let out = p.bare().args(["rules", "show", file]).assert().success();
    let shown = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let again = Rules::parse(&shown, "shown.json").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, clinic);
}

/// `rules show` of the built-in plan (which names no clinic) tells a clinic, on stderr, where
/// its name and number go; the JSON on stdout stays whole. A plan that names its clinic gets
/// no such line.
#[test]
fn rules_show_tells_a_clinic_where_its_name_and_number_go() {
    let p = Patient::new();
    let out = p.bare().args(["rules", "show"]).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with(
            "This plan names no clinic. A clinic adds its own at the top: \"provider\""
        ),
        "{stderr}"
    );
    let shown = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut clinic: serde_json::Value = serde_json::from_str(&shown).unwrap();
    clinic["provider"] = serde_json::json!({"name": "Glow Clinic", "phone": "+44 20 7946 0555"});
    let file = p.dir.path().join("clinic.json");
    std::fs::write(&file, clinic.to_string()).unwrap();
    p.bare()
        .args(["rules", "show"])
        .arg(&file)
        .assert()
        .success()
        .stderr("");
}

//! The plan is remembered (issue 13, item 1), tried as a clinic and a patient would: a plan
//! given once at `start` is the plan from then on, a different `--rules` is refused naming
//! both, `rules use` switches on purpose, the built-in plan of a recovery in progress survives
//! an upgrade, and state files from before plans were remembered keep working.

mod cli_common;

use cli_common::*;
use std::fs;

const CLINIC: &str = r#"{
  "format": 2,
  "extends": "builtin",
  "name": "Example Skin Clinic: microneedling aftercare",
  "provider": {
    "name": "Example Skin Clinic",
    "phone": "+44 20 7946 0123",
    "hours": "Mon–Sat 9:00–17:00",
    "out_of_hours": "Call NHS 111; in an emergency call 999."
  },
  "remove": {"rules": ["wide-brim-hat"]}
}"#;

fn clinic_patient() -> (Patient, std::path::PathBuf) {
    let p = Patient::new();
    let file = write(p.data(), "clinic.json", CLINIC);
    let file = file.canonicalize().unwrap();
    p.at(TREATED)
        .arg("--rules")
        .arg(&file)
        .arg("start")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "It follows the plan \"Example Skin Clinic: microneedling aftercare\"",
        ));
    (p, file)
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_plan_given_once_is_the_plan_from_then_on() {
    let (p, file) = clinic_patient();
    let today = stdout(p.at(DAY3).arg("today"));
    assert!(
        today.starts_with("Example Skin Clinic: microneedling aftercare"),
        "{today}"
    );
    assert!(today.contains("Call Example Skin Clinic today (+44 20 7946 0123) if:"));
    assert!(today.contains("Your clinic: Example Skin Clinic · +44 20 7946 0123"));
    assert!(
        !today.contains("wide-brim-hat"),
        "a removed rule came back:\n{today}"
    );
    let json = p.today(DAY3);
    assert_eq!(json["provider"]["phone"], "+44 20 7946 0123");
    assert_eq!(
        json["plan"]["name"],
        "Example Skin Clinic: microneedling aftercare"
    );
    let handout = stdout(p.at(DAY3).args(["plan", "--markdown"]));
    assert!(handout.contains("Call Example Skin Clinic today (+44 20 7946 0123) if"));
    // The check-in line names the clinic too, not "your clinic".
    assert!(
        handout.contains("Call Example Skin Clinic today (+44 20 7946 0123) for a 5 on any"),
        "{handout}"
    );
    let ics = p.data().join("cal.ics");
    p.at(DAY3)
        .args(["export", "ics"])
        .arg(&ics)
        .assert()
        .success();
    let calendar = fs::read_to_string(&ics).unwrap().replace("\r\n ", "");
    let events = calendar.matches("BEGIN:VEVENT").count();
    // Every event, and the calendar's description (DESCRIPTION and X-WR-CALDESC).
    assert_eq!(
        calendar.matches("Your clinic: Example Skin Clinic").count(),
        events + 2
    );
    // The copy is there, named by its hash, private.
    let sha = state(&p)["sessions"][0]["plan"]["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(p.data().join("plans").join(format!("{sha}.json")).is_file());
    // The clinic's file may go: the patient never needs it again.
    fs::remove_file(&file).unwrap();
    assert!(stdout(p.at(DAY3).arg("today")).contains("Example Skin Clinic"));
    // The next treatment of the series goes on with it.
    p.at("2026-12-20 10:00")
        .args(["start", "--next"])
        .assert()
        .success();
    assert_eq!(state(&p)["sessions"][1]["plan"]["sha256"], sha.as_str());
}

#[test]
fn another_plan_is_refused_naming_both_and_switched_on_purpose() {
    let (p, file) = clinic_patient();
    let other = write(
        p.data(),
        "peel.json",
        &CLINIC.replace("microneedling aftercare", "light peel"),
    );
    let before = fs::read(p.state_file()).unwrap();
    let out = p
        .at(DAY3)
        .arg("--rules")
        .arg(&other)
        .arg("today")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let message = String::from_utf8(out).unwrap();
    for part in [
        "your treatment of Fri 20 Nov 2026 14:00 follows the plan \"Example Skin Clinic: microneedling aftercare\"",
        "not \"Example Skin Clinic: light peel\"",
        "What differs from the recorded plan to ",
        "peel.json: the name.",
        "aftercare rules use ",
    ] {
        assert!(message.contains(part), "{part}:\n{message}");
    }
    assert_eq!(fs::read(p.state_file()).unwrap(), before, "a refusal wrote");
    // The same plan, however it is spaced, is not another plan.
    let spaced = write(
        p.data(),
        "clinic-spaced.json",
        &CLINIC.replace('\n', "\n\n  "),
    );
    p.at(DAY3)
        .arg("--rules")
        .arg(&spaced)
        .arg("today")
        .assert()
        .success();
    // Switching on purpose.
    let said = stdout(p.at(DAY3).args(["rules", "use"]).arg(&other)).replace('\n', " ");
    assert!(
        said.contains("now follows the plan \"Example Skin Clinic: light peel\""),
        "{said}"
    );
    assert!(
        said.contains("instead of the plan \"Example Skin Clinic: microneedling"),
        "{said}"
    );
    assert!(stdout(p.at(DAY3).arg("today")).starts_with("Example Skin Clinic: light peel"));
    p.at(DAY3)
        .arg("--rules")
        .arg(&file)
        .arg("today")
        .assert()
        .code(2);
    // Back to the built-in plan.
    stdout(p.at(DAY3).args(["rules", "use", "builtin"]));
    let today = stdout(p.at(DAY3).arg("today"));
    assert!(today.starts_with("Microneedling aftercare"), "{today}");
    assert!(
        today.contains("Your clinic: this plan names none"),
        "{today}"
    );
    let _ = fs::remove_file(other);
    let _ = fs::remove_file(spaced);
    let _ = fs::remove_file(file);
}

/// Two plans of the same name (a clinic's file edited since the treatment was recorded) are
/// told apart by what differs, in words a clinic can act on, not only by their hashes.
#[test]
fn a_plan_of_the_same_name_is_refused_saying_what_differs() {
    let (p, _file) = clinic_patient();
    let edited = write(
        p.data(),
        "clinic-edited.json",
        &CLINIC
            .replace("+44 20 7946 0123", "+44 20 7946 0999")
            .replace(
                r#"["wide-brim-hat"]"#,
                r#"["wide-brim-hat", "drink-water"]"#,
            ),
    );
    let out = p
        .at(DAY3)
        .arg("--rules")
        .arg(&edited)
        .arg("today")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let message = String::from_utf8(out).unwrap().replace('\n', " ");
    let path = edited.display().to_string();
    for part in [
        "follows the plan \"Example Skin Clinic: microneedling aftercare\" (plan ".to_string(),
        ") recorded with it, not the plan of the same name in ".to_string(),
        format!(
            "Same name, different content: from the recorded plan to {path}, 1 rule differs \
             (drink-water removed); the clinic's contact details (provider)."
        ),
        format!("aftercare rules use {path}"),
    ] {
        assert!(message.contains(&part), "{part}:\n{message}");
    }
    let _ = fs::remove_file(edited);
}

#[test]
fn a_recovery_keeps_its_built_in_plan_when_aftercare_is_updated() {
    let p = Patient::treated();
    let sha = state(&p)["sessions"][0]["plan"]["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(state(&p)["sessions"][0]["plan"]["builtin"], true);
    // What an earlier aftercare's built-in plan would have left: another copy, marked built-in.
    let mut older: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(p.data().join(format!("plans/{sha}.json"))).unwrap(),
    )
    .unwrap();
    older["rules"][0]["title"] = "Skip exfoliants for a week".into();
    let text = serde_json::to_string(&older).unwrap();
    let rules = aftercare::rules::Rules::from_kept_copy(&text, "older").unwrap();
    let json = rules.canonical_json();
    let old_sha = aftercare::rules::sha256_hex(json.as_bytes());
    fs::write(p.data().join(format!("plans/{old_sha}.json")), &json).unwrap();
    let state_text = fs::read_to_string(p.state_file())
        .unwrap()
        .replace(&sha, &old_sha);
    fs::write(p.state_file(), state_text).unwrap();
    let plan = stdout(p.at(DAY3).args(["plan", "--from", "0", "--to", "0"]));
    assert!(plan.contains("Skip exfoliants for a week"), "{plan}");
    assert!(plan.contains("comes with a newer built-in plan"), "{plan}");
    assert!(plan.contains("aftercare rules use builtin"), "{plan}");
    assert_eq!(p.today(DAY3)["plan"]["newer_builtin"], true);
    stdout(p.at(DAY3).args(["rules", "use", "builtin"]));
    let plan = stdout(p.at(DAY3).args(["plan", "--from", "0", "--to", "0"]));
    assert!(!plan.contains("newer built-in plan"), "{plan}");
    assert!(!plan.contains("Skip exfoliants"), "{plan}");
}

#[test]
fn a_treatment_recorded_before_plans_were_remembered_keeps_working() {
    let p = Patient::new();
    fs::write(
        p.state_file(),
        include_str!("fixtures/state/v1-before-checkins.json"),
    )
    .unwrap();
    let today = stdout(p.at(DAY3).arg("today"));
    assert!(today.contains("recorded by an older aftercare"), "{today}");
    assert!(today.contains("aftercare rules use builtin"), "{today}");
    // It follows the plan the run names, as it always did, and is never refused.
    let file = write(p.data(), "legacy-clinic.json", CLINIC);
    let today = stdout(p.at(DAY3).arg("--rules").arg(&file).arg("today"));
    assert!(today.starts_with("Example Skin Clinic"), "{today}");
    assert!(today.contains("rules use"), "{today}");
    stdout(p.at(DAY3).args(["rules", "use"]).arg(&file));
    let today = stdout(p.at(DAY3).arg("today"));
    assert!(today.starts_with("Example Skin Clinic"), "{today}");
    assert!(!today.contains("older aftercare"), "{today}");
    // Its ticks are still there.
    assert!(state(&p)["sessions"][0]["ticks"]["2026-11-21"].is_array());
    let _ = fs::remove_file(file);
}

#[test]
fn a_missing_copy_is_reported_with_what_to_do() {
    let (p, file) = clinic_patient();
    fs::remove_dir_all(p.data().join("plans")).unwrap();
    let out = p
        .at(DAY3)
        .arg("today")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let message = String::from_utf8(out).unwrap();
    assert!(message.contains("is missing"), "{message}");
    assert!(message.contains("aftercare rules use FILE"), "{message}");
    stdout(p.at(DAY3).args(["rules", "use"]).arg(&file));
    p.at(DAY3).arg("today").assert().success();
    let _ = fs::remove_file(file);
}

#[test]
fn rules_use_needs_a_treatment() {
    let p = Patient::new();
    p.at(DAY3)
        .args(["rules", "use", "builtin"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("No treatment recorded yet"));
    assert!(!p.state_file().exists());
}

#[test]
fn history_counts_each_treatment_with_its_own_plan() {
    let itch = CLINIC.replace(
        r#""remove""#,
        r#""symptoms": [{"id": "itch", "title": "Itching"}],
  "remove""#,
    );
    let (p, _) = treated_with(&itch, "itch.json");
    // The second treatment goes on with the clinic's plan, then is switched to the built-in
    // one on purpose.
    p.at("2026-12-20 10:00")
        .args(["start", "--next"])
        .assert()
        .success();
    p.at("2026-12-21 10:00")
        .args(["rules", "use", "builtin"])
        .assert()
        .success();
    let history = p.json("2026-12-21 10:00", &["history", "--json"]);
    let symptoms = |n: usize| -> Vec<String> {
        history["sessions"][n]["symptoms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(symptoms(0).contains(&"itch".to_string()), "{history}");
    assert!(!symptoms(1).contains(&"itch".to_string()), "{history}");
}

#[test]
fn start_again_with_another_plan_says_the_plan_was_not_applied() {
    let p = Patient::treated();
    let file = write(p.data(), "clinic.json", CLINIC);
    let before = fs::read(p.state_file()).unwrap();
    let out = p
        .at(DAY3)
        .arg("--rules")
        .arg(&file)
        .args(["start", "--at", TREATED])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let message = String::from_utf8(out.stderr).unwrap().replace('\n', " ");
    for part in [
        "Treatment already recorded: Fri 20 Nov 2026 14:00.",
        "It follows the built-in plan",
        "and still does: the plan \"Example Skin Clinic: microneedling aftercare\"",
        "was not applied to it.",
        "aftercare rules use ",
        "clinic.json",
    ] {
        assert!(message.contains(part), "{part}:\n{message}");
    }
    assert_eq!(fs::read(p.state_file()).unwrap(), before, "a refusal wrote");
    // The same plan again (none given: the one recorded) is the harmless repeat it was.
    p.at(DAY3)
        .args(["start", "--at", TREATED])
        .assert()
        .success()
        .stdout(predicates::str::contains("Treatment already recorded"));
    // The command it suggests works: the treatment then follows the clinic's plan.
    p.at(DAY3)
        .args(["rules", "use"])
        .arg(&file)
        .assert()
        .success();
    let today = stdout(p.at(DAY3).arg("today"));
    assert!(today.contains("Example Skin Clinic"), "{today}");
}

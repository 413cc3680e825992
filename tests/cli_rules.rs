//! Rules files, settings from the environment and a damaged state file, from the command line:
//! each problem is reported once with exit 2 (what was given) or 1 (what failed).

mod cli_common;
mod rules_corpus_common;

use cli_common::*;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use std::fs;
use std::path::Path;

// ---- rules ----

const GOOD_RULES: &str = r#"{
  "format": 1,
  "name": "Clinic plan",
  "procedure": "Microneedling",
  "disclaimer": "Not medical advice.",
  "sources": [{"id": "s1", "title": "Clinic leaflet"}],
  "rules": [
    {
      "id": "ice-pack",
      "title": "Use the clinic's ice pack",
      "kind": "do",
      "from_hours": 0,
      "until_hours": 24,
      "rationale": "Calms swelling.",
      "sources": ["s1"]
    }
  ]
}
"#;

#[test]
fn rules_check_accepts_the_builtin_file() {
    let p = Patient::new();
    p.bare()
        .args(["rules", "check", BUILTIN])
        .assert()
        .success()
        .stdout(predicate::str::is_match(
            r"^assets/rules/microneedling\.json: valid — \d+ rules, \d+ phases, \d+ warnings(, \d+ symptoms, \d+ alerts)?\n$",
        )
        .unwrap());
}

#[test]
fn rules_check_points_at_every_problem() {
    let p = Patient::new();
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let wrong_kind = write(
        dir.path(),
        "kind.json",
        &GOOD_RULES.replace(r#""kind": "do""#, r#""kind": "maybe""#),
    );
    let backwards = write(
        dir.path(),
        "window.json",
        &GOOD_RULES
            .replace(r#""until_hours": 24"#, r#""until_hours": -5"#)
            .replace(r#""sources": ["s1"]"#, r#""sources": ["s9"]"#),
    );
    let broken = write(
        dir.path(),
        "syntax.json",
        "{\n  \"format\": 1,\n  oops\n}\n",
    );

    let stderr = |path: &Path| {
        let out = p
            .bare()
            .args(["rules", "check"])
            .arg(path)
            .assert()
            .code(2)
            .stdout("");
        String::from_utf8(out.get_output().stderr.clone()).unwrap()
    };
    let text = stderr(&wrong_kind);
    let name = wrong_kind.display().to_string();
    assert!(
        text.starts_with(&format!("aftercare: {name} is not a valid rules file:\n")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{name}:11:15: rule 1 (ice-pack) › kind: must be \"do\" or \"avoid\", found \"maybe\""
        )),
        "{text}"
    );

    let text = stderr(&backwards);
    let name = backwards.display().to_string();
    assert!(
        text.contains(&format!("{name}:13:22: rule 1 (ice-pack) › until_hours: ")),
        "{text}"
    );
    assert!(
        text.contains("rule 1 (ice-pack) › sources › item 1: no source has the id \"s9\""),
        "{text}"
    );

    let text = stderr(&broken);
    assert!(
        text.contains(&format!("{}:3:3: ", broken.display())),
        "{text}"
    );
}

#[test]
fn a_missing_rules_file_is_named() {
    let p = Patient::new();
    p.bare()
        .args(["rules", "check", "no/such/rules.json"])
        .assert()
        .code(2)
        .stderr(contains(
            "aftercare: cannot read rules file no/such/rules.json: ",
        ));
    p.at(DAY3)
        .args(["--rules", "no/such/rules.json", "today"])
        .assert()
        .code(2)
        .stderr(contains("cannot read rules file no/such/rules.json"));
}

#[test]
fn a_bad_rules_option_stops_everything_before_it_starts() {
    let p = Patient::new();
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let bad = write(
        dir.path(),
        "bad.json",
        &GOOD_RULES.replace("\"do\"", "\"maybe\""),
    );
    p.at(DAY3)
        .arg("--rules")
        .arg(&bad)
        .arg("start")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("rule 1 (ice-pack) › kind"));
    assert!(!p.state_file().exists());
    // With no command the terminal app would open: the file is refused before that.
    p.at(DAY3).arg("--rules").arg(&bad).assert().code(2);
}

#[test]
fn a_clinics_rules_file_replaces_the_builtin_plan() {
    let p = Patient::new();
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let good = write(dir.path(), "clinic.json", GOOD_RULES);
    // Given once, when the treatment is recorded; remembered from then on.
    p.at(TREATED)
        .arg("--rules")
        .arg(&good)
        .arg("start")
        .assert()
        .success();
    let out = p
        .at("2026-11-20 18:00")
        .args(["today", "--json"])
        .assert()
        .success();
    let today: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(today["total"], 1);
    assert_eq!(
        task(&today, "ice-pack")["title"],
        "Use the clinic's ice pack"
    );
}

// ---- environment ----

#[test]
fn settings_can_come_from_the_environment() {
    let data = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let rules_dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let good = write(rules_dir.path(), "clinic.json", GOOD_RULES);
    let env_cmd = || {
        let mut cmd = aftercare();
        cmd.env("TZ", "Europe/Berlin")
            .env("AFTERCARE_DATA_DIR", data.path())
            .env("AFTERCARE_NOW", "2026-11-20 14:00")
            .env("AFTERCARE_RULES", &good);
        cmd
    };
    env_cmd()
        .arg("start")
        .assert()
        .success()
        .stdout(contains("Treatment recorded: Fri 20 Nov 2026 14:00."));
    assert!(data.path().join("state.json").exists());
    let out = env_cmd().args(["today", "--json"]).assert().success();
    let today: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(today["day"], 1);
    assert_eq!(task(&today, "ice-pack")["done"], false);
    // A flag wins over its variable.
    let out = env_cmd()
        .args(["--now", "2026-11-21 10:00", "today", "--json"])
        .assert()
        .success();
    let today: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(today["day"], 2);
    env_cmd()
        .env("AFTERCARE_NOW", "not a time")
        .arg("today")
        .assert()
        .code(2);
}

// ---- state file ----

#[test]
fn a_damaged_state_file_is_reported_and_left_alone() {
    let p = Patient::new();
    let bytes = b"{\"format\": 1, \"sessions\": [ {\"at\": \"yesterday\"} ]}\n";
    fs::write(p.state_file(), bytes).unwrap();
    let path = p.state_file().display().to_string();
    for args in [
        &["today"][..],
        &["check", "no-makeup"],
        &["start"],
        &["plan"],
    ] {
        p.at(DAY3)
            .args(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains(format!("aftercare: {path} is damaged")));
    }
    // With no command the checklist would open (and set the file aside, README › Reliability);
    // without a terminal it stops before touching the file.
    p.at(DAY3)
        .assert()
        .code(1)
        .stderr(contains("needs a terminal"));
    assert_eq!(fs::read(p.state_file()).unwrap(), bytes);
}

/// Issue 4, item 4, at the command line: every malformed file gives exit status 2 and a
/// located message, whether checked or used, and the terminal is never entered.
#[test]
fn every_malformed_rules_file_exits_2_without_touching_the_terminal() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    for (i, (name, bytes, fragment)) in rules_corpus_common::corpus().into_iter().enumerate() {
        let file = dir.path().join(format!("bad-{i}.json"));
        std::fs::write(&file, &bytes).unwrap();
        let shown = file.display().to_string();
        for args in [
            vec!["rules", "check", shown.as_str()],
            vec!["--rules", shown.as_str()],
        ] {
            let out = assert_cmd::Command::cargo_bin("aftercare")
                .unwrap()
                .args(["--data-dir", dir.path().join("data").to_str().unwrap()])
                .args(&args)
                .env("TZ", "Europe/Berlin")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{name} {args:?}: {stderr}");
            assert!(
                stderr.contains(&format!("{shown}:")),
                "{name}: {stderr:.300}"
            );
            assert!(stderr.contains(fragment), "{name}: {stderr:.300}");
            // Nothing on stdout: no escape sequence to enter the alternate screen or raw mode.
            assert!(out.stdout.is_empty(), "{name}: wrote to stdout");
        }
    }
    assert!(
        !dir.path().join("data").exists(),
        "a bad rules file must not create the data dir"
    );
}

/// Issue 13, item 9: what a clinic's file once passed without a word is refused, in words a
/// clinic can act on: an alert that fires at every check-in, a next session before this
/// treatment, a text-direction override in a title or the clinic's name, a window of no
/// length (in hours and in days).
#[test]
fn quiet_mistakes_of_a_clinic_are_refused_in_plain_words() {
    let p = Patient::new();
    let builtin: Value = serde_json::from_str(&fs::read_to_string(BUILTIN).unwrap()).unwrap();
    type Edit = fn(&mut Value);
    let cases: [(Edit, &str); 6] = [
        (
            |d| d["alerts"][0]["at_least"] = 0.into(),
            "alert 1 (redness-after-a-week) › at_least: at_least 0 would fire at every check-in: use a rating from 1 to 5",
        ),
        (
            |d| d["next_session"] = serde_json::json!({"from_hours": -24, "until_hours": 100}),
            "next_session › from_hours: the next session must come after this treatment: from_hours must be 1 or more, not -24",
        ),
        (
            |d| d["rules"][0]["title"] = "No \u{202e}exfoliants".into(),
            "rule 1 (before-no-exfoliants) › title: holds an invisible text-direction control (U+202E) at character 4",
        ),
        (
            |d| d["provider"] = serde_json::json!({"name": "Clinic \u{2067}x", "phone": "123 456"}),
            "provider › name: holds an invisible text-direction control (U+2067) at character 8",
        ),
        (
            |d| {
                d["rules"][1]["from_hours"] = 5.into();
                d["rules"][1]["until_hours"] = 5.into();
            },
            "rule 2 (before-avoid-sun) › until_hours: the window opens and closes at the same moment (5 h after the treatment), so it never shows: until_hours must be more than from_hours",
        ),
        (
            |d| {
                let rule = d["rules"][1].as_object_mut().unwrap();
                rule.remove("from_hours");
                rule.remove("until_hours");
                rule.insert("from_day".into(), 3.into());
                rule.insert("until_day".into(), 2.into());
            },
            "rule 2 (before-avoid-sun) › until_day: the window ends on day 2 before it starts on day 3: until_day must be from_day or later",
        ),
    ];
    for (n, (edit, want)) in cases.into_iter().enumerate() {
        let mut plan = builtin.clone();
        edit(&mut plan);
        let file = write(
            p.data(),
            &format!("quiet-{n}.json"),
            &serde_json::to_string_pretty(&plan).unwrap(),
        );
        p.bare()
            .args(["rules", "check"])
            .arg(&file)
            .assert()
            .code(2)
            .stderr(contains(want));
    }
}

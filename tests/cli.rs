//! The command line as people and scripts use it: every command, message and exit status.
//! Each test has its own data directory and runs in Europe/Berlin (TZ on the subprocess).

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const BUILTIN: &str = "assets/rules/microneedling.json";
const TREATED: &str = "2026-11-20 14:00";
/// Day 3 of a treatment at TREATED.
const DAY3: &str = "2026-11-22 09:00";

/// A fresh data directory and the commands that use it.
struct Patient {
    dir: TempDir,
}

impl Patient {
    fn new() -> Self {
        Patient {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A patient treated at TREATED.
    fn treated() -> Self {
        let p = Patient::new();
        p.at(TREATED).args(["start"]).assert().success();
        p
    }

    fn data(&self) -> &Path {
        self.dir.path()
    }

    fn state_file(&self) -> PathBuf {
        self.data().join("state.json")
    }

    /// `aftercare` with no settings from the environment except ours.
    fn bare(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aftercare"));
        cmd.env("TZ", "Europe/Berlin")
            .env_remove("AFTERCARE_NOW")
            .env_remove("AFTERCARE_RULES")
            .env_remove("AFTERCARE_DATA_DIR")
            .arg("--data-dir")
            .arg(self.data());
        cmd
    }

    /// `aftercare --now NOW ...`
    fn at(&self, now: &str) -> Command {
        let mut cmd = self.bare();
        cmd.args(["--now", now]);
        cmd
    }

    fn json(&self, now: &str, args: &[&str]) -> Value {
        let out = self.at(now).args(args).assert().success();
        serde_json::from_slice(&out.get_output().stdout).unwrap()
    }

    fn today(&self, now: &str) -> Value {
        self.json(now, &["today", "--json"])
    }
}

fn task<'a>(day: &'a Value, id: &str) -> &'a Value {
    day["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("no task {id} in {day}"))
}

fn done(day: &Value, id: &str) -> bool {
    task(day, id)["done"].as_bool().unwrap()
}

// ---- start ----

#[test]
fn start_records_now_by_default() {
    let p = Patient::new();
    p.at(TREATED)
        .arg("start")
        .assert()
        .success()
        .stdout(contains(
            "Treatment recorded: Fri 20 Nov 2026 14:00. Day 1 is today.",
        ));
    let state = fs::read_to_string(p.state_file()).unwrap();
    assert!(state.contains("2026-11-20T14:00:00+01:00"), "{state}");
}

#[test]
fn start_at_records_an_earlier_treatment() {
    let p = Patient::new();
    p.at(DAY3)
        .args(["start", "--at", TREATED])
        .assert()
        .success()
        .stdout(contains("Treatment recorded: Fri 20 Nov 2026 14:00."))
        .stdout(contains("today is Day 3"));
    assert_eq!(p.today(DAY3)["day"], 3);
}

#[test]
fn start_at_the_same_moment_twice_records_it_once() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["start", "--at", TREATED])
        .assert()
        .success()
        .stdout(contains("Treatment already recorded"));
    let state: Value = serde_json::from_str(&fs::read_to_string(p.state_file()).unwrap()).unwrap();
    assert_eq!(state["sessions"].as_array().unwrap().len(), 1);
}

#[test]
fn start_replace_moves_the_treatment_and_keeps_tick_offs() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    p.at(DAY3)
        .args(["start", "--replace", "--at", "2026-11-20 16:30"])
        .assert()
        .success()
        .stdout(contains(
            "Treatment moved: Fri 20 Nov 2026 14:00 → Fri 20 Nov 2026 16:30",
        ));
    let today = p.today(DAY3);
    assert_eq!(today["treatment"], "2026-11-20T16:30:00+01:00");
    assert!(done(&today, "sunscreen-spf30"));
    let state: Value = serde_json::from_str(&fs::read_to_string(p.state_file()).unwrap()).unwrap();
    assert_eq!(state["sessions"].as_array().unwrap().len(), 1);
}

#[test]
fn a_time_that_cannot_be_read_is_a_usage_error() {
    let p = Patient::new();
    p.at("yesterday")
        .arg("today")
        .assert()
        .code(2)
        .stderr(contains("aftercare: --now: \"yesterday\" is not a time"));
    p.at(DAY3)
        .args(["start", "--at", "2026-03-29 02:30"])
        .assert()
        .code(2)
        .stderr(contains("--at:").and(contains("daylight saving")));
    p.at(DAY3).args(["start", "--at", "soon"]).assert().code(2);
    assert!(!p.state_file().exists());
}

#[test]
fn unknown_arguments_are_usage_errors() {
    let p = Patient::new();
    p.at(DAY3).args(["today", "--yaml"]).assert().code(2);
    p.at(DAY3).arg("tomorrow").assert().code(2);
}

// ---- today ----

#[test]
fn today_prints_a_readable_checklist() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    let out = p.at(DAY3).arg("today").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Microneedling aftercare · treatment Fri 20 Nov 2026 14:00"
    );
    assert!(
        lines[1].starts_with("Day 3 of recovery · Sun 22 Nov 2026 · 1/"),
        "{text}"
    );
    for want in [
        "\nDo\n",
        "\nAvoid\n",
        "[x] Apply SPF 30+ sunscreen",
        "      sunscreen-spf30\n",
        "[ ] Use a gentle, fragrance-free cleanser",
        "      gentle-cleanser@morning\n",
        "[ ] No makeup",
        "until 14:00 · 5 h left",
        "\nNormal now:\n  • Redness like a mild sunburn",
        "\nCall your provider if:\n  • ",
        "not medical advice",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let do_at = text.find("\nDo\n").unwrap();
    assert!(do_at < text.find("\nAvoid\n").unwrap());
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn today_json_has_the_checklist_fields() {
    let p = Patient::treated();
    let today = p.today(DAY3);
    assert_eq!(today["day"], 3);
    assert_eq!(today["date"], "2026-11-22");
    assert_eq!(today["treatment"], "2026-11-20T14:00:00+01:00");
    assert_eq!(today["done"], 0);
    let tasks = today["tasks"].as_array().unwrap();
    assert_eq!(today["total"], tasks.len());
    for t in tasks {
        for field in [
            "id", "title", "kind", "done", "starts", "ends", "status", "when",
        ] {
            assert!(!t[field].is_null(), "{field} missing in {t}");
        }
    }
    let spf = task(&today, "sunscreen-spf30");
    assert_eq!(spf["kind"], "do");
    assert_eq!(spf["status"], "active");
    assert_eq!(spf["starts"], "2026-11-20T14:00:00+01:00");
    assert_eq!(spf["ends"], "2027-01-01T14:00:00+01:00");
    assert_eq!(task(&today, "no-makeup")["kind"], "avoid");
    assert_eq!(task(&today, "gentle-cleanser@evening")["slot"], "evening");
    assert!(!today["phases"].as_array().unwrap().is_empty());
    assert!(!today["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn days_are_local_calendar_days_in_the_zone_of_tz() {
    let p = Patient::new();
    p.at("2026-11-20 23:30").arg("start").assert().success();
    // Forty minutes later it is the next calendar day, so Day 2.
    let today = p.today("2026-11-21 00:10");
    assert_eq!(
        (today["day"].clone(), today["date"].clone()),
        (2.into(), "2026-11-21".into())
    );
    assert_eq!(p.today("2026-11-20 23:59")["day"], 1);

    // The same instant is 00:30 on the 21st in Berlin but 18:30 on the 20th in New York.
    let q = Patient::new();
    q.at("2026-11-21T09:00:00Z")
        .args(["start", "--at", "2026-11-20T23:30:00Z"])
        .assert()
        .success();
    assert_eq!(q.today("2026-11-21T09:00:00Z")["day"], 1);
    let out = q
        .at("2026-11-21T09:00:00Z")
        .env("TZ", "America/New_York")
        .args(["today", "--json"])
        .assert()
        .success();
    let ny: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        (ny["day"].clone(), ny["date"].clone()),
        (2.into(), "2026-11-21".into())
    );
    assert_eq!(ny["treatment"], "2026-11-20T18:30:00-05:00");
}

#[test]
fn today_without_a_treatment_says_how_to_record_one() {
    let p = Patient::new();
    for args in [
        &["today"][..],
        &["today", "--json"],
        &["check", "no-makeup"],
    ] {
        p.at(DAY3).args(args).assert().code(1).stdout("").stderr(
            "aftercare: No treatment recorded yet: run `aftercare start` \
                 (or `aftercare` to be asked).\n",
        );
    }
}

#[test]
fn days_before_treatment_show_how_to_prepare() {
    let p = Patient::new();
    p.at("2026-11-18 10:00")
        .args(["start", "--at", TREATED])
        .assert()
        .success()
        .stdout(contains("Day 1 is Fri 20 Nov, in 2 days"));
    p.at("2026-11-18 10:00")
        .arg("today")
        .assert()
        .success()
        .stdout(contains(
            "Day -1 · 2 days before treatment · Wed 18 Nov 2026",
        ))
        .stdout(contains("before-tell-provider"));
}

// ---- plan ----

#[test]
fn plan_json_lists_every_day() {
    let p = Patient::treated();
    let plan = p.json(DAY3, &["plan", "--json"]);
    assert_eq!(plan["treatment"], "2026-11-20T14:00:00+01:00");
    assert_eq!(plan["recorded"], true);
    let days = plan["days"].as_array().unwrap();
    // Preparation opens a week before (Day -6); the plan runs six weeks after (Day 43).
    assert_eq!(days.len(), 50);
    assert_eq!(days[0]["day"], -6);
    let day1 = days.iter().find(|d| d["day"] == 1).unwrap();
    assert_eq!(day1["date"], "2026-11-20");
    for (i, d) in days.iter().enumerate() {
        assert_eq!(d["day"], days[0]["day"].as_i64().unwrap() + i as i64);
        for field in ["date", "tasks", "phases", "warnings"] {
            assert!(!d[field].is_null(), "{field} missing on day {}", d["day"]);
        }
    }
}

#[test]
fn plan_without_a_treatment_is_shown_as_if_treated_now() {
    let p = Patient::new();
    let plan = p.json(DAY3, &["plan", "--json"]);
    assert_eq!(plan["recorded"], false);
    assert_eq!(plan["treatment"], "2026-11-22T09:00:00+01:00");
    p.at(DAY3)
        .arg("plan")
        .assert()
        .success()
        .stdout(contains(
            "No treatment recorded yet: this is the plan as if treated now.",
        ))
        .stdout(contains("Day 1 · treatment day · Sun 22 Nov 2026"));
    assert!(
        !p.state_file().exists(),
        "showing the plan must not record anything"
    );
}

#[test]
fn plan_text_marks_today_and_ticks() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success();
    let out = p.at(DAY3).arg("plan").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let today = text
        .split("\n\n")
        .find(|block| block.contains("← today"))
        .unwrap();
    assert!(
        today.starts_with("Day 3 of recovery · Sun 22 Nov 2026 · 1/"),
        "{today}"
    );
    assert!(today.contains("[x] Apply SPF 30+ sunscreen"), "{today}");
    assert!(text.contains("Day 43 of recovery"));
    assert!(text.lines().all(|l| l.chars().count() <= 80));
}

// ---- check / uncheck ----

#[test]
fn check_and_uncheck_round_trip() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout("Ticked: Apply SPF 30+ sunscreen (Day 3, Sun 22 Nov, today)\n");
    assert!(done(&p.today(DAY3), "sunscreen-spf30"));
    p.at(DAY3)
        .args(["check", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout(contains("Already ticked: Apply SPF 30+ sunscreen"));
    p.at(DAY3)
        .args(["uncheck", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout(contains("Unticked: Apply SPF 30+ sunscreen"));
    assert!(!done(&p.today(DAY3), "sunscreen-spf30"));
    p.at(DAY3)
        .args(["uncheck", "sunscreen-spf30"])
        .assert()
        .success()
        .stdout(contains("Not ticked, nothing to undo"));
}

#[test]
fn tick_offs_persist_for_their_day_only() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "gentle-cleanser@evening"])
        .assert()
        .success();
    p.at(DAY3).args(["check", "no-makeup"]).assert().success();
    let later = p.today("2026-11-22 21:45");
    assert!(done(&later, "gentle-cleanser@evening"));
    assert!(!done(&later, "gentle-cleanser@morning"));
    assert_eq!(later["done"], 2);
    assert!(!done(
        &p.today("2026-11-23 08:00"),
        "gentle-cleanser@evening"
    ));
}

#[test]
fn check_with_day_ticks_another_day() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "drink-water", "--day", "5"])
        .assert()
        .success()
        .stdout("Ticked: Drink plenty of water (Day 5, Tue 24 Nov)\n");
    let plan = p.json(DAY3, &["plan", "--json"]);
    let day = |n: i64| {
        plan["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == n)
            .unwrap()
    };
    assert!(done(day(5), "drink-water"));
    assert!(!done(day(3), "drink-water"));
    // Days before the treatment are numbered 0, -1, ... and take negative numbers.
    p.at(DAY3)
        .args(["check", "before-tell-provider", "--day", "-2"])
        .assert()
        .success()
        .stdout(contains("(Day -2, Tue 17 Nov)"));
}

#[test]
fn a_once_task_stays_done_and_unchecking_it_later_undoes_it() {
    let p = Patient::treated();
    p.at(DAY3)
        .args(["check", "book-next-session", "--day", "30"])
        .assert()
        .success();
    let plan = p.json(DAY3, &["plan", "--json"]);
    let day = |n: i64| {
        plan["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == n)
            .unwrap()
    };
    assert!(!done(day(29), "book-next-session"));
    assert!(done(day(35), "book-next-session"));
    p.at(DAY3)
        .args(["uncheck", "book-next-session", "--day", "35"])
        .assert()
        .success()
        .stdout(contains("Unticked: Book your next session (Day 35"));
    let plan = p.json(DAY3, &["plan", "--json"]);
    assert!(plan["days"].as_array().unwrap().iter().all(|d| {
        d["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["done"] == false)
    }));
}

#[test]
fn check_errors_say_what_to_type_instead() {
    let p = Patient::treated();
    let cases: [(&[&str], &str); 7] = [
        (
            &["check", "xyz"],
            "aftercare: no task `xyz`; today's tasks are:\n  gentle-cleanser@morning, ",
        ),
        (
            &["check", "gentle-cleanser"],
            "aftercare: `gentle-cleanser` is done twice a day: \
             use gentle-cleanser@morning or gentle-cleanser@evening\n",
        ),
        (
            &["uncheck", "no-makeup@morning"],
            "aftercare: `no-makeup@morning` is not done twice a day: use no-makeup\n",
        ),
        (
            &["check", "book-next-session"],
            "aftercare: `book-next-session` is not a task today (Day 3, Sun 22 Nov); \
             it runs Day 29 to Day 43\n",
        ),
        (
            &["check", "no-makeup", "--day", "5"],
            "aftercare: `no-makeup` is not a task on Day 5 (Tue 24 Nov); it runs Day 1 to Day 3\n",
        ),
        (
            &["check", "gentle-cleanser@morning", "--day", "1"],
            "aftercare: `gentle-cleanser@morning` is not a task on Day 1 (Fri 20 Nov); \
             use gentle-cleanser@evening\n",
        ),
        (
            &["check", "sunscreen-spf30", "--day", "44"],
            "aftercare: Day 44 is not in the plan: it runs from Day -6 (Fri 13 Nov) \
             to Day 43 (Fri 1 Jan)\n",
        ),
    ];
    let before = fs::read(p.state_file()).unwrap();
    for (args, want) in cases {
        let out = p.at(DAY3).args(args).assert().code(2).stdout("");
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(stderr.starts_with(want), "{args:?}:\n{stderr}");
    }
    assert_eq!(fs::read(p.state_file()).unwrap(), before);
}

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

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

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
    let dir = tempfile::tempdir().unwrap();
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
            "{name}:11:21: rules[0].kind: unknown variant `maybe`"
        )),
        "{text}"
    );

    let text = stderr(&backwards);
    let name = backwards.display().to_string();
    assert!(
        text.contains(&format!("{name}:13:22: rules[0].until_hours: ")),
        "{text}"
    );
    assert!(
        text.contains("rules[0].sources[0]: no source has the id \"s9\""),
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
    let dir = tempfile::tempdir().unwrap();
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
        .stderr(contains("rules[0].kind"));
    assert!(!p.state_file().exists());
    // With no command the terminal app would open: the file is refused before that.
    p.at(DAY3).arg("--rules").arg(&bad).assert().code(2);
}

#[test]
fn a_clinics_rules_file_replaces_the_builtin_plan() {
    let p = Patient::treated();
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "clinic.json", GOOD_RULES);
    let out = p
        .at("2026-11-20 18:00")
        .arg("--rules")
        .arg(&good)
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
    let data = tempfile::tempdir().unwrap();
    let rules_dir = tempfile::tempdir().unwrap();
    let good = write(rules_dir.path(), "clinic.json", GOOD_RULES);
    let env_cmd = || {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aftercare"));
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
    // With no command the terminal app would open: the file is refused before that.
    p.at(DAY3).assert().code(1);
    assert_eq!(fs::read(p.state_file()).unwrap(), bytes);
}

#[test]
fn after_the_plan_ends_today_says_so() {
    let p = Patient::treated();
    let today = p.today("2027-02-01 10:00");
    assert_eq!(today["day"], 74);
    assert_eq!(today["total"], 0);
    p.at("2027-02-01 10:00")
        .arg("today")
        .assert()
        .success()
        .stdout(contains(
            "Nothing to tick off: the plan ended on Day 43 (Fri 1 Jan 2027).",
        ));
}

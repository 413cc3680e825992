//! The format and its checks: the built-in plan is valid, and every kind of mistake is
//! reported with its line, column and field.

use super::*;

const GOOD: &str = r#"{
  "format": 1,
  "name": "Test plan",
  "procedure": "Test",
  "disclaimer": "Not medical advice.",
  "sources": [{"id": "s1", "title": "A source"}],
  "rules": [
    {
      "id": "no-makeup",
      "title": "No makeup",
      "kind": "avoid",
      "from_hours": 0,
      "until_hours": 48,
      "rationale": "Why.",
      "sources": ["s1"]
    }
  ]
}"#;

#[test]
fn the_builtin_plan_needs_no_checks_at_start() {
    // `Rules::builtin` only reads the file: it must pass every check, and making its text
    // inert must change nothing.
    let checked = Rules::parse(BUILTIN_JSON, BUILTIN_NAME).unwrap_or_else(|e| panic!("{e}"));
    let read = Rules::builtin().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        serde_json::to_value(&checked).unwrap(),
        serde_json::to_value(&read).unwrap()
    );
}

#[test]
fn the_builtin_plan_is_valid_and_cites_its_sources() {
    let rules = Rules::builtin().unwrap_or_else(|e| panic!("{e}"));
    assert!(rules.rules.len() >= 15);
    assert!(!rules.phases.is_empty() && !rules.warnings.is_empty());
    for rule in &rules.rules {
        assert!(!rule.sources.is_empty(), "{} cites no source", rule.id);
    }
    // The plan runs through the next-session window, with a task to book it.
    assert!(
        rules
            .rules
            .iter()
            .any(|r| r.repeat == Repeat::Once && r.window().nominal_hours().1 >= 1008)
    );
    let lower = rules.disclaimer.to_lowercase();
    assert!(lower.contains("not medical advice"), "{}", rules.disclaimer);
}

#[test]
fn a_good_file_parses_and_repeat_defaults_to_daily() {
    let rules = Rules::parse(GOOD, "good.json").unwrap();
    assert_eq!(rules.rules[0].repeat, Repeat::Daily);
    assert_eq!(rules.rules[0].kind, Kind::Avoid);
    // A byte-order mark is tolerated.
    assert!(Rules::parse(&format!("\u{feff}{GOOD}"), "bom.json").is_ok());
}

/// Replaces `from` with `to` in the good file and returns the single problem reported.
fn problems(from: &str, to: &str) -> Vec<String> {
    assert!(GOOD.contains(from), "{from}");
    let text = GOOD.replacen(from, to, 1);
    match Rules::parse(&text, "plan.json") {
        Ok(_) => panic!("{to} was accepted"),
        Err(e) => e.to_string().lines().map(str::to_string).collect(),
    }
}

#[test]
fn mistakes_are_reported_with_line_column_and_field() {
    let cases = [
        (
            r#""kind": "avoid""#,
            r#""kind": "skip""#,
            "plan.json:11:15: rule 1 (no-makeup) › kind: must be \"do\" or \"avoid\", found \"skip\"",
        ),
        (
            r#""until_hours": 48"#,
            r#""until_hours": "48""#,
            "plan.json:13:22: rule 1 (no-makeup) › until_hours: must be a number, found the text \"48\": remove the quotes",
        ),
        (
            r#""title": "No makeup","#,
            r#""title": "No makeup", "colour": "red","#,
            "plan.json:10:39: rule 1 (no-makeup) › colour: \"colour\" is not a field of a rule, which has: id, title, kind,",
        ),
        (
            r#""title": "No makeup","#,
            r#""titel": "No makeup","#,
            "plan.json:10:16: rule 1 (no-makeup) › titel: \"titel\" is not a field of a rule: did you mean \"title\"?",
        ),
        (
            r#""until_hours": 48"#,
            r#""until_hours": 0"#,
            "plan.json:13:22: rule 1 (no-makeup) › until_hours: the window opens and closes at the same moment (0 h after the treatment), so it never shows: until_hours must be more than from_hours",
        ),
        (
            r#""until_hours": 48"#,
            r#""until_hours": 4800000"#,
            "plan.json:13:22: rule 1 (no-makeup) › until_hours: 4800000 h is outside -2160 to 17568 h",
        ),
        (
            r#""title": "No makeup""#,
            r#""title": "  ""#,
            "plan.json:10:16: rule 1 (no-makeup) › title: must not be empty",
        ),
        (
            r#""title": "No makeup""#,
            r#""title": "No \u202emakeup""#,
            "plan.json:10:16: rule 1 (no-makeup) › title: holds an invisible text-direction control (U+202E) at character 4",
        ),
        (
            r#""id": "no-makeup""#,
            r#""id": "No Makeup""#,
            "plan.json:9:13: rule 1 (No Makeup) › id: \"No Makeup\" is not a usable id",
        ),
        (
            r#""sources": ["s1"]"#,
            r#""sources": ["s9"]"#,
            "plan.json:15:19: rule 1 (no-makeup) › sources › item 1: no source has the id \"s9\"",
        ),
        (
            r#""sources": ["s1"]"#,
            r#""sources": ["s"]"#,
            "plan.json:15:19: rule 1 (no-makeup) › sources › item 1: no source has the id \"s\": did you mean \"s1\"?",
        ),
        (
            r#""format": 1"#,
            r#""format": 3"#,
            "plan.json:2:13: format: format 3 is newer than this aftercare can read (formats 1 to 2): update aftercare",
        ),
        (
            r#""rules": ["#,
            r#""rules": [], "x": ["#,
            "plan.json:7:21: x: \"x\" is not a field of a plan, which has:",
        ),
        (
            "}\n  ]\n}",
            "}\n  ]\n}\n}",
            "plan.json:19:1: more text after the plan's closing }",
        ),
        (
            r#""name": "Test plan","#,
            "",
            "plan.json:1:1: the plan needs \"name\"",
        ),
        (
            r#""from_hours": 0,"#,
            r#""from_hours": 0, "from_day": 1,"#,
            "plan.json:12:36: rule 1 (no-makeup) › from_day: \"from_day\" is new in format 2",
        ),
    ];
    let mut wrong = Vec::new();
    for (from, to, want) in cases {
        let got = problems(from, to);
        if !got[0].starts_with(want) {
            wrong.push(format!("\n got: {}\nwant: {want}", got[0]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.concat());
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let text = GOOD
        .replacen(r#""until_hours": 48"#, r#""until_hours": -5"#, 1)
        .replacen(r#""sources": ["s1"]"#, r#""sources": ["s2"]"#, 1)
        .replacen(
            r#""disclaimer": "Not medical advice.""#,
            r#""disclaimer": """#,
            1,
        );
    let err = Rules::parse(&text, "plan.json").unwrap_err();
    assert_eq!(err.problems.len(), 3, "{err}");
}

#[test]
fn duplicate_ids_point_at_the_second_one() {
    let rule = GOOD
        .split_once("    {\n")
        .unwrap()
        .1
        .split_once("\n  ]")
        .unwrap()
        .0;
    let text = GOOD.replacen(rule, &format!("{rule},\n    {{\n{rule}"), 1);
    let err = Rules::parse(&text, "plan.json").unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].path, "rule 2 (no-makeup) › id");
    assert_eq!(err.problems[0].line, 18);
}

#[test]
fn empty_and_non_json_files_are_errors_not_panics() {
    for text in [
        "",
        "   ",
        "[]",
        "null",
        "{",
        "\u{0}\u{1}binary",
        "{\"format\": 1e400}",
    ] {
        let err = Rules::parse(text, "x.json").unwrap_err();
        assert_eq!(err.problems.len(), 1, "{text:?}: {err}");
    }
}

#[test]
fn symptoms_and_alerts_are_checked() {
    let with = |extra: &str| GOOD.replacen("\"rules\": [", &format!("{extra},\n  \"rules\": ["), 1);
    let text = with(
        r#""symptoms": [{"id": "red", "title": "Redness", "expected": [{"hours": 10, "rating": 3}, {"hours": 5, "rating": 2}]},
    {"id": "dry", "title": "Dryness", "expected": [{"hours": 10, "rating": 9}]}],
  "alerts": [
    {"id": "a", "title": "A", "symptom": "blue", "at_least": 3, "from_hours": 0, "until_hours": 9, "message": "m", "sources": []},
    {"id": "b", "title": "B", "symptom": "red", "from_hours": 0, "until_hours": 9, "message": "m", "sources": []}
  ]"#,
    );
    let err = Rules::parse(&text, "plan.json").unwrap_err();
    let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "symptom 1 (red) › point 2 › hours",
            "symptom 2 (dry) › point 1 › rating",
            "alert 1 (a) › symptom",
            "alert 2 (b)"
        ],
        "{err}"
    );
}

#[test]
fn the_expected_course_is_joined_by_straight_lines() {
    let rules = Rules::builtin().unwrap();
    let redness = rules.symptoms.iter().find(|s| s.id == "redness").unwrap();
    assert_eq!(redness.expected_at(-5.0), Some(3.0));
    assert_eq!(redness.expected_at(24.0), Some(2.0));
    assert_eq!(redness.expected_at(1000.0), Some(0.0));
}

#[test]
fn as_needed_is_a_format_2_flag_with_no_time_of_day() {
    let v2 = GOOD
        .replacen(r#""format": 1"#, r#""format": 2"#, 1)
        .replacen(r#""kind": "avoid""#, r#""kind": "do""#, 1);
    let with = |fields: &str| v2.replacen(r#""from_hours": 0,"#, fields, 1);
    let rules = Rules::parse(&with(r#""from_hours": 0, "as_needed": true,"#), "p").unwrap();
    assert!(rules.rules[0].as_needed);
    assert!(!Rules::parse(&v2, "p").unwrap().rules[0].as_needed);
    let err = Rules::parse(
        &with(r#""from_hours": 0, "as_needed": true, "at": "09:00","#),
        "p",
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("rule 1 (no-makeup) › at: \"at\" is the time a task is due, and a task done \"as_needed\" is never due"),
        "{err}"
    );
    let err = Rules::parse(&with(r#""from_hours": 0, "as_needed": "yes","#), "p").unwrap_err();
    assert!(err.to_string().contains("as_needed"), "{err}");
    let v1 = GOOD.replacen(
        r#""from_hours": 0,"#,
        r#""from_hours": 0, "as_needed": true,"#,
        1,
    );
    let err = Rules::parse(&v1, "p").unwrap_err().to_string();
    assert!(err.contains("\"as_needed\" is new in format 2"), "{err}");
}

#[test]
fn the_builtin_plan_asks_only_conditional_tasks_as_needed() {
    let rules = Rules::builtin().unwrap();
    let as_needed: Vec<&str> = rules
        .rules
        .iter()
        .filter(|r| r.as_needed)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        as_needed,
        [
            "follow-provider-instructions",
            "wide-brim-hat",
            "sunscreen-treatment-day",
            "cold-compress"
        ]
    );
}

#[test]
fn what_to_keep_up_is_worded_once_for_every_screen() {
    let rules = Rules::builtin().unwrap();
    let spf = rules.kept_up_after().next().unwrap();
    let how = spf.keep_up_after.as_deref().unwrap();
    assert_eq!(keep_up_words(spf), format!("{} — {how}", spf.title));
    assert_eq!(
        rules.keep_up_list(false, ", ").as_deref(),
        Some("Apply SPF 30+ sunscreen")
    );
    assert_eq!(rules.keep_up_list(true, "; "), Some(keep_up_words(spf)));
    let none = Rules {
        rules: Vec::new(),
        ..rules.clone()
    };
    assert_eq!(none.keep_up_list(true, "; "), None);
}

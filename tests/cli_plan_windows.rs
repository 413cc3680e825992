//! `plan --json --windows`: the whole plan with each rule once. Its days must be exactly the
//! days `plan --json` lists each task on, including around a change of the clocks.

mod cli_common;

use cli_common::*;
use predicates::str::contains;
use serde_json::Value;
use std::collections::BTreeSet;

/// (id, day) pairs.
type Pairs = BTreeSet<(String, i64)>;

fn array(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}"))
}

/// The days an entry shows on: `first_day..=last_day` less its `except_day`, if any.
fn day_range(v: &Value) -> Vec<i64> {
    let Some(first) = v["first_day"].as_i64() else {
        return Vec::new();
    };
    let except = v["except_day"].as_i64();
    (first..=v["last_day"].as_i64().unwrap())
        .filter(|d| Some(*d) != except)
        .collect()
}

/// Every (task id, day), (phase id, day) and (warning id, day) the per-day output lists.
fn listed(plan: &Value) -> [Pairs; 3] {
    let mut pairs: [Pairs; 3] = Default::default();
    for day in array(&plan["days"]) {
        let n = day["day"].as_i64().unwrap();
        for (i, list) in ["tasks", "phases", "warnings"].into_iter().enumerate() {
            // The booking of the next session is listed from a week before its window opens,
            // marked as coming up (docs/rules.md, "Next session").
            for item in array(&day[list]).iter().filter(|t| t["coming_up"] != true) {
                pairs[i].insert((item["id"].as_str().unwrap().to_string(), n));
            }
        }
    }
    pairs
}

/// The same pairs as `--windows` gives them: a twice-daily rule's through its slots.
fn derived(windows: &Value) -> [Pairs; 3] {
    let mut pairs: [Pairs; 3] = Default::default();
    for rule in array(&windows["rules"]) {
        let spans: Vec<&Value> = match rule.get("slots") {
            Some(slots) => array(slots).iter().collect(),
            None => vec![rule],
        };
        for span in spans {
            let id = span["id"].as_str().unwrap();
            for d in day_range(span) {
                pairs[0].insert((id.to_string(), d));
            }
        }
    }
    for (i, list) in [(1, "phases"), (2, "warnings")] {
        for note in array(&windows[list]) {
            let id = note["id"].as_str().unwrap();
            for d in day_range(note) {
                pairs[i].insert((id.to_string(), d));
            }
        }
    }
    pairs
}

#[test]
fn windows_agree_with_the_per_day_output() {
    // A usual afternoon; a plan across spring forward (29 Mar 2026) and one across fall back
    // (25 Oct 2026) in Berlin; treatments at midnight, just before it and in the night the
    // clocks change.
    let treatments = [
        "2026-11-20 14:00",
        "2026-03-20 14:00",
        "2026-10-20 09:00",
        "2026-11-20 00:00",
        "2026-11-20 23:30",
        "2026-03-29 01:30",
        "2026-10-25 02:30",
    ];
    for treated in treatments {
        // No treatment recorded: both documents are laid out as if treated at --now.
        let p = Patient::new();
        let days = p.json(treated, &["plan", "--json"]);
        let windows = p.json(treated, &["plan", "--json", "--windows"]);
        assert_eq!(windows["treatment"], days["treatment"], "{treated}");
        let all = array(&days["days"]);
        assert_eq!(windows["first_day"], all[0]["day"], "{treated}");
        assert_eq!(windows["last_day"], all[all.len() - 1]["day"], "{treated}");
        assert_eq!(windows["first_date"], all[0]["date"], "{treated}");
        assert_eq!(
            windows["last_date"],
            all[all.len() - 1]["date"],
            "{treated}"
        );
        let (listed, derived) = (listed(&days), derived(&windows));
        for (what, (l, d)) in ["tasks", "phases", "warnings"]
            .into_iter()
            .zip(listed.iter().zip(&derived))
        {
            assert_eq!(
                l.difference(d).collect::<Vec<_>>(),
                Vec::<&(String, i64)>::new(),
                "{treated}: {what} listed by day but outside their windows"
            );
            assert_eq!(
                d.difference(l).collect::<Vec<_>>(),
                Vec::<&(String, i64)>::new(),
                "{treated}: {what} inside their windows but not listed by day"
            );
        }
    }
}

#[test]
fn windows_list_each_rule_once_with_its_window() {
    let p = Patient::treated();
    let plan = p.json(DAY3, &["plan", "--json", "--windows"]);
    assert_eq!(plan["treatment"], "2026-11-20T14:00:00+01:00");
    assert_eq!(plan["recorded"], true);
    assert_eq!(
        (plan["first_day"].as_i64(), plan["last_day"].as_i64()),
        (Some(-6), Some(43))
    );
    let rules = array(&plan["rules"]);
    let ids: BTreeSet<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), rules.len(), "each rule once");
    let makeup = rules.iter().find(|r| r["id"] == "no-makeup").unwrap();
    assert_eq!(makeup["kind"], "avoid");
    assert_eq!(makeup["starts"], "2026-11-20T14:00:00+01:00");
    assert_eq!(makeup["ends"], "2026-11-22T14:00:00+01:00");
    assert_eq!(
        (makeup["first_day"].as_i64(), makeup["last_day"].as_i64()),
        (Some(1), Some(3))
    );
    assert!(makeup.get("slots").is_none());
    assert!(!makeup["rationale"].as_str().unwrap().is_empty());
    // Preparation ends on Day 0 though its window closes at 14:00 on Day 1.
    let prep = rules
        .iter()
        .find(|r| r["id"] == "before-avoid-sun")
        .unwrap();
    assert_eq!(prep["last_day"], 0);
    // Treated at 14:00: the first cleanse is that evening.
    let cleanse = rules.iter().find(|r| r["id"] == "gentle-cleanser").unwrap();
    let slots = array(&cleanse["slots"]);
    assert_eq!(slots[0]["id"], "gentle-cleanser@morning");
    assert_eq!(
        (
            slots[0]["first_day"].as_i64(),
            slots[1]["first_day"].as_i64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(plan["next_session"]["first_day"], 29);
    assert!(!array(&plan["phases"]).is_empty() && !array(&plan["warnings"]).is_empty());
}

#[test]
fn windows_without_a_treatment_are_laid_out_as_if_treated_now() {
    let p = Patient::new();
    let plan = p.json(DAY3, &["plan", "--json", "--windows"]);
    assert_eq!(plan["recorded"], false);
    assert_eq!(plan["treatment"], "2026-11-22T09:00:00+01:00");
    assert!(
        !p.state_file().exists(),
        "showing the plan must not record anything"
    );
}

#[test]
fn windows_is_a_form_of_the_json_only() {
    let p = Patient::treated();
    for (args, message) in [
        (&["plan", "--windows"][..], "--json"),
        (
            &["plan", "--json", "--windows", "--from", "2"][..],
            "cannot be used with",
        ),
        (
            &["plan", "--json", "--windows", "--to", "2"][..],
            "cannot be used with",
        ),
        (
            &["plan", "--markdown", "--windows"][..],
            "cannot be used with",
        ),
    ] {
        p.at(DAY3)
            .args(args)
            .assert()
            .code(2)
            .stderr(contains(message));
    }
}

#[test]
fn help_describes_the_new_flags() {
    let p = Patient::new();
    let out = p.bare().args(["plan", "--help"]).assert().success();
    let help = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for flag in ["--windows", "--from <N>", "--to <N>", "first_day"] {
        assert!(help.contains(flag), "{flag} not in:\n{help}");
    }
}

/// Walk-through after issue 15: the emergency signs left the main screen after Day 15 (their
/// windows were the research's 0–336 h), though a spreading infection can come about three
/// weeks later (C19) and an allergic reaction with any product. Both now last the whole plan
/// (to Day 43, 1008 h) and the fever sign as long as the infection signs (672 h), each saying
/// why in its rationale.
#[test]
fn emergency_signs_last_the_whole_plan_and_fever_as_long_as_infection() {
    let p = Patient::treated();
    let ids = |now: &str, urgency: &str| -> Vec<String> {
        array(&p.today(now)["warnings"])
            .iter()
            .filter(|w| w["urgency"] == urgency)
            .map(|w| w["id"].as_str().unwrap().to_string())
            .collect()
    };
    let emergency = ["allergy-breathing-swallowing", "infection-very-unwell"];
    // Day 16, Day 29 and Day 43 (the plan's last, until 14:00).
    for now in ["2026-12-05 09:00", "2026-12-18 09:00", "2027-01-01 13:00"] {
        assert_eq!(ids(now, "emergency"), emergency, "{now}");
    }
    let calls = |now: &str| ids(now, "call");
    assert!(calls("2026-12-05 09:00").contains(&"fever-or-chills".to_string()));
    assert!(calls("2026-12-18 09:00").contains(&"fever-or-chills".to_string()));
    assert!(!calls("2026-12-19 09:00").contains(&"fever-or-chills".to_string()));
    assert!(!calls("2026-12-19 09:00").contains(&"infection-signs".to_string()));
    // Each widened window says so, and that it awaits a clinician's review.
    let plan: Value =
        serde_json::from_str(&stdout(p.bare().args(["rules", "show", BUILTIN]))).unwrap();
    for id in [
        "allergy-breathing-swallowing",
        "infection-very-unwell",
        "fever-or-chills",
    ] {
        let sign = array(&plan["warnings"])
            .iter()
            .find(|w| w["id"] == id)
            .unwrap();
        let why = sign["rationale"].as_str().unwrap();
        assert!(
            why.contains("widened from the research's 0–336 h"),
            "{id}: {why}"
        );
        assert!(why.contains("awaits a clinician's review"), "{id}: {why}");
    }
}

/// After a 23:30 treatment nothing to do is left on Day 1 (`Plan::is_before_treatment`): the
/// daily tasks and both routines start on Day 2, what to avoid on Day 1, and no entry's days
/// run backwards.
#[test]
fn windows_after_a_late_treatment_start_the_tasks_to_do_on_day_two() {
    let p = Patient::new();
    p.at("2026-11-20 23:30").args(["start"]).assert().success();
    let windows = p.json("2026-11-21 10:00", &["plan", "--json", "--windows"]);
    assert_eq!(windows["recorded"], true);
    let mut entries: Vec<&Value> = Vec::new();
    for rule in array(&windows["rules"]) {
        entries.push(rule);
        entries.extend(rule.get("slots").map(array).into_iter().flatten());
    }
    entries.extend(array(&windows["phases"]));
    entries.extend(array(&windows["warnings"]));
    for entry in &entries {
        if let (Some(first), Some(last)) = (entry["first_day"].as_i64(), entry["last_day"].as_i64())
        {
            assert!(first <= last, "{entry}");
        }
        assert!(entry.get("except_day").is_none(), "{entry}");
    }
    let first_day = |id: &str| {
        entries
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))["first_day"]
            .as_i64()
    };
    for id in [
        "sunscreen-spf30",
        "drink-water",
        "eat-for-healing",
        "gentle-cleanser@morning",
        "gentle-cleanser@evening",
        "moisturize@morning",
        "moisturize@evening",
    ] {
        assert_eq!(first_day(id), Some(2), "{id}");
    }
    // What to avoid holds from the treatment on, and a task done as needed is never missed.
    for id in ["no-makeup", "avoid-direct-sun", "cold-compress"] {
        assert_eq!(first_day(id), Some(1), "{id}");
    }
    // The day-by-day listing agrees: Day 1 holds no task to do that counts.
    let days = p.json("2026-11-21 10:00", &["plan", "--json"]);
    let day_one = array(&days["days"]).iter().find(|d| d["day"] == 1).unwrap();
    let ids: Vec<&str> = array(&day_one["tasks"])
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(
        !ids.contains(&"sunscreen-spf30") && !ids.contains(&"moisturize@evening"),
        "{ids:?}"
    );
    assert_eq!(listed(&days), derived(&windows));
}

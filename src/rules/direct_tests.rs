//! The direct reader accepts a file only when the full checker accepts it and builds the same
//! plan: every field of every kind of entry, given every kind of wrong value, is tried both
//! ways (generated plans, valid and not, in `direct_generated_tests`).

use super::*;
use crate::rules::BUILTIN_JSON;
use crate::rules::fields::{SECTIONS, Table, Ty};
use crate::rules::load::{NoFiles, full};
use serde_json::{Value, json};

/// What each way of reading makes of `text`: the direct reader's plan, and the full
/// checker's plan or its messages.
pub(super) fn both(text: &str) -> (Option<Rules>, Result<Rules, String>) {
    let direct = read(text);
    let full = full(text, "plan.json", &mut NoFiles).map_err(|e| e.to_string());
    (direct, full)
}

/// Fails unless the direct reader agrees with the full checker on `text`.
fn agree(what: &str, text: &str) -> bool {
    match both(text) {
        (Some(direct), Ok(checked)) => {
            assert_eq!(
                direct, checked,
                "{what}: the direct reader built another plan"
            );
            true
        }
        (Some(_), Err(why)) => panic!("{what}: read directly, but the checker says:\n{why}"),
        (None, _) => false,
    }
}

/// The values a field is tried with: every JSON type, and text and numbers that break each
/// kind of field's rules.
fn wrong_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!([]),
        json!(["s001"]),
        json!([1]),
        json!({}),
        json!(""),
        json!(" "),
        json!("x".repeat(2001)),
        json!("Sun\u{202e}screen"),
        json!("Not An Id!"),
        json!("2023-02-29"),
        json!("25:00"),
        json!("emergency"),
        json!("do"),
        json!(-100_000),
        json!(-1),
        json!(0),
        json!(5),
        json!(6),
        json!(1.5),
        json!(100_000),
        json!(u64::MAX),
    ]
}

/// The built-in plan with a clinic, so that the provider's fields are tried too, and only
/// the first two entries of each list of notes and rules, so that thousands of tries are quick.
pub(super) fn base() -> Value {
    let mut plan: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    for list in ["rules", "phases", "warnings", "alerts"] {
        plan[list].as_array_mut().unwrap().truncate(2);
    }
    plan["provider"] = json!({
        "name": "Example Skin Clinic",
        "phone": "+44 20 7946 0000",
        "email": "care@example-clinic.com",
        "web": "https://example-clinic.com",
        "hours": "Mon–Fri 9:00–18:00",
        "out_of_hours": "Call NHS 111."
    });
    plan
}

/// Every object of the plan, by its pointer, with its table: the top level, the provider,
/// the next session, and the first entry of each list (and of a symptom's course).
fn objects(plan: &Value) -> Vec<(String, &'static Table)> {
    let mut out = vec![
        (String::new(), &fields::TOP),
        ("/symptoms/0/expected/0".to_string(), &fields::POINT),
    ];
    // Every object the top level may hold (the clinic, the next session, what comes after
    // the plan...), read from its table: a kind of object added to the format is tried here
    // with no change to this test.
    for field in fields::TOP.fields {
        if let (Ty::Object(table), Some(_)) = (field.ty, plan.get(field.name)) {
            out.push((format!("/{}", field.name), table));
        }
    }
    for (list, table) in SECTIONS {
        out.push((format!("/{list}/0"), table));
    }
    out
}

#[test]
fn the_built_in_plan_and_a_clinics_plan_are_read_directly() {
    assert!(read(BUILTIN_JSON).is_some());
    let plan = serde_json::to_string_pretty(&base()).unwrap();
    assert!(agree("a clinic's plan", &plan));
}

#[test]
fn every_wrong_value_of_every_field_goes_to_the_checker() {
    let plan = base();
    let mut tried = 0;
    for (pointer, table) in objects(&plan) {
        let names: Vec<&str> = table
            .fields
            .iter()
            .map(|f| f.name)
            .chain(["urgency", "colour"])
            .collect();
        for name in names {
            let mut edits: Vec<Option<Value>> = wrong_values().into_iter().map(Some).collect();
            edits.push(None);
            for edit in edits {
                let mut changed = plan.clone();
                let Some(Value::Object(object)) = changed.pointer_mut(&pointer) else {
                    panic!("{pointer}");
                };
                match &edit {
                    Some(value) => object.insert(name.to_string(), value.clone()),
                    None => object.remove(name),
                };
                let text = serde_json::to_string_pretty(&changed).unwrap();
                agree(&format!("{pointer}/{name} = {edit:?}"), &text);
                tried += 1;
            }
        }
    }
    assert!(tried > 2000, "{tried}");
}

#[test]
fn objects_written_as_lists_and_nulls_anywhere_go_to_the_checker() {
    let plan = base();
    for pointer in [
        "/provider",
        "/next_session",
        "/after",
        "/photo_guidance",
        "/rules/0",
        "/symptoms/0/expected/0",
    ] {
        let mut changed = plan.clone();
        let Some(target) = changed.pointer_mut(pointer) else {
            continue;
        };
        let Value::Object(object) = target.take() else {
            panic!("{pointer}");
        };
        *target = Value::Array(object.into_iter().map(|(_, v)| v).collect());
        let text = serde_json::to_string_pretty(&changed).unwrap();
        assert!(
            !agree(pointer, &text),
            "{pointer} as a list was read directly"
        );
    }
    // A list given in full, `null`s included, to the fields in their order.
    let mut changed = plan.clone();
    changed["rules"][0] = json!([
        "sun",
        "Sunscreen",
        "do",
        0,
        null,
        48,
        null,
        "daily",
        null,
        "Why.",
        null,
        ["s001"]
    ]);
    let text = serde_json::to_string_pretty(&changed).unwrap();
    assert!(!agree("a rule as a full list", &text));
}

#[test]
fn whole_plan_mistakes_go_to_the_checker() {
    let first_id = r#""id": "before-no-exfoliants""#;
    let edits = [
        ("format 1", r#""format": 2"#, r#""format": 1"#.to_string()),
        (
            "a field twice",
            first_id,
            format!(r#""id": "x", {first_id}"#),
        ),
        (
            "extends",
            r#""format": 2"#,
            r#""format": 2, "extends": "builtin""#.into(),
        ),
        (
            "remove",
            r#""format": 2"#,
            r#""format": 2, "remove": {}"#.into(),
        ),
    ];
    for (what, from, to) in edits {
        assert!(BUILTIN_JSON.contains(from), "{from}");
        let text = BUILTIN_JSON.replacen(from, &to, 1);
        assert!(!agree(what, &text), "{what} was read directly");
    }
    let mut plan = base();
    // Ids twice, windows that close before they open, a source nobody has, no rules.
    let rule = plan["rules"][0].clone();
    let mut twice = plan.clone();
    twice["rules"].as_array_mut().unwrap().push(rule.clone());
    let mut backwards = plan.clone();
    backwards["rules"][0]["until_hours"] = json!(-48);
    backwards["rules"][0]["from_hours"] = json!(0);
    backwards["rules"][0]
        .as_object_mut()
        .unwrap()
        .remove("until_day");
    backwards["rules"][0]
        .as_object_mut()
        .unwrap()
        .remove("from_day");
    let mut cites = plan.clone();
    cites["rules"][0]["sources"] = json!(["s999"]);
    plan["rules"] = json!([]);
    for (what, changed) in [
        ("an id twice", twice),
        ("a window backwards", backwards),
        ("a source nobody has", cites),
        ("no rules", plan),
    ] {
        let text = serde_json::to_string_pretty(&changed).unwrap();
        assert!(!agree(what, &text), "{what} was read directly");
    }
}

//! Generated plans (proptest), valid and not, are read directly exactly when the full
//! checker accepts them, and into the same plan.

use super::tests::{base, both};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// A window's two ends, each in hours or in days; most open before they close, and the mixed
/// ones sometimes do not.
fn window() -> impl Strategy<Value = [(&'static str, i64); 2]> {
    prop_oneof![
        (-72i64..400, 1i64..400).prop_map(|(a, k)| [("from_hours", a), ("until_hours", a + k)]),
        (-3i64..30, 0i64..30).prop_map(|(a, k)| [("from_day", a), ("until_day", a + k)]),
        (-72i64..400, -2i64..20)
            .prop_map(|(h, k)| [("from_hours", h), ("until_day", h.div_euclid(24) + 2 + k)]),
        (-3i64..30, -30i64..300).prop_map(|(d, k)| [("from_day", d), ("until_hours", d * 24 + k)]),
    ]
}

/// Text a clinic might write (accents, dashes, quotes), never blank.
fn words(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[A-Za-zü][A-Za-z0-9 ,.'\"ü–-]{{0,{max}}}"))
        .expect("a valid pattern")
}

fn cited(known: Vec<String>) -> impl Strategy<Value = Vec<String>> {
    proptest::sample::subsequence(known, 1..=3)
}

/// A rule with every field drawn (`as_needed` too), the optional ones given or not; one in
/// ten breaks where `at` and `lifted` may be.
fn rule(known: Vec<String>) -> impl Strategy<Value = Value> {
    let repeat = prop_oneof![Just("once"), Just("daily"), Just("morning_and_evening")];
    (
        (words(30), prop_oneof![Just("do"), Just("avoid")], window()),
        proptest::option::of(repeat),
        proptest::option::of("(0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]"),
        proptest::option::of(words(20)),
        (
            words(80),
            cited(known),
            proptest::bool::weighted(0.1),
            proptest::option::of(any::<bool>()),
        ),
    )
        .prop_map(
            |(
                (title, kind, window),
                repeat,
                at,
                lifted,
                (rationale, sources, mistake, as_needed),
            )| {
                // Mostly `at` only on tasks to do, not twice a day, and `lifted` only on avoid rules.
                let (at, lifted) = match (mistake, kind, repeat) {
                    (true, _, _) => (at, lifted),
                    (false, "avoid", _) => (None, lifted),
                    (false, _, Some("morning_and_evening")) => (None, None),
                    (false, _, _) => (at, None),
                };
                let mut rule = json!({
                    "title": title, "kind": kind, "rationale": rationale, "sources": sources,
                });
                let fields = rule.as_object_mut().expect("an object");
                for (name, value) in window {
                    fields.insert(name.into(), json!(value));
                }
                if let Some(as_needed) = as_needed {
                    fields.insert("as_needed".into(), json!(as_needed));
                }
                for (name, value) in [
                    ("repeat", repeat.map(String::from)),
                    ("at", at),
                    ("lifted", lifted),
                ] {
                    if let Some(value) = value {
                        fields.insert(name.into(), json!(value));
                    }
                }
                rule
            },
        )
}

/// A warning sign, with or without its urgency.
fn warning(known: Vec<String>) -> impl Strategy<Value = Value> {
    let urgency = prop_oneof![Just("emergency"), Just("call"), Just("mention")];
    (
        words(30),
        words(120),
        proptest::option::of(urgency),
        window(),
        cited(known),
    )
        .prop_map(|(title, detail, urgency, window, sources)| {
            let mut note = Map::new();
            note.insert("title".into(), json!(title));
            note.insert("detail".into(), json!(detail));
            if let Some(urgency) = urgency {
                note.insert("urgency".into(), json!(urgency));
            }
            for (name, value) in window {
                note.insert(name.into(), json!(value));
            }
            note.insert("sources".into(), json!(sources));
            Value::Object(note)
        })
}

/// `base()` with generated rules and warning signs added (ids numbered, so mostly unique),
/// and the clinic's optional contact details given or not.
fn generated_plan() -> impl Strategy<Value = String> {
    let plan = base();
    let known: Vec<String> = plan["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["id"].as_str().expect("an id").to_string())
        .collect();
    (
        proptest::collection::vec(rule(known.clone()), 0..6),
        proptest::collection::vec(warning(known), 0..4),
        proptest::sample::subsequence(vec!["phone", "email", "web", "hours"], 1..=4),
        any::<bool>(),
    )
        .prop_map(move |(rules, warnings, contact, next_session)| {
            let mut plan = plan.clone();
            for (list, entries) in [("rules", rules), ("warnings", warnings)] {
                let to = plan[list].as_array_mut().expect("a list");
                for (i, mut entry) in entries.into_iter().enumerate() {
                    entry["id"] = json!(format!("gen-{i}"));
                    to.push(entry);
                }
            }
            let provider = plan["provider"].as_object_mut().expect("a clinic");
            provider.retain(|name, _| {
                name == "name" || name == "out_of_hours" || contact.contains(&name.as_str())
            });
            if !next_session {
                plan.as_object_mut().expect("a plan").remove("next_session");
            }
            serde_json::to_string_pretty(&plan).expect("JSON")
        })
}

proptest! {
    /// A whole plan in the newest format with no `null` is read directly exactly when the
    /// full checker accepts it, and then into the same plan.
    #[test]
    fn generated_plans_are_read_directly_exactly_when_the_checker_accepts_them(
        text in generated_plan()
    ) {
        let (direct, checked) = both(&text);
        match (direct, checked) {
            (Some(direct), Ok(checked)) => prop_assert_eq!(direct, checked),
            (None, Err(_)) => {}
            (Some(_), Err(why)) => prop_assert!(false, "read directly, but the checker says:\n{}", why),
            (None, Ok(_)) => prop_assert!(false, "the checker accepts it, the direct reader does not"),
        }
    }
}

//! The JSON Schema in assets/ is generated from the Rust types and the format's field table;
//! this keeps the two in step, and measures how much of what the app refuses the schema
//! refuses too. Run with UPDATE_SCHEMA=1 to rewrite the file after changing the types.

mod rules_corpus_common;

use aftercare::rules::{BUILTIN_JSON, Rules, json_schema};
use rules_corpus_common::corpus;
use serde_json::Value;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/rules.schema.json");

#[test]
fn the_shipped_schema_matches_the_rules_types() {
    let generated = serde_json::to_string_pretty(&json_schema()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap();
    }
    let shipped = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        shipped == generated,
        "assets/rules.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&json_schema()).expect("the schema is valid JSON Schema")
}

#[test]
fn the_builtin_plan_and_the_examples_pass_the_schema() {
    let validator = validator();
    let builtin: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&builtin)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Of the malformed files the app refuses, how many the schema refuses too. Files that are
/// not JSON at all (syntax, encoding) are left out: no schema can judge them. What the schema
/// cannot say (ids unique, references that exist, windows that open before they close) is
/// the rest, counted and named here; it was 23 passing of 58 before the schema was made
/// strict.
#[test]
fn the_schema_refuses_what_the_app_refuses_where_json_schema_can_say_it() {
    let validator = validator();
    let mut json = 0;
    let mut passing = Vec::new();
    for (name, bytes, _) in corpus() {
        assert!(
            Rules::from_bytes(&bytes, "clinic.json").is_err(),
            "{name} was accepted"
        );
        let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
            continue;
        };
        json += 1;
        if validator.is_valid(&value) {
            passing.push(name);
        }
    }
    println!(
        "schema: {} of {json} malformed JSON files the app refuses pass the schema: {passing:?}",
        passing.len()
    );
    // Only what JSON Schema has no words for.
    let beyond_schema = [
        "inverted window",
        "empty window",
        "duplicate rule id",
        "missing source",
        "mistyped source id",
        "unknown alert symptom",
        "duplicate warning id",
        "days out of order",
        "mixed window empty",
        "expected course backwards",
        "duplicate key",
        "extends a file nobody can read",
        "extending with a broken rule",
        "removal of an unknown id",
        "removed source still cited",
    ];
    for name in &passing {
        assert!(beyond_schema.contains(name), "{name} passes the schema");
    }
}

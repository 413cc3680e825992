//! The JSON Schema in assets/ is generated from the Rust types; this keeps the two in step.
//! Run with UPDATE_SCHEMA=1 to rewrite the file after changing the types.

use aftercare::rules::Rules;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/rules.schema.json");

#[test]
fn the_shipped_schema_matches_the_rules_types() {
    let schema = schemars::schema_for!(Rules);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap();
    }
    let shipped = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        shipped == generated,
        "assets/rules.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

//! Fields a newer build wrote are kept byte for byte through every save (issue 16, item 8).

use super::safety_tests::{T1, at, tick};
use super::*;
use std::fs;

/// Fields a newer build wrote, in the spacing it wrote them.
const NEWER_FIELDS: [(&str, &str); 6] = [
    (
        "big",
        "123456789012345678901234567890123456789012345678901234567890",
    ),
    ("tiny", "0.1000000000000000000000000000001"),
    ("huge", "1e400"),
    ("negative_zero", "-0.0"),
    ("text", r#""caf\u00e9 \ud83d\ude00""#),
    ("nested", r#"{ "n": 1.50, "list": [ 1E2, true, null ] }"#),
];

#[test]
fn fields_of_a_newer_build_survive_every_save_byte_for_byte() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let fields = |indent: &str| {
        NEWER_FIELDS
            .iter()
            .map(|(k, v)| format!("{indent}\"{k}\": {v}"))
            .collect::<Vec<_>>()
            .join(",\n")
    };
    let text = format!(
        "{{\n\"format\": 1,\n{},\n\"sessions\": [{{\"at\": \"{T1}\",\n{},\n\"checkins\": {{\"2026-11-21\": {{\"ratings\": {{}},\n{}}}}}}}]}}",
        fields(""),
        fields(""),
        fields("")
    );
    fs::write(store.path(), &text).unwrap();
    const SAVES: usize = 20;
    for i in 0..SAVES {
        let change = if i % 2 == 0 {
            tick(&format!("task-{i}"))
        } else {
            Change::CheckIn {
                session: at(T1),
                date: "2026-11-21".parse().unwrap(),
                patch: CheckInPatch {
                    ratings: [("redness".to_string(), (i % 6) as u8)].into(),
                    note: Some(format!("save {i}")),
                },
            }
        };
        assert!(store.save(&change).unwrap().changed);
    }
    let saved = fs::read_to_string(store.path()).unwrap();
    for (key, value) in NEWER_FIELDS {
        // At the top level, in the session and in the check-in.
        let kept = saved.matches(&format!("\"{key}\": {value}")).count();
        assert_eq!(kept, 3, "{key} after {SAVES} saves:\n{saved}");
    }
}

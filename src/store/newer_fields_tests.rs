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
                    at: None,
                    ..Default::default()
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

#[test]
fn each_record_reads_its_fields_once_requires_its_own_and_defaults_the_rest() {
    let session = format!(r#"{{"at": "{T1}"}}"#);
    let state = |sessions: &str| format!(r#"{{"format": 1, "sessions": [{sessions}]}}"#);
    let photo = r#""sha256": "ab", "format": "jpeg", "added": "2026-11-21T10:00:00+01:00""#;
    let with_photo = |fields: &str| {
        let session = format!(r#"{{"at": "{T1}", "photos": {{"2026-11-21": [{{{fields}}}]}}}}"#);
        state(&session)
    };
    let cases = [
        (state(&session), None),
        (
            r#"{"sessions": []}"#.to_string(),
            Some("missing field `format`"),
        ),
        (
            r#"{"format": 1, "format": 1}"#.to_string(),
            Some("duplicate field `format`"),
        ),
        (state("{}"), Some("missing field `at`")),
        (state(r#"{"at": 1}"#), Some("expected")),
        (state("[]"), Some("expected a treatment (a JSON object)")),
        (
            state(&format!(r#"{{"at": "{T1}", "plan": {{"name": "x"}}}}"#)),
            Some("missing field `sha256`"),
        ),
        (
            state(&format!(
                r#"{{"at": "{T1}", "plan": null, "recorded": null}}"#
            )),
            None,
        ),
        (with_photo(photo), None),
        (
            with_photo(r#""sha256": "ab", "format": "jpeg""#),
            Some("missing field `added`"),
        ),
        (
            with_photo(&format!(r#"{photo}, "note": "a", "note": "b""#)),
            Some("duplicate field `note`"),
        ),
        (
            format!(r#"{{"format": 1, "removed": [{{"removed": "{T1}"}}]}}"#),
            Some("missing field `session`"),
        ),
    ];
    for (text, error) in cases {
        let read = serde_json::from_str::<State>(&text);
        match error {
            None => assert!(read.is_ok(), "{text}: {read:?}"),
            Some(words) => {
                let err = read.expect_err(&text).to_string();
                assert!(err.contains(words), "{text}: {err}");
            }
        }
    }
}

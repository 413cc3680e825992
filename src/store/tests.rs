//! The state model and its file: round trips, unknown data kept, bad files refused.

use super::*;
use chrono::DateTime;
use std::fs;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn tick(session: &str, date: &str, task: &str) -> Change {
    Change::Tick {
        session: at(session),
        date: date.parse().unwrap(),
        task: task.into(),
    }
}

const T1: &str = "2026-11-20T14:00:00+01:00";

#[test]
fn a_missing_file_means_an_empty_state() {
    let dir = private_tempdir();
    let store = Store::new(dir.path().join("nested/data"));
    assert_eq!(store.load().unwrap(), State::default());
    assert!(!store.path().exists());
}

#[test]
fn changes_round_trip_through_the_file() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    store.apply(&Change::AddSession { at: at(T1) }).unwrap();
    store.apply(&tick(T1, "2026-11-20", "no-makeup")).unwrap();
    store
        .apply(&tick(T1, "2026-11-21", "cleanse@morning"))
        .unwrap();
    let saved = store.apply(&tick(T1, "2026-11-21", "spf")).unwrap();
    let loaded = Store::new(dir.path()).load().unwrap();
    assert_eq!(loaded, saved);
    let session = loaded
        .current_session(at("2026-11-21T10:00:00+01:00"))
        .unwrap();
    assert!(session.is_ticked("2026-11-21".parse().unwrap(), "spf"));
    assert!(!session.is_ticked("2026-11-20".parse().unwrap(), "spf"));
    store
        .apply(&Change::Untick {
            session: at(T1),
            date: "2026-11-20".parse().unwrap(),
            task: "no-makeup".into(),
        })
        .unwrap();
    let loaded = store.load().unwrap();
    // An emptied day is dropped rather than kept as an empty list.
    assert_eq!(loaded.sessions[0].ticks.len(), 1);
}

#[test]
fn the_file_is_sorted_and_readable() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    store.apply(&Change::AddSession { at: at(T1) }).unwrap();
    store.apply(&tick(T1, "2026-11-21", "b")).unwrap();
    store.apply(&tick(T1, "2026-11-20", "z")).unwrap();
    store.apply(&tick(T1, "2026-11-20", "a")).unwrap();
    let text = fs::read_to_string(store.path()).unwrap();
    let expected = r#"{
  "format": 1,
  "sessions": [
    {
      "at": "2026-11-20T14:00:00+01:00",
      "ticks": {
        "2026-11-20": [
          "a",
          "z"
        ],
        "2026-11-21": [
          "b"
        ]
      }
    }
  ]
}
"#;
    assert_eq!(text, expected);
}

#[test]
fn ids_the_rules_no_longer_know_and_fields_from_newer_builds_are_kept() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let old = r#"{"format": 1, "journal": {"x": 1},
        "sessions": [{"at": "2026-11-20T14:00:00+01:00", "mood": "ok",
                      "ticks": {"2026-11-20": ["renamed-rule"]}}]}"#;
    fs::write(store.path(), old).unwrap();
    store.apply(&tick(T1, "2026-11-20", "spf")).unwrap();
    let state = store.load().unwrap();
    assert_eq!(state.other["journal"].get(), r#"{"x": 1}"#);
    assert_eq!(state.sessions[0].other["mood"].get(), r#""ok""#);
    let ticks: Vec<&str> = state.sessions[0]
        .ticks
        .values()
        .flatten()
        .map(String::as_str)
        .collect();
    assert_eq!(ticks, ["renamed-rule", "spf"]);
}

#[test]
fn a_damaged_or_newer_file_is_reported_and_never_overwritten() {
    let cases: [(&str, &[u8]); 5] = [
        ("truncated", br#"{"format": 1, "sessions": [{"at": "#),
        ("empty", b""),
        ("wrong type", br#"{"format": 1, "sessions": {"a": 1}}"#),
        ("garbage", &[0xff, 0x00, 0x13]),
        (
            "newer",
            br#"{"format": 99, "sessions": "a shape we do not know"}"#,
        ),
    ];
    for (name, bytes) in cases {
        let dir = private_tempdir();
        let store = Store::new(dir.path());
        fs::write(store.path(), bytes).unwrap();
        let err = store.apply(&Change::AddSession { at: at(T1) }).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("state.json"), "{name}: {message}");
        if name == "newer" {
            assert!(
                matches!(err, StoreError::NewerFormat { found: 99, .. }),
                "{name}"
            );
        } else {
            assert!(matches!(err, StoreError::Corrupt { .. }), "{name}: {err:?}");
        }
        assert_eq!(fs::read(store.path()).unwrap(), bytes, "{name}");
    }
}

#[test]
fn a_wrong_field_is_located() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    fs::write(
        store.path(),
        "{\n  \"format\": 1,\n  \"sessions\": [{\"at\": \"yesterday\"}]\n}",
    )
    .unwrap();
    match store.load().unwrap_err() {
        StoreError::Corrupt { line, .. } => assert_eq!(line, 3),
        other => panic!("{other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn the_data_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = private_tempdir();
    let store = Store::new(dir.path().join("data"));
    store.apply(&Change::AddSession { at: at(T1) }).unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&store.path()), 0o600);
    // No temporary files are left behind.
    let names: Vec<String> = fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn sessions_are_kept_in_order_and_the_current_one_is_found() {
    let mut state = State::default();
    let t2 = at("2026-12-20T10:00:00+01:00");
    assert_eq!(state.apply(&Change::AddSession { at: t2 }), Ok(true));
    assert_eq!(state.apply(&Change::AddSession { at: at(T1) }), Ok(true));
    // The same instant in another offset is the same treatment.
    assert_eq!(
        state.apply(&Change::AddSession {
            at: at("2026-11-20T13:00:00Z")
        }),
        Ok(false)
    );
    assert_eq!(state.sessions[0].at, at(T1));
    assert_eq!(
        state
            .current_session(at("2026-11-01T00:00:00Z"))
            .unwrap()
            .at,
        at(T1)
    );
    assert_eq!(
        state
            .current_session(at("2026-12-01T00:00:00Z"))
            .unwrap()
            .at,
        at(T1)
    );
    assert_eq!(
        state
            .current_session(at("2026-12-21T00:00:00Z"))
            .unwrap()
            .at,
        t2
    );
    // Ticks for a session that does not exist are refused.
    let gone = at("2020-01-01T00:00:00Z");
    assert_eq!(
        state.apply(&tick("2020-01-01T00:00:00Z", "2020-01-01", "x")),
        Err(Conflict::NoSession(gone))
    );
    assert_eq!(state.apply(&tick(T1, "2026-11-20", "x")), Ok(true));
    assert_eq!(state.apply(&tick(T1, "2026-11-20", "x")), Ok(false));
    // Moving the latest treatment keeps its tick-offs.
    let moved = at("2026-12-19T14:00:00+01:00");
    assert_eq!(
        state.apply(&Change::ReplaceLatest {
            from: Some(t2),
            to: moved,
            plan: None,
            recorded: moved,
        }),
        Ok(true)
    );
    assert_eq!(state.sessions.last().unwrap().at, moved);
}

#[test]
fn a_file_from_before_check_ins_loads_and_gains_them() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    let old = include_str!("../../tests/fixtures/state/v1-before-checkins.json");
    fs::write(store.path(), old).unwrap();
    let state = store.load().unwrap();
    assert_eq!(
        state.sessions[0]
            .ticks
            .values()
            .map(|t| t.len())
            .sum::<usize>(),
        3
    );
    assert!(state.sessions[0].checkins.is_empty());
    let patch = CheckInPatch {
        ratings: [("redness".to_string(), 2)].into(),
        note: Some("a bit warm".into()),
        at: None,
        ..Default::default()
    };
    let date: NaiveDate = "2026-11-21".parse().unwrap();
    let change = Change::CheckIn {
        session: at(T1),
        date,
        patch,
    };
    store.apply(&change).unwrap();
    let state = store.load().unwrap();
    let checkin = &state.sessions[0].checkins[&date];
    assert_eq!(checkin.ratings["redness"], 2);
    assert_eq!(checkin.note, "a bit warm");
    // Saving the same check-in again changes nothing.
    assert!(!store.save(&change).unwrap().changed);
}

//! Removing a treatment keeps it aside, with everything done after it, and restoring brings
//! it back as it was; both go through the lock like any change, and old files load.

use super::*;
use chrono::DateTime;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

const T1: &str = "2026-11-20T14:00:00+01:00";
const TYPO: &str = "2026-11-20T15:00:00+01:00";
const NOW: &str = "2026-11-22T09:00:00+01:00";

fn tick(session: &str, task: &str) -> Change {
    Change::Tick {
        session: at(session),
        date: "2026-11-21".parse().unwrap(),
        task: task.into(),
    }
}

#[test]
fn a_removed_treatment_is_kept_aside_with_its_ticks_and_restored_as_it_was() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    store.apply(&Change::AddSession { at: at(T1) }).unwrap();
    store.apply(&Change::AddSession { at: at(TYPO) }).unwrap();
    store.apply(&tick(TYPO, "spf")).unwrap();
    let before = store.load().unwrap().sessions[1].clone();
    let remove = Change::RemoveSession {
        at: at(TYPO),
        removed: at(NOW),
    };
    let saved = store.save(&remove).unwrap();
    assert!(saved.changed);
    let sessions: Vec<_> = saved.state.sessions.iter().map(|s| s.at).collect();
    assert_eq!(sessions, [at(T1)]);
    assert_eq!(saved.state.removed.len(), 1);
    assert_eq!(saved.state.removed[0].session, before);
    assert_eq!(saved.state.removed[0].removed, at(NOW));
    // On disk, and read back the same.
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.contains("\"removed\""), "{text}");
    assert_eq!(store.load().unwrap(), saved.state);
    // Removing it again names a treatment no longer recorded: refused, nothing written.
    assert!(matches!(
        store.save(&remove),
        Err(StoreError::Conflict(Conflict::NoSession(_)))
    ));
    let restored = store
        .save(&Change::RestoreSession { at: at(TYPO) })
        .unwrap();
    assert!(restored.state.removed.is_empty());
    assert_eq!(restored.state.sessions[1], before);
    assert!(matches!(
        store.save(&Change::RestoreSession { at: at(TYPO) }),
        Err(StoreError::Conflict(Conflict::NotRemoved(_)))
    ));
}

#[test]
fn a_treatment_recorded_since_at_that_moment_is_not_overwritten_by_a_restore() {
    let mut state = State::default();
    state.apply(&Change::AddSession { at: at(T1) }).unwrap();
    state.apply(&tick(T1, "spf")).unwrap();
    let remove = Change::RemoveSession {
        at: at(T1),
        removed: at(NOW),
    };
    assert_eq!(state.apply(&remove), Ok(true));
    state.apply(&Change::AddSession { at: at(T1) }).unwrap();
    let restore = Change::RestoreSession { at: at(T1) };
    assert_eq!(
        state.apply(&restore),
        Err(Conflict::AlreadyRecorded(at(T1)))
    );
    assert!(state.sessions[0].ticks.is_empty());
    assert_eq!(state.removed.len(), 1);
}

#[test]
fn when_a_treatment_was_recorded_is_kept_and_older_files_load_without_it() {
    let mut state = State::default();
    let copy = PlanCopy::of(&crate::rules::Rules::builtin().unwrap());
    let add = Change::AddSessionFollowing {
        at: at(T1),
        plan: copy.clone(),
        recorded: at(NOW),
    };
    state.apply(&add).unwrap();
    assert_eq!(state.sessions[0].recorded, Some(at(NOW)));
    // Moving a treatment keeps when the app first knew of it.
    let moved = Change::ReplaceLatest {
        from: Some(at(T1)),
        to: at(TYPO),
        plan: Some(copy),
        recorded: at("2026-11-23T09:00:00+01:00"),
    };
    state.apply(&moved).unwrap();
    assert_eq!(state.sessions[0].recorded, Some(at(NOW)));
    let text = serde_json::to_string(&state).unwrap();
    let read: State = serde_json::from_str(&text).unwrap();
    assert_eq!(read, state);
    let old = r#"{"format":1,"sessions":[{"at":"2026-11-20T14:00:00+01:00","ticks":{}}]}"#;
    let read: State = serde_json::from_str(old).unwrap();
    assert_eq!(read.sessions[0].recorded, None);
    assert!(read.removed.is_empty());
}

//! Reading and writing `reminders.json`: across holds, for another treatment, damaged and
//! newer files.

use super::*;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

#[test]
fn remembers_across_holds_and_starts_afresh_for_another_treatment() {
    let dir = tempfile::tempdir().unwrap();
    let memory = Memory::new(dir.path().join("data"));
    let first = at("2026-11-20T14:00:00+01:00");
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    {
        let mut held = memory.hold().unwrap();
        held.notified.for_session(first);
        held.notified
            .tasks
            .entry(day)
            .or_default()
            .insert("spf".into());
        held.notified.notices.insert("no-makeup.lifted".into());
        held.save().unwrap();
    }
    let mut held = memory.hold().unwrap();
    assert!(held.notified.task_notified(day, "spf"));
    assert!(held.notified.notice_notified("no-makeup.lifted"));
    held.notified.for_session(first);
    assert!(
        held.notified.task_notified(day, "spf"),
        "same treatment: kept"
    );
    held.notified.forget_before(day.succ_opt().unwrap());
    assert!(!held.notified.task_notified(day, "spf"));
    held.notified.for_session(at("2026-12-20T14:00:00+01:00"));
    assert!(!held.notified.notice_notified("no-makeup.lifted"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(memory.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_damaged_file_is_moved_aside_and_a_newer_one_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let memory = Memory::new(dir.path());
    fs::write(memory.path(), "{\"format\": 1, \"tasks\": [").unwrap();
    let held = memory.hold().unwrap();
    let aside = held.set_aside.clone().unwrap();
    assert_eq!(aside, dir.path().join("reminders.json.damaged-1"));
    assert_eq!(
        fs::read_to_string(&aside).unwrap(),
        "{\"format\": 1, \"tasks\": ["
    );
    assert_eq!(held.notified, Notified::default());
    drop(held);
    fs::write(memory.path(), "{\"format\": 9}").unwrap();
    let err = memory.hold().unwrap_err().to_string();
    assert!(err.contains("newer aftercare (format 9"), "{err}");
    assert_eq!(
        fs::read_to_string(memory.path()).unwrap(),
        "{\"format\": 9}"
    );
}

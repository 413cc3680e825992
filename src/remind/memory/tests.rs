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

#[cfg(unix)]
#[test]
fn links_pipes_and_huge_files_are_refused_unread_and_left_alone() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let memory = Memory::new(dir.path());
    let elsewhere = dir.path().join("elsewhere.json");
    fs::write(&elsewhere, "{\"format\": 1}").unwrap();
    symlink(&elsewhere, memory.path()).unwrap();
    let err = memory.hold().unwrap_err().to_string();
    assert!(err.ends_with("reminders.json is a symbolic link, not aftercare's record of reminders; it was left as it is: move it away (aftercare never reads or writes its files through links, pipes or devices)"), "{err}");
    fs::remove_file(memory.path()).unwrap();
    // A FIFO would make every run wait for a writer.
    let status = std::process::Command::new("mkfifo")
        .arg(memory.path())
        .status()
        .unwrap();
    assert!(status.success());
    let err = memory.hold().unwrap_err().to_string();
    assert!(
        err.contains("reminders.json is a FIFO (named pipe), not"),
        "{err}"
    );
    fs::remove_file(memory.path()).unwrap();
    fs::write(memory.path(), vec![b' '; 2 << 20]).unwrap();
    let err = memory.hold().unwrap_err().to_string();
    assert!(
        err.contains("is 2097152 bytes, far more than such a record holds"),
        "{err}"
    );
    fs::remove_file(memory.path()).unwrap();
    // The lock file too.
    fs::remove_file(dir.path().join("reminders.lock")).unwrap();
    symlink(&elsewhere, dir.path().join("reminders.lock")).unwrap();
    let err = memory.hold().unwrap_err().to_string();
    assert!(err.contains("reminders.lock is a symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "{\"format\": 1}");
}

//! Opening a damaged, newer or unreadable state file: each case keeps the original bytes.

use super::*;
use chrono::DateTime;
use std::fs;
use std::path::Path;

const NOW: &str = "2026-11-22T09:05:07+01:00";
const ASIDE: &str = "state.json.damaged-20261122-090507";

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(NOW).unwrap()
}

fn store_with(bytes: &[u8]) -> (tempfile::TempDir, Store) {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    fs::write(store.path(), bytes).unwrap();
    (dir, store)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn empty_cut_short_and_invalid_files_are_moved_aside_byte_for_byte() {
    let cases: [(&[u8], Damage); 5] = [
        (b"", Damage::Empty),
        (b"  \n", Damage::Empty),
        (
            br#"{"format": 1, "sessions": [{"at": "#,
            Damage::CutShort {
                line: 1,
                column: 34,
            },
        ),
        (
            b"{\"format\": 1,\n \"sessions\": {\"a\": 1}}",
            Damage::Invalid {
                line: 2,
                column: 13,
                message: "invalid type: map, expected a sequence".into(),
            },
        ),
        (
            &[0xff, 0x00, 0x13],
            Damage::Invalid {
                line: 1,
                column: 1,
                message: "expected value".into(),
            },
        ),
    ];
    for (bytes, want) in cases {
        let (dir, store) = store_with(bytes);
        let opened = store.open(now()).unwrap();
        assert_eq!(opened.state, State::default());
        let to = dir.path().join(ASIDE);
        assert_eq!(
            opened.notice,
            Some(Notice::MovedAside {
                to: to.clone(),
                damage: want
            })
        );
        assert_eq!(fs::read(&to).unwrap(), bytes);
        assert!(!store.path().exists());
        // The fresh start saves normally; the moved-aside bytes stay as they were.
        store.apply(&Change::AddSession { at: now() }).unwrap();
        assert_eq!(fs::read(&to).unwrap(), bytes);
    }
}

#[test]
fn a_second_damaged_file_in_the_same_second_gets_its_own_name() {
    let (dir, store) = store_with(b"first");
    store.open(now()).unwrap();
    fs::write(store.path(), b"second").unwrap();
    let opened = store.open(now()).unwrap();
    let second = dir.path().join(format!("{ASIDE}-2"));
    assert!(matches!(opened.notice, Some(Notice::MovedAside { ref to, .. }) if *to == second));
    assert_eq!(fs::read(dir.path().join(ASIDE)).unwrap(), b"first");
    assert_eq!(fs::read(second).unwrap(), b"second");
}

#[test]
fn a_newer_file_is_shown_read_only_and_never_written() {
    let newer = br#"{"format": 2, "sessions": [{"at": "2026-11-20T14:00:00+01:00",
        "ticks": {"2026-11-21": ["spf"]}, "videos": ["a.mp4"]}], "journal": {}}"#;
    let (dir, store) = store_with(newer);
    let opened = store.open(now()).unwrap();
    assert_eq!(
        opened.notice,
        Some(Notice::ReadOnly {
            path: store.path(),
            found: 2
        })
    );
    // What this build understands is shown.
    assert_eq!(opened.state.sessions.len(), 1);
    assert!(
        opened.state.sessions[0].is_ticked("2026-11-21".parse().unwrap(), "spf"),
        "{:?}",
        opened.state
    );
    let at = opened.state.sessions[0].at;
    let tick = Change::Tick {
        session: at,
        date: "2026-11-22".parse().unwrap(),
        task: "spf".into(),
    };
    assert!(matches!(
        store.apply(&tick),
        Err(StoreError::NewerFormat { found: 2, .. })
    ));
    assert_eq!(fs::read(store.path()).unwrap(), newer);
    // A shape this build cannot read at all opens empty, still read-only.
    fs::write(store.path(), br#"{"format": 3, "sessions": "elsewhere"}"#).unwrap();
    let opened = store.open(now()).unwrap();
    assert_eq!(opened.state.sessions, []);
    assert!(matches!(
        opened.notice,
        Some(Notice::ReadOnly { found: 3, .. })
    ));
    assert!(names(dir.path()).iter().all(|n| !n.contains("damaged")));
}

#[test]
fn an_unreadable_file_is_an_error_and_stays_where_it_is() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    // A directory where the file should be cannot be read, even by root.
    fs::create_dir(store.path()).unwrap();
    fs::write(store.path().join("keep"), b"x").unwrap();
    let err = store.open(now()).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotAFile {
                kind: "a directory",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("state.json"), "{err}");
    assert_eq!(fs::read(store.path().join("keep")).unwrap(), b"x");
}

#[test]
fn a_good_or_missing_file_opens_as_it_is() {
    let dir = private_tempdir();
    let store = Store::new(dir.path().join("new"));
    let opened = store.open(now()).unwrap();
    assert_eq!(opened.notice, None);
    assert!(!store.dir().exists());
    store.apply(&Change::AddSession { at: now() }).unwrap();
    let before = fs::read(store.path()).unwrap();
    let opened = store.open(now()).unwrap();
    assert_eq!((opened.notice, opened.state.sessions.len()), (None, 1));
    assert_eq!(fs::read(store.path()).unwrap(), before);
}

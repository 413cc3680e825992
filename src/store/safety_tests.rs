//! What may stand where the state file or its directory belongs (issue 16, items 4 to 6).

use super::*;
use chrono::DateTime;
use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

pub(super) const T1: &str = "2026-11-20T14:00:00+01:00";

pub(super) fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

pub(super) fn tick(task: &str) -> Change {
    Change::Tick {
        session: at(T1),
        date: "2026-11-21".parse().unwrap(),
        task: task.into(),
    }
}

/// `f` on another thread, failing the test if it has not returned in 5 s (a read that waits
/// on a FIFO would never return).
fn within_5s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || send.send(f()));
    receive
        .recv_timeout(Duration::from_secs(5))
        .expect("still waiting after 5 s")
}

/// A directory only its owner can use, whatever the umask.
#[cfg(unix)]
fn private_dir(path: &Path) {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().mode(0o700).create(path).unwrap();
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_link_to_a_device_is_refused_at_once() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    mkfifo(&store.path());
    let (load, save) = within_5s({
        let store = store.clone();
        move || {
            (
                store.load(),
                store.apply(&Change::AddSession { at: at(T1) }),
            )
        }
    });
    for err in [load.unwrap_err(), save.unwrap_err()] {
        assert!(
            matches!(
                err,
                StoreError::NotAFile {
                    kind: "a FIFO (named pipe)",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("state.json is a FIFO (named pipe), not a regular file")
        );
    }
    fs::remove_file(store.path()).unwrap();
    std::os::unix::fs::symlink("/dev/zero", store.path()).unwrap();
    let err = within_5s({
        let store = store.clone();
        move || store.load().unwrap_err()
    });
    assert!(matches!(err, StoreError::SymbolicLink { .. }), "{err:?}");
    assert!(
        err.to_string().contains(
            "is a symbolic link (to /dev/zero); aftercare does not follow links for its state, \
             so that every save stays locked and atomic. Remove the link; the next save starts \
             a new state file"
        ),
        "{err}"
    );
    assert!(fs::symlink_metadata(store.path()).unwrap().is_symlink());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_not_followed_and_never_replaced() {
    let dir = private_tempdir();
    let elsewhere = Store::new(dir.path().join("elsewhere"));
    elsewhere.apply(&Change::AddSession { at: at(T1) }).unwrap();
    let before = fs::read(elsewhere.path()).unwrap();
    let store = Store::new(dir.path().join("data"));
    private_dir(store.dir());
    std::os::unix::fs::symlink(elsewhere.path(), store.path()).unwrap();
    for err in [
        store.load().unwrap_err(),
        store.apply(&tick("spf")).unwrap_err(),
    ] {
        match &err {
            StoreError::SymbolicLink {
                path,
                target,
                target_is_file,
            } => {
                assert_eq!((path, target), (&store.path(), &elsewhere.path()));
                assert!(target_is_file);
                let message = err.to_string();
                let mv = format!("(mv {} {})", target.display(), path.display());
                assert!(message.contains(&mv), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
    // The link is still a link, and what it points to is as it was.
    assert!(fs::symlink_metadata(store.path()).unwrap().is_symlink());
    assert_eq!(fs::read(elsewhere.path()).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_link_planted_as_the_lock_file_is_not_followed() {
    let dir = private_tempdir();
    let store = Store::new(dir.path().join("data"));
    store.apply(&Change::AddSession { at: at(T1) }).unwrap();
    let victim = dir.path().join("victim");
    fs::remove_file(store.dir().join("state.lock")).unwrap();
    std::os::unix::fs::symlink(&victim, store.dir().join("state.lock")).unwrap();
    let err = store.apply(&tick("spf")).unwrap_err();
    assert!(matches!(err, StoreError::SymbolicLink { .. }), "{err:?}");
    assert!(
        !victim.exists(),
        "the lock must not create the link's target"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let dir = private_tempdir();
    let store = Store::new(dir.path());
    // Sparse: no 16 MiB written to disk.
    let file = fs::File::create(store.path()).unwrap();
    file.set_len(MAX_STATE_BYTES + 1).unwrap();
    for err in [
        store.load().unwrap_err(),
        store.apply(&tick("x")).unwrap_err(),
    ] {
        assert!(
            matches!(err, StoreError::TooLarge { size, .. } if size == MAX_STATE_BYTES + 1),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("is 17 MiB, more than the 16 MiB"),
            "{err}"
        );
    }
    assert_eq!(
        fs::metadata(store.path()).unwrap().len(),
        MAX_STATE_BYTES + 1
    );
    // At the limit it is read (and found not to be JSON).
    file.set_len(MAX_STATE_BYTES).unwrap();
    assert!(matches!(store.load(), Err(StoreError::Corrupt { .. })));
}

#[cfg(unix)]
#[test]
fn a_data_directory_others_can_write_to_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    // (mode, used?)
    let cases = [
        (0o700, true),
        (0o750, true),
        (0o755, true),
        (0o770, false),
        (0o720, false),
        (0o702, false),
        (0o777, false),
        (0o1777, false),
    ];
    for (mode, used) in cases {
        let root = private_tempdir();
        let store = Store::new(root.path().join("data"));
        fs::create_dir(store.dir()).unwrap();
        fs::set_permissions(store.dir(), fs::Permissions::from_mode(mode)).unwrap();
        let add = Change::AddSession { at: at(T1) };
        let results = [store.load().map(|_| ()), store.apply(&add).map(|_| ())];
        for result in results {
            match result {
                Ok(()) => assert!(used, "{mode:o} was used"),
                Err(StoreError::OpenDirectory { mode: m, .. }) if !used => {
                    assert_eq!(m, mode);
                }
                Err(e) => panic!("{mode:o}: {e:?}"),
            }
        }
        if !used {
            let names = fs::read_dir(store.dir()).unwrap().count();
            assert_eq!(names, 0, "{mode:o}: nothing may be created in it");
            let message = store.load().unwrap_err().to_string();
            let who = if mode & 0o002 != 0 {
                "everyone"
            } else {
                "its group"
            };
            let says = format!("by other users ({who} can write to it: mode {mode:04o})");
            assert!(message.contains(&says), "{message}");
            assert!(message.contains("chmod 700"), "{message}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_data_directory_of_another_user_is_refused() {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        println!("skipped: only root can give a directory to another user");
        return;
    }
    let root = private_tempdir();
    let store = Store::new(root.path().join("data"));
    private_dir(store.dir());
    std::os::unix::fs::chown(store.dir(), Some(65534), Some(65534)).unwrap();
    assert_eq!(fs::metadata(store.dir()).unwrap().uid(), 65534);
    for err in [
        store.load().unwrap_err(),
        store.apply(&tick("x")).unwrap_err(),
    ] {
        assert!(
            matches!(err, StoreError::NotYourDirectory { owner: 65534, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("belongs to another user (uid 65534)")
        );
    }
    assert_eq!(fs::read_dir(store.dir()).unwrap().count(), 0);
}

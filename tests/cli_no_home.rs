//! A user id the system does not know (no passwd entry) with no HOME and no XDG_DATA_HOME, as
//! a service or a container may run it: every command that needs the data says what to do
//! and exits 1, never dies of a signal (a static C library once crashed here looking the user
//! up), and the advice it gives works.
//!
//! Changing user ids needs root; elsewhere the test is skipped with the reason printed.

use std::ffi::CStr;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const ADVICE: &str = "aftercare: cannot tell where to keep your data: HOME is not set and this \
                      user has no home folder. Choose a folder with --data-dir DIR, or set \
                      AFTERCARE_DATA_DIR=DIR.\n";

/// Every way to start the program that reads or writes the data.
const COMMANDS: &[&[&str]] = &[
    &["plan"],
    &["today"],
    &["today", "--short"],
    &["start"],
    &["check", "sunscreen-spf30"],
    &["uncheck", "sunscreen-spf30"],
    &["checkin", "--rate", "redness=1"],
    &["history"],
    &["export", "ics", "plan.ics"],
    &[],
];

#[test]
fn a_user_without_a_passwd_entry_or_home_is_told_what_to_do() {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: running as another user id needs root, and these tests are not root");
        return;
    }
    let Some(uid) = (54321..55321).find(|&uid| !has_passwd_entry(uid)) else {
        eprintln!("skipped: every user id from 54321 to 55320 has a passwd entry");
        return;
    };
    // The built program may sit under directories that user cannot enter: run a copy from
    // a directory anyone can read, which is also the unknown user's working directory.
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let program = dir.path().join("aftercare");
    fs::copy(env!("CARGO_BIN_EXE_aftercare"), &program).unwrap();

    for args in COMMANDS {
        let out = run_as(uid, &program, dir.path(), args);
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).as_ref()
            ),
            (Some(1), ADVICE),
            "aftercare {args:?} as user id {uid}: {:?}",
            out.status
        );
        assert!(out.stdout.is_empty(), "aftercare {args:?} printed {out:?}");
    }

    // The advice works: with a folder that user may write to, the commands run.
    let data = dir.path().join("data");
    // Private whatever the umask: aftercare refuses a data directory others can write to.
    std::os::unix::fs::DirBuilderExt::mode(&mut fs::DirBuilder::new(), 0o700)
        .create(&data)
        .unwrap();
    std::os::unix::fs::chown(&data, Some(uid), Some(uid)).unwrap();
    let data_dir = data.to_str().unwrap();
    let at = ["--now", "2026-11-22 09:00", "--data-dir", data_dir];
    for args in [
        &["start", "--at", "2026-11-20 14:00"][..],
        &["today"],
        &["plan"],
    ] {
        let args = [&at[..], args].concat();
        let out = run_as(uid, &program, dir.path(), &args);
        assert!(out.status.success(), "aftercare {args:?}: {out:?}");
    }
    assert!(data.join("state.json").is_file());
}

/// `program args` as `uid` (and the group of the same number), with none of the variables that
/// name a data directory and with TZ fixed, in `cwd`.
fn run_as(uid: u32, program: &Path, cwd: &Path, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(cwd)
        .uid(uid)
        .gid(uid)
        .env_remove("HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("AFTERCARE_DATA_DIR")
        .env_remove("AFTERCARE_RULES")
        .env_remove("AFTERCARE_NOW")
        .env("TZ", "Europe/Berlin")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Whether the system's user database (files, or whatever NSS is set up to ask) knows `uid`.
fn has_passwd_entry(uid: u32) -> bool {
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buffer = vec![0 as libc::c_char; 16 * 1024];
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the call, the buffer for its stated length.
    let error = unsafe {
        libc::getpwuid_r(
            uid,
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if error == 0 && !found.is_null() {
        // SAFETY: on success pw_name points into `buffer`, NUL-terminated.
        let name = unsafe { CStr::from_ptr(entry.pw_name) };
        eprintln!("user id {uid} is {name:?}");
        return true;
    }
    false
}

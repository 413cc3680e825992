//! Issue 4, item 9: a tick-off that cannot be saved (full disk, unwritable directory) shows as
//! not saved, the app keeps running, and the saved file stays byte for byte as it was.

mod tui_harness;

use aftercare::store::{State, Store};
use crossterm::event::KeyCode::Char;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use tui_harness::*;

/// Checks the app refuses to show a tick it could not save, then shows it once it can.
fn tick_fails_then_works(store: Store, state: State, says: &str, fix: impl FnOnce()) {
    let before = fs::read(store.path()).unwrap();
    let mut app = app_at(store.clone(), state, NOW, 80, 24);
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    assert!(
        shown.contains("Not saved:") && shown.contains(says),
        "{shown}"
    );
    assert!(!shown.contains("[x]"), "{shown}");
    assert!(!app.should_quit());
    assert_eq!(fs::read(store.path()).unwrap(), before);
    fix();
    press(&mut app, &[Char(' ')]);
    let shown = screen(&app);
    assert!(
        shown.contains("[x]") && !shown.contains("Not saved:"),
        "{shown}"
    );
    assert_eq!(store.load().unwrap().sessions[0].ticks.len(), 1);
}

#[test]
fn an_unwritable_data_directory() {
    let (_dir, store, state) = treated_store();
    // Running as root, permissions do not stop writes: a directory where the lock file goes
    // does, before anything is written.
    let lock = store.dir().join("state.lock");
    fs::remove_file(&lock).unwrap();
    fs::create_dir(&lock).unwrap();
    tick_fails_then_works(store, state, "Is a directory", || {
        fs::remove_dir(&lock).unwrap()
    });
}

/// A 64 KiB tmpfs, unmounted when dropped.
struct TinyDisk(PathBuf);

impl TinyDisk {
    fn mount(at: &Path) -> Result<TinyDisk, String> {
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs"])
            .arg(at)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(TinyDisk(at.to_path_buf()))
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk() {
    let root = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let _disk = match TinyDisk::mount(root.path()) {
        Ok(disk) => disk,
        Err(why) => {
            println!("skipped: cannot mount a tiny tmpfs here ({why})");
            return;
        }
    };
    let store = Store::new(root.path().join("data"));
    let state = store
        .apply(&aftercare::store::Change::AddSession { at: at(TREATMENT) })
        .unwrap();
    let filler = root.path().join("filler");
    let mut file = fs::File::create(&filler).unwrap();
    let mut filled = 0;
    while file
        .write_all(&[0u8; 1024])
        .and_then(|()| file.sync_all())
        .is_ok()
    {
        filled += 1;
    }
    println!("disk full after {filled} KiB of filler: the tick must fail with ENOSPC");
    tick_fails_then_works(store, state, "No space left", || {
        drop(file);
        fs::remove_file(&filler).unwrap();
    });
}

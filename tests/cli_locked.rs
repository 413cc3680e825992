//! Issue 16, items 1 and 7, exactly as reported: commands that read the state, then wait for
//! the lock while another writer changes the file, must apply what they carry to the file as
//! it is once they hold the lock. The test holds `state.lock` itself (as `flock` did in the
//! report) and waits until the commands are queued on it, so the order is certain.
//!
//! Linux only: which processes wait on a lock is read from /proc/locks.

mod cli_common;

use cli_common::*;
use std::fs::{self, File};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// `aftercare --now NOW ARGS…` started in the background, as `Patient::at` would run it.
fn spawn(p: &Patient, now: &str, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_aftercare"))
        .env("TZ", "Europe/Berlin")
        .env_remove("AFTERCARE_NOW")
        .env_remove("AFTERCARE_RULES")
        .env_remove("AFTERCARE_DATA_DIR")
        .arg("--data-dir")
        .arg(p.data())
        .args(["--now", now])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Takes the data directory's lock, as another saver (or `flock state.lock`) would.
fn hold_lock(p: &Patient) -> File {
    let lock = File::options()
        .write(true)
        .open(p.data().join("state.lock"))
        .unwrap();
    lock.lock().unwrap();
    lock
}

/// Waits until each of `children` is blocked on a lock (a "->" line in /proc/locks): by then
/// each has read the state file and is waiting to save.
fn wait_until_queued(children: &[&Child]) {
    let started = Instant::now();
    loop {
        let locks = fs::read_to_string("/proc/locks").unwrap_or_default();
        let queued = children
            .iter()
            .filter(|c| {
                let pid = format!(" {} ", c.id());
                locks.lines().any(|l| l.contains("->") && l.contains(&pid))
            })
            .count();
        if queued == children.len() {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "only {queued} of {} commands queued on the lock:\n{locks}",
            children.len()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn finish(child: Child) -> (Output, String) {
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out, text)
}

fn have_proc_locks() -> bool {
    let there = fs::metadata("/proc/locks").is_ok();
    if !there {
        println!("skipped: no /proc/locks to see who waits on the lock");
    }
    there
}

#[test]
fn check_ins_waiting_on_the_lock_each_keep_their_ratings() {
    if !have_proc_locks() {
        return;
    }
    let p = Patient::treated();
    let lock = hold_lock(&p);
    let redness = spawn(&p, DAY3, &["checkin", "--rate", "redness=2"]);
    let swelling = spawn(
        &p,
        DAY3,
        &["checkin", "--rate", "swelling=3", "--note", "warm"],
    );
    wait_until_queued(&[&redness, &swelling]);
    drop(lock);
    let (first, first_text) = finish(redness);
    let (second, second_text) = finish(swelling);
    assert!(
        first.status.success() && first_text.starts_with("Checked in"),
        "{first_text}"
    );
    assert!(
        second.status.success() && second_text.starts_with("Checked in"),
        "{second_text}"
    );
    let day = &state(&p)["sessions"][0]["checkins"]["2026-11-22"];
    assert_eq!(day["ratings"]["redness"], 2, "{day}");
    assert_eq!(day["ratings"]["swelling"], 3, "{day}");
    assert_eq!(day["note"], "warm", "{day}");
    // Whichever saved second reports the day as saved, with the other's rating in it.
    assert!(
        [&first_text, &second_text]
            .iter()
            .any(|t| t.contains("Redness 2 · Swelling 3")),
        "{first_text}\n{second_text}"
    );
}

#[test]
fn a_replace_waiting_on_the_lock_never_moves_a_treatment_recorded_meanwhile() {
    if !have_proc_locks() {
        return;
    }
    let p = Patient::treated();
    let lock = hold_lock(&p);
    // It reads the treatment of 20 Nov 14:00 as the latest, then waits to move it.
    let replace = spawn(
        &p,
        DAY3,
        &["start", "--replace", "--at", "2026-11-20 10:00"],
    );
    wait_until_queued(&[&replace]);
    // Meanwhile another copy, holding the lock, records a treatment on 21 Nov.
    let mut saved = state(&p);
    let second = serde_json::json!({"at": "2026-11-21T10:00:00+01:00", "ticks": {}});
    saved["sessions"].as_array_mut().unwrap().push(second);
    let bytes = serde_json::to_vec_pretty(&saved).unwrap();
    fs::write(p.state_file(), &bytes).unwrap();
    drop(lock);
    let (out, text) = finish(replace);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_eq!(
        text,
        "aftercare: the latest treatment is now Sat 21 Nov 2026 10:00, not Fri 20 Nov 2026 \
         14:00 (another copy of aftercare changed the treatments meanwhile); nothing was moved. \
         Look at the treatments with `aftercare history`, then run the command again.\n"
    );
    assert_eq!(
        fs::read(p.state_file()).unwrap(),
        bytes,
        "nothing may be written"
    );
    // Run again, it moves the latest treatment, the one it now sees.
    p.at(DAY3)
        .args([
            "start",
            "--replace",
            "--at",
            "2026-11-21 11:00",
            "--confirm",
        ])
        .assert()
        .success();
    let ats: Vec<String> = state(&p)["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["at"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ats,
        ["2026-11-20T14:00:00+01:00", "2026-11-21T11:00:00+01:00"]
    );
}

#[test]
fn a_tick_waiting_on_the_lock_is_refused_if_its_treatment_was_moved_meanwhile() {
    if !have_proc_locks() {
        return;
    }
    let p = Patient::treated();
    let lock = hold_lock(&p);
    let tick = spawn(&p, DAY3, &["check", "drink-water"]);
    wait_until_queued(&[&tick]);
    let mut saved = state(&p);
    saved["sessions"][0]["at"] = "2026-11-20T15:00:00+01:00".into();
    let bytes = serde_json::to_vec_pretty(&saved).unwrap();
    fs::write(p.state_file(), &bytes).unwrap();
    drop(lock);
    let (out, text) = finish(tick);
    // Before: "Ticked: …", exit 0, and nothing saved.
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.starts_with("aftercare: the treatment of Fri 20 Nov 2026 14:00 is no longer recorded"),
        "{text}"
    );
    assert_eq!(fs::read(p.state_file()).unwrap(), bytes);
}

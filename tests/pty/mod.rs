//! A pseudo-terminal to run the real binary in, as a terminal emulator would: it records all
//! the bytes the app writes, sends it keys and signals, and reads the terminal's mode back.

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long to wait for the app before failing: only ever reached when something is wrong.
const PATIENCE: Duration = Duration::from_secs(30);

pub struct Session {
    child: Child,
    master: File,
    slave: OwnedFd,
    output: Arc<Mutex<Vec<u8>>>,
    reader: JoinHandle<()>,
}

impl Session {
    /// `aftercare` on an 80x24 pty, on Day 3 of a treatment in Berlin time; `None` (with the
    /// reason printed) where this system has no pseudo-terminals.
    pub fn spawn(data: &Path, env: &[(&str, &str)]) -> Option<Session> {
        let (mut master, mut slave) = (-1, -1);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let made = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        if made != 0 {
            println!(
                "skipped: no pseudo-terminal: {}",
                io::Error::last_os_error()
            );
            return None;
        }
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mode = mode_of(&slave);
        assert!(
            is_cooked(&mode),
            "a new pty should start in its normal mode"
        );
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aftercare"));
        cmd.arg("--data-dir")
            .arg(data)
            .args(["--now", "2026-11-22 09:00"])
            .env("TZ", "Europe/Berlin")
            .env("TERM", "xterm-256color")
            .env_remove("AFTERCARE_NOW")
            .env_remove("AFTERCARE_RULES")
            .env_remove("AFTERCARE_DATA_DIR")
            .envs(env.iter().copied())
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave.try_clone().unwrap()));
        // The app's own session, with the pty as its controlling terminal, as in a real one.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().unwrap();
        drop(cmd);
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut from_app = File::from(master.try_clone().unwrap());
        let sink = Arc::clone(&output);
        let reader = std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            // Ends with an error (EIO) once no process has the pty open any more.
            while let Ok(n @ 1..) = from_app.read(&mut chunk) {
                sink.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        });
        Some(Session {
            child,
            master: File::from(master),
            slave,
            output,
            reader,
        })
    }

    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Waits until everything in `wanted` has been written to the terminal.
    pub fn wait_for(&self, wanted: &[&str]) {
        let start = Instant::now();
        loop {
            let output = self.output();
            if wanted.iter().all(|w| output.contains(w)) {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "never saw {wanted:?} in {output:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal is in its normal mode: lines edited and echoed.
    pub fn is_cooked(&self) -> bool {
        is_cooked(&mode_of(&self.slave))
    }

    pub fn signal(&self, signal: libc::c_int) {
        let pid = libc::pid_t::try_from(self.child.id()).unwrap();
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    pub fn type_bytes(&self, bytes: &[u8]) {
        (&self.master).write_all(bytes).unwrap();
    }

    /// Waits for the app to exit: its status, everything it wrote, and whether the terminal
    /// was left in its normal mode.
    pub fn finish(mut self) -> (ExitStatus, String, bool) {
        let status = self.child.wait().unwrap();
        let cooked = self.is_cooked();
        drop(self.slave);
        let start = Instant::now();
        while !self.reader.is_finished() && start.elapsed() < PATIENCE {
            std::thread::sleep(Duration::from_millis(20));
        }
        let output = String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned();
        (status, output, cooked)
    }
}

fn mode_of(tty: &OwnedFd) -> libc::termios {
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::tcgetattr(tty.as_raw_fd(), &mut mode) };
    assert_eq!(got, 0, "{}", io::Error::last_os_error());
    mode
}

/// `icanon echo`, as `stty -a` shows it: lines are edited and echoed, not handed over raw.
fn is_cooked(mode: &libc::termios) -> bool {
    let wanted = libc::ICANON | libc::ECHO;
    mode.c_lflag & wanted == wanted
}

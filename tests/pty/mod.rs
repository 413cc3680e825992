//! A pseudo-terminal to run the real binary in, as a terminal emulator would: it records all
//! the bytes the app writes, sends it keys, pastes and signals, changes the window's size,
//! and reads the terminal's mode back. With `shell`, the app runs under an interactive bash,
//! as a patient starts it, so Ctrl-Z and `fg` have a job-control shell to go back to.

#![allow(dead_code)] // each test binary uses a different part of this

mod system;

use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use system::{is_cooked, mode_of, open_pty, winsize};

/// How long to wait for the app before failing: only ever reached when something is wrong.
const PATIENCE: Duration = Duration::from_secs(30);

pub const ENTER_SCREEN: &str = "\x1b[?1049h";
pub const LEAVE_SCREEN: &str = "\x1b[?1049l";
pub const MOUSE_ON: &str = "\x1b[?1000h";
pub const MOUSE_OFF: &str = "\x1b[?1000l";
pub const PASTE_ON: &str = "\x1b[?2004h";
pub const PASTE_OFF: &str = "\x1b[?2004l";
pub const CURSOR_SHOWN: &str = "\x1b[?25h";

/// What to run, and on what.
pub struct Spawn<'a> {
    pub data: &'a Path,
    pub env: &'a [(&'a str, &'a str)],
    /// Extra arguments after the data directory and the fixed time.
    pub args: &'a [&'a str],
    /// (columns, rows)
    pub size: (u16, u16),
    /// Under an interactive bash (the command line is typed in) instead of on its own.
    pub shell: bool,
}

impl<'a> Spawn<'a> {
    /// `aftercare` alone on an 80x24 pty, on Day 3 of a treatment in Berlin time.
    pub fn app(data: &'a Path) -> Self {
        Spawn {
            data,
            env: &[],
            args: &[],
            size: (80, 24),
            shell: false,
        }
    }
}

pub struct Session {
    child: Child,
    master: File,
    slave: OwnedFd,
    output: Arc<Mutex<Vec<u8>>>,
    reader: JoinHandle<()>,
}

impl Session {
    /// `aftercare` on an 80x24 pty; `None` (with the reason printed) where this system has no
    /// pseudo-terminals.
    pub fn spawn(data: &Path, env: &[(&str, &str)]) -> Option<Session> {
        Session::start(Spawn {
            env,
            ..Spawn::app(data)
        })
    }

    /// Runs what `spawn` says; `None` (with the reason printed) where this system has no
    /// pseudo-terminals, or no bash when one is asked for.
    pub fn start(spawn: Spawn) -> Option<Session> {
        let (master, slave) = open_pty(spawn.size)?;
        let mode = mode_of(&slave);
        assert!(
            is_cooked(&mode),
            "a new pty should start in its normal mode"
        );
        let app = env!("CARGO_BIN_EXE_aftercare");
        let mut line = vec![app, "--data-dir"];
        line.push(spawn.data.to_str().unwrap());
        line.extend(["--now", "2026-11-22 09:00"]);
        line.extend(spawn.args);
        let mut cmd = if spawn.shell {
            if Command::new("bash").arg("--version").output().is_err() {
                println!("skipped: no bash to run the app under");
                return None;
            }
            let mut cmd = Command::new("bash");
            cmd.args(["--norc", "--noprofile", "--noediting", "-i"])
                .env("PS1", "$ ")
                .env("HISTFILE", "/dev/null");
            cmd
        } else {
            let mut cmd = Command::new(app);
            cmd.args(&line[1..]);
            cmd
        };
        cmd.env("TZ", "Europe/Berlin")
            .env("TERM", "xterm-256color")
            .env_remove("AFTERCARE_NOW")
            .env_remove("AFTERCARE_RULES")
            .env_remove("AFTERCARE_DATA_DIR")
            .envs(spawn.env.iter().copied())
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave.try_clone().unwrap()));
        // Its own session, with the pty as its controlling terminal, as in a real one; no
        // core files from the tests that crash it on purpose.
        unsafe {
            cmd.pre_exec(|| {
                let no_core = libc::rlimit {
                    rlim_cur: 0,
                    rlim_max: 0,
                };
                if libc::setsid() < 0
                    || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0
                    || libc::setrlimit(libc::RLIMIT_CORE, &no_core) < 0
                {
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
        let session = Session {
            child,
            master: File::from(master),
            slave,
            output,
            reader,
        };
        if spawn.shell {
            session.wait_for(&["$ "]);
            let quoted: Vec<String> = line.iter().map(|a| format!("'{a}'")).collect();
            session.type_bytes(format!("{}\r", quoted.join(" ")).as_bytes());
        }
        Some(session)
    }

    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// How many bytes have been written so far: a place to look for what comes next.
    pub fn mark(&self) -> usize {
        self.output.lock().unwrap().len()
    }

    /// What was written since `mark`.
    pub fn since(&self, mark: usize) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()[mark..]).into_owned()
    }

    /// Waits until everything in `wanted` has been written to the terminal.
    pub fn wait_for(&self, wanted: &[&str]) {
        self.wait_for_since(0, wanted);
    }

    /// Waits until everything in `wanted` has been written since `mark`.
    pub fn wait_for_since(&self, mark: usize, wanted: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let output = self.since(mark);
            if wanted.iter().all(|w| output.contains(w)) {
                return output;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "never saw {wanted:?} in {output:?}; processes: {}",
                self.states()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The state of the process started and of its children, for a test that waited in vain.
    fn states(&self) -> String {
        let ours = std::fs::read_link(format!("/proc/self/fd/{}", self.slave.as_raw_fd()));
        let tty = ours.map_or("?".into(), |p| p.display().to_string());
        format!(
            "{}; ours {tty}; reader done: {}",
            system::process_states(self.pid()),
            self.reader.is_finished()
        )
    }

    /// Whether the terminal is in its normal mode: lines edited and echoed.
    pub fn is_cooked(&self) -> bool {
        is_cooked(&mode_of(&self.slave))
    }

    /// The process started: the app, or the shell it runs under.
    pub fn pid(&self) -> libc::pid_t {
        libc::pid_t::try_from(self.child.id()).unwrap()
    }

    /// The app's process id under the shell (its child).
    pub fn app_pid(&self) -> libc::pid_t {
        let pid = self.pid();
        let children =
            std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
        let first = children.split_whitespace().next();
        first.map_or(pid, |p| p.parse().unwrap())
    }

    pub fn signal(&self, signal: libc::c_int) {
        self.signal_pid(self.pid(), signal);
    }

    pub fn signal_pid(&self, pid: libc::pid_t, signal: libc::c_int) {
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    pub fn type_bytes(&self, bytes: &[u8]) {
        (&self.master).write_all(bytes).unwrap();
    }

    /// Pastes `text` as a terminal with bracketed paste on sends it.
    pub fn paste(&self, text: &str) {
        self.type_bytes(format!("\x1b[200~{text}\x1b[201~").as_bytes());
    }

    /// Changes the window's size; the kernel tells the app with a SIGWINCH.
    pub fn resize(&self, (columns, rows): (u16, u16)) {
        let size = winsize(columns, rows);
        assert_eq!(
            unsafe { libc::ioctl(self.master.as_raw_fd(), libc::TIOCSWINSZ, &size) },
            0
        );
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

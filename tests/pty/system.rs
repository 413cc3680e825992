//! What the harness asks of the system: a pseudo-terminal, its mode, and (for a test that
//! waited in vain) what the processes on it are doing.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

pub fn winsize(columns: u16, rows: u16) -> libc::winsize {
    libc::winsize {
        ws_row: rows,
        ws_col: columns,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

/// A new pseudo-terminal of the given size: (master, slave). Both are closed on exec, so a
/// program another test starts meanwhile does not keep this one open (its shell would then
/// never see the hang-up, and live on).
pub fn open_pty((columns, rows): (u16, u16)) -> Option<(OwnedFd, OwnedFd)> {
    let flags = libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC;
    let master = unsafe { libc::posix_openpt(flags) };
    if master < 0 {
        println!(
            "skipped: no pseudo-terminal: {}",
            io::Error::last_os_error()
        );
        return None;
    }
    let master = unsafe { OwnedFd::from_raw_fd(master) };
    let mut name = [0 as libc::c_char; 64];
    let fd = master.as_raw_fd();
    let made = unsafe {
        libc::grantpt(fd) == 0
            && libc::unlockpt(fd) == 0
            && libc::ptsname_r(fd, name.as_mut_ptr(), name.len()) == 0
    };
    assert!(made, "{}", io::Error::last_os_error());
    let slave = unsafe { libc::open(name.as_ptr(), flags) };
    assert!(slave >= 0, "{}", io::Error::last_os_error());
    let slave = unsafe { OwnedFd::from_raw_fd(slave) };
    let size = winsize(columns, rows);
    assert_eq!(unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &size) }, 0);
    Some((master, slave))
}

pub fn mode_of(tty: &OwnedFd) -> libc::termios {
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::tcgetattr(tty.as_raw_fd(), &mut mode) };
    assert_eq!(got, 0, "{}", io::Error::last_os_error());
    mode
}

/// `icanon echo`, as `stty -a` shows it: lines are edited and echoed, not handed over raw.
pub fn is_cooked(mode: &libc::termios) -> bool {
    let wanted = libc::ICANON | libc::ECHO;
    mode.c_lflag & wanted == wanted
}

/// "1234 bash -i: S (sleeping) in wait_woken, fds [\"/dev/pts/3\", …]" for `pid` and each of
/// its children.
pub fn process_states(pid: libc::pid_t) -> String {
    let state = |pid: &str| {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let line = status
            .lines()
            .find(|l| l.starts_with("State:"))
            .unwrap_or("gone");
        let wchan = std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default();
        let cmd = std::fs::read_to_string(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let fds: Vec<String> = (0..3)
            .map(|fd| {
                std::fs::read_link(format!("/proc/{pid}/fd/{fd}"))
                    .map_or("?".into(), |p| p.display().to_string())
            })
            .collect();
        format!(
            "{pid} {}: {} in {wchan}, fds {fds:?}",
            cmd.replace('\0', " ").trim(),
            line.trim_start_matches("State:").trim()
        )
    };
    let pid = pid.to_string();
    let children =
        std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
    let all: Vec<String> = std::iter::once(pid.as_str())
        .chain(children.split_whitespace())
        .map(state)
        .collect();
    all.join(", ")
}

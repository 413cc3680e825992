//! Issue 4, item 7: the app opens no network connection and reads nothing but its rules and
//! state files (and what every program reads: its libraries and the time zone database).

use std::path::Path;
use std::process::Command;

/// Crates that would let the app talk to the network.
const NETWORK_CRATES: [&str; 16] = [
    "reqwest",
    "hyper",
    "ureq",
    "tokio",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "rustls",
    "native-tls",
    "openssl",
    "socket2",
    "async-std",
    "tungstenite",
];

#[test]
fn no_networking_crate_is_in_the_dependency_tree() {
    let lock = std::fs::read_to_string("Cargo.lock").unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(names.len() > 20, "Cargo.lock not understood: {names:?}");
    let found: Vec<&&str> = names
        .iter()
        .filter(|n| NETWORK_CRATES.contains(n) && !only_for_the_session_bus(&lock, n))
        .collect();
    assert!(
        found.is_empty(),
        "networking crates in Cargo.lock: {found:?}"
    );
    println!(
        "{} crates in Cargo.lock, none of {NETWORK_CRATES:?}",
        names.len()
    );
}

/// The D-Bus library that shows desktop notifications (zbus, under notify-rust) can also
/// reach a bus over TCP, so it brings socket2. aftercare only hands it local (`unix:`)
/// session bus addresses (src/remind/notify.rs, `local_bus_only`; tests/cli_remind.rs shows a
/// TCP address refused). A crate is let through only when nothing but zbus and its own
/// runtime depends on it.
fn only_for_the_session_bus(lock: &str, name: &str) -> bool {
    let needle = format!("\n \"{name}\",");
    let users: Vec<&str> = lock
        .split("[[package]]")
        .filter(|p| p.contains(&needle))
        .filter_map(|p| {
            p.lines()
                .find_map(|l| l.strip_prefix("name = \"")?.strip_suffix('"'))
        })
        .collect();
    name == "socket2" && !users.is_empty() && users.iter().all(|u| ["zbus", "zruntime"].contains(u))
}

#[test]
fn the_source_never_uses_sockets() {
    let mut files = Vec::new();
    collect_rs(Path::new("src"), &mut files);
    assert!(files.len() > 20);
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for word in [
            "std::net",
            "TcpStream",
            "TcpListener",
            "UdpSocket",
            "UnixStream",
            "ToSocketAddrs",
        ] {
            assert!(!text.contains(word), "{} uses {word}", file.display());
        }
    }
    println!("{} source files, no socket API", files.len());
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files every dynamically linked program opens, and the time zone database.
const SYSTEM: [&str; 7] = [
    "/etc/ld.so.",
    "/lib",
    "/usr/lib",
    "/proc/self/",
    "/usr/share/zoneinfo/",
    "/etc/localtime",
    "/sys/",
];

/// Under strace, where it is installed: no network system call at all, and every file opened
/// is the rules file, in the data directory, or a system file.
#[test]
fn commands_touch_only_their_own_files() {
    if Command::new("strace").arg("-V").output().is_err() {
        println!("skipped: strace is not installed");
        return;
    }
    let data = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let log = data.path().join("trace.log");
    let rules = std::fs::canonicalize("tests/fixtures/plans/tattoo.json").unwrap();
    let data_dir = data.path().join("data");
    let commands: [&[&str]; 5] = [
        &["start", "--at", "2026-11-20 14:00"],
        &["check", "no-swimming"],
        &["today"],
        &["plan", "--json"],
        &["uncheck", "no-swimming"],
    ];
    for args in commands {
        let status = Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=%network,%file", "-o"])
            .arg(&log)
            .arg(env!("CARGO_BIN_EXE_aftercare"))
            .arg("--data-dir")
            .arg(&data_dir)
            .arg("--rules")
            .arg(&rules)
            .args(["--now", "2026-11-22 09:00"])
            .args(args)
            .env("TZ", "Europe/Berlin")
            // As a user would run it, without cargo's library search path.
            .env_remove("LD_LIBRARY_PATH")
            .output()
            .unwrap();
        let trace = std::fs::read_to_string(&log).unwrap();
        if !status.status.success() && trace.contains("PTRACE") {
            println!("skipped: strace cannot trace here: {trace}");
            return;
        }
        assert!(status.status.success(), "{args:?}: {status:?}");
        for line in trace.lines() {
            for call in ["socket(", "connect(", "bind(", "sendto(", "sendmsg("] {
                assert!(!line.contains(call), "{args:?}: {line}");
            }
            if line.contains("execve(") {
                continue;
            }
            // An empty path names a file opened (and checked) before, by its descriptor.
            let Some(path) = line.split('"').nth(1).filter(|p| !p.is_empty()) else {
                continue;
            };
            let ours = path.starts_with(data_dir.to_str().unwrap())
                || path == rules.to_str().unwrap()
                || SYSTEM.iter().any(|s| path.starts_with(s))
                // The dynamic loader looking for a library (cargo sets a search path).
                || path.ends_with(".so") || path.contains(".so.");
            assert!(ours, "{args:?} touched {path}: {line}");
        }
    }
    println!(
        "{} commands traced: no network call, no file outside rules, data and system",
        commands.len()
    );
}

//! Lays out the code the app runs to its first frame and for the common keys side by side
//! (assets/link/hot-code.ld, made by benches/hot-code.sh). The kernel maps a program's code
//! 64 KiB at a time around each page it touches; spread across the whole binary, those few
//! hundred functions mapped nearly all of it. Together, they map a fraction: less memory and
//! fewer page faults before the first frame (README "Performance" has the figures).
//!
//! Only for the program itself (not tests) on x86-64 Linux with glibc, where Rust links with
//! LLD by default; GNU ld reads the same script. Elsewhere the build is unchanged.
//!
//! It also leaves a link at target/<profile>/aftercare to the program cargo builds under
//! target/<host tuple>/<profile>/ (the host is named in .cargo/config.toml), so that the
//! usual path, such as `target/release/aftercare`, runs it.

use std::env;
use std::ffi::OsStr;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=assets/link/hot-code.ld");
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("TARGET").as_deref() == Ok("x86_64-unknown-linux-gnu") {
        // Cargo always sets CARGO_MANIFEST_DIR for build scripts; the path must be absolute
        // because the linker does not run in this directory.
        let dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{dir}/assets/link/hot-code.ld");
    }
    link_usual_path();
}

/// Best effort: without the link only the shorter path is missing, so errors are ignored.
#[cfg(unix)]
fn link_usual_path() {
    let (Ok(out), Ok(target)) = (env::var("OUT_DIR"), env::var("TARGET")) else {
        return;
    };
    // OUT_DIR is <target dir>/<tuple>/<profile>/build/<package>-<hash>/out.
    let Some(profile_dir) = Path::new(&out).ancestors().nth(3) else {
        return;
    };
    let (Some(profile), Some(tuple_dir)) = (profile_dir.file_name(), profile_dir.parent()) else {
        return;
    };
    // Only when cargo was told the target (as .cargo/config.toml does) and it is this machine.
    if tuple_dir.file_name() != Some(OsStr::new(&target)) || env::var("HOST") != Ok(target.clone())
    {
        return;
    }
    let Some(target_dir) = tuple_dir.parent() else {
        return;
    };
    let link = target_dir.join(profile).join("aftercare");
    let points_to = Path::new("..")
        .join(&target)
        .join(profile)
        .join("aftercare");
    if std::fs::read_link(&link).is_ok_and(|p| p == points_to) {
        return;
    }
    let _ = std::fs::create_dir_all(target_dir.join(profile));
    let _ = std::fs::remove_file(&link);
    let _ = std::os::unix::fs::symlink(&points_to, &link);
}

#[cfg(not(unix))]
fn link_usual_path() {}

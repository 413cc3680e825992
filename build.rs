//! Lays out the code the app runs to its first frame and for the common keys side by side
//! (assets/link/hot-code.ld, made by benches/hot-code.sh). The kernel maps a program's code
//! 64 KiB at a time around each page it touches; spread across the whole binary, those few
//! hundred functions mapped nearly all of it. Together, they map a fraction: less memory and
//! fewer page faults before the first frame (README "Performance" has the figures).
//!
//! Only for the program itself (not tests) on x86-64 Linux with glibc, where Rust links with
//! LLD by default; GNU ld reads the same script. Elsewhere the build is unchanged.

use std::env;

fn main() {
    println!("cargo:rerun-if-changed=assets/link/hot-code.ld");
    println!("cargo:rerun-if-changed=build.rs");
    if env::var("TARGET").as_deref() == Ok("x86_64-unknown-linux-gnu") {
        // Cargo always sets CARGO_MANIFEST_DIR for build scripts; the path must be absolute
        // because the linker does not run in this directory.
        let dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{dir}/assets/link/hot-code.ld");
    }
}

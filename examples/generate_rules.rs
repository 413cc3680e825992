//! Writes a generated rules file of N rules to stdout, for trying the app with a
//! clinic-sized plan: `cargo run --release --example generate_rules -- 10000 > rules.json`.

#[path = "../benches/support/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let count = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", generate::rules_json(count))
}

//! Reading a rules file, as every start with `--rules` does, at 1k/10k/100k generated rules:
//! a valid file, a file extending the built-in plan, a file with one mistake (every problem
//! reported, each located), and the two things a recorded treatment does with its plan: the
//! copy read back, and the SHA-256 that names it.

mod support;

use aftercare::rules::Rules;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};
use std::hint::black_box;
use support::generate;

/// The generated plan as a clinic's file that extends the built-in one: its rules are added
/// after the built-in rules; sources, notes and check-ins come from the built-in plan.
fn extending(count: usize) -> String {
    let rules = serde_json::to_value(generate::rules(count)).unwrap();
    let file = json!({
        "format": 2,
        "extends": "builtin",
        "name": rules["name"],
        "rules": rules["rules"],
    });
    serde_json::to_string_pretty(&file).unwrap()
}

/// The generated plan with one mistake near its end: a rule citing a source that does not
/// exist, and one with a window that closes before it opens.
fn with_mistakes(count: usize) -> String {
    let mut file: Value = serde_json::from_str(&generate::rules_json(count)).unwrap();
    let rules = file["rules"].as_array_mut().unwrap();
    let last = rules.len() - 1;
    rules[last]["sources"] = json!(["s999"]);
    rules[last - 1]["until_hours"] = json!(-10);
    serde_json::to_string_pretty(&file).unwrap()
}

fn load(c: &mut Criterion) {
    for n in support::SIZES {
        let name = format!("{}k", n / 1000);
        let text = generate::rules_json(n);
        let mut group = c.benchmark_group("load");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::new("valid", &name), |b| {
            b.iter(|| Rules::parse(black_box(&text), "plan.json").unwrap())
        });
        let extends = extending(n);
        group.bench_function(BenchmarkId::new("extends_builtin", &name), |b| {
            b.iter(|| Rules::parse(black_box(&extends), "plan.json").unwrap())
        });
        let bad = with_mistakes(n);
        group.bench_function(BenchmarkId::new("two_mistakes", &name), |b| {
            b.iter(|| Rules::parse(black_box(&bad), "plan.json").unwrap_err())
        });
        let rules = Rules::parse(&text, "plan.json").unwrap();
        let copy = rules.canonical_json();
        group.bench_function(BenchmarkId::new("kept_copy", &name), |b| {
            b.iter(|| Rules::from_kept_copy(black_box(&copy), "copy").unwrap())
        });
        group.bench_function(BenchmarkId::new("sha256", &name), |b| {
            b.iter(|| black_box(&rules).sha256())
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = load
}
criterion_main!(benches);

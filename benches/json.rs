//! The whole plan as JSON, exactly as `plan --json` writes it, into a sink: the built-in
//! plan and generated plans of 1k/10k(/100k with BENCH_HUGE=1) rules. `plan --json --windows`
//! (each rule once) is small enough to measure at every size, 100k included.

mod support;

use aftercare::cli::{write_plan_json, write_plan_windows_json};
use aftercare::plan::Plan;
use aftercare::rules::Rules;
use chrono_tz::Europe::Berlin;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::io::{self, Write};
use support::generate;

/// Counts what it is given and throws it away.
#[derive(Default)]
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn plan_json(c: &mut Criterion) {
    let now = support::treatment() + chrono::Duration::days(2);
    let mut plans = vec![("builtin".to_string(), Rules::builtin().unwrap())];
    for n in support::whole_plan_sizes() {
        plans.push((format!("{}k", n / 1000), generate::rules(n)));
    }
    let mut group = c.benchmark_group("json");
    for (name, rules) in &plans {
        let plan = Plan::new(rules, support::treatment(), Berlin);
        let mut size = Counter::default();
        write_plan_json(&plan, None, now, &mut size).unwrap();
        group.throughput(Throughput::Bytes(size.0));
        group.bench_function(BenchmarkId::new("plan", name), |b| {
            b.iter(|| {
                let mut out = io::BufWriter::new(Counter::default());
                write_plan_json(&plan, None, now, &mut out).unwrap();
            })
        });
    }
    group.finish();
}

fn windows_json(c: &mut Criterion) {
    let mut plans = vec![("builtin".to_string(), Rules::builtin().unwrap())];
    for n in support::SIZES {
        plans.push((format!("{}k", n / 1000), generate::rules(n)));
    }
    let mut group = c.benchmark_group("json");
    for (name, rules) in &plans {
        let plan = Plan::new(rules, support::treatment(), Berlin);
        let mut size = Counter::default();
        write_plan_windows_json(&plan, None, &mut size).unwrap();
        group.throughput(Throughput::Bytes(size.0));
        group.bench_function(BenchmarkId::new("windows", name), |b| {
            b.iter(|| {
                let mut out = io::BufWriter::new(Counter::default());
                write_plan_windows_json(&plan, None, &mut out).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = plan_json, windows_json
}
criterion_main!(benches);

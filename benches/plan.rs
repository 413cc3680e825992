//! Deriving the plan: one day's tasks, every day, and the checklists the screens show, for
//! the built-in plan and generated plans of 1k/10k/100k rules with windows up to a year.

mod support;

use aftercare::checklist::Checklist;
use aftercare::plan::Plan;
use aftercare::progress::Progress;
use aftercare::rules::Rules;
use chrono_tz::Europe::Berlin;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use support::generate;

/// A busy day of a generated plan: windows open over the first year and last up to a year,
/// so the most overlap is around here.
const BUSY_DAY: i64 = 300;

fn plans() -> Vec<(String, Rules, i64)> {
    let mut plans = vec![("builtin".to_string(), Rules::builtin().unwrap(), 3)];
    for n in support::SIZES {
        plans.push((format!("{}k", n / 1000), generate::rules(n), BUSY_DAY));
    }
    plans
}

fn derivation(c: &mut Criterion) {
    let now = support::treatment() + chrono::Duration::days(2);
    for (name, rules, day) in plans() {
        let plan = Plan::new(&rules, support::treatment(), Berlin);
        let mut group = c.benchmark_group("plan");
        group.bench_function(BenchmarkId::new("new", &name), |b| {
            b.iter(|| Plan::new(black_box(&rules), support::treatment(), Berlin))
        });
        group.bench_function(BenchmarkId::new("day", &name), |b| {
            b.iter(|| plan.day(black_box(day)))
        });
        group.bench_function(BenchmarkId::new("checklist_day", &name), |b| {
            b.iter(|| Checklist::build(&plan, black_box(day), None, now))
        });
        group.finish();
        if rules.rules.len() > 10_000 && std::env::var_os("BENCH_HUGE").is_none() {
            continue;
        }
        let mut group = c.benchmark_group("plan");
        group.bench_function(BenchmarkId::new("days_all", &name), |b| {
            b.iter(|| plan.days().map(|d| d.tasks.len()).sum::<usize>())
        });
        // What the screens' recovery progress derives on every refresh: every day, to the end.
        group.bench_function(BenchmarkId::new("progress", &name), |b| {
            let noon = plan.day_bounds(plan.date_of(day)).0 + chrono::Duration::hours(12);
            b.iter(|| Progress::of(&plan, None, black_box(noon)))
        });
        group.bench_function(BenchmarkId::new("checklist_all", &name), |b| {
            b.iter(|| {
                (plan.first_day()..=plan.last_day())
                    .map(|d| Checklist::build(&plan, d, None, now).tasks.len())
                    .sum::<usize>()
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = derivation
}
criterion_main!(benches);

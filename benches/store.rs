//! The state file: loading it, and saving one tick-off (lock, re-read, write a temporary
//! file, fsync, rename, fsync the directory) with 100 to 100k tick-offs and a check-in a day.

mod support;

use aftercare::store::{Change, STATE_FILE, Store};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use support::generate;
use tempfile::TempDir;

fn store(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    for ticks in [100, 1_000, 10_000, 100_000] {
        let dir = TempDir::new().unwrap();
        let state = generate::state(ticks, support::treatment());
        let text = serde_json::to_vec_pretty(&state).unwrap();
        std::fs::write(dir.path().join(STATE_FILE), &text).unwrap();
        let store = Store::new(dir.path());
        let session = state.sessions.last().unwrap().at;
        let date = session.date_naive();
        group.bench_function(BenchmarkId::new("load", ticks), |b| {
            b.iter(|| store.load().unwrap())
        });
        // A tick then its untick, so the file keeps its size: two saves per iteration.
        let task = "bench-task".to_string();
        let tick = Change::Tick {
            session,
            date,
            task: task.clone(),
        };
        let untick = Change::Untick {
            session,
            date,
            task,
        };
        group.bench_function(BenchmarkId::new("apply_tick_untick", ticks), |b| {
            b.iter(|| {
                store.apply(&tick).unwrap();
                store.apply(&untick).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = store
}
criterion_main!(benches);

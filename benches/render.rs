//! The terminal screens drawn into a TestBackend, and a key's whole path (event → update →
//! draw): the built-in plan and generated plans, at 80x24 and 200x60.

mod support;

use aftercare::rules::Rules;
use aftercare::store::{Change, Store};
use aftercare::tui::{App, handle_event};
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use support::generate;
use tempfile::TempDir;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn app(rules: Rules, dir: &TempDir, (width, height): (u16, u16)) -> App<Tz> {
    let store = Store::new(dir.path());
    let state = store
        .apply(&Change::AddSession {
            at: support::treatment(),
        })
        .unwrap();
    // Day 3 of the built-in plan; a busy day of the generated ones is reached with `]`.
    let now = support::treatment() + chrono::Duration::hours(43);
    App::new(rules, store, state, Berlin, now, Size::new(width, height))
}

fn press(app: &mut App<Tz>, code: KeyCode) -> bool {
    handle_event(app, &Event::Key(KeyEvent::from(code)))
}

fn render(c: &mut Criterion) {
    let mut plans = vec![("builtin".to_string(), Rules::builtin().unwrap())];
    for n in support::SIZES {
        plans.push((format!("{}k", n / 1000), generate::rules(n)));
    }
    let mut group = c.benchmark_group("render");
    for (name, rules) in plans {
        for size in SIZES {
            let dir = TempDir::new().unwrap();
            let mut app = app(rules.clone(), &dir, size);
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
            let id = |what: &str| BenchmarkId::new(what, format!("{name}/{}x{}", size.0, size.1));
            group.bench_function(id("main"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| frame.render_widget(&app, frame.area()))
                        .unwrap();
                })
            });
            // Down then Up, so every iteration starts where the last one did.
            group.bench_function(id("key_down_up"), |b| {
                b.iter(|| {
                    for code in [KeyCode::Down, KeyCode::Up] {
                        press(&mut app, code);
                        terminal
                            .draw(|frame| frame.render_widget(&app, frame.area()))
                            .unwrap();
                    }
                })
            });
            group.bench_function(id("key_next_prev_day"), |b| {
                b.iter(|| {
                    for code in [KeyCode::Right, KeyCode::Left] {
                        press(&mut app, code);
                        terminal
                            .draw(|frame| frame.render_widget(&app, frame.area()))
                            .unwrap();
                    }
                })
            });
            // The timeline: Tab there, draw it, scroll it, and Tab back for the next plan.
            press(&mut app, KeyCode::Tab);
            group.bench_function(id("timeline"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| frame.render_widget(&app, frame.area()))
                        .unwrap();
                })
            });
            group.bench_function(id("timeline_key_down_up"), |b| {
                b.iter(|| {
                    for code in [KeyCode::Down, KeyCode::Up] {
                        press(&mut app, code);
                        terminal
                            .draw(|frame| frame.render_widget(&app, frame.area()))
                            .unwrap();
                    }
                })
            });
            press(&mut app, KeyCode::Tab);
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = support::config();
    targets = render
}
criterion_main!(benches);

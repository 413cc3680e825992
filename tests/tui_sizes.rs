//! Issue 4, item 5: every terminal size from 1x1 to 500x200 draws every screen without a
//! panic, and resizing while the help is open is fine. Run with `-- --nocapture` for figures.

mod tui_harness;

use aftercare::store::{Change, Damage, Notice, State, Store};
use aftercare::tui::App;
use chrono_tz::Tz;
use crossterm::event::KeyCode::{self, Backspace, Char, Down, Enter, Right, Tab};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::path::PathBuf;
use tempfile::TempDir;
use tui_harness::*;

/// Every screen and overlay the app has, reached through its keys. Add new ones here.
const STATES: [&str; 23] = [
    "checklist",
    "scrolled",
    "help",
    "start prompt",
    "start prompt error",
    "save failed",
    "read-only banner",
    "moved-aside banner",
    "before treatment",
    "plan complete",
    "hostile rules",
    "hostile help",
    "check-in form",
    "chart",
    "history",
    "alerts",
    "earlier treatment",
    "chart with banner",
    "timeline",
    "timeline scrolled",
    "why popup",
    "hostile timeline",
    "demo",
];

fn app_in(state: &str) -> (TempDir, App<Tz>) {
    let (dir, store, saved) = treated_store();
    let fresh = || (Store::new(dir.path().join("fresh")), State::default());
    let journal = || {
        let (dir, store, state) = tui_harness::journal_store();
        std::mem::forget(dir); // Outlives the app; it is in the system's temp directory.
        (store, state)
    };
    let mut app = match state {
        "start prompt" | "start prompt error" | "moved-aside banner" => {
            let (store, empty) = fresh();
            app_at(store, empty, NOW, 80, 24)
        }
        "save failed" => app_at(
            Store::new(dir.path().join("state.json/x")),
            saved,
            NOW,
            80,
            24,
        ),
        "before treatment" => app_at(store, saved, "2026-11-14T09:00:00+01:00", 80, 24),
        "plan complete" => app_at(store, saved, "2027-03-01T09:00:00+01:00", 80, 24),
        "hostile rules" | "hostile help" | "hostile timeline" => {
            app_with(hostile_rules(), store, saved, NOW, (80, 24))
        }
        "demo" => App::demo(
            aftercare::rules::Rules::builtin().unwrap(),
            chrono_tz::Europe::Berlin,
            at(NOW),
            ratatui::layout::Size::new(80, 24),
        ),
        "check-in form" | "chart" | "history" | "chart with banner" => {
            let (store, state) = journal();
            app_at(store, state, NOW, 80, 24)
        }
        "alerts" => {
            let (store, state) = journal();
            app_at(store, state, tui_harness::DAY8, 80, 24)
        }
        "earlier treatment" => {
            let (store, _) = journal();
            let later = at("2026-12-20T10:00:00+01:00");
            let state = store.apply(&Change::AddSession { at: later }).unwrap();
            app_at(store, state, "2026-12-22T09:00:00+01:00", 80, 24)
        }
        _ => app_at(store, saved, NOW, 80, 24),
    };
    let keys: &[KeyCode] = match state {
        "scrolled" => &[Down; 14],
        "help" | "hostile help" => &[Down, Char('?')],
        "start prompt error" => &[Backspace, Char('x'), Enter],
        "save failed" => &[Char(' ')],
        "hostile rules" => &[Char(' '), Down, Right],
        "check-in form" => &[Char('c'), Down, Right],
        "chart" | "chart with banner" => &[Char('g')],
        "history" => &[Char('H')],
        "timeline" | "hostile timeline" => &[Tab],
        "timeline scrolled" => &[Tab, Right, Right, Right, Down, Down],
        "why popup" => &[Down, Char('i')],
        "demo" => &[Char('.'), Char('>'), Down],
        "earlier treatment" => &[Char('['), Char(' ')],
        _ => &[],
    };
    press(&mut app, keys);
    app = match state {
        "read-only banner" | "chart with banner" => app.with_file_notice(Some(&Notice::ReadOnly {
            path: PathBuf::from("/home/pat/.local/share/aftercare/state.json"),
            found: 2,
        })),
        "moved-aside banner" => app.with_file_notice(Some(&Notice::MovedAside {
            to: PathBuf::from(
                "/home/pat/.local/share/aftercare/state.json.damaged-20261122-090000",
            ),
            damage: Damage::Empty,
        })),
        _ => app,
    };
    (dir, app)
}

/// Resizes through the real event handler, draws, and moves the selection once.
fn draw_at(app: &mut App<Tz>, width: u16, height: u16) {
    resize(app, width, height);
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    (&*app).render(area, &mut buf);
}

const HEIGHTS: [u16; 3] = [1, 12, 24];
const WIDTHS: [u16; 4] = [1, 40, 80, 120];

/// Draws each size in turn on the next screen of `STATES`, so every screen sees sizes from
/// all over the range; returns how many were drawn.
fn draw_all(sizes: impl Iterator<Item = (u16, u16)>) -> usize {
    let mut apps: Vec<(TempDir, App<Tz>)> = STATES.iter().map(|s| app_in(s)).collect();
    let mut drawn = 0;
    for (i, (width, height)) in sizes.enumerate() {
        let (_, app) = &mut apps[i % STATES.len()];
        draw_at(app, width, height);
        drawn += 1;
    }
    drawn
}

/// All widths at a few heights, and all heights at a few widths: every edge the layout has
/// (the minimum size, side by side from 100 columns, one-row banners) and both extremes.
#[test]
fn every_width_and_every_height_draws() {
    let rows = HEIGHTS.iter().flat_map(|&h| (1..=500).map(move |w| (w, h)));
    let columns = WIDTHS.iter().flat_map(|&w| (1..=200).map(move |h| (w, h)));
    let drawn = draw_all(rows.chain(columns));
    println!(
        "{drawn} sizes drawn across {} screens: every width 1–500 at heights {HEIGHTS:?}, \
         every height 1–200 at widths {WIDTHS:?}",
        STATES.len()
    );
}

/// Every one of the 100,000 sizes from 1x1 to 500x200. Too slow unoptimised, so run it with
/// `cargo test --release --test tui_sizes -- --ignored --nocapture`.
#[test]
#[ignore]
fn every_size_from_1x1_to_500x200() {
    let all = (1..=200).flat_map(|h| (1..=500).map(move |w| (w, h)));
    let drawn = draw_all(all);
    assert_eq!(drawn, 100_000);
    println!(
        "{drawn} sizes drawn (1x1–500x200), rotating over {} screens",
        STATES.len()
    );
}

/// Random sizes anywhere in the range, big ones included (they are slow to draw unoptimised).
const CASES: u32 = 128;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]
    /// Any size in 1x1–500x200, on any screen, after any few keys.
    #[test]
    fn any_size_any_screen(
        state in 0..STATES.len(),
        width in 1u16..=500,
        height in 1u16..=200,
        keys in proptest::collection::vec(0usize..15, 0..6),
    ) {
        let (_dir, mut app) = app_in(STATES[state]);
        let table = [
            Down, Char('j'), Char('?'), Right, Char('h'), Char('t'),
            Char('c'), Char('g'), Char('H'), Char('['), Char('u'), Enter,
            Tab, Char('i'), Char('>'),
        ];
        draw_at(&mut app, width, height);
        for key in keys {
            press(&mut app, &[table[key]]);
            draw_at(&mut app, width, height);
        }
    }
}

/// The extremes the app still draws (at most `MAX_CELLS` cells): a terminal as wide or as
/// tall as one can report, and a large square, on every screen.
#[test]
fn the_largest_sizes_drawn_on_every_screen() {
    let max = aftercare::tui::MAX_CELLS;
    let sizes = [(u16::MAX, 15), (15, u16::MAX), (1000, 1000)];
    for (width, height) in sizes {
        assert!(u32::from(width) * u32::from(height) <= max);
    }
    let all = sizes
        .iter()
        .flat_map(|&size| std::iter::repeat_n(size, STATES.len()));
    assert_eq!(draw_all(all), 3 * STATES.len());
}

#[test]
fn resizing_with_the_help_open_keeps_it_open_and_in_bounds() {
    let (_dir, mut app) = app_in("help");
    for (width, height) in [
        (80, 24),
        (20, 5),
        (40, 12),
        (500, 200),
        (1, 1),
        (41, 13),
        (120, 40),
    ] {
        draw_at(&mut app, width, height);
    }
    let shown = screen(&app);
    assert!(shown.contains("any key closes"), "{shown}");
    press(&mut app, &[Char('x')]);
    assert!(!screen(&app).contains("any key closes"));
    assert!(!app.should_quit());
}

/// Finding of issue 15's second round: at 50x14 the alert box and the signs said "press s"
/// while the footer, short of room, had dropped `s`. The key the signs and the alert tell
/// the patient to press ("press s", "s: all") is in the footer at every size tried here,
/// with and without an alert. (Other folds name their key whole in their own words.)
#[test]
fn every_key_the_screen_names_is_in_its_footer() {
    let named = [(["press s", "s: all"], "s signs")];
    let mut checked = 0;
    for state in ["checklist", "alerts", "scrolled", "demo", "save failed"] {
        let (_dir, mut app) = app_in(state);
        for (width, height) in [
            (40, 12),
            (40, 15),
            (50, 14),
            (60, 20),
            (80, 24),
            (100, 30),
            (120, 40),
        ] {
            resize(&mut app, width, height);
            let shown = screen(&app);
            let Some(footer) = shown.lines().find(|l| l.contains("q quit")) else {
                continue;
            };
            let body: String = shown.lines().filter(|l| *l != footer).collect();
            for (says, hint) in &named {
                if says.iter().any(|s| body.contains(s)) {
                    assert!(
                        footer.contains(hint),
                        "{state} at {width}x{height}: the screen names the key of \"{hint}\" \
                         but the footer does not:\n{shown}"
                    );
                    checked += 1;
                }
            }
        }
    }
    println!("{checked} keys named on screen found in the footer");
    assert!(checked > 20, "{checked}");
}

#[test]
fn once_the_plan_is_over_no_size_explains_a_task_it_does_not_show() {
    // Day 43 after 14:00: the plan is over and nothing can be selected. A tall terminal had
    // rows for "Why", and filled them with the sunscreen's reason, a task not on screen.
    for (width, height) in [(80, 24), (100, 40), (160, 50)] {
        let (_dir, store, state) = treated_store();
        let app = app_at(store, state, "2027-01-01T15:00:00+01:00", width, height);
        let shown = screen(&app);
        assert!(shown.contains("Your plan is over"), "{shown}");
        assert!(!shown.contains(" Why "), "{width}x{height}:\n{shown}");
        // Sunscreen is named only as what to keep up after the plan, not explained as a task.
        assert!(!shown.contains("UV can undo"), "{width}x{height}:\n{shown}");
        for words in ["Keep up", "SPF 30+"] {
            assert!(shown.contains(words), "{width}x{height}:\n{shown}");
        }
    }
}

//! Moving the selection with j/k changes the highlight and the "Why" strip's words, and
//! nothing under the strip: the strip keeps one height for the day shown (the longest "Why"
//! of the day's tasks), so what is normal now and the warning signs never jump. Checked on
//! every day of the first two weeks, at 80x24 and at 120x40 (notes beside the tasks).

mod tui_harness;

use aftercare::tui::App;
use chrono_tz::Tz;
use crossterm::event::KeyCode::{Char, Down, Up};
use ratatui::buffer::Buffer;
use tui_harness::{NOW, app_at, buffer, press, treated_store};

/// Presses down (then up) on each day: more than any day has things to select.
const PRESSES: usize = 30;

fn row(buf: &Buffer, y: u16, columns: std::ops::Range<u16>) -> String {
    columns.map(|x| buf[(x, y)].symbol()).collect()
}

/// The row of the "Why" strip's rule and the columns it spans, if the screen shows one.
fn why_rule(buf: &Buffer) -> Option<(u16, u16)> {
    let area = buf.area;
    (0..area.height).find_map(|y| {
        let line = row(buf, y, 0..area.width);
        line.starts_with(" Why ─").then(|| {
            let end = line.trim_end_matches(|c| c != '─').chars().count();
            (y, u16::try_from(end).unwrap())
        })
    })
}

/// The first row under the strip's words: the next section's rule, or the footer.
fn strip_end(buf: &Buffer, why: u16, width: u16) -> u16 {
    (why + 1..buf.area.height)
        .find(|&y| {
            let line = row(buf, y, 0..width);
            line.contains('─') || line.starts_with(" ↑↓")
        })
        .unwrap_or(buf.area.height)
}

/// Every screen on the way down the day's selection and back up.
fn screens_of_day(app: &mut App<Tz>) -> Vec<Buffer> {
    let mut screens = vec![buffer(app)];
    for key in [Down, Up] {
        for _ in 0..PRESSES {
            press(app, &[key]);
            screens.push(buffer(app));
        }
    }
    screens
}

/// Asserts that across `screens` the strip's rule stays on one row and every cell under it,
/// but the strip's own words, stays the same.
fn assert_nothing_below_moves(screens: &[Buffer], what: &str) -> bool {
    let rules: Vec<_> = screens.iter().map(why_rule).collect();
    let Some((why, width)) = rules[0] else {
        assert!(
            rules.iter().all(Option::is_none),
            "{what}: the strip came and went"
        );
        return false;
    };
    assert!(
        rules.iter().all(|r| r.map(|r| r.0) == Some(why)),
        "{what}: the strip's rule moved"
    );
    let end = screens
        .iter()
        .map(|s| strip_end(s, why, width))
        .max()
        .unwrap();
    let area = screens[0].area;
    let below = |s: &Buffer| -> Vec<String> {
        (why + 1..area.height)
            .map(|y| match y < end {
                true => row(s, y, width..area.width),
                false => row(s, y, 0..area.width),
            })
            .collect()
    };
    let first = below(&screens[0]);
    for (i, screen) in screens.iter().enumerate() {
        assert_eq!(
            below(screen),
            first,
            "{what}: press {i} moved a row under the strip"
        );
    }
    true
}

#[test]
fn j_and_k_never_move_a_row_below_the_why_strip() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (_dir, store, state) = treated_store();
        let mut app = app_at(store, state, NOW, width, height);
        // From Day 1 (the treatment's) to Day 14.
        press(&mut app, &[Char('h'), Char('h')]);
        let mut with_strip = 0;
        for day in 1..=14 {
            let screens = screens_of_day(&mut app);
            let what = format!("Day {day} at {width}x{height}");
            with_strip += usize::from(assert_nothing_below_moves(&screens, &what));
            press(&mut app, &[Char('l')]);
        }
        // The check means something only where a strip is shown.
        assert!(
            with_strip >= 5,
            "{width}x{height}: a Why strip on {with_strip} days only"
        );
    }
}

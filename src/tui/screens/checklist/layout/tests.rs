//! The layout's table tests: which part gets how many rows and columns at fixed sizes.

use super::*;

fn needs(list_rows: u16, avoid: &dyn Fn(u16, Option<u16>) -> (u16, bool)) -> Needs<'_> {
    Needs {
        list_rows,
        avoid_rows: avoid,
        avoid_compact: &|_| (5, 5),
        now_rows: 0,
        avoid_open: false,
        notes_rows: &|_| (2, 8),
        notes_naming_emergency: &|_| None,
        detail: true,
        why_rows: &|_, _| 4,
        status: false,
        alerts: 0,
        progress: true,
        progress_first: false,
        row_width: (77, 62),
    }
}

/// Seven rows with a column of times, six with the times over the items, five without;
/// cut to fit below that.
fn avoid(_: u16, budget: Option<u16>) -> (u16, bool) {
    match [7, 6, 5]
        .into_iter()
        .find(|r| budget.is_none_or(|b| *r <= b))
    {
        Some(rows) => (rows, true),
        None => (budget.unwrap_or(0), false),
    }
}

#[test]
fn at_80x24_a_full_day_keeps_every_task_and_thing_to_avoid() {
    // Day 2: a heading, eight tasks on now, the evening folded; the things to avoid keep
    // their times in six rows at the tightest. The strip takes no room from them.
    let day2 = Needs {
        avoid_compact: &|_| (6, 5),
        ..needs(10, &avoid)
    };
    let r = regions(Rect::new(0, 0, 80, 24), &day2);
    assert_eq!(r.progress.height, 0, "{r:?}");
    assert!(!r.side_by_side);
    assert_eq!(r.list.height, 10, "{r:?}");
    assert_eq!(r.avoid.height, 7);
    assert!(r.notes.height >= 2, "{r:?}");
    assert_eq!(r.avoid.y, r.list.bottom());
    assert_eq!(r.disclaimer.y, 23);
    // A day whose things to avoid take a roomier style than they need (Day 8 at 21:00, the
    // things lifted that morning one a line): the strip keeps its row, at their cost.
    let day8 = Needs {
        avoid_compact: &|_| (5, 5),
        ..needs(9, &avoid)
    };
    let r = regions(Rect::new(0, 0, 80, 24), &day8);
    assert_eq!(r.progress.height, 1, "{r:?}");
    assert_eq!(r.list.height, 9, "{r:?}");
    assert_eq!(r.avoid.height, 6, "{r:?}");
    assert!(r.notes.height >= 4, "{r:?}");
}

#[test]
fn wide_terminals_put_the_notes_beside_whole_titles() {
    // At 100 columns the notes would leave the titles too little: they go under them,
    // and with nothing beside it the list takes the width, up to where times would drift.
    let r = regions(Rect::new(0, 0, 100, 30), &needs(10, &avoid));
    assert!(!r.side_by_side);
    assert_eq!(r.list.width, 96);
    let r = regions(Rect::new(0, 0, 80, 24), &needs(10, &avoid));
    assert_eq!(r.list.width, 80);
    let r = regions(Rect::new(0, 0, 120, 40), &needs(10, &avoid));
    assert!(r.side_by_side);
    assert_eq!(r.list.width, 77);
    let r = regions(Rect::new(0, 0, 200, 60), &needs(10, &avoid));
    assert_eq!(r.list.width, 77, "times stay near their titles");
    assert!(r.notes.width > 100);
}

#[test]
fn on_a_small_terminal_the_things_to_avoid_come_before_the_list() {
    let r = regions(Rect::new(0, 0, 40, 15), &needs(10, &avoid));
    assert_eq!(r.avoid.height, 5, "all of it, at its tightest: {r:?}");
    assert!(r.list.height >= LIST_MIN_ROWS, "{r:?}");
    assert!(r.list.height < 10, "the list scrolls");
}

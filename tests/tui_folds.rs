//! A folded line of the main screen names what it holds, however narrow the terminal: whole
//! titles where they fit, then "+N more"; where not even one fits, the first title cut after
//! a whole word ("Use a gentle,…"), never nothing ("▸ Evening, from 20:00 (2)" left a
//! patient to press Enter to learn what was in it). Berlin, treatment Fri 20 Nov 2026 14:00.

mod tui_harness;

use tui_harness::*;

/// Day 2 at 10:00: the evening routine folded under "Evening, from 20:00".
const DAY2_MORNING: &str = "2026-11-21T10:00:00+01:00";

/// The folded evening line, trimmed.
fn evening(shown: &str) -> String {
    let line = shown.lines().find(|l| l.contains("▸ Evening, from 20:00"));
    line.unwrap_or_else(|| panic!("no evening fold:\n{shown}"))
        .trim_matches('"')
        .trim()
        .to_string()
}

#[test]
fn a_fold_too_narrow_for_a_whole_title_names_the_first_cut() {
    let cases = [
        // Nothing beside the list at 80 columns: it takes the width, the title is whole.
        (
            (80, 24),
            "▸ Evening, from 20:00 (2): Use a gentle, fragrance-free cleanser · +1 more",
        ),
        (
            (60, 30),
            "▸ Evening, from 20:00 (2): Use a gentle,… · +1 more",
        ),
        ((50, 30), "▸ Evening, from 20:00 (2): Use a gentle,…"),
        ((40, 30), "▸ Evening, from 20:00 (2): Use a…"),
    ];
    for ((width, height), want) in cases {
        let (_dir, store, state) = treated_store();
        let app = app_at(store, state, DAY2_MORNING, width, height);
        let shown = screen(&app);
        assert_eq!(evening(&shown), want, "{width}x{height}\n{shown}");
        if (width, height) == (80, 24) || width == 50 {
            insta::assert_snapshot!(format!("evening_fold_named_{width}x{height}"), shown);
        }
    }
}

/// Beside the notes at 100x30, the list's column is narrower than the terminal: the fold
/// names what fits in the column, not nothing.
#[test]
fn a_fold_beside_the_notes_names_its_first_title_100x30() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, DAY2_MORNING, 100, 30);
    let shown = screen(&app);
    assert!(
        evening(&shown).starts_with("▸ Evening, from 20:00 (2): Use a gentle,… · +1 more "),
        "{shown}"
    );
}

/// Before 09:00 the tasks of the whole day (water, food) fold under "Daily, from 09:00", as
/// each of their rows says "daily": "Later, from 09:00" read at 08:30 as if they came after
/// the morning's routine. The sunscreen is due from 08:00, before the patient goes out. The
/// evening's fold keeps its name.
#[test]
fn the_days_own_tasks_fold_as_daily_before_0900_80x24() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, "2026-11-22T08:30:00+01:00", 80, 24);
    let shown = screen(&app);
    let folds: Vec<String> = shown
        .lines()
        .filter(|l| l.contains('▸'))
        .map(|l| l.trim_matches('"').trim().to_string())
        .collect();
    assert_eq!(
        folds,
        [
            "▸ Daily, from 09:00 (2): Drink plenty of water · +1 more",
            "▸ Evening, from 20:00 (2): Use a gentle, fragrance-free cleanser · +1 more",
        ],
        "{shown}"
    );
    insta::assert_snapshot!("daily_fold_before_0900_day3_80x24", shown);
}

/// A later slot ticked ahead (`check moisturize@evening` in the morning) is said on its
/// folded line, "(1/2 done)", where it read "(2)" over a task already done (walk).
#[test]
fn a_later_fold_says_what_was_ticked_ahead_80x24() {
    use aftercare::store::Change;
    let (_dir, store, _) = treated_store();
    let state = store
        .apply(&Change::Tick {
            session: at("2026-11-20T14:00:00+01:00"),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            task: "moisturize@evening".into(),
        })
        .unwrap();
    let app = app_at(store, state, DAY2_MORNING, 80, 24);
    assert_eq!(
        evening(&screen(&app)),
        "▸ Evening, from 20:00 (1/2 done): Use a gentle, fragrance-free… · +1 more"
    );
}

//! The warning signs folded into few rows (issue 15, Day 2 at 60x20): the emergency signs are
//! named first whenever any sign is shown, and a fold is made between whole items and says
//! how many more and the key ("+11 more — press s"), never cutting a word or a count.
//! Treated Fri 20 Nov 14:00, Berlin; driven by real keys.

mod tui_harness;

use crossterm::event::KeyCode::Char;
use tui_harness::*;

/// The screen's lines from the warning signs' heading to the key hints.
fn signs(shown: &str) -> Vec<String> {
    shown
        .lines()
        .skip_while(|l| !l.contains("Warning signs"))
        .take_while(|l| !l.contains("? help"))
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

#[test]
fn emergency_signs_are_named_first_and_folds_are_whole_day2_60x20() {
    let (_dir, store, state) = treated_store();
    let mut app = app_at(store, state, "2026-11-21T10:00:00+01:00", 60, 20);
    let shown = screen(&app);
    // Both emergency signs are named: the second ("Red, hot or swollen skin and feeling
    // very unwell") had been folded into "+1 more" to keep the fifth task on now in sight,
    // which two walkers of round 10 called the one risk they found. The list says what is
    // below it instead.
    for title in [
        "Use a gentle, fragrance-free cleanser",
        "Moisturize (hyaluronic acid, ceramides)",
        "Apply SPF 30+ sunscreen",
        "Drink plenty of water",
        "↓ 5 more below",
    ] {
        assert!(shown.contains(title), "{title}\n{shown}");
    }
    let lines = signs(&shown);
    assert_eq!(
        lines,
        [
            // The call-today signs are counted by the heading, where the line counting the
            // rest gave its row to the second emergency sign.
            " Warning signs ─────── your clinic · s: +8 call-today signs",
            " EMERGENCY — call emergency services now: Swollen lips,",
            "   tongue or throat, or trouble breathing · Red, hot or",
            "   swollen skin and feeling very unwell",
        ],
        "{shown}"
    );
    for line in &lines {
        assert!(!line.contains('…'), "{shown}");
    }
    insta::assert_snapshot!("signs_emergency_named_day2_60x20", shown);
    press(&mut app, &[Char('s')]);
    assert!(screen(&app).contains("When to call, and what is normal now"));
}

#[test]
fn at_80x24_the_emergency_signs_stay_named_and_the_rest_counted_whole_day2() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, "2026-11-21T10:00:00+01:00", 80, 24);
    let shown = screen(&app);
    let lines = signs(&shown);
    assert!(
        lines[1].starts_with(" EMERGENCY — call emergency services now: Swollen lips"),
        "{shown}"
    );
    assert!(
        lines
            .last()
            .is_some_and(|l| l.ends_with("— press s") && !l.contains('…')),
        "{shown}"
    );
}

/// At 50x14 the signs have one row: the first emergency sign still named, cut short, and
/// the rest counted after it ("EMERGENCY: 2 signs" named no sign to look out for).
#[test]
fn at_50x14_the_emergency_signs_are_counted_apart_from_the_rest_day2() {
    let (_dir, store, state) = treated_store();
    let app = app_at(store, state, "2026-11-21T10:00:00+01:00", 50, 14);
    let shown = screen(&app);
    assert_eq!(
        signs(&shown)[1..],
        [" EMERGENCY: Swollen lips, to… · 13 more — press s"],
        "{shown}"
    );
    insta::assert_snapshot!("signs_counted_apart_day2_50x14", shown);
}

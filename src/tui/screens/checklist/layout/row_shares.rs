//! How the rows under the header are shared where they are short: the emergency signs named
//! before the rest of the list, the recovery strip's row, and the list against the things
//! to avoid.

use super::{NOTES_FIRST_ROWS, Needs, PROGRESS_STRIP_HEIGHT};
use ratatui::layout::Rect;

/// Rows the list keeps where the emergency signs are named whole: one task and the line
/// saying what is above and below it.
const EMERGENCY_LIST_MIN_ROWS: u16 = 2;

/// Rows for the notes with every emergency sign named, where those leave every thing to
/// avoid and one task in sight in `body` rows; else 0. Before the rest of the tasks on now,
/// which then say what is below ("↓ 3 more below"): at 60x20 the list had pushed the
/// second emergency sign ("Red, hot or swollen skin and feeling very unwell") into a count
/// ("+1 more"), and two walkers called a patient not told that sign means an emergency the
/// one risk they found.
pub(super) fn emergency_named(needs: &Needs, width: u16, body: u16, list_min: u16) -> u16 {
    let Some(named) = (needs.notes_naming_emergency)(width) else {
        return 0;
    };
    let Some(rows) = body.checked_sub(named) else {
        return 0;
    };
    // Never at the cost of a thing to avoid (at its tightest: what was lifted today may
    // fold into a line), or of a task in sight with the line saying what is below it
    // (50x14 keeps counting them).
    let (list, avoid) = list_and_avoid(needs, width, rows, list_min);
    let (timed, flow) = (needs.avoid_compact)(width);
    let avoid_seen = avoid >= timed.min(flow) || (needs.avoid_rows)(width, Some(avoid)).1;
    if avoid_seen && list >= EMERGENCY_LIST_MIN_ROWS.min(needs.list_rows) {
        named
    } else {
        0
    }
}

/// Whether the recovery strip takes its row before the things to avoid get a roomier style:
/// from `PROGRESS_STRIP_HEIGHT` rows, wherever the whole list, every thing to avoid with its
/// time and the first rows of the warning signs still fit beside it. The same rule on every day: Day 8
/// at 21:00 lost the strip to the things lifted that morning shown one a line, while
/// Day 2 at 08:00 kept it.
pub(super) fn strip_keeps_its_row(
    area: Rect,
    needs: &Needs,
    width: u16,
    body: u16,
    list_min: u16,
) -> bool {
    if area.height < PROGRESS_STRIP_HEIGHT || needs.avoid_open {
        return false;
    }
    let (notes_min, notes_max) = (needs.notes_rows)(width);
    let first_notes = NOTES_FIRST_ROWS.min(notes_max).max(notes_min);
    let Some(rows) = body.checked_sub(1 + first_notes) else {
        return false;
    };
    let (list, avoid) = list_and_avoid(needs, width, rows, list_min);
    // The things to avoid keep their times (`avoid_compact`): the strip takes only the
    // room a roomier style would.
    let (timed, _) = (needs.avoid_compact)(width);
    list >= needs.list_rows && avoid >= timed && (needs.avoid_rows)(width, Some(avoid)).1
}

/// Rows for the list of tasks and the things to avoid out of `rows`: both whole when they
/// fit (the things to avoid in the roomiest style that lets the list stay whole), else the
/// things to avoid whole (their times kept where the tasks on now still fit) and the list
/// scrolling, else the things to avoid cut to what fits
/// after `list_min` rows of tasks. Opened by the user, the things to avoid come first.
pub(super) fn list_and_avoid(needs: &Needs, width: u16, rows: u16, list_min: u16) -> (u16, u16) {
    let avoid = |budget: Option<u16>| (needs.avoid_rows)(width, budget);
    if needs.avoid_open {
        let (a, _) = avoid(None);
        let a = a.min(rows);
        return (needs.list_rows.min(rows - a), a);
    }
    // At their tightest the things to avoid keep their times, unless leaving the times out
    // keeps more of the tasks on now in sight.
    let (timed, flow) = (needs.avoid_compact)(width);
    // Cut under them, the list says there is more below on a row of its own.
    let said_below = u16::from(needs.now_rows < needs.list_rows);
    let on_now = (needs.now_rows + said_below).max(list_min);
    // Where neither keeps them all in sight, the fewer rows keep more of them (60x20, where
    // the emergency signs named take a row more than a count of them did).
    let tightest = if timed.saturating_add(on_now) > rows {
        flow.min(timed)
    } else {
        timed
    };
    // Both whole, unless that took the times away: the list's later rows scroll first.
    let (a, whole) = avoid(Some(rows.saturating_sub(needs.list_rows)));
    if whole && a >= tightest {
        return (needs.list_rows.min(rows.saturating_sub(a)), a);
    }
    // The list scrolls, by as little as the things to avoid at their tightest allow.
    let budget = tightest
        .max(rows.saturating_sub(needs.list_rows))
        .min(rows.saturating_sub(list_min));
    let (a, _) = avoid(Some(budget));
    (needs.list_rows.min(rows.saturating_sub(a)), a)
}

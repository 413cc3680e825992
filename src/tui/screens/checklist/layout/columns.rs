//! The notes in a column beside the tasks: whether the terminal is wide enough for that
//! with the tasks' titles whole, and where each part goes then.

use super::row_shares::list_and_avoid;
use super::{Budget, GUTTER, LIST_MAX_WIDTH, LIST_MIN_ROWS, NOTES_MIN_WIDTH, Needs, Regions};
use super::{SIDE_BY_SIDE_WIDTH, WHY_MAX_ROWS};
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};

/// The width of the tasks' column when the notes fit beside it.
pub(super) fn side_width(width: u16, list_width: (u16, u16)) -> Option<u16> {
    if width < SIDE_BY_SIDE_WIDTH {
        return None;
    }
    let (whole, shortest) = list_width;
    let room = width.saturating_sub(GUTTER + NOTES_MIN_WIDTH);
    if whole <= room {
        Some(whole.clamp(shortest.min(LIST_MAX_WIDTH), LIST_MAX_WIDTH))
    } else if shortest <= room {
        Some(room)
    } else {
        None
    }
}

/// Tasks, things to avoid and why in a column of `list_width`, the notes beside them, under
/// a header whose second row and alerts take `head`'s rows.
pub(super) fn side_by_side(
    area: Rect,
    needs: &Needs,
    list_width: u16,
    head: (u16, u16),
    body: u16,
) -> Regions {
    let (summary, alerts) = head;
    let mut budget = Budget { left: body };
    let early = if needs.progress && needs.progress_first {
        budget.take(1)
    } else {
        0
    };
    let (list, avoid) = list_and_avoid(
        needs,
        list_width,
        budget.left,
        needs.list_rows.min(LIST_MIN_ROWS),
    );
    budget.take(list + avoid);
    let progress = match early {
        0 if needs.progress => budget.take(1),
        early => early,
    };
    // The "Why" as tall as the day's longest needs (never shorter than under the tasks
    // where the notes are not beside them), and as tall whichever task is selected.
    let detail = if needs.detail {
        let longest = (needs.why_rows)(list_width, budget.left);
        budget.take(longest.max(WHY_MAX_ROWS))
    } else {
        0
    };
    let [
        title,
        summary,
        progress,
        alerts,
        body_area,
        status,
        hints,
        disclaimer,
    ] = area.layout(&Layout::vertical([
        Length(1),
        Length(summary),
        Length(progress),
        Length(alerts),
        Fill(1),
        Length(u16::from(needs.status)),
        Length(1),
        Length(1),
    ]));
    let [left, _, notes] = body_area.layout(&Layout::horizontal([
        Length(list_width),
        Length(GUTTER),
        Fill(1),
    ]));
    let [list, avoid, detail, _] = left.layout(&Layout::vertical([
        Length(list),
        Length(avoid),
        Length(detail),
        Fill(1),
    ]));
    Regions {
        title,
        summary,
        progress,
        alerts,
        list,
        avoid,
        detail,
        notes,
        status,
        hints,
        disclaimer,
        side_by_side: true,
    }
}

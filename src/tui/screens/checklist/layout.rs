//! Where each part of the checklist screen goes for a given terminal size. Pure, so the
//! view and the mouse handler agree on where the task rows are.

use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};

/// From this width the notes sit beside the checklist instead of under it.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;
/// Rows the checklist keeps before the notes and the task detail get any.
const LIST_MIN_ROWS: u16 = 5;
/// The detail strip: a rule with its title, then two lines of text.
const DETAIL_ROWS: u16 = 3;
const DETAIL_MAX_ROWS: u16 = 5;
/// Below this height the progress strip gives its row to the checklist and the warnings.
const PROGRESS_MIN_HEIGHT: u16 = 16;
/// Below this many body rows (a 24-row terminal has 20) the notes are kept compact.
const SHORT_BODY_ROWS: u16 = 26;
const NOTES_MAX_ROWS_WHEN_SHORT: u16 = 4;

/// What the screen has to show, as far as the layout cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// Headings and tasks in the checklist.
    pub list_rows: u16,
    pub phases: u16,
    pub warnings: u16,
    /// Whether a task is selected, so there is a detail to show.
    pub detail: bool,
    /// Whether there is an error or a notice to show above the footer.
    pub status: bool,
    /// Rows the alert box wants (0: no alerts).
    pub alerts: u16,
    /// Whether there is a recovery to show the progress of.
    pub progress: bool,
}

/// The rectangles of the checklist screen. Empty ones are not drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Regions {
    pub title: Rect,
    pub summary: Rect,
    /// The recovery's heat-map strip, streak and share done.
    pub progress: Rect,
    /// Alerts from the day's check-in, above everything else on the day.
    pub alerts: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub notes: Rect,
    pub status: Rect,
    pub hints: Rect,
    pub disclaimer: Rect,
    /// Whether the notes are a column of their own (with room for their details).
    pub side_by_side: bool,
}

pub fn regions(area: Rect, needs: Needs) -> Regions {
    let [
        title,
        summary,
        progress,
        alerts,
        body,
        status,
        hints,
        disclaimer,
    ] = area.layout(&Layout::vertical([
        Length(1),
        Length(1),
        Length(u16::from(
            needs.progress && area.height >= PROGRESS_MIN_HEIGHT,
        )),
        // Alerts may take up to half the rows under the header, never the whole screen.
        Length(needs.alerts.min(area.height.saturating_sub(4) / 2)),
        Fill(1),
        Length(u16::from(needs.status)),
        Length(1),
        Length(1),
    ]));
    let side_by_side = area.width >= SIDE_BY_SIDE_WIDTH;
    let (list, detail, notes) = if side_by_side {
        let two_fifths = u32::from(area.width) * 2 / 5;
        let notes_width = u16::try_from(two_fifths).unwrap_or(u16::MAX).clamp(36, 56);
        let [left, _gap, notes] = body.layout(&Layout::horizontal([
            Fill(1),
            Length(2),
            Length(notes_width),
        ]));
        let (list_rows, detail_rows) =
            list_and_detail(left.height, needs, DETAIL_ROWS, DETAIL_MAX_ROWS);
        let [list, detail, _] = left.layout(&Layout::vertical([
            Length(list_rows),
            Length(detail_rows),
            Fill(1),
        ]));
        (list, detail, notes)
    } else {
        // The notes' headings sit on their rule; the phases and warnings are listed side by
        // side under it, one line each.
        // On a short screen the notes get at most a heading and three lines ("+2 more" says
        // what is cut), so that both the tasks to do and those to avoid keep their room.
        let cap = if body.height < SHORT_BODY_ROWS {
            NOTES_MAX_ROWS_WHEN_SHORT
        } else {
            u16::MAX
        };
        let wanted = (1 + needs.phases.max(needs.warnings)).min(cap);
        let spare = body
            .height
            .saturating_sub(LIST_MIN_ROWS.min(needs.list_rows));
        let notes_rows = if wanted > 1 && spare >= 2 {
            wanted.min(spare)
        } else {
            0
        };
        // On a short screen the detail keeps one line of text, so that the tasks to avoid
        // stay in view under the progress strip.
        let detail_rows = if body.height < SHORT_BODY_ROWS {
            DETAIL_ROWS - 1
        } else {
            DETAIL_ROWS
        };
        let upper = body.height - notes_rows;
        let (list_rows, detail_rows) = list_and_detail(upper, needs, detail_rows, detail_rows);
        // Everything flows from the top: on a quiet day the notes follow a short list.
        let [list, detail, notes, _] = body.layout(&Layout::vertical([
            Length(list_rows),
            Length(detail_rows),
            Length(notes_rows),
            Fill(1),
        ]));
        (list, detail, notes)
    };
    Regions {
        title,
        summary,
        progress,
        alerts,
        list,
        detail,
        notes,
        status,
        hints,
        disclaimer,
        side_by_side,
    }
}

/// The rows of the task list, and right under it of the selected task's detail, in `height`
/// rows: the detail gets `min_rows`, or up to `max_rows` where the list leaves them spare,
/// and none when the list would be left too few.
fn list_and_detail(height: u16, needs: Needs, min_rows: u16, max_rows: u16) -> (u16, u16) {
    let list_min = LIST_MIN_ROWS.min(needs.list_rows.max(1));
    let detail_rows = if needs.detail && height >= list_min + min_rows {
        height
            .saturating_sub(needs.list_rows)
            .clamp(min_rows, max_rows)
    } else {
        0
    };
    let list_rows = needs.list_rows.min(height.saturating_sub(detail_rows));
    (list_rows, detail_rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY3: Needs = Needs {
        list_rows: 20,
        phases: 5,
        warnings: 2,
        detail: true,
        status: false,
        alerts: 0,
        progress: false,
    };

    #[test]
    fn at_80x24_the_checklist_keeps_room_for_its_tasks() {
        let r = regions(Rect::new(0, 0, 80, 24), DAY3);
        assert!(!r.side_by_side);
        assert_eq!(r.notes.height, NOTES_MAX_ROWS_WHEN_SHORT);
        assert_eq!(r.detail.height, DETAIL_ROWS - 1);
        assert!(r.list.height >= 14, "{r:?}");
        assert_eq!(r.disclaimer.y, 23);
    }

    #[test]
    fn wide_terminals_put_the_notes_beside_the_checklist() {
        let r = regions(Rect::new(0, 0, 120, 40), DAY3);
        assert!(r.side_by_side);
        assert_eq!(r.notes.y, r.list.y);
        assert!(r.notes.x > r.list.right());
    }

    #[test]
    fn small_terminals_keep_the_warnings_and_drop_the_detail() {
        let r = regions(Rect::new(0, 0, 40, 12), DAY3);
        assert_eq!(r.detail.height, 0);
        // A heading and two warnings; the list keeps the rest.
        assert_eq!(r.notes.height, 3);
        assert_eq!(r.list.height, LIST_MIN_ROWS);
    }

    #[test]
    fn a_short_list_is_followed_by_its_detail_and_the_notes() {
        let short = Needs {
            list_rows: 4,
            ..DAY3
        };
        let r = regions(Rect::new(0, 0, 80, 30), short);
        assert_eq!((r.list.y, r.list.height), (2, 4));
        assert_eq!(r.detail.y, 6);
        assert_eq!(r.notes.y, r.detail.bottom());
        assert!(r.notes.bottom() < r.hints.y);
    }
}

//! Where each part of the main screen goes for a given terminal size. Pure, so the view, the
//! keys and the mouse agree on where everything is.
//!
//! The header is two rows (the title, then when the treatment was and how much of today is
//! ticked) on every terminal from `TWO_ROW_HEADER_HEIGHT` rows, one row below it: it depends
//! on the terminal's height alone, never on what the day holds. Rows are then handed out by what a patient must
//! see first: every thing to avoid and every task on now (the list scrolls only when they
//! cannot all fit), the most urgent warning signs, then the rest as room allows: the other
//! signs, the recovery strip, why the selected task matters, what is normal now. From `SIDE_BY_SIDE_WIDTH` the
//! notes sit in a column beside the tasks, as long as the tasks keep their titles whole.

use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};

/// From this width the notes may sit beside the tasks instead of under them.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;
/// The notes column is at least this wide ...
const NOTES_MIN_WIDTH: u16 = 40;
/// ... and the tasks' column at most this wide: past it, times would drift from their titles.
const LIST_MAX_WIDTH: u16 = 96;
/// Columns between the tasks and the notes.
const GUTTER: u16 = 2;
/// Rows the list of tasks keeps, where it has that many, before lesser parts get any.
const LIST_MIN_ROWS: u16 = 4;
/// Rows the list keeps where the emergency signs are named whole: one task and the line
/// saying what is above and below it.
const EMERGENCY_LIST_MIN_ROWS: u16 = 2;
/// The "Why" strip: a rule with its title, then up to three lines of text under the tasks
/// (beside the notes: at least three, more where the day's longest "Why" needs them).
const WHY_MIN_ROWS: u16 = 2;
const WHY_MAX_ROWS: u16 = 4;
/// The most urgent notes get this many rows before the lesser parts get any.
const NOTES_FIRST_ROWS: u16 = 4;
/// From this many rows (80x24 on) the header has its second row, whatever the day holds;
/// below it the title alone says when the treatment was ("Day 3 · Sun 22 Nov · treated 2
/// days ago"), and the headings of the tasks say what is done ("To do now 0/5 done").
pub const TWO_ROW_HEADER_HEIGHT: u16 = 24;
/// From this many rows the recovery strip has its row under the header on every day; below
/// it the header's counts say what is done and every row goes to the day's tasks and signs.
pub const PROGRESS_STRIP_HEIGHT: u16 = 24;

/// What the screen has to show, as far as the layout cares.
pub struct Needs<'a> {
    /// Rows the list of tasks to do wants (headings, tasks, folded lines).
    pub list_rows: u16,
    /// Rows the block of things to avoid takes at `width` in at most `rows` rows (`None`:
    /// as many as it wants), in the roomiest style that fits, and whether that is all of it.
    pub avoid_rows: &'a dyn Fn(u16, Option<u16>) -> (u16, bool),
    /// Rows the things to avoid take at `width` at their tightest, all of them shown: with
    /// their times (inline), and without (one flow).
    pub avoid_compact: &'a dyn Fn(u16) -> (u16, u16),
    /// Rows of the list down to its last task on now: what the times of the things to
    /// avoid never push out of sight.
    pub now_rows: u16,
    /// Whether the user opened the things to avoid that did not fit: they come first then.
    pub avoid_open: bool,
    /// Rows the notes want at `width`: (at least, at most). At least is the warning signs'
    /// heading and the most urgent line; 0 when there are none.
    pub notes_rows: &'a dyn Fn(u16) -> (u16, u16),
    /// Rows the notes take at `width` with every emergency sign named, where their least
    /// names only the first (`None`: the least names them all). Taken after the things to
    /// avoid and the tasks on now, before the rest of the list.
    pub notes_naming_emergency: &'a dyn Fn(u16) -> Option<u16>,
    /// Whether something is selected, so there is a "Why" to show.
    pub detail: bool,
    /// Rows the longest "Why" of the day wants at `width` (its rule included), counted no
    /// further than the second number: beside the notes the strip keeps that height
    /// whatever is selected, so nothing under it moves with the selection.
    pub why_rows: &'a dyn Fn(u16, u16) -> u16,
    /// Whether there is an error or a notice to show above the footer.
    pub status: bool,
    /// Rows the alert box wants (0: no alerts).
    pub alerts: u16,
    /// Whether there is a recovery to show the progress of.
    pub progress: bool,
    /// Whether the recovery strip takes its row before the list does: the list scrolls at
    /// no cost to what must be seen (the page after the plan), so the strip is not dropped.
    pub progress_first: bool,
    /// The width the list's rows want, each alone (its title and its time), with their
    /// times whole and at their shortest: what the list beside the notes takes, and what
    /// decides whether the notes fit beside it. Nothing beside it, the list takes the
    /// screen's width (up to `LIST_MAX_WIDTH`).
    pub row_width: (u16, u16),
}

/// The rectangles of the main screen. Empty ones are not drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Regions {
    pub title: Rect,
    pub summary: Rect,
    /// The recovery's heat-map strip, streak and share done.
    pub progress: Rect,
    /// Alerts from the day's check-in, above everything else on the day.
    pub alerts: Rect,
    pub list: Rect,
    pub avoid: Rect,
    pub detail: Rect,
    pub notes: Rect,
    pub status: Rect,
    pub hints: Rect,
    pub disclaimer: Rect,
    /// Whether the notes are a column of their own (with room for their details).
    pub side_by_side: bool,
}

/// Rows handed out so far, and what is left.
struct Budget {
    left: u16,
}

impl Budget {
    /// Up to `want` rows, as many as are left.
    fn take(&mut self, want: u16) -> u16 {
        let got = want.min(self.left);
        self.left -= got;
        got
    }
}

pub fn regions(area: Rect, needs: &Needs) -> Regions {
    let status = u16::from(needs.status);
    let summary = u16::from(area.height >= TWO_ROW_HEADER_HEIGHT);
    // Alerts may take up to half the rows under the header, never the whole screen.
    let alerts = needs
        .alerts
        .min(area.height.saturating_sub(4 + summary) / 2);
    let fixed = 1 + summary + 2 + status + alerts;
    let body_rows = area.height.saturating_sub(fixed);
    let head = (summary, alerts);
    match side_width(area.width, needs.row_width) {
        Some(list_width) => side_by_side(area, needs, list_width, head, body_rows),
        None => stacked(area, needs, head, body_rows),
    }
}

/// The width the list gets on a terminal `width` wide, for rows that want `row_width`
/// (see `Needs::row_width`): what `regions` gives it, known before its rows are.
pub fn list_column_width(width: u16, row_width: (u16, u16)) -> u16 {
    side_width(width, row_width).unwrap_or(stacked_list_width(width))
}

/// The width of the tasks' list when nothing is beside it: the screen's, so a folded line's
/// titles are not cut with room to spare, up to where times would drift from their titles.
fn stacked_list_width(width: u16) -> u16 {
    width.min(LIST_MAX_WIDTH)
}

/// The width of the tasks' column when the notes fit beside it.
fn side_width(width: u16, list_width: (u16, u16)) -> Option<u16> {
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

/// Tasks, things to avoid, why and notes one above the other, under a header whose second
/// row and alerts take `head`'s rows.
fn stacked(area: Rect, needs: &Needs, head: (u16, u16), body: u16) -> Regions {
    let (summary, alerts) = head;
    let width = area.width;
    let mut budget = Budget { left: body };
    let (notes_min, notes_max) = (needs.notes_rows)(width);
    let list_min = needs.list_rows.min(LIST_MIN_ROWS);
    let strip_first = needs.progress
        && !needs.progress_first
        && strip_keeps_its_row(area, needs, width, body, list_min);
    let early = if needs.progress && (needs.progress_first || strip_first) {
        budget.take(1)
    } else {
        0
    };
    let body = budget.left;
    // Taken before the things to avoid grow roomier, the strip keeps the warning signs'
    // first rows too.
    let notes_kept = if strip_first {
        NOTES_FIRST_ROWS.min(notes_max).max(notes_min)
    } else {
        notes_min
    };
    let notes_kept = notes_kept.max(emergency_named(needs, width, body, list_min));
    // What must show first: the things to avoid, the tasks on now, the most urgent sign.
    // Opened (`a`), the things to avoid may take the most urgent sign's rows too where they
    // need them (it is one key away, `s`): the block was opened to be read whole.
    let (list, avoid) = if needs.avoid_open {
        let (_, avoid) = list_and_avoid(needs, width, body, list_min);
        let list = needs.list_rows.min(body.saturating_sub(avoid + notes_min));
        (list, avoid)
    } else {
        list_and_avoid(needs, width, body.saturating_sub(notes_kept), list_min)
    };
    budget.take(list + avoid);
    // Then the next most urgent signs.
    let mut notes = budget.take(notes_min);
    notes += budget.take(NOTES_FIRST_ROWS.min(notes_max).saturating_sub(notes));
    let progress = match early {
        0 if needs.progress => budget.take(1),
        early => early,
    };
    let detail = if needs.detail && budget.left >= WHY_MIN_ROWS {
        budget.take(WHY_MIN_ROWS)
    } else {
        0
    };
    notes += budget.take(notes_max.saturating_sub(notes));
    let detail = detail
        + if detail > 0 {
            budget.take(WHY_MAX_ROWS - detail)
        } else {
            0
        };
    let [
        title,
        summary,
        progress,
        alerts,
        list,
        avoid,
        detail,
        notes,
        _,
        status,
        hints,
        disclaimer,
    ] = area.layout(&Layout::vertical([
        Length(1),
        Length(summary),
        Length(progress),
        Length(alerts),
        Length(list),
        Length(avoid),
        Length(detail),
        Length(notes),
        Fill(1),
        Length(u16::from(needs.status)),
        Length(1),
        Length(1),
    ]));
    let list = Rect {
        width: stacked_list_width(list.width),
        ..list
    };
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
        side_by_side: false,
    }
}

/// Rows for the notes with every emergency sign named, where those leave every thing to
/// avoid and one task in sight in `body` rows; else 0. Before the rest of the tasks on now,
/// which then say what is below ("↓ 3 more below"): at 60x20 the list had pushed the second emergency sign ("Red,
/// hot or swollen skin and feeling very unwell") into a count ("+1 more"), and two walkers
/// called a patient not told that sign means an emergency the one risk they found.
fn emergency_named(needs: &Needs, width: u16, body: u16, list_min: u16) -> u16 {
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
fn strip_keeps_its_row(area: Rect, needs: &Needs, width: u16, body: u16, list_min: u16) -> bool {
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
fn list_and_avoid(needs: &Needs, width: u16, rows: u16, list_min: u16) -> (u16, u16) {
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

/// Tasks, things to avoid and why in a column of `list_width`, the notes beside them, under
/// a header whose second row and alerts take `head`'s rows.
fn side_by_side(
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

#[cfg(test)]
mod tests;

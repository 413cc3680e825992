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
//!
//! This file lays the parts out one above the other; `columns` puts the notes beside the
//! tasks, `row_shares` shares out the rows where they are short.

use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};

mod columns;
mod row_shares;

use columns::{side_by_side, side_width};
use row_shares::{emergency_named, list_and_avoid, strip_keeps_its_row};

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

#[cfg(test)]
mod tests;

//! What to avoid, as a compact block under the tasks to do: a heading, then the things to
//! avoid as short items flowing along lines, grouped by when they end ("until Sun 14:00  ✕ No
//! makeup  ✕ No intense workouts or heavy sweating"), then what was lifted on the day ("✓
//! Makeup is fine again"). Each item can be selected and ticked like a task.
//!
//! The block is laid out to the rows it is given, in the roomiest way that fits: the times
//! in a column of their own, else over their items, else left out (the selected item's time
//! is in the "Why" strip), and at the smallest as many items as fit and a line that says how
//! many more there are and opens them.
//!
//! This file is the block's shape and how it is fitted to its rows; `place` puts the items
//! on lines in a given style, and `view` draws the block.

mod place;
mod view;

pub use view::AvoidView;

use super::day_model::DayModel;
use crate::checklist::TaskLine;
use chrono::{DateTime, FixedOffset};
use place::{groups, place};

type Instant = DateTime<FixedOffset>;

const HEADING: &str = " To avoid ";
/// Space between two items on a line.
const GAP: usize = 2;
/// Marks an item still to avoid, one ticked as kept today, and one lifted. Kept and lifted
/// mean different things (kept: it still holds, you kept to it today; lifted: its window is
/// over), so they never share a mark: a kept one is ticked like a task done today ("[x]"),
/// a lifted one has the check of something allowed again ("✓ Makeup is fine again").
const AVOID_MARK: &str = "✕ ";
const KEPT_MARK: &str = "[x] ";
const LIFTED_MARK: &str = "✓ ";
/// Where the items start when there is no column of times.
const INDENT: usize = 2;

/// How the times are shown, roomiest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style_ {
    /// "until Sun 14:00" in a column left of its items.
    Column,
    /// "until Sun 14:00" on a line of its own over its items.
    Over,
    /// "until Sun 14:00:" inline before its items, the groups flowing on one after another:
    /// the tightest style that still says until when.
    Inline,
    /// No times: every item in one flow, soonest to end first.
    Flow,
}

/// One item placed: the task it ticks (none for a lifted one), its words, and where each
/// line of it is (line of the block, column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub task: Option<usize>,
    pub lifted: bool,
    pub pieces: Vec<(usize, usize, String)>,
}

/// The block laid out: its lines' labels, its items, and the folded rest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AvoidBlock {
    /// Rows it takes, the heading included (0: nothing to avoid on the day).
    pub rows: usize,
    /// The time labels shown: line under the heading, column, words, whether lifted.
    pub labels: Vec<(usize, usize, String, bool)>,
    pub items: Vec<Item>,
    /// Items left out for want of rows: the line that says so, and how many.
    pub more: Option<(usize, usize)>,
    /// (done, all) of the things still to avoid.
    pub count: (usize, usize),
    /// Lifted restrictions left out for want of rows (they give way before anything still
    /// to avoid).
    pub lifted_hidden: usize,
    /// Whether an item is longer than a line and wraps.
    wraps: bool,
    /// Items not placed because they would start past the rows the block was given (things
    /// still to avoid, and lifted): `cut_to` counts them as left out.
    unplaced: (usize, usize),
    /// Whether the times were left out for want of room (the heading then says so, and
    /// where to read them).
    pub times_hidden: bool,
}

/// A group's words before they are placed.
struct Group {
    label: String,
    lifted: bool,
    /// The task each item ticks (none for a lifted one), its words and their width in cells.
    items: Vec<(Option<usize>, String, usize)>,
}

/// The day's things to avoid in words, grouped, before they are placed: the groups still on
/// (soonest to end first), then what was lifted. Their words and times are formatted once
/// per placement, however many layouts are tried.
pub struct AvoidWords(Vec<Group>);

impl AvoidWords {
    /// `model`'s things to avoid in words, the time read at `now` in `tz`; with a check-in
    /// alert up (`alert_up`), what was lifted says to ask the clinic first.
    pub fn of<Tz: chrono::TimeZone>(
        model: &DayModel,
        tasks: &[TaskLine],
        now: Instant,
        tz: &Tz,
        alert_up: bool,
    ) -> Self {
        AvoidWords(groups(model, tasks, (now, alert_up), tz))
    }
}

impl AvoidBlock {
    /// The roomiest layout of `words` (of `model`'s things to avoid) in `width` cells and at
    /// most `rows` rows (`None`: as many as it takes).
    pub fn lay_out(
        words: &AvoidWords,
        model: &DayModel,
        tasks: &[TaskLine],
        width: usize,
        rows: Option<usize>,
    ) -> AvoidBlock {
        if words.0.is_empty() {
            return AvoidBlock::default();
        }
        let count = model
            .avoid_tasks()
            .fold((0, 0), |(d, n), i| (d + usize::from(tasks[i].done), n + 1));
        AvoidBlock::fit(&words.0, count, width, rows, rows)
    }

    /// `lay_out` of `groups`, placing items only as far as `limit` rows (`place`); the
    /// block is the same with any limit of at least `rows`, or none.
    fn fit(
        groups: &[Group],
        count: (usize, usize),
        width: usize,
        rows: Option<usize>,
        limit: Option<usize>,
    ) -> AvoidBlock {
        // A column of times or times over their items only where no item has to wrap.
        let fits = |b: &AvoidBlock, style| {
            rows.is_none_or(|r| b.rows <= r) && (style == Style_::Flow || !b.wraps)
        };
        let mut last = None;
        let timed = groups.iter().any(|g| !g.lifted);
        for style in [Style_::Column, Style_::Over, Style_::Inline, Style_::Flow] {
            let mut block = place(groups, style, width, count, limit);
            block.times_hidden = timed && style == Style_::Flow;
            if fits(&block, style) {
                return block;
            }
            last = Some(block);
        }
        let rows = rows.unwrap_or(usize::MAX);
        // Cut to fit: with the times inline when only what was lifted gives way, else in one
        // flow with as many as fit.
        if timed {
            let mut inline = place(groups, Style_::Inline, width, count, limit);
            inline.cut_to(rows);
            if inline.more.is_none_or(|(_, hidden)| hidden == 0) {
                return inline;
            }
        }
        let mut block = last.unwrap_or_default();
        block.cut_to(rows);
        block
    }

    /// Keeps the lines that fit in `rows` with the last one saying how many more there are.
    fn cut_to(&mut self, rows: usize) {
        // The heading, and at least the line that says what is left out.
        let lines = rows.saturating_sub(2);
        let fits = |item: &Item| item.pieces.iter().all(|(line, _, _)| *line < lines);
        let (unplaced, lifted_unplaced) = std::mem::take(&mut self.unplaced);
        let hidden = unplaced
            + self
                .items
                .iter()
                .filter(|i| i.task.is_some() && !fits(i))
                .count();
        let lifted_hidden =
            lifted_unplaced + self.items.iter().filter(|i| i.lifted && !fits(i)).count();
        self.items.retain(|item| fits(item));
        self.labels.retain(|(line, _, _, _)| *line < lines);
        if hidden > 0 || lifted_hidden > 0 {
            // Right under the last line kept, not under a gap an item left.
            let next = self
                .items
                .iter()
                .flat_map(|i| i.pieces.iter().map(|(line, _, _)| line + 1))
                .max()
                .unwrap_or(0);
            self.more = Some((next, hidden));
            self.lifted_hidden = lifted_hidden;
            self.rows = next + 2;
        } else {
            self.rows = rows.min(lines + 2);
        }
    }

    /// Rows the block of `words` takes laid out as tightly as it can be with nothing left out:
    /// with every time still shown (inline before its items), and in one flow without them.
    /// The layout lets the times go only where keeping them would push a task on now out
    /// of sight (a patient with an alert up most needs to know until when).
    pub fn compact_rows(words: &AvoidWords, width: usize) -> (usize, usize) {
        let groups = &words.0;
        if groups.is_empty() {
            return (0, 0);
        }
        // What was lifted gives way to one line that opens it. The groups still on come
        // first (`AvoidWords::of`).
        let on = groups.iter().take_while(|g| !g.lifted).count();
        if on == 0 {
            return (2, 2);
        }
        let more = usize::from(on < groups.len());
        let rows = |style| place(&groups[..on], style, width, (0, 0), None).rows + more;
        (rows(Style_::Inline), rows(Style_::Flow))
    }

    /// The task items, in the order the selection moves through them.
    pub fn tasks(&self) -> impl Iterator<Item = usize> + '_ {
        self.items.iter().filter_map(|i| i.task)
    }
}

#[cfg(test)]
mod tests;

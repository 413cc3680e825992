//! What to avoid, as a compact block under the tasks to do: a heading, then the things to
//! avoid as short items flowing along lines, grouped by when they end ("until Sun 14:00  ✕ No
//! makeup  ✕ No intense workouts or heavy sweating"), then what was lifted on the day ("✓
//! Makeup is fine again"). Each item can be selected and ticked like a task.
//!
//! The block is laid out to the rows it is given, in the roomiest way that fits: the times
//! in a column of their own, else over their items, else left out (the selected item's time
//! is in the "Why" strip), and at the smallest as many items as fit and a line that says how
//! many more there are and opens them.

use super::day_model::DayModel;
use crate::checklist::TaskLine;
use crate::plan::clock_label;
use crate::tui::{text, theme};
use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

type Instant = DateTime<FixedOffset>;

const HEADING: &str = " To avoid ";
/// Space between two items on a line.
const GAP: usize = 2;
/// Marks an item still to avoid, one ticked as kept today, and one lifted.
const AVOID_MARK: &str = "✕ ";
const KEPT_MARK: &str = "✓ ";
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
    /// Per line under the heading: the time label shown at its start, if any.
    pub labels: Vec<(usize, String, bool)>,
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
}

/// A group's words before they are placed.
struct Group {
    label: String,
    lifted: bool,
    items: Vec<(Option<usize>, String)>,
}

impl AvoidBlock {
    /// The roomiest layout of `model`'s things to avoid in `width` cells and at most `rows`
    /// rows (`None`: as many as it takes), the time read at `now` in `tz`.
    pub fn lay_out<Tz: chrono::TimeZone>(
        model: &DayModel,
        tasks: &[TaskLine],
        width: usize,
        rows: Option<usize>,
        now: Instant,
        tz: &Tz,
    ) -> AvoidBlock {
        let groups = groups(model, tasks, now, tz);
        if groups.is_empty() {
            return AvoidBlock::default();
        }
        let count = model
            .avoid_tasks()
            .fold((0, 0), |(d, n), i| (d + usize::from(tasks[i].done), n + 1));
        // A column of times or times over their items only where no item has to wrap.
        let fits = |b: &AvoidBlock, style| {
            rows.is_none_or(|r| b.rows <= r) && (style == Style_::Flow || !b.wraps)
        };
        let mut last = None;
        for style in [Style_::Column, Style_::Over, Style_::Flow] {
            let block = place(&groups, style, width, count);
            if fits(&block, style) {
                return block;
            }
            last = Some(block);
        }
        let mut block = last.unwrap_or_default();
        block.cut_to(rows.unwrap_or(usize::MAX));
        block
    }

    /// Keeps the lines that fit in `rows` with the last one saying how many more there are.
    fn cut_to(&mut self, rows: usize) {
        // The heading, and at least the line that says what is left out.
        let lines = rows.saturating_sub(2);
        let fits = |item: &Item| item.pieces.iter().all(|(line, _, _)| *line < lines);
        let hidden = self
            .items
            .iter()
            .filter(|i| i.task.is_some() && !fits(i))
            .count();
        let lifted_hidden = self.items.iter().filter(|i| i.lifted && !fits(i)).count();
        self.items.retain(|item| fits(item));
        self.labels.retain(|(line, _, _)| *line < lines);
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

    /// Rows the block takes laid out as tightly as it can be with nothing left out.
    pub fn compact_rows<Tz: chrono::TimeZone>(
        model: &DayModel,
        tasks: &[TaskLine],
        width: usize,
        now: Instant,
        tz: &Tz,
    ) -> usize {
        let groups = groups(model, tasks, now, tz);
        if groups.is_empty() {
            return 0;
        }
        // What was lifted gives way to one line that opens it.
        let (on, lifted): (Vec<Group>, Vec<Group>) = groups.into_iter().partition(|g| !g.lifted);
        if on.is_empty() {
            return 2;
        }
        place(&on, Style_::Flow, width, (0, 0)).rows + usize::from(!lifted.is_empty())
    }

    /// The task items, in the order the selection moves through them.
    pub fn tasks(&self) -> impl Iterator<Item = usize> + '_ {
        self.items.iter().filter_map(|i| i.task)
    }
}

/// The groups of `model` in words: each still-on group with its time, then what was lifted.
fn groups<Tz: chrono::TimeZone>(
    model: &DayModel,
    tasks: &[TaskLine],
    now: Instant,
    tz: &Tz,
) -> Vec<Group> {
    let clock = |at: Instant| clock_label(at, now, tz);
    let mut groups: Vec<Group> = model
        .avoid
        .iter()
        .map(|g| Group {
            label: match g.from {
                Some(from) => format!("from {}", clock(from)),
                None => format!("until {}", clock(g.until)),
            },
            lifted: false,
            items: g
                .tasks
                .iter()
                .map(|&i| {
                    let mark = if tasks[i].done { KEPT_MARK } else { AVOID_MARK };
                    (Some(i), format!("{mark}{}", tasks[i].title))
                })
                .collect(),
        })
        .collect();
    let mut lifted: Vec<(Instant, String)> = model
        .lifted
        .iter()
        .map(|&i| {
            let t = &tasks[i];
            let words = t
                .lifted
                .clone()
                .unwrap_or_else(|| format!("{}: over", t.title));
            (t.ends, words)
        })
        .collect();
    lifted.sort_by_key(|(at, _)| *at);
    for (at, words) in lifted {
        let label = format!("from {}", clock(at));
        match groups.last_mut().filter(|g| g.lifted && g.label == label) {
            Some(group) => group.items.push((None, format!("{LIFTED_MARK}{words}"))),
            None => groups.push(Group {
                label,
                lifted: true,
                items: vec![(None, format!("{LIFTED_MARK}{words}"))],
            }),
        }
    }
    groups
}

/// The groups placed in `style` in `width` cells.
fn place(groups: &[Group], style: Style_, width: usize, count: (usize, usize)) -> AvoidBlock {
    let label_width = groups
        .iter()
        .map(|g| text::width(&g.label))
        .max()
        .unwrap_or(0)
        + GAP;
    let (start, room) = match style {
        Style_::Column => (
            INDENT + label_width,
            width.saturating_sub(INDENT + label_width),
        ),
        Style_::Over | Style_::Flow => (INDENT, width.saturating_sub(INDENT)),
    };
    let mut block = AvoidBlock {
        count,
        ..AvoidBlock::default()
    };
    // The next free line and column.
    let (mut line, mut x) = (0, 0);
    for (g, group) in groups.iter().enumerate() {
        let new_group = g == 0 || style != Style_::Flow;
        if new_group && g > 0 {
            line += 1;
            x = 0;
        }
        match style {
            Style_::Column => block.labels.push((line, group.label.clone(), group.lifted)),
            Style_::Over => {
                block.labels.push((line, group.label.clone(), group.lifted));
                line += 1;
            }
            Style_::Flow => {}
        }
        for (task, words) in &group.items {
            // Without a column of times, a lifted item says when: "✓ Vitamin C serum is fine
            // again (from 14:00)".
            let words = if style == Style_::Flow && task.is_none() {
                format!("{words} ({})", group.label)
            } else {
                words.clone()
            };
            let w = text::width(&words);
            if x > 0 && x + GAP + w > room {
                line += 1;
                x = 0;
            }
            let at = if x == 0 { 0 } else { x + GAP };
            let pieces = if w <= room {
                x = at + w;
                vec![(line, start + at, words)]
            } else {
                // Longer than a line: wrapped onto lines of its own.
                block.wraps = true;
                let wrapped = text::wrap(&words, room.max(1), usize::MAX);
                let pieces: Vec<_> = wrapped
                    .into_iter()
                    .enumerate()
                    .map(|(k, piece)| (line + k, start + if k == 0 { 0 } else { 2 }, piece))
                    .collect();
                line = pieces.last().map_or(line, |p| p.0);
                x = room;
                pieces
            };
            block.items.push(Item {
                task: *task,
                lifted: task.is_none(),
                pieces,
            });
        }
    }
    block.rows = line + 2;
    block
}

/// The block drawn: `selected` is the task the selection is on, if it is in the block.
pub struct AvoidView<'a> {
    pub block: &'a AvoidBlock,
    pub tasks: &'a [TaskLine],
    pub selected: Option<usize>,
    /// Whether the selection is on the line that opens what did not fit.
    pub more_selected: bool,
    /// Whether the user opened it (and the terminal is still too small for all of it).
    pub open: bool,
}

impl Widget for AvoidView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = self.block;
        if area.height == 0 || block.rows == 0 {
            return;
        }
        let (done, all) = block.count;
        let mut title = vec![Span::styled(HEADING, theme::AVOID_HEADING)];
        if all > 0 {
            title.push(Span::styled(format!("{done}/{all} "), theme::MUTED));
        }
        let rule = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Line::from(title));
        let inner = rule.inner(area);
        rule.render(area, buf);
        let at = |line: usize, x: usize| {
            let y = inner.y + u16::try_from(line).unwrap_or(u16::MAX);
            let x = inner.x + u16::try_from(x).unwrap_or(u16::MAX);
            (y < inner.bottom() && x < inner.right()).then_some((x, y))
        };
        for (line, label, lifted) in &block.labels {
            let look = if *lifted { theme::LIFTED } else { theme::WHEN };
            if let Some((x, y)) = at(*line, INDENT) {
                let room = usize::from(inner.right() - x);
                buf.set_stringn(x, y, label, room, look);
            }
        }
        for item in &block.items {
            let selected = item.task.is_some() && item.task == self.selected;
            let look = item_style(item, self.tasks, selected);
            // The selection's mark in the gap before the item, as in the list of tasks,
            // so it shows without colour too.
            if let Some(&(line, x, _)) = item.pieces.first().filter(|_| selected)
                && let Some((x, y)) = at(line, x.saturating_sub(1))
            {
                buf.set_string(x, y, "›", theme::EMPHASIS);
            }
            for (line, x, words) in &item.pieces {
                if let Some((x, y)) = at(*line, *x) {
                    let room = usize::from(inner.right() - x);
                    let words = text::truncate(words, room);
                    // The mark in its own colour, the words in theirs.
                    let (mark, rest) = split_mark(&words);
                    let mark_look = if selected {
                        look
                    } else {
                        mark_style(item, self.tasks)
                    };
                    let (x2, _) = buf.set_stringn(x, y, mark, room, mark_look);
                    let left = room.saturating_sub(usize::from(x2 - x));
                    buf.set_stringn(x2, y, rest, left, look);
                }
            }
        }
        if let Some(((x, y), hidden)) = block
            .more
            .and_then(|(line, hidden)| Some((at(line, INDENT)?, hidden)))
        {
            let lifted = block.lifted_hidden;
            let words = match (hidden, lifted, self.open) {
                (0, _, true) => "▾ more lifted today than fit: Enter folds".to_string(),
                (h, _, true) => format!("▾ {h} more to avoid than fit here: Enter folds"),
                (0, 1, false) => "▸ 1 restriction lifted today: Enter shows it".to_string(),
                (0, n, false) => format!("▸ {n} restrictions lifted today: Enter shows them"),
                (h, _, false) => format!("▸ {h} more to avoid: Enter shows all"),
            };
            let look = if self.more_selected {
                theme::SELECTED
            } else {
                theme::FOLD
            };
            let room = usize::from(inner.right() - x);
            buf.set_stringn(x, y, text::truncate(&words, room), room, look);
        }
    }
}

fn split_mark(words: &str) -> (&str, &str) {
    for mark in [AVOID_MARK, KEPT_MARK] {
        if let Some(rest) = words.strip_prefix(mark) {
            return (&words[..mark.len()], rest);
        }
    }
    ("", words)
}

fn item_style(item: &Item, tasks: &[TaskLine], selected: bool) -> Style {
    let done = item.task.is_some_and(|i| tasks[i].done);
    match (selected, item.lifted, done) {
        (true, _, true) => theme::SELECTED.patch(theme::SELECTED_DONE),
        (true, _, _) => theme::SELECTED,
        (false, true, _) => theme::LIFTED,
        (false, false, true) => theme::AVOID_KEPT,
        (false, false, false) => theme::TASK,
    }
}

fn mark_style(item: &Item, tasks: &[TaskLine]) -> Style {
    match item.task {
        None => theme::LIFTED,
        Some(i) if tasks[i].done => theme::DO_MARKER,
        Some(_) => theme::AVOID_MARKER,
    }
}

//! The things to avoid in words, grouped by when they end (then what was lifted), and
//! placed on lines in one of the block's styles: a column of times, times over their items,
//! or one flow.

use super::super::day_model::DayModel;
use super::{
    AVOID_MARK, AvoidBlock, GAP, Group, INDENT, Instant, Item, KEPT_MARK, LIFTED_MARK, Style_,
};
use crate::checklist::TaskLine;
use crate::plan::{clock_label_on, end_label_on};
use crate::tui::text;

/// The groups of `model` in words: each still-on group with its time, then what was lifted.
/// With a check-in alert up (`alert_up`) what was lifted is labelled "ask clinic", not
/// with its time: the plan's end of a restriction is not the clinic's word on skin that set
/// off an alert.
pub(super) fn groups<Tz: chrono::TimeZone>(
    model: &DayModel,
    tasks: &[TaskLine],
    (now, alert_up): (Instant, bool),
    tz: &Tz,
) -> Vec<Group> {
    // Read from the day shown, not from today (`clock_label_on`).
    let shown = model.date;
    let today = now.with_timezone(tz).date_naive();
    let clock = |at: Instant| clock_label_on(at, shown, tz);
    let mut groups: Vec<Group> = model
        .avoid
        .iter()
        .map(|g| Group {
            label: match g.from {
                Some(from) => format!("from {}", clock(from)),
                None => format!("until {}", end_label_on(g.until, shown, today, tz)),
            },
            lifted: false,
            items: g
                .tasks
                .iter()
                .map(|&i| {
                    let mark = if tasks[i].done { KEPT_MARK } else { AVOID_MARK };
                    let words = format!("{mark}{}", tasks[i].title);
                    let width = text::width(&words);
                    (Some(i), words, width)
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
                .as_deref()
                .map_or_else(|| format!("{}: over", t.title), str::to_string);
            (t.ends, words)
        })
        .collect();
    lifted.sort_by_key(|(at, _)| *at);
    for (at, words) in lifted {
        // With an alert up, no tick: "ask clinic: ✓ Makeup is fine again" read as go ahead.
        let (label, mark) = match alert_up {
            true => (ASK_CLINIC_FIRST.to_string(), ASK_MARK),
            false => (format!("from {}", clock(at)), LIFTED_MARK),
        };
        let words = format!("{mark}{words}");
        let width = text::width(&words);
        let item = (None, words, width);
        match groups.last_mut().filter(|g| g.lifted && g.label == label) {
            Some(group) => group.items.push(item),
            None => groups.push(Group {
                label,
                lifted: true,
                items: vec![item],
            }),
        }
    }
    groups
}

/// The label of what was lifted while a check-in alert is up, and its mark.
const ASK_CLINIC_FIRST: &str = "ask clinic";
const ASK_MARK: &str = "? ";

/// Cells an inline group's continued line starts in by (`place`).
const HANG: usize = 2;

/// The groups placed in `style` in `width` cells. Given the `rows` the block may take, the
/// items that would start past them are only counted (`AvoidBlock::unplaced`), not placed: a
/// clinic's plan can have tens of thousands of things to avoid on a day, and a few rows.
pub(super) fn place(
    groups: &[Group],
    style: Style_,
    width: usize,
    count: (usize, usize),
    rows: Option<usize>,
) -> AvoidBlock {
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
        Style_::Over | Style_::Inline | Style_::Flow => (INDENT, width.saturating_sub(INDENT)),
    };
    let mut block = AvoidBlock {
        count,
        ..AvoidBlock::default()
    };
    // The next free line and column.
    let (mut line, mut x) = (0, 0);
    // Inline, a line that goes on with a group's items starts `HANG` cells in, so that each
    // "until …:" label stands out at the left and no item reads as having no end time.
    let mut hang = false;
    for (g, group) in groups.iter().enumerate() {
        let flowing = matches!(style, Style_::Inline | Style_::Flow);
        if g > 0 && !flowing {
            line += 1;
            x = 0;
        }
        // Inline, the label goes on the line of the group's first item, never alone at the
        // end of a line.
        let mut inline_label = (style == Style_::Inline).then(|| format!("{}:", group.label));
        match style {
            Style_::Column => block
                .labels
                .push((line, INDENT, group.label.clone(), group.lifted)),
            Style_::Over => {
                block
                    .labels
                    .push((line, INDENT, group.label.clone(), group.lifted));
                line += 1;
            }
            Style_::Inline | Style_::Flow => {}
        }
        for (task, words, width) in &group.items {
            // Lines only grow: from line `rows - 1` on, no item can be within `rows` rows
            // (the heading takes one), and the block already takes more than `rows`.
            if rows.is_some_and(|rows| line + 1 >= rows) {
                let (tasks, lifted) = &mut block.unplaced;
                *if task.is_some() { tasks } else { lifted } += 1;
                continue;
            }
            if let Some(label) = inline_label.take() {
                let lw = text::width(&label);
                if x > 0 && x + GAP + lw + 1 + width > room {
                    line += 1;
                    x = 0;
                }
                let at = if x == 0 { 0 } else { x + GAP };
                block.labels.push((line, start + at, label, group.lifted));
                // The item follows its label after one space.
                x = at + lw.saturating_sub(GAP - 1);
                if at + lw + 1 + width > room {
                    // Too long to share the label's line: the item wraps on from the next.
                    line += 1;
                    x = 0;
                    hang = true;
                }
            }
            // Without a column of times, a lifted item says when: "✓ Vitamin C serum is fine
            // again (from 14:00)".
            let (words, w) = if style == Style_::Flow && task.is_none() {
                let words = format!("{words} ({})", group.label);
                let w = text::width(&words);
                (words, w)
            } else {
                (words.clone(), *width)
            };
            if x > 0 && x + GAP + w > room {
                line += 1;
                x = 0;
                hang = style == Style_::Inline;
            }
            let at = match (x, hang) {
                (0, true) if HANG + w <= room => HANG,
                (0, _) => 0,
                _ => x + GAP,
            };
            hang = false;
            let pieces = if at + w <= room {
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

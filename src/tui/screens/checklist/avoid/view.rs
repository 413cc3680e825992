//! The block of things to avoid drawn: its heading with what was kept, its time labels,
//! each item with its mark (selected, kept, lifted), and the line that opens the rest.

use super::{AVOID_MARK, AvoidBlock, HEADING, INDENT, Item, KEPT_MARK};
use crate::checklist::TaskLine;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// The block drawn: `selected` is the task the selection is on, if it is in the block.
pub struct AvoidView<'a> {
    pub block: &'a AvoidBlock,
    pub tasks: &'a [TaskLine],
    pub selected: Option<usize>,
    /// Whether the selection is on the line that opens what did not fit.
    pub more_selected: bool,
    /// Whether the user opened it (and the terminal is still too small for all of it).
    pub open: bool,
    /// Whether the day shown is today: a day looked back at says what was lifted "that
    /// day" ("lifted today" on Day 3 seen from Day 4 read as lifted on Day 4).
    pub today: bool,
    /// Whether a check-in alert is up: what was lifted, folded, says to ask the clinic
    /// first ("▸ 2 restrictions lifted today" read as makeup being fine again).
    pub alert_up: bool,
}

impl Widget for AvoidView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = self.block;
        if area.height == 0 || block.rows == 0 {
            return;
        }
        let (done, all) = block.count;
        // Folded to fit, the times are not shown, so the heading says so and where they are.
        // `a` works whatever is selected (`i` tells only the selected one's time). Opened and
        // still too small for the times, `i` on an item says its time.
        let notes: &[&str] = match (block.times_hidden && !block.items.is_empty(), self.open) {
            (false, _) => &[],
            (true, true) => &[" soonest to end first · i: its time ", " i: its time "],
            (true, false) => &[" soonest to end first · a: until when ", " a: until when "],
        };
        // "ticked as kept": "0/8 kept" read as eight rules broken by a patient who kept them
        // all and ticked none (walk-through). Where the key to the times would not fit
        // beside it, the short count gives way to the key.
        let heading_room = |count: &str| {
            let used = text::width(HEADING) + if all > 0 { text::width(count) } else { 0 };
            usize::from(area.width).saturating_sub(used + 2)
        };
        let fits = |count: &str| notes.iter().find(|n| text::width(n) <= heading_room(count));
        let long = format!("{done}/{all} ticked as kept ");
        let count = if notes.is_empty() || fits(&long).is_some() {
            long
        } else {
            format!("{done}/{all} kept ")
        };
        let mut title = vec![Span::styled(HEADING, theme::AVOID_HEADING)];
        if all > 0 {
            title.push(Span::styled(count.clone(), theme::MUTED));
        }
        let mut rule = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Line::from(title));
        if let Some(note) = fits(&count) {
            rule = rule.title(Line::styled(*note, theme::MUTED).right_aligned());
        }
        let inner = rule.inner(area);
        rule.render(area, buf);
        let at = |line: usize, x: usize| {
            let y = inner.y + u16::try_from(line).unwrap_or(u16::MAX);
            let x = inner.x + u16::try_from(x).unwrap_or(u16::MAX);
            (y < inner.bottom() && x < inner.right()).then_some((x, y))
        };
        for (line, column, label, lifted) in &block.labels {
            let look = if *lifted { theme::LIFTED } else { theme::WHEN };
            if let Some((x, y)) = at(*line, *column) {
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
            // The key that opens and folds it whatever is selected (`a`); Enter does too on
            // this line.
            let day = match self.today {
                true => "today",
                false => "that day",
            };
            let ask = if self.alert_up {
                " (ask clinic first)"
            } else {
                ""
            };
            let day = format!("{day}{ask}");
            let words = match (hidden, lifted, self.open) {
                (0, _, true) => format!("▾ more lifted {day} than fit: a folds"),
                (h, _, true) => format!("▾ {h} more than fit: Tab lists all"),
                (0, 1, false) => format!("▸ 1 restriction lifted {day}: a shows it"),
                (0, n, false) => format!("▸ {n} restrictions lifted {day}: a shows them"),
                // With none of them above it, "6 more" read as six more than those shown.
                (h, _, false) if block.items.is_empty() => {
                    format!("▸ {h} things to avoid: press a to see them")
                }
                (h, _, false) => format!("▸ {h} more to avoid: press a to see all"),
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

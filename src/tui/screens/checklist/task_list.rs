//! The tasks to do: under a heading, a row each with a box to tick and its time against the
//! right edge, and the slots that are over or begin later each folded into a line. When they
//! do not all fit, the last row says how many more there are, where they are.

use super::day_model::{DayModel, DoRow, Fold, Pick};
use super::fold_line::{fold_style, fold_words_in};
use super::task_row::{RowLook, task_line, when_column_width};
use crate::checklist::{TaskLine, progress_of};
use crate::tui::widgets::{ScrollKeys, out_of_sight, scrollbar};
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// "› " or "  ", then "[x] ".
pub(super) const SELECTION_MARK: &str = "› ";
/// Where a row's box "[x]" is, in columns from the list's left edge: a click there ticks.
pub const BOX_COLUMNS: std::ops::Range<u16> = 2..5;
pub const LEFT_COLUMNS: usize = 6;
/// Space between a title and its time.
pub(super) const GAP: usize = 2;

/// The list of tasks to do: the day's tasks, the model's rows, what is selected and the first
/// row on screen.
pub struct TaskList<'a> {
    pub tasks: &'a [TaskLine],
    pub model: &'a DayModel,
    pub selected: Option<Pick>,
    pub top: usize,
    /// Which folds are open.
    pub is_open: &'a dyn Fn(Fold) -> bool,
    /// Today's check-in, said at the heading's right ("✓ checked in", "c: check in").
    pub checkin: Option<&'static str>,
}

/// What the list shows in its lines: the rows pinned to the top (the heading, kept while the
/// rows under it scroll, so every task shown has its heading above it), then rows
/// `first..last` of the list; `cut` when the last line says what is out of sight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub pinned: usize,
    pub first: usize,
    pub last: usize,
    pub cut: bool,
}

impl Window {
    /// The rows on the list's lines, top to bottom.
    pub fn rows(&self) -> impl Iterator<Item = usize> {
        (0..self.pinned).chain(self.first..self.last)
    }

    /// The row on the list's line `line` (0 = the first), if any.
    pub fn row_on(&self, line: usize) -> Option<usize> {
        self.rows().nth(line)
    }
}

/// The rows of `rows` shown in `height` lines from `top`. Cut, the heading (the first row)
/// stays on the first line where there are lines for it, a row under it and the line that
/// says what is out of sight.
pub fn window(rows: &[DoRow], height: usize, top: usize) -> Window {
    if rows.len() <= height {
        return Window {
            pinned: 0,
            first: 0,
            last: rows.len(),
            cut: false,
        };
    }
    let pinned = usize::from(rows.first() == Some(&DoRow::Heading) && height >= 3);
    let shown = height.saturating_sub(1 + pinned);
    let first = top.max(pinned).min(rows.len() - shown);
    Window {
        pinned,
        first,
        last: first + shown,
        cut: true,
    }
}

/// The first row to show so that row `at` is in view, from `top`, in `height` lines.
pub fn scroll_to(rows: &[DoRow], height: usize, top: usize, at: usize) -> usize {
    let shown = window(rows, height, top);
    let lines = if shown.cut {
        shown.last - shown.first
    } else {
        height
    };
    // A group's heading shows along with its first task (the pinned one always shows).
    let want = if at > shown.pinned && rows[at - 1] == DoRow::Heading {
        at - 1
    } else {
        at
    };
    let top = top.max(shown.pinned);
    let top = if want < top {
        want
    } else if lines > 0 && at >= top + lines {
        at + 1 - lines
    } else {
        top
    };
    top.min(rows.len().saturating_sub(lines))
}

impl Widget for TaskList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // No rows (the things to avoid, opened, took them): nothing, not even "more below".
        if area.is_empty() {
            return;
        }
        let rows = &self.model.do_rows;
        let shown = window(rows, usize::from(area.height), self.top);
        let (first, last, cut) = (shown.first, shown.last, shown.cut);
        let [rows_area, bar_area] =
            area.layout(&Layout::horizontal([Fill(1), Length(u16::from(cut))]));
        let width = usize::from(rows_area.width);
        let visible: Vec<DoRow> = shown.rows().map(|i| rows[i]).collect();
        let when_width = when_column_width(
            visible.iter().filter_map(|r| match r {
                DoRow::Task(i) => Some(&self.tasks[*i]),
                _ => None,
            }),
            rows_area.width,
        );
        let later: Vec<usize> = self
            .model
            .folds
            .iter()
            .filter(|(f, _)| matches!(f, Fold::Later(_)))
            .flat_map(|(_, tasks)| tasks.iter().copied())
            .collect();
        for (row, line_area) in visible.iter().zip(rows_area.rows()) {
            match *row {
                DoRow::Heading => self.heading(line_area, buf),
                DoRow::Nothing => {
                    let words = match (self.model.today, self.model.folds.is_empty()) {
                        (true, false) => "  Nothing on now.",
                        (true, true) => "  Nothing to do today.",
                        (false, _) => "  Nothing to do on this day.",
                    };
                    Line::styled(words, theme::MUTED).render(line_area, buf);
                }
                DoRow::Task(i) => {
                    let selected = self.selected == Some(Pick::Task(i));
                    let task = &self.tasks[i];
                    let look = RowLook::of(task, selected, later.contains(&i));
                    let (line, when) = task_line(task, &look, when_width, width);
                    if selected {
                        buf.set_style(line_area, theme::SELECTED);
                    }
                    line.render(line_area, buf);
                    when.right_aligned().render(line_area, buf);
                }
                DoRow::Fold(fold) => {
                    let selected = self.selected == Some(Pick::Fold(fold));
                    let words = fold_words_in(
                        fold,
                        self.model,
                        self.tasks,
                        (self.is_open)(fold),
                        width.saturating_sub(3),
                    );
                    let look = if selected {
                        theme::SELECTED
                    } else {
                        fold_style(fold, self.model, self.tasks)
                    };
                    if selected {
                        buf.set_style(line_area, theme::SELECTED);
                    }
                    let mark = if selected { SELECTION_MARK } else { "  " };
                    Line::from(vec![
                        Span::styled(mark, theme::EMPHASIS),
                        Span::styled(text::truncate(&words, width.saturating_sub(3)), look),
                    ])
                    .render(line_area, buf);
                }
            }
        }
        if cut {
            let at = Rect {
                y: area.bottom() - 1,
                height: 1,
                ..rows_area
            };
            let above = items(&rows[shown.pinned..first]);
            let below = items(&rows[last..]);
            Line::styled(format!("  {}", more_words(above, below)), theme::MUTED).render(at, buf);
            // At the top with the heading pinned, the first row shown is the first under it.
            scrollbar(first - shown.pinned, rows.len(), bar_area, buf);
        }
    }
}

impl TaskList<'_> {
    /// " To do now 3/8 done · 2 as needed ─────": the tasks listed now (one part of the
    /// day), not the day's (the header counts those).
    fn heading(&self, area: Rect, buf: &mut Buffer) {
        // Tasks done as needed, or once on an earlier day, are listed but not counted
        // (`TaskLine::counts`, as `Checklist::progress`).
        let (done, listed) = progress_of(self.model.now.iter().map(|&i| &self.tasks[i]));
        let name = if self.model.today {
            " To do now "
        } else {
            " To do "
        };
        let mut title = vec![Span::styled(name, theme::DO_HEADING)];
        // Those done as needed are listed and not counted: said, or "0/3 done" over six
        // rows read as a miscount (every walk-through).
        let as_needed = self
            .model
            .now
            .iter()
            .filter(|&&i| self.tasks[i].as_needed)
            .count();
        // Only where it fits beside the check-in word, with a stretch of rule between.
        let room = usize::from(area.width)
            .saturating_sub(name.len() + self.checkin.map_or(0, |c| text::width(c) + 2) + 4);
        if listed > 0 {
            let words = (as_needed > 0)
                .then(|| format!("{done}/{listed} done · {as_needed} as needed "))
                .filter(|w| text::width(w) <= room)
                .unwrap_or_else(|| format!("{done}/{listed} done "));
            title.push(Span::styled(words, theme::MUTED));
        }
        let mut rule = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Line::from(title));
        if let Some(checkin) = self.checkin {
            rule = rule.title(Line::styled(format!(" {checkin} "), theme::MUTED).right_aligned());
        }
        rule.render(area, buf);
    }
}

/// Tasks and folded lines among `rows`.
fn items(rows: &[DoRow]) -> usize {
    rows.iter()
        .filter(|r| matches!(r, DoRow::Task(_) | DoRow::Fold(_)))
        .count()
}

/// "↓ 3 more below", "↑ 2 more above", "↑ 2 above · ↓ 3 below": ↑↓ reach them, as the
/// footer says.
fn more_words(above: usize, below: usize) -> String {
    let keys = ScrollKeys {
        below: "",
        above: "",
        both: "",
    };
    out_of_sight(above, below, &keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_row_says_what_is_out_of_sight() {
        let rows = |n: usize| {
            let mut rows = vec![DoRow::Heading];
            rows.extend((1..n).map(DoRow::Task));
            rows
        };
        let w = |pinned, first, last, cut| Window {
            pinned,
            first,
            last,
            cut,
        };
        assert_eq!(window(&rows(5), 10, 0), w(0, 0, 5, false));
        // Cut, the heading stays on the first line whatever is scrolled under it.
        assert_eq!(window(&rows(12), 10, 0), w(1, 1, 9, true));
        assert_eq!(window(&rows(12), 10, 5), w(1, 4, 12, true));
        let shown: Vec<usize> = window(&rows(12), 10, 5).rows().collect();
        assert_eq!(shown, [0, 4, 5, 6, 7, 8, 9, 10, 11]);
        assert_eq!(window(&rows(12), 10, 5).row_on(1), Some(4));
        // Too few lines for a heading, a row and the words: nothing is pinned.
        assert_eq!(window(&rows(12), 2, 5), w(0, 5, 6, true));
        // Scrolled down to the last row, then back up to the first task: the heading was
        // there all along.
        assert_eq!(scroll_to(&rows(12), 10, 1, 11), 4);
        assert_eq!(scroll_to(&rows(12), 10, 4, 1), 1);
        assert_eq!(more_words(0, 3), "↓ 3 more below");
        assert_eq!(more_words(2, 3), "↑ 2 above · ↓ 3 below");
    }
}

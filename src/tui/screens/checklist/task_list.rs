//! The day's tasks: what to do, then what to avoid, each with a box to tick and its time
//! against the right edge, a scrollbar when they do not all fit.

use super::Row;
use crate::checklist::TaskLine;
use crate::rules::Kind;
use crate::tui::widgets::scrollbar;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Widget};

/// "› " or "  ", then "[x] ".
const SELECTION_MARK: &str = "› ";
/// Where a row's box "[x]" is, in columns from the list's left edge: a click there ticks.
pub const BOX_COLUMNS: std::ops::Range<u16> = 2..5;
const LEFT_COLUMNS: usize = 6;
/// Marks what to avoid without relying on colour.
const AVOID_MARK: &str = "✕ ";
/// Space between a title and its time.
const GAP: usize = 2;
/// Titles keep this many cells (at most half the row) before times are cut.
const TITLE_MIN: usize = 24;

/// The task list: the day's tasks, the rows they are listed in, the selected task and the
/// first row on screen.
pub struct TaskList<'a> {
    pub tasks: &'a [TaskLine],
    pub rows: &'a [Row],
    pub selected: usize,
    pub top: usize,
}

impl Widget for TaskList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.tasks.is_empty() {
            Line::styled("  Nothing to do or avoid on this day.", theme::MUTED).render(area, buf);
            return;
        }
        let overflows = self.rows.len() > usize::from(area.height);
        let [rows_area, bar_area] =
            area.layout(&Layout::horizontal([Fill(1), Length(u16::from(overflows))]));
        let when_width = when_column_width(self.tasks, rows_area.width);
        let width = usize::from(rows_area.width);
        // Only the rows on screen are made into items: a clinic's day can have thousands.
        let visible: Vec<Row> = self
            .rows
            .iter()
            .skip(self.top)
            .take(usize::from(area.height))
            .copied()
            .collect();
        let mut times = Vec::new();
        let items: Vec<ListItem> = visible
            .iter()
            .zip(rows_area.rows())
            .map(|(row, line_area)| match *row {
                Row::Heading(kind) => ListItem::new(heading(kind, self.tasks)),
                Row::Task(i) => {
                    let selected = i == self.selected;
                    let (line, when) = task_line(&self.tasks[i], selected, when_width, width);
                    times.push((when, line_area));
                    let item = ListItem::new(line);
                    if selected {
                        item.style(theme::SELECTED)
                    } else {
                        item
                    }
                }
            })
            .collect();
        List::new(items).render(rows_area, buf);
        // Each time against the right edge of its row, a cell in from it.
        for (when, line_area) in times {
            when.right_aligned().render(line_area, buf);
        }
        scrollbar(self.top, self.rows.len(), bar_area, buf);
    }
}

/// Wide enough for the longest time on the day, as long as titles keep a readable width.
fn when_column_width(tasks: &[TaskLine], row_width: u16) -> usize {
    let longest = tasks
        .iter()
        .map(|t| text::width(&t.when))
        .max()
        .unwrap_or(0);
    let title_min = TITLE_MIN.min(usize::from(row_width) / 2);
    let taken = LEFT_COLUMNS + text::width(AVOID_MARK) + GAP + title_min;
    longest.min(usize::from(row_width).saturating_sub(taken))
}

/// "until Fri 4 Dec 14:00 · 12 d left" in `max` cells: whole, or the deadline alone, or
/// the countdown alone, before cutting words.
fn fit_when(when: &str, max: usize) -> String {
    let parts = when.split_once(" · ").map_or(vec![], |(a, b)| vec![a, b]);
    std::iter::once(when)
        .chain(parts)
        .find(|w| text::width(w) <= max)
        .map_or_else(|| text::truncate(when, max), str::to_string)
}

/// " To do  3/10"
fn heading(kind: Kind, tasks: &[TaskLine]) -> Line<'static> {
    // Tasks done as needed are not counted (`Checklist::progress`).
    let of_kind = tasks.iter().filter(|t| t.kind == kind && !t.as_needed);
    let (done, total) = of_kind.fold((0, 0), |(d, n), t| (d + usize::from(t.done), n + 1));
    let (name, heading_style) = match kind {
        Kind::Do => ("To do", theme::DO_HEADING),
        Kind::Avoid => ("To avoid", theme::AVOID_HEADING),
    };
    Line::from(vec![
        Span::raw(" "),
        Span::styled(name, heading_style),
        Span::styled(format!("  {done}/{total}"), theme::MUTED),
    ])
}

/// "› [ ] ✕ No makeup", and its time "until 14:00 · 5 h left " for the right edge, on a row
/// `width` cells wide.
fn task_line(
    task: &TaskLine,
    selected: bool,
    when_width: usize,
    width: usize,
) -> (Line<'static>, Line<'static>) {
    let mark = if selected { SELECTION_MARK } else { "  " };
    let (check, mut title_style, mut when_style) = if task.done {
        ("[x] ", theme::TASK_DONE, theme::MUTED)
    } else {
        ("[ ] ", theme::TASK, theme::WHEN)
    };
    if task.status == "ended" {
        when_style = theme::MUTED;
    }
    if selected && task.done {
        title_style = title_style.patch(theme::SELECTED_DONE);
        when_style = theme::SELECTED_DONE;
    }
    let (kind_mark, kind_style) = match task.kind {
        Kind::Avoid => (AVOID_MARK, theme::AVOID_MARKER),
        Kind::Do => ("", Style::new()),
    };
    let when = fit_when(
        &task.when,
        when_width.min(width.saturating_sub(LEFT_COLUMNS + 4)),
    );
    let title_room =
        width.saturating_sub(LEFT_COLUMNS + text::width(kind_mark) + text::width(&when) + GAP + 1);
    let title = text::truncate(&task.title, title_room);
    let check_style = if task.done {
        theme::DO_MARKER
    } else {
        theme::TASK
    };
    let line = Line::from(vec![
        Span::styled(mark, theme::EMPHASIS),
        Span::styled(check, check_style),
        Span::styled(kind_mark, kind_style),
        Span::styled(title, title_style),
    ]);
    (
        line,
        Line::from(vec![Span::styled(when, when_style), Span::raw(" ")]),
    )
}

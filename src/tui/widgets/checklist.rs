//! The day's tasks: what to do, then what to avoid, each with a box to tick and its time.

use crate::checklist::TaskLine;
use crate::rules::Kind;
use crate::tui::app::{App, Row};
use crate::tui::paint::Paint;
use crate::tui::split::{self, Part};
use crate::tui::{style, text};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// "› " or "  ", then "[x] ".
const SELECTION_MARK: &str = "› ";
const LEFT_COLUMNS: usize = 6;
/// Marks what to avoid without relying on colour.
const AVOID_MARK: &str = "✕ ";
/// Space between a title and its time.
const GAP: usize = 2;
/// Titles keep this many cells (at most half the row) before times are cut.
const TITLE_MIN: usize = 24;

pub struct TaskList<'a, Tz: TimeZone>(pub &'a App<Tz>);

impl<Tz: TimeZone> Widget for TaskList<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let Some(list) = app.checklist.as_ref() else {
            return;
        };
        if list.tasks.is_empty() {
            Line::styled("  Nothing to do or avoid on this day.", style::MUTED).paint(area, buf);
            return;
        }
        let rows = app.rows();
        let overflows = rows.len() > usize::from(area.height);
        let [rows_area, bar_area] =
            split::columns(area, [Part::Fill, Part::Len(u16::from(overflows))], 0);
        let visible = rows.iter().skip(app.top).take(usize::from(area.height));
        let when_width = when_column_width(&list.tasks, rows_area.width);
        for (y, row) in (rows_area.y..).zip(visible) {
            let line_area = Rect {
                y,
                height: 1,
                ..rows_area
            };
            match *row {
                Row::Heading(kind) => render_heading(kind, &list.tasks, line_area, buf),
                Row::Task(i) => render_task(
                    &list.tasks[i],
                    i == app.selected,
                    when_width,
                    line_area,
                    buf,
                ),
            }
        }
        super::scrollbar::render(app.top, rows.len(), bar_area, buf);
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

fn render_heading(kind: Kind, tasks: &[TaskLine], area: Rect, buf: &mut Buffer) {
    let of_kind = tasks.iter().filter(|t| t.kind == kind);
    let (done, total) = of_kind.fold((0, 0), |(d, n), t| (d + usize::from(t.done), n + 1));
    let (name, heading_style) = match kind {
        Kind::Do => ("To do", style::DO_HEADING),
        Kind::Avoid => ("To avoid", style::AVOID_HEADING),
    };
    Line::from(vec![
        Span::raw(" "),
        Span::styled(name, heading_style),
        Span::styled(format!("  {done}/{total}"), style::MUTED),
    ])
    .paint(area, buf);
}

fn render_task(task: &TaskLine, selected: bool, when_width: usize, area: Rect, buf: &mut Buffer) {
    if selected {
        buf.set_style(area, style::SELECTED);
    }
    let mark = if selected { SELECTION_MARK } else { "  " };
    let (check, mut title_style, mut when_style) = if task.done {
        ("[x] ", style::TASK_DONE, style::MUTED)
    } else {
        ("[ ] ", style::TASK, style::WHEN)
    };
    if task.status == "ended" {
        when_style = style::MUTED;
    }
    if selected && task.done {
        title_style = title_style.patch(style::SELECTED_DONE);
        when_style = style::SELECTED_DONE;
    }
    let (kind_mark, kind_style) = match task.kind {
        Kind::Avoid => (AVOID_MARK, style::AVOID_MARKER),
        Kind::Do => ("", Style::new()),
    };
    let width = usize::from(area.width);
    let when = fit_when(
        &task.when,
        when_width.min(width.saturating_sub(LEFT_COLUMNS + 4)),
    );
    let title_room =
        width.saturating_sub(LEFT_COLUMNS + text::width(kind_mark) + text::width(&when) + GAP + 1);
    let title = text::truncate(&task.title, title_room);
    let check_style = if task.done {
        style::DO_MARKER
    } else {
        style::TASK
    };
    Line::from(vec![
        Span::styled(mark, style::EMPHASIS),
        Span::styled(check, check_style),
        Span::styled(kind_mark, kind_style),
        Span::styled(title, title_style),
    ])
    .paint(area, buf);
    Line::from(vec![Span::styled(when, when_style), Span::raw(" ")])
        .right_aligned()
        .paint(area, buf);
}

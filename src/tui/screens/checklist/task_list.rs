//! The tasks to do: under a heading, a row each with a box to tick and its time against the
//! right edge, and the slots that are over or begin later each folded into a line. When they
//! do not all fit, the last row says how many more there are, where they are.

use super::day_model::{DayModel, DoRow, Fold, Pick};
use crate::checklist::TaskLine;
use crate::plan::Standing;
use crate::tui::widgets::scrollbar;
use crate::tui::{text, theme};
use chrono::Timelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

/// "› " or "  ", then "[x] ".
const SELECTION_MARK: &str = "› ";
/// Where a row's box "[x]" is, in columns from the list's left edge: a click there ticks.
pub const BOX_COLUMNS: std::ops::Range<u16> = 2..5;
pub const LEFT_COLUMNS: usize = 6;
/// Space between a title and its time.
const GAP: usize = 2;
/// Titles keep this many cells (at most half the row) before times are cut.
const TITLE_MIN: usize = 24;
/// Between the titles of a folded line.
const TITLE_SEPARATOR: &str = " · ";

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

/// The rows of `rows` shown in `height` rows from `top`: (first, past the last), and
/// whether the last row says what is out of sight.
pub fn window(rows: usize, height: usize, top: usize) -> (usize, usize, bool) {
    if rows <= height {
        return (0, rows, false);
    }
    let shown = height.saturating_sub(1);
    let top = top.min(rows - shown);
    (top, top + shown, true)
}

/// The first row to show so that row `at` is in view, from `top`, in `height` rows.
pub fn scroll_to(rows: &[DoRow], height: usize, top: usize, at: usize) -> usize {
    let (_, _, cut) = window(rows.len(), height, top);
    let shown = if cut {
        height.saturating_sub(1)
    } else {
        height
    };
    // A group's heading shows along with its first task.
    let want = if at > 0 && rows[at - 1] == DoRow::Heading {
        at - 1
    } else {
        at
    };
    let top = if want < top {
        want
    } else if shown > 0 && at >= top + shown {
        at + 1 - shown
    } else {
        top
    };
    top.min(rows.len().saturating_sub(shown))
}

impl Widget for TaskList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // No rows (the things to avoid, opened, took them): nothing, not even "more below".
        if area.is_empty() {
            return;
        }
        let rows = &self.model.do_rows;
        let (first, last, cut) = window(rows.len(), usize::from(area.height), self.top);
        let [rows_area, bar_area] =
            area.layout(&Layout::horizontal([Fill(1), Length(u16::from(cut))]));
        let width = usize::from(rows_area.width);
        let visible = &rows[first..last];
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
                    let words = fold_words(fold, self.model, self.tasks, (self.is_open)(fold));
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
            let above = items(&rows[..first]);
            let below = items(&rows[last..]);
            Line::styled(format!("  {}", more_words(above, below)), theme::MUTED).render(at, buf);
            scrollbar(first, rows.len(), bar_area, buf);
        }
    }
}

impl TaskList<'_> {
    /// " To do now  3/8 ─────"
    fn heading(&self, area: Rect, buf: &mut Buffer) {
        // Tasks done as needed are listed but not counted (`Checklist::progress`).
        let listed: Vec<usize> = self
            .model
            .now
            .iter()
            .copied()
            .filter(|&i| !self.tasks[i].as_needed)
            .collect();
        let done = listed.iter().filter(|&&i| self.tasks[i].done).count();
        let name = if self.model.today {
            " To do now "
        } else {
            " To do "
        };
        let mut title = vec![Span::styled(name, theme::DO_HEADING)];
        if !listed.is_empty() {
            title.push(Span::styled(
                format!("{done}/{} ", listed.len()),
                theme::MUTED,
            ));
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

/// "↓ 3 more below", "↑ 2 more above", "↑ 2 above · ↓ 3 below".
fn more_words(above: usize, below: usize) -> String {
    match (above, below) {
        (0, b) => format!("↓ {b} more below"),
        (a, 0) => format!("↑ {a} more above"),
        (a, b) => format!("↑ {a} above · ↓ {b} below"),
    }
}

/// How a task's row looks.
struct RowLook {
    mark: &'static str,
    check: &'static str,
    check_style: Style,
    title: Style,
    when: Style,
}

impl RowLook {
    fn of(task: &TaskLine, selected: bool, later: bool) -> RowLook {
        let mut look = RowLook {
            mark: if selected { SELECTION_MARK } else { "  " },
            check: if task.done { "[x] " } else { "[ ] " },
            check_style: if task.done {
                theme::DO_MARKER
            } else {
                theme::TASK
            },
            title: theme::TASK,
            when: theme::WHEN,
        };
        if task.coming_up {
            look.title = theme::MILESTONE_TITLE;
        } else if task.standing == Standing::Missed {
            look.when = theme::MISSED;
        } else if later {
            look.title = theme::LATER;
        }
        if task.done {
            look.title = theme::TASK_DONE;
            look.when = theme::MUTED;
        }
        if selected {
            look.title = theme::SELECTED.patch(look.title);
            look.when = theme::SELECTED.patch(look.when);
            if task.done {
                look.title = look.title.patch(theme::SELECTED_DONE);
                look.when = look.when.patch(theme::SELECTED_DONE);
            }
        }
        look
    }
}

/// Wide enough for the longest time of `tasks` where every title stays whole beside it;
/// else as wide as lets every title stay whole with each time at its shortest; else titles
/// keep a readable width and times give way.
fn when_column_width<'t>(tasks: impl Iterator<Item = &'t TaskLine>, row_width: u16) -> usize {
    let (mut title, mut longest, mut shortest) = (0, 0, 0);
    for task in tasks {
        let when = when_words(task);
        title = title.max(text::width(&task.title));
        longest = longest.max(text::width(&when));
        shortest = shortest.max(when.split(" · ").map(text::width).min().unwrap_or(0));
    }
    let row = usize::from(row_width);
    let beside_whole_titles = row.saturating_sub(LEFT_COLUMNS + GAP + 1 + title);
    if beside_whole_titles >= shortest {
        return longest.min(beside_whole_titles);
    }
    let title_min = TITLE_MIN.min(row / 2);
    longest.min(row.saturating_sub(LEFT_COLUMNS + GAP + title_min))
}

/// The time of a task as its row says it: "morning", "until Sun 14:00 · 1 d 4 h left",
/// "missed · morning", "coming up · from Fri 14:00 · in 5 d".
pub fn when_words(task: &TaskLine) -> String {
    if task.coming_up {
        format!("coming up · {}", task.when)
    } else if task.standing == Standing::Missed && !task.done {
        match task.slot {
            Some(slot) => format!("missed · {slot}"),
            None => "missed".to_string(),
        }
    } else {
        task.when.clone()
    }
}

/// "until Fri 4 Dec 14:00 · 12 d left" in `max` cells: whole, or its first part, or its
/// last, before cutting words.
pub fn fit_when(when: &str, max: usize) -> String {
    let parts: Vec<&str> = when.split(" · ").collect();
    let first_two = parts.get(..2).map(|p| p.join(" · "));
    std::iter::once(when.to_string())
        .chain(first_two)
        .chain(parts.first().map(|s| s.to_string()))
        .chain(parts.last().map(|s| s.to_string()))
        .find(|w| text::width(w) <= max)
        .unwrap_or_else(|| text::truncate(when, max))
}

/// "› [ ] Moisturize …", and its time "morning " for the right edge, in a row `width` wide.
fn task_line(
    task: &TaskLine,
    look: &RowLook,
    when_width: usize,
    width: usize,
) -> (Line<'static>, Line<'static>) {
    // The column's width, unless this row's title is too long for it: then as much of the
    // time as fits beside the whole title, else its shortest part and the title cut.
    let words = when_words(task);
    let shortest = words.split(" · ").map(text::width).min().unwrap_or(0);
    let beside = width.saturating_sub(LEFT_COLUMNS + GAP + 1 + text::width(&task.title));
    let room = if beside >= when_width {
        when_width
    } else if beside >= shortest {
        beside
    } else {
        shortest.min(when_width)
    };
    let when = fit_when(&words, room.min(width.saturating_sub(LEFT_COLUMNS + 4)));
    let title_room = width.saturating_sub(LEFT_COLUMNS + text::width(&when) + GAP + 1);
    let title = text::truncate(&task.title, title_room);
    let line = Line::from(vec![
        Span::styled(look.mark, theme::EMPHASIS),
        Span::styled(look.check, look.check_style),
        Span::styled(title, look.title),
    ]);
    let when = Line::from(vec![Span::styled(when, look.when), Span::raw(" ")]);
    (line, when)
}

/// A task over and not ticked that counted: missed (one done as needed never is).
fn is_missed(task: &TaskLine) -> bool {
    !task.done && !task.as_needed
}

/// A folded line's words: "▸ Later, from 20:00 (2): Use a gentle … · Moisturize …",
/// "▸ Missed this morning (2): …", "▾ Later, from 20:00 (2)" when open.
pub fn fold_words(fold: Fold, model: &DayModel, tasks: &[TaskLine], open: bool) -> String {
    let members = model.fold_tasks(fold);
    let (arrow, titles) = if open {
        ("▾", String::new())
    } else {
        let titles: Vec<&str> = members.iter().map(|&i| tasks[i].title.as_str()).collect();
        ("▸", format!(": {}", titles.join(TITLE_SEPARATOR)))
    };
    let slot_of_all =
        |name: &str| members.iter().all(|&i| tasks[i].slot == Some(name)) && !members.is_empty();
    match fold {
        Fold::Earlier => {
            // Tasks done as needed are never missed.
            let missed = members.iter().filter(|&&i| is_missed(&tasks[i])).count();
            let done = members.iter().filter(|&&i| tasks[i].done).count();
            let all = members.len();
            let when = if slot_of_all("morning") {
                "this morning"
            } else {
                "earlier today"
            };
            match (missed, done) {
                (0, d) if d == all => format!("{arrow} Done {when} ✓ ({done}){titles}"),
                (0, 0) => format!("{arrow} Over {when} ({all}){titles}"),
                (0, d) => format!("{arrow} Over {when} ({all}, {d} done){titles}"),
                (m, 0) => format!("{arrow} Missed {when} ({m}){titles}"),
                (m, d) => format!("{arrow} Missed {when} ({m}, {d} done){titles}"),
            }
        }
        Fold::Later(from) => {
            let name = if slot_of_all("evening") {
                "Evening"
            } else if slot_of_all("morning") {
                "Morning"
            } else {
                "Later"
            };
            let at = format!("{:02}:{:02}", from.hour(), from.minute());
            format!("{arrow} {name}, from {at} ({}){titles}", members.len())
        }
        Fold::Avoid => format!("{arrow} {} more to avoid", members.len()),
    }
}

fn fold_style(fold: Fold, model: &DayModel, tasks: &[TaskLine]) -> Style {
    match fold {
        Fold::Earlier if model.fold_tasks(fold).iter().any(|&i| is_missed(&tasks[i])) => {
            theme::MISSED
        }
        Fold::Earlier => theme::MUTED,
        _ => theme::FOLD,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_give_way_part_by_part() {
        let when = "until Sun 14:00 · 1 d 4 h left";
        assert_eq!(fit_when(when, 40), when);
        assert_eq!(fit_when(when, 20), "until Sun 14:00");
        assert_eq!(
            fit_when("coming up · from Fri 14:00 · in 5 d", 28),
            "coming up · from Fri 14:00"
        );
        assert_eq!(fit_when(when, 12), "1 d 4 h left");
    }

    #[test]
    fn the_last_row_says_what_is_out_of_sight() {
        assert_eq!(window(5, 10, 0), (0, 5, false));
        assert_eq!(window(12, 10, 0), (0, 9, true));
        assert_eq!(window(12, 10, 5), (3, 12, true));
        assert_eq!(more_words(0, 3), "↓ 3 more below");
        assert_eq!(more_words(2, 3), "↑ 2 above · ↓ 3 below");
    }
}

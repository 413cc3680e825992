//! One task's row in the list of tasks to do: how it looks (selected, done, missed, later,
//! coming up), its box and title, and its time fitted against the right edge.

use super::task_list::{GAP, LEFT_COLUMNS, SELECTION_MARK};
use crate::checklist::TaskLine;
use crate::plan::Standing;
use crate::tui::{text, theme};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Titles keep this many cells (at most half the row) before times are cut.
const TITLE_MIN: usize = 24;

/// How a task's row looks.
pub(super) struct RowLook {
    pub(super) mark: &'static str,
    pub(super) check: &'static str,
    pub(super) check_style: Style,
    pub(super) title: Style,
    pub(super) when: Style,
}

impl RowLook {
    pub(super) fn of(task: &TaskLine, selected: bool, later: bool) -> RowLook {
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
pub(super) fn when_column_width<'t>(
    tasks: impl Iterator<Item = &'t TaskLine>,
    row_width: u16,
) -> usize {
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
/// "missed · morning", "session possible in 5 d · from Fri 14:00" (the booking coming up: its
/// words are the checklist's, as `today` prints them).
pub fn when_words(task: &TaskLine) -> String {
    // The folded line over a later slot says when it begins.
    task.when_at(None)
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
pub(super) fn task_line(
    task: &TaskLine,
    look: &RowLook,
    when_width: usize,
    width: usize,
) -> (Line<'static>, Line<'static>) {
    // As much of the time as fits beside the whole title: at least the column's width (the
    // times right-aligned, a longer one reaching further left beside a short title), else
    // its shortest part and the title cut.
    let words = when_words(task);
    let shortest = words.split(" · ").map(text::width).min().unwrap_or(0);
    let beside = width.saturating_sub(LEFT_COLUMNS + GAP + 1 + text::width(&task.title));
    let room = if beside >= when_width.min(shortest) {
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

/// A task over and not ticked that counted: missed (one done as needed never is, nor one
/// over before the app knew of the treatment).
pub(super) fn is_missed(task: &TaskLine) -> bool {
    !task.done && !task.as_needed && !task.before_recorded
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
            fit_when("session possible in 5 d · from Fri 14:00", 24),
            "session possible in 5 d"
        );
        assert_eq!(fit_when(when, 12), "1 d 4 h left");
    }
}

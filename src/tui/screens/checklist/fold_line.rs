//! A folded line in the list of tasks to do: the slots that are over or begin later, each
//! said in one line ("▸ Missed this morning (2): …"), and how it looks.

use super::day_model::{DayModel, Fold};
use super::task_row::is_missed;
use crate::checklist::TaskLine;
use crate::tui::{text, theme};
use chrono::Timelike;
use ratatui::style::Style;

/// Between the titles of a folded line.
const TITLE_SEPARATOR: &str = " · ";

/// A folded line's words: "▸ Later, from 20:00 (2): Use a gentle … · Moisturize …",
/// "▸ Missed this morning (2): …", "▾ Later, from 20:00 (2)" when open.
pub fn fold_words(fold: Fold, model: &DayModel, tasks: &[TaskLine], open: bool) -> String {
    fold_words_in(fold, model, tasks, open, usize::MAX)
}

/// `fold_words` in at most `width` cells: as many whole titles as fit, then how many more
/// ("▸ Evening, from 20:00 (2): Use a gentle, fragrance-free cleanser · +1 more"), so a
/// fold never cuts a title mid-word.
pub fn fold_words_in(
    fold: Fold,
    model: &DayModel,
    tasks: &[TaskLine],
    open: bool,
    width: usize,
) -> String {
    let members = model.fold_tasks(fold);
    let all: Vec<&str> = members.iter().map(|&i| &*tasks[i].title).collect();
    let named = |n: usize| match (n, all.len() - n) {
        (0, _) => String::new(),
        (n, 0) => format!(": {}", all[..n].join(TITLE_SEPARATOR)),
        (n, more) => format!(
            ": {}{TITLE_SEPARATOR}+{more} more",
            all[..n].join(TITLE_SEPARATOR)
        ),
    };
    let head = fold_head(fold, model, tasks, open, "");
    let titles = (0..=all.len())
        .rev()
        .map(named)
        .find(|t| text::width(&head) + text::width(t) <= width)
        .unwrap_or_default();
    if open {
        head
    } else {
        fold_head(fold, model, tasks, open, &titles)
    }
}

/// A folded line's words up to its titles, `titles` then added where they go.
fn fold_head(fold: Fold, model: &DayModel, tasks: &[TaskLine], open: bool, titles: &str) -> String {
    let members = model.fold_tasks(fold);
    let arrow = if open { "▾" } else { "▸" };
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

/// How a folded line looks: missed in the colour of missed tasks.
pub(super) fn fold_style(fold: Fold, model: &DayModel, tasks: &[TaskLine]) -> Style {
    match fold {
        Fold::Earlier if model.fold_tasks(fold).iter().any(|&i| is_missed(&tasks[i])) => {
            theme::MISSED
        }
        Fold::Earlier => theme::MUTED,
        _ => theme::FOLD,
    }
}

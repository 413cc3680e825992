//! A folded line in the list of tasks to do: the slots that are over or begin later, each
//! said in one line ("▸ Missed this morning (2): …"), and how it looks.

use super::day_model::{DayModel, Fold};
use super::task_row::is_missed;
use crate::checklist::TaskLine;
use crate::tui::theme;
use chrono::Timelike;
use ratatui::style::Style;

/// Between the titles of a folded line.
const TITLE_SEPARATOR: &str = " · ";

/// A folded line's words: "▸ Later, from 20:00 (2): Use a gentle … · Moisturize …",
/// "▸ Missed this morning (2): …", "▾ Later, from 20:00 (2)" when open.
pub fn fold_words(fold: Fold, model: &DayModel, tasks: &[TaskLine], open: bool) -> String {
    let members = model.fold_tasks(fold);
    let (arrow, titles) = if open {
        ("▾", String::new())
    } else {
        let titles: Vec<&str> = members.iter().map(|&i| &*tasks[i].title).collect();
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

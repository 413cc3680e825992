//! A folded line in the list of tasks to do: the slots that are over or begin later, each
//! said in one line ("▸ Missed this morning (2): …", "(1/2 done)" once one is ticked), and how
//! it looks.

use super::day_model::{DayModel, Fold};
use super::task_row::is_missed;
use crate::checklist::{TaskLine, progress_of};
use crate::rules::Repeat;
use crate::tui::{text, theme};
use chrono::Timelike;
use ratatui::style::Style;

/// Between the titles of a folded line.
const TITLE_SEPARATOR: &str = " · ";

/// A folded line's words: "▸ Evening, from 20:00 (2): Use a gentle … · Moisturize …",
/// "▸ Daily, from 09:00 (3): Apply SPF 30+ sunscreen · +2 more",
/// "▸ Missed this morning (2): …", "▾ Later, from 20:00 (2)" when open.
pub fn fold_words(fold: Fold, model: &DayModel, tasks: &[TaskLine], open: bool) -> String {
    fold_words_in(fold, model, tasks, open, usize::MAX)
}

/// `fold_words` in at most `width` cells: as many whole titles as fit, then how many more
/// ("▸ Evening, from 20:00 (2): Use a gentle, fragrance-free cleanser · +1 more"), so a
/// fold never cuts a title mid-word. Where not even one whole title fits, the first is cut
/// after its last whole word that fits ("▸ Evening, from 20:00 (2): Use a gentle,… · +1
/// more"): a fold that names nothing left a patient to open it to learn what it holds.
/// Nothing is named only where not even `MIN_CUT` cells of a title fit.
pub fn fold_words_in(
    fold: Fold,
    model: &DayModel,
    tasks: &[TaskLine],
    open: bool,
    width: usize,
) -> String {
    let head = fold_head(fold, model, tasks, open, "");
    if open {
        return head;
    }
    let members = model.fold_tasks(fold);
    let all: Vec<&str> = members.iter().map(|&i| &*tasks[i].title).collect();
    let room = width.saturating_sub(text::width(&head));
    let named = |n: usize| named_titles(&all[..n], all.len() - n);
    let titles = text::most_that_fit(1..all.len() + 1, named, |t| text::width(t) <= room)
        .or_else(|| first_cut(&all, room))
        .unwrap_or_default();
    fold_head(fold, model, tasks, open, &titles)
}

/// The least of a title a folded line shows cut ("Use a…"; in fewer cells, nothing).
const MIN_CUT: usize = 6;
/// The least of a cut title that "+N more" may follow.
const MIN_CUT_COUNTED: usize = 16;

/// ": Cleanse · Moisturize · +2 more": `titles` named whole, then `more` counted.
fn named_titles(titles: &[&str], more: usize) -> String {
    match (titles.len(), more) {
        (0, _) => String::new(),
        (_, 0) => format!(": {}", titles.join(TITLE_SEPARATOR)),
        (_, more) => format!(
            ": {}{TITLE_SEPARATOR}+{more} more",
            titles.join(TITLE_SEPARATOR)
        ),
    }
}

/// The first of `titles` cut to fit `room` cells with its words whole where it can be, the
/// rest counted after it where that fits too ("…: Use a gentle,… · +1 more"), else alone
/// (the count in the fold's head says there are more); `None` where not even `MIN_CUT`
/// cells of it fit.
fn first_cut(titles: &[&str], room: usize) -> Option<String> {
    let first = titles.first()?;
    let more = titles.len() - 1;
    let tail = match more {
        0 => String::new(),
        n => format!("{TITLE_SEPARATOR}+{n} more"),
    };
    // ": " before the title.
    let cut = |tail: &str, least: usize| {
        let cells = room.checked_sub(2 + text::width(tail))?;
        let line = text::wrap(first, cells, 1).into_iter().next()?;
        (cells >= least).then(|| format!(": {line}{tail}"))
    };
    // The count after a cut title only where the title keeps a few words: "Use a… · +1
    // more" said less than "Use a gentle,…" beside the head's "(2)".
    cut(&tail, MIN_CUT_COUNTED).or_else(|| cut("", MIN_CUT))
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
            // Done out of those that count, in the words the "To do now 0/3 done" heading
            // uses: "(1/2 done)", never "(1, 1 done)" (tasks done as needed are not counted).
            let (counted_done, counted) = progress_of(members.iter().map(|&i| &tasks[i]));
            let when = if slot_of_all("morning") {
                "this morning"
            } else {
                "earlier today"
            };
            match (missed, done) {
                (0, d) if d == all => format!("{arrow} Done {when} ✓ ({done}){titles}"),
                (0, 0) => format!("{arrow} Over {when} ({all}){titles}"),
                (0, _) => format!("{arrow} Over {when} ({counted_done}/{counted} done){titles}"),
                (m, 0) => format!("{arrow} Missed {when} ({m}){titles}"),
                (_, _) => format!("{arrow} Missed {when} ({counted_done}/{counted} done){titles}"),
            }
        }
        Fold::Later(from) => {
            // Tasks of the whole day (no slot, every day: sunscreen, water) come due at the
            // plan's daily hour (09:00): "Daily", as each of their rows says, since "Later,
            // from 09:00" read at 08:30 as if sunscreen came after the morning's routine.
            let whole_day = |i: usize| tasks[i].slot.is_none() && tasks[i].repeat == Repeat::Daily;
            let daily = !members.is_empty() && members.iter().all(|&i| whole_day(i));
            // The morning's routine with a task of the whole day due before noon (the
            // sunscreen at 08:00) is still the morning: "Later, from 08:00" said less.
            let morning = slot_of_all("morning")
                || (from.hour() < 12
                    && members.iter().any(|&i| tasks[i].slot == Some("morning"))
                    && members
                        .iter()
                        .all(|&i| tasks[i].slot == Some("morning") || whole_day(i)));
            let name = if slot_of_all("evening") {
                "Evening"
            } else if morning {
                "Morning"
            } else if daily {
                "Daily"
            } else {
                "Later"
            };
            let at = format!("{:02}:{:02}", from.hour(), from.minute());
            // Ticked ahead (`check` by day, or Space on the opened fold): said on the folded
            // line, which read "(1)" over a task already done.
            match progress_of(members.iter().map(|&i| &tasks[i])) {
                (0, _) => format!("{arrow} {name}, from {at} ({}){titles}", members.len()),
                (done, counted) => {
                    format!("{arrow} {name}, from {at} ({done}/{counted} done){titles}")
                }
            }
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

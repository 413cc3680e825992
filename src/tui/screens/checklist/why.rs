//! What the "Why" strip says for each thing that can be selected, and how many rows the
//! day's longest one wants. Beside the notes the strip keeps that height for the whole day
//! (`layout`), so moving the selection up and down never moves what is below it: a patient
//! going through the tasks sees only the highlight and the strip's words change.

use super::day_model::{DayModel, Fold, Pick};
use super::detail::Detail;
use super::fold_line::fold_words;
use crate::checklist::TaskLine;
use crate::rules::{Kind, Rules};
use std::collections::HashSet;
use std::sync::Arc;

/// What the strip says of `pick` on the day `model` shows (`None`: a task that is not there).
pub(super) fn detail_of(
    pick: Pick,
    rules: &Rules,
    model: &DayModel,
    tasks: &[TaskLine],
) -> Option<Detail> {
    match pick {
        Pick::Task(i) => tasks.get(i).map(|task| Detail {
            when: (task.kind == Kind::Avoid).then(|| task.when.clone()),
            rationale: task.rationale.to_string(),
            sources: task
                .sources
                .iter()
                .map(|id| rules.source_title(id).into_owned())
                .collect(),
            more_key: Some("i"),
        }),
        Pick::Fold(fold) => Some(Detail {
            when: None,
            rationale: fold_detail(fold, model, tasks),
            sources: Vec::new(),
            more_key: None,
        }),
    }
}

/// Rows the longest "Why" of `picks` wants at `width` (the rule included), counted no
/// further than `cap`. A task's rows depend only on its reason and sources, which tasks
/// of one rule share (`Arc`), so each pair is measured once.
pub(super) fn longest_rows(
    picks: impl IntoIterator<Item = Pick>,
    rules: &Rules,
    model: &DayModel,
    tasks: &[TaskLine],
    width: u16,
    cap: u16,
) -> u16 {
    let mut seen: HashSet<(*const u8, *const String)> = HashSet::new();
    let mut most = 0;
    for pick in picks {
        if most >= cap {
            break;
        }
        if let Pick::Task(i) = pick
            && let Some(task) = tasks.get(i)
        {
            let key = (
                Arc::as_ptr(&task.rationale).cast::<u8>(),
                task.sources.as_ptr(),
            );
            if !seen.insert(key) {
                continue;
            }
        }
        if let Some(detail) = detail_of(pick, rules, model, tasks) {
            most = most.max(detail.rows_wanted(width));
        }
    }
    most.min(cap)
}

/// What the "Why" strip says of a folded line: what is in it and how to open it.
fn fold_detail(fold: Fold, model: &DayModel, tasks: &[TaskLine]) -> String {
    let open = |words: &str| format!("{words} Space or Enter opens it; again closes it.");
    match fold {
        Fold::Avoid => "Not everything to avoid fits on this screen. a (or Space or Enter \
                        here) shows it all, with when each ends."
            .to_string(),
        Fold::Earlier | Fold::Later(_) => {
            let words = fold_words(fold, model, tasks, false);
            open(&format!("{}.", words.trim_start_matches("▸ ")))
        }
    }
}

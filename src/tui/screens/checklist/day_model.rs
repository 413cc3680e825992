//! What the main screen shows of a day, before it is laid out: which tasks to do are listed
//! one a row and which are folded into a line, how what to avoid is grouped, and what was
//! lifted. Pure: it reads the day's checklist and the time.
//!
//! Today, the tasks of the slots that are on now are listed under "To do now", each with its
//! box; the slots that are over fold into one line ("Missed this morning: …") and each slot
//! that begins later into one line ("Evening, from 20:00 (2): …"), which Space or Enter
//! opens. A slot is on from the moment it begins (`Plan::slot_span`: 08:00, 20:00, the
//! rule's time) until it ends, the same moment `remind` and the "It's 20:00" notice say it
//! is due: never sooner, so nothing reads as "to do now" at 18:30 or at 00:05 that is not
//! due until 20:00 or 08:00. Any other day lists every task. What to avoid is grouped by when it ends;
//! what ended on the day is said as lifted ("✓ Makeup is fine again from 14:00").

use crate::checklist::{Checklist, TaskLine};
use crate::rules::Kind;
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeSet;

type Instant = DateTime<FixedOffset>;

/// A group of tasks drawn as one line until it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fold {
    /// Today's slots that are over: what was missed, what was done.
    Earlier,
    /// Today's tasks whose slot begins later, at this moment.
    Later(Instant),
    /// What to avoid, on a screen too small to list it.
    Avoid,
}

/// What the selection can rest on: a task (by index into the day's tasks) or a folded line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Task(usize),
    Fold(Fold),
}

/// A row of the list of tasks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoRow {
    /// "To do now" (today) or "To do" (any other day), over the tasks listed.
    Heading,
    Task(usize),
    /// A folded group's line; when open, its tasks follow as rows.
    Fold(Fold),
    /// Under the heading when nothing is listed: "Nothing on now."
    Nothing,
}

/// Tasks to avoid that end at the same moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvoidGroup {
    /// When the window opens, when that is later than now ("from 14:00"): then the group is
    /// everything that opens at that moment, whatever its end.
    pub from: Option<Instant>,
    /// When the group's windows close; of a group not yet begun, its first task's.
    pub until: Instant,
    pub tasks: Vec<usize>,
}

/// The day as the main screen groups it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayModel {
    /// Whether the day is today, so that slots fold.
    pub today: bool,
    /// The day's local date: its times are read from it (`clock_label_on`).
    pub date: chrono::NaiveDate,
    pub do_rows: Vec<DoRow>,
    /// The tasks of each fold, in the day's order.
    pub folds: Vec<(Fold, Vec<usize>)>,
    /// The tasks listed under the heading (today: those on now or soon).
    pub now: Vec<usize>,
    pub avoid: Vec<AvoidGroup>,
    /// Tasks to avoid whose window ended on the day: lifted.
    pub lifted: Vec<usize>,
}

impl DayModel {
    /// The day `list` (today when `today`) at `now`, with the folds in `open` opened.
    pub fn of(list: &Checklist, today: bool, now: Instant, open: &BTreeSet<Fold>) -> Self {
        let tasks = &list.tasks;
        let mut model = DayModel {
            today,
            date: list.date,
            ..DayModel::default()
        };
        let to_do: Vec<usize> = (0..tasks.len())
            .filter(|&i| tasks[i].kind == Kind::Do)
            .collect();
        let (mut earlier, mut now_rows, mut later) = (Vec::new(), Vec::new(), Vec::new());
        if today {
            for &i in &to_do {
                let task = &tasks[i];
                match task.due {
                    _ if task.coming_up => now_rows.push(i),
                    // Done as needed: listed while its window is open; once over, with
                    // what is over only if it was done (never as missed: it was not due).
                    None if task.as_needed && task.ends <= now => {
                        if task.done {
                            earlier.push(i);
                        }
                    }
                    // Not begun (at 08:00, the cold compress of a 10:00 treatment): with the
                    // tasks that begin then, not under "To do now".
                    None if task.as_needed && task.starts > now => later.push(i),
                    Some((_, until)) if until <= now => earlier.push(i),
                    Some((from, _)) if from > now => later.push(i),
                    _ => now_rows.push(i),
                }
            }
        } else {
            now_rows = to_do;
        }
        // Tasks done as needed come after those due, so a list cut short cuts them first
        // (and a fold's line names a task due).
        now_rows.sort_by_key(|&i| tasks[i].as_needed);
        later.sort_by_key(|&i| tasks[i].as_needed);
        model.do_rows.push(DoRow::Heading);
        if !earlier.is_empty() {
            model.push_fold(Fold::Earlier, earlier, open);
        }
        model
            .do_rows
            .extend(now_rows.iter().map(|&i| DoRow::Task(i)));
        if now_rows.is_empty() {
            model.do_rows.push(DoRow::Nothing);
        }
        model.now = now_rows;
        // When a later task begins: its slot, or the window of one done as needed.
        let begins = |i: usize| tasks[i].due.map_or(tasks[i].starts, |d| d.0);
        let mut starts: Vec<Instant> = later.iter().map(|&i| begins(i)).collect();
        starts.sort();
        starts.dedup();
        for from in starts {
            let group = later
                .iter()
                .copied()
                .filter(|&i| begins(i) == from)
                .collect();
            model.push_fold(Fold::Later(from), group, open);
        }
        model.group_avoid(tasks, now);
        model
    }

    fn push_fold(&mut self, fold: Fold, tasks: Vec<usize>, open: &BTreeSet<Fold>) {
        self.do_rows.push(DoRow::Fold(fold));
        if open.contains(&fold) {
            self.do_rows.extend(tasks.iter().map(|&i| DoRow::Task(i)));
        }
        self.folds.push((fold, tasks));
    }

    /// What to avoid, grouped by when it ends (soonest first); what ended is lifted.
    fn group_avoid(&mut self, tasks: &[TaskLine], now: Instant) {
        for (i, task) in tasks.iter().enumerate() {
            if task.kind != Kind::Avoid {
                continue;
            }
            if task.lifted_by_now {
                self.lifted.push(i);
                continue;
            }
            // Begins later on the day shown; a day further on, viewed before the treatment,
            // is grouped by its ends as it will read then ("until Mon 10:00").
            let from =
                (task.starts > now && task.starts.date_naive() == self.date).then_some(task.starts);
            // What has not begun is grouped by when it begins: before a 10:00 treatment its
            // eight restrictions are one "from 10:00" group, not three labelled alike. How
            // long each lasts is said once it is on (and by `a`, the why).
            match self
                .avoid
                .iter_mut()
                .find(|g| g.from == from && (from.is_some() || g.until == task.ends))
            {
                Some(group) => group.tasks.push(i),
                None => self.avoid.push(AvoidGroup {
                    from,
                    until: task.ends,
                    tasks: vec![i],
                }),
            }
        }
        self.avoid.sort_by_key(|g| (g.until, g.from));
    }

    /// The tasks of `fold`.
    pub fn fold_tasks(&self, fold: Fold) -> &[usize] {
        self.folds
            .iter()
            .find(|(f, _)| *f == fold)
            .map_or(&[], |(_, tasks)| tasks)
    }

    /// Every task to avoid that is still on (not lifted), in the order the groups list them.
    pub fn avoid_tasks(&self) -> impl Iterator<Item = usize> + '_ {
        self.avoid.iter().flat_map(|g| g.tasks.iter().copied())
    }
}

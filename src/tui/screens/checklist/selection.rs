//! What is selected on the checklist: the selection follows the task the user chose as the
//! day's list is derived again, moves through what can be selected in screen order, stays
//! in view, and goes where a click is.

use super::day_model::{Fold, Pick};
use super::placed::Placed;
use super::{Action, ChecklistScreen, task_list};
use crate::checklist::TaskLine;
use crate::tui::context::Context;
use chrono::TimeZone;
use ratatui::layout::Position;

impl ChecklistScreen {
    /// Keeps the selection on what the user chose as the day's list is derived again: the
    /// same task (by id) wherever it now is, on this day or another; a new day or treatment
    /// without it starts at the first task on now; a selection that is no longer on screen
    /// moves to the nearest thing that is; the selection stays in view.
    pub fn follow<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let key = Some(ctx.day_key());
        let tasks = ctx.checklist.as_ref().map_or(&[][..], |c| &c.tasks[..]);
        let same_task = self
            .selected_id
            .as_ref()
            .filter(|_| self.fold.is_none())
            .and_then(|id| tasks.iter().position(|t| &t.id == id));
        if self.shown != key {
            self.shown = key;
            self.open.clear();
            self.top = 0;
            self.page = 0;
            self.fold = None;
            match same_task {
                // The same task on the new day, its folded line opened if it is folded.
                Some(i) => {
                    if let Some(fold) = self.fold_of(ctx, i) {
                        self.open.insert(fold);
                    }
                    self.selected = i;
                }
                None => self.selected = self.first_pick(ctx).unwrap_or(0),
            }
        } else if let Some(i) = same_task {
            self.selected = i;
        }
        // Placed once for the rest: what it depends on (the open folds, the day, the terminal)
        // does not change below; moving the selection and the scroll does not re-place it.
        let placed = self.placed(ctx);
        let picks = placed.as_ref().map_or_else(Vec::new, |p| p.picks());
        let count = tasks.len();
        self.selected = self.selected.min(count.saturating_sub(1));
        let here = self.pick();
        if !picks.contains(&here) {
            // A task folded away: its fold; a fold gone: the first thing there is.
            let fold = placed.as_ref().and_then(|p| {
                let folded = |tasks: &Vec<usize>| tasks.iter().any(|&i| here == Pick::Task(i));
                p.model
                    .folds
                    .iter()
                    .find(|(_, tasks)| folded(tasks))
                    .map(|(f, _)| *f)
            });
            match fold.filter(|f| picks.contains(&Pick::Fold(*f))) {
                Some(f) => self.fold = Some(f),
                // The line that opened the things to avoid is gone: stay at their end.
                None if here == Pick::Fold(Fold::Avoid) => {
                    self.set_pick(picks.last().copied());
                }
                None => self.set_pick(picks.first().copied()),
            }
        }
        if self.fold.is_none() {
            self.selected_id = tasks.get(self.selected).map(|t| t.id.clone());
        }
        self.keep_selection_visible(placed.as_deref());
    }

    /// The folded line task `i` is in, if it is folded.
    pub(super) fn fold_of<Tz: TimeZone>(&self, ctx: &Context<Tz>, i: usize) -> Option<Fold> {
        let placed = self.placed(ctx)?;
        let folds = &placed.model.folds;
        folds
            .iter()
            .find(|(_, tasks)| tasks.contains(&i))
            .map(|(fold, _)| *fold)
    }

    /// Opens a folded line, or closes it.
    pub(super) fn open_or_close(&mut self, fold: Fold) {
        if !self.open.remove(&fold) {
            self.open.insert(fold);
        }
    }

    /// Moves the selection `by` places through what can be selected, in screen order.
    pub(super) fn step<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, by: isize) {
        let picks = self.picks(ctx);
        let here = self.pick();
        let at = picks.iter().position(|p| *p == here).unwrap_or(0);
        let to = at
            .saturating_add_signed(by)
            .min(picks.len().saturating_sub(1));
        self.set_pick(picks.get(to).copied());
    }

    /// Where the selection is: a folded line, else a task. It is always somewhere, even on
    /// a day with nothing to select (`Placed::anything_to_select` tells).
    pub(super) fn pick(&self) -> Pick {
        match self.fold {
            Some(fold) => Pick::Fold(fold),
            None => Pick::Task(self.selected),
        }
    }

    /// Selects `pick`; the id of a task selected is kept (`follow`), and the user's choice
    /// ends any hold on ticks after the day changed by itself only when it ticks.
    pub(super) fn set_pick(&mut self, pick: Option<Pick>) {
        match pick {
            Some(Pick::Fold(fold)) => self.fold = Some(fold),
            Some(Pick::Task(i)) => {
                self.fold = None;
                self.selected = i;
                self.selected_id = None;
            }
            None => self.fold = None,
        }
    }

    /// A click on the list or the things to avoid: it selects what it is on; a click on a
    /// task's box, or a second click on what the last click selected, ticks it (or opens the
    /// folded line), but not the click that gave the window the focus. A first click on what
    /// was selected by keys, or when the screen opened, only selects: a click to focus a
    /// terminal that does not report focus must not tick. Returns whether the click was on
    /// them.
    pub fn click<Tz: TimeZone>(
        &mut self,
        ctx: &mut Context<Tz>,
        at: Position,
        focusing: bool,
    ) -> bool {
        let Some(placed) = self.placed(ctx) else {
            return false;
        };
        let (list, avoid) = (placed.regions.list, placed.regions.avoid);
        if !list.contains(at) && !avoid.contains(at) {
            return false;
        }
        if let Some(pick) = placed.pick_at(at, self.top) {
            let again = self.clicked == Some(pick) && self.pick() == pick;
            let on_box = list.contains(at)
                && matches!(pick, Pick::Task(_))
                && task_list::BOX_COLUMNS.contains(&(at.x - list.x));
            ctx.notice = None;
            self.set_pick(Some(pick));
            self.follow(ctx);
            if (on_box || again) && !focusing {
                // A tick pauses play itself (`Action::Toggle`), and says so.
                self.update(ctx, Action::Toggle);
            } else {
                self.rolled_over = None;
                // A click that selects pauses play as a tick does, so the row clicked is
                // not taken away by the next day's list.
                if ctx.is_playing() {
                    ctx.pause();
                    ctx.notice = Some(super::DEMO_PAUSED_TO_SELECT.to_string());
                }
            }
            self.clicked = Some(pick);
        }
        true
    }

    pub(super) fn selected_task<'c, Tz: TimeZone>(
        &self,
        ctx: &'c Context<Tz>,
    ) -> Option<&'c TaskLine> {
        if self.fold.is_some() {
            return None;
        }
        ctx.checklist.as_ref()?.tasks.get(self.selected)
    }

    /// Scrolls the list so the selection is in view, on the screen as `placed` (`None` before
    /// a treatment: nothing to scroll).
    fn keep_selection_visible(&mut self, placed: Option<&Placed>) {
        let Some(placed) = placed else {
            self.top = 0;
            return;
        };
        let rows = &placed.model.do_rows;
        let height = usize::from(placed.regions.list.height).max(1);
        let at = placed.row_of(self.pick());
        self.top = match at {
            Some(at) => task_list::scroll_to(rows, height, self.top, at),
            None => task_list::scroll_to(
                rows,
                height,
                self.top,
                self.top.min(rows.len().saturating_sub(1)),
            ),
        };
    }
}

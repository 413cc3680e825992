//! The checklist: the viewed day's tasks to do and to avoid, each with a box to tick, under
//! the recovery at a glance and over what is normal now and when to call.
//!
//! This file is the screen's state (which task is selected, which row is on top, what can
//! be undone) and `update`; `keys` is its keymap, `view` draws it, `layout` says where.

mod alerts;
mod detail;
pub mod keys;
mod layout;
mod notes;
mod progress_strip;
mod task_list;
mod ticking;
mod view;

pub use keys::Action;

use super::{Effect, Screen};
use crate::checklist::TaskLine;
use crate::rules::Kind;
use crate::tui::context::Context;
use crate::tui::keymap::action_for;
use crate::tui::plan_item::Item;
use chrono::{DateTime, FixedOffset, TimeZone};
use crossterm::event::KeyEvent;
use layout::{Needs, Regions};
use ratatui::layout::Position;
use ticking::UndoStep;

/// One row of the task list: a group heading or a task (by index into the day's tasks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Kind),
    Task(usize),
}

/// The checklist screen's own state.
#[derive(Debug, Default)]
pub struct ChecklistScreen {
    /// Index into the day's tasks.
    selected: usize,
    /// The first list row on screen.
    top: usize,
    /// The treatment and day the selection is about; on another, it starts over.
    shown: Option<(Option<DateTime<FixedOffset>>, i64)>,
    /// The inverse of each tick and untick, newest last.
    undo: Vec<UndoStep>,
}

impl ChecklistScreen {
    /// What a key does here; `None` when the checklist has no use for it.
    pub fn handle_key<Tz: TimeZone>(
        &mut self,
        ctx: &mut Context<Tz>,
        key: KeyEvent,
    ) -> Option<Effect> {
        action_for(keys::KEYMAP, key).map(|action| self.update(ctx, action))
    }

    /// Carries out one action.
    pub fn update<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, action: Action) -> Effect {
        let task_count = ctx.checklist.as_ref().map_or(0, |c| c.tasks.len());
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(task_count.saturating_sub(1)),
            Action::Toggle => self.toggle(ctx),
            Action::PrevDay => ctx.show_day(ctx.day - 1),
            Action::NextDay => ctx.show_day(ctx.day + 1),
            Action::Undo => self.undo_last(ctx),
            Action::PrevSession => ctx.switch_session(-1),
            Action::NextSession => ctx.switch_session(1),
            Action::AllowEdits => ctx.allow_edits(),
            Action::Today => ctx.go_to_today(),
            Action::Timeline => {
                let rule = self.selected_task(ctx).map(|t| rule_of(&t.id).to_string());
                return Effect::Timeline { rule };
            }
            Action::CheckIn => return Effect::CheckIn,
            Action::Why => return self.why_item(ctx).map_or(Effect::Done, Effect::Why),
            Action::Chart => return Effect::Show(Screen::Chart),
            Action::History => return Effect::Show(Screen::History),
            Action::Photos => return Effect::Show(Screen::Photos),
            Action::Help => return Effect::Help,
            Action::Quit => return Effect::Quit,
        }
        self.follow(ctx);
        Effect::Done
    }

    /// Keeps the selection on the context's day: a new day or treatment starts it over at
    /// the first task; fewer tasks pull it up; the selected task stays in view.
    pub fn follow<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let key = Some(ctx.day_key());
        if self.shown != key {
            self.shown = key;
            self.selected = 0;
            self.top = 0;
        }
        let count = ctx.checklist.as_ref().map_or(0, |c| c.tasks.len());
        self.selected = self.selected.min(count.saturating_sub(1));
        self.keep_selection_visible(ctx);
    }

    /// Selects the task at `at` on screen and ticks it; returns whether it was on a task.
    pub fn click<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, at: Position) -> bool {
        let list = self.regions(ctx).list;
        if !list.contains(at) {
            return false;
        }
        let row = usize::from(at.y - list.y);
        if let Some(Row::Task(i)) = rows(ctx).get(self.top + row) {
            self.selected = *i;
            self.toggle(ctx);
            self.follow(ctx);
        }
        true
    }

    fn selected_task<'c, Tz: TimeZone>(&self, ctx: &'c Context<Tz>) -> Option<&'c TaskLine> {
        ctx.checklist.as_ref()?.tasks.get(self.selected)
    }

    /// The rule behind the selected task, for the "why" popup.
    fn why_item<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<Item> {
        Item::of_task(&ctx.plan()?, &ctx.rules, &self.selected_task(ctx)?.id)
    }

    /// Where everything goes on the current terminal.
    fn regions<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Regions {
        let c = ctx.checklist.as_ref();
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let needs = Needs {
            list_rows: count(rows(ctx).len()),
            phases: count(c.map_or(0, |c| c.phases.len())),
            warnings: count(c.map_or(0, |c| c.warnings.len())),
            detail: self.selected_task(ctx).is_some(),
            status: ctx.status.is_some() || ctx.notice.is_some(),
            alerts: alerts::rows_wanted(&ctx.alerts, ctx.size),
            progress: ctx.progress.is_some(),
        };
        layout::regions(ctx.screen_area(), needs)
    }

    fn keep_selection_visible<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let height = usize::from(self.regions(ctx).list.height).max(1);
        let rows = rows(ctx);
        let Some(at) = rows.iter().position(|r| *r == Row::Task(self.selected)) else {
            self.top = 0;
            return;
        };
        // Show a group's heading along with its first task.
        let want_top = if at > 0 && matches!(rows[at - 1], Row::Heading(_)) {
            at - 1
        } else {
            at
        };
        if want_top < self.top {
            self.top = want_top;
        } else if at >= self.top + height {
            self.top = at + 1 - height;
        }
        self.top = self.top.min(rows.len().saturating_sub(height));
    }
}

/// Headings and tasks in the order they are listed.
fn rows<Tz: TimeZone>(ctx: &Context<Tz>) -> Vec<Row> {
    let mut rows = Vec::new();
    let tasks = ctx.checklist.as_ref().map_or(&[][..], |c| &c.tasks[..]);
    for (i, task) in tasks.iter().enumerate() {
        if i == 0 || tasks[i - 1].kind != task.kind {
            rows.push(Row::Heading(task.kind));
        }
        rows.push(Row::Task(i));
    }
    rows
}

/// The rule a task comes from: a task of a morning-and-evening rule is `rule-id@slot`.
fn rule_of(task_id: &str) -> &str {
    task_id.split('@').next().unwrap_or(task_id)
}

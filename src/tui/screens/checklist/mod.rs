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

/// The treatment and plan day a selection is about.
type DayKey = (Option<DateTime<FixedOffset>>, i64);

/// The checklist screen's own state.
#[derive(Debug, Default)]
pub struct ChecklistScreen {
    /// Index into the day's tasks ...
    selected: usize,
    /// ... and the id of the task there: the selection follows the task, not the row, when
    /// the list is derived again (midnight, another day, another zone, another writer).
    selected_id: Option<String>,
    /// The first list row on screen.
    top: usize,
    /// The treatment and day the selection is about.
    shown: Option<DayKey>,
    /// The inverse of each tick and untick, newest last.
    undo: Vec<UndoStep>,
    /// The day shown changed by itself (midnight, a change of time zone) since the user's
    /// last action: the next tick is held back once, and says why, so a key meant for the
    /// day that was on screen never ticks a task of the new one.
    rolled_over: Option<DayKey>,
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
        let rolled_over = self.rolled_over.take();
        match action {
            Action::Up => self.select(ctx, self.selected.saturating_sub(1)),
            Action::Down => self.select(ctx, (self.selected + 1).min(task_count.saturating_sub(1))),
            Action::Toggle if rolled_over.is_some() => self.hold_back_tick(ctx),
            Action::Toggle => self.toggle(ctx),
            Action::Back => self.back(ctx),
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

    /// Keeps the selection on the task the user chose as the day's list is derived again:
    /// the same task (by id) wherever it now is, on this day or another; where the new list
    /// does not have it, the first task of a new day, or the nearest row of the same day.
    /// The selected task stays in view.
    pub fn follow<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let key = Some(ctx.day_key());
        let tasks = ctx.checklist.as_ref().map_or(&[][..], |c| &c.tasks[..]);
        let same_task = self
            .selected_id
            .as_ref()
            .and_then(|id| tasks.iter().position(|t| &t.id == id));
        if self.shown != key {
            self.shown = key;
            self.top = 0;
            self.selected = same_task.unwrap_or(0);
        } else if let Some(i) = same_task {
            self.selected = i;
        }
        self.selected = self.selected.min(tasks.len().saturating_sub(1));
        self.selected_id = tasks.get(self.selected).map(|t| t.id.clone());
        self.keep_selection_visible(ctx);
    }

    /// The day shown changed by itself, from `before`: the clock passed midnight, or (with
    /// `zone` the new offset) the machine's time zone changed. Says so, and holds back the
    /// next tick (`rolled_over`).
    pub fn day_changed_by_itself<Tz: TimeZone>(
        &mut self,
        ctx: &mut Context<Tz>,
        before: DayKey,
        zone: Option<FixedOffset>,
    ) {
        if before == ctx.day_key() {
            return;
        }
        self.rolled_over = Some(before);
        let (day, session) = (ctx.checklist.as_ref(), ctx.session());
        if let (Some(list), Some(session)) = (day, session) {
            let day = format!(
                "{}, {}",
                crate::tui::widgets::day_label(list.day),
                list.date.format("%a %-d %b")
            );
            ctx.notice = Some(match zone {
                _ if before.0 != Some(session.at) => {
                    format!("Your next treatment has begun: now {day} of it")
                }
                Some(offset) => format!("The time zone changed (UTC{offset}): today is {day}"),
                None => format!("A new day: now {day}"),
            });
        }
        self.follow(ctx);
    }

    /// A click on the task list: a row is selected; a click on its box, or on the row that
    /// was already selected, ticks it (not the click that gave the window the focus). Returns
    /// whether the click was on the list.
    pub fn click<Tz: TimeZone>(
        &mut self,
        ctx: &mut Context<Tz>,
        at: Position,
        focusing: bool,
    ) -> bool {
        let list = self.regions(ctx).list;
        if !list.contains(at) {
            return false;
        }
        let row = usize::from(at.y - list.y);
        if let Some(Row::Task(i)) = rows(ctx).get(self.top + row).copied() {
            let again = i == self.selected;
            let on_box = task_list::BOX_COLUMNS.contains(&(at.x - list.x));
            ctx.notice = None;
            self.select(ctx, i);
            if (on_box || again) && !focusing {
                self.update(ctx, Action::Toggle);
            } else {
                self.rolled_over = None;
            }
            self.follow(ctx);
        }
        true
    }

    /// Selects the task at `index` of the day's list.
    fn select<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, index: usize) {
        self.selected = index;
        self.selected_id = self.selected_task(ctx).map(|t| t.id.clone());
    }

    /// The tick held back after the day changed by itself: nothing is saved, and the
    /// patient is told what happened and how to go on.
    fn hold_back_tick<Tz: TimeZone>(&self, ctx: &mut Context<Tz>) {
        let Some(list) = &ctx.checklist else {
            return;
        };
        ctx.notice = Some(format!(
            "Not ticked: it is now {}. Space again ticks it for today; ← day before",
            list.date.format("%a %-d %b"),
        ));
    }

    /// Esc: back to today's checklist from another day or treatment; here already, it says
    /// how to quit (Esc never quits: it goes back).
    fn back<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>) {
        let current = ctx.state.current_session(ctx.now).map(|s| s.at);
        if ctx.viewed.is_some() && ctx.session().map(|s| s.at) != current {
            ctx.viewed = None;
            ctx.unlocked = false;
            ctx.go_to_today();
        } else if !ctx.is_on_today() {
            ctx.go_to_today();
        } else {
            ctx.notice = Some("This is today's checklist: q quits".into());
        }
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

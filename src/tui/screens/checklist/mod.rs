//! The checklist: the viewed day's tasks to do and to avoid, each with a box to tick, under
//! the recovery at a glance and over what is normal now and when to call.
//!
//! This file is the screen's state (what is selected, which row is on top, which folded
//! lines are open, what can be undone) and `update`; `keys` is its keymap, `day_model` what
//! the day shows, `placed` where it goes (`layout`), and `view` draws it.

mod after_plan;
mod alerts;
mod avoid;
mod day_model;
mod detail;
mod fold_line;
pub mod keys;
mod layout;
mod normal_now;
mod notes;
mod notes_panel;
mod placed;
mod progress_strip;
mod task_list;
mod task_row;
mod ticking;
mod view;

pub use keys::Action;

use super::{Effect, Screen};
use crate::checklist::TaskLine;
use crate::tui::context::Context;
use crate::tui::keymap::action_for;
use crate::tui::plan_item::Item;
use chrono::{DateTime, FixedOffset, TimeZone};
use crossterm::event::{KeyCode, KeyEvent};
use day_model::{Fold, Pick};
use ratatui::layout::Position;
use std::collections::BTreeSet;
use ticking::UndoStep;

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
    /// The folded line the selection is on instead of a task, if it is.
    fold: Option<Fold>,
    /// The first row of the list of tasks to do on screen.
    top: usize,
    /// The folded lines the user opened on the day shown.
    open: BTreeSet<Fold>,
    /// Every note of the day, opened with `s`: how far it is scrolled.
    panel: Option<u16>,
    /// The treatment and day the selection is about; on another, it starts over.
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
        if self.panel.is_some() {
            return self.panel_key(ctx, key);
        }
        action_for(keys::KEYMAP, key).map(|action| self.update(ctx, action))
    }

    /// A key while every note is open: ↑/↓ scroll, `s` or Esc closes, anything else waits.
    fn panel_key<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, key: KeyEvent) -> Option<Effect> {
        let scroll = self.panel.unwrap_or(0);
        let most = self.notes_panel_scroll(ctx);
        self.panel = match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(scroll.saturating_sub(1)),
            KeyCode::Down | KeyCode::Char('j') => Some((scroll + 1).min(most)),
            KeyCode::PageUp => Some(scroll.saturating_sub(10)),
            KeyCode::PageDown | KeyCode::Char(' ') => Some((scroll + 10).min(most)),
            KeyCode::Char('s') | KeyCode::Esc => None,
            _ => return None,
        };
        Some(Effect::Done)
    }

    /// Carries out one action.
    pub fn update<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, action: Action) -> Effect {
        let rolled_over = self.rolled_over.take();
        match action {
            Action::Up => self.step(ctx, -1),
            Action::Down => self.step(ctx, 1),
            Action::Toggle => match self.fold {
                Some(fold) => self.open_or_close(fold),
                None if rolled_over.is_some() => self.hold_back_tick(ctx),
                None => self.toggle(ctx),
            },
            Action::Back => self.back(ctx),
            Action::Signs => self.panel = Some(0),
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
        let picks = self.picks(ctx);
        let count = tasks.len();
        self.selected = self.selected.min(count.saturating_sub(1));
        let here = self.pick();
        if !here.is_some_and(|p| picks.contains(&p)) {
            // A task folded away: its fold; a fold gone: the first thing there is.
            let fold = self.placed(ctx).and_then(|p| {
                let folded =
                    |tasks: &Vec<usize>| tasks.iter().any(|&i| here == Some(Pick::Task(i)));
                p.model
                    .folds
                    .iter()
                    .find(|(_, tasks)| folded(tasks))
                    .map(|(f, _)| *f)
            });
            match fold.filter(|f| picks.contains(&Pick::Fold(*f))) {
                Some(f) => self.fold = Some(f),
                // The line that opened the things to avoid is gone: stay at their end.
                None if here == Some(Pick::Fold(Fold::Avoid)) => {
                    self.set_pick(picks.last().copied());
                }
                None => self.set_pick(picks.first().copied()),
            }
        }
        if self.fold.is_none() {
            self.selected_id = tasks.get(self.selected).map(|t| t.id.clone());
        }
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

    /// The folded line task `i` is in, if it is folded.
    fn fold_of<Tz: TimeZone>(&self, ctx: &Context<Tz>, i: usize) -> Option<Fold> {
        let placed = self.placed(ctx)?;
        let folds = &placed.model.folds;
        folds
            .iter()
            .find(|(_, tasks)| tasks.contains(&i))
            .map(|(fold, _)| *fold)
    }

    /// Opens a folded line, or closes it.
    fn open_or_close(&mut self, fold: Fold) {
        if !self.open.remove(&fold) {
            self.open.insert(fold);
        }
    }

    /// Moves the selection `by` places through what can be selected, in screen order.
    fn step<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, by: isize) {
        let picks = self.picks(ctx);
        let at = self
            .pick()
            .and_then(|p| picks.iter().position(|q| *q == p))
            .unwrap_or(0);
        let to = at
            .saturating_add_signed(by)
            .min(picks.len().saturating_sub(1));
        self.set_pick(picks.get(to).copied());
    }

    /// Where the selection is.
    fn pick(&self) -> Option<Pick> {
        match self.fold {
            Some(fold) => Some(Pick::Fold(fold)),
            None => Some(Pick::Task(self.selected)),
        }
    }

    /// Selects `pick`; the id of a task selected is kept (`follow`), and the user's choice
    /// ends any hold on ticks after the day changed by itself only when it ticks.
    fn set_pick(&mut self, pick: Option<Pick>) {
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
    /// task's box, or on what was already selected, ticks it (or opens the folded line), but
    /// not the click that gave the window the focus. Returns whether the click was on them.
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
            let again = self.pick() == Some(pick);
            let on_box = list.contains(at)
                && matches!(pick, Pick::Task(_))
                && task_list::BOX_COLUMNS.contains(&(at.x - list.x));
            ctx.notice = None;
            self.set_pick(Some(pick));
            self.follow(ctx);
            if (on_box || again) && !focusing {
                self.update(ctx, Action::Toggle);
            } else {
                self.rolled_over = None;
            }
        }
        true
    }

    fn selected_task<'c, Tz: TimeZone>(&self, ctx: &'c Context<Tz>) -> Option<&'c TaskLine> {
        if self.fold.is_some() {
            return None;
        }
        ctx.checklist.as_ref()?.tasks.get(self.selected)
    }

    /// The rule behind the selected task, for the "why" popup.
    fn why_item<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<Item> {
        Item::of_task(&ctx.plan()?, &ctx.rules, &self.selected_task(ctx)?.id)
    }

    fn keep_selection_visible<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let Some(placed) = self.placed(ctx) else {
            self.top = 0;
            return;
        };
        let rows = &placed.model.do_rows;
        let height = usize::from(placed.regions.list.height).max(1);
        let at = self.pick().and_then(|p| placed.row_of(p));
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

/// The rule a task comes from: a task of a morning-and-evening rule is `rule-id@slot`.
fn rule_of(task_id: &str) -> &str {
    task_id.split('@').next().unwrap_or(task_id)
}

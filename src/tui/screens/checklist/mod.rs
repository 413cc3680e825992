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
pub mod keys;
mod layout;
mod normal_now;
mod notes;
mod notes_panel;
mod placed;
mod progress_strip;
mod task_list;
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

/// The checklist screen's own state.
#[derive(Debug, Default)]
pub struct ChecklistScreen {
    /// Index into the day's tasks.
    selected: usize,
    /// The folded line the selection is on instead of a task, if it is.
    fold: Option<Fold>,
    /// The first row of the list of tasks to do on screen.
    top: usize,
    /// The folded lines the user opened on the day shown.
    open: BTreeSet<Fold>,
    /// Every note of the day, opened with `s`: how far it is scrolled.
    panel: Option<u16>,
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
        match action {
            Action::Up => self.step(ctx, -1),
            Action::Down => self.step(ctx, 1),
            Action::Toggle => match self.fold {
                Some(fold) => self.open_or_close(fold),
                None => self.toggle(ctx),
            },
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
            Action::Help => return Effect::Help,
            Action::Quit => return Effect::Quit,
        }
        self.follow(ctx);
        Effect::Done
    }

    /// Keeps the selection on the context's day: a new day or treatment starts it over at
    /// the first task on now; a selection that is no longer on screen moves to the nearest
    /// thing that is; the selection stays in view.
    pub fn follow<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let key = Some(ctx.day_key());
        let picks = self.picks(ctx);
        if self.shown != key {
            self.shown = key;
            self.open.clear();
            self.top = 0;
            self.fold = None;
            self.selected = self.first_pick(ctx).unwrap_or(0);
        }
        let count = ctx.checklist.as_ref().map_or(0, |c| c.tasks.len());
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
        self.keep_selection_visible(ctx);
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

    fn set_pick(&mut self, pick: Option<Pick>) {
        match pick {
            Some(Pick::Fold(fold)) => self.fold = Some(fold),
            Some(Pick::Task(i)) => {
                self.fold = None;
                self.selected = i;
            }
            None => self.fold = None,
        }
    }

    /// Selects what is at `at` on screen and ticks it (or opens it); returns whether it was
    /// on the list or the things to avoid.
    pub fn click<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, at: Position) -> bool {
        let Some(placed) = self.placed(ctx) else {
            return false;
        };
        if !placed.regions.list.contains(at) && !placed.regions.avoid.contains(at) {
            return false;
        }
        if let Some(pick) = placed.pick_at(at, self.top) {
            self.set_pick(Some(pick));
            match pick {
                Pick::Fold(fold) => self.open_or_close(fold),
                Pick::Task(_) => self.toggle(ctx),
            }
            self.follow(ctx);
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

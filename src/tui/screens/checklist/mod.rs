//! The checklist: the viewed day's tasks to do and to avoid, each with a box to tick, under
//! the recovery at a glance and over what is normal now and when to call.
//!
//! This file is the screen's state (what is selected, which row is on top, which folded
//! lines are open, what can be undone) and `update`; `keys` is its keymap, `selection` moves
//! the selection, `ticking` ticks and undoes, `day_change` handles a day that changes by
//! itself, `day_model` says what the day shows, `placed` where it goes (`layout`), and
//! `view` draws it.

mod after_plan;
mod alerts;
mod avoid;
mod day_change;
mod day_model;
mod detail;
mod fold_line;
pub mod keys;
mod layout;
mod normal_now;
mod notes;
mod notes_panel;
mod placed;
mod placement;
pub(crate) use placed::do_rows_width;
mod progress_strip;
mod selection;
mod task_list;
mod task_row;
mod ticking;
mod view;
mod why;

pub use keys::Action;

use super::{Effect, Screen};
use crate::tui::context::Context;
use crate::tui::keymap::action_for;
use crate::tui::plan_item::Item;
use chrono::{DateTime, FixedOffset, TimeZone};
use crossterm::event::{KeyCode, KeyEvent};
use day_model::Fold;
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
    /// How far the page after the plan is scrolled, in lines (↑↓ there: nothing to select).
    page: usize,
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
    /// What the last click selected, until a key is pressed: a second click on it ticks
    /// it. A selection the user did not make by a click (the first row when the screen
    /// opens, or one moved to by keys) is never ticked by one click, so a click that only
    /// gives the window the focus ticks nothing.
    clicked: Option<day_model::Pick>,
    /// The last placement of the screen, kept while what it reads is unchanged.
    placement: placement::PlacementCache,
    /// The notes' text as last drawn, kept while the notes and their area are unchanged.
    notes: notes::NotesCache,
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
        self.clicked = None;
        match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
                if self.scroll_page(ctx, action) => {}
            Action::Up => self.step(ctx, -1),
            Action::Down => self.step(ctx, 1),
            // Only the page after the plan pages.
            Action::PageUp | Action::PageDown => {}
            // While the demo plays the day moves on every half second: a tick pauses it
            // first, then ticks the selected task on the day shown (the frame the user saw,
            // drawn after the day moved), where ticking it is allowed, and is not held back
            // as after midnight (`rolled_over`).
            Action::Toggle if ctx.is_playing() => {
                ctx.pause();
                match self.fold {
                    Some(fold) => self.open_or_close(fold),
                    None => self.toggle(ctx),
                }
                if ctx.notice.is_none() && ctx.status.is_none() {
                    ctx.notice = Some(DEMO_PAUSED.to_string());
                }
            }
            Action::Toggle => match self.fold {
                Some(fold) => self.open_or_close(fold),
                None if rolled_over.is_some() => self.hold_back_tick(ctx),
                None => self.toggle(ctx),
            },
            // Esc goes back: first out of the list of things to avoid `a` opened, which
            // takes the tasks' rows while it is open.
            Action::Back if self.open.contains(&Fold::Avoid) => self.open_or_close_avoid(ctx),
            Action::Back => self.back(ctx),
            Action::Signs => self.panel = Some(0),
            Action::Avoid => self.open_or_close_avoid(ctx),
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
            // After the plan nothing is selected: `i` opens no task (the selection kept
            // from the plan's days is not on the page), and says where the page's sources are.
            Action::Why if self.placed(ctx).is_some_and(|p| p.after_plan) => {
                ctx.notice = Some(AFTER_PLAN_WHY.to_string());
            }
            Action::Why => {
                // A task of the next treatment's preparation is explained with that
                // treatment's window (a walk-through read last session's dates there).
                let of_next = self
                    .selected_task(ctx)
                    .is_some_and(|t| t.of_treatment.is_some());
                let effect = if of_next {
                    Effect::WhyOfNext
                } else {
                    Effect::Why
                };
                return self.why_item(ctx).map_or(Effect::Done, effect);
            }
            Action::Chart => return Effect::Show(Screen::Chart),
            Action::History => return Effect::Show(Screen::History),
            Action::Photos => return Effect::Show(Screen::Photos),
            Action::Help => return Effect::Help,
            Action::Quit => return Effect::Quit,
        }
        self.follow(ctx);
        Effect::Done
    }

    /// ↑↓ (j k) by a line, PgUp PgDn by a page, on the page after the plan, where there is
    /// nothing to select; `false` on any other day (the keys select there).
    fn scroll_page<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, action: Action) -> bool {
        let Some(placed) = self.placed(ctx).filter(|p| p.after_plan) else {
            return false;
        };
        let height = placed.regions.list.height;
        let most = after_plan::AfterPlanPage::max_scroll(placed.after_plan_lines.len(), height);
        let page = usize::from(height.saturating_sub(2)).max(1);
        let page_at = self.page.min(most);
        self.page = match action {
            Action::Up => page_at.saturating_sub(1),
            Action::Down => (page_at + 1).min(most),
            Action::PageUp => page_at.saturating_sub(page),
            _ => (page_at + page).min(most),
        };
        true
    }

    /// `a`: opens every thing to avoid (each with until when, where the terminal has the
    /// room) with the selection on the first of them, so ↑↓ and `i` go through them; again
    /// folds it, and the selection goes back to the tasks on now.
    fn open_or_close_avoid<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        self.open_or_close(Fold::Avoid);
        let pick = if self.open.contains(&Fold::Avoid) {
            self.placed(ctx)
                .and_then(|placed| placed.avoid.tasks().next())
                .map(day_model::Pick::Task)
        } else {
            self.first_pick(ctx).map(day_model::Pick::Task)
        };
        if pick.is_some() {
            self.set_pick(pick);
        }
    }

    /// The rule behind the selected task, for the "why" popup.
    fn why_item<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<Item> {
        Item::of_task(&ctx.plan()?, &ctx.rules, &self.selected_task(ctx)?.id)
    }
}

/// What a tick says when it paused the demo's play.
const DEMO_PAUSED: &str = "Demo paused to tick: p plays on";
/// What a click that only selects says when it paused the demo's play: the row clicked
/// stays selected on the day shown, which play would have moved on from.
const DEMO_PAUSED_TO_SELECT: &str = "Demo paused to select: p plays on";

/// What `i` says on the page after the plan, where no task is shown to explain.
const AFTER_PLAN_WHY: &str = "No task here to explain: each part of this page names its sources";

/// The rule a task comes from: a task of a morning-and-evening rule is `rule-id@slot`.
fn rule_of(task_id: &str) -> &str {
    task_id.split('@').next().unwrap_or(task_id)
}

//! The recovery timeline: every rule, phase and warning sign of the plan as a row, its window
//! a bar across the days. This file is the screen's state (the rows, which is selected, what
//! is scrolled into view) and `update`; `layout` measures it, `view`, `bar` and `ruler` draw.

mod bar;
pub mod keys;
mod layout;
mod milestones;
mod rows;
mod ruler;
mod view;

pub use keys::Action;

use super::Effect;
use super::Screen;
use crate::plan::Plan;
use crate::rules::{Note, Rules, Windowed};
use crate::tui::context::Context;
use crate::tui::keymap::action_for;
use crate::tui::plan_item::Item;
use crate::tui::widgets::footer::Footer;
use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use crossterm::event::KeyEvent;
use layout::{Columns, TimelineRegions};
use rows::Row;
use ruler::Milestones;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// The timeline screen's own state.
#[derive(Debug, Default)]
pub struct TimelineScreen {
    /// The rows in order, sorted on first use: the rules never change while the app runs,
    /// and sorting a clinic's 10,000 rules on every frame cost 2 ms a key.
    rows: OnceCell<Vec<Row>>,
    /// Index into the items (rows that are not headings).
    selected: usize,
    /// The first row on screen.
    top: usize,
    /// The first day on screen; `None` puts today in view at the next `fit`.
    left_day: Option<i64>,
    /// The ruler's milestones, and what they were worked out for: they read every rule, which on a clinic's large plan was most of a key's time.
    milestones: RefCell<Option<(MilestonesFor, Rc<Milestones>)>>,
}

/// What the milestone columns depend on: `Context::generation` (which changes with the
/// time zone), the treatment, the first day on screen and the columns.
type MilestonesFor = (u64, DateTime<FixedOffset>, i64, Columns);

impl TimelineScreen {
    /// What a key does here; `None` when the timeline has no use for it.
    pub fn handle_key<Tz: TimeZone>(
        &mut self,
        ctx: &mut Context<Tz>,
        key: KeyEvent,
    ) -> Option<Effect> {
        action_for(keys::KEYMAP, key).map(|action| self.update(ctx, action))
    }

    /// Carries out one action.
    pub fn update<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>, action: Action) -> Effect {
        let items = self.item_count(ctx);
        let left = self.left_day.unwrap_or(0);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(items.saturating_sub(1)),
            Action::PageUp | Action::PageDown => self.page(ctx, action == Action::PageDown),
            Action::First => self.selected = 0,
            Action::Last => self.selected = items.saturating_sub(1),
            Action::ScrollLeft => self.left_day = Some(left - layout::SCROLL_DAYS),
            Action::ScrollRight => self.left_day = Some(left + layout::SCROLL_DAYS),
            Action::Today => {
                ctx.go_to_today();
                self.left_day = None;
            }
            Action::Checklist => return Effect::Show(Screen::Checklist),
            Action::Why => return self.item(ctx).map_or(Effect::Done, Effect::Why),
            Action::Chart => return Effect::Show(Screen::Chart),
            Action::History => return Effect::Show(Screen::History),
            Action::Help => return Effect::Help,
        }
        self.fit(ctx);
        Effect::Done
    }

    /// Moves the selection a screenful of rows down (or up), to the item nearest that row,
    /// and the rows with it: what was the last row on screen is near the top after PgDn.
    fn page<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, down: bool) {
        let height = usize::from(self.regions(ctx).rows.height).max(2);
        let step = height - 1;
        let items = self.item_count(ctx);
        let Some((row, _, row_count)) = self.selected_row(ctx) else {
            return;
        };
        let (target, top) = if down {
            let top = (self.top + step).min(row_count.saturating_sub(height));
            ((row + step).min(row_count - 1), top)
        } else {
            (row.saturating_sub(step), self.top.saturating_sub(step))
        };
        // The item on the target row, or the nearest one in the direction moved (headings
        // are not selectable).
        let rows = self.rows(ctx);
        let item_rows: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Item(_)))
            .map(|(i, _)| i)
            .collect();
        let at = match down {
            true => item_rows.iter().position(|r| *r >= target),
            false => item_rows.iter().rposition(|r| *r <= target),
        };
        self.selected = at.unwrap_or(if down { items.saturating_sub(1) } else { 0 });
        self.top = top;
    }

    /// Opens on the rule with id `rule` (the task selected on the checklist), today in view.
    pub fn open<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, rule: Option<&str>) {
        let rules = &ctx.rules.rules;
        let at = self
            .items(ctx)
            .position(|item| matches!(item, Item::Rule(i) if Some(rules[i].id.as_str()) == rule));
        self.selected = at.unwrap_or(0);
        self.left_day = None;
        self.fit(ctx);
    }

    /// Keeps today's line in view as the demo clock moves.
    pub fn follow_today<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let (Some(today), Some(left)) = (ctx.today(), self.left_day) else {
            return self.fit(ctx);
        };
        if today < left || today >= left + self.columns(ctx).days {
            self.left_day = None;
        }
        self.fit(ctx);
    }

    /// Scrolls so the selection is on screen and no blank days are, and puts today in view
    /// when asked to (`left_day` is `None`).
    pub fn fit<Tz: TimeZone>(&mut self, ctx: &Context<Tz>) {
        let columns = self.columns(ctx);
        let (first, last) = (columns.first_day, columns.last_day);
        // Today a third of the way in, so what comes next is in view.
        let left = self
            .left_day
            .unwrap_or_else(|| ctx.today().unwrap_or(first) - columns.days / 3);
        let max_left = (last - columns.days + 1).max(first);
        self.left_day = Some(left.clamp(first, max_left));
        let height = usize::from(self.regions(ctx).rows.height).max(1);
        let Some((row, want_top, row_count)) = self.selected_row(ctx) else {
            return;
        };
        if want_top < self.top {
            self.top = want_top;
        } else if row >= self.top + height {
            self.top = row + 1 - height;
        }
        self.top = self.top.min(row_count.saturating_sub(height));
    }

    /// The selected item's row, the row to show on top to see it with its section's heading,
    /// and how many rows there are.
    fn selected_row<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<(usize, usize, usize)> {
        let rows = self.rows(ctx);
        let items = rows.iter().filter(|r| matches!(r, Row::Item(_))).count();
        let at = items.min(self.selected + 1);
        let row = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Item(_)))
            .nth(at.checked_sub(1)?)
            .map(|(i, _)| i)?;
        // A section's first item brings its heading with it.
        let want_top = if row > 0 && matches!(rows[row - 1], Row::Heading(_)) {
            row - 1
        } else {
            row
        };
        Some((row, want_top, rows.len()))
    }

    fn rows<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> &[Row] {
        self.rows.get_or_init(|| rows::rows(&ctx.rules))
    }

    fn items<'s, Tz: TimeZone>(&'s self, ctx: &Context<Tz>) -> impl Iterator<Item = Item> + 's {
        self.rows(ctx).iter().filter_map(|r| match r {
            Row::Item(item) => Some(*item),
            Row::Heading(_) => None,
        })
    }

    fn item_count<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> usize {
        self.items(ctx).count()
    }

    /// The selected row's item.
    fn item<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Option<Item> {
        self.items(ctx).nth(self.selected)
    }

    /// Where the timeline's parts go on the current terminal.
    fn regions<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> TimelineRegions {
        let footer = Footer::of(ctx, Vec::new());
        layout::regions(ctx.screen_area(), footer.height(), self.rows(ctx).len())
    }

    /// The ruler's milestones (`ruler::milestones`: the columns under the next session's
    /// window, whether there is a booking task), worked out again only when what they
    /// depend on changed.
    fn milestones<Tz: TimeZone>(
        &self,
        ctx: &Context<Tz>,
        plan: &crate::plan::Plan<'_, Tz>,
        left_day: i64,
        columns: Columns,
    ) -> Rc<Milestones> {
        let key = (ctx.generation(), plan.treatment(), left_day, columns);
        if let Some((kept, columns)) = self.milestones.borrow().as_ref()
            && *kept == key
        {
            return columns.clone();
        }
        let fresh = Rc::new(ruler::milestones(&ctx.rules, plan, left_day, columns));
        *self.milestones.borrow_mut() = Some((key, fresh.clone()));
        fresh
    }

    /// How the timeline's columns fit the terminal.
    fn columns<Tz: TimeZone>(&self, ctx: &Context<Tz>) -> Columns {
        let (first, last) = ctx.plan().map_or((1, 1), |p| {
            let last = match p.day_of(ctx.now) > p.last_day() {
                true => charted_last_day(&ctx.rules, &p),
                false => p.last_day(),
            };
            (p.first_day(), last)
        });
        layout::columns(ctx.size.width, first, last)
    }
}

/// The last day the chart draws once the plan is over: the plan's last day, or later where a
/// warning sign is watched for longer (burns or dents after RF microneedling: 12 weeks), so
/// those bars are drawn whole and now stays on the chart in the weeks after the plan (walk:
/// on Day 60 the chart stopped at Day 43, its bars cut at the edge, and → went no further).
/// During the plan the chart keeps to the plan's days, and the titles keep their width.
fn charted_last_day<Tz: TimeZone>(rules: &Rules, plan: &Plan<'_, Tz>) -> i64 {
    let last_instant = |w: &Note| plan.instant(w.window().until) - Duration::nanoseconds(1);
    rules
        .warnings
        .iter()
        .map(|w| plan.day_of(last_instant(w)))
        .fold(plan.last_day(), i64::max)
}

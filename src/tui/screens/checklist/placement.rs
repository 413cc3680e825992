//! The main screen's placement, kept while what it is worked out from stays the same.
//!
//! Placing the day (`ChecklistScreen::placed`) reads every task of the day: on a clinic's
//! large plan that is tens of thousands of tasks, and a key asks for the placement several
//! times (to move the selection, to keep it in view, to draw). What the placement depends
//! on is small to compare, so it is worked out once per change of any of it and shared.
//! Keeping it is no change of state the user could see: the same inputs give the same
//! placement, so the view still only reads.

use super::day_model::Fold;
use super::placed::Placed;
use crate::tui::context::Context;
use chrono::{DateTime, FixedOffset, TimeZone};
use ratatui::layout::Rect;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

/// Everything `placed` reads, beside the checklist and what `Context::refresh` derives with
/// it (which `generation` stands for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Inputs {
    /// `Context::generation`: the checklist, the alerts, the progress.
    generation: u64,
    now: DateTime<FixedOffset>,
    today: Option<i64>,
    day_key: (Option<DateTime<FixedOffset>>, i64),
    /// The screen below the banners. It spans the terminal's width and reaches its bottom
    /// (`Context::areas`), so it also fixes the terminal's size, which the alert box reads.
    screen: Rect,
    /// A status or notice line wants a row.
    status: bool,
    open: BTreeSet<Fold>,
}

impl Inputs {
    pub(super) fn of<Tz: TimeZone>(ctx: &Context<Tz>, open: &BTreeSet<Fold>) -> Self {
        Inputs {
            generation: ctx.generation(),
            now: ctx.now,
            today: ctx.session_today(),
            day_key: ctx.day_key(),
            screen: ctx.screen_area(),
            status: ctx.status.is_some() || ctx.notice.is_some(),
            open: open.clone(),
        }
    }
}

/// The last placement and what it was worked out from.
pub(super) type PlacementCache = Kept<Inputs, Option<Rc<Placed>>>;

impl PlacementCache {
    /// The placement for `inputs`: the kept one when they are the same, else `place()`'s,
    /// which is then kept.
    pub(super) fn get(
        &self,
        inputs: Inputs,
        place: impl FnOnce() -> Option<Placed>,
    ) -> Option<Rc<Placed>> {
        self.read(inputs, || place().map(Rc::new), Clone::clone)
    }
}

/// A value worked out from inputs `I` (small to compare), kept until it is asked for with
/// other inputs: the placement here, the notes' text (`notes::NotesCache`).
pub(super) struct Kept<I, V> {
    kept: RefCell<Option<(I, V)>>,
}

impl<I, V> Default for Kept<I, V> {
    fn default() -> Self {
        Kept {
            kept: RefCell::new(None),
        }
    }
}

impl<I: PartialEq, V> Kept<I, V> {
    /// `read` of the value for `inputs`: the kept one when they are the same, else `make()`'s,
    /// which is then kept. `make` runs with nothing borrowed, so it may read other kept values.
    pub(super) fn read<R>(
        &self,
        inputs: I,
        make: impl FnOnce() -> V,
        read: impl FnOnce(&V) -> R,
    ) -> R {
        if let Some((kept, value)) = self.kept.borrow().as_ref()
            && *kept == inputs
        {
            return read(value);
        }
        let value = make();
        let read = read(&value);
        *self.kept.borrow_mut() = Some((inputs, value));
        read
    }
}

impl<I: std::fmt::Debug, V> std::fmt::Debug for Kept<I, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.kept.borrow();
        f.debug_struct("Kept")
            .field("inputs", &kept.as_ref().map(|(inputs, _)| inputs))
            .finish()
    }
}

//! When the day shown changes without the user asking (midnight, a change of time zone, the
//! next treatment beginning) the checklist says so and holds back the next tick; Esc goes
//! back to today's checklist.

use super::{ChecklistScreen, DayKey};
use crate::tui::context::Context;
use chrono::{FixedOffset, TimeZone};

impl ChecklistScreen {
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
                crate::dates::short_date(list.date)
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
    pub(super) fn hold_back_tick<Tz: TimeZone>(&self, ctx: &mut Context<Tz>) {
        let Some(list) = &ctx.checklist else {
            return;
        };
        ctx.notice = Some(format!(
            "Not ticked: it is now {}. Space again ticks it for today; ← day before",
            crate::dates::short_date(list.date),
        ));
    }

    /// Esc: back to today's checklist from another day or treatment; here already, it says
    /// how to quit (Esc never quits: it goes back).
    pub(super) fn back<Tz: TimeZone>(&mut self, ctx: &mut Context<Tz>) {
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
}

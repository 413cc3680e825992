//! Demo mode: the plan on a simulated clock the esthetician drives, with nothing saved.
//!
//! The clock arithmetic is pure (`Demo`); the `Context` methods below apply it. The demo's
//! treatment is kept in memory only (`Storage::Memory`), so ticks made during a walk-through
//! vanish when it ends and the patient's data directory is never read or written.

use super::context::Context;
use super::keymap::{self, Binding, Hint};
use super::storage::Storage;
use crate::plan::Plan;
use crate::rules::Rules;
use crate::store::{Change, PhotoCopy, State};
use chrono::{DateTime, Duration, FixedOffset, TimeZone, Timelike};
use crossterm::event::KeyCode;
use ratatui::layout::Size;

/// Play moves the clock this far per frame ...
pub const PLAY_STEP: Duration = Duration::hours(2);
/// ... and shows a frame this often: about a day of recovery per second, on whole hours.
pub const PLAY_INTERVAL: std::time::Duration = std::time::Duration::from_millis(83);

/// Something the esthetician asked of the simulated clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    HourBack,
    HourForward,
    DayBack,
    DayForward,
    PlayPause,
}

/// The clock's keys, on the checklist and the timeline of a demo. They lead the footer, since
/// they are what a demo is for.
#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[KeyCode::Char(',')], action: Action::HourBack, hint: Some("clock"), help: "Clock an hour back" },
    Binding { keys: &[KeyCode::Char('.')], action: Action::HourForward, hint: Some("clock"), help: "Clock an hour forward" },
    Binding { keys: &[KeyCode::Char('<')], action: Action::DayBack, hint: Some("clock"), help: "Clock a day back" },
    Binding { keys: &[KeyCode::Char('>')], action: Action::DayForward, hint: Some("clock"), help: "Clock a day forward" },
    Binding { keys: &[KeyCode::Char('p')], action: Action::PlayPause, hint: Some("play"), help: "Play the clock, a day a second; again to pause" },
];

/// The clock's footer hints in a demo, none otherwise.
pub fn hints<Tz: TimeZone>(ctx: &Context<Tz>) -> Vec<Hint> {
    if ctx.demo.is_some() {
        keymap::hints(KEYMAP)
    } else {
        Vec::new()
    }
}

/// The simulated clock's limits and whether it is playing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Demo {
    pub treatment: DateTime<FixedOffset>,
    /// The start of the plan's first day ...
    pub earliest: DateTime<FixedOffset>,
    /// ... and the end of the day after its last, so "plan complete" can be shown too.
    pub latest: DateTime<FixedOffset>,
    pub playing: bool,
}

impl Demo {
    /// The limits of `plan`'s clock, paused.
    pub fn for_plan<Tz: TimeZone>(plan: &Plan<'_, Tz>) -> Demo {
        Demo {
            treatment: plan.treatment(),
            earliest: plan.day_bounds(plan.date_of(plan.first_day())).0,
            latest: plan.day_bounds(plan.date_of(plan.last_day() + 1)).1,
            playing: false,
        }
    }

    /// `now` moved by `hours`, kept within the plan.
    pub fn step_hours(&self, now: DateTime<FixedOffset>, hours: i64) -> DateTime<FixedOffset> {
        (now + Duration::hours(hours)).clamp(self.earliest, self.latest)
    }

    /// `now` moved by `days` calendar days in `tz`: the same time of day, across a DST change
    /// too (where that time does not exist, 24 h per day).
    pub fn step_days<Tz: TimeZone>(
        &self,
        now: DateTime<FixedOffset>,
        days: i64,
        tz: &Tz,
    ) -> DateTime<FixedOffset> {
        let local = now.with_timezone(tz).naive_local() + Duration::days(days);
        let moved = tz
            .from_local_datetime(&local)
            .earliest()
            .map_or(now + Duration::days(days), |t| t.fixed_offset());
        moved.clamp(self.earliest, self.latest)
    }

    /// One frame of play: the new time, and whether play goes on (it stops at the end).
    pub fn play_step(&self, now: DateTime<FixedOffset>) -> (DateTime<FixedOffset>, bool) {
        let next = (now + PLAY_STEP).min(self.latest);
        (next, next < self.latest)
    }

    /// Where play starts: here, or back at the treatment when the plan has run out.
    pub fn play_from(&self, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        if now >= self.latest {
            self.treatment
        } else {
            now
        }
    }
}

impl<Tz: TimeZone> Context<Tz> {
    /// A demo of `rules` with a treatment at `now`, kept in memory only.
    pub fn demo(rules: Rules, tz: Tz, now: DateTime<FixedOffset>, size: Size) -> Self {
        // On the minute, so stepping by hours lands on round times like the plan's windows.
        let now = now
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(now);
        let mut state = State::default();
        // Memory cannot fail to apply a change; the state stays empty only if it did.
        if let Ok(treated) = Storage::Memory.apply(&state, &Change::AddSession { at: now }) {
            state = treated;
        }
        // The sample photos, for the before/after screen (b).
        for sample in &crate::photo::SAMPLES {
            let Some(cleaned) = sample.as_cleaned() else {
                continue;
            };
            let date = now.with_timezone(&tz).date_naive() + Duration::days(sample.day - 1);
            let photo = PhotoCopy::new(cleaned, sample.before, sample.note.into(), now);
            let add = Change::AddPhoto {
                session: now,
                date,
                photo,
            };
            if let Ok(with_photo) = Storage::Memory.apply(&state, &add) {
                state = with_photo;
            }
        }
        let mut ctx = Context::new(rules, Storage::Memory, state, tz, now, size);
        ctx.demo = ctx.plan().map(|plan| Demo::for_plan(&plan));
        ctx
    }

    pub fn is_playing(&self) -> bool {
        self.demo.is_some_and(|d| d.playing)
    }

    /// Carries out one of the clock's keys.
    pub fn update_clock(&mut self, action: Action) {
        match action {
            Action::HourBack => self.step_clock(-1, 0),
            Action::HourForward => self.step_clock(1, 0),
            Action::DayBack => self.step_clock(0, -1),
            Action::DayForward => self.step_clock(0, 1),
            Action::PlayPause => self.toggle_play(),
        }
    }

    /// Moves the simulated clock by hours (or, with `days`, calendar days).
    fn step_clock(&mut self, hours: i64, days: i64) {
        let Some(demo) = self.demo else {
            return;
        };
        let to = if days == 0 {
            demo.step_hours(self.now, hours)
        } else {
            demo.step_days(self.now, days, &self.tz)
        };
        self.set_now(to);
    }

    /// Plays the simulated clock, or pauses it.
    fn toggle_play(&mut self) {
        let Some(demo) = self.demo.as_mut() else {
            return;
        };
        demo.playing = !demo.playing;
        if demo.playing {
            let from = demo.play_from(self.now);
            self.set_now(from);
            self.go_to_today();
        }
    }

    /// Stops play, if the demo clock is playing.
    pub fn pause(&mut self) {
        if let Some(demo) = self.demo.as_mut() {
            demo.playing = false;
        }
    }

    /// One frame of play; returns whether the screen changed.
    pub fn play_step(&mut self) -> bool {
        let Some(demo) = self.demo.filter(|d| d.playing) else {
            return false;
        };
        let (to, goes_on) = demo.play_step(self.now);
        if let Some(d) = self.demo.as_mut() {
            d.playing = goes_on;
        }
        self.set_now(to);
        // While playing, the screen follows the simulated today.
        self.go_to_today();
        true
    }
}

#[cfg(test)]
mod tests;

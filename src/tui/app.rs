//! The app: the shared `Context`, the screens, which one is up and the popup over it. It is
//! the one place that knows every screen: a key goes to the popup or the screen that has the
//! focus, and what the screen asks for in return (an `Effect`) is carried out here.
//!
//! Events come in through `events::handle_event`, the one door the terminal loop and the
//! tests share; `render` draws the whole app as a ratatui widget.

mod events;
mod keys;
mod render;

pub use events::handle_event;

use super::context::Context;
use super::demo;
use super::screens::checkin::CheckInForm;
use super::screens::checklist::ChecklistScreen;
use super::screens::help::HelpPopup;
pub use super::screens::photos::Graphics;
use super::screens::photos::PhotosScreen;
use super::screens::timeline::TimelineScreen;
use super::screens::welcome::WelcomePrompt;
use super::screens::why::Why;
use super::screens::{Effect, Screen};
use super::storage::Storage;
use crate::rules::Rules;
use crate::store::{Notice, State};
use chrono::{DateTime, FixedOffset, TimeZone};
use ratatui::layout::Size;

/// A popup over the screen: it has the keys until it closes.
#[derive(Debug)]
enum Popup {
    CheckIn(CheckInForm),
    Why(Why),
    Help(HelpPopup),
}

/// The whole terminal app, in the time zone `Tz`.
pub struct App<Tz: TimeZone> {
    ctx: Context<Tz>,
    screen: Screen,
    /// The first-run prompt, until a treatment is recorded.
    welcome: Option<WelcomePrompt>,
    checklist: ChecklistScreen,
    timeline: TimelineScreen,
    photos: PhotosScreen,
    popup: Option<Popup>,
    quit: bool,
    /// Ctrl-Z was pressed: the terminal loop suspends the app (see `take_suspend`).
    suspend: bool,
    /// The window has just got the focus: the click that gave it only selects.
    focusing: bool,
}

impl<Tz: TimeZone> App<Tz> {
    /// The app at `now` on a terminal of `size`: the checklist for today, or the first-run
    /// prompt when no treatment is on record.
    pub fn new(
        rules: Rules,
        storage: impl Into<Storage>,
        state: State,
        tz: Tz,
        now: DateTime<FixedOffset>,
        size: Size,
    ) -> Self {
        Self::with_context(Context::new(rules, storage.into(), state, tz, now, size))
    }

    /// A demo of `rules` with a treatment at `now`, on a simulated clock, kept in memory only.
    pub fn demo(rules: Rules, tz: Tz, now: DateTime<FixedOffset>, size: Size) -> Self {
        Self::with_context(Context::demo(rules, tz, now, size))
    }

    fn with_context(ctx: Context<Tz>) -> Self {
        let welcome = ctx
            .state
            .sessions
            .is_empty()
            .then(|| WelcomePrompt::new(&ctx));
        let mut app = App {
            screen: if welcome.is_some() {
                Screen::Welcome
            } else {
                Screen::Checklist
            },
            welcome,
            ctx,
            checklist: ChecklistScreen::default(),
            timeline: TimelineScreen::default(),
            photos: PhotosScreen::default(),
            popup: None,
            quit: false,
            suspend: false,
            focusing: false,
        };
        app.sync();
        app
    }

    /// The app ringing the terminal bell when a slot begins (off unless asked for).
    pub fn with_bell(mut self, bell: bool) -> Self {
        self.ctx.bell = bell;
        self
    }

    /// Whether the terminal bell is to ring now; asking clears it.
    pub fn take_ring(&mut self) -> bool {
        self.ctx.take_ring()
    }

    /// The app with a notice from opening its data file, if there was one.
    pub fn with_file_notice(mut self, notice: Option<&Notice>) -> Self {
        self.ctx.banner = notice.map(super::context::notice_text);
        self.ctx.file_read_only = matches!(notice, Some(Notice::ReadOnly { .. }));
        self.sync();
        self
    }

    /// The app drawing photos with `graphics`: what the terminal can do (asked the first
    /// time the before/after screen opens) rather than half-blocks only.
    pub fn with_graphics(mut self, graphics: Graphics) -> Self {
        self.photos = PhotosScreen::new(graphics);
        self
    }

    /// The terminal size the app lays itself out for.
    pub fn size(&self) -> Size {
        self.ctx.size
    }

    /// Where changes go: the data directory, or memory in a demo.
    pub fn storage(&self) -> &Storage {
        &self.ctx.storage
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether Ctrl-Z asked to suspend since the last call.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    pub fn is_demo(&self) -> bool {
        self.ctx.demo.is_some()
    }

    /// Whether the app keeps time with the real clock (a demo keeps its own).
    pub fn follows_clock(&self) -> bool {
        self.ctx.demo.is_none()
    }

    pub fn is_playing(&self) -> bool {
        self.ctx.is_playing()
    }

    /// Moves the clock on; returns whether the screen's words may have changed (a new
    /// minute, a new zone, or the data file changed by another process). The terminal loop
    /// calls it on every minute and before every key, so "today" is always worked out again
    /// before a tick.
    pub fn set_now(&mut self, now: DateTime<FixedOffset>) -> bool {
        // What another process saved meanwhile (a `check` in another shell) is shown too.
        let outside = self.ctx.take_outside_changes();
        let before = self.ctx.day_key();
        let zone = (now.offset() != self.ctx.now.offset()).then_some(*now.offset());
        let clock = self.ctx.set_now(now);
        // The day derived once per tick: a new minute did so already, from the state as
        // just read.
        if outside && !clock {
            self.ctx.refresh();
        }
        let changed = clock || outside;
        self.checklist
            .day_changed_by_itself(&mut self.ctx, before, zone);
        self.sync();
        changed
    }

    /// Looks at the plan from the time zone `tz`, as when the machine's zone is changed
    /// with the app open (the system zone, chrono's `Local`, is followed through `set_now`:
    /// each reading of the clock gives the new offset).
    pub fn set_zone(&mut self, tz: Tz) {
        let before = self.ctx.day_key();
        self.ctx.set_zone(tz);
        let zone = Some(*self.ctx.now.offset());
        self.checklist
            .day_changed_by_itself(&mut self.ctx, before, zone);
        self.sync();
    }

    /// One frame of the demo's play; returns whether the screen changed.
    pub fn play_step(&mut self) -> bool {
        let before = self.ctx.day_key();
        let changed = self.ctx.play_step();
        self.checklist
            .day_changed_by_itself(&mut self.ctx, before, None);
        self.after_clock_moved();
        changed
    }

    /// Lays the app out for a terminal of `size`.
    pub fn resize(&mut self, size: Size) {
        self.ctx.size = size;
        self.sync();
    }

    /// Carries out what a screen or popup asked for.
    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::Done => {}
            Effect::Quit => self.quit = true,
            Effect::Close => self.popup = None,
            Effect::Show(Screen::Timeline) => self.open_timeline(None),
            Effect::Show(Screen::Photos) => {
                self.screen = Screen::Photos;
                self.photos.open(&self.ctx);
            }
            Effect::Show(screen) => {
                self.screen = screen;
                if screen != Screen::Welcome {
                    self.welcome = None;
                }
            }
            Effect::Timeline { rule } => self.open_timeline(rule.as_deref()),
            Effect::CheckIn => self.popup = CheckInForm::open(&mut self.ctx).map(Popup::CheckIn),
            Effect::Why(item) => self.popup = Why::of(&self.ctx, item).map(Popup::Why),
            Effect::WhyOfNext(item) => {
                self.popup = Why::of_next(&self.ctx, item).map(Popup::Why);
            }
            Effect::Help => self.popup = Some(Popup::Help(self.help())),
        }
        if self.popup.is_some() {
            // A form or popup holds the demo's clock still, so what it is about (a check-in's
            // day) cannot move on under it; it stays paused when the popup closes, and the
            // banner says so.
            self.ctx.pause();
        }
        self.sync();
    }

    fn open_timeline(&mut self, rule: Option<&str>) {
        self.screen = Screen::Timeline;
        self.timeline.open(&self.ctx, rule);
    }

    /// Carries out one of the demo clock's keys.
    fn update_clock(&mut self, action: demo::Action) {
        let before = self.ctx.day_key();
        self.ctx.update_clock(action);
        // An hour's step that crosses midnight changes the day as the real clock does: the
        // next tick is held back and the change said, so Space never lands on the new day's
        // task for the one selected on the old. A day's step asks for the new day itself.
        if matches!(action, demo::Action::HourBack | demo::Action::HourForward) {
            self.checklist
                .day_changed_by_itself(&mut self.ctx, before, None);
        }
        self.after_clock_moved();
    }

    fn after_clock_moved(&mut self) {
        if self.screen == Screen::Timeline {
            self.timeline.follow_today(&self.ctx);
        }
        self.sync();
    }

    /// Keeps the screens' selections on the context's day and in view after any change.
    fn sync(&mut self) {
        self.checklist.follow(&self.ctx);
        if self.screen == Screen::Timeline {
            self.timeline.fit(&self.ctx);
        }
        if self.screen == Screen::Photos {
            self.photos.fit(&self.ctx);
        }
    }
}

#[cfg(test)]
mod tests;

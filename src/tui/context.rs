//! What every screen shares and is handed: the plan, the patient's state and where changes go,
//! the time, the terminal's size, and which treatment and day are being looked at, with that
//! day's checklist, alerts and the recovery's progress derived from them.
//!
//! Screens never reach into one another; what one changes here (the day, the treatment, the
//! state) the others see. Only `refresh` derives the day's data, so it is never stale.

mod banner;
mod day_viewed;
mod outside;
mod refresh;
mod slots;
mod treatments;

pub use banner::notice_text;
pub use refresh::NextTreatmentWords;

use super::demo::Demo;
use super::storage::Storage;
use crate::checklist::Checklist;
use crate::journal::AlertLine;
use crate::plan::{Plan, Reach};
use crate::progress::Progress;
use crate::rules::Rules;
use crate::store::{Change, Session, State, StoreError};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Position, Rect, Size};
use refresh::ProgressInputs;

/// The shared state of the terminal app, in the time zone `Tz`.
pub struct Context<Tz: TimeZone> {
    pub rules: Rules,
    /// How far the rules' windows reach, measured once: the plan is asked for on every frame.
    reach: Reach,
    pub storage: Storage,
    pub state: State,
    pub tz: Tz,
    pub now: DateTime<FixedOffset>,
    /// The terminal's size, which layouts and scrolling follow.
    pub size: Size,
    /// The treatment being looked at, when the user switched away from the current one.
    pub viewed: Option<DateTime<FixedOffset>>,
    /// Whether the user allowed changes to a treatment other than the current one.
    pub unlocked: bool,
    /// The plan day being looked at; today unless the user moved.
    pub day: i64,
    /// Whether the user is looking at today, so the view follows it when the date changes
    /// (midnight, or a change of time zone). Remembered rather than worked out again: once
    /// the zone has changed, the old "today" can no longer be asked for.
    follows_today: bool,
    /// That day's tasks, phases and warning signs (`None` before a treatment is recorded).
    pub checklist: Option<Checklist>,
    /// Whether the day viewed is today: the calendar's, and the viewed treatment's own
    /// (`session_today`: an earlier treatment of a series has no today once the next took
    /// over). Worked out once in `refresh`, for the header, the alert box and the main
    /// screen to read.
    pub viewing_today: bool,
    /// The width the checklist's do rows want (`do_rows_width`). Kept beside the checklist
    /// because it reads only its tasks and formatting every task's time on every placement
    /// (several per key) was most of a key's time on a large plan; it stays right because
    /// `refresh`, the one place `checklist` is assigned, sets both.
    do_rows_width: (u16, u16),
    /// Counts the times `refresh` derived the day again: what is worked out from the
    /// checklist (the main screen's placement) is kept while this stays the same.
    generation: u64,
    /// What today's check-in set off, whichever day is viewed; looking back, the viewed
    /// day's own alerts follow (those today's do not already give).
    pub alerts: Vec<AlertLine>,
    /// How many of `alerts`, from the first, are today's; the rest are the viewed day's own.
    pub alerts_of_today: usize,
    /// Today's tasks, (done, all), while another day of the plan is viewed: the header's
    /// "Today …" words give today's figures, never the viewed day's (`None` on today, when
    /// today is outside the plan, and for a treatment that is not the current one).
    pub today_progress: Option<(usize, usize)>,
    /// The viewed treatment's recovery so far.
    pub progress: Option<Progress>,
    /// What `progress` was computed from (`refresh`).
    progress_inputs: Option<ProgressInputs>,
    /// The date a check-in made now goes to, while one may be made (`Plan::may_check_in` on
    /// the recovery's today): the footer offers `c` and the Days strip says so only then.
    /// `None` before the treatment and with no recovery to show.
    pub checkin_date: Option<NaiveDate>,
    /// Before the treatment, when the recovery the Days strip counts begins ("recovery
    /// from 10:00").
    pub recovery_begins: Option<String>,
    /// The next treatment recorded ahead, in the header's words, while the viewed one is
    /// the treatment in force (`next_treatment`).
    pub next_treatment_words: Option<NextTreatmentWords>,
    /// The simulated clock, in demo mode.
    pub demo: Option<Demo>,
    /// Why the last change was not saved.
    pub status: Option<String>,
    /// What the last action did, when that is not plain to see ("Check-in saved").
    pub notice: Option<String>,
    /// What went wrong with the data file when the app opened it (see `banner`).
    pub banner: Option<String>,
    /// The data file is shown read-only (written by a newer aftercare: `Notice::ReadOnly`),
    /// so every save is refused and no key that saves is offered.
    pub file_read_only: bool,
    /// Whether the user asked for the terminal bell when a slot begins (`--bell`).
    pub bell: bool,
    /// A slot began and the bell is to ring: the terminal loop takes it (`take_ring`).
    pub ring: bool,
    /// The notice a slot's beginning put up, and when the earliest of its slots ends: it
    /// goes then (or when the clock goes back before it), so it never tells old news.
    slot_notice: Option<(String, DateTime<FixedOffset>, DateTime<FixedOffset>)>,
    /// The data file as last looked at (`Storage::stamp`), so a change made by another
    /// process is seen (`take_outside_changes`).
    seen_stamp: Option<crate::tui::storage::Stamp>,
}

impl<Tz: TimeZone> Context<Tz> {
    /// The context at `now` on a terminal of `size`, looking at today.
    pub fn new(
        rules: Rules,
        storage: Storage,
        state: State,
        tz: Tz,
        now: DateTime<FixedOffset>,
        size: Size,
    ) -> Self {
        let mut ctx = Context {
            reach: Reach::of(&rules),
            rules,
            storage,
            state,
            tz,
            now,
            size,
            viewed: None,
            unlocked: false,
            day: 1,
            follows_today: true,
            checklist: None,
            viewing_today: false,
            do_rows_width: (0, 0),
            generation: 0,
            alerts: Vec::new(),
            alerts_of_today: 0,
            today_progress: None,
            progress: None,
            progress_inputs: None,
            checkin_date: None,
            recovery_begins: None,
            next_treatment_words: None,
            demo: None,
            status: None,
            notice: None,
            banner: None,
            file_read_only: false,
            bell: false,
            ring: false,
            slot_notice: None,
            seen_stamp: None,
        };
        ctx.seen_stamp = ctx.storage.stamp();
        ctx.go_to_today();
        ctx
    }

    /// The treatment the screens are about: the current one unless the user switched.
    pub fn session(&self) -> Option<&Session> {
        self.viewed
            .and_then(|at| self.state.session(at))
            .or_else(|| self.state.current_session(self.now))
    }

    /// The plan of the viewed treatment, in the app's time zone.
    pub fn plan(&self) -> Option<Plan<'_, Tz>> {
        Some(self.plan_at(self.session()?.at))
    }

    /// The plan of the treatment at `at`, with the context's rules, zone and reach.
    pub fn plan_at(&self, at: DateTime<FixedOffset>) -> Plan<'_, Tz> {
        Plan::reaching(&self.rules, at, self.tz.clone(), self.reach)
    }

    /// Today's plan day, unclamped: below 1 before the treatment, past the last day after.
    pub fn today(&self) -> Option<i64> {
        self.plan().map(|p| p.day_of(self.now))
    }

    /// What a screen's selection is about: the viewed treatment and day. When it changes,
    /// the screens start their selection over.
    pub fn day_key(&self) -> (Option<DateTime<FixedOffset>>, i64) {
        (self.session().map(|s| s.at), self.day)
    }

    /// The terminal below the demo banner and the data file's banner (all of it when there
    /// is neither).
    pub fn screen_area(&self) -> Rect {
        let [_, _, screen] = self.areas();
        screen
    }

    /// The terminal split into the demo's banner, the data file's banner and the screen
    /// below them (a banner that is not there takes no row).
    pub fn areas(&self) -> [Rect; 3] {
        split(
            self.size,
            u16::from(self.demo.is_some()),
            self.banner_rows(),
        )
    }

    /// Applies a change the user made and takes the state as saved; on failure keeps the old
    /// state and returns why, in words for the status line.
    pub fn apply(&mut self, change: &Change) -> Result<(), String> {
        let state = self.save(change).map_err(not_saved)?;
        self.state = state;
        Ok(())
    }

    /// The width, in cells, the checklist's do rows want: with each time whole, and with each
    /// at its shortest (`do_rows_width`; zeros without a checklist).
    pub fn do_rows_width(&self) -> (u16, u16) {
        self.do_rows_width
    }

    /// Changes each time `refresh` derives the day's checklist, alerts and progress again
    /// (the one place they are assigned), so what is worked out from them can be kept
    /// until it does.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

/// A terminal of `size` split into `demo` rows, `banner` rows and the screen below them. The
/// screen always spans the terminal's width and reaches its bottom (it is empty when the
/// banners take every row), so it also tells the terminal's size.
fn split(size: Size, demo: u16, banner: u16) -> [Rect; 3] {
    let whole = Rect::from((Position::ORIGIN, size));
    whole.layout(&Layout::vertical([Length(demo), Length(banner), Fill(1)]))
}

/// A failed save in words for the status line.
pub fn not_saved(e: StoreError) -> String {
    match e {
        // The reason first: on a narrow status line a long path would cut it off.
        StoreError::Io {
            action,
            path,
            source,
        } => format!(
            "Not saved: {source} (cannot {action} {})",
            crate::inert::inert_path(&path)
        ),
        e => format!("Not saved: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_screen_below_the_banners_reaches_the_terminals_edges() {
        // The main screen's placement is kept by the screen area alone (`placement::Inputs`).
        for (width, height) in [
            (0, 0),
            (1, 1),
            (80, 1),
            (80, 2),
            (80, 3),
            (80, 24),
            (500, 200),
        ] {
            for (demo, banner) in [(0, 0), (1, 0), (0, 3), (1, 3), (1, 250)] {
                let [_, _, screen] = split(Size::new(width, height), demo, banner);
                let case = format!("{width}x{height}, banners {demo}+{banner}: {screen:?}");
                assert_eq!((screen.x, screen.width), (0, width), "{case}");
                assert_eq!(screen.bottom(), height, "{case}");
            }
        }
    }
}

//! What the screen shows and how actions change it. Rendering only reads an `App`; only
//! `update`, `prompt` and the event handler in `input` change one.

use super::action::Action;
use super::checkin_form::CheckInForm;
use super::demo::Demo;
use super::layout::{self, Needs, Regions};
use super::prompt::Prompt;
use super::storage::Storage;
use super::ticking::UndoStep;
use super::timeline::{Row as TimelineRow, TimelineView};
use crate::checklist::{Checklist, TaskLine};
use crate::journal::AlertLine;
use crate::plan::{Plan, Reach};
use crate::progress::Progress;
use crate::rules::{Kind, Rules};
use crate::store::{Session, State, Ticks};
use chrono::{DateTime, FixedOffset, TimeZone, Timelike};
use ratatui::layout::Size;
use std::cell::OnceCell;

/// Which screen is up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// No treatment on record yet: ask for one.
    Start(Prompt),
    Checklist,
    /// The whole plan at once, days across and rules down.
    Timeline,
    /// The check-ins drawn against the usual course.
    Chart,
    /// Every treatment of the series side by side.
    History,
}

/// One row of the task list: a group heading or a task (by index into the checklist).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Kind),
    Task(usize),
}

/// The whole terminal app, in the time zone `Tz`.
pub struct App<Tz: TimeZone> {
    pub(crate) rules: Rules,
    /// How far the rules' windows reach, measured once: the plan is asked for on every frame.
    reach: Reach,
    /// The timeline's rows in order, sorted on first use (see `timeline_rows`).
    pub(crate) timeline_rows: OnceCell<Vec<TimelineRow>>,
    pub(crate) storage: Storage,
    pub(crate) state: State,
    pub(crate) tz: Tz,
    pub(crate) now: DateTime<FixedOffset>,
    pub(crate) size: Size,
    pub(crate) screen: Screen,
    /// The day being looked at; today unless the user moved.
    pub(crate) day: i64,
    /// Index into the checklist's tasks.
    pub(crate) selected: usize,
    /// The first list row on screen.
    pub(crate) top: usize,
    pub(crate) help: bool,
    /// The "why this task?" popup is open.
    pub(crate) why: bool,
    /// The simulated clock, in demo mode.
    pub(crate) demo: Option<Demo>,
    pub(crate) timeline: TimelineView,
    /// Why the last tick was not saved.
    pub(crate) status: Option<String>,
    /// What went wrong with the data file when the app opened it (see `banner`).
    pub(crate) banner: Option<String>,
    pub(crate) quit: bool,
    pub(crate) checklist: Option<Checklist>,
    /// The treatment being looked at, when the user switched away from the current one.
    pub(crate) viewed: Option<DateTime<FixedOffset>>,
    /// Whether the user allowed changes to a treatment other than the current one.
    pub(crate) unlocked: bool,
    /// The inverse of each tick and untick, newest last.
    pub(crate) undo: Vec<UndoStep>,
    /// The check-in form, when it is open.
    pub(crate) form: Option<CheckInForm>,
    /// What the last action did, when that is not plain to see ("Check-in saved").
    pub(crate) notice: Option<String>,
    /// What the viewed day's check-in set off.
    pub(crate) alerts: Vec<AlertLine>,
    /// The viewed treatment's recovery so far.
    pub(crate) progress: Option<Progress>,
    /// What `progress` was computed from: the treatment, today and its tick-offs.
    pub(crate) progress_inputs: Option<(DateTime<FixedOffset>, i64, Ticks)>,
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
        let screen = if state.sessions.is_empty() {
            let local = now.with_timezone(&tz).naive_local();
            Screen::Start(Prompt::new(local.format("%Y-%m-%d %H:%M").to_string()))
        } else {
            Screen::Checklist
        };
        let mut app = App {
            reach: Reach::of(&rules),
            timeline_rows: OnceCell::new(),
            rules,
            storage: storage.into(),
            state,
            tz,
            now,
            size,
            screen,
            day: 1,
            selected: 0,
            top: 0,
            help: false,
            why: false,
            demo: None,
            timeline: TimelineView::default(),
            status: None,
            banner: None,
            quit: false,
            checklist: None,
            viewed: None,
            unlocked: false,
            undo: Vec::new(),
            form: None,
            notice: None,
            alerts: Vec::new(),
            progress: None,
            progress_inputs: None,
        };
        app.go_to_today();
        app
    }

    /// The terminal size the app lays itself out for.
    pub fn size(&self) -> Size {
        self.size
    }

    /// Where changes go: the data directory, or memory in a demo.
    pub fn storage(&self) -> &Storage {
        &self.storage
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The treatment the screen is about: the current one unless the user switched.
    pub fn session(&self) -> Option<&Session> {
        self.viewed
            .and_then(|at| self.state.session(at))
            .or_else(|| self.state.current_session(self.now))
    }

    pub fn plan(&self) -> Option<Plan<'_, Tz>> {
        let session = self.session()?;
        Some(Plan::reaching(
            &self.rules,
            session.at,
            self.tz.clone(),
            self.reach,
        ))
    }

    /// Today's plan day, unclamped: below 1 before the treatment, past the last day after.
    pub fn today(&self) -> Option<i64> {
        self.plan().map(|p| p.day_of(self.now))
    }

    pub fn selected_task(&self) -> Option<&TaskLine> {
        self.checklist.as_ref()?.tasks.get(self.selected)
    }

    /// Where everything goes on the current terminal.
    pub fn regions(&self) -> Regions {
        let c = self.checklist.as_ref();
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let needs = Needs {
            list_rows: count(self.rows().len()),
            phases: count(c.map_or(0, |c| c.phases.len())),
            warnings: count(c.map_or(0, |c| c.warnings.len())),
            detail: self.selected_task().is_some(),
            status: self.status.is_some() || self.notice.is_some(),
            alerts: super::widgets::alert_rows(&self.alerts, self.size),
            progress: self.progress.is_some(),
        };
        layout::regions(self.screen_area(), needs)
    }

    /// Carries out one action of the checklist or the timeline.
    pub fn update(&mut self, action: Action) {
        // A notice says what the last key did; the next key makes it stale.
        self.notice = None;
        if self.update_anywhere(action) {
            return;
        }
        if self.screen == Screen::Timeline {
            if action == Action::Today {
                self.go_to_today();
            }
            return self.update_timeline(action);
        }
        let task_count = self.checklist.as_ref().map_or(0, |c| c.tasks.len());
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(task_count.saturating_sub(1)),
            Action::Toggle => self.toggle(),
            Action::PrevDay => self.show_day(self.day - 1),
            Action::NextDay => self.show_day(self.day + 1),
            Action::Today => self.go_to_today(),
            Action::CheckIn => self.open_checkin(),
            Action::Undo => self.undo_last(),
            Action::Chart => self.screen = Screen::Chart,
            Action::History => self.screen = Screen::History,
            Action::PrevSession => self.switch_session(-1),
            Action::NextSession => self.switch_session(1),
            Action::AllowEdits => self.allow_edits(),
            _ => {}
        }
        self.keep_selection_visible();
    }

    /// Moves the clock on; returns whether the screen's words may have changed (a new minute).
    pub fn set_now(&mut self, now: DateTime<FixedOffset>) -> bool {
        let minute = |t: DateTime<FixedOffset>| (t.date_naive(), t.hour(), t.minute());
        if minute(now) == minute(self.now) {
            return false;
        }
        let was_today = self.today().map(|t| self.clamp_day(t)) == Some(self.day);
        self.now = now;
        if was_today {
            // Whoever was looking at today keeps looking at today past midnight.
            self.go_to_today();
        } else {
            self.refresh();
        }
        true
    }

    pub fn resize(&mut self, size: Size) {
        self.size = size;
        self.keep_selection_visible();
        self.fit_timeline();
    }

    pub(crate) fn go_to_today(&mut self) {
        let today = self.session_today().unwrap_or(1);
        self.show_day(today);
    }

    pub(crate) fn show_day(&mut self, day: i64) {
        let day = self.clamp_day(day);
        if day != self.day || self.checklist.is_none() {
            self.selected = 0;
            self.top = 0;
        }
        self.day = day;
        self.refresh();
        self.keep_selection_visible();
    }

    fn clamp_day(&self, day: i64) -> i64 {
        self.plan()
            .map_or(day, |p| day.clamp(p.first_day(), p.last_day()))
    }

    /// Rebuilds the checklist from the state, the day and the time.
    pub(crate) fn refresh(&mut self) {
        self.checklist = self
            .plan()
            .map(|plan| Checklist::build(&plan, self.day, self.session(), self.now));
        let count = self.checklist.as_ref().map_or(0, |c| c.tasks.len());
        self.selected = self.selected.min(count.saturating_sub(1));
        self.refresh_journal();
    }
}

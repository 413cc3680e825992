//! What the screen shows and how actions change it. Rendering only reads an `App`; only
//! `update`, `prompt` and the event handler in `input` change one.

use super::action::{Action, PromptAction};
use super::layout::{self, Needs, Regions};
use super::prompt::Prompt;
use crate::checklist::{Checklist, TaskLine};
use crate::plan::Plan;
use crate::rules::{Kind, Rules};
use crate::store::{Change, Session, State, Store};
use crate::timearg::parse_time;
use chrono::{DateTime, FixedOffset, TimeZone, Timelike};
use ratatui::layout::Size;

/// Which screen is up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// No treatment on record yet: ask for one.
    Start(Prompt),
    Checklist,
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
    pub(crate) store: Store,
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
    /// Why the last tick was not saved.
    pub(crate) status: Option<String>,
    /// What went wrong with the data file when the app opened it (see `banner`).
    pub(crate) banner: Option<String>,
    pub(crate) quit: bool,
    pub(crate) checklist: Option<Checklist>,
}

impl<Tz: TimeZone> App<Tz> {
    /// The app at `now` on a terminal of `size`: the checklist for today, or the first-run
    /// prompt when no treatment is on record.
    pub fn new(
        rules: Rules,
        store: Store,
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
            rules,
            store,
            state,
            tz,
            now,
            size,
            screen,
            day: 1,
            selected: 0,
            top: 0,
            help: false,
            status: None,
            banner: None,
            quit: false,
            checklist: None,
        };
        app.go_to_today();
        app
    }

    /// The terminal size the app lays itself out for.
    pub fn size(&self) -> Size {
        self.size
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The treatment the screen is about.
    pub fn session(&self) -> Option<&Session> {
        self.state.current_session(self.now)
    }

    pub fn plan(&self) -> Option<Plan<'_, Tz>> {
        let session = self.session()?;
        Some(Plan::new(&self.rules, session.at, self.tz.clone()))
    }

    /// Today's plan day, unclamped: below 1 before the treatment, past the last day after.
    pub fn today(&self) -> Option<i64> {
        self.plan().map(|p| p.day_of(self.now))
    }

    pub fn selected_task(&self) -> Option<&TaskLine> {
        self.checklist.as_ref()?.tasks.get(self.selected)
    }

    /// Headings and tasks in the order they are listed.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        let tasks = self.checklist.as_ref().map_or(&[][..], |c| &c.tasks[..]);
        for (i, task) in tasks.iter().enumerate() {
            if i == 0 || tasks[i - 1].kind != task.kind {
                rows.push(Row::Heading(task.kind));
            }
            rows.push(Row::Task(i));
        }
        rows
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
            status: self.status.is_some(),
        };
        let [_banner, screen] = self.banner_split();
        layout::regions(screen, needs)
    }

    /// Carries out one action of the checklist screen.
    pub fn update(&mut self, action: Action) {
        if self.help {
            self.help = false;
            return;
        }
        let task_count = self.checklist.as_ref().map_or(0, |c| c.tasks.len());
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(task_count.saturating_sub(1)),
            Action::Toggle => self.toggle(),
            Action::PrevDay => self.show_day(self.day - 1),
            Action::NextDay => self.show_day(self.day + 1),
            Action::Today => self.go_to_today(),
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
        }
        self.keep_selection_visible();
    }

    /// Carries out one action of the first-run prompt.
    pub fn prompt(&mut self, action: PromptAction) -> bool {
        let Screen::Start(prompt) = &mut self.screen else {
            return false;
        };
        match action {
            PromptAction::Quit => self.quit = true,
            PromptAction::Submit => {
                let change = parse_time(&prompt.text, &self.tz).map(|at| Change::AddSession { at });
                match change
                    .map_err(|e| e.to_string())
                    .and_then(|c| self.store.apply(&c).map_err(super::ticking::not_saved))
                {
                    Ok(state) => {
                        self.state = state;
                        self.screen = Screen::Checklist;
                        self.go_to_today();
                    }
                    Err(message) => prompt.error = Some(message),
                }
            }
            edit => return prompt.edit(edit),
        }
        true
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
    }

    /// Selects the task on list row `row` (counted from the top of the list area) and ticks it.
    pub fn click_row(&mut self, row: usize) {
        if let Some(Row::Task(i)) = self.rows().get(self.top + row) {
            self.selected = *i;
            self.toggle();
            self.keep_selection_visible();
        }
    }

    fn go_to_today(&mut self) {
        let today = self.today().unwrap_or(1);
        self.show_day(today);
    }

    fn show_day(&mut self, day: i64) {
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
    }

    pub(crate) fn keep_selection_visible(&mut self) {
        let height = usize::from(self.regions().list.height).max(1);
        let rows = self.rows();
        let Some(at) = rows.iter().position(|r| *r == Row::Task(self.selected)) else {
            self.top = 0;
            return;
        };
        // Show a group's heading along with its first task.
        let want_top = if at > 0 && matches!(rows[at - 1], Row::Heading(_)) {
            at - 1
        } else {
            at
        };
        if want_top < self.top {
            self.top = want_top;
        } else if at >= self.top + height {
            self.top = at + 1 - height;
        }
        self.top = self.top.min(rows.len().saturating_sub(height));
    }
}

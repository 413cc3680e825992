//! The viewed day derived from the state, the day and the time: its checklist with the
//! emergency signs it keeps, the alerts, the recovery's progress, and the answers the header,
//! the footer and the Days strip would otherwise build a plan on every frame to get.
//!
//! `refresh` is the one place any of them is assigned: it works the day out whole (`derive`,
//! which only reads) and then puts it in place, so no view reads half of an old day.

use super::Context;
use crate::checklist::{Checklist, Record};
use crate::journal::{AlertLine, alerts_on};
use crate::plan::Plan;
use crate::progress::Progress;
use crate::series::{next_treatment_label, next_treatment_today};
use crate::store::{Session, Ticks};
use crate::tui::screens::checklist::do_rows_width;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

/// What `Context::progress` was computed from: the treatment, today (a plan day), its
/// tick-offs and the moment.
pub(super) type ProgressInputs = (DateTime<FixedOffset>, i64, Ticks, DateTime<FixedOffset>);

/// The next treatment recorded ahead of the one in force, in the header's words
/// (`crate::series`), worked out in `refresh` so the header builds no second plan per frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextTreatmentWords {
    /// Its countdown, while it is ahead (`series::next_treatment_label`).
    pub label: Option<String>,
    /// Its words when it is today, standing alone (`series::next_treatment_today`).
    pub today: Option<String>,
}

/// What becomes of the recovery's progress: walking every day of a large plan costs more
/// than a key press may, so it is kept until what it depends on changes.
enum ProgressUpdate {
    Clear,
    Keep,
    New(Progress, ProgressInputs),
}

/// Everything `refresh` assigns, worked out before any of it is.
struct Derived {
    checklist: Option<Checklist>,
    viewing_today: bool,
    today_progress: Option<(usize, usize)>,
    do_rows_width: (u16, u16),
    alerts: Vec<AlertLine>,
    alerts_of_today: usize,
    progress: ProgressUpdate,
    checkin_date: Option<NaiveDate>,
    recovery_begins: Option<String>,
    next_treatment_words: Option<NextTreatmentWords>,
}

impl<Tz: TimeZone> Context<Tz> {
    /// Rebuilds the day's checklist (with the emergency signs it keeps), alerts, what the
    /// header, footer and Days strip read, and (when what it depends on changed) progress,
    /// from the state, the day and the time.
    pub fn refresh(&mut self) {
        let day = self.derive();
        self.checklist = day.checklist;
        self.viewing_today = day.viewing_today;
        self.today_progress = day.today_progress;
        self.do_rows_width = day.do_rows_width;
        self.alerts = day.alerts;
        self.alerts_of_today = day.alerts_of_today;
        match day.progress {
            ProgressUpdate::Clear => (self.progress, self.progress_inputs) = (None, None),
            ProgressUpdate::Keep => {}
            ProgressUpdate::New(progress, inputs) => {
                (self.progress, self.progress_inputs) = (Some(progress), Some(inputs));
            }
        }
        self.checkin_date = day.checkin_date;
        self.recovery_begins = day.recovery_begins;
        self.next_treatment_words = day.next_treatment_words;
        self.generation = self.generation.wrapping_add(1);
    }

    /// The viewed day as `refresh` puts it in place; empty before a treatment is recorded.
    fn derive(&self) -> Derived {
        let (Some(plan), Some(session)) = (self.plan(), self.session()) else {
            return Derived {
                checklist: None,
                viewing_today: false,
                today_progress: None,
                do_rows_width: (0, 0),
                alerts: Vec::new(),
                alerts_of_today: 0,
                progress: ProgressUpdate::Clear,
                checkin_date: None,
                recovery_begins: None,
                next_treatment_words: None,
            };
        };
        let record = Some(Record::of(&self.state, session));
        let build = |day: i64| Checklist::build(&plan, day, record, self.now);
        let mut list = build(self.day);
        // Each looked up once per refresh: both build a plan.
        let session_today = self.session_today();
        let next = self.next_treatment();
        // Today, the next treatment's preparation once it is open: one list, each of those
        // tasks ticked on that treatment (`TaskLine::of_treatment`).
        if let Some(prep) = self.next_preparation(self.day, session_today, next.as_ref()) {
            list.tasks.extend(prep.tasks);
        }
        // Another day viewed: today's own count, for the header's "Today …" words. Only
        // the current treatment's: today's tasks are its plan's, and an earlier session's
        // count for today's date read as today's ("Today Tue 5 Jan: 0/5 ticked" above a
        // Day 1 of 13 tasks, walk).
        let current = self.state.current_session(self.now).map(|s| s.at);
        let is_current = Some(session.at) == current;
        let today = plan.day_of(self.now);
        let within = (plan.first_day()..=plan.last_day()).contains(&today);
        let today_progress =
            (within && today != self.day && is_current).then(|| build(today).progress());
        let viewing_today = today == self.day && session_today == Some(self.day);
        // Read from the tasks alone, before the signs go in.
        let do_rows_width = do_rows_width(&list);
        let (alerts, alerts_of_today) = self.alerts_for(&plan, session, &list);
        // Past the signs' windows, today's alert and the signs still listed come with when
        // to call emergency services: first among the day's warning signs.
        let signs = list.emergency_signs_kept(&plan, alerts_of_today > 0);
        list.warnings.splice(0..0, signs);
        let progress = self.progress_update(&plan, session, session_today.unwrap_or(1));
        let shown = match &progress {
            ProgressUpdate::New(progress, _) => Some(progress),
            ProgressUpdate::Keep => self.progress.as_ref(),
            ProgressUpdate::Clear => None,
        };
        // Check-ins go on after the plan is over, on the day they are made; none before the
        // treatment (`Plan::may_check_in`, the rule `c` and `aftercare checkin` go by).
        let checkin_date = shown
            .map(|p| p.today)
            .filter(|&day| plan.may_check_in(day, self.now).is_ok())
            .map(|day| plan.date_of(day));
        // Before the treatment, when the recovery the Days strip counts begins.
        let recovery_begins = (self.now < plan.treatment()).then(|| {
            let today = plan.local(self.now).date_naive();
            let at = crate::plan::clock_label_on(plan.treatment(), today, plan.time_zone());
            format!("recovery from {at}")
        });
        let next_treatment_words = next.map(|(_, next)| NextTreatmentWords {
            label: next_treatment_label(&next, self.now),
            today: next_treatment_today(&next, self.now),
        });
        Derived {
            checklist: Some(list),
            viewing_today,
            today_progress,
            do_rows_width,
            alerts,
            alerts_of_today,
            progress,
            checkin_date,
            recovery_begins,
            next_treatment_words,
        }
    }

    /// The alerts shown over the day `list` is of, and how many of them, from the first,
    /// are today's.
    ///
    /// Today's alerts show whichever day is viewed, worded from today ("Rated severe:
    /// redness", not "yesterday (today's date)"): a day ahead has no check-ins of its own,
    /// and looking back must not hide what today asks for. A day looked back on adds its own
    /// alerts after them (those today's do not already give).
    fn alerts_for(
        &self,
        plan: &Plan<'_, Tz>,
        session: &Session,
        list: &Checklist,
    ) -> (Vec<AlertLine>, usize) {
        let today_date = plan.local(self.now).date_naive();
        let mut alerts = alerts_on(plan, session, today_date, self.now);
        // Carried from the day looked back on, an alert is that day's own: shown once.
        if list.date < today_date {
            alerts.retain(|a| a.rated_on != Some(list.date));
        }
        let of_today = alerts.len();
        if list.date < today_date {
            // As they stood at that day's end (before today, so before now).
            let day_end = plan.day_bounds(list.date).1 - chrono::Duration::seconds(1);
            for mut alert in alerts_on(plan, session, list.date, day_end) {
                if !alerts
                    .iter()
                    .any(|a| a.id == alert.id && a.symptoms == alert.symptoms)
                {
                    // Named by its day, in a box that says it is today's.
                    alert.title = format!("Day {}: {}", list.day, alert.title);
                    alerts.push(alert);
                }
            }
        }
        (alerts, of_today)
    }

    /// The recovery's progress walks every day of the plan, which on a large clinic plan
    /// costs far more than a key press may; moving between days does not change it, so it is
    /// derived again only when the treatment, today or its tick-offs changed, when the clock
    /// went back, or once a task of today came due (`Progress::changes_at`).
    /// `today` is the treatment's last "today" (`session_today`, 1 before there is one).
    fn progress_update(
        &self,
        plan: &Plan<'_, Tz>,
        session: &Session,
        today: i64,
    ) -> ProgressUpdate {
        let now = self.now;
        let due_since = self
            .progress
            .as_ref()
            .and_then(|p| p.changes_at)
            .is_some_and(|at| now >= at);
        let stale = due_since
            || self
                .progress_inputs
                .as_ref()
                .is_none_or(|(at, day, ticks, asked)| {
                    *at != session.at || *day != today || *ticks != session.ticks || now < *asked
                });
        if !stale {
            return ProgressUpdate::Keep;
        }
        let inputs = (session.at, today, session.ticks.clone(), now);
        ProgressUpdate::New(Progress::up_to(plan, Some(session), now, today), inputs)
    }
}

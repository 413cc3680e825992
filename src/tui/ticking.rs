//! Ticking and unticking a task: saved at once, and on the screen only once it is saved.

use super::app::App;
use crate::checklist::TaskLine;
use crate::rules::Repeat;
use crate::store::{Change, Session};
use chrono::{NaiveDate, TimeZone};

impl<Tz: TimeZone> App<Tz> {
    /// Ticks the selected task on the viewed day, or unticks it. On success the app takes the
    /// state as saved; on failure it keeps the old one and says why.
    pub(crate) fn toggle(&mut self) {
        let (Some(task), Some(session), Some(list)) =
            (self.selected_task(), self.session(), &self.checklist)
        else {
            return;
        };
        let changes = toggle_changes(task, session, list.date);
        let mut result = Ok(());
        for change in &changes {
            match self.storage.apply(&self.state, change) {
                Ok(state) => self.state = state,
                Err(e) => {
                    result = Err(not_saved(e));
                    break;
                }
            }
        }
        self.status = result.err();
        self.refresh();
    }
}

/// What ticking or unticking `task` on `date` takes. A once-task counts as done from the day
/// it was ticked on, so unticking it clears every tick up to `date`.
fn toggle_changes(task: &TaskLine, session: &Session, date: NaiveDate) -> Vec<Change> {
    let at = session.at;
    if !task.done {
        return vec![Change::Tick {
            session: at,
            date,
            task: task.id.clone(),
        }];
    }
    let dates: Vec<_> = match task.repeat {
        Repeat::Once => session
            .ticks
            .range(..=date)
            .filter(|(_, ids)| ids.contains(&task.id))
            .map(|(d, _)| *d)
            .collect(),
        _ => vec![date],
    };
    dates
        .into_iter()
        .map(|date| Change::Untick {
            session: at,
            date,
            task: task.id.clone(),
        })
        .collect()
}

pub(crate) fn not_saved(e: impl std::fmt::Display) -> String {
    format!("Not saved: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Kind;
    use chrono::DateTime;

    fn task(id: &str, repeat: Repeat, done: bool) -> TaskLine {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        TaskLine {
            id: id.into(),
            title: id.into(),
            kind: Kind::Do,
            repeat,
            slot: None,
            done,
            status: "active",
            starts: at,
            ends: at,
            when: String::new(),
            rationale: String::new(),
            sources: vec![],
        }
    }

    #[test]
    fn unticking_a_once_task_clears_the_day_it_was_ticked() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let mut session = Session::new(at);
        session
            .ticks
            .entry(day(21))
            .or_default()
            .insert("book".into());
        let untick = toggle_changes(&task("book", Repeat::Once, true), &session, day(23));
        assert_eq!(
            untick,
            [Change::Untick {
                session: at,
                date: day(21),
                task: "book".into()
            }]
        );
        let daily = toggle_changes(&task("water", Repeat::Daily, true), &session, day(23));
        assert_eq!(
            daily,
            [Change::Untick {
                session: at,
                date: day(23),
                task: "water".into()
            }]
        );
        let tick = toggle_changes(&task("water", Repeat::Daily, false), &session, day(23));
        assert_eq!(
            tick,
            [Change::Tick {
                session: at,
                date: day(23),
                task: "water".into()
            }]
        );
    }
}

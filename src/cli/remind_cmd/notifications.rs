//! The desktop notifications one `remind --notify` run shows, and what each records as shown.

use super::moment;
use crate::cli::text::day_title;
use crate::plan::{DueTask, Plan};
use crate::remind::notify::Notification;
use crate::remind::{Notice, Reminder};
use chrono::Local;

/// What to record once a notification has been shown.
pub(super) enum Record {
    Tasks(Vec<(chrono::NaiveDate, String)>),
    Notices(Vec<String>),
}

/// The notifications to show: one for the tasks newly due, one for the notices.
pub(super) fn notifications(
    plan: &Plan<'_, Local>,
    r: &Reminder<'_>,
) -> Vec<(Notification, Record)> {
    let mut list = Vec::new();
    let label = |d: &DueTask<'_>| match d.task.slot {
        Some(slot) => format!("{} ({})", d.task.title(), slot.as_str()),
        None => d.task.title().to_string(),
    };
    let clock = |at| moment(plan, at, r.now);
    let tasks = &r.notify_tasks;
    if let Some(first) = tasks.first() {
        let notification = if tasks.len() == 1 {
            Notification {
                summary: label(first),
                body: format!(
                    "Due since {} ({}). Tick it off in aftercare when done.",
                    clock(first.begins),
                    day_title(r.day, plan.last_day())
                ),
            }
        } else {
            let lines: Vec<String> = tasks.iter().map(|d| format!("• {}", label(d))).collect();
            Notification {
                summary: format!("{} aftercare tasks due now", tasks.len()),
                body: lines.join("\n"),
            }
        };
        let keys = tasks.iter().map(|d| (d.date, d.id.clone())).collect();
        list.push((notification, Record::Tasks(keys)));
    }
    // The next treatment's preparation: its own notification, named for that treatment
    // (the day's words above are this treatment's).
    if let (Some((when, _)), false) = (&r.before_next, r.notify_before_next.is_empty()) {
        let lines: Vec<String> = r
            .notify_before_next
            .iter()
            .map(|d| format!("• {}", label(d)))
            .collect();
        let notification = Notification {
            summary: format!("Before your next treatment ({when})"),
            body: lines.join("\n"),
        };
        let keys = r
            .notify_before_next
            .iter()
            .map(|d| (d.date, d.id.clone()))
            .collect();
        list.push((notification, Record::Tasks(keys)));
    }
    let notices = &r.notify_notices;
    if let Some(first) = notices.first() {
        let line = |n: &Notice| format!("{} (from {})", n.words, clock(n.at));
        let notification = if notices.len() == 1 {
            Notification {
                summary: first.words.clone(),
                body: format!("From {}. Your aftercare plan says so.", clock(first.at)),
            }
        } else {
            let lines: Vec<String> = notices.iter().map(|n| format!("• {}", line(n))).collect();
            Notification {
                summary: format!("{} changes in your aftercare", notices.len()),
                body: lines.join("\n"),
            }
        };
        let keys = notices.iter().map(|n| n.key.clone()).collect();
        list.push((notification, Record::Notices(keys)));
    }
    list
}

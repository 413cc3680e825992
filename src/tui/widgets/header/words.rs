//! The header's words for time: how far the viewed day is from today, and when the
//! treatment was (or will be), counted in calendar days as plan days are.

use crate::plan::{Plan, duration_label};
use chrono::TimeZone;

/// How far the viewed day is from today, for when the user has moved away from it.
pub(super) fn relative_day(offset: i64) -> String {
    match offset {
        1 => "(tomorrow) ".to_string(),
        -1 => "(yesterday) ".to_string(),
        n if n > 0 => format!("(in {n} days) "),
        n => format!("({} days ago) ", -n),
    }
}

/// When the treatment was, counted in calendar days as plan days are: ("Treated 10 days ago,
/// Fri 20 Nov 14:00", "treated 10 days ago"); on its own day, with the hours.
pub(super) fn treated_words<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> (String, String) {
    let at = plan.treatment();
    let local = plan.local(at);
    let when = crate::dates::moment_near(local, plan.local(now).date_naive());
    let clock = crate::dates::clock(local);
    let days = plan.day_of(now) - 1;
    if now >= at {
        match days {
            0 => {
                let since = duration_label(now - at);
                (
                    format!("Treated today at {clock}, {since} ago"),
                    "treated today".to_string(),
                )
            }
            1 => (
                format!("Treated yesterday, {when}"),
                "treated yesterday".to_string(),
            ),
            n => (
                format!("Treated {n} days ago, {when}"),
                format!("treated {n} days ago"),
            ),
        }
    } else {
        match -days {
            0 => {
                let until = duration_label(at - now);
                (
                    format!("Treatment today at {clock}, in {until}"),
                    "treatment today".to_string(),
                )
            }
            1 => (
                format!("Treatment tomorrow, {when}"),
                "treatment tomorrow".to_string(),
            ),
            n => (
                format!("Treatment in {n} days, {when}"),
                format!("treatment in {n} days"),
            ),
        }
    }
}

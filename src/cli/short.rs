//! `today --short`: one line for a shell prompt or a login message, e.g.
//! "Day 3 · 2/18 done · No makeup for 5 h more · ⚠ 1 alert".
//!
//! Always plain text, with no colour or escape sequences, whether or not stdout is a terminal
//! and whatever NO_COLOR says; "⚠" is the only character outside ASCII besides "·", and
//! where the locale is not UTF-8 they are written "!" and "-" (`crate::locale`).

use super::journal_text::ALERT_MARK;
use super::text::capitalized;
use super::{CliError, Context, Out};
use crate::checklist::{Checklist, Record, TaskLine, progress_of};
use crate::journal::alerts_on;
use crate::plan::{Wording, countdown_label};
use crate::rules::Kind;
use crate::series::{next_session_label, next_treatment_label};
use chrono::{DateTime, FixedOffset, TimeZone};

/// A task's title is cut to this many characters, so the line stays prompt-sized.
const TITLE_MAX: usize = 32;

pub fn today(ctx: &Context, out: Out) -> Result<(), CliError> {
    let session = ctx.session()?;
    let now = ctx.now();
    let plan = ctx.plan(session.at);
    let day = plan.day_of(now);
    let record = Some(Record::of(&ctx.state, session));
    let checklist = Checklist::build(&plan, day, record, now);
    // The next recorded treatment's preparation, open now, counts with today's tasks as on
    // the main screen ("0/10 done today"), and the line names that treatment.
    let mut prep = Vec::new();
    let next = ctx.next_treatment(session, now).and_then(|next| {
        prep = next.open_at(now, Wording::Short)?.tasks;
        next_treatment_label(&next.plan, now)
    });
    // The same moment the screen and `today` say the plan is over: by the day's own tasks.
    let over = checklist.is_after_plan(plan.last_day(), now, true);
    let before_treatment = now < plan.treatment();
    let mut parts = vec![match day {
        _ if over => "Plan complete".to_string(),
        1 if before_treatment => format!(
            "Treatment today at {}",
            crate::dates::clock(plan.local(plan.treatment()))
        ),
        d if d >= 1 => format!("Day {d}"),
        0 => "Treatment tomorrow".to_string(),
        d => format!("Treatment in {} days", 1 - d),
    }];
    let (done, total) = progress_of(checklist.tasks.iter().chain(&prep));
    if over {
        // What the sources ask for beyond the plan, by its title ("Apply SPF 30+ sunscreen").
        if let Some(kept) = plan.rules().keep_up_list(false, ", ") {
            parts.push(format!("keep up: {kept}"));
        }
    } else if total > 0 {
        parts.push(format!("{done}/{total} done"));
    }
    // Before the treatment what to avoid ends at it, and the treatment's own restrictions
    // take over: "No exfoliating products: 2 h left" would read as allowed after.
    // The same holds for the next treatment's preparation: its restrictions end at it, so
    // only the day's own are counted down.
    if let Some(task) = soonest_avoid_to_end(&checklist.tasks).filter(|_| !before_treatment) {
        parts.push(avoid_countdown(task, now, plan.tz()));
    }
    let alerts = alerts_on(&plan, session, checklist.date, now).len();
    if alerts > 0 {
        let s = if alerts == 1 { "" } else { "s" };
        parts.push(format!("{ALERT_MARK} {alerts} alert{s}"));
    }
    if let Some(next) = next {
        parts.push(capitalized(&next));
    } else if over
        && let Some(next) = next_session_label(
            &plan,
            now,
            plan.is_booked(&session.ticks, plan.local_date(now)),
        )
    {
        parts.push(capitalized(&next));
    }
    writeln!(out, "{}", parts.join(" · "))?;
    Ok(())
}

/// The avoid-window in force now that closes first: the next thing the patient may do again.
fn soonest_avoid_to_end(tasks: &[TaskLine]) -> Option<&TaskLine> {
    tasks
        .iter()
        .filter(|t| t.kind == Kind::Avoid && t.status == "active")
        .min_by_key(|t| t.ends)
}

/// "No makeup for 5 h more". Titles come from the rules file and read as commands ("No
/// makeup", "Avoid direct sun"), so the countdown follows the title rather than rephrasing
/// it; "for … more" says the restriction still holds ("No makeup: 2 h 30 min left" read as
/// makeup left to use, walk-through).
fn avoid_countdown<Tz: TimeZone>(task: &TaskLine, now: DateTime<FixedOffset>, tz: &Tz) -> String {
    let title: String = if task.title.chars().count() > TITLE_MAX {
        let cut: String = task.title.chars().take(TITLE_MAX - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        task.title.to_string()
    };
    format!("{title} for {} more", countdown_label(now, task.ends, tz))
}

//! The top two rows of the checklist, the timeline, the chart and the history: the plan's
//! name and the viewed day on a bar, then when the treatment was and how much of the day is
//! done. Given one row, the bar says when the treatment was in short.
//!
//! "Day 11" counts calendar days from the treatment's (Day 1), so the treatment was "10 days
//! ago" on it, whatever the hour: both are counted the same way.

use words::treated_words;

mod render;
mod words;
use crate::series::next_session_label;
use crate::tui::context::Context;
use chrono::{NaiveDate, TimeZone};

/// A next session this near is worth more of the header's row than the treatment's time;
/// further off, the treatment's time ("today at 10:00, 5 h ago", what every "until" counts
/// from) keeps its place and the far countdown gives way.
const SOON: chrono::Duration = chrono::Duration::days(7);

/// What the header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    pub plan_name: &'a str,
    /// After the plan's name: which screen this is, when it is not the checklist.
    pub screen_name: Option<&'static str>,
    /// Which treatment of how many.
    pub session: Option<(usize, usize)>,
    pub read_only: bool,
    /// The viewed plan day and its date, and today's plan day.
    pub day: Option<(i64, NaiveDate)>,
    pub today: Option<i64>,
    /// Today's local date: a viewed day of another year says its year.
    pub today_date: Option<NaiveDate>,
    /// The plan's last day: days after it read "After the plan".
    pub last_day: Option<i64>,
    /// When the treatment was ("Treated 2 days ago, Fri 20 Nov 14:00").
    pub summary: String,
    /// The same without the treatment's date ("Treated 2 days ago"), where the countdown to
    /// the next session would not fit beside the whole.
    pub brief: String,
    /// The same in short, for a one-row header ("treated 2 days ago").
    pub short: String,
    /// The countdown to the next session, when it is due and this is the latest treatment;
    /// the next treatment, when one is recorded ahead of the treatment in force.
    pub next_session: Option<String>,
    /// The next treatment, recorded ahead, when it is today, in words that stand alone:
    /// "Next treatment today at 11:00, in 2 h". Where the treatment's words and it do not
    /// fit whole together, it takes the row before they are cut.
    pub next_today: Option<String>,
    /// Whether that session is possible now or within `SOON`: the treatment's date then
    /// gives way to the countdown where both do not fit.
    pub next_session_soon: bool,
    /// The viewed day's tasks: (done, all).
    pub progress: Option<(usize, usize)>,
}

impl<'a> Header<'a> {
    /// The header for the context's viewed treatment and day.
    pub fn of<Tz: TimeZone>(ctx: &'a Context<Tz>, screen_name: Option<&'static str>) -> Self {
        let list = ctx.checklist.as_ref();
        // The plan once per frame: every answer below is read from it.
        let plan = ctx.plan();
        let today = plan.as_ref().map(|p| p.day_of(ctx.now));
        // The shown session past its plan, as the main screen tells it (`is_after_plan`).
        let after_plan = ctx.is_after_plan();
        let (summary, brief, short) = plan.as_ref().map_or_else(Default::default, |plan| {
            let (words, short) = treated_words(plan, ctx.now);
            // The words again without the treatment's date, for a row that has to make room
            // for the countdown to the next session: "Treated 40 days ago".
            let brief = crate::wrapping::capitalized(&short);
            let dress = |mut words: String| {
                if after_plan {
                    words.push_str(" · plan complete");
                }
                // Away from today, "treated yesterday" beside "Day 4 (in 2 days)" reads as if
                // counted from the viewed day: say the words are today's.
                // Today's own count goes with them, first, so it is the last thing cut
                // ("Today Mon 30 Nov: 0/13 ticked · treated 2 days ago"); the viewed day's
                // count ends the row under that day's date (`render_summary`).
                if list.is_some() && !ctx.viewing_today {
                    let date = crate::dates::short_date(plan.local(ctx.now).date_naive());
                    let mut rest = words.chars();
                    let first = rest.next().map(|c| c.to_lowercase().to_string());
                    let count = match ctx.today_progress {
                        Some((done, all)) if all > 0 => format!("{done}/{all} done · "),
                        _ => String::new(),
                    };
                    words = format!(
                        "Today {date}: {count}{}{}",
                        first.unwrap_or_default(),
                        rest.as_str()
                    );
                }
                words
            };
            (dress(words), dress(brief), short)
        });
        let session = ctx.session_position();
        let latest = session.is_some_and(|(n, count)| n == count);
        // The next treatment recorded ahead: its label, and its words when it is today.
        // (Worked out in `Context::refresh`: no second plan per frame.)
        let next = ctx.next_treatment_words.as_ref();
        let recorded_ahead = next.is_some();
        Header {
            plan_name: &ctx.rules.name,
            screen_name,
            session,
            read_only: ctx.is_read_only(),
            day: list.map(|l| (l.day, l.date)),
            today,
            today_date: plan.as_ref().map(|p| p.local(ctx.now).date_naive()),
            last_day: plan.as_ref().map(|p| p.last_day()),
            summary,
            brief,
            short,
            // Before the treatment the header counts down to it: a next session after it
            // is not yet a thing to say ("Treatment in 2 days · next session possible in 30 d").
            // A next treatment recorded ahead is named instead of the window for it: "next
            // treatment today at 11:00 (in 2 h)" while its preparation is on the list.
            next_today: next.and_then(|n| n.today.clone()),
            next_session: match next {
                Some(next) => next.label.clone(),
                None => plan
                    .as_ref()
                    .filter(|p| p.treatment() <= ctx.now)
                    .and_then(|p| {
                        let booked = ctx
                            .session()
                            .is_some_and(|s| p.is_booked(&s.ticks, p.local_date(ctx.now)));
                        next_session_label(p, ctx.now, booked)
                    })
                    .filter(|_| latest),
            },
            // A recorded treatment is an appointment, its preparation on the list from a
            // week before: always worth more of the row than the last treatment's date.
            next_session_soon: recorded_ahead
                || plan.as_ref().is_some_and(|p| {
                    let window = p.rules().next_session.as_ref();
                    window.is_some_and(|w| p.span(w).0 - ctx.now <= SOON)
                }),
            // Once the plan is over there is nothing left to tick: no count (0 of 0).
            progress: list.map(|l| if after_plan { (0, 0) } else { l.progress() }),
        }
    }
}

//! The top two rows of the checklist, the timeline, the chart and the history: the plan's
//! name and the viewed day on a bar, then when the treatment was and how much of the day is
//! done. Given one row, the bar says when the treatment was in short.
//!
//! "Day 11" counts calendar days from the treatment's (Day 1), so the treatment was "10 days
//! ago" on it, whatever the hour: both are counted the same way.

use super::day_label;
use words::{relative_day, treated_words};

mod words;
use crate::series::next_session_label;
use crate::tui::context::Context;
use crate::tui::{text, theme};
use chrono::{NaiveDate, TimeZone};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::Length;
use ratatui::layout::{Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Cells the plan's name keeps on the title bar before the day's words give way.
const NAME_MIN: usize = 14;

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
            let mut first = short.chars();
            let brief = first
                .next()
                .map(|c| format!("{}{}", c.to_uppercase(), first.as_str()))
                .unwrap_or_default();
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
                        Some((done, all)) if all > 0 => format!("{done}/{all} ticked · "),
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

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [title, summary] = area.layout(&Layout::vertical([Length(1), Length(1)]));
        self.render_title(title, summary.height == 0, buf);
        self.render_summary(summary, buf);
    }
}

impl Header<'_> {
    fn render_title(&self, area: Rect, alone: bool, buf: &mut Buffer) {
        buf.set_style(area, theme::TITLE_BAR);
        let after = |day: i64| self.last_day.is_some_and(|last| day > last);
        let today = match (self.today, self.day) {
            (Some(today), Some((day, _))) if today != day => relative_day(day - today),
            _ => String::new(),
        };
        let day = self.day.map_or_else(String::new, |(day, date)| {
            let label = if after(day) {
                "After the plan".to_string()
            } else {
                day_label(day)
            };
            let date = crate::dates::date_near(date, self.today_date.unwrap_or(date));
            let short_label = if day >= 1 && !after(day) {
                format!("Day {day}")
            } else {
                label.clone()
            };
            // With no row under it, the bar says when the treatment was, where it fits
            // beside the plan's name: in full ("Day 11 of recovery"), else in short.
            let mut candidates = Vec::new();
            // Only beside today: "Day 4 · treated 2 days ago (tomorrow)" would read wrong.
            if alone && !self.short.is_empty() && today.is_empty() {
                candidates.push(format!(" {label} · {date} · {} ", self.short));
                candidates.push(format!(" {short_label} · {date} · {} ", self.short));
            }
            candidates.push(format!(" {label} · {date} "));
            candidates.push(format!(" {short_label} · {date} "));
            // The plan's name whole if it can be, else at least this much of it.
            let name = text::width(self.plan_name) + 2;
            let fits = |words: &String, name: usize| {
                text::width(words) + text::width(&today) + name <= usize::from(area.width)
            };
            [name, NAME_MIN]
                .into_iter()
                .find_map(|name| candidates.iter().find(|c| fits(c, name)))
                .or(candidates.last())
                .cloned()
                .unwrap_or_default()
        });
        let right = format!("{day}{today}");
        let room = usize::from(area.width).saturating_sub(text::width(&right) + 2);
        // Which treatment, once there is more than one, and whether it may be changed. The
        // latest is "Session 2", not "Session 2 of 2", which read as the course finished
        // (walk-through); an earlier one says how many are recorded.
        let session = match self.session {
            Some((n, count)) if n < count => format!(" · Session {n} of {count}"),
            Some((n, count)) if count > 1 => format!(" · Session {n}"),
            _ => String::new(),
        };
        let read_only = if self.read_only { " read-only " } else { "" };
        let room = if read_only.is_empty() {
            room
        } else {
            room.saturating_sub(text::width(read_only) + 1)
        };
        // The plan's name gives way before the session does.
        let name_room = room.saturating_sub(text::width(&session));
        // The screen's name is kept whole: the plan's name gives way to it
        // ("Microneedling aft… · timeline"), and only where not even a few letters of the
        // plan's name fit is the screen's name alone.
        let plan_name = match self.screen_name {
            Some(screen) => {
                let screen = format!(" · {screen}");
                let keep = name_room.saturating_sub(text::width(&screen));
                match keep >= 4 || text::width(self.plan_name) <= keep {
                    true => format!("{}{screen}", text::truncate(self.plan_name, keep)),
                    false => text::truncate(screen.trim_start_matches(" · "), name_room),
                }
            }
            None => text::truncate(self.plan_name, name_room),
        };
        let name = format!("{plan_name}{session}");
        let mut left = vec![Span::raw(" "), Span::styled(name, theme::TITLE_BAR)];
        if !read_only.is_empty() {
            left.extend([Span::raw(" "), Span::styled(read_only, theme::READ_ONLY)]);
        }
        Line::from(left).render(area, buf);
        Line::from(vec![
            Span::styled(day, theme::TITLE_DAY),
            Span::styled(today, theme::TITLE_BAR),
        ])
        .right_aligned()
        .render(area, buf);
    }

    fn render_summary(&self, area: Rect, buf: &mut Buffer) {
        let Some((done, total)) = self.progress else {
            return;
        };
        // Every task of the viewed day that counts, to do and to avoid alike ("ticked", the
        // word for both), so it reads apart from "To do now" (one part of the day).
        // Away from today the count is the viewed day's, and says so by its date: the
        // words before it are today's ("Today Mon 30 Nov: 0/13 ticked · … · Sun 29 Nov:
        // 4/15 ticked").
        let away = matches!((self.today, self.day), (Some(t), Some((d, _))) if t != d);
        let fits = |w: &str, count: &str| {
            text::width(w) + text::width(count) + 4 <= usize::from(area.width)
        };
        let progress = match self.day {
            Some((_, date)) if away => {
                // The viewed day's date whole where today's words still fit beside it,
                // else its weekday (the title bar names the day in full).
                let whole = crate::dates::date_near(date, self.today_date.unwrap_or(date));
                let whole = format!("{whole}: {done}/{total} ticked");
                if fits(&self.brief, &whole) {
                    whole
                } else {
                    format!("{}: {done}/{total} ticked", date.format("%a"))
                }
            }
            Some(_) => format!("{done}/{total} ticked today"),
            None => format!("{done}/{total} ticked"),
        };
        let mut words = self.summary.clone();
        // Away from today the treatment's date gives way before today's words are cut.
        if away && total > 0 && !fits(&words, &progress) && !self.brief.is_empty() {
            words = self.brief.clone();
        }
        // The countdown to the next treatment where it fits whole beside the count, the
        // treatment's date giving way to it first ("Treated 40 days ago · next session due
        // now (through Fri 1 Jan)"): it is cut short only where not even that fits.
        if let Some(next) = &self.next_session {
            let short = next.split(" (").next().unwrap_or(next).to_string();
            let mut candidates = vec![format!("{words} · {next}")];
            if let Some(today) = &self.next_today {
                candidates.extend([format!("{} · {next}", self.brief), today.clone()]);
            }
            candidates.push(format!("{words} · {short}"));
            // A session near (or away from today, where today's count leaves less room):
            // the treatment's date gives way to it first.
            if self.next_session_soon || away {
                let brief = &self.brief;
                candidates.extend([format!("{brief} · {next}"), format!("{brief} · {short}")]);
            }
            for candidate in candidates {
                // Room for " · ", the count and the margins.
                if fits(&candidate, &progress) {
                    words = candidate;
                    break;
                }
            }
        }
        // The count follows the words after a " · " (so "26 d" and "0/15" read apart), and
        // is never cut: the words give way first. Nothing follows it: a bar of the day's
        // share after it read as a stray rule (the count says it, and the recovery strip
        // under the header shows the days).
        let separator = if words.is_empty() || total == 0 {
            ""
        } else {
            " · "
        };
        let shown_progress = if total == 0 { "" } else { progress.as_str() };
        let count_width = text::width(separator) + text::width(shown_progress);
        // The leading space, then the words up to the count (which ends the row).
        let room = usize::from(area.width).saturating_sub(1 + count_width);
        Line::from(vec![
            Span::raw(" "),
            Span::styled(text::truncate(&words, room), theme::SUMMARY),
            Span::styled(separator, theme::MUTED),
            Span::styled(shown_progress.to_string(), theme::EMPHASIS),
        ])
        .render(area, buf);
    }
}

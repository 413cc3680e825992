//! The recovery at a glance, one row under the header: a heat-map strip with a cell per day
//! (░ nothing done, ▒ ▓ some, █ all, · still ahead; today reversed), the share of due tasks
//! done, the streak of fully done days, and whether today's check-in is in.

use crate::progress::{DayProgress, Progress, Shade};
use crate::tui::context::Context;
use crate::tui::{text, theme};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const LABEL: &str = "Days ";
/// The strip keeps at least this many days before the words give way.
const MIN_DAYS: usize = 14;
const FOUR_WEEKS: usize = 28;

/// The viewed treatment's progress, and what to say about today's check-in (nothing when
/// there is no check-in to make).
pub struct ProgressStrip<'a> {
    pub progress: &'a Progress,
    pub checkin: Option<&'static str>,
    /// Before the treatment, when the recovery the strip counts begins ("recovery from
    /// 10:00"): "nothing due yet" read wrong beside the preparation due by then.
    pub begins: Option<String>,
}

impl<'a> ProgressStrip<'a> {
    /// The strip for `ctx`, when there is a recovery to show.
    pub fn of<Tz: TimeZone>(ctx: &'a Context<Tz>) -> Option<Self> {
        let progress = ctx.progress.as_ref()?;
        // Check-ins go on after the plan is over, on the day they are made; none before the
        // treatment (`Context::checkin_date`, the rule `c` and `aftercare checkin` go by),
        // and none invited where it could not be saved: an earlier treatment not unlocked,
        // or a read-only data file.
        let invited = !ctx.rules.symptoms.is_empty() && !ctx.is_read_only() && !ctx.file_read_only;
        let checked_in = |date| {
            ctx.session()
                .is_some_and(|s| s.checkins.contains_key(&date))
        };
        let checkin = match ctx.checkin_date.filter(|_| invited) {
            None => None,
            Some(date) if checked_in(date) => Some("✓ checked in"),
            Some(_) => Some("c: check in"),
        };
        let begins = ctx.recovery_begins.clone();
        Some(ProgressStrip {
            progress,
            checkin,
            begins,
        })
    }
}

impl Widget for ProgressStrip<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (progress, checkin) = (self.progress, self.checkin);
        let today = progress.today;
        let width = usize::from(area.width);
        // Words from the most to the least important.
        let mut words = vec![self.begins.unwrap_or_else(|| share(progress))];
        let streak = (progress.streak > 0).then(|| format!("{}-day streak", progress.streak));
        words.extend(streak.clone());
        words.extend(checkin.map(str::to_string));
        let mut label = true;
        let mut days = &progress.days[..];
        // The days before treatment are shown only when something was done on them: many
        // start the app after their treatment, and those days are not counted.
        let recovery = days.iter().position(|d| d.day >= 1).unwrap_or(0);
        if days[..recovery].iter().all(|d| d.done == 0) {
            days = &days[recovery..];
        }
        let used = |label: bool, days: usize, words: &[String]| {
            1 + usize::from(label) * LABEL.len()
                + days
                + GAP.len()
                + text::width(&words.join(" · "))
        };
        // Give way in order: the streak or up to three far days where that keeps the
        // label, the label, the days before treatment, days far from today down to four
        // weeks, the check-in and streak words, and last more days. The streak first: without
        // "Days" the strip read as a bar of something else once a tick made a streak.
        if streak.is_some() && used(true, days.len(), &words) > width {
            let without: Vec<String> = words
                .iter()
                .filter(|w| Some(*w) != streak.as_ref())
                .cloned()
                .collect();
            if used(true, days.len(), &without) <= width {
                words = without;
            }
        }
        while used(label, days.len(), &words) > width {
            let room = width.saturating_sub(used(false, 0, &words));
            // Up to `LABEL_KEEPS` days far from today give way before the label ("18% of
            // tasks done" is a column wider than "0%", and the label went with the first tick).
            let room_labelled = width.saturating_sub(used(true, 0, &words));
            if label
                && days.len() > room_labelled
                && days.len() - room_labelled <= LABEL_KEEPS
                && room_labelled >= FOUR_WEEKS
            {
                days = window(days, progress.today, room_labelled);
            } else if label {
                label = false;
            } else if recovery > 0 && days.len() == progress.days.len() {
                days = &days[recovery..];
            } else if days.len() > FOUR_WEEKS && room >= FOUR_WEEKS {
                days = window(days, progress.today, room);
            } else if days.len() > FOUR_WEEKS {
                days = window(days, progress.today, FOUR_WEEKS);
            } else if words.len() > 1 {
                words.pop();
            } else {
                let room = width.saturating_sub(used(false, 0, &words)).max(MIN_DAYS);
                days = window(days, progress.today, room);
                break;
            }
        }
        let shown = days;
        let mut spans = vec![Span::raw(" ")];
        if label {
            spans.push(Span::styled(LABEL, theme::MUTED));
        }
        spans.extend(shown.iter().map(|d| cell(d, today)));
        spans.push(Span::raw(GAP));
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", theme::MUTED));
            }
            let word_style = if word.starts_with("c:") {
                theme::HINT
            } else {
                theme::SUMMARY
            };
            spans.push(Span::styled(word.clone(), word_style));
        }
        Line::from(spans).render(area, buf);
    }
}

/// `room` days with today in view: from the first one shown while today fits, else with
/// today two-thirds along.
fn window(days: &[DayProgress], today: i64, room: usize) -> &[DayProgress] {
    if days.len() <= room {
        return days;
    }
    let at = days
        .iter()
        .position(|d| d.day >= today)
        .unwrap_or(days.len() - 1);
    let start = if at < room { 0 } else { at + 1 - room * 2 / 3 };
    let start = start.min(days.len() - room);
    &days[start..start + room]
}

/// How many days far from today give way before the "Days" label does.
const LABEL_KEEPS: usize = 3;

/// Between the days and the words: one space, so that at 80 columns the label, the 43
/// days of the built-in plan, "3% of tasks done" and "c: check in" all fit.
const GAP: &str = " ";

/// The share of the tasks due so far that were done: "of tasks", lest it read as how far
/// the skin has recovered (walk-through: "3% done so far" beside the days).
fn share(progress: &Progress) -> String {
    match progress.percent() {
        // Rounded down, one tick of 141 would read 0 %: a share that moved says so (1 %).
        Some(0) if progress.done > 0 => "1% of tasks done".to_string(),
        Some(p) => format!("{p}% of tasks done"),
        None => "nothing due yet".to_string(),
    }
}

fn cell(day: &DayProgress, today: i64) -> Span<'static> {
    let (symbol, mut look): (&str, Style) = match day.shade(today) {
        Shade::Future => ("·", theme::HEAT_FUTURE),
        Shade::Empty => (" ", theme::HEAT_FUTURE),
        Shade::Done(0) => ("░", theme::HEAT_NONE),
        Shade::Done(1) => ("▒", theme::HEAT_SOME),
        Shade::Done(2 | 3) => ("▓", theme::HEAT_SOME),
        Shade::Done(_) => ("█", theme::HEAT_ALL),
    };
    if day.day == today {
        look = look.patch(theme::HEAT_TODAY);
    }
    Span::styled(symbol, look)
}

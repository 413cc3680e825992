//! The days the journal chart shows: which fit across the terminal and how wide each is, the
//! intro that says which were cut off, and the day numbers under the columns.

use crate::plan::Plan;
use crate::store::Session;
use crate::tui::widgets::labels::{self, Labels};
use crate::tui::{text, theme};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use std::cmp::Ordering;

/// The chart always spans at least the first two weeks.
const MIN_DAYS: i64 = 14;
/// Columns left of the first day: the axis's " Day ".
pub(super) const GUTTER: u16 = 5;
/// The widest a day is, in cells.
const MAX_COLUMN: u16 = 6;
/// The intro row's words, left of the days cut off.
const INTRO: &str = "Your ratings (█) against the usual course from the plan (░)";

/// The days on screen and how wide each is.
pub(super) struct Columns {
    pub first: i64,
    pub last: i64,
    /// Cells a day.
    pub width: u16,
    /// The last day the chart would show with room enough (`last` when nothing is cut).
    pub end: i64,
}

/// The days to draw: Day 1 to the latest of two weeks on, today (within the plan) and the last
/// check-in (even after the plan), as wide as the room allows; a cell a day at the narrowest,
/// and past that the stretch that ends on the viewed day (or starts on Day 1).
pub(super) fn columns<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: &Session,
    today: i64,
    day: i64,
    width: u16,
) -> Columns {
    let last_checkin = session
        .checkins
        .keys()
        .last()
        .map_or(1, |d| plan.day_of_date(*d));
    let end = MIN_DAYS.max(last_checkin).max(today.min(plan.last_day()));
    let room = width.saturating_sub(GUTTER).max(1);
    let wanted = u16::try_from(end).unwrap_or(u16::MAX).max(1);
    if room >= wanted {
        return Columns {
            first: 1,
            last: end,
            width: (room / wanted).clamp(1, MAX_COLUMN),
            end,
        };
    }
    let fit = i64::from(room);
    let first = (day - fit + 1).clamp(1, end - fit + 1);
    Columns {
        first,
        last: first + fit - 1,
        width: 1,
        end,
    }
}

/// The intro, and on its right the days cut off the chart, if any: "◂ Days 1–10".
pub(super) fn render_intro(columns: &Columns, area: Rect, buf: &mut Buffer) {
    let mut cut = Vec::new();
    if columns.first > 1 {
        cut.push(format!("◂ Days 1–{}", columns.first - 1));
    }
    if columns.last < columns.end {
        cut.push(format!("Days {}–{} ▸", columns.last + 1, columns.end));
    }
    let cut = cut.join(" · ");
    let cut_width = u16::try_from(text::width(&cut)).unwrap_or(u16::MAX);
    let room = usize::from(area.width.saturating_sub(cut_width + 3));
    let intro = text::truncate(INTRO, room);
    Line::styled(format!(" {intro}"), theme::MUTED).render(area, buf);
    if !cut.is_empty() {
        let x = area.right().saturating_sub(cut_width + 1);
        buf.set_string(x, area.y, cut, theme::WHEN);
    }
}

/// Day numbers under the columns: every day when there is room for all, else the first of each week;
/// and the first and last shown; the viewed day (`day`, whose ratings the titles name) reversed
/// and never hidden by a neighbour's number, today underlined when it is another day, days
/// ahead dim. Placed as the timeline's ruler places its labels (`Labels`), the viewed day
/// first, then today.
pub(super) fn render_axis(columns: &Columns, today: i64, day: i64, area: Rect, buf: &mut Buffer) {
    buf.set_string(area.x, area.y, " Day ", theme::CHART_AXIS);
    let x_of = |day: i64| {
        area.x + GUTTER + u16::try_from(day - columns.first).unwrap_or(0) * columns.width
    };
    // A number that would run off the right edge ends at it instead.
    let at = |day: i64| {
        let label = day.to_string();
        let x = x_of(day).min(area.right().saturating_sub(labels::width(&label)));
        (x, label)
    };
    let viewed = day;
    let look = |day: i64| match day.cmp(&today) {
        _ if day == viewed => theme::HEAT_TODAY,
        Ordering::Equal => theme::WHEN.add_modifier(Modifier::UNDERLINED),
        Ordering::Greater => theme::MUTED,
        Ordering::Less => theme::WHEN,
    };
    let mut numbers = Labels::new(area.x + GUTTER, area.right());
    let shown = columns.first..=columns.last;
    for first in [viewed, today] {
        if shown.contains(&first) {
            let (x, label) = at(first);
            numbers.place(x, label, look(first));
        }
    }
    // Every day is numbered only when every day's number fits its column: numbers for
    // Days 1–9 and then only for 15, 22, … would read as days missing between.
    let every_day = usize::from(columns.width) > columns.last.to_string().len();
    for day in shown.filter(|d| *d != today && *d != viewed) {
        let (x, label) = at(day);
        if every_day || day % 7 == 1 || day == columns.first || day == columns.last {
            numbers.place(x, label, look(day));
        }
    }
    numbers.render(area.y, buf);
}

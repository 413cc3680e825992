//! Measuring the timeline: how wide the titles and the day cells are for a terminal, and where
//! an instant falls on the chart, to an eighth of a cell. Pure, so it is tested on its own.

use crate::plan::Plan;
use chrono::{DateTime, FixedOffset, TimeZone};
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};

/// Titles get at least this many cells, and no more than this: the chart takes the rest.
const TITLE_MIN: u16 = 22;
const TITLE_MAX: u16 = 44;
/// A day is at most this many cells wide, however wide the terminal.
const CELL_MAX: u16 = 4;
/// ←/→ on the timeline move this many days: a week.
pub const SCROLL_DAYS: i64 = 7;
/// Eighths of a cell: the resolution of a bar's ends.
pub const EIGHTHS: i64 = 8;

/// The timeline's columns on one terminal width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// Where the titles are (after a one-cell margin) ...
    pub title_x: u16,
    pub title_width: u16,
    /// ... and where the chart starts, how wide a day is, and how many days fit.
    pub chart_x: u16,
    pub cell: u16,
    pub days: i64,
    /// The plan's first and last days.
    pub first_day: i64,
    pub last_day: i64,
}

/// The timeline's rows: the header, the day ruler, the chart's rows, then the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimelineRegions {
    pub header: Rect,
    pub ruler: Rect,
    pub rows: Rect,
    /// Under the rows when they do not all fit: "↓ 12 more below" (empty otherwise).
    pub more: Rect,
    pub footer: Rect,
}

/// Lays the columns out for a terminal `width`. The rightmost column is kept for a scrollbar.
pub fn columns(width: u16, first_day: i64, last_day: i64) -> Columns {
    let total = (last_day - first_day + 1).max(1);
    let usable = width.saturating_sub(1);
    // A margin before the titles and a gap after them.
    let chart_room = |title: u16| i64::from(usable.saturating_sub(title + 2));
    let cell = (chart_room(TITLE_MIN) / total).clamp(1, i64::from(CELL_MAX));
    let title_width = u16::try_from(chart_room(0) - total * cell)
        .unwrap_or(0)
        .clamp(TITLE_MIN, TITLE_MAX);
    let days = (chart_room(title_width) / cell).clamp(1, total);
    Columns {
        title_x: 1,
        title_width,
        chart_x: 1 + title_width + 1,
        // The clamp above keeps it within 1..=CELL_MAX.
        cell: u16::try_from(cell).unwrap_or(1),
        days,
        first_day,
        last_day,
    }
}

/// Splits the screen: two header rows, two ruler rows, the chart, and the footer's rows.
/// When the chart has fewer rows than `row_count` (and more than one), its last row goes to
/// a line that says how many more there are, as the checklist's list does: the scrollbar
/// alone says nothing.
pub fn regions(area: Rect, footer_rows: u16, row_count: usize) -> TimelineRegions {
    let [header, ruler, body, footer] = area.layout(&Layout::vertical([
        Length(2),
        Length(2),
        Fill(1),
        Length(footer_rows),
    ]));
    let cut = row_count > usize::from(body.height) && body.height > 1;
    let [rows, more] = body.layout(&Layout::vertical([Fill(1), Length(u16::from(cut))]));
    TimelineRegions {
        header,
        ruler,
        rows,
        more,
        footer,
    }
}

/// Where `at` falls on a chart whose first cell is day `left_day`, in eighths of a cell from
/// the chart's left edge (negative before it). Days are local days, 23 or 25 h on a DST change.
pub fn position<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    left_day: i64,
    cell: u16,
    at: DateTime<FixedOffset>,
) -> i64 {
    let day = plan.day_of(at);
    let (starts, ends) = plan.day_bounds(plan.date_of(day));
    let day_eighths = i64::from(cell) * EIGHTHS;
    let into = (at - starts).num_seconds();
    let length = (ends - starts).num_seconds().max(1);
    // Rounded to the nearest eighth.
    (day - left_day) * day_eighths + (into * day_eighths * 2 + length) / (length * 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;
    use chrono_tz::Europe::Berlin;

    #[test]
    fn one_cell_a_day_at_80_columns_and_two_at_160() {
        let narrow = columns(80, -6, 43);
        assert_eq!((narrow.cell, narrow.days), (1, 50));
        assert_eq!(narrow.chart_x + 50, 79, "{narrow:?}");
        let wide = columns(160, -6, 43);
        assert_eq!((wide.cell, wide.days, wide.title_width), (2, 50, TITLE_MAX));
    }

    #[test]
    fn narrow_terminals_show_fewer_days() {
        let c = columns(40, -6, 43);
        assert_eq!((c.cell, c.title_width, c.days), (1, TITLE_MIN, 15));
    }

    #[test]
    fn rows_that_do_not_fit_give_their_last_row_to_more() {
        let area = Rect::new(0, 0, 80, 24);
        // 24 rows: 2 header, 2 ruler, 2 footer leave 18 for the chart.
        let all = regions(area, 2, 18);
        assert_eq!((all.rows.height, all.more.height), (18, 0));
        let cut = regions(area, 2, 19);
        assert_eq!((cut.rows.height, cut.more), (17, Rect::new(0, 21, 80, 1)));
        assert_eq!(cut.footer, Rect::new(0, 22, 80, 2));
        // One row left: it shows a row, not only the words.
        let tiny = regions(Rect::new(0, 0, 80, 7), 2, 30);
        assert_eq!((tiny.rows.height, tiny.more.height), (1, 0));
    }

    #[test]
    fn a_48_hour_window_from_14_00_ends_partway_into_day_3() {
        let rules = Rules::builtin().unwrap();
        let treated = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        let plan = Plan::new(&rules, treated, Berlin);
        // Day 1 is the first cell: 14:00 is 14/24 of the way in.
        assert_eq!(position(&plan, 1, 1, treated), 5);
        let ends = treated + chrono::Duration::hours(48);
        assert_eq!(position(&plan, 1, 1, ends), 2 * 8 + 5);
        assert_eq!(position(&plan, 1, 2, ends), 2 * 16 + 9);
        assert_eq!(position(&plan, 3, 1, ends), 5);
    }
}

//! The timeline's two top rows: a legend over the titles, and over the chart the day numbers
//! (Day 1, 8, 15, …: the same weekday each week), their dates, the next session's days and
//! now. A number and a date start on the column of the day they name.

use super::layout::Columns;
use super::milestones::render_legend;
use crate::plan::Plan;
use crate::tui::theme;
use crate::tui::widgets::labels::{Labels, width as text_width};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub use super::milestones::{LEAD_IN_LOOK, Milestones, milestones};

/// Marked every this many days from Day 1 (and Day 1 itself).
const MARK_EVERY: i64 = 7;
const NOW_MARK: &str = "▼";
/// Where days are scrolled off the chart, left and right (←/→ bring them in).
const EARLIER_MARK: &str = "◂";
const LATER_MARK: &str = "▸";

pub struct Ruler<'a, 'r, Tz: TimeZone> {
    /// The chart's columns under the next session's window, and whether the plan has a
    /// booking task (`milestones`).
    pub milestones: &'a Milestones,
    pub plan: &'a Plan<'r, Tz>,
    /// The first day on screen.
    pub left_day: i64,
    pub columns: Columns,
    /// The chart column of now, if on screen.
    pub now: Option<u16>,
    /// Today's plan day: where now is when it is off the chart, said in words at the edge.
    pub today: i64,
}

/// The days the ruler labels and the grid marks: Day 1 and every week from it (8, 15, …, and
/// -6 before it), so marks fall at regular steps on the treatment's weekday.
pub fn marked_days(first: i64, last: i64) -> impl Iterator<Item = i64> {
    (first..=last).filter(|d| (d - 1).rem_euclid(MARK_EVERY) == 0)
}

/// "Day " before the first number; the label starts on the day's column.
const DAY_PREFIX: &str = "Day ";

impl<Tz: TimeZone> Widget for Ruler<'_, '_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 {
            return;
        }
        let c = self.columns;
        let (top, bottom) = (area.y, area.y + 1);
        // "Day " may reach left of the chart, up to a cell after the legend.
        let legend_end = render_legend(c, self.milestones.booking, top, buf);
        let left = self.left_day;
        let x_of =
            |day: i64| c.chart_x + u16::try_from((day - left) * i64::from(c.cell)).unwrap_or(0);
        let visible = |day: &i64| (left..left + c.days).contains(day);
        // A label starts on its day's column and may run on past the chart's last cell to
        // the terminal's edge (the rows keep that column for their scrollbar, the ruler
        // does not): so the plan's last day, Day 43, is named where it fits.
        let label_end = area.right();
        // Days scrolled off either side are marked at the ends of the dates row, "◂" in the
        // gap before the chart and "▸" at the right edge (the dates keep clear of it).
        let earlier = left > c.first_day;
        let later = left + c.days <= c.last_day;
        let dates_end = label_end.saturating_sub(if later { 2 } else { 0 });
        let marks: Vec<i64> = marked_days(c.first_day, c.last_day)
            .filter(visible)
            .collect();
        // The first number placed is "Day 1" (or "Day 15" when scrolled); a bare number
        // before it would read as a stray. Every label starts on its day's column, as the
        // date under it does: "Day 1" over "28 Nov", not over the week before.
        let numbers_beside = |now_words: Option<(u16, String)>| {
            let mut numbers = Labels::new(legend_end + 1, label_end);
            // Words at the left edge keep two cells from the first number, so
            // "◂ now: treatment in 10 days" and "Day 22" read apart.
            let padded = now_words.map(|(x, w)| match w.starts_with(EARLIER_MARK) {
                true => (x, format!("{w} ")),
                false => (x, w),
            });
            if let Some((x, words)) = padded
                && !numbers.place(x, words, theme::NOW_LINE)
            {
                return None;
            }
            let mut named = false;
            let mut placed = 0;
            for day in marks.iter().copied().filter(|d| *d >= 1) {
                let x = x_of(day);
                if named {
                    placed += usize::from(numbers.place(x, day.to_string(), theme::RULER));
                } else {
                    named = numbers.place(x, format!("{DAY_PREFIX}{day}"), theme::RULER);
                    placed += usize::from(named);
                }
            }
            Some((numbers, placed))
        };
        let (mut numbers, all) = numbers_beside(None).unwrap_or_default();
        // Now off the chart is said at the edge it lies beyond, in the most words that keep
        // at least half the day numbers (the shortest whatever it costs): never silently
        // missing.
        if self.now.is_none() {
            let words = self.now_words(label_end);
            let last = words.len().saturating_sub(1);
            if let Some((with_now, _)) = words.into_iter().enumerate().find_map(|(i, words)| {
                numbers_beside(Some(words)).filter(|(_, placed)| i == last || placed * 2 >= all)
            }) {
                numbers = with_now;
            }
        }
        // Dates on every mark, or every second, third, … where they would not fit: at
        // regular steps, never with one skipped.
        let dates = (1..=marks.len().max(1))
            .map(|step| {
                let mut dates = Labels::new(c.chart_x, dates_end);
                let all = marks.iter().step_by(step).all(|day| {
                    let label = crate::dates::day_and_month(self.plan.date_of(*day));
                    // The last mark may run off the chart's right edge: that is no reason
                    // to thin out the others.
                    let runs_off = x_of(*day) + text_width(&label) > dates_end;
                    dates.place(x_of(*day), label, theme::MUTED) || runs_off
                });
                (all, dates)
            })
            .find_map(|(all, dates)| all.then_some(dates))
            .unwrap_or_else(|| Labels::new(c.chart_x, dates_end));
        numbers.render(top, buf);
        dates.render(bottom, buf);
        // "◂" in the gap before the chart, on the dates row or else the numbers row: where
        // it touches neither the legend nor a label (nor "◂ now", which says it already).
        let blank =
            |buf: &Buffer, x: u16, y: u16| buf.cell((x, y)).is_some_and(|c| c.symbol() == " ");
        if earlier && c.chart_x >= area.x + 2 {
            let x = c.chart_x - 1;
            // With a blank on both sides where there is one; else beside the first label
            // ("◂Day 1"), which starts on the chart's first column.
            let strict = |y: &u16| (x - 1..=x + 1).all(|x| blank(buf, x, *y));
            let beside = |y: &u16| {
                (x - 1..=x).all(|x| blank(buf, x, *y))
                    && buf
                        .cell((x + 1, *y))
                        .is_some_and(|c| c.symbol() != EARLIER_MARK)
            };
            if let Some(y) = [bottom, top]
                .into_iter()
                .find(strict)
                .or_else(|| [bottom, top].into_iter().find(beside))
            {
                buf.set_string(x, y, EARLIER_MARK, theme::FOLD);
            }
        }
        if later && area.width > 0 {
            buf.set_string(area.right() - 1, bottom, LATER_MARK, theme::FOLD);
        }
        self.mark_milestones(bottom, buf);
        if let Some(x) = self.now.map(|x| c.chart_x + x) {
            for (y, labels, mark) in [(top, &numbers, NOW_MARK), (bottom, &dates, "│")] {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    // A label that now passes through turns red; elsewhere the mark shows,
                    // but never glued to a label ("Day 1▼"): there the line below says it.
                    let touches = labels.covers(x.saturating_sub(1)) || labels.covers(x + 1);
                    if labels.covers(x) {
                        cell.set_style(theme::NOW_LINE);
                    } else if !touches {
                        cell.set_symbol(mark).set_style(theme::NOW_LINE);
                    }
                }
            }
        }
    }
}

impl<Tz: TimeZone> Ruler<'_, '_, Tz> {
    /// Where now is when the chart does not show it, longest first, each with its column:
    /// "now: Day 60, after the plan ▸" ending at the ruler's right edge (`end`), "◂ now: treatment
    /// in 10 days" at its left, "◂ now: Day 3" when scrolled past; down to "now ▸".
    fn now_words(&self, end: u16) -> Vec<(u16, String)> {
        let c = self.columns;
        let today = self.today;
        let right = today >= self.left_day + c.days;
        let words: Vec<String> = if right {
            let mut words = vec![format!("now: Day {today} ▸"), "now ▸".to_string()];
            if today > c.last_day {
                words.insert(0, format!("now: Day {today}, after the plan ▸"));
            }
            words
        } else {
            let mut words = vec![format!("◂ now: Day {today}"), "◂ now".to_string()];
            if today < 1 {
                let days = 1 - today;
                let unit = if days == 1 { "day" } else { "days" };
                words.insert(0, format!("◂ now: treatment in {days} {unit}"));
            }
            words
        };
        words
            .into_iter()
            .map(|label| {
                let x = match right {
                    true => end.saturating_sub(text_width(&label)),
                    false => c.chart_x,
                };
                (x, label)
            })
            .collect()
    }

    /// Colours the dates row under the next session's window, so it shows however the rows
    /// are scrolled.
    fn mark_milestones(&self, y: u16, buf: &mut Buffer) {
        for x in &self.milestones.columns {
            if let Some(cell) = buf.cell_mut((self.columns.chart_x + x, y)) {
                cell.set_style(theme::MILESTONE_DAYS);
            }
        }
    }
}

//! The timeline's two top rows: a legend over the titles, and over the chart the day numbers
//! (Day 1, 7, 14, …), their dates, the next session's days and now.

use super::bar;
use super::layout::{Columns, position};
use crate::plan::Plan;
use crate::rules::Rules;
use crate::tui::plan_item::is_milestone;
use crate::tui::theme;
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Marked every this many days from Day 1 (and Day 1 itself).
const MARK_EVERY: i64 = 7;
const NOW_MARK: &str = "▼";

pub struct Ruler<'a, 'r, Tz: TimeZone> {
    /// The chart's columns under the next session's window (`milestone_columns`).
    pub milestones: &'a [u16],
    pub plan: &'a Plan<'r, Tz>,
    /// The first day on screen.
    pub left_day: i64,
    pub columns: Columns,
    /// The chart column of now, if on screen.
    pub now: Option<u16>,
}

/// The days the ruler labels and the grid marks: Day 1, 7, 14, …, and weeks before Day 1.
pub fn marked_days(first: i64, last: i64) -> impl Iterator<Item = i64> {
    (first..=last).filter(|d| {
        *d == 1
            || (*d >= MARK_EVERY && d % MARK_EVERY == 0)
            || (*d < 1 && (1 - d) % MARK_EVERY == 0)
    })
}

impl<Tz: TimeZone> Widget for Ruler<'_, '_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 {
            return;
        }
        let c = self.columns;
        let (top, bottom) = (area.y, area.y + 1);
        render_legend(c, top, buf);
        let left = self.left_day;
        let x_of =
            |day: i64| c.chart_x + u16::try_from((day - left) * i64::from(c.cell)).unwrap_or(0);
        let visible = |day: &i64| (left..left + c.days).contains(day);
        let chart_end = c.chart_x + u16::try_from(c.days).unwrap_or(0) * c.cell;
        // Day 1 first: it wins any clash for room.
        let mut days: Vec<i64> = marked_days(c.first_day, c.last_day)
            .filter(|d| *d >= 1)
            .filter(visible)
            .collect();
        days.sort_by_key(|d| *d != 1);
        let mut numbers = Labels::new(chart_end);
        let mut dates = Labels::new(chart_end);
        let first_shown = days.iter().copied().filter(|d| *d != 1).min();
        for day in &days {
            let number = if *day == 1 || (Some(*day) == first_shown && !days.contains(&1)) {
                format!("Day {day}")
            } else {
                day.to_string()
            };
            numbers.place(x_of(*day), number);
            dates.place(
                x_of(*day),
                self.plan.date_of(*day).format("%-d %b").to_string(),
            );
        }
        if visible(&c.first_day) && c.first_day < 1 {
            dates.place(
                x_of(c.first_day),
                self.plan.date_of(c.first_day).format("%-d %b").to_string(),
            );
        }
        numbers.render(top, theme::RULER, buf);
        dates.render(bottom, theme::MUTED, buf);
        self.mark_milestones(bottom, buf);
        if let Some(x) = self.now.map(|x| c.chart_x + x) {
            for (y, labels, mark) in [(top, &numbers, NOW_MARK), (bottom, &dates, "│")] {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    // A label that now passes through turns red; elsewhere the mark shows.
                    if !labels.covers(x) {
                        cell.set_symbol(mark);
                    }
                    cell.set_style(theme::NOW_LINE);
                }
            }
        }
    }
}

impl<Tz: TimeZone> Ruler<'_, '_, Tz> {
    /// Colours the dates row under the next session's window, so it shows however the rows
    /// are scrolled.
    fn mark_milestones(&self, y: u16, buf: &mut Buffer) {
        for x in self.milestones {
            if let Some(cell) = buf.cell_mut((self.columns.chart_x + x, y)) {
                cell.set_style(theme::MILESTONE_DAYS);
            }
        }
    }
}

/// The chart's columns (from its left edge, `left_day` first) that some milestone's window
/// (the next session's) covers. It reads every rule, so the screen keeps it while the plan
/// and the columns stay the same.
pub fn milestone_columns<Tz: TimeZone>(
    rules: &Rules,
    plan: &Plan<'_, Tz>,
    left_day: i64,
    c: Columns,
) -> Vec<u16> {
    let width = u16::try_from(c.days).unwrap_or(0) * c.cell;
    let mut covered = vec![false; usize::from(width)];
    for rule in rules.rules.iter().filter(|r| is_milestone(r)) {
        let (from, until) = plan.span(rule);
        let at = |instant| position(plan, left_day, c.cell, instant);
        let drawn = bar::cells(at(from), at(until), width, bar::DO);
        for (seen, glyph) in covered.iter_mut().zip(drawn) {
            *seen |= glyph.is_some();
        }
    }
    (0..width).filter(|&x| covered[usize::from(x)]).collect()
}

/// What the bars mean, over the titles.
fn render_legend(c: Columns, y: u16, buf: &mut Buffer) {
    let lines: [&[(&str, Style, &str)]; 2] = [
        &[
            ("█", theme::DO_BAR, "do"),
            ("━", theme::AVOID_BAR, "avoid"),
            ("▒", theme::PHASE_BAR, "normal"),
        ],
        &[
            ("█", theme::MILESTONE_BAR, "next session"),
            ("│", theme::NOW_LINE, "now"),
        ],
    ];
    for (dy, entries) in (0..).zip(lines) {
        let width = |gap: usize| {
            entries
                .iter()
                .map(|(_, _, w)| w.chars().count() + 2)
                .sum::<usize>()
                + gap * (entries.len() - 1)
        };
        // Two spaces between entries where they fit, one where the titles are narrow.
        let gap = if width(2) <= usize::from(c.title_width) {
            "  "
        } else {
            " "
        };
        let mut spans = Vec::new();
        for (i, (glyph, look, word)) in entries.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(gap));
            }
            spans.push(Span::styled(*glyph, *look));
            spans.push(Span::styled(format!(" {word}"), theme::MUTED));
        }
        Line::from(spans).render(Rect::new(c.title_x, y + dy, c.title_width, 1), buf);
    }
}

/// Labels placed left to right where they fit, a cell apart.
struct Labels {
    end: u16,
    placed: Vec<(u16, String)>,
}

impl Labels {
    fn new(end: u16) -> Self {
        Labels {
            end,
            placed: Vec::new(),
        }
    }

    fn place(&mut self, x: u16, label: String) {
        let width = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
        let clashes = self.placed.iter().any(|(at, other)| {
            let other_width = u16::try_from(other.chars().count()).unwrap_or(u16::MAX);
            x < at + other_width + 1 && *at < x + width + 1
        });
        if !clashes && x + width <= self.end {
            self.placed.push((x, label));
        }
    }

    fn covers(&self, x: u16) -> bool {
        self.placed.iter().any(|(at, label)| {
            (*at..at + u16::try_from(label.chars().count()).unwrap_or(0)).contains(&x)
        })
    }

    fn render(&self, y: u16, look: Style, buf: &mut Buffer) {
        for (x, label) in &self.placed {
            buf.set_string(*x, y, label, look);
        }
    }
}

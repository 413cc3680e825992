//! The milestones over the timeline's chart (the columns under the next session's window,
//! and whether the booking's lead-in is drawn) and the legend that says what the bars mean.

use super::bar;
use super::layout::{Columns, position};
use crate::plan::Plan;
use crate::rules::Rules;
use crate::tui::plan_item::is_milestone;
use crate::tui::{text, theme};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// What the ruler shows of the milestones (the one-off tasks after the treatment).
#[derive(Debug, Default)]
pub struct Milestones {
    /// The chart's columns (from its left edge) that some milestone's window covers.
    pub columns: Vec<u16>,
    /// Whether one is the booking of the next session (`Plan::is_booking`), which the
    /// timeline draws from when it comes up: the legend explains its light lead-in.
    pub booking: bool,
}

/// The ruler's milestones on a chart whose first day is `left_day`. It reads every rule, so
/// the screen keeps it while the plan and the columns stay the same.
pub fn milestones<Tz: TimeZone>(
    rules: &Rules,
    plan: &Plan<'_, Tz>,
    left_day: i64,
    c: Columns,
) -> Milestones {
    let width = u16::try_from(c.days).unwrap_or(0) * c.cell;
    let mut covered = vec![false; usize::from(width)];
    let mut booking = false;
    for rule in rules.rules.iter().filter(|r| is_milestone(r)) {
        booking |= plan.is_booking(rule);
        let (from, until) = plan.span(rule);
        let at = |instant| position(plan, left_day, c.cell, instant);
        let drawn = bar::cells(at(from), at(until), width, bar::SESSION);
        for (seen, glyph) in covered.iter_mut().zip(drawn) {
            *seen |= glyph.is_some();
        }
    }
    Milestones {
        columns: (0..width).filter(|&x| covered[usize::from(x)]).collect(),
        booking,
    }
}

/// The lead-in of the booking (`bar::LEAD_IN`): the next session's colour, dimmed.
pub const LEAD_IN_LOOK: Style = theme::MILESTONE_BAR.add_modifier(Modifier::DIM);

/// What the bars mean, over the titles (with the booking's lead-in when the plan has a
/// booking task); returns where its first row ends.
pub(super) fn render_legend(c: Columns, booking: bool, y: u16, buf: &mut Buffer) -> u16 {
    let mut first_end = c.title_x;
    // The booking comes up (light) a week before the next session's window (solid); a
    // plan without a booking task has no light bar to explain.
    let milestones: &[(&str, Style, &str)] = match booking {
        true => &[
            ("░", LEAD_IN_LOOK, "book"),
            ("▓", theme::MILESTONE_BAR, "session"),
            ("│", theme::NOW_LINE, "now"),
        ],
        false => &[
            ("▓", theme::MILESTONE_BAR, "next session"),
            ("│", theme::NOW_LINE, "now"),
        ],
    };
    let lines: [&[(&str, Style, &str)]; 2] = [
        &[
            ("█", theme::DO_BAR, "do"),
            ("━", theme::AVOID_BAR, "avoid"),
            ("▒", theme::PHASE_BAR, "normal"),
        ],
        milestones,
    ];
    for (dy, entries) in (0..).zip(lines) {
        let width = |gap: usize| {
            entries
                .iter()
                .map(|(_, _, w)| text::width(w) + 2)
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
        let line = Line::from(spans);
        if dy == 0 {
            let width = u16::try_from(line.width()).unwrap_or(u16::MAX);
            first_end = c.title_x + width.min(c.title_width);
        }
        line.render(Rect::new(c.title_x, y + dy, c.title_width, 1), buf);
    }
    first_end
}

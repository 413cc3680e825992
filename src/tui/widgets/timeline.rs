//! The recovery timeline: the whole plan at once. Days run across (a ruler on top), rules,
//! phases and warning signs run down, each window a bar drawn to the hour; a red line is now.

use super::timeline_bar::{self, Glyphs};
use super::timeline_ruler::{Ruler, marked_days};
use super::{footer, header, scrollbar};
use crate::plan::Plan;
use crate::rules::Kind;
use crate::tui::app::App;
use crate::tui::paint::Paint;
use crate::tui::timeline::{ItemInfo, Row, Section};
use crate::tui::timeline_layout::{Columns, EIGHTHS, position};
use crate::tui::{style, text};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const SELECTION_MARK: &str = "› ";
const MILESTONE_MARK: &str = "◆ ";
/// Drawn in empty cells where a week starts, so bars can be read against the ruler.
const GRID_MARK: &str = "·";
/// Drawn in empty cells where now is.
const NOW_MARK: &str = "│";

pub struct Timeline<'a, Tz: TimeZone>(pub &'a App<Tz>);

impl<Tz: TimeZone> Widget for Timeline<'_, Tz> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let regions = app.timeline_regions();
        header::Header(app).render(regions.header, buf);
        footer::Footer(app).render(regions.footer, buf);
        let Some(plan) = app.plan() else {
            return;
        };
        let columns = app.timeline_columns();
        let now = now_column(app, &plan, columns);
        Ruler {
            app,
            plan: &plan,
            columns,
            now,
        }
        .render(regions.ruler, buf);
        render_rows(app, &plan, columns, now, regions.rows, buf);
    }
}

/// The chart column (from the chart's left edge) that now falls in, if it is on screen.
pub fn now_column<Tz: TimeZone>(app: &App<Tz>, plan: &Plan<'_, Tz>, c: Columns) -> Option<u16> {
    let at = position(plan, app.timeline.left_day, c.cell, app.now) / EIGHTHS;
    let width = c.days * i64::from(c.cell);
    (0..width)
        .contains(&at)
        .then(|| u16::try_from(at).ok())
        .flatten()
}

fn render_rows<Tz: TimeZone>(
    app: &App<Tz>,
    plan: &Plan<'_, Tz>,
    columns: Columns,
    now: Option<u16>,
    area: Rect,
    buf: &mut Buffer,
) {
    let rows = app.timeline_rows();
    let selected = app.timeline_item();
    let left = app.timeline.left_day;
    let width = u16::try_from(columns.days).unwrap_or(0) * columns.cell;
    let grid: Vec<u16> = marked_days(columns.first_day, columns.last_day)
        .filter(|d| (left..left + columns.days).contains(d))
        .filter_map(|d| u16::try_from((d - left) * i64::from(columns.cell)).ok())
        .collect();
    for (y, row) in (area.y..area.bottom()).zip(rows.iter().skip(app.timeline.top)) {
        let title = Rect::new(columns.title_x, y, columns.title_width, 1);
        let mut cells: Vec<Option<(&str, Style)>> = vec![None; usize::from(width)];
        match *row {
            Row::Heading(section) => {
                Line::styled(section.title(), heading_style(section)).paint(title, buf);
            }
            Row::Item(item) => {
                let Some(info) = item.info(&app.rules) else {
                    continue;
                };
                let is_selected = Some(item) == selected;
                render_title(info.title, info.milestone, is_selected, title, buf);
                let (glyphs, mut bar) = bar_look(&info);
                // Windows that are over fade, so playing the clock shows the plan being used up.
                if plan.instant(info.window.until) <= app.now {
                    bar = style::ENDED_BAR;
                }
                let from = position(plan, left, columns.cell, plan.instant(info.window.from));
                let until = position(plan, left, columns.cell, plan.instant(info.window.until));
                let drawn = timeline_bar::cells(from, until, width, glyphs);
                for (cell, glyph) in cells.iter_mut().zip(drawn) {
                    *cell = glyph.map(|g| (g, bar));
                }
            }
        }
        for x in &grid {
            if let Some(cell @ None) = cells.get_mut(usize::from(*x)) {
                *cell = Some((GRID_MARK, style::GRID));
            }
        }
        if let Some(cell) = now.and_then(|x| cells.get_mut(usize::from(x))) {
            // Bars cross the line; where there is none, the line shows.
            if cell.is_none_or(|(g, _)| g == GRID_MARK) {
                *cell = Some((NOW_MARK, style::NOW_LINE));
            }
        }
        for (x, cell) in (columns.chart_x..).zip(cells) {
            if let (Some((glyph, look)), Some(target)) = (cell, buf.cell_mut((x, y))) {
                target.set_symbol(glyph).set_style(look);
            }
        }
    }
    scrollbar::render(app.timeline.top, rows.len(), area, buf);
}

fn render_title(title: &str, milestone: bool, selected: bool, area: Rect, buf: &mut Buffer) {
    let mark = match (selected, milestone) {
        (true, _) => SELECTION_MARK,
        (false, true) => MILESTONE_MARK,
        (false, false) => "  ",
    };
    let room = usize::from(area.width).saturating_sub(2);
    let look = match (selected, milestone) {
        (true, _) => style::SELECTED,
        (false, true) => style::MILESTONE_TITLE,
        (false, false) => style::TASK,
    };
    if selected {
        buf.set_style(area, style::SELECTED);
    }
    Line::from(vec![
        Span::styled(mark, look),
        Span::styled(text::truncate(title, room), look),
    ])
    .paint(area, buf);
}

fn heading_style(section: Section) -> Style {
    match section {
        Section::Do => style::DO_HEADING,
        Section::Avoid => style::AVOID_HEADING,
        Section::Warning => style::WARNING_SECTION,
        Section::Before | Section::Normal => style::SECTION,
    }
}

/// The glyphs and colour of a row's bar.
pub fn bar_look(info: &ItemInfo<'_>) -> (Glyphs, Style) {
    match (info.section, info.kind) {
        _ if info.milestone => (timeline_bar::DO, style::MILESTONE_BAR),
        (Section::Normal, _) => (timeline_bar::BAND, style::PHASE_BAR),
        (Section::Warning, _) => (timeline_bar::BAND, style::WARNING_BAR),
        (_, Some(Kind::Avoid)) => (timeline_bar::AVOID, style::AVOID_BAR),
        _ => (timeline_bar::DO, style::DO_BAR),
    }
}

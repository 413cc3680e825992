//! The recovery timeline: the whole plan at once. Days run across (a ruler on top), rules,
//! phases and warning signs run down, each window a bar drawn to the hour; a red line is now.

use super::bar::{self, Glyphs};
use super::layout::{Columns, EIGHTHS, position};
use super::rows::Row;
use super::ruler::{LEAD_IN_LOOK, Ruler, marked_days};
use super::{TimelineScreen, keys};
use crate::plan::Plan;
use crate::rules::Kind;
use crate::tui::context::Context;
use crate::tui::keymap::hints;
use crate::tui::plan_item::{Item, ItemInfo, Section};
use crate::tui::widgets::footer::Footer;
use crate::tui::widgets::header::Header;
use crate::tui::widgets::{ScrollKeys, out_of_sight, scrollbar};
use crate::tui::{demo, text, theme};
use chrono::{DateTime, FixedOffset, TimeZone};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const SELECTION_MARK: &str = "› ";
const MILESTONE_MARK: &str = "◆ ";
/// Drawn in empty cells where a week starts, so bars can be read against the ruler.
const GRID_MARK: &str = "·";
/// The last cell of a bar whose window goes on past the chart's right edge.
const CONTINUES_MARK: &str = "▸";
/// Drawn in empty cells where now is.
const NOW_MARK: &str = "│";

/// After the plan's name in the header.
const SCREEN_NAME: &str = "timeline";

impl TimelineScreen {
    /// Draws the screen into the context's screen area (below any banner).
    pub fn render<Tz: TimeZone>(&self, ctx: &Context<Tz>, buf: &mut Buffer) {
        let regions = self.regions(ctx);
        Header::of(ctx, Some(SCREEN_NAME)).render(regions.header, buf);
        let mut key_hints = demo::hints(ctx);
        key_hints.extend(hints(keys::KEYMAP));
        Footer::of(ctx, key_hints).render(regions.footer, buf);
        let Some(plan) = ctx.plan() else {
            return;
        };
        let columns = self.columns(ctx);
        let left_day = self.left_day.unwrap_or(columns.first_day);
        let now = now_column(&plan, left_day, columns, ctx.now);
        let milestones = self.milestones(ctx, &plan, left_day, columns);
        Ruler {
            milestones: &milestones,
            plan: &plan,
            left_day,
            columns,
            now,
            today: plan.day_of(ctx.now),
        }
        .render(regions.ruler, buf);
        self.render_rows(ctx, &plan, left_day, columns, now, regions.rows, buf);
        if !regions.more.is_empty() {
            let rows = self.rows(ctx).len();
            let height = usize::from(regions.rows.height);
            let below = rows.saturating_sub(self.top + height);
            let words = more_words(self.top, below);
            let room = usize::from(regions.more.width).saturating_sub(2);
            Line::styled(format!("  {}", text::truncate(&words, room)), theme::FOLD)
                .render(regions.more, buf);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn render_rows<Tz: TimeZone>(
        &self,
        ctx: &Context<Tz>,
        plan: &Plan<'_, Tz>,
        left: i64,
        columns: Columns,
        now: Option<u16>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let rows = self.rows(ctx);
        let selected = self.item(ctx);
        let width = u16::try_from(columns.days).unwrap_or(0) * columns.cell;
        let grid: Vec<u16> = marked_days(columns.first_day, columns.last_day)
            .filter(|d| (left..left + columns.days).contains(d))
            .filter_map(|d| u16::try_from((d - left) * i64::from(columns.cell)).ok())
            .collect();
        for (y, row) in (area.y..area.bottom()).zip(rows.iter().skip(self.top)) {
            let title = Rect::new(columns.title_x, y, columns.title_width, 1);
            let mut cells: Vec<Option<(&str, Style)>> = vec![None; usize::from(width)];
            match *row {
                Row::Heading(section) => render_heading(section, title, buf),
                Row::Item(item) => {
                    let Some(info) = item.info(&ctx.rules) else {
                        continue;
                    };
                    let is_selected = Some(item) == selected;
                    render_title(info.title, info.milestone, is_selected, title, buf);
                    let (glyphs, mut look) = bar_look(&info);
                    // Windows that are over fade, so playing the clock shows the plan used up.
                    if plan.instant(info.window.until) <= ctx.now {
                        look = theme::ENDED_BAR;
                    }
                    let at = |instant| position(plan, left, columns.cell, instant);
                    let opens = plan.instant(info.window.from);
                    let from = at(opens);
                    let until = at(plan.instant(info.window.until));
                    if let Some(offered) = offered_early(ctx, plan, item) {
                        // Lighter, from the day the checklist first offers the task.
                        let lead_in = bar::cells(at(offered), from, width, bar::LEAD_IN);
                        let lead_look = match look == theme::ENDED_BAR {
                            true => look,
                            false => LEAD_IN_LOOK,
                        };
                        for (cell, glyph) in cells.iter_mut().zip(lead_in) {
                            *cell = glyph.map(|g| (g, lead_look));
                        }
                    }
                    let drawn = bar::cells(from, until, width, glyphs);
                    for (cell, glyph) in cells.iter_mut().zip(drawn) {
                        if let Some(g) = glyph {
                            *cell = Some((g, look));
                        }
                    }
                    // A window that goes on past the chart's right edge (scrolled, or longer
                    // than the plan's days: a warning sign watched for 12 weeks) says so in
                    // its last cell, rather than seeming to run into the border.
                    let edge = i64::from(width) * EIGHTHS;
                    if until > edge
                        && from < edge
                        && let Some(last) = cells.last_mut()
                    {
                        *last = Some((CONTINUES_MARK, look));
                    }
                }
            }
            for x in &grid {
                if let Some(cell @ None) = cells.get_mut(usize::from(*x)) {
                    *cell = Some((GRID_MARK, theme::GRID));
                }
            }
            if let Some(cell) = now.and_then(|x| cells.get_mut(usize::from(x))) {
                // Bars cross the line; where there is none, the line shows.
                if cell.is_none_or(|(g, _)| g == GRID_MARK) {
                    *cell = Some((NOW_MARK, theme::NOW_LINE));
                }
            }
            for (x, cell) in (columns.chart_x..).zip(cells) {
                if let (Some((glyph, look)), Some(target)) = (cell, buf.cell_mut((x, y))) {
                    target.set_symbol(glyph).set_style(look);
                }
            }
        }
        scrollbar(self.top, rows.len(), area, buf);
    }
}

/// When the checklist first offers `item`'s task, where that is a day or more before its
/// window opens: the booking of the next session comes up a week early. It is the day a
/// tick of the task first counts (`Plan::once_ticks_from`), the fact the checklist and
/// `check` go by, from that day's local midnight.
fn offered_early<Tz: TimeZone>(
    ctx: &Context<Tz>,
    plan: &Plan<'_, Tz>,
    item: Item,
) -> Option<DateTime<FixedOffset>> {
    let Item::Rule(i) = item else {
        return None;
    };
    let offered = plan.offered_early(ctx.rules.rules.get(i)?)?;
    Some(plan.day_bounds(offered).0)
}

/// "↓ 37 more below — PgDn page · End last", "↑ 2 more above — PgUp page · Home first",
/// "↑ 2 above · ↓ 3 below — PgUp/PgDn page": the keys that get there, not ↓ pressed 37 times.
fn more_words(above: usize, below: usize) -> String {
    let keys = ScrollKeys {
        below: "PgDn page · End last",
        above: "PgUp page · Home first",
        both: "PgUp/PgDn page · Home/End",
    };
    out_of_sight(above, below, &keys)
}

/// The chart column (from the chart's left edge) that `now` falls in, if it is on screen.
fn now_column<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    left_day: i64,
    c: Columns,
    now: DateTime<FixedOffset>,
) -> Option<u16> {
    let at = position(plan, left_day, c.cell, now) / EIGHTHS;
    let width = c.days * i64::from(c.cell);
    (0..width)
        .contains(&at)
        .then(|| u16::try_from(at).ok())
        .flatten()
}

fn render_title(title: &str, milestone: bool, selected: bool, area: Rect, buf: &mut Buffer) {
    let mark = match (selected, milestone) {
        (true, _) => SELECTION_MARK,
        (false, true) => MILESTONE_MARK,
        (false, false) => "  ",
    };
    let room = usize::from(area.width).saturating_sub(2);
    let look = match (selected, milestone) {
        (true, _) => theme::SELECTED,
        (false, true) => theme::MILESTONE_TITLE,
        (false, false) => theme::TASK,
    };
    if selected {
        buf.set_style(area, theme::SELECTED);
    }
    Line::from(vec![
        Span::styled(mark, look),
        Span::styled(text::truncate(title, room), look),
    ])
    .render(area, buf);
}

/// A section's heading. The warning signs' heading says what their hatched bars mean, as
/// the legend over the titles does for the other bars (which has no room for a fourth):
/// "Warning signs ╱ watch for", or "… ╱ watch" where the titles are narrow.
fn render_heading(section: Section, area: Rect, buf: &mut Buffer) {
    let look = heading_style(section);
    let mut spans = vec![Span::styled(section.title(), look)];
    if section == Section::Warning {
        // " ╱" and its meaning, as much of it as fits.
        let room = usize::from(area.width).saturating_sub(text::width(section.title()) + 2);
        let meaning = [" watch for", " watch", ""]
            .into_iter()
            .find(|w| text::width(w) <= room)
            .unwrap_or("");
        spans.push(Span::raw(" "));
        spans.push(Span::styled(bar::SIGN.full, theme::WARNING_BAR));
        spans.push(Span::styled(meaning, theme::MUTED));
    }
    Line::from(spans).render(area, buf);
}

fn heading_style(section: Section) -> Style {
    match section {
        Section::Do => theme::DO_HEADING,
        Section::Avoid => theme::AVOID_HEADING,
        Section::Warning => theme::WARNING_SECTION,
        Section::Before | Section::Normal => theme::SECTION,
    }
}

/// The glyphs and colour of a row's bar.
fn bar_look(info: &ItemInfo<'_>) -> (Glyphs, Style) {
    match (info.section, info.kind) {
        _ if info.milestone => (bar::SESSION, theme::MILESTONE_BAR),
        (Section::Normal, _) => (bar::BAND, theme::PHASE_BAR),
        (Section::Warning, _) => (bar::SIGN, theme::WARNING_BAR),
        (_, Some(Kind::Avoid)) => (bar::AVOID, theme::AVOID_BAR),
        _ => (bar::DO, theme::DO_BAR),
    }
}

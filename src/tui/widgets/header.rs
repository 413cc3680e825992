//! The top two rows: the plan's name and the day on a bar, then when the treatment was and
//! how much of the day is done.

use super::day_label;
use crate::plan::duration_label;
use crate::series::next_session_label;
use crate::tui::app::{App, Screen};
use crate::tui::paint::Paint;
use crate::tui::split::{self, Part};
use crate::tui::{style, text};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// After the plan's name on the timeline.
const TIMELINE: &str = "timeline";
/// The bar's share of the progress: at most this many cells.
const GAUGE_WIDTH: usize = 20;

pub struct Header<'a, Tz: TimeZone>(pub &'a App<Tz>);

impl<Tz: TimeZone> Widget for Header<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [title, summary] = split::rows(area, [Part::Len(1), Part::Len(1)]);
        render_title(self.0, title, buf);
        render_summary(self.0, summary, buf);
    }
}

fn render_title<Tz: TimeZone>(app: &App<Tz>, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, style::TITLE_BAR);
    let day = match app.checklist.as_ref() {
        Some(list) => format!(
            " {} · {} ",
            day_label(list.day),
            list.date.format("%a %-d %b")
        ),
        None => String::new(),
    };
    let today = match (app.today(), app.checklist.as_ref()) {
        (Some(today), Some(list)) if today != list.day => relative_day(list.day - today),
        _ => String::new(),
    };
    let right = format!("{day}{today}");
    let room = usize::from(area.width).saturating_sub(text::width(&right) + 2);
    // Which treatment, once there is more than one, and whether it may be changed.
    let session = match app.session_position() {
        Some((n, count)) if count > 1 => format!(" · Session {n} of {count}"),
        _ => String::new(),
    };
    let read_only = if app.is_read_only() {
        " read-only "
    } else {
        ""
    };
    let room = if read_only.is_empty() {
        room
    } else {
        room.saturating_sub(text::width(read_only) + 1)
    };
    // The plan's name gives way before the session does.
    let name_room = room.saturating_sub(text::width(&session));
    let plan_name = match app.screen {
        Screen::Timeline => format!("{} · {TIMELINE}", app.rules.name),
        _ => app.rules.name.clone(),
    };
    let name = format!("{}{session}", text::truncate(&plan_name, name_room));
    let mut left = vec![Span::raw(" "), Span::styled(name, style::TITLE_BAR)];
    if !read_only.is_empty() {
        left.extend([Span::raw(" "), Span::styled(read_only, style::READ_ONLY)]);
    }
    Line::from(left).paint(area, buf);
    Line::from(vec![
        Span::styled(day, style::TITLE_DAY),
        Span::styled(today, style::TITLE_BAR),
    ])
    .right_aligned()
    .paint(area, buf);
}

/// How far the viewed day is from today, for when the user has moved away from it.
fn relative_day(offset: i64) -> String {
    match offset {
        1 => "(tomorrow) ".to_string(),
        -1 => "(yesterday) ".to_string(),
        n if n > 0 => format!("(in {n} days) "),
        n => format!("({} days ago) ", -n),
    }
}

fn render_summary<Tz: TimeZone>(app: &App<Tz>, area: Rect, buf: &mut Buffer) {
    let (Some(plan), Some(list)) = (app.plan(), app.checklist.as_ref()) else {
        return;
    };
    let treated = plan
        .local(plan.treatment())
        .format("%a %-d %b %H:%M")
        .to_string();
    let mut words = if app.now < plan.treatment() {
        format!(
            "Before treatment · in {} · {treated}",
            duration_label(plan.treatment() - app.now)
        )
    } else {
        format!(
            "Treated {treated} · {} ago",
            duration_label(app.now - plan.treatment())
        )
    };
    if app.today().is_some_and(|today| today > plan.last_day()) {
        words.push_str(" · plan complete");
    }
    // The countdown to the next treatment, for the latest one only, when there is room.
    let latest = app.session_position().is_some_and(|(n, count)| n == count);
    if let Some(next) = next_session_label(&plan, app.now).filter(|_| latest) {
        let short = next.split(" (").next().unwrap_or(&next).to_string();
        for candidate in [format!("{words} · {next}"), format!("{words} · {short}")] {
            if text::width(&candidate) + 12 <= usize::from(area.width) {
                words = candidate;
                break;
            }
        }
    }
    let (done, total) = list.progress();
    let progress = format!("{done}/{total} done");
    // The bar gives way to the words: it shrinks (to nothing) before they are cut.
    let spare =
        usize::from(area.width).saturating_sub(text::width(&words) + text::width(&progress) + 5);
    let gauge_width = GAUGE_WIDTH.min(usize::from(area.width) / 5).min(spare);
    let right_width = if total == 0 {
        0
    } else {
        text::width(&progress) + 1 + gauge_width + 1
    };
    let right_width = u16::try_from(right_width).unwrap_or(0);
    let [left, right] = split::columns(area, [Part::Fill, Part::Len(right_width)], 0);
    let room = usize::from(left.width).saturating_sub(2);
    Line::from(vec![
        Span::raw(" "),
        Span::styled(text::truncate(&words, room), style::SUMMARY),
    ])
    .paint(left, buf);
    if let Some(filled) = (gauge_width * done).checked_div(total) {
        Line::from(vec![
            Span::styled(progress, style::EMPHASIS),
            Span::raw(" "),
            Span::styled("━".repeat(filled), style::GAUGE_FILLED),
            Span::styled("─".repeat(gauge_width - filled), style::GAUGE_EMPTY),
        ])
        .paint(right, buf);
    }
}

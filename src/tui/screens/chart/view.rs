//! The journal chart: for each symptom, the patient's ratings as bars, day by day, in front of
//! the usual course from the plan (a dim band). One column per day from Day 1 to two weeks on,
//! today or the last check-in, whichever is latest; at 80 columns two weeks are five cells a
//! day, six weeks one. Only when a cell a day does not fit are days cut: the viewed day stays
//! on screen and the intro row says which days are off it ("◂ Days 1–10").

use super::days::{Columns, GUTTER, columns, render_axis, render_intro};
use super::notes::{notes_up_to, render_notes};
use crate::journal::{AlertLine, expected_on};
use crate::plan::Plan;
use crate::rules::{MAX_RATING, Symptom};
use crate::store::Session;
use crate::tui::{text, theme};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::collections::BTreeSet;

/// Rows per symptom: one per rating step at most.
const MAX_BAR_ROWS: u16 = 5;
const LEGEND: &str = "█ your rating · ▁ rated 0 · ░ usual course · red: set off an alert";

/// The chart of a treatment's check-ins.
pub struct ChartView<'a, 'r, Tz: TimeZone> {
    pub plan: &'a Plan<'r, Tz>,
    pub session: &'a Session,
    pub symptoms: &'a [Symptom],
    /// Today's plan day, and the day being looked at (its ratings are named, its alerts
    /// marked).
    pub today: i64,
    pub day: i64,
    /// The viewed day's alerts.
    pub alerts: &'a [AlertLine],
}

impl<Tz: TimeZone> Widget for ChartView<'_, '_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (plan, session, symptoms, today) = (self.plan, self.session, self.symptoms, self.today);
        if symptoms.is_empty() || area.height < 4 {
            Line::styled(" This plan has no symptoms to chart.", theme::MUTED).render(area, buf);
            return;
        }
        let columns = columns(plan, session, today, self.day, area.width);
        let n = u16::try_from(symptoms.len()).unwrap_or(u16::MAX);
        // The intro and the day numbers take a row each; the rest is shared by the symptoms.
        let per = (area.height.saturating_sub(2) / n).max(2);
        let bar_rows = (per - 1).clamp(1, MAX_BAR_ROWS);
        let with_detail = per >= bar_rows + 2;
        let row = |y: u16| Rect {
            y,
            height: 1,
            ..area
        };
        render_intro(&columns, row(area.y), buf);
        let alerts = alert_marks(plan, session, &columns);
        let mut y = area.y + 1;
        for symptom in symptoms {
            if y + 1 + bar_rows > area.bottom().saturating_sub(1) {
                break;
            }
            self.render_title(symptom, row(y), buf);
            y += 1;
            if with_detail {
                let detail = text::truncate(&symptom.detail, usize::from(area.width) - 4);
                Line::styled(format!("   {detail}"), theme::DETAIL).render(row(y), buf);
                y += 1;
            }
            let bars = Rect {
                y,
                height: bar_rows,
                ..area
            };
            render_bars(plan, session, symptom, &columns, &alerts, bars, buf);
            y += bar_rows;
        }
        render_axis(&columns, today, self.day, row(y), buf);
        if y + 2 < area.bottom() {
            // Between the day numbers and the legend: the patient's notes, newest first.
            let notes = Rect {
                y: y + 1,
                height: area.bottom() - (y + 2),
                ..area
            };
            render_notes(&notes_up_to(plan, session, self.day), notes, buf);
            let legend = text::truncate(LEGEND, usize::from(area.width.saturating_sub(2)));
            Line::styled(format!(" {legend}"), theme::MUTED).render(row(area.bottom() - 1), buf);
        }
    }
}

/// Which (day, symptom) readings set off an alert.
fn alert_marks<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: &Session,
    columns: &Columns,
) -> BTreeSet<(i64, String)> {
    (columns.first..=columns.last)
        .flat_map(|d| {
            plan.alerts_on(session, plan.date_of(d))
                .into_iter()
                .map(move |f| (d, f.symptom.clone()))
        })
        .collect()
}

fn rating_on<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: &Session,
    id: &str,
    day: i64,
) -> Option<u8> {
    session
        .checkins
        .get(&plan.date_of(day))?
        .ratings
        .get(id)
        .copied()
}

impl<Tz: TimeZone> ChartView<'_, '_, Tz> {
    /// The viewed day's rating, in words about that day: " Redness   Day 8: 4 · usual ~0 ⚠",
    /// or "Day 2: not rated · usual ~4" (with "· last Day 1: 3" when there was one before),
    /// or "Day 9: ahead" for a day still to come, "Day 0: before the treatment". Never "no ratings yet" above a bar.
    fn render_title(&self, symptom: &Symptom, area: Rect, buf: &mut Buffer) {
        let day = self.day;
        let usual = expected_on(self.plan, symptom, day)
            .map_or(String::new(), |e| format!(" · usual ~{}", e.round()));
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(symptom.title.clone(), theme::EMPHASIS),
        ];
        match rating_on(self.plan, self.session, &symptom.id, day) {
            Some(rating) => {
                spans.push(Span::styled(
                    format!("   Day {day}: {rating}{usual}"),
                    theme::WHEN,
                ));
                if self.alerts.iter().any(|a| a.symptoms.contains(&symptom.id)) {
                    spans.push(Span::styled("  ⚠ alert", theme::ALERT_TITLE));
                }
            }
            None => {
                let state = match day {
                    d if d < 1 => "before the treatment",
                    d if d > self.today => "ahead",
                    _ => "not rated",
                };
                // Before the treatment there is no usual course to compare with.
                let usual = if day < 1 { String::new() } else { usual };
                let before = (1..day)
                    .rev()
                    .find_map(|d| Some((d, rating_on(self.plan, self.session, &symptom.id, d)?)));
                let last = before.map_or(String::new(), |(d, r)| format!(" · last Day {d}: {r}"));
                // As much as fits beside the title: the day's state always, then the usual
                // rating, then the last one before it.
                let room = usize::from(area.width).saturating_sub(text::width(&symptom.title) + 1);
                let words = [
                    format!("   Day {day}: {state}{usual}{last}"),
                    format!("   Day {day}: {state}{usual}"),
                    format!("   Day {day}: {state}"),
                ]
                .into_iter()
                .find(|w| text::width(w) <= room)
                .unwrap_or_else(|| format!("   Day {day}: –"));
                spans.push(Span::styled(words, theme::MUTED));
            }
        }
        Line::from(spans).render(area, buf);
    }
}

fn render_bars<Tz: TimeZone>(
    plan: &Plan<'_, Tz>,
    session: &Session,
    symptom: &Symptom,
    columns: &Columns,
    alerts: &BTreeSet<(i64, String)>,
    area: Rect,
    buf: &mut Buffer,
) {
    let rows = area.height;
    let scale = |r: f64| (r * f64::from(rows) / f64::from(MAX_RATING)).round() as u16;
    for r in 0..rows {
        let y = area.bottom() - 1 - r;
        let label = match r {
            0 => "  0 │".to_string(),
            r if r == rows - 1 => format!("  {MAX_RATING} │"),
            _ => "    │".to_string(),
        };
        buf.set_string(area.x, y, label, theme::CHART_AXIS);
    }
    for day in columns.first..=columns.last {
        let x0 = area.x + GUTTER + u16::try_from(day - columns.first).unwrap_or(0) * columns.width;
        let band = expected_on(plan, symptom, day).map_or(0, scale);
        let rating = rating_on(plan, session, &symptom.id, day);
        // Half-cell steps for the bar: twice the rows.
        let half = rating
            .map(|r| (f64::from(r) * f64::from(rows) * 2.0 / f64::from(MAX_RATING)).round() as u16);
        let expected = expected_on(plan, symptom, day).unwrap_or(0.0);
        let bar_style = match rating {
            _ if alerts.contains(&(day, symptom.id.clone())) => theme::CHART_BAR_ALERT,
            Some(r) if f64::from(r) >= expected + 2.0 => theme::CHART_BAR_HIGH,
            _ => theme::CHART_BAR,
        };
        let band_cells = columns.width.saturating_sub(1).max(1);
        let (bar_from, bar_to) = if columns.width >= 4 {
            (1, columns.width - 2)
        } else {
            (0, band_cells)
        };
        for cell in 0..band_cells {
            let x = x0 + cell;
            if x >= area.right() {
                break;
            }
            let in_bar = cell >= bar_from && cell < bar_to;
            for r in 0..rows {
                let y = area.bottom() - 1 - r;
                let (symbol, look): (&str, Style) = match half {
                    Some(h) if in_bar && h >= 2 * r + 2 => ("█", bar_style),
                    Some(h) if in_bar && h == 2 * r + 1 => ("▄", bar_style),
                    Some(0) if in_bar && r == 0 => ("▁", bar_style),
                    _ if r < band => ("░", theme::CHART_BAND),
                    _ => continue,
                };
                buf.set_string(x, y, symbol, look);
            }
        }
    }
}

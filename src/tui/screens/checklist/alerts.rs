//! The alert box: what the day's check-in set off, in red near the top of the checklist, with
//! the sources the plan cites for it. The most urgent alert comes first and names the box
//! ("EMERGENCY — call emergency services now", "Call your clinic today"), in the words and
//! style the warning signs use.

use super::notes::tier_words;
use crate::journal::AlertLine;
use crate::rules::{Provider, Urgency};
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

const MARK: &str = "⚠ ";
const BOX_TITLE: &str = " Check-in alert: ";
/// The box's title while another day is viewed and it holds today's alerts (a looked-back
/// day's own are named by their day: "Day 4: Rated severe: redness").
const BOX_TITLE_TODAY: &str = " Today's check-in alert: ";
/// From this height each alert also lists its sources; below it the message, which says what
/// to do, gets the room (the sources are in `aftercare today`).
const ROOMY_HEIGHT: u16 = 30;
/// Lines for "⚠ Title — message": enough for any alert's whole text. Where the box gets
/// fewer rows, its last row says so and `s` opens every alert whole (the notes panel).
const MESSAGE_LINES: usize = 8;
/// After the tier's words when every alert of that tier is carried from an
/// earlier day (`AlertLine::rated_on`).
const CARRIED_HEADING: &str = " if it is still so";
/// The last row of a box too short for its alerts.
const FOLDED: &str = "▸ More of this alert: press s to read it all";

/// The viewed day's alerts, on a terminal `height` rows tall.
pub struct Alerts<'a> {
    pub alerts: &'a [AlertLine],
    pub height: u16,
    pub provider: Option<&'a Provider>,
    /// The day viewed when it is not today (`None` on today): the title then says whose
    /// alerts the box holds, today's or only that day's.
    pub other_day: Option<i64>,
    /// How many of `alerts`, from the first, are today's (`Context::alerts_of_today`).
    pub of_today: usize,
}

impl Alerts<'_> {
    /// " Check-in alert: " on today; on another day " Today's check-in alert: " while any
    /// alert is today's, else " Day 8 check-in alert: " (all are that day's own, each
    /// titled "Day 8: …" by the context).
    fn box_title(&self) -> String {
        match self.other_day {
            None => BOX_TITLE.to_string(),
            Some(day) if self.of_today == 0 => format!(" Day {day} check-in alert: "),
            Some(_) => BOX_TITLE_TODAY.to_string(),
        }
    }
}

/// Rows the box wants on a terminal of `size` (0 when there is nothing to show).
pub fn rows_wanted(alerts: &[AlertLine], size: Size) -> u16 {
    if alerts.is_empty() {
        return 0;
    }
    let width = usize::from(size.width.saturating_sub(4));
    let rows: usize = alerts
        .iter()
        .map(|a| {
            message_lines(a, width).len()
                + usize::from(shows_sources(size.height) && !a.sources.is_empty())
        })
        .sum();
    u16::try_from(rows + 2).unwrap_or(u16::MAX)
}

/// "⚠ Title — message", wrapped whole.
fn message_lines(alert: &AlertLine, width: usize) -> Vec<String> {
    let text = format!("{MARK}{} — {}", alert.title, alert.message);
    // Two columns narrower, so a continuation line can sit under the title, past the mark.
    text::wrap(&text, width.saturating_sub(2), MESSAGE_LINES)
}

fn shows_sources(height: u16) -> bool {
    height >= ROOMY_HEIGHT
}

impl Widget for Alerts<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 3 || self.alerts.is_empty() {
            return;
        }
        let mut alerts: Vec<&AlertLine> = self.alerts.iter().collect();
        alerts.sort_by_key(|a| a.urgency);
        let most = alerts.first().map_or(Urgency::Call, |a| a.urgency);
        let mut title = vec![Span::styled(self.box_title(), theme::ALERT_TITLE)];
        title.extend(tier_words(most, self.provider));
        // A severe rating carried from an earlier day asks for the call only if it is still
        // so; the heading said "Call your clinic today" over a message that began "If".
        // So does a day looked back on whose own alerts alone are in the box: "Call your
        // clinic today" read on Day 4 over Day 3's swelling read as now, whatever it is now.
        let looked_back = self.other_day.is_some() && self.of_today == 0;
        let carried = looked_back
            || alerts
                .iter()
                .filter(|a| a.urgency == most)
                .all(|a| a.rated_on.is_some());
        if carried {
            title.push(Span::styled(CARRIED_HEADING, theme::CALL_TAG));
        }
        title.push(Span::raw(" "));
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(theme::ALERT_BORDER)
            .title(Line::from(title));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width.saturating_sub(2));
        let mut lines = Vec::new();
        for alert in alerts {
            let title_look = match alert.urgency {
                Urgency::Emergency => theme::EMERGENCY,
                Urgency::Call => theme::ALERT_TITLE,
                Urgency::Mention => theme::MENTION,
            };
            for (i, line) in message_lines(alert, width).into_iter().enumerate() {
                // The title part of the first line stands out; the message reads on.
                let split = if i == 0 {
                    line.find(" — ").unwrap_or(line.len())
                } else {
                    0
                };
                lines.push(Line::from(vec![
                    Span::raw(if i == 0 { " " } else { "   " }),
                    Span::styled(line[..split].to_string(), title_look),
                    Span::styled(line[split..].to_string(), theme::ALERT_TEXT),
                ]));
            }
            // An alert of the app's own (a severe rating) has no sources: no empty label.
            if !shows_sources(self.height) || alert.sources.is_empty() {
                continue;
            }
            let titles: Vec<&str> = alert.sources.iter().map(|s| s.title.as_str()).collect();
            let sources = format!("Sources: {}", titles.join("; "));
            lines.push(Line::from(vec![
                Span::raw("   "),
                Span::styled(
                    text::truncate(&sources, width.saturating_sub(2)),
                    theme::MUTED,
                ),
            ]));
        }
        // Never cut silently: the last row that fits says the rest is behind `s`.
        let rows = usize::from(inner.height);
        if lines.len() > rows && rows > 0 {
            lines.truncate(rows - 1);
            lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(text::truncate(FOLDED, width), theme::FOLD),
            ]));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

/// Every alert whole, most urgent first, with its sources: for the panel `s` opens.
pub fn full_lines(alerts: &[AlertLine], width: usize) -> Vec<Line<'static>> {
    let mut alerts: Vec<&AlertLine> = alerts.iter().collect();
    alerts.sort_by_key(|a| a.urgency);
    let mut lines = Vec::new();
    for alert in alerts {
        let look = match alert.urgency {
            Urgency::Emergency => theme::EMERGENCY,
            Urgency::Call => theme::ALERT_TITLE,
            Urgency::Mention => theme::MENTION,
        };
        // Wrapped whole: a carried alert's title says when it was rated at its end ("…,
        // rated today at 08:30"), which a cut line had lost.
        for l in crate::wrapping::wrap_lines(&alert.title, width, MARK, "  ") {
            lines.push(Line::styled(l, look));
        }
        for l in text::wrap(&alert.message, width.saturating_sub(2), MESSAGE_LINES) {
            lines.push(Line::styled(format!("  {l}"), theme::ALERT_TEXT));
        }
        let titles: Vec<&str> = alert.sources.iter().map(|s| s.title.as_str()).collect();
        if !titles.is_empty() {
            let sources = format!("Sources: {}", titles.join("; "));
            for l in text::wrap(&sources, width.saturating_sub(2), 6) {
                lines.push(Line::styled(format!("  {l}"), theme::MUTED));
            }
        }
    }
    lines
}

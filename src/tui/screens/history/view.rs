//! The history of a series: each treatment in a column, side by side: when it was, how much of
//! its plan was done, and the peak and latest rating of each symptom.

use crate::rules::Symptom;
use crate::series::{Reading, SessionSummary};
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row as TableRow, Table, Widget};

const LABEL_WIDTH: u16 = 22;
/// A row's label wraps onto at most this many lines.
const MAX_LABEL_LINES: usize = 3;
/// Room for "20 Nov 2026 14:00" and two spaces before the next column.
const MIN_COLUMN: u16 = 19;
const MAX_COLUMN: u16 = 28;
const FOOTNOTE: &str = "Tasks done: of the tasks due from Day 1 up to today (or up to the next \
                        treatment); a task to do once counts once. Symptoms: the highest rating, \
                        then the latest, with their days (D3 = Day 3).";

/// The summaries of a series' treatments, which one is looked at (1-based), and the
/// plan's symptoms.
pub struct HistoryView<'a> {
    pub sessions: &'a [SessionSummary],
    /// The newest note of each treatment, by index (number - 1), inert and with its day.
    pub latest_notes: &'a [Option<String>],
    pub viewed: usize,
    pub symptoms: &'a [Symptom],
}

impl Widget for HistoryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (all, viewed) = (self.sessions, self.viewed);
        let room = area.width.saturating_sub(LABEL_WIDTH + 1);
        let fit = usize::from((room / MIN_COLUMN).max(1));
        // Too many to show: the ones up to the viewed treatment.
        let start = viewed
            .saturating_sub(fit)
            .min(all.len().saturating_sub(fit));
        let shown = &all[start..(start + fit).min(all.len())];
        let count = u16::try_from(shown.len().max(1)).unwrap_or(1);
        let column = (room / count).clamp(MIN_COLUMN.min(room), MAX_COLUMN);
        let mut rows: Vec<(String, Vec<(String, Style)>)> = Vec::new();
        let mut row = |label: &str, cell: &dyn Fn(&SessionSummary) -> (String, Style)| {
            rows.push((label.to_string(), shown.iter().map(cell).collect()));
        };
        row("", &|s| {
            let look = if s.number == viewed {
                theme::TITLE_DAY
            } else {
                theme::EMPHASIS
            };
            (format!(" Session {} ", s.number), look)
        });
        // Date and time: two treatments of one day (a time recorded twice) must not look
        // alike; the weekday where there is room.
        let when = if column >= 23 {
            crate::dates::moment
        } else {
            crate::dates::compact_moment
        };
        row("Treatment", &|s| (when(s.treatment), theme::SUMMARY));
        row("Days", &|s| {
            let until = if s.complete || s.followed_by_next {
                ""
            } else {
                " so far"
            };
            (
                format!("1–{}{until}", s.recorded_to_day.max(1)),
                theme::SUMMARY,
            )
        });
        let bar_width = usize::from(column).saturating_sub(7).min(12);
        row("Tasks done", &|s| match s.adherence_percent {
            Some(p) => {
                let filled = bar_width * usize::try_from(p).unwrap_or(100) / 100;
                let bar = format!("{}{}", "━".repeat(filled), "─".repeat(bar_width - filled));
                (format!("{p:>3}% {bar}"), theme::EMPHASIS)
            }
            None => ("nothing due yet".into(), theme::MUTED),
        });
        row("Longest full streak", &|s| {
            let days = if s.best_streak == 1 { "day" } else { "days" };
            (format!("{} {days}", s.best_streak), theme::SUMMARY)
        });
        row("Check-ins", &|s| match s.alert_days {
            0 => (s.checkins.to_string(), theme::SUMMARY),
            n => (format!("{}  ⚠ {n} with alerts", s.checkins), theme::WARNING),
        });
        let note_of = |s: &SessionSummary| self.latest_notes.get(s.number - 1).cloned().flatten();
        if shown.iter().any(|s| note_of(s).is_some()) {
            row("Latest note", &|s| match note_of(s) {
                Some(note) => (note, theme::DETAIL),
                None => ("–".into(), theme::MUTED),
            });
        }
        row("", &|_| (String::new(), theme::SUMMARY));
        row("Peak → latest", &|_| (String::new(), theme::SUMMARY));
        for (i, symptom) in self.symptoms.iter().enumerate() {
            row(&symptom.title, &|s| {
                let m = s.symptoms.get(i);
                (
                    cell(m.and_then(|m| m.peak), m.and_then(|m| m.last)),
                    theme::SUMMARY,
                )
            });
        }
        let label_room = usize::from(LABEL_WIDTH) - 2;
        let cell_room = usize::from(column).saturating_sub(1);
        // A label too long for its column wraps at words onto more lines of its row, the
        // later ones indented: a symptom's name is never cut mid-word.
        let label_lines = |label: &str| -> Vec<Line<'static>> {
            let lines = match text::width(label) <= label_room {
                true => vec![label.to_string()],
                false => text::wrap(label, label_room.saturating_sub(2), MAX_LABEL_LINES),
            };
            lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let indent = if i == 0 { " " } else { "   " };
                    Line::styled(format!("{indent}{l}"), theme::MUTED)
                })
                .collect()
        };
        let mut grid_rows: u16 = 0;
        let table_rows: Vec<TableRow> = rows
            .into_iter()
            .map(|(label, cells)| {
                let label = label_lines(&label);
                let height = u16::try_from(label.len().max(1)).unwrap_or(1);
                grid_rows = grid_rows.saturating_add(height);
                let cells = cells.into_iter().map(|(content, look)| {
                    Cell::from(Span::styled(text::truncate(&content, cell_room), look))
                });
                TableRow::new(std::iter::once(Cell::from(label)).chain(cells)).height(height)
            })
            .collect();
        let widths = std::iter::once(Length(LABEL_WIDTH))
            .chain(std::iter::repeat_n(Length(column), shown.len()));
        let [grid, _, notes_area] =
            area.layout(&Layout::vertical([Length(grid_rows), Length(1), Fill(1)]));
        Table::new(table_rows, widths)
            .column_spacing(0)
            .render(grid, buf);
        let hidden = all.len() - shown.len();
        let mut notes = Vec::new();
        if all.len() == 1 {
            notes.push(
                "Your next treatment gets a column of its own: on the day, record it with \
                 `aftercare start --next`."
                    .to_string(),
            );
        }
        if hidden > 0 {
            notes.push(format!("{hidden} more: [ and ] move between treatments."));
        }
        notes.push(FOOTNOTE.to_string());
        let width = usize::from(area.width.saturating_sub(2));
        let lines: Vec<Line> = notes
            .iter()
            .flat_map(|note| text::wrap(note, width, 3))
            .map(|line| Line::from(vec![Span::raw(" "), Span::styled(line, theme::MUTED)]))
            .collect();
        Paragraph::new(lines).render(notes_area, buf);
    }
}

/// "4 D1 → 1 D9", the peak and the latest reading.
fn cell(peak: Option<Reading>, last: Option<Reading>) -> String {
    match (peak, last) {
        (Some(p), Some(l)) if p == l => format!("{} D{}", p.rating, p.day),
        (Some(p), Some(l)) => format!("{} D{} → {} D{}", p.rating, p.day, l.rating, l.day),
        _ => "–".into(),
    }
}

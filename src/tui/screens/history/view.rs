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

/// The label column is at least this wide (a space before, the widest built-in label,
/// "Longest full streak", and a gap), and as wide as its longest label when there is room.
const LABEL_WIDTH: u16 = 22;
/// The label column is never narrower than this: on the narrowest terminal (40 columns) a
/// treatment's date and time keep their room and labels are cut instead.
const LABEL_MIN: u16 = 12;
/// The rows' labels, besides the symptoms' titles.
const TREATMENT: &str = "Treatment";
const DAYS: &str = "Days";
const TASKS_DONE: &str = "Tasks done";
const STREAK: &str = "Longest full streak";
const CHECK_INS: &str = "Check-ins";
const LATEST_NOTE: &str = "Latest note";
const PEAK_LATEST: &str = "Peak → latest";
const LABELS: [&str; 7] = [
    TREATMENT,
    DAYS,
    TASKS_DONE,
    STREAK,
    CHECK_INS,
    LATEST_NOTE,
    PEAK_LATEST,
];
/// Room for "20 Nov 2026 14:00" and two spaces before the next column.
const MIN_COLUMN: u16 = 19;
const MAX_COLUMN: u16 = 28;
/// How to read the cells; the symptoms first, since "5 D4 → 1 D8" needs it most.
const FOOTNOTE: &str = "Symptoms: the highest rating, then the latest, with their days \
                        (D3 = Day 3). Tasks done: of the tasks due from Day 1 up to today (or up \
                        to the next treatment); a task to do once counts once.";

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
        let label_width = label_width(self.symptoms, area.width);
        let room = area.width.saturating_sub(label_width + 1);
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
        row(TREATMENT, &|s| (when(s.treatment), theme::SUMMARY));
        row(DAYS, &|s| (s.days_words(), theme::SUMMARY));
        let bar_width = usize::from(column).saturating_sub(7).min(12);
        row(TASKS_DONE, &|s| match s.adherence_percent {
            Some(p) => {
                let filled = bar_width * usize::try_from(p).unwrap_or(100) / 100;
                let bar = format!("{}{}", "━".repeat(filled), "─".repeat(bar_width - filled));
                (format!("{p:>3}% {bar}"), theme::EMPHASIS)
            }
            None => ("nothing due yet".into(), theme::MUTED),
        });
        row(STREAK, &|s| {
            let days = if s.best_streak == 1 { "day" } else { "days" };
            (format!("{} {days}", s.best_streak), theme::SUMMARY)
        });
        row(CHECK_INS, &|s| match s.alert_days {
            0 => (s.checkins.to_string(), theme::SUMMARY),
            n => (format!("{}  ⚠ {n} with alerts", s.checkins), theme::WARNING),
        });
        let note_of = |s: &SessionSummary| self.latest_notes.get(s.number - 1).cloned().flatten();
        if shown.iter().any(|s| note_of(s).is_some()) {
            row(LATEST_NOTE, &|s| match note_of(s) {
                Some(note) => (note, theme::DETAIL),
                None => ("–".into(), theme::MUTED),
            });
        }
        row("", &|_| (String::new(), theme::SUMMARY));
        row(PEAK_LATEST, &|_| (String::new(), theme::SUMMARY));
        for (i, symptom) in self.symptoms.iter().enumerate() {
            row(&symptom.title, &|s| {
                let m = s.symptoms.get(i);
                (
                    cell(m.and_then(|m| m.peak), m.and_then(|m| m.last)),
                    theme::SUMMARY,
                )
            });
        }
        // A label keeps to one row: one longer than the column (only where a terminal is
        // too narrow for it) is cut with "…", every one the same way, never wrapped into
        // the rows of the next.
        let label_room = usize::from(label_width).saturating_sub(2);
        let cell_room = usize::from(column).saturating_sub(1);
        let grid_rows = u16::try_from(rows.len()).unwrap_or(u16::MAX);
        let table_rows: Vec<TableRow> = rows
            .into_iter()
            .map(|(label, cells)| {
                let label = Line::styled(
                    format!(" {}", text::truncate(&label, label_room)),
                    theme::MUTED,
                );
                let cells = cells.into_iter().map(|(content, look)| {
                    Cell::from(Span::styled(text::truncate(&content, cell_room), look))
                });
                TableRow::new(std::iter::once(Cell::from(label)).chain(cells))
            })
            .collect();
        let widths = std::iter::once(Length(label_width))
            .chain(std::iter::repeat_n(Length(column), shown.len()));
        // Rows that do not fit give the last one to a line that says how many are cut.
        let cut = grid_rows.saturating_sub(area.height);
        let cut = match cut {
            0 => 0,
            n => n + 1,
        };
        let [grid, fold, _, notes_area] = area.layout(&Layout::vertical([
            Length(grid_rows - cut.min(grid_rows)),
            Length(u16::from(cut > 0)),
            Length(1),
            Fill(1),
        ]));
        Table::new(table_rows, widths)
            .column_spacing(0)
            .render(grid, buf);
        let hidden = all.len() - shown.len();
        if cut > 0 {
            let rows = if cut == 1 { "row" } else { "rows" };
            // No room for the notes under the table either: the treatments not shown are
            // said here, with their keys.
            let words = match hidden {
                0 => format!("↓ {cut} more {rows}: make the window taller"),
                n => format!("↓ {cut} more {rows} · [ ] {n} more treatment{}", plural(n)),
            };
            Line::styled(
                format!(" {}", text::truncate(&words, usize::from(area.width) - 2)),
                theme::FOLD,
            )
            .render(fold, buf);
        }
        // What is needed to read the columns comes first: the treatments not shown, how to
        // read the cells; the tip for the next treatment last.
        let mut notes = Vec::new();
        if hidden > 0 {
            notes.push(format!("{hidden} more: [ and ] move between treatments."));
        }
        notes.push(FOOTNOTE.to_string());
        if all.len() == 1 {
            notes.push(
                "Your next treatment gets a column of its own: once it is booked, record its \
                 date with `aftercare start --next --at \"YYYY-MM-DD HH:MM\"`, and the week \
                 before it the checklist shows how to prepare."
                    .to_string(),
            );
        }
        let width = usize::from(area.width.saturating_sub(2));
        let mut lines: Vec<String> = notes
            .iter()
            .flat_map(|note| text::wrap(note, width, 3))
            .collect();
        // Words cut for want of rows end in "…", not mid-sentence as if that were all.
        let room = usize::from(notes_area.height);
        if lines.len() > room && room > 0 {
            lines.truncate(room);
            if let Some(last) = lines.last_mut() {
                let kept = text::truncate(last, width.saturating_sub(1));
                *last = format!("{}…", kept.trim_end_matches('…').trim_end());
            }
        }
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| Line::from(vec![Span::raw(" "), Span::styled(line, theme::MUTED)]))
            .collect();
        Paragraph::new(lines).render(notes_area, buf);
    }
}

/// The label column's width on a terminal `width` cells wide: the longest label, a space
/// before it and a gap after (at least `LABEL_WIDTH`), but never so wide that a treatment's
/// column (`MIN_COLUMN`) would not fit beside it (nor narrower than `LABEL_MIN`).
fn label_width(symptoms: &[Symptom], width: u16) -> u16 {
    let longest = LABELS
        .into_iter()
        .chain(symptoms.iter().map(|s| s.title.as_str()))
        .map(text::width)
        .max()
        .unwrap_or(0);
    let wanted = u16::try_from(longest + 2)
        .unwrap_or(u16::MAX)
        .max(LABEL_WIDTH);
    wanted
        .min(width.saturating_sub(MIN_COLUMN + 1))
        .max(LABEL_MIN)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "4 D1 → 1 D9", the peak and the latest reading.
fn cell(peak: Option<Reading>, last: Option<Reading>) -> String {
    match (peak, last) {
        (Some(p), Some(l)) if p == l => format!("{} D{}", p.rating, p.day),
        (Some(p), Some(l)) => format!("{} D{} → {} D{}", p.rating, p.day, l.rating, l.day),
        _ => "–".into(),
    }
}

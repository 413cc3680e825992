//! What is normal on the day, and the signs to call the provider about. Beside the list
//! there is room for the details; under it, each note gets one line.

use crate::checklist::NoteLine;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

const PHASES_TITLE: &str = " Normal now ";
const WARNINGS_TITLE: &str = " Call your provider if ";
const PHASE_MARK: &str = "• ";
/// Marks a warning sign without relying on colour.
const WARNING_MARK: &str = "! ";
/// Always true, so the warnings list is never empty.
const ANY_WORRY: &str = "anything worries you";
/// The most lines of detail a note gets beside the checklist.
const MAX_DETAILS: usize = 3;

/// The day's phases and warning signs; beside the list (`side_by_side`) with their details.
pub struct Notes<'a> {
    pub phases: &'a [NoteLine],
    pub warnings: &'a [NoteLine],
    pub side_by_side: bool,
}

/// One section's look.
struct Section<'a> {
    title: &'static str,
    title_style: Style,
    mark: &'static str,
    item_style: Style,
    notes: &'a [NoteLine],
    empty: &'static str,
}

impl Widget for Notes<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 {
            return;
        }
        let phases = Section {
            title: PHASES_TITLE,
            title_style: theme::SECTION,
            mark: PHASE_MARK,
            item_style: theme::PHASE,
            notes: self.phases,
            empty: "nothing in particular",
        };
        let warnings = Section {
            title: WARNINGS_TITLE,
            title_style: theme::WARNING_SECTION,
            mark: WARNING_MARK,
            item_style: theme::WARNING,
            notes: self.warnings,
            empty: ANY_WORRY,
        };
        if self.side_by_side {
            render_column(&phases, &warnings, area, buf);
        } else {
            let [left, right] = area.layout(&Layout::horizontal([Fill(1), Fill(1)]).spacing(1));
            render_section(&phases, 0, left, buf);
            render_section(&warnings, 0, right, buf);
        }
    }
}

/// Both sections one above the other, with as many lines of detail as fit (warnings first
/// in the sharing: they are the ones that matter).
fn render_column(phases: &Section, warnings: &Section, area: Rect, buf: &mut Buffer) {
    let rows = usize::from(area.height);
    let width = usize::from(area.width).saturating_sub(4);
    // Each note's text is wrapped once; how many of its lines show is then only a minimum.
    let (phase_lines, warning_lines) = (detail_lines(phases, width), detail_lines(warnings, width));
    let details = (0..=MAX_DETAILS)
        .rev()
        .find(|&d| section_rows(&phase_lines, d) + 1 + section_rows(&warning_lines, d) <= rows)
        .unwrap_or(0);
    let warning_rows = section_rows(&warning_lines, details).min(rows);
    let phase_rows = section_rows(&phase_lines, details).min(rows.saturating_sub(warning_rows + 1));
    let as_rows = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    let [top, _, bottom, _] = area.layout(&Layout::vertical([
        Length(as_rows(phase_rows)),
        Length(u16::from(rows > warning_rows)),
        Length(as_rows(warning_rows)),
        Fill(1),
    ]));
    render_section(phases, details, top, buf);
    render_section(warnings, details, bottom, buf);
}

/// How many lines of detail each note of a section has at `width`, up to `MAX_DETAILS`.
fn detail_lines(section: &Section, width: usize) -> Vec<usize> {
    section
        .notes
        .iter()
        .map(|n| text::wrap(&n.detail, width, MAX_DETAILS).len())
        .collect()
}

/// Rows a section takes with up to `details` lines of detail under each note, given each
/// note's lines from `detail_lines`.
fn section_rows(detail_lines: &[usize], details: usize) -> usize {
    let notes: usize = detail_lines.iter().map(|&n| 1 + n.min(details)).sum();
    1 + notes.max(1)
}

fn render_section(section: &Section, details: usize, area: Rect, buf: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme::RULE)
        .title(Span::styled(section.title, section.title_style));
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    for note in section.notes {
        let title = text::truncate(&note.title, width.saturating_sub(3));
        lines.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(section.mark, section.item_style),
            Span::styled(title, section.item_style),
        ]));
        for detail in text::wrap(&note.detail, width.saturating_sub(4), details) {
            lines.push(Line::from(vec![
                Span::raw("   "),
                Span::styled(detail, theme::DETAIL),
            ]));
        }
    }
    if section.notes.is_empty() {
        lines.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(section.mark, section.item_style),
            Span::styled(section.empty, theme::MUTED),
        ]));
    }
    let rows = usize::from(inner.height);
    if lines.len() > rows && rows > 0 {
        // Say what did not fit rather than cut a list of symptoms silently.
        let hidden = section.notes.len() - count_titles_in(&lines[..rows - 1], section.notes.len());
        lines.truncate(rows - 1);
        lines.push(Line::styled(format!("   +{hidden} more"), theme::MUTED));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// How many of the rendered lines are note titles (the rest are details).
fn count_titles_in(lines: &[Line], max: usize) -> usize {
    lines
        .iter()
        .filter(|l| l.spans.first().is_none_or(|s| s.content != "   "))
        .count()
        .min(max)
}

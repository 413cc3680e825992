//! "Why this task?": a popup with everything the plan says about the selected task (or
//! timeline row): for a warning sign how soon to act and whom to call, the window, how often,
//! the full rationale, and each source cited with its kind and the plan's remark on it.

use super::{Citation, Why, length_label};
use crate::export::{end_words, moment_words};
use crate::rules::SourceKind;
use crate::tui::plan_item::Section;
use crate::tui::widgets::clinic::urgency_lines;
use crate::tui::widgets::popup::Popup;
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

const MAX_WIDTH: u16 = 72;
/// A long rationale gets at most this many lines, a citation or a remark on it this many.
const MAX_TEXT_LINES: usize = 12;
const MAX_SOURCE_LINES: usize = 4;
/// How a citation's lines after the first are indented, under its bullet.
const HANGING: &str = "  ";

impl Why {
    /// Draws the popup centred over `area`, scrolled to its `top` line.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let width = popup_width(area);
        let title = text::truncate(&self.title, usize::from(width.saturating_sub(6)));
        Popup {
            title: format!(" {title} "),
            width,
            lines: self.lines(area),
            closes_on_any_key: true,
        }
        .render_scrolled(self.top, area, buf);
    }

    /// The popup's lines in `area`, wrapped to the popup's width.
    pub fn lines(&self, area: Rect) -> Vec<Line<'static>> {
        let width = usize::from(popup_width(area).saturating_sub(4));
        let wrapped = |text: &str, lines: usize| text::wrap(text, width, lines);
        let mut lines = Vec::new();
        match self.urgency {
            Some(urgency) => {
                lines.push(Line::styled("Warning sign", theme::WARNING_SECTION));
                lines.extend(urgency_lines(urgency, self.provider.as_ref(), width));
            }
            None => lines.push(Line::styled(self.section.title(), theme::EMPHASIS)),
        }
        let window = format!(
            "{} {} until {} ({})",
            if self.section == Section::Warning {
                "Watch for it from"
            } else if self.offered.is_some() {
                "Your next session: from"
            } else {
                "From"
            },
            moment_words(self.starts),
            end_words(self.ends),
            length_label(self.hours)
        );
        lines.extend(
            wrapped(&window, 2)
                .into_iter()
                .map(|l| Line::styled(l, theme::WHEN)),
        );
        if let Some(offered) = self.offered {
            // The window above is the next session's; the task is on the list, and can be
            // ticked, from this day (`check` says the same days).
            let ahead = (self.starts.date_naive() - offered).num_days();
            let s = if ahead == 1 { "" } else { "s" };
            let words = format!(
                "On your list from {} ({ahead} day{s} ahead), to tick once done",
                crate::dates::long_date(offered)
            );
            lines.extend(
                wrapped(&words, 2)
                    .into_iter()
                    .map(|l| Line::styled(l, theme::WHEN)),
            );
        }
        if let Some(repeat) = self.repeat {
            lines.push(Line::styled(repeat, theme::WHEN));
        }
        if !self.text.is_empty() {
            lines.push(Line::raw(""));
            lines.extend(
                wrapped(&self.text, MAX_TEXT_LINES)
                    .into_iter()
                    .map(Line::raw),
            );
        }
        if !self.sources.is_empty() {
            lines.push(Line::raw(""));
            let heading = if self.sources.len() == 1 {
                "Source"
            } else {
                "Sources"
            };
            lines.push(Line::styled(heading, theme::SECTION));
            for source in &self.sources {
                lines.extend(citation_lines(source, width));
            }
        }
        lines
    }
}

/// "• Chu S, Foulad DP. Safety Profile … https://doi.org/…", then, indented, its kind and
/// the plan's remark on it: "Clinical literature · Reviewed by …".
fn citation_lines(source: &Citation, width: usize) -> Vec<Line<'static>> {
    let room = width.saturating_sub(HANGING.len());
    let text = split_long_words(&source.text, room);
    let mut lines: Vec<Line> = text::wrap(&text, room, MAX_SOURCE_LINES)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { "• " } else { HANGING };
            Line::from(vec![Span::styled(lead, theme::MUTED), Span::raw(l)])
        })
        .collect();
    let kind = source.kind.map(|k| match k {
        SourceKind::Clinical => "Clinical literature",
        SourceKind::Article => "Article",
    });
    let about = [kind, source.note.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    lines.extend(
        text::wrap(&about, room, MAX_SOURCE_LINES)
            .into_iter()
            .map(|l| Line::styled(format!("{HANGING}{l}"), theme::DETAIL)),
    );
    lines
}

/// `text` with each word wider than `max` cells (an address, mostly) split into pieces that
/// fit, so a wrapped citation shows a long address whole, over two lines, instead of cut.
fn split_long_words(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut used = 0;
        for c in word.chars() {
            let w = text::width(c.encode_utf8(&mut [0; 4]));
            if used + w > max && used > 0 {
                out.push(' ');
                used = 0;
            }
            out.push(c);
            used += w;
        }
    }
    out
}

fn popup_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(MAX_WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_address_is_split_to_fit_not_cut() {
        assert_eq!(
            split_long_words("See https://example.org/a/b/c now", 10),
            "See https://ex ample.org/ a/b/c now"
        );
        assert_eq!(split_long_words("short words stay", 10), "short words stay");
    }
}

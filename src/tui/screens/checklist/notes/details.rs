//! The notes with their details: every group and note a line each (wrapped), and how many
//! lines of detail each note gets out of the rows to spare.

use super::flow::{Piece, flow, piece};
use super::{MAX_DETAILS, NoteRow, Notes};
use crate::tui::{text, theme};
use ratatui::text::{Line, Span};

impl Notes<'_> {
    /// Every group with its notes a line each (wrapped if long), each with up to `details`
    /// lines of detail.
    pub(super) fn detailed(&self, width: usize, details: usize) -> Vec<NoteRow> {
        self.detailed_by(width, &mut |_| details)
    }

    /// `detailed`, with as many lines of detail for each note, in order, as `details` gives
    /// it when asked with the note's detail in lines.
    pub(super) fn detailed_by(
        &self,
        width: usize,
        details: &mut dyn FnMut(usize) -> usize,
    ) -> Vec<NoteRow> {
        let mut rows = Vec::new();
        let lines = |rows: &mut Vec<NoteRow>, lines: Vec<Line<'static>>, names: usize| {
            let last = lines.len().saturating_sub(1);
            rows.extend(lines.into_iter().enumerate().map(|(i, line)| NoteRow {
                line,
                names: if i == last { names } else { 0 },
            }));
        };
        for group in self.groups() {
            let head: Vec<Piece> = group
                .head
                .iter()
                .map(|s| piece(s.content.to_string(), s.style, true))
                .collect();
            lines(&mut rows, flow(&head, width, " ", "  "), 0);
            if group.notes.is_empty() {
                let empty = [
                    piece(group.mark, group.style, false),
                    piece(group.empty_words(), theme::MUTED, true),
                ];
                lines(&mut rows, flow(&empty, width, "  ", "    "), 0);
            }
            for note in &group.notes {
                let title = [
                    piece(group.mark, group.style, false),
                    piece(note.title.clone(), group.style, true),
                ];
                lines(&mut rows, flow(&title, width, "  ", "    "), 1);
                let all = text::wrap(&note.detail, width.saturating_sub(5), usize::MAX).len();
                let detail = text::wrap(&note.detail, width.saturating_sub(5), details(all));
                lines(
                    &mut rows,
                    detail
                        .into_iter()
                        .map(|d| {
                            Line::from(vec![Span::raw("    "), Span::styled(d, theme::DETAIL)])
                        })
                        .collect(),
                    0,
                );
            }
        }
        rows
    }

    /// Each note's detail in lines at `width`, in the order they are drawn.
    pub(super) fn detail_wants(&self, width: usize) -> Vec<usize> {
        let mut wants = Vec::new();
        self.detailed_by(width, &mut |lines| {
            wants.push(lines);
            0
        });
        wants
    }

    /// Every line of every note, details whole, at `width`: what `s` shows.
    pub fn all_lines(&self, width: usize) -> Vec<Line<'static>> {
        self.detailed(width, usize::MAX)
            .into_iter()
            .map(|r| r.line)
            .collect()
    }
}

/// Lines of detail for each note wanting `wants` lines, out of `spare`: up to
/// `MAX_DETAILS` each, most urgent first, then each note's detail whole, most urgent first,
/// where the rest of it fits (at 120x40 every sign was cut after three lines with rows to
/// spare). A detail still cut is said by the heading's "s: all".
pub(super) fn detail_lines(wants: &[usize], spare: usize) -> Vec<usize> {
    let mut left = spare;
    let mut gives: Vec<usize> = wants
        .iter()
        .map(|&want| {
            let give = want.min(MAX_DETAILS).min(left);
            left -= give;
            give
        })
        .collect();
    for (give, &want) in gives.iter_mut().zip(wants) {
        let more = want - *give;
        if more > 0 && more <= left {
            *give = want;
            left -= more;
        }
    }
    gives
}

#[cfg(test)]
mod tests {
    use super::detail_lines;

    #[test]
    fn details_get_three_lines_each_then_whole_where_the_rest_fits() {
        // Too few rows: three each, most urgent first, then what is left.
        assert_eq!(detail_lines(&[5, 4, 2], 7), [3, 3, 1]);
        // Three each leave 4 rows: the first whole (2 more), the second whole (1 more).
        assert_eq!(detail_lines(&[5, 4, 2], 12), [5, 4, 2]);
        // Left 2: the first would need 3 more and stays cut; the second's 1 more fits.
        assert_eq!(detail_lines(&[6, 4, 1], 9), [3, 4, 1]);
        assert_eq!(detail_lines(&[], 9), Vec::<usize>::new());
    }
}

//! Drawing a line of text into the buffer, cheaply when the text is plain.
//!
//! ratatui's `Line::render` splits text into grapheme clusters and measures each one, which
//! took about 400 instructions a cell and a third of every frame (callgrind, built-in plan
//! at 120x40). Almost everything on these screens is plain text — printable ASCII, Latin-1,
//! dashes, arrows, box drawing — where every character is a cluster of its own, one cell
//! wide. `paint` writes such lines cell by cell and hands anything else (emoji, CJK,
//! combining marks, and centred or right-aligned lines too wide for their row) to ratatui,
//! so the screen is the same either way; the tests below compare the two for every
//! character taken as plain.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Characters that form a grapheme cluster of their own and take exactly one cell: never
/// combining, joining, zero-width, wide, emoji-presentation or control characters.
const PLAIN: &[(char, char)] = &[
    ('\u{20}', '\u{7e}'),
    ('\u{a0}', '\u{ac}'),
    // U+AD, the soft hyphen, is a format character.
    ('\u{ae}', '\u{ff}'),
    ('\u{2010}', '\u{2027}'),
    ('\u{2030}', '\u{205e}'),
    ('\u{2190}', '\u{21ff}'),
    ('\u{2500}', '\u{25fc}'),
    ('\u{2713}', '\u{2713}'),
    ('\u{2715}', '\u{2715}'),
];

/// Whether `c` is drawn one cell wide, as a cluster of its own.
fn is_plain(c: char) -> bool {
    // Most text is ASCII: answer it before searching the table.
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    PLAIN.iter().any(|&(from, to)| (from..=to).contains(&c))
}

/// How many cells `text` takes when every character of it is plain (one cell each).
pub fn plain_width(text: &str) -> Option<usize> {
    // Printable ASCII is checked a byte at a time, which the compiler vectorises.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Some(text.len());
    }
    let mut cells = 0;
    for c in text.chars() {
        if !is_plain(c) {
            return None;
        }
        cells += 1;
    }
    Some(cells)
}

/// Draws `line` into the first row of `area`, clipped to it — cell for cell what
/// `line.render(area, buf)` draws.
pub fn paint(line: &Line<'_>, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let width: Option<usize> = line
        .spans
        .iter()
        .map(|span| plain_width(&span.content))
        .sum();
    let room = usize::from(area.width);
    // Where the text starts; a centred or right-aligned line too wide for the row is cut on
    // the left, which is left to ratatui.
    let indent = width.and_then(|width| match line.alignment {
        None | Some(Alignment::Left) => Some(0),
        Some(Alignment::Center) => (width <= room).then(|| (room - width) / 2),
        Some(Alignment::Right) => (width <= room).then(|| room - width),
    });
    let (Some(indent), Some(width)) = (indent, width) else {
        line.render(area, buf);
        return;
    };
    // ratatui draws nothing, not even the line's style, for an empty line.
    if area.is_empty() || width == 0 {
        return;
    }
    let row = Rect { height: 1, ..area };
    // Patching cells with the empty style changes nothing: most lines have no style of their own.
    if line.style != Style::default() {
        buf.set_style(row, line.style);
    }
    let start = buf.index_of(row.x, row.y);
    let cells = &mut buf.content[start + indent..start + room];
    let mut cells = cells.iter_mut();
    for span in &line.spans {
        // Characters first: `zip` asks its first iterator first, so a span that ends takes no
        // cell from the next one.
        for (c, cell) in span.content.chars().zip(cells.by_ref()) {
            cell.set_char(c).set_style(span.style);
        }
    }
}

/// Drawing a line with [`paint`], for use in place of `Widget::render`.
pub trait Paint {
    fn paint(&self, area: Rect, buf: &mut Buffer);
}

impl Paint for Line<'_> {
    fn paint(&self, area: Rect, buf: &mut Buffer) {
        paint(self, area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    fn both_ways(line: &Line<'_>, width: u16) -> (Buffer, Buffer) {
        let area = Rect::new(0, 0, width, 1);
        let mut ours = Buffer::filled(area, ratatui::buffer::Cell::new("x"));
        let mut theirs = ours.clone();
        paint(line, Rect::new(1, 0, width - 1, 1), &mut ours);
        line.clone()
            .render(Rect::new(1, 0, width - 1, 1), &mut theirs);
        (ours, theirs)
    }

    #[test]
    fn every_plain_character_is_drawn_as_ratatui_draws_it() {
        let chars = PLAIN.iter().flat_map(|&(from, to)| from..=to);
        for c in chars {
            let text = format!("a{c}b{c}");
            let line = Line::from(vec![Span::raw(text.clone())]);
            let (ours, theirs) = both_ways(&line, 8);
            assert_eq!(ours, theirs, "U+{:04X} in {text:?}", u32::from(c));
        }
    }

    #[test]
    fn styles_clipping_and_empty_lines_match_ratatui() {
        let red = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let lines = [
            Line::from(vec![
                Span::styled("[x] ", red),
                Span::raw("Apply SPF 30+ sunscreen · until 14:00 — ok"),
            ])
            .style(Style::new().bg(Color::Blue)),
            Line::from(vec![Span::raw(""), Span::styled("", red)]).style(red),
            Line::from(vec![Span::raw("━━━━"), Span::styled("────", red)]),
            Line::styled("right", red).right_aligned(),
            Line::from(vec![Span::raw("a · b "), Span::styled("c", red)]).centered(),
            Line::from(vec![Span::raw("evening"), Span::raw(" ")]).right_aligned(),
            Line::raw("日本語 and 😀 go to ratatui"),
            Line::raw("e\u{301} combines"),
        ];
        for line in &lines {
            for width in [1, 2, 5, 12, 60] {
                let (ours, theirs) = both_ways(line, width);
                assert_eq!(ours, theirs, "{line:?} at width {width}");
            }
        }
    }

    #[test]
    fn plain_means_one_cell_per_character() {
        assert_eq!(plain_width("Day 3 · 1 d 19 h ago — ok → ━─░█›•…"), Some(35));
        assert_eq!(plain_width("SPF 30+"), Some(7));
        assert_eq!(plain_width(""), Some(0));
        assert_eq!(plain_width("tab\there"), None);
        assert_eq!(plain_width("soft\u{ad}hyphen"), None);
        assert_eq!(plain_width("日本"), None);
        assert_eq!(plain_width("😀"), None);
    }
}

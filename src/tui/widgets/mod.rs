//! Widgets more than one screen draws. Each takes the data it draws (often built from the
//! shared `Context` by its `of` function), never a screen or the app.

pub mod banners;
pub mod clinic;
pub mod footer;
pub mod header;
pub mod labels;
pub mod popup;

use super::context::Context;
use super::keymap::Hint;
use super::{text, theme};
use chrono::TimeZone;
use footer::Footer;
use header::Header;
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::{Fill, Length};
use ratatui::layout::{Layout, Rect, Size};
use ratatui::text::Line;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

/// Below this the app says so instead of drawing a squashed screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn is_too_small(size: Size) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

/// Draws the header and the footer (with the screen's key `hints`) of a screen that lays out
/// nothing else, and returns the area between them.
pub fn header_and_footer<Tz: TimeZone>(
    ctx: &Context<Tz>,
    hints: Vec<Hint>,
    buf: &mut Buffer,
) -> Rect {
    let footer = Footer::of(ctx, hints);
    let [top, body, bottom] = ctx.screen_area().layout(&Layout::vertical([
        Length(2),
        Fill(1),
        Length(footer.height()),
    ]));
    Header::of(ctx, None).render(top, buf);
    footer.render(bottom, buf);
    body
}

/// Words for a plan day: "Day 3 of recovery", and before the treatment never "Day 0".
pub fn day_label(day: i64) -> String {
    match day {
        d if d >= 1 => format!("Day {d} of recovery"),
        0 => "1 day before treatment".to_string(),
        d => format!("{} days before treatment", 1 - d),
    }
}

/// The scrollbar beside a list that does not fit (the checklist's, the timeline's): draws,
/// in the rightmost column of `area`, where a list of `rows` rows whose first shown row
/// is `top` stands; nothing when the list fits. Its thumb is a double line: a heavy one read
/// as the alert box's border running on, and a block as a bar of the timeline ("█ do").
pub fn scrollbar(top: usize, rows: usize, area: Rect, buf: &mut Buffer) {
    let height = usize::from(area.height);
    if rows <= height {
        return;
    }
    let bar = Rect {
        x: area.right().saturating_sub(1),
        width: 1,
        ..area
    };
    let mut state = ScrollbarState::new(rows - height).position(top);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("║")
        .track_style(theme::RULE)
        .thumb_style(theme::MUTED)
        .render(bar, buf, &mut state);
}

/// The keys that reach what a list cut short leaves out, as its last row names them: when
/// there is more below only, above only, and both ("" for none).
pub struct ScrollKeys {
    pub below: &'static str,
    pub above: &'static str,
    pub both: &'static str,
}

/// The last row of a list cut short (the checklist's tasks, the timeline, the page after the
/// plan): "↓ 3 more below", "↑ 2 more above", "↑ 2 above · ↓ 3 below", each followed by the
/// keys that get there ("— PgDn page · End last") where `keys` names any.
pub fn out_of_sight(above: usize, below: usize, keys: &ScrollKeys) -> String {
    let (words, key) = match (above, below) {
        (0, b) => (format!("↓ {b} more below"), keys.below),
        (a, 0) => (format!("↑ {a} more above"), keys.above),
        (a, b) => (format!("↑ {a} above · ↓ {b} below"), keys.both),
    };
    match key {
        "" => words,
        key => format!("{words} — {key}"),
    }
}

/// "Terminal too small: need at least 40x12", and the size it is now, centred.
pub struct TooSmall;

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let message = format!("Terminal too small: need at least {MIN_WIDTH}x{MIN_HEIGHT}");
        let width = usize::from(area.width);
        let mut lines: Vec<Line> = text::wrap(&message, width, usize::from(area.height))
            .into_iter()
            .map(|l| Line::styled(text::truncate(&l, width), theme::EMPHASIS))
            .collect();
        lines.push(Line::styled(
            text::truncate(&format!("(now {}x{})", area.width, area.height), width),
            theme::MUTED,
        ));
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let block = area.centered_vertically(Length(height));
        for (row, line) in block.rows().zip(lines) {
            line.centered().render(row, buf);
        }
    }
}

//! The help overlay: every key of the screen beneath (from that screen's keymap, so it can
//! never disagree with the keys), how ticking works, and the whole disclaimer. Any key
//! closes it and does nothing else.

use super::Effect;
use crate::tui::context::Context;
use crate::tui::keymap::is_press;
use crate::tui::widgets::popup::Popup;
use crate::tui::{text, theme};
use chrono::TimeZone;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const MAX_WIDTH: u16 = 68;
/// Space between the keys and what they do.
const KEY_GAP: usize = 2;
/// How ticking works, for a patient ...
pub const ABOUT_TICKS: &str = "Tick a task to do once it is done, and a task to avoid (✕) once \
                               you have kept to it for the day. Ticks are saved at once.";
/// ... and in a demo.
pub const ABOUT_DEMO: &str =
    "This is a demo on a simulated clock. Ticks last until you quit; nothing is saved.";

/// The help for one screen: (keys, what they do) in keymap order, and a word about ticks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPopup {
    pub keys: Vec<(String, &'static str)>,
    pub about: &'static str,
}

impl HelpPopup {
    /// Any key closes the help.
    pub fn handle_key(&self, key: KeyEvent) -> Option<Effect> {
        is_press(key).then_some(Effect::Close)
    }

    /// Draws the overlay centred over `area`.
    pub fn render<Tz: TimeZone>(&self, ctx: &Context<Tz>, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(4).min(MAX_WIDTH);
        let text_width = usize::from(width.saturating_sub(4));
        let room = usize::from(area.height.saturating_sub(2));
        let lines = self.lines(&ctx.rules.disclaimer, text_width, room);
        Popup {
            title: " Help ".into(),
            width,
            lines,
            closes_on_any_key: true,
        }
        .render(area, buf);
    }

    /// The overlay's lines, wrapped to `width`; the disclaimer is cut (with "…") to end
    /// within `max_lines` when the keys take most of the room.
    fn lines(&self, disclaimer: &str, width: usize, max_lines: usize) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let key_column = self
            .keys
            .iter()
            .map(|(k, _)| text::width(k))
            .max()
            .unwrap_or(0)
            + KEY_GAP;
        for (keys, what) in &self.keys {
            let room = width.saturating_sub(key_column);
            let pad = " ".repeat(key_column.saturating_sub(text::width(keys)));
            lines.push(Line::from(vec![
                Span::styled(format!("{keys}{pad}"), theme::KEY),
                Span::styled(text::truncate(what, room), theme::HINT),
            ]));
        }
        lines.push(Line::raw(""));
        lines.extend(text::wrap(self.about, width, 3).into_iter().map(Line::raw));
        lines.push(Line::raw(""));
        let disclaimer_lines = max_lines.saturating_sub(lines.len()).clamp(1, 5);
        lines.extend(
            text::wrap(disclaimer, width, disclaimer_lines)
                .into_iter()
                .map(|l| Line::styled(l, theme::DISCLAIMER)),
        );
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_gets_a_line_and_the_disclaimer_ends_it() {
        let help = HelpPopup {
            keys: vec![("q, Esc".into(), "Quit"), ("?".into(), "Show this help")],
            about: ABOUT_TICKS,
        };
        let shown: Vec<String> = help
            .lines("Not advice.", 60, 40)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(shown[0].trim_end(), "q, Esc  Quit");
        assert_eq!(shown[1].trim_end(), "?       Show this help");
        assert_eq!(shown.last().map(String::as_str), Some("Not advice."));
    }
}

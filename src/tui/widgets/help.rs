//! The help overlay: every key from the keymap, how ticking works, and the whole disclaimer.

use super::popup;
use crate::tui::action::Mode;
use crate::tui::app::App;
use crate::tui::hints::help_lines;
use crate::tui::{style, text};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

const MAX_WIDTH: u16 = 68;
/// Space between the keys and what they do.
const KEY_GAP: usize = 2;
const MOUSE_KEYS: &str = "click";
const MOUSE_HELP: &str = "Tick or untick the task you click";
const ABOUT_TICKS: &str = "Tick a task to do once it is done, and a task to avoid (✕) once you have kept to it for \
                           the day. Ticks are saved at once.";
const ABOUT_DEMO: &str =
    "This is a demo on a simulated clock. Ticks last until you quit; nothing is saved.";

pub struct Help<'a, Tz: TimeZone>(pub &'a App<Tz>);

impl<Tz: TimeZone> Widget for Help<'_, Tz> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(4).min(MAX_WIDTH);
        let text_width = usize::from(width.saturating_sub(4));
        let room = usize::from(area.height.saturating_sub(2));
        let lines = help_text(&self.0.rules.disclaimer, text_width, self.0.mode(), room);
        let height = popup::height_for(lines.len());
        let inner = popup::frame(area, width, height, " Help ".into(), true, buf);
        popup::render_lines(lines, inner, buf);
    }
}

/// The overlay's lines, wrapped to `width`; the disclaimer is cut (with "…") to end within
/// `max_lines` when the keys take most of the room.
fn help_text(disclaimer: &str, width: usize, mode: Mode, max_lines: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    // Clicking ticks a task on the checklist; on the timeline it does nothing.
    let mouse = (!mode.timeline).then(|| (MOUSE_KEYS.to_string(), MOUSE_HELP));
    let bindings: Vec<_> = help_lines(mode).into_iter().chain(mouse).collect();
    let key_column = bindings
        .iter()
        .map(|(k, _)| text::width(k))
        .max()
        .unwrap_or(0)
        + KEY_GAP;
    for (keys, what) in bindings {
        let room = width.saturating_sub(key_column);
        let pad = " ".repeat(key_column.saturating_sub(text::width(&keys)));
        lines.push(Line::from(vec![
            Span::styled(format!("{keys}{pad}"), style::KEY),
            Span::styled(text::truncate(what, room), style::HINT),
        ]));
    }
    lines.push(Line::raw(""));
    let about = if mode.demo { ABOUT_DEMO } else { ABOUT_TICKS };
    lines.extend(text::wrap(about, width, 3).into_iter().map(Line::raw));
    lines.push(Line::raw(""));
    let disclaimer_lines = max_lines.saturating_sub(lines.len()).clamp(1, 5);
    lines.extend(
        text::wrap(disclaimer, width, disclaimer_lines)
            .into_iter()
            .map(|l| Line::styled(l, style::DISCLAIMER)),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::KEYMAP;
    use crate::tui::hints::key_label;

    #[test]
    fn the_overlay_lists_every_key_of_the_keymap() {
        let mode = Mode {
            timeline: false,
            demo: true,
        };
        let shown: Vec<String> = help_text("Not advice.", 60, mode, 40)
            .iter()
            .map(|l| l.to_string())
            .collect();
        let all = shown.join("\n");
        for binding in KEYMAP.iter().filter(|b| b.scope.applies(mode)) {
            let line = shown.iter().find(|l| l.contains(binding.help));
            let line =
                line.unwrap_or_else(|| panic!("{:?} missing from help:\n{all}", binding.action));
            for key in binding.keys {
                assert!(
                    line.contains(&key_label(*key)),
                    "{key:?} missing from {line:?}"
                );
            }
        }
    }
}

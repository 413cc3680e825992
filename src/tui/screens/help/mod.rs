//! The help overlay: the clinic first (who to contact, from the plan), then every key of the
//! screen beneath (from that screen's keymap, so it can never disagree with the keys), how
//! ticking works, and the whole disclaimer. Taller than the screen, it scrolls with ↑↓,
//! PgUp/PgDn, Home and End; any other key closes it and does nothing else.

use super::Effect;
use crate::rules::Rules;
use crate::tui::context::Context;
use crate::tui::keymap::is_press;
use crate::tui::widgets::clinic::clinic_block;
use crate::tui::widgets::popup::{Popup, Scroll, text_rows};
use crate::tui::{text, theme};
use chrono::TimeZone;
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Wide enough that every key's description fits on its line from 80 columns up (so the help
/// fits 120x40 without scrolling); narrower terminals wrap a description under itself.
const MAX_WIDTH: u16 = 80;
/// Lines one key's description may take before it is cut (none needs more than 2 at 40 columns).
const MAX_KEY_LINES: usize = 4;
/// Space between the keys and what they do.
const KEY_GAP: usize = 2;
/// The disclaimer is shown whole, up to this many lines.
const MAX_DISCLAIMER_LINES: usize = 12;
/// How ticking works, for a patient ...
pub const ABOUT_TICKS: &str = "Tick a task to do once it is done, and a task to avoid (✕) once \
                               you have kept to it for the day. Ticks are saved at once.";
/// ... and in a demo.
pub const ABOUT_DEMO: &str =
    "This is a demo on a simulated clock. Ticks last until you quit; nothing is saved.";

/// The help for one screen: (keys, what they do) in keymap order, a word about ticks, and
/// how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPopup {
    pub keys: Vec<(String, &'static str)>,
    pub about: &'static str,
    /// A word about the screen beneath, after its keys (the plan's advice for photos).
    pub note: Option<String>,
    /// The first line shown.
    top: usize,
}

impl HelpPopup {
    /// The help listing `keys`, scrolled to its top.
    pub fn new(keys: Vec<(String, &'static str)>, about: &'static str) -> Self {
        HelpPopup {
            keys,
            about,
            note: None,
            top: 0,
        }
    }

    /// The help with a word about its screen after the keys.
    pub fn with_note(mut self, note: String) -> Self {
        self.note = Some(note);
        self
    }

    /// The scroll keys scroll a help taller than the screen; any other key closes it.
    pub fn handle_key<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, key: KeyEvent) -> Option<Effect> {
        let area = ctx.screen_area();
        let lines = self.lines(&ctx.rules, text_width(area)).len();
        if let Some(scroll) = Scroll::of(key).filter(|_| lines > text_rows(area)) {
            self.top = scroll.apply(self.top, lines, area);
            return Some(Effect::Done);
        }
        is_press(key).then_some(Effect::Close)
    }

    /// Draws the overlay centred over `area`.
    pub fn render<Tz: TimeZone>(&self, ctx: &Context<Tz>, area: Rect, buf: &mut Buffer) {
        Popup {
            title: " Help ".into(),
            width: popup_width(area),
            lines: self.lines(&ctx.rules, text_width(area)),
            closes_on_any_key: true,
        }
        .render_scrolled(self.top, area, buf);
    }

    /// The overlay's lines, wrapped to `width`: the clinic, the keys, ticking, the disclaimer.
    fn lines(&self, rules: &Rules, width: usize) -> Vec<Line<'static>> {
        let mut lines = clinic_block(rules.provider.as_ref(), width);
        lines.push(Line::raw(""));
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
            // A description longer than its room wraps under itself rather than being cut:
            // at 80 columns several are a few words too long to read whole otherwise.
            for (n, part) in text::wrap(what, room, MAX_KEY_LINES)
                .into_iter()
                .enumerate()
            {
                let key = if n == 0 {
                    format!("{keys}{pad}")
                } else {
                    " ".repeat(key_column)
                };
                lines.push(Line::from(vec![
                    Span::styled(key, theme::KEY),
                    Span::styled(part, theme::HINT),
                ]));
            }
        }
        if let Some(note) = &self.note {
            lines.push(Line::raw(""));
            lines.extend(text::wrap(note, width, 6).into_iter().map(Line::raw));
        }
        lines.push(Line::raw(""));
        lines.extend(text::wrap(self.about, width, 3).into_iter().map(Line::raw));
        lines.push(Line::raw(""));
        lines.extend(
            text::wrap(&rules.disclaimer, width, MAX_DISCLAIMER_LINES)
                .into_iter()
                .map(|l| Line::styled(l, theme::DISCLAIMER)),
        );
        lines
    }
}

fn popup_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(MAX_WIDTH)
}

/// The text's width inside the popup: its borders and a cell of air each side.
fn text_width(area: Rect) -> usize {
    usize::from(popup_width(area).saturating_sub(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clinic_comes_first_then_every_key_and_the_disclaimer_ends_it() {
        let help = HelpPopup::new(
            vec![("q, Esc".into(), "Quit"), ("?".into(), "Show this help")],
            ABOUT_TICKS,
        );
        let rules = Rules::builtin().unwrap();
        let shown: Vec<String> = help
            .lines(&rules, 60)
            .iter()
            .map(|l| l.to_string().trim_end().to_string())
            .collect();
        assert_eq!(shown[0], "Your clinic");
        let keys = shown.iter().position(|l| l == "q, Esc  Quit").unwrap();
        assert_eq!(shown[keys + 1], "?       Show this help");
        let disclaimer = text::wrap(&rules.disclaimer, 60, MAX_DISCLAIMER_LINES);
        assert_eq!(shown[shown.len() - disclaimer.len()..], disclaimer[..]);
        assert!(!disclaimer.last().unwrap().ends_with('…'));
    }
}

//! The bottom rows of every screen: a save error or a notice when there is one, the keys,
//! and the plan's disclaimer.

use crate::inert::inert;
use crate::tui::context::Context;
use crate::tui::keymap::Hint;
use crate::tui::{text, theme};
use chrono::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::Constraint::Length;
use ratatui::layout::{Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::borrow::Cow;

const SEPARATOR: &str = " · ";
/// Between hints where the full separator leaves too little room.
const TIGHT_SEPARATOR: &str = "  ";

/// What the footer shows.
pub struct Footer<'a> {
    /// An error (why a change was not saved) or a notice (what the last key did), inert:
    /// either may quote a path or words from a file.
    pub message: Option<(Cow<'a, str>, Style)>,
    pub hints: Vec<Hint>,
    /// Keys the screen tells the patient to press elsewhere ("press s", "i: until when"):
    /// their hints are the last to give way where the footer is short of room.
    pub named: Vec<&'static str>,
    pub disclaimer: &'a str,
}

impl<'a> Footer<'a> {
    /// The footer for `ctx` with the screen's key `hints`; an error outranks a notice.
    pub fn of<Tz: TimeZone>(ctx: &'a Context<Tz>, hints: Vec<Hint>) -> Self {
        let message = match (&ctx.status, &ctx.notice) {
            (Some(error), _) => Some((inert(error), theme::ERROR)),
            (None, Some(notice)) => Some((inert(notice), theme::NOTICE)),
            (None, None) => None,
        };
        Footer {
            message,
            hints,
            named: Vec::new(),
            disclaimer: &ctx.rules.disclaimer,
        }
    }

    /// The footer keeping the hints of the keys the screen names elsewhere (`named`).
    pub fn naming(mut self, named: Vec<&'static str>) -> Self {
        self.named = named;
        self
    }

    /// The rows it takes: the message's when there is one, the keys and the disclaimer.
    pub fn height(&self) -> u16 {
        2 + u16::from(self.message.is_some())
    }
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let status_rows = u16::from(self.message.is_some());
        let [status, hints, disclaimer] = area.layout(&Layout::vertical([
            Length(status_rows),
            Length(1),
            Length(1),
        ]));
        if let Some((message, look)) = self.message {
            buf.set_style(status, look);
            let room = usize::from(status.width).saturating_sub(2);
            Line::styled(format!(" {}", text::truncate(&message, room)), look).render(status, buf);
        }
        key_hints_keeping(self.hints, hints.width, &self.named).render(hints, buf);
        render_disclaimer(self.disclaimer, disclaimer, buf);
    }
}

/// "↑↓ select · Space tick · …": where that does not fit, the hints closer together
/// ("↑↓ select  Space tick"), the keys standing out by their colour; where even that does
/// not fit, hints dropped from the middle until it does. Help and quit, last, always stay,
/// since help lists the rest.
pub fn key_hints(hints: Vec<Hint>, width: u16) -> Line<'static> {
    key_hints_keeping(hints, width, &[])
}

/// `key_hints`, the hints of the keys in `named` (which the screen tells the patient to
/// press elsewhere) dropped only once every other droppable hint is.
pub fn key_hints_keeping(mut hints: Vec<Hint>, width: u16, named: &[&str]) -> Line<'static> {
    let line_width = |hints: &[Hint], separator: &str| {
        hints
            .iter()
            .map(|(k, w)| text::width(k) + 1 + text::width(w))
            .sum::<usize>()
            + text::width(separator) * hints.len().saturating_sub(1)
            + 1
    };
    let fits = |hints: &[Hint]| {
        [SEPARATOR, TIGHT_SEPARATOR]
            .into_iter()
            .find(|separator| line_width(hints, separator) <= usize::from(width))
    };
    let separator = loop {
        match fits(&hints) {
            Some(separator) => break separator,
            None if hints.len() > 2 => {
                // From the middle, the keys named elsewhere on the screen last.
                let droppable = hints.len() - 2;
                let at = (0..droppable)
                    .rev()
                    .find(|&i| !named.contains(&hints[i].0.as_str()))
                    .unwrap_or(droppable - 1);
                hints.remove(at);
            }
            None => break TIGHT_SEPARATOR,
        }
    };
    let mut spans = vec![Span::raw(" ")];
    for (i, (keys, word)) in hints.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(separator, theme::MUTED));
        }
        spans.push(Span::styled(keys, theme::KEY));
        spans.push(Span::styled(format!(" {word}"), theme::HINT));
    }
    Line::from(spans)
}

/// The disclaimer's first sentence on one line; the help overlay has all of it.
pub fn render_disclaimer(disclaimer: &str, area: Rect, buf: &mut Buffer) {
    let room = usize::from(area.width).saturating_sub(2);
    let line = text::truncate(text::first_sentence(disclaimer), room);
    Line::styled(format!(" {line}"), theme::DISCLAIMER).render(area, buf);
}

//! The notes' heading: its rule, the clinic's contact beside it (or under it where not
//! even the phone fits), and the words that name each urgency; and the notes drawn under it.

use super::{ALL_KEY, Notes, WARNINGS_TITLE};
use crate::rules::{Provider, Urgency};
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

impl Notes<'_> {
    /// Rows the heading takes: its rule, and a line for the clinic's contact when it does not
    /// fit beside the words on the rule.
    pub(super) fn heading_rows(&self, width: usize, all_shown: bool) -> usize {
        1 + usize::from(self.contact_below(width, all_shown))
    }

    /// "your clinic · s: all"; where call-today signs are neither named nor counted below
    /// (`unnamed_calls`, with an alert up), "s: +7 call-today signs" says so instead.
    fn right_words(&self, all_shown: bool, unnamed_calls: usize, contact: Option<&str>) -> String {
        let key = match unnamed_calls {
            0 => format!("{ALL_KEY}: all"),
            1 => format!("{ALL_KEY}: +1 call-today sign"),
            n => format!("{ALL_KEY}: +{n} call-today signs"),
        };
        match (contact, all_shown) {
            (Some(contact), true) => format!(" {contact} "),
            (Some(contact), false) => format!(" {contact} · {key} "),
            (None, true) => String::new(),
            (None, false) => format!(" {key} "),
        }
    }

    /// The clinic's contact as it fits beside the heading: whole, else its name and phone,
    /// else its phone alone; `None` when none fits.
    fn contact_beside(&self, width: usize, all_shown: bool) -> Option<String> {
        self.contact_options().into_iter().find(|c| {
            text::width(WARNINGS_TITLE) + text::width(&self.right_words(all_shown, 0, Some(c))) + 2
                <= width
        })
    }

    /// The clinic's contact, longest first: whole, its name and phone, its phone.
    fn contact_options(&self) -> Vec<String> {
        let mut options = vec![contact(self.provider)];
        if let Some(p) = self.provider
            && let Some(phone) = &p.phone
        {
            options.push(format!("{} · {phone}", p.name));
            options.push(phone.clone());
        }
        options
    }

    /// Whether the clinic's contact goes on a line of its own under the rule: when not even
    /// its phone fits beside the heading.
    fn contact_below(&self, width: usize, all_shown: bool) -> bool {
        self.provider.is_some() && self.contact_beside(width, all_shown).is_none()
    }
}

impl Widget for Notes<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.text(area).render(area, buf);
    }
}

/// The notes wrapped and fitted to an area: all that drawing them works out, kept by the
/// main screen while what it was worked out from stays the same (`NotesCache`).
#[derive(Debug, Clone, PartialEq)]
pub struct NotesText {
    /// The lines under the heading.
    shown: Vec<Line<'static>>,
    /// The words at the right of the rule: the contact, "s: all".
    right: String,
    /// The clinic's contact on a line of its own under the rule, when it is not beside it.
    below: Option<String>,
}

impl Notes<'_> {
    /// The notes as they are drawn in `area`: wrapped, fitted, the contact placed.
    pub fn text(&self, area: Rect) -> NotesText {
        if area.height == 0 {
            return NotesText {
                shown: Vec::new(),
                right: String::new(),
                below: None,
            };
        }
        let width = usize::from(area.width);
        // All shown: every note with its detail whole; a detail cut is named by "s: all".
        let every = self.detailed(width, usize::MAX).len();
        let below = self.contact_below(width, false);
        let rows = usize::from(area.height).saturating_sub(1 + usize::from(below));
        let (shown, unnamed_calls) = self.fit(width, rows);
        let all_shown = shown.len() >= every;
        let below = self.contact_below(width, all_shown).then(|| {
            // As much of the contact as fits whole: a phone number is never cut.
            let room = width.saturating_sub(2);
            self.contact_options()
                .into_iter()
                .find(|c| text::width(c) <= room)
                .unwrap_or_else(|| text::truncate(&contact(self.provider), room))
        });
        // Without a clinic of its own, "your clinic" gives way to "s: all" where both do
        // not fit.
        let beside = self.contact_beside(width, all_shown).filter(|c| {
            let words = self.right_words(all_shown, unnamed_calls, Some(c));
            text::width(WARNINGS_TITLE) + text::width(&words) + 2 <= width
        });
        NotesText {
            shown: shown.into_iter().map(|r| r.line).collect(),
            right: self.right_words(all_shown, unnamed_calls, beside.as_deref()),
            below,
        }
    }
}

impl Widget for &NotesText {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let rule = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Span::styled(WARNINGS_TITLE, theme::WARNING_SECTION))
            .title(Line::styled(self.right.as_str(), theme::CONTACT).right_aligned());
        let mut inner = rule.inner(area);
        rule.render(area, buf);
        if let Some(words) = &self.below
            && inner.height > 0
        {
            Line::from(vec![
                Span::raw(" "),
                Span::styled(words.as_str(), theme::CONTACT),
            ])
            .render(inner, buf);
            inner.y += 1;
            inner.height -= 1;
        }
        Paragraph::new(self.shown.as_slice()).render(inner, buf);
    }
}

/// The words of a tier, styled so they cannot be mistaken for one another.
pub fn tier_words(tier: Urgency, provider: Option<&Provider>) -> Vec<Span<'static>> {
    match tier {
        Urgency::Emergency => vec![Span::styled(
            format!("{} — call emergency services now", tier.tag()),
            theme::EMERGENCY_TAG,
        )],
        // The tier's own words (`Urgency::action`), naming the clinic where the plan does.
        Urgency::Call => vec![Span::styled(
            format!("Call {} today", clinic_name(provider)),
            theme::CALL_TAG,
        )],
        Urgency::Mention => vec![Span::styled(tier.action(), theme::MENTION_TAG)],
    }
}

/// How a tier's signs are drawn.
pub fn tier_style(tier: Urgency) -> Style {
    match tier {
        Urgency::Emergency => theme::EMERGENCY,
        Urgency::Call => theme::WARNING,
        Urgency::Mention => theme::MENTION,
    }
}

/// The clinic's name, or "your clinic".
pub fn clinic_name(provider: Option<&Provider>) -> String {
    provider.map_or_else(|| "your clinic".to_string(), |p| p.name.clone())
}

/// The clinic's contact line, or "your clinic".
pub fn contact(provider: Option<&Provider>) -> String {
    provider.map_or_else(|| "your clinic".to_string(), Provider::contact_line)
}

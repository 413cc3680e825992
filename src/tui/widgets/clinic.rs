//! The clinic as the help and the "why" popup show it: who to contact, how, when, and what to
//! do when it is closed, from the plan's `provider`. The built-in plan names no clinic, so
//! these say "your clinic" and never make up a number.
//!
//! The provider's text comes from a rules file and was made inert when the plan was loaded.

use crate::rules::{Provider, Urgency};
use crate::tui::{text, theme};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The labels' column, "Out of hours" and two spaces.
const LABEL_WIDTH: usize = 14;
/// A long value (opening hours, out-of-hours advice) gets at most this many lines.
const MAX_VALUE_LINES: usize = 3;
const NO_CLINIC: &str = "This plan names no clinic: keep the phone number of the clinic that \
                         treated you at hand. In an emergency, call emergency services.";

/// "Your clinic", then its name and a labelled line for each way to reach it, its hours and
/// what to do out of hours, wrapped to `width` cells.
pub fn clinic_block(provider: Option<&Provider>, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Your clinic", theme::SECTION)];
    let Some(p) = provider else {
        let wrapped = text::wrap(NO_CLINIC, width, 3);
        lines.extend(wrapped.into_iter().map(|l| Line::styled(l, theme::DETAIL)));
        return lines;
    };
    lines.push(Line::styled(
        text::truncate(&p.name, width),
        theme::EMPHASIS,
    ));
    let fields = [
        ("Phone", &p.phone),
        ("Email", &p.email),
        ("Web", &p.web),
        ("Open", &p.hours),
        ("Out of hours", &p.out_of_hours),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            lines.extend(labelled(label, value, width, theme::SUMMARY));
        }
    }
    lines
}

/// What to do about a warning sign of `urgency`, with the clinic where the plan names one:
/// "CALL TODAY  Call Example Skin Clinic today (+44 20 7946 0123)", then, for signs to
/// call about, when the clinic is open and what to do when it is not.
pub fn urgency_lines(
    urgency: Urgency,
    provider: Option<&Provider>,
    width: usize,
) -> Vec<Line<'static>> {
    let tag = format!(" {} ", urgency.tag());
    let action = urgency.action_with(provider);
    let room = width.saturating_sub(text::width(&tag) + 1);
    let mut wrapped = text::wrap(&action, room, 2).into_iter();
    let mut lines = vec![Line::from(vec![
        Span::styled(tag.clone(), urgency_style(urgency)),
        Span::raw(" "),
        Span::styled(wrapped.next().unwrap_or_default(), theme::EMPHASIS),
    ])];
    let indent = " ".repeat(text::width(&tag) + 1);
    lines.extend(wrapped.map(|l| Line::styled(format!("{indent}{l}"), theme::EMPHASIS)));
    if let (Urgency::Call, Some(p)) = (urgency, provider) {
        for (label, value) in [("Open", &p.hours), ("Out of hours", &p.out_of_hours)] {
            if let Some(value) = value {
                lines.extend(labelled(label, value, width, theme::DETAIL));
            }
        }
    }
    lines
}

/// How an urgency's tag stands out: an emergency in white on red, a call in red, a mention
/// plainly. The words say it too, for terminals without colour.
pub fn urgency_style(urgency: Urgency) -> Style {
    match urgency {
        Urgency::Emergency => theme::ERROR,
        Urgency::Call => theme::ALERT_TITLE,
        Urgency::Mention => theme::EMPHASIS,
    }
}

/// "Phone         +44 20 7946 0123", the value wrapped under itself.
fn labelled(label: &str, value: &str, width: usize, look: Style) -> Vec<Line<'static>> {
    let room = width.saturating_sub(LABEL_WIDTH);
    text::wrap(value, room, MAX_VALUE_LINES)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let label = if i == 0 { label } else { "" };
            Line::from(vec![
                Span::styled(format!("{label:<LABEL_WIDTH$}"), theme::MUTED),
                Span::styled(line, look),
            ])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clinic() -> Provider {
        Provider {
            name: "Example Skin Clinic".into(),
            phone: Some("+44 20 7946 0123".into()),
            hours: Some("Mon–Sat 9:00–17:00".into()),
            out_of_hours: Some("Call NHS 111; in an emergency call 999.".into()),
            ..Provider::default()
        }
    }

    fn shown(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.to_string().trim_end().to_string())
            .collect()
    }

    #[test]
    fn the_clinic_is_named_with_each_way_to_reach_it() {
        assert_eq!(
            shown(&clinic_block(Some(&clinic()), 60)),
            [
                "Your clinic",
                "Example Skin Clinic",
                "Phone         +44 20 7946 0123",
                "Open          Mon–Sat 9:00–17:00",
                "Out of hours  Call NHS 111; in an emergency call 999.",
            ]
        );
        let none = shown(&clinic_block(None, 60));
        assert_eq!(
            none[1],
            "This plan names no clinic: keep the phone number of the"
        );
    }

    #[test]
    fn a_warning_says_how_soon_and_whom_to_call() {
        assert_eq!(
            shown(&urgency_lines(Urgency::Call, Some(&clinic()), 66)),
            [
                " CALL TODAY  Call Example Skin Clinic today (+44 20 7946 0123)",
                "Open          Mon–Sat 9:00–17:00",
                "Out of hours  Call NHS 111; in an emergency call 999.",
            ]
        );
        assert_eq!(
            shown(&urgency_lines(Urgency::Emergency, Some(&clinic()), 66)),
            [" EMERGENCY  Call emergency services now"]
        );
        assert_eq!(
            shown(&urgency_lines(Urgency::Call, None, 66)),
            [" CALL TODAY  Call your clinic today"]
        );
    }
}

//! The line that counts the groups of notes left out ("Call your clinic today: 7 signs ·
//! next visit: 2 signs · normal now: 3 — press s"), cut only between groups.

use super::flow::noun;
use super::{ALL_KEY, Group};
use crate::rules::Urgency;
use crate::tui::{text, theme};
use ratatui::text::{Line, Span};

/// "Call your clinic today: 7 signs · next visit: 2 signs · normal now: 3 — press s", cut
/// only between groups: the groups that do not fit are folded whole into "· 9 others —
/// press s" ("· 11 non-emergency" after the emergency signs alone), so no word or count is
/// ever cut and none reads as more of the tier before it.
pub(super) fn count_line(groups: &[Group], width: usize) -> Line<'static> {
    let parts: Vec<[Span<'static>; 2]> = groups
        .iter()
        .map(|group| {
            let n = group.notes.len();
            let (words, style) = match group.tier {
                Some(Urgency::Emergency) => ("EMERGENCY".to_string(), theme::EMERGENCY),
                Some(Urgency::Call) => {
                    let words: String = group.head.iter().map(|s| s.content.as_ref()).collect();
                    (words, theme::CALL_TAG)
                }
                Some(Urgency::Mention) => ("next visit".to_string(), theme::MENTION_TAG),
                None => ("normal now".to_string(), theme::SECTION),
            };
            [
                Span::styled(words, style),
                Span::styled(format!(": {n}{}", noun(group.tier, n)), theme::MUTED),
            ]
        })
        .collect();
    // As many groups as fit, in order, then what is left counted: in words that tell it
    // apart from the groups shown where they fit, else in short.
    let line_of = |shown: usize, short: usize| {
        let mut spans = vec![Span::raw(" ")];
        for (i, part) in parts.iter().take(shown).enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", theme::MUTED));
            }
            spans.extend(part.iter().cloned());
        }
        let more: usize = groups[shown..].iter().map(|g| g.notes.len()).sum();
        // The groups left out counted apart from those shown: "EMERGENCY: 2 signs · +11
        // more" read as eleven more emergencies (50x14); these are the words used where the
        // signs are named (`pack_first_and`).
        let emergencies_only = groups[..shown]
            .iter()
            .all(|g| g.tier == Some(Urgency::Emergency));
        let tail = match (shown, more, short) {
            (_, 0, _) => format!(" — press {ALL_KEY}"),
            // Nothing named: "+5 more" read as more than something; warning signs alone
            // are counted as such, as where a group's signs are ("5 signs — press s").
            (0, _, _) if groups.iter().all(|g| g.tier.is_some()) => {
                format!(
                    "{more}{} — press {ALL_KEY}",
                    noun(Some(Urgency::Call), more)
                )
            }
            (0, _, _) => format!("+{more} more — press {ALL_KEY}"),
            (_, _, 0) if emergencies_only => format!(" · {more} non-emergency — press {ALL_KEY}"),
            (_, _, 0 | 1) => format!(" · {more} others — press {ALL_KEY}"),
            _ => format!(" · +{more} more — press {ALL_KEY}"),
        };
        spans.push(Span::styled(tail, theme::MUTED));
        Line::from(spans)
    };
    let fits = |line: &Line| line.width() <= width;
    // Each number of groups in the clearest words that fit (the shortest where none does).
    let clearest = |shown: usize| {
        (0..2)
            .map(|short| line_of(shown, short))
            .find(fits)
            .unwrap_or_else(|| line_of(shown, 2))
    };
    text::most_that_fit(0..parts.len() + 1, clearest, fits).unwrap_or_else(|| line_of(0, 0))
}

#[cfg(test)]
mod tests {
    use super::super::flow::tests::sign;
    use super::*;
    use crate::checklist::NoteLine;

    /// The count line folds whole groups into "+N more", never cutting a word or a count
    /// (Day 2 at 60x20 once read "Call your clinic today: 7 s… — press s").
    #[test]
    fn a_count_line_folds_whole_groups() {
        let notes: Vec<NoteLine> = (0..7).map(|i| sign(&format!("Sign {i}"))).collect();
        let group = |tier, n: usize, head: &str| Group {
            tier,
            head: vec![Span::raw(head.to_string())],
            notes: notes.iter().take(n).collect(),
            mark: "",
            style: theme::MUTED,
        };
        let groups = [
            group(Some(Urgency::Emergency), 2, "EMERGENCY"),
            group(Some(Urgency::Call), 7, "Call your clinic today"),
            group(Some(Urgency::Mention), 2, "Mention"),
            group(None, 2, "Normal now"),
        ];
        let cases = [
            (
                110,
                " EMERGENCY: 2 signs · Call your clinic today: 7 signs · next visit: 2 signs · \
                 normal now: 2 — press s",
            ),
            (
                100,
                " EMERGENCY: 2 signs · Call your clinic today: 7 signs · next visit: 2 signs · \
                 2 others — press s",
            ),
            (
                80,
                " EMERGENCY: 2 signs · Call your clinic today: 7 signs · 4 others — press s",
            ),
            (60, " EMERGENCY: 2 signs · 11 non-emergency — press s"),
            (30, " +13 more — press s"),
        ];
        for (width, want) in cases {
            assert_eq!(count_line(&groups, width).to_string(), want, "{width}");
        }
    }
}

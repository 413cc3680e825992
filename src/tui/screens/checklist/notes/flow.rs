//! Words flowed onto lines: a note's title and detail, and a group's words with its notes'
//! titles run together ("Call your clinic today: Fever … · Pus, …"), cut to the width with
//! what was left out counted.

use super::{ALL_KEY, Group, NoteRow};
use crate::rules::Urgency;
use crate::tui::{text, theme};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A piece of text to flow onto lines: its words, its look, and whether it may break
/// between its words.
pub(super) struct Piece {
    pub(super) words: String,
    pub(super) look: Style,
    pub(super) breaks: bool,
}

pub(super) fn piece(words: impl Into<String>, look: Style, breaks: bool) -> Piece {
    Piece {
        words: words.into(),
        look,
        breaks,
    }
}

/// `pieces` flowed onto lines of `width`: the first line after `first`, the others after
/// `next`. A piece that may not break moves whole to the next line (and is cut if it is
/// longer than a line); one that may, breaks between words.
pub(super) fn flow(pieces: &[Piece], width: usize, first: &str, next: &str) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = vec![Span::raw(first.to_string())];
    let mut used = text::width(first);
    let start = text::width(next);
    for p in pieces {
        let words: Vec<String> = if p.breaks {
            p.words.split(' ').map(str::to_string).collect()
        } else {
            vec![p.words.clone()]
        };
        for (k, word) in words.iter().enumerate() {
            let space = usize::from(k > 0);
            let w = text::width(word);
            if used + space + w > width && used > start {
                lines.push(Line::from(std::mem::take(&mut line)));
                line = vec![Span::raw(next.to_string())];
                used = start;
            }
            let room = width.saturating_sub(used);
            let words = if space == 1 && used > start {
                format!(" {word}")
            } else {
                word.clone()
            };
            let words = text::truncate(&words, room);
            used += text::width(&words);
            line.push(Span::styled(words, p.look));
        }
    }
    lines.push(Line::from(line));
    lines
}

/// A group's words and its notes' titles run together onto lines of `width` ("Call your
/// clinic today: Fever … · Pus, …"), each continued line indented.
pub(super) fn pack(group: &Group, width: usize) -> Vec<NoteRow> {
    pack_first(group, group.notes.len(), width)
}

/// As `pack`, naming only the group's first `named` notes whole and then how many more there
/// are and the key that shows them ("· +3 more — press s"), so a group cut short is cut
/// between notes, never inside a title.
pub(super) fn pack_first(group: &Group, named: usize, width: usize) -> Vec<NoteRow> {
    pack_first_and(group, named, 0, width)
}

/// As `pack_first`, with `later` signs of the groups after this one counted in its "+N more"
/// too: the emergency signs named where there is no row left for a line counting the rest
/// ("EMERGENCY — …: Swollen lips … · +10 more — press s").
pub(super) fn pack_first_and(
    group: &Group,
    named: usize,
    later: usize,
    width: usize,
) -> Vec<NoteRow> {
    // The group's words stay together where they fit on a line.
    let mut pieces: Vec<Piece> = group
        .head
        .iter()
        .map(|s| piece(s.content.to_string(), s.style, s.width() + 3 > width))
        .collect();
    // The colon stays with the group's words, never alone at the start of a line.
    if let Some(last) = pieces.last_mut() {
        last.words.push(':');
    }
    pieces.push(piece(" ", theme::MUTED, false));
    let titles: Vec<String> = if group.notes.is_empty() {
        vec![group.empty_words().to_string()]
    } else {
        group
            .notes
            .iter()
            .take(named)
            .map(|n| n.title.clone())
            .collect()
    };
    let own = group.notes.len().saturating_sub(named);
    let more = own + later;
    // Which piece ends which note, to count the notes a line finishes naming.
    let mut ends = Vec::new();
    for (n, title) in titles.into_iter().enumerate() {
        if n > 0 {
            pieces.push(piece(" · ", theme::MUTED, false));
        }
        pieces.push(piece(title, group.style, true));
        ends.push(pieces.len() - 1);
    }
    if more > 0 {
        // "+9 more" reads as more than something: with no title named, say how many there
        // are, as the count line does ("9 signs — press s").
        let words = if named > 0 {
            pieces.push(piece(" · ", theme::MUTED, false));
            // The later groups' notes counted apart: "+16 more" after an emergency sign read
            // as sixteen more emergencies where there was one.
            match (own, later, group.tier) {
                (_, 0, _) => format!("+{more} more — press {ALL_KEY}"),
                (0, _, Some(Urgency::Emergency)) => {
                    format!("{later} non-emergency — press {ALL_KEY}")
                }
                (_, _, Some(Urgency::Emergency)) => {
                    format!("+{own} more · {later} non-emergency — press {ALL_KEY}")
                }
                (0, _, _) => format!("{later} others — press {ALL_KEY}"),
                _ => format!("+{own} more · {later} others — press {ALL_KEY}"),
            }
        } else {
            format!("{more}{} — press {ALL_KEY}", noun(group.tier, more))
        };
        pieces.push(piece(words, theme::MUTED, false));
    }
    let lines = flow(&pieces, width, " ", "   ");
    // A note is named on the line its last word is on: count words to find it.
    let words_in = |p: &Piece| {
        if p.breaks {
            p.words.split(' ').count()
        } else {
            1
        }
    };
    let mut last_line_of_piece = Vec::new();
    let mut spans_seen = 0;
    let mut line_of_span = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        // The first span of every line is its indent.
        for _ in 1..line.spans.len() {
            line_of_span.push(l);
        }
    }
    for p in &pieces {
        spans_seen += words_in(p);
        last_line_of_piece.push(line_of_span.get(spans_seen - 1).copied().unwrap_or(0));
    }
    let mut rows: Vec<NoteRow> = lines
        .into_iter()
        .map(|line| NoteRow { line, names: 0 })
        .collect();
    if !group.notes.is_empty() {
        for end in ends {
            let l = last_line_of_piece[end];
            rows[l].names += 1;
        }
    }
    rows
}

/// What `n` notes of a group are called after their number: " signs" for warning signs,
/// nothing for what is normal now ("normal now: 3").
fn noun(tier: Option<Urgency>, n: usize) -> &'static str {
    match (tier, n) {
        (None, _) => "",
        (Some(_), 1) => " sign",
        (Some(_), _) => " signs",
    }
}

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
    use super::super::Group;
    use super::*;
    use crate::checklist::NoteLine;
    use chrono::DateTime;

    fn sign(title: &str) -> NoteLine {
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap();
        NoteLine {
            id: title.to_lowercase(),
            title: title.to_string(),
            detail: String::new(),
            urgency: Some(Urgency::Call),
            starts: at,
            ends: at,
        }
    }

    fn text(rows: &[NoteRow]) -> String {
        let lines = rows.iter().map(|r| r.line.to_string());
        lines.collect::<Vec<_>>().join("\n")
    }

    /// A group cut short names whole titles, then "+N more"; with no title named it says how
    /// many there are, never "+9 more" after nothing (Day 5 of the walk-through at 80x24).
    #[test]
    fn a_fold_counts_what_it_leaves_out() {
        let notes = [sign("Fever"), sign("Pus or crusts"), sign("Cold sores")];
        let group = Group {
            tier: Some(Urgency::Call),
            head: vec![Span::raw("Call your clinic today")],
            notes: notes.iter().collect(),
            mark: "",
            style: theme::MUTED,
        };
        let cases = [
            (
                3,
                "Call your clinic today: Fever · Pus or crusts · Cold sores",
            ),
            (1, "Call your clinic today: Fever · +2 more — press s"),
            (0, "Call your clinic today: 3 signs — press s"),
        ];
        for (named, want) in cases {
            assert_eq!(text(&pack_first(&group, named, 78)).trim(), want, "{named}");
        }
    }

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

//! Words flowed onto lines: a note's title and detail, and a group's words with its notes'
//! titles run together ("Call your clinic today: Fever … · Pus, …"), cut to the width with
//! what was left out counted. The line counting whole groups left out is `count_line`'s.

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
    pack_first_and(group, named, (0, 0), width)
}

/// As `pack_first`, with `later` signs of the groups after this one counted in its "+N more"
/// too: the emergency signs named where there is no row left for a line counting the rest
/// ("EMERGENCY — …: Swollen lips … · +10 more — press s").
pub(super) fn pack_first_and(
    group: &Group,
    named: usize,
    later: (usize, usize),
    width: usize,
) -> Vec<NoteRow> {
    // The later groups' signs: those to call about today apart from the rest.
    let (later_calls, later_others) = later;
    let later = later_calls + later_others;
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
            // After the emergency signs, the call-today signs are counted as such (the
            // heading then needs no count of its own beside "16 non-emergency").
            let non_emergency = match (later_calls, later_others) {
                (0, n) => format!("{n} non-emergency"),
                (c, 0) => format!("{c} call-today"),
                (c, n) => format!("{c} call-today · {n} others"),
            };
            match (own, later, group.tier) {
                (_, 0, _) => format!("+{more} more — press {ALL_KEY}"),
                (0, _, Some(Urgency::Emergency)) => {
                    format!("{non_emergency} — press {ALL_KEY}")
                }
                (_, _, Some(Urgency::Emergency)) => {
                    format!("+{own} more · {non_emergency} — press {ALL_KEY}")
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
pub(super) fn noun(tier: Option<Urgency>, n: usize) -> &'static str {
    match (tier, n) {
        (None, _) => "",
        (Some(_), 1) => " sign",
        (Some(_), _) => " signs",
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::Group;
    use super::*;
    use crate::checklist::NoteLine;
    use chrono::DateTime;

    pub(crate) fn sign(title: &str) -> NoteLine {
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
}

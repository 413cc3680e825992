//! When to call and what is normal now. The warning signs come grouped by urgency, most
//! urgent first, each group under words that cannot be mistaken: "EMERGENCY — call emergency
//! services now" in bold on red, "Call your clinic today" in red, "mention at next visit"
//! dim; the clinic's contact stands beside the heading ("your clinic" when the plan names
//! none).
//!
//! The notes take the rows they are given: with room, each sign on a line of its own with its
//! detail (as many lines of it as fit); with less, each group's words and signs run together
//! ("Call your clinic today: Fever … · Pus, …"), the most urgent groups first. What is left
//! out is said where it is left out ("+6 more", "next visit: 2 signs — press s"), and `s`
//! shows all of it (`NotesPanel`).

use crate::checklist::NoteLine;
use crate::rules::{Provider, Urgency};
use crate::tui::{text, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

const WARNINGS_TITLE: &str = " Call your provider if ";
const PHASES_TITLE: &str = "Normal now";
/// Marks a warning sign and a phase without relying on colour.
const WARNING_MARK: &str = "! ";
const PHASE_MARK: &str = "• ";
/// Always true, so the warnings are never empty.
const ANY_WORRY: &str = "anything worries you";
/// The most lines of detail a note gets on the main screen.
pub const MAX_DETAILS: usize = 3;
/// The emergency signs, named, take rows before the tasks do where they fit in this many
/// lines; on a narrower terminal they are counted ("EMERGENCY: 2 signs — press s").
const EMERGENCY_MIN_LINES: usize = 2;
/// What opens every note.
pub const ALL_KEY: &str = "s";

/// The day's warning signs and phases, and the clinic to call.
#[derive(Clone, Copy)]
pub struct Notes<'a> {
    pub phases: &'a [NoteLine],
    pub warnings: &'a [NoteLine],
    pub provider: Option<&'a Provider>,
}

/// One line of the notes, and how many notes it finishes naming.
struct NoteRow {
    line: Line<'static>,
    names: usize,
}

/// A group: a tier of warning signs, or the phases.
struct Group<'a> {
    /// The tier of warning signs; `None` for the phases.
    tier: Option<Urgency>,
    head: Vec<Span<'static>>,
    notes: Vec<&'a NoteLine>,
    mark: &'static str,
    style: Style,
}

impl Group<'_> {
    /// What a group with no notes says.
    fn empty_words(&self) -> &'static str {
        if self.tier.is_some() {
            ANY_WORRY
        } else {
            "nothing in particular"
        }
    }
}

/// A piece of text to flow onto lines: its words, its look, and whether it may break
/// between its words.
struct Piece {
    words: String,
    look: Style,
    breaks: bool,
}

fn piece(words: impl Into<String>, look: Style, breaks: bool) -> Piece {
    Piece {
        words: words.into(),
        look,
        breaks,
    }
}

/// `pieces` flowed onto lines of `width`: the first line after `first`, the others after
/// `next`. A piece that may not break moves whole to the next line (and is cut if it is
/// longer than a line); one that may, breaks between words.
fn flow(pieces: &[Piece], width: usize, first: &str, next: &str) -> Vec<Line<'static>> {
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

impl<'a> Notes<'a> {
    /// Rows the notes want at `width`: at least the heading and the most urgent line, at most
    /// every sign and phase with its details.
    pub fn rows_wanted(&self, width: u16) -> (u16, u16) {
        let width = usize::from(width);
        let most = self.detailed(width, MAX_DETAILS).len() + self.heading_rows(width, true);
        let as_rows = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        // The heading, the clinic's contact when it needs a line, the emergency signs named
        // (never only counted), and a line that counts the rest.
        let groups = self.groups();
        let emergency = groups
            .iter()
            .find(|g| g.tier == Some(Urgency::Emergency))
            .map(|g| pack(g, width).len())
            .filter(|&lines| lines <= EMERGENCY_MIN_LINES)
            .unwrap_or(0);
        let rest = usize::from(groups.len() > usize::from(emergency > 0));
        let least = self.heading_rows(width, false) + (emergency + rest).max(1);
        (as_rows(least.min(most)), as_rows(most))
    }

    /// The groups: each tier of warning signs present, most urgent first, then the phases.
    fn groups(&self) -> Vec<Group<'a>> {
        let mut groups: Vec<Group> = Urgency::ALL
            .iter()
            .filter_map(|&tier| {
                let notes: Vec<&NoteLine> = self
                    .warnings
                    .iter()
                    .filter(|n| n.urgency.unwrap_or_default() == tier)
                    .collect();
                (!notes.is_empty()).then(|| Group {
                    tier: Some(tier),
                    head: tier_words(tier, self.provider),
                    notes,
                    mark: WARNING_MARK,
                    style: tier_style(tier),
                })
            })
            .collect();
        if self.warnings.is_empty() {
            groups.push(Group {
                tier: Some(Urgency::Call),
                head: vec![Span::styled(
                    format!("Call {}", clinic_name(self.provider)),
                    theme::CALL_TAG,
                )],
                notes: Vec::new(),
                mark: WARNING_MARK,
                style: theme::WARNING,
            });
        }
        if !self.phases.is_empty() {
            groups.push(Group {
                tier: None,
                head: vec![Span::styled(PHASES_TITLE, theme::SECTION)],
                notes: self.phases.iter().collect(),
                mark: PHASE_MARK,
                style: theme::PHASE,
            });
        }
        groups
    }

    /// Every group with its notes a line each (wrapped if long), each with up to `details`
    /// lines of detail.
    fn detailed(&self, width: usize, details: usize) -> Vec<NoteRow> {
        self.detailed_by(width, &mut |_| details)
    }

    /// `detailed`, with as many lines of detail for each note, in order, as `details` gives
    /// it when asked with the note's detail in lines.
    fn detailed_by(&self, width: usize, details: &mut dyn FnMut(usize) -> usize) -> Vec<NoteRow> {
        let mut rows = Vec::new();
        let lines = |rows: &mut Vec<NoteRow>, lines: Vec<Line<'static>>, names: usize| {
            let last = lines.len().saturating_sub(1);
            rows.extend(lines.into_iter().enumerate().map(|(i, line)| NoteRow {
                line,
                names: if i == last { names } else { 0 },
            }));
        };
        for group in self.groups() {
            let head: Vec<Piece> = group
                .head
                .iter()
                .map(|s| piece(s.content.to_string(), s.style, true))
                .collect();
            lines(&mut rows, flow(&head, width, " ", "  "), 0);
            if group.notes.is_empty() {
                let empty = [
                    piece(group.mark, group.style, false),
                    piece(group.empty_words(), theme::MUTED, true),
                ];
                lines(&mut rows, flow(&empty, width, "  ", "    "), 0);
            }
            for note in &group.notes {
                let title = [
                    piece(group.mark, group.style, false),
                    piece(note.title.clone(), group.style, true),
                ];
                lines(&mut rows, flow(&title, width, "  ", "    "), 1);
                let all = text::wrap(&note.detail, width.saturating_sub(5), usize::MAX).len();
                let detail = text::wrap(&note.detail, width.saturating_sub(5), details(all));
                lines(
                    &mut rows,
                    detail
                        .into_iter()
                        .map(|d| {
                            Line::from(vec![Span::raw("    "), Span::styled(d, theme::DETAIL)])
                        })
                        .collect(),
                    0,
                );
            }
        }
        rows
    }

    /// Rows the heading takes: its rule, and a line for the clinic's contact when it does not
    /// fit beside the words on the rule.
    fn heading_rows(&self, width: usize, all_shown: bool) -> usize {
        1 + usize::from(self.contact_below(width, all_shown))
    }

    fn right_words(&self, all_shown: bool, contact: Option<&str>) -> String {
        match (contact, all_shown) {
            (Some(contact), true) => format!(" {contact} "),
            (Some(contact), false) => format!(" {contact} · {ALL_KEY}: all "),
            (None, true) => String::new(),
            (None, false) => format!(" {ALL_KEY}: all "),
        }
    }

    /// The clinic's contact as it fits beside the heading: whole, else its name and phone,
    /// else its phone alone; `None` when none fits.
    fn contact_beside(&self, width: usize, all_shown: bool) -> Option<String> {
        self.contact_options().into_iter().find(|c| {
            text::width(WARNINGS_TITLE) + text::width(&self.right_words(all_shown, Some(c))) + 2
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

    /// The lines that fit in `rows` rows at `width` (the heading not counted): with details
    /// where every note fits with them, else each group's words and titles run together,
    /// the most urgent groups whole first; a group cut short says "+3 more", and the groups
    /// left out are counted on the last line ("next visit: 2 signs — press s").
    fn fit(&self, width: usize, rows: usize) -> Vec<NoteRow> {
        // Every note on its line where they all fit, then details for the most urgent first.
        let titles = self.detailed(width, 0).len();
        if titles <= rows {
            let mut spare = rows - titles;
            return self.detailed_by(width, &mut |lines| {
                let give = lines.min(MAX_DETAILS).min(spare);
                spare -= give;
                give
            });
        }
        let groups = self.groups();
        let mut out: Vec<NoteRow> = Vec::new();
        let mut left = rows;
        for (g, group) in groups.iter().enumerate() {
            let rest = &groups[g + 1..];
            let mut lines = pack(group, width);
            // Keep a line to count the groups after this one, unless this one is the last.
            let keep = usize::from(!rest.is_empty());
            if lines.len() + keep <= left {
                left -= lines.len();
                out.extend(lines);
                continue;
            }
            let room = left.saturating_sub(keep);
            if room > 0 {
                let total = group.notes.len();
                lines.truncate(room);
                let named: usize = lines.iter().map(|l| l.names).sum();
                if let Some(last) = lines.last_mut().filter(|_| named < total) {
                    last.line.spans.push(Span::styled(
                        format!(" +{} more", total - named),
                        theme::MUTED,
                    ));
                    cut_to_width(&mut last.line, width);
                }
                out.extend(lines);
                left -= room;
            }
            let counted = if room > 0 { rest } else { &groups[g..] };
            if left > 0 && !counted.is_empty() {
                out.push(NoteRow {
                    line: count_line(counted, width),
                    names: 0,
                });
            }
            break;
        }
        out
    }

    /// Every line of every note, details whole, at `width`: what `s` shows.
    pub fn all_lines(&self, width: usize) -> Vec<Line<'static>> {
        self.detailed(width, usize::MAX)
            .into_iter()
            .map(|r| r.line)
            .collect()
    }
}

impl Widget for Notes<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let width = usize::from(area.width);
        let every = self.detailed(width, 0).len();
        let below = self.contact_below(width, false);
        let rows = usize::from(area.height).saturating_sub(1 + usize::from(below));
        let shown = self.fit(width, rows);
        let all_shown = shown.len() >= every;
        let below = self.contact_below(width, all_shown);
        // Without a clinic of its own, "your clinic" gives way to "s: all" where both do
        // not fit.
        let beside = self.contact_beside(width, all_shown);
        let right = self.right_words(all_shown, beside.as_deref());
        let rule = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::RULE)
            .title(Span::styled(WARNINGS_TITLE, theme::WARNING_SECTION))
            .title(Line::styled(right, theme::CONTACT).right_aligned());
        let mut inner = rule.inner(area);
        rule.render(area, buf);
        if below && inner.height > 0 {
            // As much of the contact as fits whole: a phone number is never cut.
            let room = width.saturating_sub(2);
            let words = self
                .contact_options()
                .into_iter()
                .find(|c| text::width(c) <= room)
                .unwrap_or_else(|| text::truncate(&contact(self.provider), room));
            Line::from(vec![Span::raw(" "), Span::styled(words, theme::CONTACT)])
                .render(inner, buf);
            inner.y += 1;
            inner.height -= 1;
        }
        Paragraph::new(shown.into_iter().map(|r| r.line).collect::<Vec<_>>()).render(inner, buf);
    }
}

/// A group's words and its notes' titles run together onto lines of `width` ("Call your
/// clinic today: Fever … · Pus, …"), each continued line indented.
fn pack(group: &Group, width: usize) -> Vec<NoteRow> {
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
        group.notes.iter().map(|n| n.title.clone()).collect()
    };
    // Which piece ends which note, to count the notes a line finishes naming.
    let mut ends = Vec::new();
    for (n, title) in titles.into_iter().enumerate() {
        if n > 0 {
            pieces.push(piece(" · ", theme::MUTED, false));
        }
        pieces.push(piece(title, group.style, true));
        ends.push(pieces.len() - 1);
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

/// "Call your clinic today: 7 signs · next visit: 2 signs · normal now: 3 — press s"
fn count_line(groups: &[Group], width: usize) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::MUTED));
        }
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
        let noun = match (group.tier, n) {
            (None, _) => "",
            (Some(_), 1) => " sign",
            (Some(_), _) => " signs",
        };
        spans.push(Span::styled(words, style));
        spans.push(Span::styled(format!(": {n}{noun}"), theme::MUTED));
    }
    spans.push(Span::styled(format!(" — press {ALL_KEY}"), theme::MUTED));
    let mut line = Line::from(spans);
    cut_to_width(&mut line, width);
    line
}

/// Cuts the spans of `line` so it takes at most `width` cells, keeping its last span.
fn cut_to_width(line: &mut Line<'static>, width: usize) {
    while line.width() > width && line.spans.len() > 2 {
        let at = line.spans.len() - 2;
        let over = line.width() - width;
        let span = &line.spans[at];
        let keep = span.width().saturating_sub(over);
        if keep >= 4 {
            let cut = text::truncate(&span.content, keep);
            line.spans[at] = Span::styled(cut, span.style);
        } else {
            line.spans.remove(at);
        }
    }
}

/// The words of a tier, styled so they cannot be mistaken for one another.
pub fn tier_words(tier: Urgency, provider: Option<&Provider>) -> Vec<Span<'static>> {
    match tier {
        Urgency::Emergency => vec![Span::styled(
            format!("{} — call emergency services now", tier.tag()),
            theme::EMERGENCY_TAG,
        )],
        Urgency::Call => vec![Span::styled(
            format!("Call {} today", clinic_name(provider)),
            theme::CALL_TAG,
        )],
        Urgency::Mention => vec![Span::styled("mention at next visit", theme::MENTION_TAG)],
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

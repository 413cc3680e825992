//! When to call and what is normal now. The warning signs come grouped by urgency, most
//! urgent first, each group under words that cannot be mistaken: "EMERGENCY — call emergency
//! services now" in bold on red, "Call your clinic today" in red, "Mention at your next visit"
//! dim; the clinic's contact stands beside the heading ("your clinic" when the plan names
//! none).
//!
//! The notes take the rows they are given: with room, each sign on a line of its own with its
//! detail (as many lines of it as fit); with less, each group's words and signs run together
//! ("Call your clinic today: Fever … · Pus, …"), the most urgent groups first. What is left
//! out is said where it is left out ("+6 more", "next visit: 2 signs — press s"), and `s`
//! shows all of it (`NotesPanel`).

//!
//! This file groups the notes and fits them to the rows given; `flow` runs words onto
//! lines, `heading` draws the heading with the clinic's contact and the notes under it,
//! `kept` keeps that text while the notes and their area stay the same.

mod flow;
mod heading;
mod kept;

pub use heading::{clinic_name, tier_words};
pub use kept::NotesCache;

use crate::checklist::NoteLine;
use crate::rules::{Provider, Urgency};
use crate::tui::{text, theme};
use flow::{Piece, count_line, flow, pack, pack_first, pack_first_and, piece};
use heading::tier_style;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

const WARNINGS_TITLE: &str = " Warning signs ";
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
    /// The viewed day's check-in alerts: the panel `s` opens reads them whole first.
    pub alerts: &'a [crate::journal::AlertLine],
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

impl<'a> Notes<'a> {
    /// Rows the notes want at `width`: at least the heading and the most urgent line, at most
    /// every sign and phase with its details.
    pub fn rows_wanted(&self, width: u16) -> (u16, u16) {
        let width = usize::from(width);
        let most = self.detailed(width, usize::MAX).len() + self.heading_rows(width, true);
        let as_rows = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        // The heading, the clinic's contact when it needs a line, the emergency signs named
        // (never only counted), and a line that counts the rest.
        let groups = self.groups();
        // With a check-in alert up, its box already says whom to call and the heading says
        // `s` opens every sign: the line counting the rest gives its row to until when each
        // thing is to be avoided first.
        let rest = |named_all: bool| {
            usize::from(groups.len() > usize::from(named_all) && self.alerts.is_empty())
        };
        let signs = match groups.first() {
            // Where the emergency signs take more than a few lines, the first is named and
            // the rest counted after it ("… · +10 more — press s"), where that takes no more
            // lines; on the smallest terminals (50 columns) they are counted, so that the
            // tasks on now keep their rows.
            Some(g) if g.tier == Some(Urgency::Emergency) => match pack(g, width).len() {
                lines if lines <= EMERGENCY_MIN_LINES => lines + rest(true),
                _ => {
                    let later = self.later_notes(&groups, 0);
                    emergency_fold(g, later, width, EMERGENCY_MIN_LINES).map_or(1, |l| l.len())
                }
            },
            _ => rest(false),
        };
        let least = self.heading_rows(width, false) + signs.max(1);
        (as_rows(least.min(most)), as_rows(most))
    }

    /// Rows the notes take at `width` with every emergency sign named (the heading, the
    /// signs, the rest counted), where a terminal too short for everything names only the
    /// first (`rows_wanted`'s least): the layout gives them these rows when the things to
    /// avoid and the tasks on now still fit (60x20 named one of the two). `None` when the
    /// least already names them all, or there are no emergency signs.
    pub fn rows_naming_emergency(&self, width: u16) -> Option<u16> {
        let width = usize::from(width);
        let groups = self.groups();
        let g = groups
            .first()
            .filter(|g| g.tier == Some(Urgency::Emergency))?;
        let count_line = usize::from(groups.len() > 1 && self.alerts.is_empty());
        let whole = pack(g, width).len();
        if whole + count_line <= EMERGENCY_MIN_LINES {
            return None;
        }
        // Named whole, the signs after them are counted by the heading ("s: +9 call-today
        // signs"), or on their last line where that takes no more lines.
        let later = self.later_notes(&groups, 0);
        let folded = pack_first_and(g, g.notes.len(), later, width).len();
        let rows = self.heading_rows(width, false) + whole.min(folded);
        u16::try_from(rows).ok()
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

    /// The lines that fit in `rows` rows at `width` (the heading not counted): with details
    /// where every note fits with them, else each group's words and titles run together,
    /// the most urgent groups whole first; a group cut short says "+3 more", and the groups
    /// left out are counted on the last line ("next visit: 2 signs — press s"). Also how many
    /// call-today signs are neither named nor counted (with an alert up the count line may
    /// give its row away), for the heading to say.
    fn fit(&self, width: usize, rows: usize) -> (Vec<NoteRow>, usize) {
        // Every note on its line where they all fit, then details for the most urgent first.
        let titles = self.detailed(width, 0).len();
        if titles <= rows {
            let gives = detail_lines(&self.detail_wants(width), rows - titles);
            let mut gives = gives.into_iter();
            let all = self.detailed_by(width, &mut |_| gives.next().unwrap_or(0));
            return (all, 0);
        }
        let groups = self.groups();
        let mut out: Vec<NoteRow> = Vec::new();
        let mut unnamed_calls = 0;
        let mut left = rows;
        for (g, group) in groups.iter().enumerate() {
            let rest = &groups[g + 1..];
            let mut lines = pack(group, width);
            // Keep a line to count the groups after this one, unless this one is the last,
            // or a check-in alert is up and this group fits whole (see `rows_wanted`): the
            // alert's box says whom to call, and the heading that `s` opens every sign.
            let whole = !self.alerts.is_empty() && lines.len() <= left;
            let keep = usize::from(!rest.is_empty() && !whole);
            if lines.len() + keep <= left {
                left -= lines.len();
                out.extend(lines);
                continue;
            }
            // The emergency signs are named first whenever any sign is shown: as many as
            // fit whole with everything after them counted on their last line.
            if group.tier == Some(Urgency::Emergency) && !rest.is_empty() {
                let later = self.later_notes(&groups, g);
                let fold = emergency_fold(group, later, width, left);
                let names = |rows: &[NoteRow]| rows.iter().map(|r| r.names).sum::<usize>();
                // Every one named comes before the count of those after: where they fit
                // whole but not with the count, the heading counts the call-today signs.
                if lines.len() <= left && fold.as_ref().is_none_or(|f| names(f) < group.notes.len())
                {
                    out.extend(lines);
                    let calls = rest.iter().filter(|g| g.tier == Some(Urgency::Call));
                    unnamed_calls = calls.map(|g| g.notes.len()).sum();
                    break;
                }
                if let Some(lines) = fold {
                    // The call-today signs are counted as such on the fold's line ("9
                    // call-today · 7 others"): the heading need not count them again.
                    out.extend(lines);
                    break;
                }
                // Not one sign whole: the first named cut short, never the tier counted
                // alone ("EMERGENCY: 2 signs" named no sign to look out for).
                if left > 0
                    && let Some(line) = emergency_cut(group, later, width)
                {
                    out.push(NoteRow { line, names: 1 });
                    break;
                }
            }
            // As many notes as fit whole, then "+3 more — press s": cut between notes. A
            // group that names none is counted with the rest, on one line ("next visit: 3
            // signs · normal now: 1"), not a line of its own above the count.
            let fitted = text::most_that_fit(
                1..group.notes.len(),
                |named| pack_first(group, named, width),
                |l| l.len() <= left.saturating_sub(keep),
            );
            let room = if fitted.is_some() || group.notes.is_empty() {
                left.saturating_sub(keep)
            } else {
                0
            };
            if room > 0 {
                lines = fitted.unwrap_or_else(|| {
                    lines.truncate(room);
                    lines
                });
                out.extend(lines);
                left -= room;
            }
            let counted = if room > 0 { rest } else { &groups[g..] };
            if left > 0 && !counted.is_empty() {
                out.push(NoteRow {
                    line: count_line(counted, width),
                    names: 0,
                });
            } else {
                let calls = counted.iter().filter(|g| g.tier == Some(Urgency::Call));
                unnamed_calls = calls.map(|g| g.notes.len()).sum();
            }
            break;
        }
        say_key_once(&mut out);
        (out, unnamed_calls)
    }

    /// How many notes the groups after `groups[g]` hold: (call-today signs, the others), so
    /// a line counting them says which are to be called about today.
    fn later_notes(&self, groups: &[Group<'_>], g: usize) -> (usize, usize) {
        let later = &groups[g + 1..];
        let calls = later.iter().filter(|g| g.tier == Some(Urgency::Call));
        let calls: usize = calls.map(|g| g.notes.len()).sum();
        let all: usize = later.iter().map(|g| g.notes.len()).sum();
        (calls, all - calls)
    }

    /// Each note's detail in lines at `width`, in the order they are drawn.
    fn detail_wants(&self, width: usize) -> Vec<usize> {
        let mut wants = Vec::new();
        self.detailed_by(width, &mut |lines| {
            wants.push(lines);
            0
        });
        wants
    }

    /// Every line of every note, details whole, at `width`: what `s` shows.
    pub fn all_lines(&self, width: usize) -> Vec<Line<'static>> {
        self.detailed(width, usize::MAX)
            .into_iter()
            .map(|r| r.line)
            .collect()
    }
}

/// Lines of detail for each note wanting `wants` lines, out of `spare`: up to
/// `MAX_DETAILS` each, most urgent first, then each note's detail whole, most urgent first,
/// where the rest of it fits (at 120x40 every sign was cut after three lines with rows to
/// spare). A detail still cut is said by the heading's "s: all".
fn detail_lines(wants: &[usize], spare: usize) -> Vec<usize> {
    let mut left = spare;
    let mut gives: Vec<usize> = wants
        .iter()
        .map(|&want| {
            let give = want.min(MAX_DETAILS).min(left);
            left -= give;
            give
        })
        .collect();
    for (give, &want) in gives.iter_mut().zip(wants) {
        let more = want - *give;
        if more > 0 && more <= left {
            *give = want;
            left -= more;
        }
    }
    gives
}

/// The key that opens every sign said once, on the last line that says it: a group cut
/// short ("Call your clinic today: 7 signs — press s") right above the line counting the
/// groups after it ("next visit: 2 signs · normal now: 2 — press s") said it twice.
fn say_key_once(rows: &mut [NoteRow]) {
    let key = format!(" — press {ALL_KEY}");
    let says_key = |row: &NoteRow| {
        row.line
            .spans
            .last()
            .is_some_and(|s| s.content.trim_end().ends_with(key.as_str()))
    };
    let Some(last) = rows.iter().rposition(says_key) else {
        return;
    };
    for row in &mut rows[..last] {
        if !says_key(row) {
            continue;
        }
        if let Some(span) = row.line.spans.last_mut() {
            let words = span.content.trim_end();
            let kept = words
                .strip_suffix(key.as_str())
                .unwrap_or(words)
                .to_string();
            span.content = kept.into();
        }
    }
}

/// One line naming the first emergency sign cut to fit, everything after it counted
/// ("EMERGENCY: Swollen lips, tongue… · 12 more — press s"); `None` where not even a few
/// words of it fit.
fn emergency_cut(group: &Group<'_>, later: (usize, usize), width: usize) -> Option<Line<'static>> {
    let first = group.notes.first()?;
    let tag = format!(" {}: ", Urgency::Emergency.tag());
    let own = group.notes.len() - 1;
    let others = later.0 + later.1;
    // The other tiers counted apart where that fits ("+12 more" read as twelve more
    // emergencies), else all together.
    let tails = match (own, others) {
        (0, 0) => vec![String::new()],
        (0, n) => vec![format!(" · {n} non-emergency — press {ALL_KEY}")],
        (o, 0) => vec![format!(" · +{o} more — press {ALL_KEY}")],
        (o, n) => vec![
            format!(" · +{o} more · {n} non-emergency — press {ALL_KEY}"),
            format!(" · +{o} · {n} others — press {ALL_KEY}"),
            format!(" · {} more — press {ALL_KEY}", o + n),
        ],
    };
    // A few words at least, or the sign reads as nothing.
    let fits = |tail: &String| {
        // The last column kept clear, as every other line of the signs keeps it.
        let room = width.checked_sub(1 + text::width(&tag) + text::width(tail))?;
        (room >= 12).then_some(room)
    };
    let (tail, room) = tails.iter().find_map(|t| Some((t.clone(), fits(t)?)))?;
    Some({
        let look = group.head.first().map_or(group.style, |s| s.style);
        Line::from(vec![
            Span::styled(tag, look),
            Span::styled(text::truncate(&first.title, room), group.style),
            Span::styled(tail, theme::MUTED),
        ])
    })
}

/// The emergency signs named in at most `rows` lines, as many as fit whole, with the `later`
/// signs after them counted ("… · +11 more — press s"): under the tier's own words where they
/// fit, else under "EMERGENCY" alone (60 columns, where the words would take a third line).
/// `None` where not even one sign fits.
fn emergency_fold(
    group: &Group<'_>,
    later: (usize, usize),
    width: usize,
    rows: usize,
) -> Option<Vec<NoteRow>> {
    let short = Group {
        tier: group.tier,
        head: vec![Span::styled(
            Urgency::Emergency.tag().to_string(),
            group.head.first().map_or(group.style, |s| s.style),
        )],
        notes: group.notes.clone(),
        mark: group.mark,
        style: group.style,
    };
    [group, &short].into_iter().find_map(|g| {
        text::most_that_fit(
            1..g.notes.len() + 1,
            |named| pack_first_and(g, named, later, width),
            |l| l.len() <= rows,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::detail_lines;

    #[test]
    fn details_get_three_lines_each_then_whole_where_the_rest_fits() {
        // Too few rows: three each, most urgent first, then what is left.
        assert_eq!(detail_lines(&[5, 4, 2], 7), [3, 3, 1]);
        // Three each leave 4 rows: the first whole (2 more), the second whole (1 more).
        assert_eq!(detail_lines(&[5, 4, 2], 12), [5, 4, 2]);
        // Left 2: the first would need 3 more and stays cut; the second's 1 more fits.
        assert_eq!(detail_lines(&[6, 4, 1], 9), [3, 4, 1]);
        assert_eq!(detail_lines(&[], 9), Vec::<usize>::new());
    }
}

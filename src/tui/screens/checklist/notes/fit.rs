//! Fitting the notes to the rows given: every note with details where all fit, else each
//! group run together, the most urgent first, the emergency signs named before the rest, and
//! what is left out counted ("+6 more", "next visit: 2 signs — press s").

use super::count_line::count_line;
use super::details::detail_lines;
use super::flow::{pack, pack_first, pack_first_and};
use super::{ALL_KEY, Group, NoteRow, Notes};
use crate::rules::Urgency;
use crate::tui::{text, theme};
use ratatui::text::{Line, Span};

impl Notes<'_> {
    /// The lines that fit in `rows` rows at `width` (the heading not counted): with details
    /// where every note fits with them, else each group's words and titles run together,
    /// the most urgent groups whole first; a group cut short says "+3 more", and the groups
    /// left out are counted on the last line ("next visit: 2 signs — press s"). Also how many
    /// call-today signs are neither named nor counted (with an alert up the count line may
    /// give its row away), for the heading to say.
    pub(super) fn fit(&self, width: usize, rows: usize) -> (Vec<NoteRow>, usize) {
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
    pub(super) fn later_notes(&self, groups: &[Group<'_>], g: usize) -> (usize, usize) {
        let later = &groups[g + 1..];
        let calls = later.iter().filter(|g| g.tier == Some(Urgency::Call));
        let calls: usize = calls.map(|g| g.notes.len()).sum();
        let all: usize = later.iter().map(|g| g.notes.len()).sum();
        (calls, all - calls)
    }
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
pub(super) fn emergency_fold(
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

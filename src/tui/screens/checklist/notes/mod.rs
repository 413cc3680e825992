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
//! This file groups the notes and says how many rows they want; `details` lays them out
//! with their details, `fit` fits them to the rows given, `flow` runs words onto lines,
//! `heading` draws the heading with the clinic's contact and the notes under it, `kept`
//! keeps that text while the notes and their area stay the same.

mod count_line;
mod details;
mod fit;
mod flow;
mod heading;
mod kept;

pub use heading::{clinic_name, tier_words};
pub use kept::NotesCache;

use crate::checklist::NoteLine;
use crate::rules::{Provider, Urgency};
use crate::tui::theme;
use fit::emergency_fold;
use flow::{pack, pack_first_and};
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
}

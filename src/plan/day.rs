//! One day of a plan, and the local-midnight arithmetic that bounds it.

use crate::rules::{Kind, Note, Rule};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// A day of the plan: the tasks it holds and the notes that apply.
#[derive(Debug, Clone)]
pub struct Day<'r> {
    /// 1 on the treatment's date; 0 and less before it.
    pub day: i64,
    pub date: NaiveDate,
    /// Local midnight at the start of the day ...
    pub starts: DateTime<FixedOffset>,
    /// ... and at its end (23 or 25 hours later on a DST change).
    pub ends: DateTime<FixedOffset>,
    pub tasks: Vec<Task<'r>>,
    pub phases: Vec<Span<'r>>,
    pub warnings: Vec<Span<'r>>,
}

/// A rule as it shows on one day: its whole window, and which half of the day if it repeats
/// morning and evening.
#[derive(Debug, Clone, PartialEq)]
pub struct Task<'r> {
    pub rule: &'r Rule,
    pub slot: Option<Slot>,
    /// When the rule's window opens ...
    pub starts: DateTime<FixedOffset>,
    /// ... and closes (exclusive).
    pub ends: DateTime<FixedOffset>,
}

/// A phase or warning with its window.
#[derive(Debug, Clone, PartialEq)]
pub struct Span<'r> {
    pub note: &'r Note,
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
}

/// Which half of the day a twice-daily task belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    Morning,
    Evening,
}

impl<'r> Task<'r> {
    pub fn new(
        rule: &'r Rule,
        slot: Option<Slot>,
        starts: DateTime<FixedOffset>,
        ends: DateTime<FixedOffset>,
    ) -> Self {
        Task {
            rule,
            slot,
            starts,
            ends,
        }
    }

    /// The id tick-offs are saved under: the rule's id, plus `@morning` or `@evening`.
    pub fn id(&self) -> String {
        match self.slot {
            Some(slot) => format!("{}@{}", self.rule.id, slot.as_str()),
            None => self.rule.id.clone(),
        }
    }

    pub fn kind(&self) -> Kind {
        self.rule.kind
    }

    pub fn title(&self) -> &'r str {
        &self.rule.title
    }
}

impl Slot {
    pub fn as_str(self) -> &'static str {
        match self {
            Slot::Morning => "morning",
            Slot::Evening => "evening",
        }
    }

    pub fn parse(text: &str) -> Option<Slot> {
        match text {
            "morning" => Some(Slot::Morning),
            "evening" => Some(Slot::Evening),
            _ => None,
        }
    }

    /// The hour a slot's task is usually done (also when the calendar export reminds): 08:00
    /// and 20:00. A slot is on a day when its window is open at some point from this hour to
    /// the end of its half of the day, so a window that closes at 14:00 keeps that morning's
    /// task but gives no evening one, and one that opens at 22:00 still gets that evening's
    /// (on the treatment's own day a routine before the treatment is left out,
    /// `Plan::is_before_treatment`). A
    /// window too short to reach either (14:00–18:00) gets the half of the day it falls in.
    pub const fn hour(self) -> u32 {
        match self {
            Slot::Morning => 8,
            Slot::Evening => 20,
        }
    }

    /// Where the slot's half of the day ends: noon, or midnight (24).
    pub const fn until_hour(self) -> u32 {
        match self {
            Slot::Morning => 12,
            Slot::Evening => 24,
        }
    }

    /// Morning tasks come before all-day ones (rank 1), evening ones after.
    pub fn rank(self) -> u8 {
        match self {
            Slot::Morning => 0,
            Slot::Evening => 2,
        }
    }
}

//! One thing the plan says, as the screens point at it: a rule, a phase or a warning sign, by
//! its index in the rules file. The timeline lists them, the checklist's tasks come from
//! them, and the "why" popup explains one; none of those screens needs the others for it.

use crate::plan::Plan;
use crate::rules::{Kind, Note, Repeat, Rule, Rules, Window, Windowed};
use chrono::TimeZone;

/// A group of items, in the order the timeline shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Before,
    Do,
    Avoid,
    Normal,
    Warning,
}

impl Section {
    pub fn title(self) -> &'static str {
        match self {
            Section::Before => "Before treatment",
            Section::Do => "To do",
            Section::Avoid => "To avoid",
            Section::Normal => "What is normal",
            Section::Warning => "Warning signs",
        }
    }
}

/// A rule, a phase or a warning sign, by index into the rules file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Rule(usize),
    Phase(usize),
    Warning(usize),
}

/// What an item needs to be drawn: its words and its window.
pub struct ItemInfo<'r> {
    pub title: &'r str,
    /// When the item's window opens and closes (`Plan::instant` places each end).
    pub window: Window,
    pub section: Section,
    /// Do or avoid, for rules.
    pub kind: Option<Kind>,
    /// A one-off task after the treatment, such as booking the next session: highlighted.
    pub milestone: bool,
}

impl Item {
    /// The rule a checklist task (`rule-id` or `rule-id@slot`) comes from.
    pub fn of_task<Tz: TimeZone>(
        plan: &Plan<'_, Tz>,
        rules: &Rules,
        task_id: &str,
    ) -> Option<Item> {
        let (rule, _) = plan.find_rule(task_id)?;
        rules
            .rules
            .iter()
            .position(|r| r.id == rule.id)
            .map(Item::Rule)
    }

    /// The item's words and window, or `None` when the index is not in `rules`.
    pub fn info(self, rules: &Rules) -> Option<ItemInfo<'_>> {
        fn note(note: &Note, section: Section) -> ItemInfo<'_> {
            ItemInfo {
                title: &note.title,
                window: note.window(),
                section,
                kind: None,
                milestone: false,
            }
        }
        Some(match self {
            Item::Rule(i) => {
                let rule = rules.rules.get(i)?;
                ItemInfo {
                    title: &rule.title,
                    window: rule.window(),
                    section: section_of(rule),
                    kind: Some(rule.kind),
                    milestone: is_milestone(rule),
                }
            }
            Item::Phase(i) => note(rules.phases.get(i)?, Section::Normal),
            Item::Warning(i) => note(rules.warnings.get(i)?, Section::Warning),
        })
    }
}

/// The section a rule is listed under: before the treatment, or by its kind.
pub fn section_of(rule: &Rule) -> Section {
    match rule.kind {
        _ if rule.window().ends_by_treatment() => Section::Before,
        Kind::Do => Section::Do,
        Kind::Avoid => Section::Avoid,
    }
}

/// A one-off task after the treatment (booking the next session): marked on the timeline.
pub fn is_milestone(rule: &Rule) -> bool {
    rule.kind == Kind::Do && rule.repeat == Repeat::Once && rule.window().nominal_hours().0 > 0
}

//! "Why this task?": everything the plan says about one rule, phase or warning sign, for the
//! popup that opens when the one-line strip is not enough.

use super::app::{App, Screen};
use super::timeline::{Item, Section};
use crate::rules::{Repeat, Rules};
use chrono::{DateTime, FixedOffset, TimeZone};

/// What the popup shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub title: String,
    pub section: Section,
    /// The window, in the plan's time zone.
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
    pub hours: i64,
    /// How often, for rules (phases and warnings do not repeat).
    pub repeat: Option<Repeat>,
    /// The rationale of a rule, the detail of a phase or warning.
    pub text: String,
    /// (title, detail) of each source cited.
    pub sources: Vec<(String, String)>,
}

impl<Tz: TimeZone> App<Tz> {
    /// The item the "why" key is about: the selected task, or the selected timeline row.
    pub fn why_item(&self) -> Option<Item> {
        match self.screen {
            Screen::Timeline => self.timeline_item(),
            Screen::Checklist => {
                let plan = self.plan()?;
                let (rule, _) = plan.find_rule(&self.selected_task()?.id)?;
                let index = self.rules.rules.iter().position(|r| r.id == rule.id)?;
                Some(Item::Rule(index))
            }
            Screen::Start(_) | Screen::Chart | Screen::History => None,
        }
    }

    /// What the "why" popup says about the selected item.
    pub fn why(&self) -> Option<Why> {
        let item = self.why_item()?;
        let plan = self.plan()?;
        let info = item.info(&self.rules)?;
        let (text, sources, repeat) = match item {
            Item::Rule(i) => {
                let rule = &self.rules.rules[i];
                (&rule.rationale, &rule.sources, Some(rule.repeat))
            }
            Item::Phase(i) => (
                &self.rules.phases[i].detail,
                &self.rules.phases[i].sources,
                None,
            ),
            Item::Warning(i) => {
                let note = &self.rules.warnings[i];
                (&note.detail, &note.sources, None)
            }
        };
        Some(Why {
            title: info.title.to_string(),
            section: info.section,
            starts: plan.local(plan.instant(info.window.from)),
            ends: plan.local(plan.instant(info.window.until)),
            hours: (plan.instant(info.window.until) - plan.instant(info.window.from)).num_hours(),
            repeat,
            text: text.clone(),
            sources: sources.iter().map(|id| source(&self.rules, id)).collect(),
        })
    }
}

fn source(rules: &Rules, id: &str) -> (String, String) {
    match rules.source(id) {
        Some(s) => (s.title.clone(), s.detail.clone().unwrap_or_default()),
        None => (id.to_string(), String::new()),
    }
}

/// "48 h", "7 days", "6 weeks", "9 days 12 h": how long a window lasts.
pub fn length_label(hours: i64) -> String {
    match (hours / 24, hours % 24) {
        _ if hours < 72 => format!("{hours} h"),
        (days, 0) if days % 7 == 0 && days >= 14 => format!("{} weeks", days / 7),
        (days, 0) => format!("{days} days"),
        (days, h) => format!("{days} days {h} h"),
    }
}

/// How often a rule asks for something.
pub fn repeat_label(repeat: Repeat) -> &'static str {
    match repeat {
        Repeat::Once => "Once, any time in the window",
        Repeat::Daily => "Every day of the window",
        Repeat::MorningAndEvening => "Every morning and evening of the window",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_lengths_read_naturally() {
        assert_eq!(length_label(48), "48 h");
        assert_eq!(length_label(168), "7 days");
        assert_eq!(length_label(96), "4 days");
        assert_eq!(length_label(1008), "6 weeks");
        assert_eq!(length_label(228), "9 days 12 h");
    }
}

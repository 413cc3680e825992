//! "Why this task?": everything the plan says about one rule, phase or warning sign, in a
//! popup that opens when the checklist's one-line strip is not enough: for a warning sign how
//! soon to act and whom to call, and every source cited as a patient can look it up (never a
//! file path). Taller than the screen it scrolls (↑↓, PgUp/PgDn, Home, End); any other key
//! closes it. The model is here; `view` draws it.

mod view;

use super::Effect;
use crate::inert::inert;
use crate::rules::{Provider, Repeat, Rule, Rules, SourceKind, Urgency};
use crate::tui::context::Context;
use crate::tui::keymap::is_press;
use crate::tui::plan_item::{Item, Section};
use crate::tui::widgets::popup::{Scroll, text_rows};
use chrono::{DateTime, FixedOffset, TimeZone};
use crossterm::event::KeyEvent;

/// What the popup shows: the item's title, section, window, how often, its rationale and
/// its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub title: String,
    pub section: Section,
    /// The window, in the plan's time zone.
    pub starts: DateTime<FixedOffset>,
    pub ends: DateTime<FixedOffset>,
    pub hours: i64,
    /// How often, for rules (`repeat_label`; phases and warnings do not repeat).
    pub repeat: Option<&'static str>,
    /// The local date a once task is offered from, when that is before its window's first
    /// day: the booking of the next session comes up (and can be ticked) a week early.
    pub offered: Option<chrono::NaiveDate>,
    /// The rationale of a rule, the detail of a phase or warning.
    pub text: String,
    /// How soon to act, for warning signs ...
    pub urgency: Option<Urgency>,
    /// ... and the clinic to contact, when the plan names one.
    pub provider: Option<Provider>,
    /// Each source cited.
    pub sources: Vec<Citation>,
    /// The first line shown.
    pub top: usize,
}

/// A source as the popup cites it.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// `Source::citation`: author, title, publisher, date, detail, address.
    pub text: String,
    /// Clinical literature or an article; `None` for an id the plan does not list.
    pub kind: Option<SourceKind>,
    /// A remark for the reader ("The article promotes …").
    pub note: Option<String>,
}

impl Why {
    /// What the plan says about `item`, for the context's viewed treatment.
    pub fn of<Tz: TimeZone>(ctx: &Context<Tz>, item: Item) -> Option<Why> {
        Why::in_plan(ctx, &ctx.plan()?, item)
    }

    /// What the plan says about `item`, a rule of the next recorded treatment's preparation
    /// (`Context::next_treatment`): its window is that treatment's.
    pub fn of_next<Tz: TimeZone>(ctx: &Context<Tz>, item: Item) -> Option<Why> {
        let (_, plan) = ctx.next_treatment()?;
        Why::in_plan(ctx, &plan, item)
    }

    /// What `plan` (of the context's rules) says about `item`.
    fn in_plan<Tz: TimeZone>(
        ctx: &Context<Tz>,
        plan: &crate::plan::Plan<'_, Tz>,
        item: Item,
    ) -> Option<Why> {
        let rules = &ctx.rules;
        let info = item.info(rules)?;
        let (text, sources, repeat, urgency) = match item {
            Item::Rule(i) => {
                let rule = &rules.rules[i];
                (
                    &*rule.rationale,
                    &*rule.sources,
                    Some(repeat_label(rule)),
                    None,
                )
            }
            Item::Phase(i) => (
                rules.phases[i].detail.as_str(),
                rules.phases[i].sources.as_slice(),
                None,
                None,
            ),
            Item::Warning(i) => {
                let note = &rules.warnings[i];
                (
                    note.detail.as_str(),
                    note.sources.as_slice(),
                    None,
                    Some(note.urgency()),
                )
            }
        };
        let offered = match item {
            Item::Rule(i) => plan.offered_early(&rules.rules[i]),
            _ => None,
        };
        // Offered ahead of its window (the booking), the window is the next session's, not
        // a time to book in: "Once, any time in the window" read as booking as late as its
        // last day being fine (walker P, round 10).
        let repeat = match offered {
            Some(_) => Some(BOOK_AHEAD),
            None => repeat,
        };
        Some(Why {
            title: info.title.to_string(),
            offered,
            section: info.section,
            starts: plan.local(plan.instant(info.window.from)),
            ends: plan.local(plan.instant(info.window.until)),
            hours: (plan.instant(info.window.until) - plan.instant(info.window.from)).num_hours(),
            repeat,
            text: text.to_string(),
            urgency,
            provider: rules.provider.clone(),
            sources: sources.iter().map(|id| citation(rules, id)).collect(),
            top: 0,
        })
    }

    /// The scroll keys scroll a popup taller than the screen; any other key closes it.
    pub fn handle_key<Tz: TimeZone>(&mut self, ctx: &Context<Tz>, key: KeyEvent) -> Option<Effect> {
        let area = ctx.screen_area();
        let lines = self.lines(area).len();
        if let Some(scroll) = Scroll::of(key).filter(|_| lines > text_rows(area)) {
            self.top = scroll.apply(self.top, lines, area);
            return Some(Effect::Done);
        }
        is_press(key).then_some(Effect::Close)
    }
}

/// The source `id` cited by title, author, publisher, date and address; an id the plan does
/// not list (only a plan copy altered by hand can have one) is shown as it is, inert.
fn citation(rules: &Rules, id: &str) -> Citation {
    match rules.source(id) {
        Some(s) => Citation {
            text: s.citation(),
            kind: Some(s.kind),
            note: s.note.clone(),
        },
        None => Citation {
            text: inert(id).into_owned(),
            kind: None,
            note: None,
        },
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

/// How often the booking asks, in place of `repeat_label`'s "Once, any time in the window".
pub const BOOK_AHEAD: &str = "Once: book as soon as you can, for a day in that window";

/// How often a rule asks for something.
pub fn repeat_label(rule: &Rule) -> &'static str {
    if rule.as_needed {
        return "As needed, while the window lasts (never counted as missed)";
    }
    match rule.repeat {
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

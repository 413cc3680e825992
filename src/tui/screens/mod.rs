//! The screens, a module each: its own state, its keymap (`keys`: key → its `Action`), its
//! `update` and its view. A screen is handed the shared `Context` and never imports another
//! screen: when a key should open something else, it returns an `Effect` and the app opens it.
//!
//! | screen | what it is | opened by |
//! |---|---|---|
//! | `welcome` | "when was your treatment?", before there is one | the app, at start |
//! | `checklist` | the viewed day's tasks, the main screen | the app; Esc/Tab back |
//! | `timeline` | the whole plan, days across | Tab |
//! | `chart` | check-ins against the usual course | g |
//! | `history` | the treatments of a series side by side | H |
//! | `photos` | the before photo beside a later day's | b |
//! | `checkin` | the check-in form, a popup | c |
//! | `why` | everything the plan says about one item, a popup | i, w |
//! | `help` | every key of the screen beneath, a popup | ? |

pub mod chart;
pub mod checkin;
pub mod checklist;
pub mod help;
pub mod history;
pub mod photos;
pub mod timeline;
pub mod welcome;
pub mod why;

use super::plan_item::Item;

/// Which screen is up. Popups (the check-in form, why, help) open over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// No treatment on record yet: ask for one.
    Welcome,
    Checklist,
    /// The whole plan at once, days across and rules down.
    Timeline,
    /// The check-ins drawn against the usual course.
    Chart,
    /// Every treatment of the series side by side.
    History,
    /// The before photo beside a later day's.
    Photos,
}

/// What a screen asks of the app once a key has been handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing beyond the screen's own change.
    Done,
    Quit,
    Show(Screen),
    /// The timeline, on the rule with this id when there is one.
    Timeline {
        rule: Option<String>,
    },
    /// The check-in form for the viewed day.
    CheckIn,
    /// The "why" popup about an item of the plan.
    Why(Item),
    /// The "why" popup about a rule of the next recorded treatment's preparation, shown
    /// beside today's tasks: its window is that treatment's, not the viewed one's.
    WhyOfNext(Item),
    /// The help for the screen the key came from.
    Help,
    /// Close the popup the key came from.
    Close,
}

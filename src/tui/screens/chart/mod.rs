//! The journal chart: for each symptom, the patient's ratings as bars day by day, in front of
//! the usual course from the plan, and their notes under it. It has no state of its own;
//! `view` draws it, `days` the days across it, `notes` the notes.

mod days;
mod notes;
mod view;

use super::{Effect, Screen};
use crate::tui::context::Context;
use crate::tui::keymap::{Binding, action_for, hints_where};
use crate::tui::widgets::header_and_footer;
use chrono::TimeZone;
use crossterm::event::KeyCode::{self, Char};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

use view::ChartView;

/// Something the user asked for on the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// g again: back to the checklist.
    Back,
    /// ←/→: the day before or after, whose ratings the titles name; a chart cut for want
    /// of room moves with it.
    PrevDay,
    NextDay,
    History,
    CheckIn,
    PrevSession,
    NextSession,
    Help,
}

#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[Char('g')], action: Action::Back, hint: Some("chart"), help: "Back to the checklist" },
    Binding { keys: &[KeyCode::Left, Char('h')], action: Action::PrevDay, hint: Some("day"), help: "Show the day before" },
    Binding { keys: &[KeyCode::Right, Char('l')], action: Action::NextDay, hint: Some("day"), help: "Show the day after" },
    Binding { keys: &[Char('H')], action: Action::History, hint: Some("history"), help: "History of your treatments side by side" },
    Binding { keys: &[Char('c')], action: Action::CheckIn, hint: Some("check in"), help: "Check in: rate how your skin is today" },
    Binding { keys: &[Char('[')], action: Action::PrevSession, hint: Some("session"), help: "Show the treatment before" },
    Binding { keys: &[Char(']')], action: Action::NextSession, hint: Some("session"), help: "Show the treatment after" },
    Binding { keys: &[Char('?')], action: Action::Help, hint: Some("help"), help: "Show this help" },
    Binding { keys: &[KeyCode::Esc, Char('q')], action: Action::Back, hint: Some("back"), help: "Back to the checklist" },
];

/// What a key does on the chart; `None` when it has no use for it.
pub fn handle_key<Tz: TimeZone>(ctx: &mut Context<Tz>, key: KeyEvent) -> Option<Effect> {
    action_for(KEYMAP, key).map(|action| update(ctx, action))
}

/// Carries out one action.
pub fn update<Tz: TimeZone>(ctx: &mut Context<Tz>, action: Action) -> Effect {
    match action {
        Action::Back => Effect::Show(Screen::Checklist),
        Action::PrevDay => {
            ctx.show_day(ctx.day - 1);
            Effect::Done
        }
        Action::NextDay => {
            ctx.show_day(ctx.day + 1);
            Effect::Done
        }
        Action::History => Effect::Show(Screen::History),
        Action::CheckIn => Effect::CheckIn,
        Action::PrevSession => {
            ctx.switch_session(-1);
            Effect::Done
        }
        Action::NextSession => {
            ctx.switch_session(1);
            Effect::Done
        }
        Action::Help => Effect::Help,
    }
}

/// Draws the screen into the context's screen area, under the header and over the footer.
pub fn render<Tz: TimeZone>(ctx: &Context<Tz>, buf: &mut Buffer) {
    // Where nothing is saved (a read-only data file), no check-in is offered.
    let saves = !ctx.file_read_only;
    let hints = hints_where(KEYMAP, |a| saves || !matches!(a, Action::CheckIn));
    let body = header_and_footer(ctx, hints, buf);
    let (Some(plan), Some(session)) = (ctx.plan(), ctx.session()) else {
        return;
    };
    ChartView {
        plan: &plan,
        session,
        symptoms: &ctx.rules.symptoms,
        today: plan.day_of(ctx.now),
        day: ctx.day,
        alerts: &ctx.alerts,
    }
    .render(body, buf);
}

//! The history of a series: each treatment in a column, side by side. It has no state of its
//! own; `view` draws it.

mod view;

use super::{Effect, Screen};
use crate::inert::inert;
use crate::series::history;
use crate::store::Session;
use crate::tui::context::Context;
use crate::tui::keymap::{Binding, action_for, hints_where};
use crate::tui::widgets::header_and_footer;
use chrono::TimeZone;
use crossterm::event::KeyCode::{self, Char};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

use view::HistoryView;

/// Something the user asked for on the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Chart,
    /// H again: back to the checklist.
    Back,
    CheckIn,
    PrevSession,
    NextSession,
    Help,
}

#[rustfmt::skip]
pub const KEYMAP: &[Binding<Action>] = &[
    Binding { keys: &[Char('g')], action: Action::Chart, hint: Some("chart"), help: "Chart your check-ins against the usual course" },
    Binding { keys: &[Char('H')], action: Action::Back, hint: Some("history"), help: "Back to the checklist" },
    Binding { keys: &[Char('c')], action: Action::CheckIn, hint: Some("check in"), help: "Check in: rate how your skin is today" },
    Binding { keys: &[Char('[')], action: Action::PrevSession, hint: Some("session"), help: "Show the treatment before" },
    Binding { keys: &[Char(']')], action: Action::NextSession, hint: Some("session"), help: "Show the treatment after" },
    Binding { keys: &[Char('?')], action: Action::Help, hint: Some("help"), help: "Show this help" },
    Binding { keys: &[KeyCode::Esc, Char('q')], action: Action::Back, hint: Some("back"), help: "Back to the checklist" },
];

/// What a key does on the history; `None` when it has no use for it.
pub fn handle_key<Tz: TimeZone>(ctx: &mut Context<Tz>, key: KeyEvent) -> Option<Effect> {
    action_for(KEYMAP, key).map(|action| update(ctx, action))
}

/// Carries out one action.
pub fn update<Tz: TimeZone>(ctx: &mut Context<Tz>, action: Action) -> Effect {
    match action {
        Action::Chart => Effect::Show(Screen::Chart),
        Action::Back => Effect::Show(Screen::Checklist),
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
    let sessions = history(&ctx.rules, &ctx.state, &ctx.tz, ctx.now);
    // Each treatment's newest note among the days its column counts, so the note never
    // reads as later than its "Days 1–9" (a demo wound back keeps check-ins ahead of now).
    let latest_notes: Vec<_> = ctx
        .state
        .sessions
        .iter()
        .zip(&sessions)
        .map(|(s, summary)| latest_note(s, &ctx.tz, summary.recorded_to_day))
        .collect();
    HistoryView {
        sessions: &sessions,
        latest_notes: &latest_notes,
        viewed: ctx.session_position().map_or(1, |(n, _)| n),
        symptoms: &ctx.rules.symptoms,
    }
    .render(body, buf);
}

/// "D8 “itchy in the evening”": the newest note of a treatment's check-ins up to plan day
/// `to_day`, with its plan day (Day 1 = the treatment's local date), made inert: it comes
/// from the state file.
fn latest_note<Tz: TimeZone>(session: &Session, tz: &Tz, to_day: i64) -> Option<String> {
    let day_of = |date: &chrono::NaiveDate| {
        (*date - session.at.with_timezone(tz).date_naive()).num_days() + 1
    };
    let (date, checkin) = session
        .checkins
        .iter()
        .rev()
        .filter(|(date, _)| day_of(date) <= to_day)
        .find(|(_, c)| !c.note.trim().is_empty())?;
    Some(format!(
        "D{} “{}”",
        day_of(date),
        inert(checkin.note.trim())
    ))
}

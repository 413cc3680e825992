//! The terminal checklist: today's tasks to tick off, what is normal, and when to call.
//!
//! Elm-shaped: terminal events become actions (`action`, `input`), actions change the `App`
//! (`app`), and the widgets only read it (`widgets`). The loop below redraws on input, on a
//! resize and when the minute changes, and otherwise sleeps.

mod action;
mod app;
mod banner;
mod blank_diff;
mod checkin_form;
mod demo;
mod form_keys;
mod hints;
mod input;
mod journal;
mod layout;
mod list_rows;
mod output;
mod paint;
mod prompt;
mod screen;
mod screens;
mod sgr;
mod signals;
mod split;
mod storage;
mod style;
mod terminal;
#[cfg(test)]
mod test_rng;
mod text;
mod ticking;
mod timeline;
mod timeline_layout;
mod why;
mod widgets;

pub use action::{Action, Binding, KEYMAP, Mode, Scope, action_for};
pub use app::{App, Row, Screen};
pub use banner::notice_text;
pub use demo::{Demo, PLAY_INTERVAL, PLAY_STEP};
pub use hints::{footer_hints, help_lines};
pub use input::handle_event;
pub use layout::{MIN_HEIGHT, MIN_WIDTH};
pub use storage::Storage;
pub use why::Why;

use crate::clock::Clock;
use crate::rules::Rules;
use crate::store::{Opened, Store};
use chrono::{DateTime, FixedOffset, Local, TimeZone, Timelike};
use crossterm::event::{self, Event};
use ratatui::layout::Size;
use std::time::{Duration, Instant};
use terminal::Term;

/// Why the terminal app stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
}

/// Opens the checklist in the terminal and returns when the user quits. The state was opened
/// by the caller, before the terminal was touched, so a bad file never leaves it in raw mode.
pub fn run(rules: Rules, store: Store, opened: Opened, clock: Clock) -> Result<(), TuiError> {
    run_app(clock, |size| {
        App::new(rules, store, opened.state, Local, clock.now(), size)
            .with_file_notice(opened.notice.as_ref())
    })
}

/// Opens demo mode: `rules` with a treatment at the clock's now, on a simulated clock, with
/// nothing read from or written to any data directory.
pub fn run_demo(rules: Rules, clock: Clock) -> Result<(), TuiError> {
    run_app(clock, |size| App::demo(rules, Local, clock.now(), size))
}

fn run_app(clock: Clock, make_app: impl FnOnce(Size) -> App<Local>) -> Result<(), TuiError> {
    // Guarding before the terminal changes, and until it is restored, leaves no moment in
    // which a signal would leave it in raw mode.
    let mut signals = signals::restore_on_signals()?;
    terminal::restore_on_panic();
    let mut terminal = terminal::enter()?;
    // The screen has the terminal's size, read once by `enter`.
    let size = terminal.area().as_size();
    let result = event_loop(&mut terminal, &mut make_app(size), clock, &mut signals);
    // Restore even when the loop failed: a shell left in raw mode is worse than the error.
    terminal::restore();
    result
}

fn event_loop<Tz: TimeZone>(
    terminal: &mut Term,
    app: &mut App<Tz>,
    clock: Clock,
    signals: &mut signals::SignalGuard,
) -> Result<(), TuiError> {
    let mut dirty = true;
    // When the demo's next frame of play is due; keys in between do not delay it.
    let mut frame_due: Option<Instant> = None;
    while !app.should_quit() {
        if dirty {
            terminal.draw(&*app)?;
            signals.watch();
            signals::panic_if_asked();
        }
        frame_due = match (app.is_playing(), frame_due) {
            (true, Some(due)) => Some(due),
            (true, None) => Some(Instant::now() + PLAY_INTERVAL),
            (false, _) => None,
        };
        let wait = match frame_due {
            Some(due) => Some(due.saturating_duration_since(Instant::now())),
            None if app.follows_clock() => until_next_minute(clock),
            // A paused demo's clock stands still like a fixed one.
            None => None,
        };
        // A frame that is due goes first, so a held-down key cannot stall play.
        let timed_out = match wait {
            Some(wait) => wait.is_zero() || !event::poll(wait)?,
            // Time stands still: nothing changes until the user does something.
            None => false,
        };
        dirty = match (timed_out, frame_due) {
            (false, _) => {
                let event = event::read()?;
                if let Event::Resize(width, height) = event {
                    terminal.resize(Size::new(width, height))?;
                }
                handle(app, &event, clock)
            }
            (true, Some(_)) => {
                // Late frames are dropped rather than caught up in a burst.
                frame_due = Some(Instant::now() + PLAY_INTERVAL);
                app.play_step()
            }
            (true, None) => app.set_now(clock.now()),
        };
    }
    Ok(())
}

fn handle<Tz: TimeZone>(app: &mut App<Tz>, event: &event::Event, clock: Clock) -> bool {
    // Countdowns should be current whenever the screen is redrawn for a key (a demo keeps
    // its own time).
    let minute_changed = app.follows_clock() && app.set_now(clock.now());
    handle_event(app, event) || minute_changed
}

/// How long until the clock's next minute starts; `None` when the clock is fixed.
fn until_next_minute(clock: Clock) -> Option<Duration> {
    match clock {
        Clock::Fixed(_) => None,
        Clock::System => Some(time_to_next_minute(clock.now())),
    }
}

fn time_to_next_minute(now: DateTime<FixedOffset>) -> Duration {
    let into_minute = Duration::new(u64::from(now.second()), now.nanosecond() % 1_000_000_000);
    // A few milliseconds late rather than early, so the redraw lands in the new minute.
    Duration::from_secs(60).saturating_sub(into_minute) + Duration::from_millis(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_until_the_next_minute_starts() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(
            time_to_next_minute(at("2026-11-22T09:00:00+01:00")),
            Duration::from_millis(60_005)
        );
        assert_eq!(
            time_to_next_minute(at("2026-11-22T09:00:59.5+01:00")),
            Duration::from_millis(505)
        );
        assert_eq!(
            until_next_minute(Clock::Fixed(at("2026-11-22T09:00:00+01:00"))),
            None
        );
    }
}

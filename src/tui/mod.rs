//! The terminal checklist: today's tasks to tick off, what is normal, and when to call.
//!
//! Elm-shaped: terminal events become actions (`action`, `input`), actions change the `App`
//! (`app`), and the widgets only read it (`widgets`). The loop below redraws on input, on a
//! resize and when the minute changes, and otherwise sleeps.

mod action;
mod app;
mod banner;
mod checkin_form;
mod form_keys;
mod input;
mod journal;
mod layout;
mod prompt;
mod signals;
mod style;
mod text;
mod ticking;
mod widgets;

pub use action::{Action, Binding, KEYMAP, action_for, help_lines};
pub use app::{App, Row, Screen};
pub use banner::notice_text;
pub use input::handle_event;
pub use layout::{MIN_HEIGHT, MIN_WIDTH};

use crate::clock::Clock;
use crate::rules::Rules;
use crate::store::{Opened, Store};
use chrono::{DateTime, FixedOffset, Local, TimeZone, Timelike};
use crossterm::event::{self, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io::stdout;
use std::time::Duration;

/// Why the terminal app stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
}

/// Opens the checklist in the terminal and returns when the user quits. The state was opened
/// by the caller, before the terminal was touched, so a bad file never leaves it in raw mode.
pub fn run(rules: Rules, store: Store, opened: Opened, clock: Clock) -> Result<(), TuiError> {
    // Guarding before the terminal changes, and until it is restored, leaves no moment in
    // which a signal would leave it in raw mode.
    let _signals = signals::restore_on_signals()?;
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            // Raw mode may be on even though the alternate screen failed.
            ratatui::restore();
            return Err(e.into());
        }
    };
    let result = execute!(stdout(), EnableMouseCapture)
        .map_err(TuiError::from)
        .and_then(|()| {
            signals::release_mouse_on_panic();
            let size = terminal.size()?;
            let mut app = App::new(rules, store, opened.state, Local, clock.now(), size)
                .with_file_notice(opened.notice.as_ref());
            event_loop(&mut terminal, &mut app, clock)
        });
    // Restore even when the loop failed: a shell left in raw mode is worse than the error.
    signals::restore_terminal();
    result
}

fn event_loop<Tz: TimeZone>(
    terminal: &mut DefaultTerminal,
    app: &mut App<Tz>,
    clock: Clock,
) -> Result<(), TuiError> {
    let mut dirty = true;
    while !app.should_quit() {
        if dirty {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
            signals::panic_if_asked();
        }
        dirty = match until_next_minute(clock) {
            // Time stands still: nothing changes until the user does something.
            None => handle(app, &event::read()?, clock),
            Some(wait) if event::poll(wait)? => handle(app, &event::read()?, clock),
            Some(_) => app.set_now(clock.now()),
        };
    }
    Ok(())
}

fn handle<Tz: TimeZone>(app: &mut App<Tz>, event: &event::Event, clock: Clock) -> bool {
    // Countdowns should be current whenever the screen is redrawn for a key.
    let minute_changed = app.set_now(clock.now());
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

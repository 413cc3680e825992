//! The terminal checklist: today's tasks to tick off, what is normal, and when to call.
//!
//! Elm-shaped. A terminal event goes through `app::handle_event` to the popup or screen that
//! has the focus; its keymap turns a key into an `Action`, its `update` changes its state or
//! the shared `Context`, and views only read them. Where things are:
//!
//! - `app` — the screens, the popup, the one event door, the whole app as a widget;
//! - `context` — what the screens share: plan, state, storage, clock, viewed treatment/day;
//! - `screens/*` — one module per screen: its state, `keys` (its keymap), `update`, view;
//! - `widgets/*` — what several screens draw (header, footer, popup frame, banners), each
//!   taking the data it draws;
//! - `terminal` — the terminal's lifecycle: setup, restore, signals, suspend;
//! - `keymap`, `text_field`, `text`, `theme`, `demo`, `storage`, `plan_item` — shared parts.
//!
//! The loop below redraws on input, on a resize, when the minute changes and while a demo
//! plays, and otherwise sleeps.

mod app;
mod context;
mod demo;
mod keymap;
pub mod look;
mod plan_item;
mod screens;
mod storage;
mod terminal;
mod text;
mod text_field;
mod theme;
mod widgets;

pub use app::{App, Graphics, handle_event};
pub use context::notice_text;
pub use demo::{Demo, PLAY_INTERVAL, PLAY_STEP};
pub use screens::Screen;
pub use storage::Storage;
pub use terminal::{MAX_CELLS, check_terminal};
pub use widgets::{MIN_HEIGHT, MIN_WIDTH};

use crate::clock::Clock;
use crate::rules::Rules;
use crate::store::{Opened, Store};
use chrono::{DateTime, FixedOffset, Local, TimeZone, Timelike};
use crossterm::event::{self, Event};
use ratatui::layout::Size;
use std::time::{Duration, Instant};
use terminal::Session;

/// Why the terminal app stopped with an error, in words a patient can act on.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
    #[error(
        "this terminal (TERM=dumb) cannot show the checklist; for plain text use `aftercare today`"
    )]
    DumbTerminal,
    #[error(
        "the terminal reports a size of {}x{}, too large to draw (aftercare draws at most \
         {MAX_CELLS} cells, such as 1000x1000): make the window smaller, or use \
         `aftercare today` for plain text",
        .0.width,
        .0.height
    )]
    TooLarge(Size),
}

/// Set to make the app fail right after its first frame, so tests can check the terminal is
/// given back whatever the failure: a panic, or with "abort", "segfault" or "overflow" (of
/// the stack) a crash the program cannot recover from. Read only here, at the edge.
const TEST_PANIC: &str = "AFTERCARE_TEST_PANIC";

/// Opens the checklist in the terminal and returns when the user quits. The state was opened
/// by the caller, before the terminal was touched, so a bad file never leaves it in raw mode.
pub fn run(
    rules: Rules,
    store: Store,
    opened: Opened,
    clock: Clock,
    bell: bool,
) -> Result<(), TuiError> {
    run_app(clock, |size| {
        App::new(rules, store, opened.state, Local, clock.now(), size)
            .with_file_notice(opened.notice.as_ref())
            .with_bell(bell)
            .with_graphics(terminal_graphics())
    })
}

/// Opens demo mode: `rules` with a treatment at the clock's now, on a simulated clock, with
/// nothing read from or written to any data directory.
pub fn run_demo(rules: Rules, clock: Clock, bell: bool) -> Result<(), TuiError> {
    run_app(clock, |size| {
        App::demo(rules, Local, clock.now(), size)
            .with_bell(bell)
            .with_graphics(terminal_graphics())
    })
}

/// How photos are drawn here: the terminal is asked, except inside tmux or screen, which do
/// not pass the question on (half-blocks there). Read once, at the edge.
fn terminal_graphics() -> Graphics {
    let term = std::env::var("TERM").unwrap_or_default();
    let multiplexer = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
        || term.starts_with("screen")
        || term.starts_with("tmux");
    Graphics::for_terminal(multiplexer)
}

fn run_app(clock: Clock, make_app: impl FnOnce(Size) -> App<Local>) -> Result<(), TuiError> {
    let mut session = Session::start()?;
    let mut app = make_app(session.size()?);
    let result = event_loop(&mut session, &mut app, clock);
    // Dropping the session gives the terminal back, also when the loop failed: a shell
    // left in raw mode is worse than the error, which is reported after.
    drop(session);
    result
}

fn event_loop<Tz: TimeZone>(
    session: &mut Session,
    app: &mut App<Tz>,
    clock: Clock,
) -> Result<(), TuiError> {
    let mut dirty = true;
    let mut first_frame = true;
    // When the demo's next frame of play is due; keys in between do not delay it.
    let mut frame_due: Option<Instant> = None;
    loop {
        // Back from a stop, the terminal was cleared: the next frame is drawn whole.
        let back = if app.take_suspend() {
            session.suspend().map(|()| true)?
        } else {
            session.follow_signals()?
        };
        if app.should_quit() {
            return Ok(());
        }
        if dirty || back {
            session.draw(app)?;
            if std::mem::take(&mut first_frame) {
                fail_if_asked();
            }
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
            (false, _) => handle(app, &event::read()?, clock)?,
            (true, Some(_)) => {
                // Late frames are dropped rather than caught up in a burst.
                frame_due = Some(Instant::now() + PLAY_INTERVAL);
                app.play_step()
            }
            (true, None) => app.set_now(clock.now()),
        };
        if app.take_ring() {
            session.ring_bell()?;
        }
    }
}

fn handle<Tz: TimeZone>(app: &mut App<Tz>, event: &Event, clock: Clock) -> Result<bool, TuiError> {
    if let Event::Resize(width, height) = event {
        // Refused before the app lays itself out for it.
        terminal::check_size(Size::new(*width, *height))?;
    }
    // Countdowns should be current whenever the screen is redrawn for a key (a demo keeps
    // its own time).
    let minute_changed = app.follows_clock() && app.set_now(clock.now());
    Ok(handle_event(app, event) || minute_changed)
}

/// Fails as the test variable asks (see `TEST_PANIC`).
fn fail_if_asked() {
    match std::env::var(TEST_PANIC).as_deref() {
        Ok("abort") => std::process::abort(),
        // SAFETY: none; a crash is what is asked for.
        Ok("segfault") => unsafe { std::ptr::dangling_mut::<u8>().write_volatile(1) },
        Ok("overflow") => {
            // On purpose: it recurses until the stack runs out.
            #[allow(unconditional_recursion)]
            fn deeper(n: u64) -> u64 {
                std::hint::black_box(deeper(std::hint::black_box(n) + 1)) + 1
            }
            deeper(0);
        }
        Ok(_) => {
            panic!("{TEST_PANIC} is set: panicking on purpose, to test the terminal is restored")
        }
        Err(_) => {}
    }
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

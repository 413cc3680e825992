//! The terminal checklist. (Stub: the event loop, App, Action and widgets land here.)

use crate::clock::Clock;
use crate::rules::Rules;
use crate::store::{State, Store};

/// Why the terminal app stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
}

/// Opens the checklist in the terminal and returns when the user quits. `state` was loaded
/// by the caller, before the terminal was touched, so a bad file never leaves it in raw mode.
pub fn run(rules: Rules, store: Store, state: State, clock: Clock) -> Result<(), TuiError> {
    let _ = (rules, store, state, clock);
    Ok(())
}

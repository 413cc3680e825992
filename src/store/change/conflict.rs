//! `Conflict`: why a change was refused, in words that say what changed meanwhile.

use crate::dates::moment;
use chrono::{DateTime, FixedOffset};

/// Why a change was refused: the file, as re-read under the lock, no longer holds what the
/// user acted on. Nothing was saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    #[error(
        "the treatment of {} is no longer recorded (another copy of aftercare changed the treatments meanwhile); nothing was saved",
        moment(*.0)
    )]
    NoSession(DateTime<FixedOffset>),
    #[error(
        "no removed treatment of {} is kept (another copy of aftercare may have restored it); nothing was changed",
        moment(*.0)
    )]
    NotRemoved(DateTime<FixedOffset>),
    #[error(
        "a treatment of {} is recorded already; remove it first to restore the one kept aside",
        moment(*.0)
    )]
    AlreadyRecorded(DateTime<FixedOffset>),
    #[error("{}; nothing was moved", not_latest(*.expected, *.latest))]
    NotLatest {
        /// The latest treatment as the user saw it.
        expected: Option<DateTime<FixedOffset>>,
        /// The latest treatment in the file.
        latest: Option<DateTime<FixedOffset>>,
    },
}

fn not_latest(
    expected: Option<DateTime<FixedOffset>>,
    latest: Option<DateTime<FixedOffset>>,
) -> String {
    let meanwhile = "another copy of aftercare changed the treatments meanwhile";
    match (expected, latest) {
        (Some(e), Some(l)) => format!(
            "the latest treatment is now {}, not {} ({meanwhile})",
            moment(l),
            moment(e)
        ),
        (Some(e), None) => format!(
            "the treatment of {} is no longer recorded ({meanwhile})",
            moment(e)
        ),
        (None, Some(l)) => format!(
            "a treatment was recorded meanwhile, {} ({meanwhile})",
            moment(l)
        ),
        (None, None) => meanwhile.to_string(),
    }
}

//! A notice about the data file that stays at the top of the screen for the whole run: it was
//! damaged and moved aside, or it is from a newer aftercare and shown read-only.

use super::Context;
use crate::inert::inert;
use crate::store::{Damage, Notice};
use crate::tui::text;
use crate::tui::widgets::MIN_HEIGHT;
use chrono::TimeZone;

/// At most this many rows; the rest of the words are cut with "…".
const MAX_ROWS: usize = 4;

impl<Tz: TimeZone> Context<Tz> {
    /// The banner's lines at the current width: as many as it needs up to four, or one when
    /// the terminal is so short that the screen below would not fit.
    pub fn banner_lines(&self) -> Vec<String> {
        let Some(banner) = &self.banner else {
            return Vec::new();
        };
        let room = usize::from(self.size.width).saturating_sub(2);
        let spare = usize::from(self.size.height.saturating_sub(MIN_HEIGHT));
        text::wrap(banner, room, spare.clamp(1, MAX_ROWS))
    }

    /// How many rows the banner takes at the top of the screen.
    pub fn banner_rows(&self) -> u16 {
        u16::try_from(self.banner_lines().len()).unwrap_or(0)
    }
}

/// The words for a notice: what happened, where the file is, and what it means now; inert,
/// since a path or the parser's words may hold anything.
pub fn notice_text(notice: &Notice) -> String {
    let words = match notice {
        Notice::MovedAside { to, damage } => format!(
            "Your data file could not be read ({}), so a new one was started: enter your \
             treatment time again. The old bytes are kept in {} (see README › Reliability).",
            damage_words(damage),
            to.display()
        ),
        Notice::ReadOnly { path, found } => format!(
            "Your data file {} was written by a newer aftercare (state format {found}): it is \
             shown read-only and nothing will be saved. It has been left as it is; see \
             README › Reliability.",
            path.display()
        ),
    };
    inert(&words).into_owned()
}

fn damage_words(damage: &Damage) -> String {
    match damage {
        Damage::Empty => "it was empty".to_string(),
        Damage::CutShort { line, column } => {
            format!("it stops short at line {line}, column {column}; the rest is missing")
        }
        Damage::Invalid {
            line,
            column,
            message,
        } => format!("line {line}, column {column}: {message}"),
    }
}

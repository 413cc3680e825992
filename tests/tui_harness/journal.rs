//! A patient with a week of check-ins, for the journal's screens.

use super::{TREATMENT, at};
use aftercare::store::{Change, CheckIn, CheckInPatch, State, Store};
use chrono::NaiveDate;
use tempfile::TempDir;

/// Day 8, evening: the day redness is rated 4.
pub const DAY8: &str = "2026-11-27T18:00:00+01:00";

pub fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

/// What a check-in with these ratings changes, to save it.
pub fn patch(ratings: &[(&str, u8)]) -> CheckInPatch {
    CheckInPatch {
        ratings: ratings.iter().map(|(id, r)| ((*id).into(), *r)).collect(),
        note: None,
        at: None,
        ..Default::default()
    }
}

pub fn checkin(ratings: &[(&str, u8)]) -> CheckIn {
    let mut c = CheckIn::default();
    for (id, r) in ratings {
        c.ratings.insert((*id).into(), *r);
    }
    c
}

/// A check-in with these ratings, each given at `when` (RFC 3339): how a form or `checkin`
/// saves the day's own check-in, with the time of each rating.
pub fn checkin_rated_at(ratings: &[(&str, u8)], when: &str) -> CheckIn {
    let mut c = checkin(ratings);
    for (id, _) in ratings {
        c.rated_at.insert((*id).into(), at(when));
    }
    c
}

/// A treated patient with a week of check-ins: redness fading, then up to 4 on Day 8.
pub fn journal_store() -> (TempDir, Store, State) {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let session = at(TREATMENT);
    let mut state = store.apply(&Change::AddSession { at: session }).unwrap();
    let days: [(u32, &[(&str, u8)]); 5] = [
        (
            20,
            &[
                ("redness", 3),
                ("swelling", 2),
                ("dryness", 0),
                ("discomfort", 2),
            ],
        ),
        (
            21,
            &[
                ("redness", 2),
                ("swelling", 1),
                ("dryness", 1),
                ("discomfort", 1),
            ],
        ),
        (
            22,
            &[
                ("redness", 2),
                ("swelling", 0),
                ("dryness", 2),
                ("discomfort", 1),
            ],
        ),
        (
            24,
            &[
                ("redness", 1),
                ("swelling", 0),
                ("dryness", 3),
                ("discomfort", 0),
            ],
        ),
        (
            27,
            &[
                ("redness", 4),
                ("swelling", 0),
                ("dryness", 1),
                ("discomfort", 0),
            ],
        ),
    ];
    for (day, ratings) in days {
        let change = Change::CheckIn {
            session,
            date: date(day),
            patch: patch(ratings),
        };
        state = store.apply(&change).unwrap();
    }
    for (day, task) in [
        (20, "drink-water"),
        (21, "drink-water"),
        (21, "sunscreen-spf30"),
    ] {
        let change = Change::Tick {
            session,
            date: date(day),
            task: task.into(),
        };
        state = store.apply(&change).unwrap();
    }
    (dir, store, state)
}

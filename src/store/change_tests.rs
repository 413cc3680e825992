//! Each kind of change, applied to the state as re-read under the lock: it carries only what
//! the user changed, and what it names must still be there.

use super::*;
use chrono::DateTime;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

const T1: &str = "2026-11-20T14:00:00+01:00";
const T2: &str = "2026-12-20T10:00:00+01:00";
const T3: &str = "2026-11-20T09:00:00+01:00";

fn treated(times: &[&str]) -> State {
    let mut state = State::default();
    for t in times {
        state.apply(&Change::AddSession { at: at(t) }).unwrap();
    }
    state
}

fn rate(pairs: &[(&str, u8)], note: Option<&str>) -> Change {
    Change::CheckIn {
        session: at(T1),
        date: date("2026-11-22"),
        patch: CheckInPatch {
            ratings: pairs.iter().map(|(s, r)| (s.to_string(), *r)).collect(),
            note: note.map(str::to_string),
            at: None,
            ..Default::default()
        },
    }
}

fn day(state: &State) -> &CheckIn {
    &state.sessions[0].checkins[&date("2026-11-22")]
}

#[test]
fn each_rating_keeps_the_time_it_was_given() {
    let mut state = treated(&[T1]);
    let timed = |pairs: &[(&str, u8)], when: Option<&str>| Change::CheckIn {
        session: at(T1),
        date: date("2026-11-22"),
        patch: CheckInPatch {
            ratings: pairs.iter().map(|(s, r)| (s.to_string(), *r)).collect(),
            note: None,
            at: when.map(at),
            ..Default::default()
        },
    };
    let times = |state: &State| -> Vec<(String, String)> {
        day(state)
            .rated_at
            .iter()
            .map(|(s, t)| (s.clone(), t.format("%H:%M").to_string()))
            .collect()
    };
    let morning = "2026-11-22T09:00:00+01:00";
    let evening = "2026-11-22T21:00:00+01:00";
    state
        .apply(&timed(&[("redness", 4), ("swelling", 3)], Some(morning)))
        .unwrap();
    assert_eq!(
        times(&state),
        [
            ("redness".into(), "09:00".into()),
            ("swelling".into(), "09:00".into())
        ]
    );
    // The same rating given again in the evening is a change: it was still so at 21:00.
    assert_eq!(
        state.apply(&timed(&[("redness", 4)], Some(evening))),
        Ok(true)
    );
    assert_eq!(
        times(&state),
        [
            ("redness".into(), "21:00".into()),
            ("swelling".into(), "09:00".into())
        ]
    );
    // Rated for its day afterwards, its time is not known: the old one goes.
    assert_eq!(state.apply(&timed(&[("swelling", 2)], None)), Ok(true));
    assert_eq!(times(&state), [("redness".into(), "21:00".into())]);
    // A note alone leaves the times as they are.
    state.apply(&rate(&[], Some("warm"))).unwrap();
    assert_eq!(times(&state), [("redness".into(), "21:00".into())]);
}

#[test]
fn check_ins_merge_what_each_user_changed() {
    // Issue 16 item 1: two commands rating different symptoms, both read before either saved.
    let mut state = treated(&[T1]);
    assert_eq!(state.apply(&rate(&[("redness", 2)], None)), Ok(true));
    assert_eq!(state.apply(&rate(&[("swelling", 3)], None)), Ok(true));
    let ratings: Vec<_> = day(&state)
        .ratings
        .iter()
        .map(|(s, r)| (s.as_str(), *r))
        .collect();
    assert_eq!(ratings, [("redness", 2), ("swelling", 3)]);
    // Item 2: a form opened before `checkin --rate dryness=2` saves only the rating its user
    // touched: dryness stays 2.
    state.apply(&rate(&[("dryness", 2)], None)).unwrap();
    state.apply(&rate(&[("discomfort", 1)], None)).unwrap();
    assert_eq!(day(&state).ratings["dryness"], 2);
    assert_eq!(day(&state).ratings["discomfort"], 1);
    // A note alone keeps the ratings; ratings alone keep the note; an empty note clears it.
    state.apply(&rate(&[], Some("itchy"))).unwrap();
    state.apply(&rate(&[("redness", 1)], None)).unwrap();
    assert_eq!(
        (day(&state).note.as_str(), day(&state).ratings["redness"]),
        ("itchy", 1)
    );
    assert_eq!(day(&state).ratings.len(), 4);
    assert_eq!(
        state.apply(&rate(&[("redness", 1)], Some("itchy"))),
        Ok(false)
    );
    state.apply(&rate(&[], Some(""))).unwrap();
    assert_eq!(day(&state).note, "");
    // A rating taken back is gone, with its time; the rest stay. A day left with no rating
    // and no note has no check-in at all.
    let clear = |ids: &[&str]| Change::CheckIn {
        session: at(T1),
        date: date("2026-11-22"),
        patch: CheckInPatch {
            cleared: ids.iter().map(|id| (*id).to_string()).collect(),
            ..CheckInPatch::default()
        },
    };
    assert_eq!(state.apply(&clear(&["redness", "itch"])), Ok(true));
    assert!(!day(&state).ratings.contains_key("redness"));
    assert_eq!(day(&state).ratings.len(), 3);
    assert_eq!(state.apply(&clear(&["redness"])), Ok(false));
    assert_eq!(
        state.apply(&clear(&["swelling", "dryness", "discomfort"])),
        Ok(true)
    );
    assert!(state.sessions[0].checkins.is_empty());
    // An empty patch makes no check-in.
    let mut fresh = treated(&[T1]);
    assert_eq!(fresh.apply(&rate(&[], None)), Ok(false));
    assert!(fresh.sessions[0].checkins.is_empty());
}

#[test]
fn a_check_in_keeps_fields_of_a_newer_build() {
    let mut state = treated(&[T1]);
    let mut stored = CheckIn::default();
    stored
        .other
        .insert("mood".into(), RawJson::new(r#"{"level": 3}"#).unwrap());
    state.sessions[0]
        .checkins
        .insert(date("2026-11-22"), stored);
    state.apply(&rate(&[("redness", 2)], Some("ok"))).unwrap();
    assert_eq!(day(&state).other["mood"].get(), r#"{"level": 3}"#);
}

#[test]
fn a_change_naming_a_treatment_no_longer_there_is_refused() {
    let gone = at("2026-11-19T08:00:00+01:00");
    let changes = [
        Change::Tick {
            session: gone,
            date: date("2026-11-20"),
            task: "spf".into(),
        },
        Change::Untick {
            session: gone,
            date: date("2026-11-20"),
            task: "spf".into(),
        },
        Change::UntickRange {
            session: gone,
            task: "spf".into(),
            first: date("2026-11-20"),
            last: date("2026-11-21"),
        },
        Change::CheckIn {
            session: gone,
            date: date("2026-11-20"),
            patch: CheckInPatch {
                note: Some("x".into()),
                ..CheckInPatch::default()
            },
        },
    ];
    for change in changes {
        let mut state = treated(&[T1]);
        let before = state.clone();
        assert_eq!(
            state.apply(&change),
            Err(Conflict::NoSession(gone)),
            "{change:?}"
        );
        assert_eq!(state, before);
    }
}

#[test]
fn replacing_moves_only_the_treatment_the_user_saw_as_latest() {
    // (treatments in the file, the latest the user saw, the new time) -> result, treatments after
    type Case<'a> = (
        &'a [&'a str],
        Option<&'a str>,
        &'a str,
        Result<bool, Conflict>,
        &'a [&'a str],
    );
    let not_latest = |expected: Option<&str>, latest: Option<&str>| {
        Err(Conflict::NotLatest {
            expected: expected.map(at),
            latest: latest.map(at),
        })
    };
    let cases: [Case; 7] = [
        (&[T1], Some(T1), T3, Ok(true), &[T3]),
        (&[], None, T3, Ok(true), &[T3]),
        // Onto itself, or onto another recorded treatment: nothing to do.
        (&[T1], Some(T1), T1, Ok(false), &[T1]),
        (&[T3, T1], Some(T1), T3, Ok(false), &[T3, T1]),
        // Issue 16 item 7: another copy recorded T2 after this one read T1 as the latest.
        (
            &[T1, T2],
            Some(T1),
            T3,
            not_latest(Some(T1), Some(T2)),
            &[T1, T2],
        ),
        // ... or recorded one when this one saw none, or moved the one it saw.
        (&[T2], None, T3, not_latest(None, Some(T2)), &[T2]),
        (&[T2], Some(T1), T3, not_latest(Some(T1), Some(T2)), &[T2]),
    ];
    for (times, from, to, want, after) in cases {
        let mut state = treated(times);
        let change = Change::ReplaceLatest {
            from: from.map(at),
            to: at(to),
            plan: None,
            recorded: at(to),
        };
        assert_eq!(state.apply(&change), want, "{times:?} {from:?} -> {to}");
        let left: Vec<_> = state.sessions.iter().map(|s| s.at).collect();
        let after: Vec<_> = after.iter().map(|t| at(t)).collect();
        assert_eq!(left, after, "{times:?} {from:?} -> {to}");
    }
    let message = not_latest(Some(T1), Some(T2)).unwrap_err().to_string();
    assert_eq!(
        message,
        "the latest treatment is now Sun 20 Dec 2026 10:00, not Fri 20 Nov 2026 14:00 \
         (another copy of aftercare changed the treatments meanwhile); nothing was moved"
    );
}

#[test]
fn unticking_a_range_clears_every_tick_in_it_as_the_file_holds_them() {
    let mut state = treated(&[T1]);
    let tick = |d: &str, task: &str| Change::Tick {
        session: at(T1),
        date: date(d),
        task: task.into(),
    };
    for (d, task) in [
        ("2026-11-19", "book"),
        ("2026-11-20", "book"),
        ("2026-11-22", "book"),
        ("2026-11-22", "spf"),
        ("2026-11-25", "book"),
    ] {
        state.apply(&tick(d, task)).unwrap();
    }
    let range = Change::UntickRange {
        session: at(T1),
        task: "book".into(),
        first: date("2026-11-20"),
        last: date("2026-11-24"),
    };
    assert_eq!(state.apply(&range), Ok(true));
    let left: Vec<(String, Vec<&str>)> = state.sessions[0]
        .ticks
        .iter()
        .map(|(d, ids)| (d.to_string(), ids.iter().map(String::as_str).collect()))
        .collect();
    let want: Vec<(String, Vec<&str>)> = vec![
        ("2026-11-19".into(), vec!["book"]),
        ("2026-11-22".into(), vec!["spf"]),
        ("2026-11-25".into(), vec!["book"]),
    ];
    assert_eq!(left, want);
    assert_eq!(state.apply(&range), Ok(false));
    // A backwards range is nothing, not a panic.
    let backwards = Change::UntickRange {
        session: at(T1),
        task: "book".into(),
        first: date("2026-11-25"),
        last: date("2026-11-19"),
    };
    assert_eq!(state.apply(&backwards), Ok(false));
}

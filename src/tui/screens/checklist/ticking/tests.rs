//! Ticking, unticking and undo against a real store in a temporary directory.

use super::*;
use crate::rules::{Kind, Rules};
use crate::store::Store;
use crate::tui::storage::Storage;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;
use ratatui::layout::Size;

fn treated() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn task(id: &str, repeat: Repeat, done: bool) -> TaskLine {
    TaskLine {
        id: id.into(),
        title: id.into(),
        kind: Kind::Do,
        repeat,
        slot: None,
        as_needed: false,
        done,
        status: "active",
        starts: treated(),
        ends: treated(),
        when: String::new(),
        rationale: "".into(),
        sources: Vec::new().into(),
        standing: crate::plan::Standing::Upcoming,
        due: None,
        lifted: None,
        lifted_by_now: false,
        done_before: false,
        coming_up: false,
        before_recorded: false,
        of_treatment: None,
    }
}

fn tick(date: NaiveDate, task: &str) -> Change {
    Change::Tick {
        session: treated(),
        date,
        task: task.into(),
    }
}

#[test]
fn unticking_a_once_task_is_one_change_up_to_the_day() {
    let session = Session::new(treated());
    let untick = toggle_change(&task("book", Repeat::Once, true), &session, day(23));
    assert_eq!(
        untick,
        Change::UntickRange {
            session: treated(),
            task: "book".into(),
            first: NaiveDate::MIN,
            last: day(23)
        }
    );
    let daily = toggle_change(&task("water", Repeat::Daily, true), &session, day(23));
    assert_eq!(
        daily,
        Change::Untick {
            session: treated(),
            date: day(23),
            task: "water".into()
        }
    );
    let ticked = toggle_change(&task("water", Repeat::Daily, false), &session, day(23));
    assert_eq!(ticked, tick(day(23), "water"));
}

#[test]
fn undo_puts_back_the_ticks_the_untick_removed() {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    store.apply(&Change::AddSession { at: treated() }).unwrap();
    store.apply(&tick(day(21), "book")).unwrap();
    let seen = store.apply(&tick(day(22), "book")).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").unwrap();
    let rules = Rules::builtin().unwrap();
    let storage = Storage::from(store.clone());
    let mut ctx = Context::new(rules, storage, seen, Berlin, now, Size::new(80, 24));
    // Another copy ticks it on Day 1 too, and a daily task on Day 4, unseen by the app.
    store.apply(&tick(day(20), "book")).unwrap();
    store.apply(&tick(day(23), "water")).unwrap();
    let change = toggle_change(
        &task("book", Repeat::Once, true),
        ctx.session().unwrap(),
        day(23),
    );
    let before = ticked_dates(&ctx, &change);
    ctx.apply(&change).unwrap();
    let after = ticked_dates(&ctx, &change);
    assert_eq!(
        (before.as_slice(), after.as_slice()),
        (&[day(21), day(22)][..], &[][..])
    );
    let undo = undo_changes(&change, &before, &after);
    assert_eq!(undo, [tick(day(21), "book"), tick(day(22), "book")]);
    // Ticking a daily task undoes as one untick of that day, whatever else the file holds.
    let change = toggle_change(
        &task("water", Repeat::Daily, false),
        ctx.session().unwrap(),
        day(22),
    );
    let before = ticked_dates(&ctx, &change);
    ctx.apply(&change).unwrap();
    let undo = undo_changes(&change, &before, &ticked_dates(&ctx, &change));
    assert_eq!(
        undo,
        [Change::Untick {
            session: treated(),
            date: day(22),
            task: "water".into()
        }]
    );
}

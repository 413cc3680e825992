use super::*;
use crate::store::State;
use crate::tui::storage::Storage;
use chrono::DateTime;
use chrono_tz::Europe::Berlin;
use crossterm::event::KeyCode;
use ratatui::layout::Size;

fn treated() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").unwrap()
}

fn day3() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A demo-like context in memory, Day 3 of a treatment on Fri 20 Nov 14:00.
fn context() -> Context<chrono_tz::Tz> {
    let now = DateTime::parse_from_rfc3339("2026-11-22T09:00:00+01:00").unwrap();
    let state = Storage::Memory
        .apply(&State::default(), &Change::AddSession { at: treated() })
        .unwrap();
    let rules = Rules::builtin().unwrap();
    Context::new(
        rules,
        Storage::Memory,
        state,
        Berlin,
        now,
        Size::new(80, 24),
    )
}

fn rate(ctx: &mut Context<chrono_tz::Tz>, ratings: &[(&str, u8)], note: Option<&str>) {
    let patch = CheckInPatch {
        ratings: ratings.iter().map(|(id, r)| ((*id).into(), *r)).collect(),
        note: note.map(String::from),
        at: None,
        ..Default::default()
    };
    let change = Change::CheckIn {
        session: treated(),
        date: day3(),
        patch,
    };
    ctx.apply(&change).unwrap();
}

fn stored(ctx: &Context<chrono_tz::Tz>) -> CheckIn {
    ctx.session().unwrap().checkins[&day3()].clone()
}

#[test]
fn digits_rate_and_move_on_and_the_note_takes_text() {
    let mut ctx = context();
    let mut old = CheckIn::default();
    old.ratings.insert("swelling".into(), 3);
    old.ratings.insert("gone-from-plan".into(), 1);
    let mut form = CheckInForm::new(&ctx.rules, treated(), (3, day3()), Some(&old));
    assert_eq!(form.ratings[0], ("redness".into(), None));
    assert_eq!(form.ratings[1], ("swelling".into(), Some(3)));
    for action in [Action::Set(2), Action::Less, Action::NextRow] {
        form.update(&mut ctx, action);
    }
    for action in [
        Action::More,
        Action::More,
        Action::More,
        Action::NextRow,
        Action::NextRow,
    ] {
        form.update(&mut ctx, action);
    }
    assert!(form.on_note());
    for c in "ok!".chars() {
        form.handle_key(&mut ctx, KeyEvent::from(KeyCode::Char(c)));
    }
    form.handle_key(&mut ctx, KeyEvent::from(KeyCode::Backspace));
    // Redness 2, swelling 3 - 1, dryness from "not rated" up three; discomfort untouched and
    // the symptom the plan no longer lists are not part of what the user changed.
    let patch = form.patch(None);
    assert_eq!(
        patch.ratings.into_iter().collect::<Vec<_>>(),
        [
            ("dryness".into(), 3),
            ("redness".into(), 2),
            ("swelling".into(), 2)
        ]
    );
    assert_eq!(patch.note.as_deref(), Some("ok"));
    assert!(patch.cleared.is_empty());
    // "-" takes a rating back: swelling, stored as 3, is saved as not rated; redness, rated
    // only in this form, is simply not saved.
    for (row, action) in [(0, Action::Clear), (1, Action::Clear)] {
        form.row = row;
        form.update(&mut ctx, action);
    }
    assert_eq!(form.ratings[1], ("swelling".into(), None));
    let patch = form.patch(None);
    assert_eq!(patch.cleared.into_iter().collect::<Vec<_>>(), ["swelling"]);
    assert_eq!(
        patch.ratings.into_iter().collect::<Vec<_>>(),
        [("dryness".into(), 3)]
    );
    form.ratings[0].1 = Some(2);
    form.ratings[1].1 = Some(2);
    // Up from the first row wraps to the note; 5 is the ceiling, 0 the floor.
    form.row = 0;
    form.update(&mut ctx, Action::PrevRow);
    assert!(form.on_note());
    form.row = 0;
    for _ in 0..9 {
        form.update(&mut ctx, Action::More);
    }
    assert_eq!(form.ratings[0].1, Some(MAX_RATING));
    form.row = 3;
    form.update(&mut ctx, Action::Less);
    assert_eq!(form.ratings[3].1, Some(0));
}

#[test]
fn a_paste_goes_to_the_note_only() {
    let mut ctx = context();
    let mut form = CheckInForm::open(&mut ctx).unwrap();
    assert!(!form.paste("itchy\n  q"));
    assert_eq!(form.patch(None), CheckInPatch::default());
    form.row = form.ratings.len();
    assert!(form.paste("itchy\n  q"));
    assert_eq!(form.note.value(), "itchy   q");
    assert_eq!(form.update(&mut ctx, Action::Save), Effect::Close);
    assert_eq!(stored(&ctx).note, "itchy   q");
}

#[test]
fn the_form_opens_with_what_is_stored_and_saves_only_what_was_changed() {
    let mut ctx = context();
    rate(&mut ctx, &[("dryness", 2)], Some("tight"));
    let mut form = CheckInForm::open(&mut ctx).unwrap();
    assert_eq!(form.ratings[2], ("dryness".into(), Some(2)));
    assert_eq!(form.note.value(), "tight");
    assert!(form.is_update());
    // Meanwhile, elsewhere: dryness 4, swelling 1 and a new note.
    rate(
        &mut ctx,
        &[("dryness", 4), ("swelling", 1)],
        Some("tighter"),
    );
    for action in [Action::NextRow, Action::NextRow, Action::NextRow] {
        form.update(&mut ctx, action);
    }
    form.update(&mut ctx, Action::Set(1));
    assert_eq!(form.update(&mut ctx, Action::Save), Effect::Close);
    let now = stored(&ctx);
    let get = |id: &str| now.ratings.get(id).copied();
    assert_eq!(
        (
            get("redness"),
            get("swelling"),
            get("dryness"),
            get("discomfort")
        ),
        (None, Some(1), Some(4), Some(1))
    );
    assert_eq!(now.note, "tighter");
    assert_eq!(
        ctx.notice.as_deref(),
        Some(
            "Check-in saved for Day 3 · kept from elsewhere: Swelling 1, \
             Dryness or flaking 4, a note"
        )
    );
}

#[test]
fn enter_with_nothing_entered_saves_nothing() {
    let mut ctx = context();
    let mut form = CheckInForm::open(&mut ctx).unwrap();
    assert_eq!(form.update(&mut ctx, Action::Save), Effect::Done);
    assert_eq!(form.error.as_deref(), Some(NOTHING_RATED));
    assert!(ctx.session().unwrap().checkins.is_empty());
    // An earlier check-in opened and closed with Enter stays as it was.
    rate(&mut ctx, &[("redness", 2)], None);
    let mut form = CheckInForm::open(&mut ctx).unwrap();
    assert_eq!(form.update(&mut ctx, Action::Save), Effect::Close);
    assert_eq!(
        ctx.notice.as_deref(),
        Some("The check-in for Day 3 is unchanged")
    );
}

#[test]
fn a_note_is_shown_inert_and_saved_only_when_edited() {
    let mut ctx = context();
    let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}sore";
    rate(&mut ctx, &[], Some(hostile));
    let mut form = CheckInForm::open(&mut ctx).unwrap();
    assert_eq!(
        form.note.value(),
        "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}sore"
    );
    form.update(&mut ctx, Action::Set(1));
    assert_eq!(form.update(&mut ctx, Action::Save), Effect::Close);
    // The stored bytes are the patient's own; only a changed note replaces them.
    assert_eq!(stored(&ctx).note, hostile);
}

#[test]
fn a_treatment_moved_meanwhile_keeps_the_form_open_and_says_why() {
    let mut ctx = context();
    let mut form = CheckInForm::open(&mut ctx).unwrap();
    form.update(&mut ctx, Action::Set(2));
    // Another copy moved the treatment an hour on.
    let moved = treated() + chrono::Duration::hours(1);
    let change = Change::ReplaceLatest {
        from: Some(treated()),
        to: moved,
        plan: None,
        recorded: moved,
    };
    ctx.apply(&change).unwrap();
    assert_eq!(form.update(&mut ctx, Action::Save), Effect::Done);
    assert_eq!(
        form.error.as_deref(),
        Some(
            "The treatment of Fri 20 Nov 2026 14:00 is no longer recorded (another copy of \
             aftercare changed the treatments meanwhile); nothing was saved. Esc closes this \
             form; c opens it again for the treatment as now recorded."
        )
    );
    assert_eq!(form.ratings[0].1, Some(2));
    assert!(ctx.session().unwrap().checkins.is_empty());
    assert_eq!(ctx.session().unwrap().at, moved);
}

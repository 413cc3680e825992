//! The before/after screen with the built binary in a real pseudo-terminal: outside tmux the
//! terminal is asked once what it can draw (ratatui-image's query) and, answered like xterm,
//! the photos are drawn and every key after still arrives; inside tmux nothing is asked
//! (tmux would not pass the question on, and the reader left waiting would take a key).

mod pty;

use aftercare::photo;
use aftercare::store::{Change, PhotoCopy, Store};
use chrono::{DateTime, FixedOffset, NaiveDate};
use image::{ImageEncoder, Rgb, RgbImage};
use pty::{ENTER_SCREEN, Session};
use tempfile::TempDir;

/// The query ends with a device status request; a terminal answers it "OK".
const STATUS_REQUEST: &str = "\x1b[5n";

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A treatment on Fri 20 Nov with a before photo and one of Day 3.
fn treated_with_photos() -> TempDir {
    let dir = tempfile::Builder::new()
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .tempdir()
        .unwrap();
    let store = Store::new(dir.path());
    let treatment = at("2026-11-20T14:00:00+01:00");
    store.apply(&Change::AddSession { at: treatment }).unwrap();
    for (day, before, colour) in [(20, true, [200, 60, 60]), (22, false, [90, 160, 90])] {
        let image = RgbImage::from_fn(40, 50, |x, _| {
            Rgb(colour.map(|c: u8| c.saturating_add(x as u8)))
        });
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(image.as_raw(), 40, 50, image::ExtendedColorType::Rgb8)
            .unwrap();
        let cleaned = photo::clean(&png).unwrap();
        store
            .apply(&Change::AddPhoto {
                session: treatment,
                date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
                photo: PhotoCopy::new(cleaned, before, String::new(), treatment),
            })
            .unwrap();
    }
    dir
}

/// Opens the photos with b, back with Esc, quits with q: each key must arrive.
fn open_back_and_quit(session: Session, answer: Option<&str>) -> String {
    session.wait_for(&[ENTER_SCREEN, "Day 3 of recovery"]);
    let mark = session.mark();
    session.type_bytes(b"b");
    if let Some(answer) = answer {
        session.wait_for_since(mark, &[STATUS_REQUEST]);
        session.type_bytes(answer.as_bytes());
    }
    // The footer is drawn after the pictures' rows: the whole frame is in by then.
    let opened = session.wait_for_since(
        mark,
        &["Before · Fri 20 Nov 2026", "After · Day 3", " back"],
    );
    let back = session.mark();
    session.type_bytes(b"\x1b");
    session.wait_for_since(back, &["To do"]);
    session.type_bytes(b"q");
    let (status, _, cooked) = session.finish();
    assert!(status.success(), "{status:?}");
    assert!(cooked, "the terminal is given back");
    opened
}

#[test]
fn outside_tmux_the_terminal_is_asked_once_and_keys_still_arrive() {
    let dir = treated_with_photos();
    let Some(session) = Session::spawn(dir.path(), &[("TMUX", "")]) else {
        return;
    };
    // xterm's answers: a VT220 with no graphics (no sixel), then "OK".
    let opened = open_back_and_quit(session, Some("\x1b[?62;22c\x1b[0n"));
    assert_eq!(opened.matches(STATUS_REQUEST).count(), 1);
    assert!(
        opened.contains('▀') || opened.contains('▄'),
        "half-blocks drawn"
    );
}

#[test]
fn inside_tmux_nothing_is_asked_and_keys_still_arrive() {
    let dir = treated_with_photos();
    let Some(session) = Session::spawn(dir.path(), &[("TMUX", "/tmp/tmux-0/default,1,0")]) else {
        return;
    };
    let opened = open_back_and_quit(session, None);
    assert!(!opened.contains(STATUS_REQUEST), "{opened:?}");
}

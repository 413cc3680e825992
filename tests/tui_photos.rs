//! The before/after screen, drawn in half-blocks on a test backend: the demo's sample pair,
//! a patient's photos kept on disk, ←/→ through the "after" days, no photos yet, the help
//! with the plan's advice, and Esc back to the checklist.

mod tui_harness;

use aftercare::photo;
use aftercare::store::{Change, PhotoCopy, Store};
use aftercare::tui::{App, Screen};
use chrono::NaiveDate;
use chrono_tz::Tz;
use crossterm::event::KeyCode::{Char, Esc, Left, Right};
use image::{ImageEncoder, Rgb, RgbImage};
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use tui_harness::{NOW, at, buffer, demo, patient, press, resize, screen};

/// A PNG of one colour with a darker band across, `width` × `height`.
fn png(colour: [u8; 3], width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |_, y| {
        if y % 20 < 5 {
            Rgb(colour.map(|c| c / 2))
        } else {
            Rgb(colour)
        }
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            image.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// Keeps a photo in `store` under `day` of the treatment of Fri 20 Nov.
fn keep(store: &Store, day: u32, before: bool, colour: [u8; 3], note: &str) {
    let cleaned = photo::clean(&png(colour, 60, 80)).unwrap();
    store
        .apply(&Change::AddPhoto {
            session: at(tui_harness::TREATMENT),
            date: NaiveDate::from_ymd_opt(2026, 11, 19 + day).unwrap(),
            photo: PhotoCopy::new(cleaned, before, note.into(), at(NOW)),
        })
        .unwrap();
}

/// A patient on Day 3 with a before photo (red), Day 2's (green) and Day 3's (blue), the app
/// opened after they were kept.
fn patient_with_photos(width: u16, height: u16) -> (tempfile::TempDir, App<Tz>) {
    let (dir, store, _) = patient(width, height);
    keep(&store, 1, true, [200, 40, 40], "before, window light");
    keep(&store, 2, false, [40, 200, 40], "");
    keep(&store, 3, false, [40, 40, 200], "less red");
    let state = store.load().unwrap();
    let app = tui_harness::app_at(store, state, NOW, width, height);
    (dir, app)
}

/// The background colours drawn in a column of the screen, in the picture rows.
fn colours_at(buf: &Buffer, x: u16) -> Vec<Color> {
    (0..buf.area.height)
        .filter_map(|y| buf.cell((x, y)))
        .filter(|c| matches!(c.bg, Color::Rgb(..)))
        .flat_map(|c| [c.fg, c.bg])
        .collect()
}

/// The demo's clock moved to Day 7 (> six times), when its "a week later" photo is due.
fn demo_on_day_7(width: u16, height: u16) -> App<Tz> {
    let mut app = demo(width, height);
    press(&mut app, &[Char('>'); 6]);
    app
}

#[test]
fn demo_before_and_after_80x24() {
    let mut app = demo_on_day_7(80, 24);
    press(&mut app, &[Char('b')]);
    assert_eq!(app.screen(), &Screen::Photos);
    let shown = screen(&app);
    for words in [
        "Before",
        "After",
        "Before · Fri 20 Nov 2026",
        "After · Day 7 · Thu 26 Nov 2026",
        "“Sample photo: a week later”",
        "? help · Esc back",
    ] {
        assert!(shown.contains(words), "{words:?} in\n{shown}");
    }
    assert!(shown.matches(['▀', '▄']).count() > 400, "{shown}");
    insta::assert_snapshot!("photos_demo_80x24", shown);
}

#[test]
fn demo_before_and_after_200x60() {
    let mut app = demo_on_day_7(200, 60);
    press(&mut app, &[Char('b')]);
    let shown = screen(&app);
    assert!(shown.contains("6 days after the treatment"), "{shown}");
    insta::assert_snapshot!("photos_demo_200x60", shown);
}

/// The walk-through's case: the demo on Day 5 showed the "after" photo of Day 7. A photo
/// dated after the (simulated) today is not shown until its day comes.
#[test]
fn photos_dated_after_today_are_not_shown_until_their_day() {
    let mut app = demo(80, 24);
    press(&mut app, &[Char('>'); 4]);
    press(&mut app, &[Char('b')]);
    let shown = screen(&app);
    assert!(shown.contains("Before · Fri 20 Nov 2026"), "{shown}");
    assert!(!shown.contains("Day 7"), "{shown}");
    assert!(!shown.contains("a week later"), "{shown}");
    insta::assert_snapshot!("photos_demo_day5_80x24", shown);
    // Two days on, the photo of Day 7 is there, on the same screen.
    press(&mut app, &[Esc, Char('>'), Char('>'), Char('b')]);
    let shown = screen(&app);
    assert!(shown.contains("After · Day 7 · Thu 26 Nov 2026"), "{shown}");
    // A patient's photo filed under tomorrow (Day 4, on Day 3) waits for its day too.
    let (_dir, store, _) = patient(80, 24);
    keep(&store, 1, true, [200, 40, 40], "before");
    keep(&store, 4, false, [40, 40, 200], "tomorrow");
    let state = store.load().unwrap();
    let mut app = tui_harness::app_at(store, state, NOW, 80, 24);
    press(&mut app, &[Char('b')]);
    let shown = screen(&app);
    assert!(!shown.contains("tomorrow"), "{shown}");
    assert!(!shown.contains("Day 4"), "{shown}");
}

#[test]
fn both_pictures_have_the_same_size_and_show_their_own_photo() {
    let (_dir, mut app) = patient_with_photos(80, 24);
    press(&mut app, &[Char('b')]);
    let buf = buffer(&app);
    let blocks = |range: std::ops::Range<u16>| range.flat_map(|x| colours_at(&buf, x)).count();
    // Columns 1–38 and 41–78: the same number of picture cells on each side.
    assert_eq!(blocks(0..40), blocks(40..80));
    assert!(blocks(0..40) > 100);
    let reddest = |colours: Vec<Color>| {
        colours
            .iter()
            .filter(|c| matches!(c, Color::Rgb(r, g, b) if r > g && r > b))
            .count()
    };
    let bluest = |colours: Vec<Color>| {
        colours
            .iter()
            .filter(|c| matches!(c, Color::Rgb(r, _, b) if b > r))
            .count()
    };
    assert!(
        reddest(colours_at(&buf, 20)) > 5,
        "the before photo is the red one"
    );
    assert!(
        bluest(colours_at(&buf, 60)) > 5,
        "Day 3, the day viewed, is the after photo"
    );
}

#[test]
fn arrows_move_the_after_day_80x24() {
    let (_dir, mut app) = patient_with_photos(80, 24);
    press(&mut app, &[Char('b')]);
    let shown = screen(&app);
    assert!(shown.contains("‹ 2 of 2 ›"), "{shown}");
    assert!(
        shown.contains("←→ after day · ? help · Esc back"),
        "{shown}"
    );
    assert!(shown.contains("After · Day 3 · Sun 22 Nov 2026"), "{shown}");
    assert!(shown.contains("2 days after the treatment"), "{shown}");
    assert!(shown.contains("“less red”"), "{shown}");
    insta::assert_snapshot!("photos_patient_day3_80x24", shown);
    press(&mut app, &[Left]);
    let shown = screen(&app);
    assert!(shown.contains("‹ 1 of 2 ›"), "{shown}");
    assert!(shown.contains("After · Day 2 · Sat 21 Nov 2026"), "{shown}");
    assert!(shown.contains("1 day after the treatment"), "{shown}");
    assert!(shown.contains("“before, window light”"), "{shown}");
    let green = colours_at(&buffer(&app), 60)
        .iter()
        .filter(|c| matches!(c, Color::Rgb(r, g, b) if g > r && g > b))
        .count();
    assert!(green > 5);
    insta::assert_snapshot!("photos_patient_day2_80x24", shown);
    // The ends stay put.
    press(&mut app, &[Left, Left]);
    assert!(screen(&app).contains("‹ 1 of 2 ›"));
    press(&mut app, &[Right, Right, Right]);
    assert!(screen(&app).contains("‹ 2 of 2 ›"));
    // A resize draws them again at the new size.
    resize(&mut app, 120, 40);
    let cells = colours_at(&buffer(&app), 30).len() + colours_at(&buffer(&app), 90).len();
    assert!(cells > 60, "{cells}");
    press(&mut app, &[Esc]);
    assert_eq!(app.screen(), &Screen::Checklist);
}

#[test]
fn the_day_viewed_on_the_checklist_opens_as_after() {
    let (_dir, mut app) = patient_with_photos(80, 24);
    press(&mut app, &[Left, Char('b')]);
    assert!(screen(&app).contains("After · Day 2 · Sat 21 Nov 2026"));
}

#[test]
fn no_photos_yet_says_how_to_add_them_80x24() {
    let (_dir, _store, mut app) = patient(80, 24);
    press(&mut app, &[Char('b')]);
    let shown = screen(&app);
    assert!(
        shown.contains("No photos of this treatment yet."),
        "{shown}"
    );
    assert!(
        shown.contains("aftercare photo add FILE --before"),
        "{shown}"
    );
    assert!(shown.contains("same light"), "{shown}");
    insta::assert_snapshot!("photos_none_80x24", shown);
    press(&mut app, &[Char('q')]);
    assert_eq!(app.screen(), &Screen::Checklist);
    assert!(!app.should_quit());
}

#[test]
fn help_on_the_photos_gives_the_plans_advice_and_the_checklist_help_names_b() {
    let (_dir, _store, mut app) = patient(80, 40);
    press(&mut app, &[Char('?')]);
    assert!(screen(&app).contains("Before and after: your photos side by side"));
    press(&mut app, &[Esc, Char('b'), Char('?')]);
    let shown = screen(&app);
    assert!(shown.contains("Take every photo the same way"), "{shown}");
    assert!(shown.contains("general practice"), "{shown}");
    assert!(
        shown.contains("Compare with a later day's photo"),
        "{shown}"
    );
}

#[test]
fn a_photo_missing_from_disk_is_said_not_drawn() {
    let (dir, mut app) = patient_with_photos(80, 24);
    for entry in std::fs::read_dir(dir.path().join("photos")).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    press(&mut app, &[Char('b')]);
    let shown = screen(&app);
    assert!(shown.contains("This photo cannot be shown"), "{shown}");
    assert!(
        shown.contains("there (was it moved or deleted?)"),
        "{shown}"
    );
}

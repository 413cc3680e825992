use super::*;
use crossterm::queue;
use crossterm::style::{Attribute, SetAttribute};

fn theirs(command: impl crossterm::Command) -> String {
    let mut out = Vec::new();
    queue!(out, command).unwrap();
    String::from_utf8(out).unwrap()
}

fn ours(write: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut out = Vec::new();
    write(&mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn attributes_have_crossterms_numbers() {
    for (code, which) in [
        (attr::RESET, Attribute::Reset),
        (attr::BOLD, Attribute::Bold),
        (attr::DIM, Attribute::Dim),
        (attr::ITALIC, Attribute::Italic),
        (attr::UNDERLINED, Attribute::Underlined),
        (attr::SLOW_BLINK, Attribute::SlowBlink),
        (attr::RAPID_BLINK, Attribute::RapidBlink),
        (attr::REVERSE, Attribute::Reverse),
        (attr::HIDDEN, Attribute::Hidden),
        (attr::CROSSED_OUT, Attribute::CrossedOut),
        (attr::NORMAL_INTENSITY, Attribute::NormalIntensity),
        (attr::NO_ITALIC, Attribute::NoItalic),
        (attr::NO_UNDERLINE, Attribute::NoUnderline),
        (attr::NO_BLINK, Attribute::NoBlink),
        (attr::NO_REVERSE, Attribute::NoReverse),
        (attr::NO_HIDDEN, Attribute::NoHidden),
        (attr::NOT_CROSSED_OUT, Attribute::NotCrossedOut),
    ] {
        assert_eq!(
            ours(|out| attribute(out, code)),
            theirs(SetAttribute(which)),
            "{which:?}"
        );
    }
}

/// Every named colour, the default, and indexed and RGB colours of one, two and three digits.
fn all_colors() -> Vec<Color> {
    let mut all = vec![
        Color::Reset,
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    for n in [0, 7, 9, 10, 42, 99, 100, 238, 255] {
        all.push(Color::Indexed(n));
        all.push(Color::Rgb(n, 255 - n, n / 2));
    }
    all
}

#[test]
fn colours_are_written_as_crossterm_writes_them() {
    for fg in all_colors() {
        for bg in all_colors() {
            let pair = Colors::new(fg.into_crossterm(), bg.into_crossterm());
            assert_eq!(
                ours(|out| colors(out, fg, bg).unwrap()),
                theirs(SetColors(pair)),
                "{fg:?} on {bg:?}"
            );
        }
        assert_eq!(
            ours(|out| underline(out, fg).unwrap()),
            theirs(SetUnderlineColor(fg.into_crossterm())),
            "underline {fg:?}"
        );
    }
}

#[test]
fn a_frame_ends_with_every_style_reset() {
    let mut expected = theirs(SetForegroundColor(CColor::Reset));
    expected += &theirs(crossterm::style::SetBackgroundColor(CColor::Reset));
    expected += &theirs(SetUnderlineColor(CColor::Reset));
    expected += &theirs(SetAttribute(Attribute::Reset));
    assert_eq!(ours(|out| reset(out).unwrap()), expected);
}
